"""Reads for live training: upcoming sessions with seats left, a person's bookings, a trainer's sessions.

Each list runs a fixed number of queries whatever its length (seats are counted in the same query, dates
prefetched in one more).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from ..catalogue.models import CoursePage
from .models import SEAT_STATUSES, Booking, BookingStatus, SessionDate, TrainingSession

# What My learning lists: the bookings still ahead of the person.
OPEN_BOOKING_STATUSES = (
    BookingStatus.REQUESTED,
    BookingStatus.APPROVED,
    BookingStatus.BOOKED,
    BookingStatus.WAITLISTED,
)


def _with_seats_and_dates(sessions: QuerySet[TrainingSession]) -> QuerySet[TrainingSession]:
    return (
        sessions.select_related("district", "course")
        .annotate(seats_taken=Count("bookings", filter=Q(bookings__status__in=SEAT_STATUSES)))
        .prefetch_related(Prefetch("dates", queryset=SessionDate.objects.order_by("starts_at")))
    )


def seats_left(session: TrainingSession) -> int:
    """Free seats (from the annotation when the session came from a list here)."""
    taken = getattr(session, "seats_taken", None)
    if taken is None:
        taken = session.bookings.filter(status__in=SEAT_STATUSES).count()
    return max(session.capacity - taken, 0)


@dataclass(frozen=True)
class SessionRow:
    session: TrainingSession
    dates: list[SessionDate]
    seats_left: int
    is_open: bool


def _row(session: TrainingSession, now) -> SessionRow:
    from .services import booking_is_open

    return SessionRow(session, list(session.dates.all()), seats_left(session), booking_is_open(session, now))


def upcoming_sessions(course: CoursePage) -> list[SessionRow]:
    """The course's sessions not yet started and not cancelled, soonest first (two queries)."""
    now = timezone.now()
    sessions = TrainingSession.objects.filter(course=course, cancelled_at__isnull=True, starts_at__gt=now)
    return [_row(session, now) for session in _with_seats_and_dates(sessions.order_by("starts_at", "pk"))]


def session_for_learner(session_id: int) -> TrainingSession | None:
    """A session of a live course (cancelled ones too, so that a link in an email still explains)."""
    return (
        _with_seats_and_dates(TrainingSession.objects.filter(pk=session_id, course__live=True))
        .select_related("course")
        .first()
    )


def session_row(session: TrainingSession) -> SessionRow:
    return _row(session, timezone.now())


def booking_of(user, session: TrainingSession) -> Booking | None:
    """The person's live booking on the session, if any (the latest)."""
    if not user.is_authenticated:
        return None
    from .models import LIVE_STATUSES

    return session.bookings.filter(user=user, status__in=LIVE_STATUSES).order_by("-created_at").first()


def my_open_bookings(user) -> list[Booking]:
    """The person's requested, booked and waitlisted places on sessions not yet over, soonest first."""
    now = timezone.now()
    return list(
        Booking.objects.filter(user=user, status__in=OPEN_BOOKING_STATUSES, session__ends_at__gt=now)
        .select_related("session__course", "session__district")
        .prefetch_related(Prefetch("session__dates", queryset=SessionDate.objects.order_by("starts_at")))
        .order_by("session__starts_at", "pk")
    )


def own_booking(user, booking_id: int) -> Booking | None:
    """The person's own booking (anyone else's is not found)."""
    return Booking.objects.select_related("session").filter(pk=booking_id, user=user).first()


def sessions_taught(user) -> QuerySet[TrainingSession]:
    return _with_seats_and_dates(TrainingSession.objects.filter(trainers=user)).order_by("-starts_at")
