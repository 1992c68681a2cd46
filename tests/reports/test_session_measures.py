"""The session measures: bookings, attended, no-shows and the attendance rate, by every breakdown."""

from __future__ import annotations

import pytest

from courses.models import Booking
from reports import measures as m
from reports.periods import parse_period
from tests.courses.live_sessions import book, training_session
from tests.factories import OrganisationFactory, UserFactory, district, sector
from tests.reports.conftest import D, at

pytestmark = pytest.mark.django_db

Q1 = parse_period("2025-26-Q1")  # April to June 2025


@pytest.fixture
def world():
    police = OrganisationFactory(name="Cambridgeshire Constabulary", sector=sector("police"))
    charity = OrganisationFactory(name="Refuge", sector=sector("specialist-dasv"))
    fenland, peterborough = district("fenland"), district("peterborough")
    officers = [UserFactory(organisation=police, district=fenland) for _ in range(6)]
    advocates = [UserFactory(organisation=charity, district=peterborough) for _ in range(4)]
    # A two-day session in May; one that starts in Q1 and ends in Q2; one in Q4 of the year before.
    may = training_session(starts=[at(D(2025, 5, 6), 9), at(D(2025, 6, 3), 9)], hours=6)
    straddling = training_session(starts=[at(D(2025, 6, 24), 9), at(D(2025, 7, 22), 9)], hours=6)
    earlier = training_session(starts=[at(D(2025, 3, 4), 9)], hours=6)
    cancelled = training_session(starts=[at(D(2025, 5, 20), 9)], hours=6, cancelled_at=at(D(2025, 5, 1)))
    statuses = {
        Booking.Status.ATTENDED: officers[:3] + advocates[:1],
        Booking.Status.NO_SHOW: officers[3:5],
        Booking.Status.PARTLY_ATTENDED: advocates[1:2],
        Booking.Status.CANCELLED: advocates[2:3],
        Booking.Status.WAITLISTED: advocates[3:4],
    }
    for status, people in statuses.items():
        for person in people:
            book(may, person, status=status)
    book(straddling, officers[0])
    book(straddling, advocates[0])
    book(earlier, officers[5], status=Booking.Status.ATTENDED)
    book(cancelled, officers[5], status=Booking.Status.SESSION_CANCELLED)
    return {"police": police, "charity": charity, "fenland": fenland, "peterborough": peterborough, "may": may}


def test_bookings_count_seats_on_sessions_starting_in_the_period(world):
    figures = m.bookings(Q1, "district")
    # May: 4 attended + 2 no-shows + 1 partly; the session starting in June: 2. Not the cancelled place, the
    # waitlist, the cancelled session or the session in March.
    assert figures.total == 9
    assert figures.rows == {world["fenland"].pk: 6, world["peterborough"].pk: 3}


def test_attended_and_no_shows_count_sessions_ending_in_the_period(world):
    computed = m.compute(Q1, "organisation", names=("attended", "no_shows", "attendance_rate"))
    assert computed["attended"].total == 4
    assert computed["attended"].rows == {world["police"].pk: 3, world["charity"].pk: 1}
    assert computed["no_shows"].total == 2
    assert computed["no_shows"].rows == {world["police"].pk: 2}
    assert computed["attendance_rate"].total == m.Ratio(4, 6)
    assert computed["attendance_rate"].rows[world["charity"].pk] == m.Ratio(1, 1)
    assert computed["attendance_rate"].total.percent == 66.7
    # The session ending in July counts its outcomes in Q2.
    assert m.attended(parse_period("2025-26-Q2")).total == 0


def test_by_course_and_for_one_organisation(world):
    course_id = world["may"].course_id
    assert m.bookings(Q1, "course").rows == {course_id: 9}
    assert m.no_shows(Q1, "none", organisation_id=world["charity"].pk).total == 0
    assert m.bookings(Q1, "none", organisation_id=world["police"].pk).total == 6


def test_the_session_measures_take_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    names = ("bookings", "attended", "no_shows", "attendance_rate")
    with django_assert_max_num_queries(6):
        m.compute(Q1, "district", names=names)


def test_a_partner_lead_sees_their_own_staff_s_bookings_and_no_shows(client, world):
    lead = UserFactory(groups=["Partner leads"], organisation=world["police"], job_title="Safeguarding lead")
    client.force_login(lead)
    response = client.get("/partners/?period=2025-26-Q1")
    own = {cell["measure"].name: cell["text"] for cell in response.context["own"]["measures"]}
    assert own["bookings"] == "6"
    assert own["no_shows"] == "2"
    assert own["attended"] == "3"


def test_the_api_serves_the_session_measures_suppressed(world):
    from django.core.cache import cache
    from rest_framework.test import APIClient

    from reports import services

    cache.clear()
    _token, secret = services.create_api_token(UserFactory(groups=["Partner leads"]), "Dashboard")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    body = api.get("/api/v1/measures/?period=2025-26-Q1").json()
    assert body["total"]["bookings"] == 9
    assert body["total"]["attended"] == "<5"
    assert body["total"]["no_shows"] == "<5"
