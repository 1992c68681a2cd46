"""Demo training sessions (``courses/fixtures/demo/sessions.json``): past and upcoming, with bookings, a
waitlist and an approval request, and the champion training as two dates a month apart.

Upcoming bookings go through ``services.book`` (as a learner's click does); a past session's bookings are
written with ``services.set_status`` because booking closes at the start. The demo trainer teaches every
session. Safe to run again: a course's session with the same title is left alone.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from zoneinfo import ZoneInfo

from django.utils import timezone

from accounts.models import District, User
from accounts.roles import TRAINERS

from ..catalogue.models import CoursePage
from . import services
from .models import Booking, BookingStatus, SessionDate, TrainingSession

DATA = Path(__file__).resolve().parent.parent / "fixtures" / "demo" / "sessions.json"
LONDON = ZoneInfo("Europe/London")


def _at(day_offset: int, clock: str) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=day_offset)
    hours, minutes = (int(part) for part in clock.split(":"))
    return datetime.datetime.combine(day, datetime.time(hours, minutes), tzinfo=LONDON).astimezone(datetime.UTC)


def load(stdout) -> int:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    trainers = list(User.objects.filter(groups__name=TRAINERS, email__endswith="@demo.dasv-learning.example"))
    created = bookings = 0
    for row in data["sessions"]:
        course = CoursePage.objects.filter(slug=row["course"]).first()
        if course is None or TrainingSession.objects.filter(course=course, title=row["title"]).exists():
            continue
        session = TrainingSession.objects.create(
            course=course,
            title=row["title"],
            district=District.objects.get(slug=row["district"]),
            venue_name=row.get("venue_name", ""),
            venue_address=row.get("venue_address", ""),
            access_notes=row.get("access_notes", ""),
            joining_url=row.get("joining_url", ""),
            capacity=row["capacity"],
            needs_approval=row.get("needs_approval", False),
            notes_for_learners=row.get("notes_for_learners", ""),
        )
        session.trainers.set(trainers)
        for date in row["dates"]:
            SessionDate.objects.create(
                session=session, starts_at=_at(date["day"], date["starts"]), ends_at=_at(date["day"], date["ends"])
            )
        services.refresh_span(session)
        created += 1
        for wanted in row.get("bookings", []):
            person = User.objects.filter(email=wanted["email"]).first()
            if person is None:
                continue
            if session.starts_at > timezone.now():
                booking = services.book(session, person)
            else:
                booking = Booking(session=session, user=person, status="", created_at=session.starts_at)
                services.set_status(
                    booking, wanted["status"], by=person, at=session.starts_at - datetime.timedelta(days=14)
                )
            if booking.status != wanted["status"] and wanted["status"] != BookingStatus.BOOKED:
                stdout.write(f"  note: {person.email} is {booking.status} on {session}, not {wanted['status']}")
            bookings += 1
    if created:
        stdout.write(f"  created {created} training sessions with {bookings} bookings")
    return created + bookings
