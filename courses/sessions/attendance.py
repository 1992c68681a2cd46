"""Registers, QR check-in and attendance outcomes: who was there, and what that completes.

- A register belongs to one date of a session: every booking holding a seat, marked present or absent.
  Marking opens 15 minutes before the date starts (people arrive early) and stays open until the session's
  register is closed. Only the session's trainers (and training managers) may mark it.
- QR check-in marks the person who scans present for that date (``checkin_codes``).
- Closing the register, once the last date has ended, gives each booking its outcome: *attended* when
  every date was attended, *partly attended* when some were, *no-show* when none were; each a status
  change with who and when. An attended booking completes the course through learning's
  ``record_completion`` (so the certificate follows and the person's place is copied): at once for a
  course taught only in sessions, and for a blended course only if the online modules are done too.
  Partly attended completes nothing; the trainer may record why (``record_outcome_note``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.roles import TRAINING_MANAGERS

from ..catalogue.selectors import course_outline
from ..learning import selectors as learning_selectors
from ..learning import services as learning_services
from ..learning.models import Completion, Enrolment
from .models import (
    OUTCOME_STATUSES,
    SEAT_STATUSES,
    Booking,
    BookingStatusChange,
    DateAttendance,
    SessionDate,
    TrainingSession,
)

MARKING_OPENS_BEFORE = datetime.timedelta(minutes=15)
# A QR code is accepted until this long after its date ends (the last stragglers at the door).
CHECK_IN_CLOSES_AFTER = datetime.timedelta(minutes=30)


class AttendanceError(Exception):
    """Attendance cannot be recorded as asked; the message says why and nothing was changed."""


# --- Who may mark --------------------------------------------------------------------------------------------


def is_training_manager(user: User) -> bool:
    return user.is_superuser or user.groups.filter(name=TRAINING_MANAGERS).exists()


def sessions_taught_by(user: User):
    """The sessions a person may keep registers for: those they teach (every session, for training managers)."""
    sessions = (
        TrainingSession.objects.all() if is_training_manager(user) else TrainingSession.objects.filter(trainers=user)
    )
    return sessions.select_related("course", "district").order_by("-starts_at", "pk")


def taught_date(user: User, date_id: int) -> SessionDate | None:
    """The date, if its session is one the person may keep the register of (None: a 404 to them)."""
    return (
        SessionDate.objects.filter(pk=date_id, session__in=sessions_taught_by(user).values("pk"))
        .select_related("session__course", "session__district")
        .first()
    )


# --- The register of one date --------------------------------------------------------------------------------


def marking_opens_at(session_date: SessionDate) -> datetime.datetime:
    return session_date.starts_at - MARKING_OPENS_BEFORE


def is_marking_open(session_date: SessionDate, now: datetime.datetime | None = None) -> bool:
    now = now or timezone.now()
    session = session_date.session
    return not session.is_cancelled and session.register_closed_at is None and now >= marking_opens_at(session_date)


@dataclass(frozen=True)
class RegisterRow:
    booking: Booking
    present: bool | None  # None: not marked yet
    via: str


def register(session_date: SessionDate) -> list[RegisterRow]:
    """Every booking holding a seat on the session, with its mark for this date: two queries, whatever the size."""
    bookings = list(
        Booking.objects.filter(session_id=session_date.session_id, status__in=SEAT_STATUSES)
        .select_related("user__organisation")
        .order_by("user__full_name", "user__email", "pk")
    )
    marks = {
        booking_id: (present, via)
        for booking_id, present, via in DateAttendance.objects.filter(session_date=session_date).values_list(
            "booking_id", "present", "via"
        )
    }
    return [RegisterRow(b, *marks.get(b.pk, (None, ""))) for b in bookings]


def _check_open(session_date: SessionDate, now: datetime.datetime) -> None:
    session = session_date.session
    if session.is_cancelled:
        raise AttendanceError("This session was cancelled: there is no register to mark.")
    if session.register_closed_at is not None:
        raise AttendanceError("The register of this session is closed: attendance can no longer be changed.")
    if now < marking_opens_at(session_date):
        opens = timezone.localtime(marking_opens_at(session_date))
        raise AttendanceError(f"The register opens at {opens:%H:%M} on {opens:%-d %B %Y}, 15 minutes before the start.")


def _save_marks(session_date: SessionDate, marks: dict[int, bool], by: User | None, via: str, now) -> None:
    DateAttendance.objects.bulk_create(
        [
            DateAttendance(
                booking_id=booking_id, session_date=session_date, present=present, marked_by=by, marked_at=now, via=via
            )
            for booking_id, present in marks.items()
        ],
        update_conflicts=True,
        unique_fields=["booking", "session_date"],
        update_fields=["present", "marked_by", "marked_at", "via"],
    )


def mark_register(
    session_date: SessionDate,
    marks: dict[int, bool],
    *,
    by: User,
    via: str = DateAttendance.Via.REGISTER,
    now: datetime.datetime | None = None,
) -> int:
    """Record present (True) or absent (False) for bookings on this date; returns how many were recorded.

    Every booking named must hold a seat on this session, else nothing is recorded.
    """
    now = now or timezone.now()
    _check_open(session_date, now)
    if not marks:
        return 0
    with transaction.atomic():
        session = TrainingSession.objects.select_for_update().get(pk=session_date.session_id)
        session_date.session = session
        _check_open(session_date, now)  # closed meanwhile?
        seated = set(
            Booking.objects.filter(session=session, status__in=SEAT_STATUSES, pk__in=list(marks)).values_list(
                "pk", flat=True
            )
        )
        unknown = set(marks) - seated
        if unknown:
            raise AttendanceError("Some of the people marked do not hold a place on this session; nothing was saved.")
        _save_marks(session_date, marks, by, via, now)
    return len(marks)


def check_in(session_date: SessionDate, user: User, *, now: datetime.datetime | None = None) -> Booking:
    """Mark the person present on this date by their scan of its QR code (after the code was checked)."""
    now = now or timezone.now()
    session = session_date.session
    if now > session_date.ends_at + CHECK_IN_CLOSES_AFTER or now < marking_opens_at(session_date):
        day = timezone.localtime(session_date.starts_at)
        raise AttendanceError(f"This code is for the session on {day:%A %-d %B %Y}, not now.")
    booking = Booking.objects.filter(session=session, user=user, status__in=SEAT_STATUSES).first()
    if booking is None:
        raise AttendanceError(
            "You do not have a place on this session, so you cannot check in. Please see the trainer."
        )
    _check_open(session_date, now)
    with transaction.atomic():
        TrainingSession.objects.select_for_update().filter(pk=session.pk).first()
        _save_marks(session_date, {booking.pk: True}, user, DateAttendance.Via.QR, now)
    return booking


# --- Closing the register: outcomes and completion -----------------------------------------------------------


@dataclass(frozen=True)
class ClosingSummary:
    attended: int
    partly_attended: int
    no_shows: int
    completions: int


def outcome_for(dates_present: int, dates: int) -> str:
    """Attended when every date was attended, partly attended when some were, no-show when none were."""
    if dates and dates_present >= dates:
        return Booking.Status.ATTENDED
    if dates_present:
        return Booking.Status.PARTLY_ATTENDED
    return Booking.Status.NO_SHOW


def close_register(session: TrainingSession, *, by: User, now: datetime.datetime | None = None) -> ClosingSummary:
    """Close the session's register once its last date has ended: set every seat's outcome and complete the
    course for those who attended every date (see the module's docstring). Closing twice is refused."""
    now = now or timezone.now()
    with transaction.atomic():
        session = TrainingSession.objects.select_for_update().select_related("course").get(pk=session.pk)
        if session.is_cancelled:
            raise AttendanceError("This session was cancelled: there is no register to close.")
        if session.register_closed_at is not None:
            raise AttendanceError("The register of this session is already closed.")
        if session.ends_at is None or now < session.ends_at:
            raise AttendanceError("The register can be closed once the last date of the session has ended.")
        date_ids = list(session.dates.values_list("pk", flat=True))
        bookings = list(
            Booking.objects.select_for_update(of=("self",))
            .filter(session=session, status__in=SEAT_STATUSES)
            .select_related("user", "enrolment")
        )
        present: dict[int, int] = {}
        for booking_id in DateAttendance.objects.filter(
            booking__in=[b.pk for b in bookings], session_date_id__in=date_ids, present=True
        ).values_list("booking_id", flat=True):
            present[booking_id] = present.get(booking_id, 0) + 1
        counts = dict.fromkeys(OUTCOME_STATUSES, 0)
        changes, completions = [], 0
        for booking in bookings:
            outcome = outcome_for(present.get(booking.pk, 0), len(date_ids))
            counts[outcome] += 1
            if booking.status != outcome:
                changes.append(
                    BookingStatusChange(
                        booking=booking, from_status=booking.status, to_status=outcome, changed_by=by, changed_at=now
                    )
                )
                booking.status = outcome
                booking.status_changed_at = now
            if outcome == Booking.Status.ATTENDED and _complete(booking, session):
                completions += 1
        Booking.objects.bulk_update(bookings, ["status", "status_changed_at", "enrolment", "completion"])
        BookingStatusChange.objects.bulk_create(changes)
        session.register_closed_at = now
        session.register_closed_by = by
        session.save(update_fields=["register_closed_at", "register_closed_by"])
    return ClosingSummary(
        counts[Booking.Status.ATTENDED],
        counts[Booking.Status.PARTLY_ATTENDED],
        counts[Booking.Status.NO_SHOW],
        completions,
    )


def _complete(booking: Booking, session: TrainingSession) -> bool:
    """Complete the course for an attended booking if its rule is met; True if a completion was recorded."""
    course, user = session.course, booking.user
    if booking.completion_id:
        return False
    if course_outline(course).modules:
        # Blended: the online modules as well as the attendance.
        state = learning_selectors.learner_course_state(user, course)
        if state.enrolment is None or not state.all_done:
            return False
        enrolment = state.enrolment
        if enrolment.status == Enrolment.Status.COMPLETED:
            booking.completion = Completion.objects.filter(enrolment=enrolment).first()
            return False
    else:
        enrolment = booking.enrolment
        if enrolment is None or enrolment.status != Enrolment.Status.ACTIVE:
            enrolment = learning_services.enrol(user, course, source=Enrolment.Source.BOOKING)
    booking.enrolment = enrolment
    booking.completion = learning_services.record_completion(
        user, course, completed_at=session.ends_at, enrolment=enrolment, source=Completion.Source.ATTENDANCE
    )
    return True


def record_outcome_note(booking: Booking, note: str, *, by: User) -> Booking:
    """The trainer's note on an outcome (why someone partly attended); kept with the booking's history."""
    note = " ".join((note or "").split())[:1000]
    if booking.status not in OUTCOME_STATUSES:
        raise AttendanceError("A note can be added once the register is closed.")
    booking.outcome_note = note
    booking.save(update_fields=["outcome_note"])
    BookingStatusChange.objects.create(
        booking=booking,
        from_status=booking.status,
        to_status=booking.status,
        changed_by=by,
        note=f"Outcome note: {note}",
    )
    return booking
