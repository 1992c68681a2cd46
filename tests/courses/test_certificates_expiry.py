"""Expiry and renewal: the daily task's reminders (60 and 14 days before, each once) and expired marking."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from courses.certificates import services as certificates
from courses.certificates import tasks
from courses.models import Certificate
from tests.courses.certificate_helpers import complete, make_course
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)


@pytest.fixture
def expiring():
    """A certificate of a 12-month course expiring on the given day."""

    def make(expires_on: datetime.date, user=None, course=None) -> Certificate:
        course = course or make_course(title="Coercive control", certificate_validity_months=12)
        completion = complete(user or UserFactory(), course, expires_on - datetime.timedelta(days=365))
        certificate = certificates.issue_certificate(completion)
        Certificate.objects.filter(pk=certificate.pk).update(expires_on=expires_on)  # leap years aside
        certificate.refresh_from_db()
        return certificate

    return make


def reminders(mailoutbox) -> list[tuple[str, str]]:
    return [(message.to[0], message.subject) for message in mailoutbox]


def test_a_reminder_goes_60_days_before_expiry_and_another_14_days_before_each_once(expiring, mailoutbox):
    certificate = expiring(TODAY + datetime.timedelta(days=60))
    email = certificate.completion.user.email

    assert certificates.send_expiry_reminders(TODAY - datetime.timedelta(days=1)) == {60: 0, 14: 0}
    assert certificates.send_expiry_reminders(TODAY) == {60: 1, 14: 0}
    assert certificates.send_expiry_reminders(TODAY) == {60: 0, 14: 0}  # run again the same day
    assert certificates.send_expiry_reminders(TODAY + datetime.timedelta(days=30)) == {60: 0, 14: 0}
    assert certificates.send_expiry_reminders(TODAY + datetime.timedelta(days=46)) == {60: 0, 14: 1}
    assert certificates.send_expiry_reminders(TODAY + datetime.timedelta(days=50)) == {60: 0, 14: 0}

    expires = f"{certificate.expires_on:%-d %B %Y}"
    assert reminders(mailoutbox) == [
        (email, f"Your certificate for Coercive control expires on {expires}"),
        (email, f"Your certificate for Coercive control expires on {expires}"),
    ]
    assert "in 60 days or less" in mailoutbox[0].body and "in 14 days or less" in mailoutbox[1].body
    assert "take the course again" in mailoutbox[0].body
    certificate.refresh_from_db()
    assert certificate.reminder_60_sent_at and certificate.reminder_14_sent_at


def test_a_day_the_task_missed_is_caught_up_without_sending_a_stale_reminder(expiring, mailoutbox):
    certificate = expiring(TODAY + datetime.timedelta(days=10))  # never reminded at 60 days

    assert certificates.send_expiry_reminders(TODAY) == {60: 0, 14: 1}
    certificate.refresh_from_db()
    assert certificate.reminder_60_sent_at is None and certificate.reminder_14_sent_at


def test_no_reminders_for_revoked_renewed_inactive_or_never_expiring_certificates(
    expiring, mailoutbox, training_manager
):
    in_window = TODAY + datetime.timedelta(days=50)
    revoked = expiring(in_window)
    certificates.revoke_certificate(revoked, by=training_manager, reason="Issued in error")

    renewed = expiring(in_window)
    certificates.issue_certificate(
        complete(renewed.completion.user, renewed.completion.course, TODAY - datetime.timedelta(days=3))
    )

    inactive = expiring(in_window, user=UserFactory(is_active=False))
    forever = certificates.issue_certificate(complete(UserFactory(), make_course(certificate_validity_months=None)))

    assert certificates.send_expiry_reminders(TODAY) == {60: 0, 14: 0}
    assert mailoutbox == []
    assert {revoked.pk, renewed.pk, inactive.pk, forever.pk} <= set(Certificate.objects.values_list("pk", flat=True))


def test_two_runs_at_once_send_one_reminder(expiring, mailoutbox, monkeypatch):
    """The second run read the same certificate before the first claimed it: its conditional update claims nothing."""
    certificate = expiring(TODAY + datetime.timedelta(days=40))
    from courses.certificates import selectors as certificate_selectors

    stale = list(certificate_selectors.certificates_due_reminder(60, TODAY))
    certificates.send_expiry_reminders(TODAY)
    monkeypatch.setattr(
        certificate_selectors, "certificates_due_reminder", lambda days, today: _Stale(stale if days == 60 else [])
    )

    assert certificates.send_expiry_reminders(TODAY) == {60: 0, 14: 0}
    assert len(mailoutbox) == 1
    assert certificate.pk == stale[0].pk


class _Stale(list):
    def iterator(self, chunk_size=None):
        return iter(self)


def test_the_daily_task_marks_expired_certificates_once(expiring):
    expired = expiring(datetime.date(2025, 1, 10))
    current = expiring(datetime.date(2030, 1, 10))

    result = tasks.send_certificate_reminders.delay().get()

    assert result["expired"] == 1
    expired.refresh_from_db()
    current.refresh_from_db()
    assert expired.expired_at is not None and current.expired_at is None
    assert certificates.mark_expired() == 0


def test_the_daily_task_is_in_the_beat_schedule():
    schedule = {entry["task"]: entry["schedule"] for entry in django_settings.CELERY_BEAT_SCHEDULE.values()}
    assert "courses.tasks.send_certificate_reminders" in schedule
    crontab = schedule["courses.tasks.send_certificate_reminders"]
    assert crontab.hour == {6} and crontab.day_of_week == set(range(7))


def test_renewal_is_due_from_60_days_before_expiry(client, expiring):
    # Through "My learning", the page that shows the rule: the course is listed under "Due for renewal".
    today = timezone.localdate()
    for days_left, due in ((60, True), (61, False), (-1, True)):
        certificate = expiring(today + datetime.timedelta(days=days_left))
        client.force_login(certificate.completion.user)
        response = client.get("/learning/")
        due_for_renewal = [item.completion for item in response.context["overview"].renewal_due]
        assert due_for_renewal == ([certificate.completion] if due else []), days_left
        assert ("Due for renewal" in response.content.decode()) is due, days_left
