"""The reminder two days before each date: sent once per booking and date, by beat's task."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from courses.models import Booking, SentReminder
from courses.sessions import reminder_tasks, reminders
from tests.courses.live_sessions import DAY, HOUR, book, training_session
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_each_date_is_reminded_once_two_days_before(mailoutbox):
    now = timezone.now()
    session = training_session(starts=[now + 2 * DAY - HOUR, now + 30 * DAY], joining_url="https://meet.example.org/r")
    booking = book(session, booked_at=now - 10 * DAY)

    assert reminder_tasks.send_session_reminders.delay().get() == 1
    (message,) = mailoutbox
    assert message.to == [booking.user.email]
    assert message.subject.startswith("Reminder: Dash risk identification")
    assert "https://meet.example.org/r" in message.body
    # The next hourly run sends nothing more; the second date is reminded two days before it.
    assert reminders.send_due_reminders() == 0
    assert reminders.send_due_reminders(now + 28 * DAY + HOUR) == 1
    assert reminders.send_due_reminders(now + 28 * DAY + 2 * HOUR) == 0
    assert len(mailoutbox) == 2
    assert SentReminder.objects.filter(booking=booking).count() == 2


def test_only_seats_on_live_sessions_booked_before_the_two_days_are_reminded(mailoutbox):
    now = timezone.now()
    session = training_session(starts=[now + DAY])
    book(session, booked_at=now - 5 * DAY)
    book(session, booked_at=now - HOUR)  # booked within the two days: the confirmation has just told them
    book(session, status=Booking.Status.WAITLISTED)
    book(session, UserFactory(is_active=False), booked_at=now - 5 * DAY)  # an unclaimed imported account
    cancelled = training_session(starts=[now + DAY], cancelled_at=now)
    book(cancelled, booked_at=now - 5 * DAY)
    book(training_session(starts=[now + 3 * DAY]), booked_at=now - 5 * DAY)  # not due yet
    assert reminders.send_due_reminders() == 1
    assert len(mailoutbox) == 1


def test_a_reminder_already_claimed_by_another_run_is_not_sent_again(mailoutbox):
    now = timezone.now()
    booking = book(training_session(starts=[now + DAY]), booked_at=now - 5 * DAY)
    (due,) = reminders.reminders_due(now)
    assert reminders.send_reminder(*due) is True
    # A second run that read the same due list before the first committed: the unique constraint stops it.
    assert reminders.send_reminder(*due) is False
    assert len(mailoutbox) == 1
    assert SentReminder.objects.get().booking == booking


def test_a_failing_mail_server_leaves_the_reminder_to_be_sent_by_the_retry(settings):
    now = timezone.now()
    book(training_session(starts=[now + DAY]), booked_at=now - 5 * DAY)
    settings.EMAIL_BACKEND = "tests.champions.failing_email.Backend"
    with pytest.raises(ConnectionRefusedError):
        reminders.send_due_reminders()
    assert not SentReminder.objects.exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    assert reminders.send_due_reminders() == 1
    assert len(mail.outbox) == 1


def test_beat_runs_the_reminders_every_hour(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["sessions-reminders"]
    assert entry["task"] == reminder_tasks.send_session_reminders.name
    assert entry["schedule"].remaining_estimate(timezone.now()) <= datetime.timedelta(hours=1)
