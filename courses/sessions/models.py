"""Live training: a session (a run of a course over one or more dates), its bookings and attendance.

A session's seats are counted from its bookings, never from a stored counter: the booking services lock the
session row (``select_for_update``) while they count and write, so that two people can never take the last
seat and the waitlist positions follow the order in which the transactions commit. Each change of a booking's
status is kept as a ``BookingStatusChange`` row (who, when, from, to), as Moodle's facetoface keeps its
signup statuses.

Times are stored in UTC and shown in Europe/London.
"""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from ..catalogue.models import CoursePage, Delivery

# The deliveries that have sessions (e-learning has none).
SESSION_DELIVERIES = (Delivery.FACE_TO_FACE, Delivery.VIRTUAL, Delivery.BLENDED)

MAX_CAPACITY = 1000


def new_feed_token() -> str:
    """A secret for a calendar feed URL (URL-safe, 256 bits)."""
    return secrets.token_urlsafe(32)


class TrainingSession(ClusterableModel):
    """A run of a course: its dates, where, who teaches it, how many seats and when booking is open.

    ``sequence`` is the iCalendar SEQUENCE of the invitations sent for it: the services increment it when a
    date or the venue moves, or the session is cancelled, so that calendars replace the event they hold.
    ``starts_at`` / ``ends_at`` are the first date's start and the last date's end, kept by the services
    (``sessions.services.refresh_span``) so that lists, filters and measures need not join the dates.
    """

    course = models.ForeignKey(
        CoursePage,
        on_delete=models.PROTECT,
        related_name="training_sessions",
        limit_choices_to={"delivery__in": [d.value for d in SESSION_DELIVERIES]},
    )
    title = models.CharField(
        max_length=150, blank=True, help_text="Optional, to tell runs apart (e.g. 'Spring cohort')."
    )
    district = models.ForeignKey(
        "accounts.District", on_delete=models.PROTECT, related_name="training_sessions", help_text="Where it is held."
    )
    venue_name = models.CharField(max_length=200, blank=True)
    venue_address = models.TextField(blank=True)
    access_notes = models.TextField(blank=True, help_text="Parking, step-free access, hearing loop, etc.")
    joining_url = models.URLField(
        "online joining link", max_length=500, blank=True, help_text="Shown only to people with a booked place."
    )
    capacity = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)], help_text="Seats (1 to 1,000)."
    )
    waitlist_enabled = models.BooleanField(default=True, help_text="When full, people may join a waitlist.")
    trainers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="sessions_taught")
    booking_opens_at = models.DateTimeField(null=True, blank=True, help_text="Blank: open now.")
    booking_closes_at = models.DateTimeField(null=True, blank=True, help_text="Blank: when the first date starts.")
    needs_approval = models.BooleanField(
        default=False, help_text="A training manager approves each request; unanswered requests expire at close."
    )
    notes_for_learners = models.TextField(blank=True)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    starts_at = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)
    ends_at = models.DateTimeField(null=True, blank=True, editable=False)
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)
    cancel_reason = models.TextField(blank=True, editable=False)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    # Set once the close of booking has been handled (requests expired, those still waiting told).
    booking_close_processed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The register is closed once the last date has passed and the trainer closes it (outcomes then set).
    register_closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    register_closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gte=1) & Q(capacity__lte=MAX_CAPACITY), name="session_capacity_range"
            ),
            models.CheckConstraint(
                condition=Q(booking_opens_at__isnull=True)
                | Q(booking_closes_at__isnull=True)
                | Q(booking_closes_at__gt=F("booking_opens_at")),
                name="session_booking_window_order",
            ),
        ]
        indexes = [
            models.Index(fields=["course", "starts_at"]),
            models.Index(fields=["district", "starts_at"]),
        ]
        permissions = [("approve_booking", "Can approve or decline booking requests")]

    def __str__(self) -> str:
        when = timezone.localtime(self.starts_at).strftime("%-d %b %Y") if self.starts_at else "no dates yet"
        name = f"{self.course.title} ({self.title})" if self.title else self.course.title
        return f"{name}, {when}"

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    def booking_closes(self):
        """When booking closes: the set time, or the first date's start."""
        return self.booking_closes_at or self.starts_at


class SessionDate(models.Model):
    """One day (or part of one) of a session. ``reminder_sent_at`` makes the two-day reminder go once."""

    session = ParentalKey(TrainingSession, on_delete=models.CASCADE, related_name="dates")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="session_date_end_after_start")
        ]
        indexes = [models.Index(fields=["session", "starts_at"]), models.Index(fields=["starts_at"])]

    def __str__(self) -> str:
        start = timezone.localtime(self.starts_at)
        end = timezone.localtime(self.ends_at)
        return f"{start:%a %-d %b %Y, %H:%M}-{end:%H:%M}"


class BookingStatus(models.TextChoices):
    REQUESTED = "requested", "Requested"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Declined"
    EXPIRED = "expired", "Request expired"
    BOOKED = "booked", "Booked"
    WAITLISTED = "waitlisted", "Waitlisted"
    CANCELLED = "cancelled", "Cancelled by the learner"
    SESSION_CANCELLED = "session_cancelled", "Cancelled with the session"
    ATTENDED = "attended", "Attended"
    PARTLY_ATTENDED = "partly_attended", "Partly attended"
    NO_SHOW = "no_show", "No-show"


# A person holds at most one booking in these statuses per session (the others are history).
LIVE_STATUSES = (
    BookingStatus.REQUESTED,
    BookingStatus.APPROVED,
    BookingStatus.BOOKED,
    BookingStatus.WAITLISTED,
    BookingStatus.ATTENDED,
    BookingStatus.PARTLY_ATTENDED,
    BookingStatus.NO_SHOW,
)
# The statuses that take a seat.
SEAT_STATUSES = (
    BookingStatus.BOOKED,
    BookingStatus.ATTENDED,
    BookingStatus.PARTLY_ATTENDED,
    BookingStatus.NO_SHOW,
)
# The attendance outcomes, set when the register closes.
OUTCOME_STATUSES = (BookingStatus.ATTENDED, BookingStatus.PARTLY_ATTENDED, BookingStatus.NO_SHOW)


class Booking(models.Model):
    """A person's place (or request, or place on the waitlist) on a session.

    ``calendar_uid`` seeds the iCalendar UIDs (one per booking and date) so that every update a person gets
    names the same events. ``waitlist_position`` is 1-based and set only while waitlisted.
    """

    Status = BookingStatus

    session = models.ForeignKey(TrainingSession, on_delete=models.PROTECT, related_name="bookings")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="session_bookings")
    status = models.CharField(max_length=20, choices=BookingStatus.choices)
    waitlist_position = models.PositiveIntegerField(null=True, blank=True)
    cancel_reason = models.TextField(blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    booked_at = models.DateTimeField(null=True, blank=True, help_text="When the place was last given.")
    created_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(default=timezone.now)
    calendar_uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    enrolment = models.ForeignKey(
        "courses.Enrolment", on_delete=models.SET_NULL, null=True, blank=True, related_name="session_bookings"
    )
    completion = models.ForeignKey(
        "courses.Completion", on_delete=models.SET_NULL, null=True, blank=True, related_name="session_bookings"
    )
    outcome_note = models.TextField(blank=True, help_text="The trainer's note on the outcome (e.g. why partly).")

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], condition=Q(status__in=LIVE_STATUSES), name="one_live_booking_per_session"
            ),
            models.CheckConstraint(
                condition=Q(waitlist_position__isnull=True) | Q(status=BookingStatus.WAITLISTED),
                name="booking_waitlist_position_only_when_waitlisted",
            ),
        ]
        indexes = [
            models.Index(fields=["session", "status"]),
            models.Index(fields=["user", "status"]),
            models.Index(fields=["status", "booked_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.user} on {self.session}: {self.get_status_display()}"

    @property
    def holds_seat(self) -> bool:
        return self.status in SEAT_STATUSES


class BookingStatusChange(models.Model):
    """One change of a booking's status: from, to, by whom (blank: the system) and when."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=BookingStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=BookingStatus.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]
        indexes = [models.Index(fields=["booking", "changed_at"]), models.Index(fields=["to_status", "changed_at"])]

    def __str__(self) -> str:
        return f"{self.booking_id}: {self.from_status or '-'} -> {self.to_status}"


class DateAttendance(models.Model):
    """Whether a booked person was present on one date of the session, and how it was recorded."""

    class Via(models.TextChoices):
        REGISTER = "register", "Register"
        QR = "qr", "QR check-in"
        IMPORT = "import", "Imported sign-in sheet"

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="attendances")
    session_date = models.ForeignKey(SessionDate, on_delete=models.CASCADE, related_name="attendances")
    present = models.BooleanField()
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    marked_at = models.DateTimeField(default=timezone.now)
    via = models.CharField(max_length=10, choices=Via.choices, default=Via.REGISTER)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["booking", "session_date"], name="one_attendance_per_booking_and_date")
        ]
        indexes = [models.Index(fields=["session_date", "present"])]

    def __str__(self) -> str:
        return f"{self.booking_id} on {self.session_date_id}: {'present' if self.present else 'absent'}"


class CalendarFeed(models.Model):
    """A person's private calendar feed (their booked sessions, or those they teach); resetting the token
    breaks every old subscription URL."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(default=timezone.now)
    reset_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Calendar feed of {self.user}"
