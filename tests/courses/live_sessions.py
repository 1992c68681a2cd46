"""Sessions for the registers, calendars and measures tests: a face-to-face course, its dates, bookings.

Bookings are written as the booking services leave them (a status, a history row): these tests are about
what happens to a booking after it is made.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from courses.models import Booking, BookingStatusChange, CoursePage, SessionDate, TrainingSession
from tests.courses.course_pages import course
from tests.factories import UserFactory, district

HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


def face_to_face_course(slug: str = "dash-risk-identification", **fields):
    """The course of that slug (made, face-to-face unless told, the first time it is asked for)."""
    existing = CoursePage.objects.filter(slug=slug).first()
    if existing is not None:
        return existing
    fields.setdefault("delivery", "face_to_face")
    return course(slug, **fields)


def training_session(
    course_page=None, *, starts: list[datetime.datetime] | None = None, hours: int = 3, trainers=(), **fields
) -> TrainingSession:
    """A session with one date per start (each ``hours`` long); the first date two days away by default."""
    course_page = course_page or face_to_face_course()
    # Whole minutes, as the admin's date pickers give (and iCalendar keeps no fractions of a second).
    starts = [s.replace(second=0, microsecond=0) for s in (starts or [timezone.now() + 2 * DAY])]
    fields.setdefault("district", district("fenland"))
    fields.setdefault("capacity", 20)
    fields.setdefault("venue_name", "Fenland Hall")
    fields.setdefault("venue_address", "1 Market Place, March PE15 9JF")
    session = TrainingSession.objects.create(course=course_page, **fields)
    for start in starts:
        SessionDate.objects.create(session=session, starts_at=start, ends_at=start + hours * HOUR)
    session.starts_at = min(starts)
    session.ends_at = max(starts) + hours * HOUR
    session.save(update_fields=["starts_at", "ends_at"])
    session.trainers.set(trainers)
    return session


def book(session: TrainingSession, user=None, *, status: str = Booking.Status.BOOKED, **fields) -> Booking:
    user = user or UserFactory()
    now = timezone.now()
    if status == Booking.Status.WAITLISTED:
        fields.setdefault("waitlist_position", 1)
    fields.setdefault("booked_at", now if status == Booking.Status.BOOKED else None)
    booking = Booking.objects.create(session=session, user=user, status=status, **fields)
    BookingStatusChange.objects.create(booking=booking, to_status=status, changed_by=user)
    return booking


def trainer(**fields):
    return UserFactory(groups=["Trainers"], job_title="Trainer", **fields)
