"""Certificates and enrolment emails point at the address the site is served on (SITE_URL)."""

from __future__ import annotations

import pytest
from django.core import mail

from courses.learning import bulk_enrolment
from tests.courses.certificate_helpers import certificate_of, complete, make_course, pdf_text, qr_codes
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PUBLIC = "http://127.0.0.1:8101"


def test_a_certificate_served_on_port_8101_carries_that_address_in_its_qr_code_pdf_and_email(
    settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = PUBLIC
    course = make_course(title="Domestic abuse awareness")
    certificate = certificate_of(
        complete(UserFactory(full_name="Priya Natarajan"), course, capture=django_capture_on_commit_callbacks)
    )
    with certificate.pdf.open("rb") as handle:
        data = handle.read()

    verify = f"{PUBLIC}/certificates/verify/{certificate.display_code}/"
    assert qr_codes(data) == [verify]
    assert "127.0.0.1:8101/certificates/verify/" in pdf_text(data)  # the address printed under the QR code
    (message,) = mail.outbox
    assert message.subject == "Your certificate for Domestic abuse awareness is ready"
    assert verify in message.body
    assert f"{PUBLIC}/certificates/{certificate.pk}/download/" in message.body
    assert "127.0.0.1:8000" not in message.body and "testserver" not in message.body


def test_the_enrolment_email_links_to_the_course_on_the_public_address(
    settings, training_manager, django_capture_on_commit_callbacks
):
    settings.SITE_URL = PUBLIC
    course = make_course(title="Stalking and harassment")
    person = UserFactory(full_name="Priya Shah")

    with django_capture_on_commit_callbacks(execute=True):
        bulk_enrolment.enrol_people(course, [person], by=training_manager)

    (message,) = mail.outbox
    assert f"{PUBLIC}{course.url}" in message.body
    assert "localhost" not in message.body and "testserver" not in message.body
