"""QR check-in: the trainer's code changes every 30 seconds; a booked learner who scans it is marked present."""

from __future__ import annotations

import datetime
import time

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import DateAttendance
from courses.sessions import checkin_codes
from tests.courses.live_sessions import DAY, book, trainer, training_session
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
MINUTE = datetime.timedelta(minutes=1)


def session_starting_now(teacher=None, **fields):
    return training_session(starts=[timezone.now() - 5 * MINUTE], trainers=[teacher] if teacher else [], **fields)


def scan_url(code: str) -> str:
    return reverse("session_pages:check_in", kwargs={"code": code})


def test_the_trainer_s_code_page_shows_a_fresh_qr_image_refreshed_by_a_static_script(client):
    teacher = trainer()
    date = session_starting_now(teacher).dates.get()
    client.force_login(teacher)

    page = client.get(reverse("session_registers:qr", args=[date.pk])).content.decode()
    image_url = reverse("session_registers:qr_image", args=[date.pk])
    assert f'data-check-in-code="{image_url}"' in page
    assert "js/check-in-code.js" in page
    assert "<script>" not in page.split("</header>")[-1]

    first = client.get(image_url)
    assert first["Content-Type"] == "image/svg+xml"
    assert "no-store" in first["Cache-Control"]
    assert b"<svg" in first.content and b"<title>Check-in code</title>" in first.content


def test_there_is_no_code_before_check_in_opens(client):
    teacher = trainer()
    date = training_session(starts=[timezone.now() + DAY], trainers=[teacher]).dates.get()
    client.force_login(teacher)
    assert "Check-in opens at" in client.get(reverse("session_registers:qr", args=[date.pk])).content.decode()
    assert client.get(reverse("session_registers:qr_image", args=[date.pk])).status_code == 404


def test_a_booked_learner_scans_signs_in_and_is_marked_present(client):
    session = session_starting_now()
    booking = book(session)
    date = session.dates.get()
    code = checkin_codes.make_code(date)

    # Scanned on a phone that is not signed in: the code is remembered through the sign-in.
    response = client.get(scan_url(code))
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(booking.user)
    page = client.get(reverse("session_pages:check_in_confirm")).content.decode()
    assert "Dash risk identification" in page and ">Check in</button>" in page

    response = client.post(reverse("session_pages:check_in_confirm"))

    assert response.status_code == 302
    attendance = DateAttendance.objects.get(booking=booking, session_date=date)
    assert attendance.present is True and attendance.via == DateAttendance.Via.QR
    assert "You are checked in" in client.get(response["Location"]).content.decode()


def test_an_expired_code_is_refused(client):
    session = session_starting_now()
    booking = book(session)
    code = checkin_codes.make_code(session.dates.get(), at=time.time() - checkin_codes.VALID_FOR - 1)
    client.force_login(booking.user)

    response = client.get(scan_url(code))

    assert response.status_code == 400
    assert "This code has expired" in response.content.decode()
    assert not DateAttendance.objects.exists()


def test_a_made_up_code_is_refused(client):
    response = client.get(scan_url("not-a-real-token"))
    assert response.status_code == 400
    assert "not a check-in code" in response.content.decode()


def test_a_code_for_another_date_is_refused(client):
    now = timezone.now()
    session = training_session(starts=[now - 5 * MINUTE, now + 7 * DAY])
    booking = book(session)
    later = session.dates.order_by("starts_at").last()
    client.force_login(booking.user)

    client.get(scan_url(checkin_codes.make_code(later)))
    response = client.post(reverse("session_pages:check_in_confirm"), follow=True)

    assert "This code is for the session on" in response.content.decode()
    assert not DateAttendance.objects.exists()


def test_someone_without_a_place_is_refused(client):
    session = session_starting_now()
    book(session)
    stranger = UserFactory()
    client.force_login(stranger)
    client.get(scan_url(checkin_codes.make_code(session.dates.get())))

    response = client.post(reverse("session_pages:check_in_confirm"), follow=True)

    assert "You do not have a place on this session" in response.content.decode()
    assert not DateAttendance.objects.exists()
