"""One rule for "is this certificate valid on a day?", and one renewal window for the holder and their lead."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from courses.certificates import services as certificates
from courses.models import Certificate
from tests.courses.certificate_helpers import complete, make_course
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ISSUED = datetime.date(2025, 3, 10)
EXPIRES = datetime.date(2026, 3, 10)


@pytest.fixture
def certificate():
    """A certificate issued on ISSUED that expires on EXPIRES (or never, once its expiry is cleared)."""
    course = make_course(title="Coercive control", certificate_validity_months=12)
    issued = certificates.issue_certificate(complete(UserFactory(), course, ISSUED))
    Certificate.objects.filter(pk=issued.pk).update(issued_on=ISSUED, expires_on=EXPIRES)
    issued.refresh_from_db()
    return issued


def valid_in_query(certificate: Certificate, day: datetime.date) -> bool:
    return Certificate.objects.valid_on(day).filter(pk=certificate.pk).exists()


@pytest.mark.parametrize(
    ("day", "valid"),
    [
        (ISSUED, True),  # the day it was issued
        (EXPIRES - datetime.timedelta(days=1), True),
        (EXPIRES, True),  # still valid on its expiry day itself
        (EXPIRES + datetime.timedelta(days=1), False),  # not the day after
        (EXPIRES + datetime.timedelta(days=400), False),
    ],
)
def test_a_certificate_is_valid_up_to_and_including_its_expiry_day(certificate, day, valid):
    assert certificate.is_valid_on(day) is valid
    assert valid_in_query(certificate, day) is valid


def test_a_revoked_certificate_is_valid_on_no_day(certificate, training_manager):
    certificates.revoke_certificate(certificate, reason="Issued in error.", by=training_manager)
    certificate.refresh_from_db()
    for day in (ISSUED, EXPIRES - datetime.timedelta(days=1), EXPIRES):
        assert certificate.is_valid_on(day) is False, day
        assert valid_in_query(certificate, day) is False, day


def test_a_certificate_that_never_expires_stays_valid(certificate):
    Certificate.objects.filter(pk=certificate.pk).update(expires_on=None)
    certificate.refresh_from_db()
    for day in (ISSUED, EXPIRES + datetime.timedelta(days=1), datetime.date(2099, 1, 1)):
        assert certificate.is_valid_on(day) is True, day
        assert valid_in_query(certificate, day) is True, day


def test_valid_on_means_today_when_no_day_is_given(certificate):
    today = timezone.localdate()
    Certificate.objects.filter(pk=certificate.pk).update(expires_on=today)
    certificate.refresh_from_db()
    assert certificate.is_valid_on() and valid_in_query(certificate, None)
    Certificate.objects.filter(pk=certificate.pk).update(expires_on=today - datetime.timedelta(days=1))
    certificate.refresh_from_db()
    assert not certificate.is_valid_on() and not valid_in_query(certificate, None)


def test_the_renewal_window_setting_moves_renewal_due_on_my_learning(client, settings):
    today = timezone.localdate()
    course = make_course(title="Coercive control", certificate_validity_months=12)
    issued = certificates.issue_certificate(complete(UserFactory(), course, today - datetime.timedelta(days=300)))
    Certificate.objects.filter(pk=issued.pk).update(expires_on=today + datetime.timedelta(days=75))
    client.force_login(issued.completion.user)
    for window, due in ((60, False), (75, True), (90, True), (74, False)):
        settings.CERTIFICATE_RENEWAL_WINDOW_DAYS = window
        response = client.get("/learning/")
        due_for_renewal = [item.completion for item in response.context["overview"].renewal_due]
        assert due_for_renewal == ([issued.completion] if due else []), window
        assert ("Due for renewal" in response.content.decode()) is due, window
