"""The reminder two days before each date of a session, sent once per booking and date (beat, hourly).

Each reminder is claimed by inserting its ``SentReminder`` row in the transaction that sends it: the unique
constraint on (booking, date) makes a second run at the same time, or a rerun after a crash, skip it, and a
failed send rolls the claim back so that the retry sends it. Someone who booked within the two days gets no
reminder (their confirmation has just told them).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from home.links import absolute_url
from home.text import single_line

from . import calendars
from .models import Booking, SessionDate
from .notice_models import SentReminder

REMINDER_BEFORE = datetime.timedelta(days=2)
REMINDED = (Booking.Status.BOOKED, Booking.Status.APPROVED)


def reminders_due(now: datetime.datetime) -> list[tuple[int, int]]:
    """(booking, date) pairs whose reminder is due now: a seat, on a date of a session that is not cancelled
    starting within two days, booked before those two days began, and not reminded yet."""
    return list(
        Booking.objects.filter(
            status__in=REMINDED,
            user__is_active=True,
            session__cancelled_at__isnull=True,
            session__dates__starts_at__gt=now,
            session__dates__starts_at__lte=now + REMINDER_BEFORE,
        )
        .annotate(date_id=F("session__dates__id"), date_starts_at=F("session__dates__starts_at"))
        .filter(Q(booked_at__isnull=True) | Q(booked_at__lte=F("date_starts_at") - REMINDER_BEFORE))
        .filter(~Exists(SentReminder.objects.filter(booking_id=OuterRef("pk"), session_date_id=OuterRef("date_id"))))
        .order_by("date_starts_at", "pk")
        .values_list("pk", "date_id")
    )


def _link(name: str) -> str:
    try:
        return absolute_url(reverse(name))
    except NoReverseMatch:
        return absolute_url("/")


def send_reminder(booking_id: int, session_date_id: int) -> bool:
    """Email one reminder (claimed as the module says); True if it went now."""
    try:
        with transaction.atomic():
            SentReminder.objects.create(booking_id=booking_id, session_date_id=session_date_id)
            booking = Booking.objects.select_related("session__course", "user").filter(pk=booking_id).first()
            session_date = SessionDate.objects.filter(pk=session_date_id).first()
            if booking is None or session_date is None or booking.status not in REMINDED:
                transaction.set_rollback(True)
                return False
            session = booking.session
            context = {
                "person": booking.user,
                "session": session,
                "title": calendars.session_title(session),
                "dates": [
                    (timezone.localtime(d.starts_at), timezone.localtime(d.ends_at)) for d in session.dates.all()
                ],
                "date_starts": timezone.localtime(session_date.starts_at),
                "date_ends": timezone.localtime(session_date.ends_at),
                "place": calendars.location(session),
                "joining_url": session.joining_url,
                "my_learning_url": _link("courses:my_learning"),
                "calendar_page_url": _link("session_pages:calendar_feed"),
            }
            subject = single_line(render_to_string("courses/sessions/email/reminder_subject.txt", context))
            body = render_to_string("courses/sessions/email/reminder.txt", context)
            EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [booking.user.email]).send()
    except IntegrityError:
        return False  # another run claimed it
    return True


def send_due_reminders(now: datetime.datetime | None = None) -> int:
    """Send every reminder due now; returns how many went."""
    now = now or timezone.now()
    return sum(send_reminder(booking_id, date_id) for booking_id, date_id in reminders_due(now))
