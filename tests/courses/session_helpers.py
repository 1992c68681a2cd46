"""Training sessions for the tests: a face-to-face course with a session of one or more dates."""

from __future__ import annotations

import datetime

from django.utils import timezone

from courses.catalogue.models import Delivery
from courses.models import CoursePage, SessionDate, TrainingSession
from courses.sessions import services
from tests.courses.certificate_helpers import make_course
from tests.factories import district


def in_days(days: float, hour: int = 9) -> datetime.datetime:
    """A time ``days`` from now, at ``hour`` o'clock (UTC), to the minute."""
    day = (timezone.now() + datetime.timedelta(days=days)).date()
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=datetime.UTC)


def make_session(
    course: CoursePage | None = None,
    *,
    capacity: int = 20,
    dates: list[tuple[datetime.datetime, datetime.datetime]] | None = None,
    **fields,
) -> TrainingSession:
    """A session (14 days ahead, 9:30-16:30, one date unless given) whose span is kept as the services keep it."""
    course = course or make_course(delivery=Delivery.FACE_TO_FACE)
    fields.setdefault("district", district())
    fields.setdefault("venue_name", "Fenland Hall")
    fields.setdefault("venue_address", "1 Market Place, March PE15 9JF")
    session = TrainingSession.objects.create(course=course, capacity=capacity, **fields)
    if dates is None:
        start = in_days(14, 9) + datetime.timedelta(minutes=30)
        dates = [(start, start + datetime.timedelta(hours=7))]
    for starts_at, ends_at in dates:
        SessionDate.objects.create(session=session, starts_at=starts_at, ends_at=ends_at)
    return services.refresh_span(session)
