"""The learner's side of sessions: the course page lists them, the booking page books, My learning cancels."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from courses.catalogue.models import Delivery
from courses.models import Booking
from courses.sessions import services
from tests.courses.certificate_helpers import make_course
from tests.courses.session_helpers import in_days, make_session
from tests.factories import IncompleteUserFactory, UserFactory

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    import re

    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_the_course_page_lists_upcoming_sessions_in_london_time_with_seats_left(client):
    course = make_course(delivery=Delivery.FACE_TO_FACE)
    summer = datetime.datetime(2030, 7, 1, 8, 30, tzinfo=datetime.UTC)  # 09:30 in London (BST)
    session = make_session(course, capacity=3, dates=[(summer, summer + datetime.timedelta(hours=7))])
    services.book(session, UserFactory())
    make_session(course, dates=[(in_days(-3), in_days(-3, 16))])  # past: not listed
    cancelled = make_session(course)
    services.cancel_session(cancelled, by=UserFactory(), reason="Trainer unwell")

    text = text_of(client.get(course.url))

    assert "Monday 1 July 2030, 09:30 to 16:30" in text
    assert "Fenland Hall, Fenland" in text
    assert "2 seats left" in text
    assert text.count("seats left") == 1


def test_the_course_page_runs_the_same_queries_for_thirty_sessions_as_for_one(client, django_assert_num_queries):
    # Signed in: an anonymous visitor's page comes from the page cache.
    client.force_login(UserFactory())
    course = make_course(delivery=Delivery.FACE_TO_FACE)
    make_session(course)
    client.get(course.url)  # warm the site root's cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(course.url)
    for _ in range(29):
        make_session(course)
    with django_assert_num_queries(len(one)):
        response = client.get(course.url)
    assert text_of(response).count("seats left") == 30


def test_a_professional_books_from_the_session_page_and_sees_the_joining_link(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    session = make_session(joining_url="https://meet.example.org/da-training", venue_name="")
    person = UserFactory()
    page = reverse("sessions:session", args=[session.pk])
    assert "The joining link is shown to people with a booked place" in text_of(client.get(page))
    client.force_login(person)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("sessions:book", args=[session.pk]))

    assert response.status_code == 302 and response["Location"] == page
    text = text_of(client.get(page))
    assert "Your place is booked" in text
    assert 'href="https://meet.example.org/da-training"' in client.get(page).content.decode()
    assert Booking.objects.get(user=person).status == "booked"
    assert mailoutbox[0].subject.startswith("Your place is booked")
    assert "https://meet.example.org/da-training" in mailoutbox[0].body


def test_a_full_session_offers_the_waitlist_and_shows_the_position(client):
    session = make_session(capacity=1)
    services.book(session, UserFactory())
    client.force_login(UserFactory())
    page = reverse("sessions:session", args=[session.pk])
    assert "Join the waitlist" in text_of(client.get(page))

    client.post(reverse("sessions:book", args=[session.pk]))

    assert "You are number 1 on the waitlist" in text_of(client.get(page))


def test_booking_twice_or_a_closed_session_says_why_and_changes_nothing(client):
    session = make_session(capacity=5)
    person = UserFactory()
    client.force_login(person)
    client.post(reverse("sessions:book", args=[session.pk]))
    response = client.post(reverse("sessions:book", args=[session.pk]), follow=True)
    assert "You already have a place or a request on this session." in text_of(response)
    past = make_session(dates=[(in_days(-1), in_days(-1, 16))])
    response = client.post(reverse("sessions:book", args=[past.pk]), follow=True)
    assert "already started" in text_of(response)
    assert Booking.objects.filter(user=person).count() == 1


def test_booking_without_a_complete_profile_goes_to_the_profile_first(client):
    session = make_session()
    client.force_login(IncompleteUserFactory())
    response = client.post(reverse("sessions:book", args=[session.pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:profile"))
    assert not Booking.objects.exists()


def test_unknown_sessions_and_get_on_actions_are_refused(client):
    client.force_login(UserFactory())
    assert client.get(reverse("sessions:session", args=[999999])).status_code == 404
    assert client.post(reverse("sessions:book", args=[999999])).status_code == 404
    assert client.get(reverse("sessions:book", args=[999999])).status_code == 405


def test_my_learning_lists_open_bookings_and_cancels_with_a_reason(client, mailoutbox):
    online = make_session(joining_url="https://meet.example.org/x", capacity=1)
    other = make_session(capacity=1)
    person = UserFactory()
    booked = services.book(online, person)
    services.book(other, UserFactory())
    waiting = services.book(other, person)
    client.force_login(person)

    text = text_of(client.get(reverse("courses:my_learning")))
    assert "Booked" in text and "Waitlisted: number 1" in text
    assert text.count("Join online") == 1

    response = client.post(reverse("sessions:cancel", args=[booked.pk]), {"reason": ""})
    assert response.status_code == 302
    booked.refresh_from_db()
    assert booked.status == "booked"

    response = client.post(reverse("sessions:cancel", args=[booked.pk]), {"reason": "Clash with a court date"})
    assert response["Location"] == reverse("courses:my_learning")
    booked.refresh_from_db()
    assert (booked.status, booked.cancel_reason) == ("cancelled", "Clash with a court date")
    assert waiting.pk


def test_cancelling_someone_elses_booking_is_not_found(client):
    booking = services.book(make_session(), UserFactory())
    client.force_login(UserFactory())
    assert client.post(reverse("sessions:cancel", args=[booking.pk]), {"reason": "Mine now"}).status_code == 404
    booking.refresh_from_db()
    assert booking.status == "booked"


def test_my_learning_runs_the_same_queries_for_many_bookings(client, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    person = UserFactory()
    services.book(make_session(), person)
    client.force_login(person)
    client.get(reverse("courses:my_learning"))
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("courses:my_learning"))
    for _ in range(10):
        services.book(make_session(), person)
    with django_assert_num_queries(len(one)):
        client.get(reverse("courses:my_learning"))
