"""Calendar invitations and feeds for sessions, parsed back as a calendar would read them."""

from __future__ import annotations

import datetime
import email

import pytest
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from courses.models import Booking, BookingInvitation, SessionDate
from courses.sessions import feeds, invitations
from tests.courses.live_sessions import DAY, book, trainer, training_session

pytestmark = pytest.mark.django_db


def sent_calendars(booking: Booking) -> dict[str, Calendar]:
    """The calendar files of a booking email as a mail client sees them: by their iTIP method."""
    booking.refresh_from_db()
    message = invitations.attach_calendar(EmailMessage("Subject", "Body", None, [booking.user.email]), booking)
    parsed = email.message_from_bytes(message.message().as_bytes())
    found = {}
    for part in parsed.walk():
        if part.get_content_type() == "text/calendar":
            found[part.get_param("method")] = Calendar.from_ical(part.get_payload(decode=True))
    return found


def events(calendar: Calendar) -> dict[str, dict]:
    return {
        str(event["UID"]): {
            "sequence": int(event["SEQUENCE"]),
            "start": event.decoded("DTSTART"),
            "status": str(event["STATUS"]),
            "description": str(event.get("DESCRIPTION", "")),
            "dtstamp": event.decoded("DTSTAMP"),
        }
        for event in calendar.walk("VEVENT")
    }


def a_calendar_would_replace(old: dict, new: dict) -> bool:
    """RFC 5545 / 5546: an event with the same UID and a higher SEQUENCE (or the same one, later DTSTAMP)
    replaces the one the calendar holds, instead of being added beside it."""
    return new["sequence"] > old["sequence"] or (new["sequence"] == old["sequence"] and new["dtstamp"] > old["dtstamp"])


def test_a_booking_confirmation_invites_to_every_date_with_a_stable_uid_per_date():
    start = timezone.now() + 10 * DAY
    session = training_session(starts=[start, start + 28 * DAY], joining_url="https://meet.example.org/dash")
    booking = book(session)

    calendars = sent_calendars(booking)

    assert set(calendars) == {"REQUEST"}
    calendar = calendars["REQUEST"]
    assert calendar["METHOD"] == "REQUEST"
    found = events(calendar)
    dates = list(session.dates.order_by("starts_at"))
    assert sorted(found) == sorted(f"{booking.calendar_uid}-{d.pk}@testserver" for d in dates)
    assert sorted(e["start"] for e in found.values()) == [d.starts_at for d in dates]
    assert all(e["status"] == "CONFIRMED" and e["sequence"] == 0 for e in found.values())
    assert all("Join online: https://meet.example.org/dash" in e["description"] for e in found.values())
    event = calendar.walk("VEVENT")[0]
    assert str(event["LOCATION"]) == "Fenland Hall, 1 Market Place, March PE15 9JF"
    assert str(event["ORGANIZER"]).startswith("mailto:")
    assert str(event["ATTENDEE"]) == f"mailto:{booking.user.email}"


def test_moving_a_date_sends_an_update_a_calendar_takes_for_the_same_event():
    start = timezone.now() + 10 * DAY
    session = training_session(starts=[start])
    start = session.starts_at
    booking = book(session)
    (before,) = events(sent_calendars(booking)["REQUEST"]).items()

    SessionDate.objects.filter(session=session).update(
        starts_at=start + datetime.timedelta(hours=2), ends_at=start + datetime.timedelta(hours=5)
    )
    (after,) = events(sent_calendars(booking)["REQUEST"]).items()

    assert after[0] == before[0]  # the same UID
    assert after[1]["sequence"] == before[1]["sequence"] + 1
    assert after[1]["start"] == start + datetime.timedelta(hours=2)
    assert a_calendar_would_replace(before[1], after[1])


def test_a_waitlisted_place_is_tentative_without_the_joining_link_and_promotion_confirms_it():
    session = training_session(joining_url="https://meet.example.org/dash")
    booking = book(session, status=Booking.Status.WAITLISTED)
    (waiting,) = events(sent_calendars(booking)["REQUEST"]).items()
    assert waiting[1]["status"] == "TENTATIVE"
    assert "meet.example.org" not in waiting[1]["description"]

    Booking.objects.filter(pk=booking.pk).update(status=Booking.Status.BOOKED, waitlist_position=None)
    (promoted,) = events(sent_calendars(booking)["REQUEST"]).items()

    assert promoted[0] == waiting[0]
    assert promoted[1]["status"] == "CONFIRMED"
    assert "Join online: https://meet.example.org/dash" in promoted[1]["description"]
    assert a_calendar_would_replace(waiting[1], promoted[1])


def test_a_cancelled_booking_sends_a_cancel_for_the_same_events_with_a_higher_sequence():
    start = timezone.now() + 10 * DAY
    session = training_session(starts=[start, start + 7 * DAY])
    booking = book(session)
    invited = events(sent_calendars(booking)["REQUEST"])

    Booking.objects.filter(pk=booking.pk).update(status=Booking.Status.CANCELLED, cancelled_at=timezone.now())
    calendars = sent_calendars(booking)

    assert set(calendars) == {"CANCEL"}
    assert calendars["CANCEL"]["METHOD"] == "CANCEL"
    cancelled = events(calendars["CANCEL"])
    assert set(cancelled) == set(invited)
    assert all(e["status"] == "CANCELLED" and e["sequence"] == 1 for e in cancelled.values())
    # Nothing more to cancel: a repeated email carries no calendar file.
    assert sent_calendars(booking) == {}


def test_a_date_removed_from_the_session_is_cancelled_while_the_others_are_updated():
    start = timezone.now() + 10 * DAY
    session = training_session(starts=[start, start + 7 * DAY])
    booking = book(session)
    first, second = session.dates.order_by("starts_at")
    sent_calendars(booking)

    removed_id = second.pk
    second.delete()
    calendars = sent_calendars(booking)

    assert set(events(calendars["REQUEST"])) == {f"{booking.calendar_uid}-{first.pk}@testserver"}
    assert set(events(calendars["CANCEL"])) == {f"{booking.calendar_uid}-{removed_id}@testserver"}
    assert BookingInvitation.objects.get(booking=booking).date_ids == [first.pk]


def test_a_request_awaiting_approval_gets_no_calendar_file():
    session = training_session(needs_approval=True)
    booking = book(session, status=Booking.Status.REQUESTED)
    assert sent_calendars(booking) == {}


def test_a_cancelled_session_cancels_everyone_s_events():
    session = training_session()
    booking = book(session)
    invited = events(sent_calendars(booking)["REQUEST"])
    session.cancelled_at = timezone.now()
    session.save(update_fields=["cancelled_at"])
    Booking.objects.filter(pk=booking.pk).update(status=Booking.Status.SESSION_CANCELLED)

    assert set(events(sent_calendars(booking)["CANCEL"])) == set(invited)


# --- The private feed ------------------------------------------------------------------------------------------


def test_a_learner_s_feed_lists_their_sessions_with_the_invitation_uids(client):
    session = training_session()
    booking = book(session)
    other = training_session()
    book(other)
    client.force_login(booking.user)
    page = client.get(reverse("session_pages:calendar_feed"))
    assert page.status_code == 200
    feed = feeds.feed_for(booking.user)
    assert feeds.feed_url(feed) in page.content.decode()

    client.logout()  # calendar apps cannot sign in: the token is enough
    response = client.get(reverse("session_pages:calendar_feed_ics", kwargs={"token": feed.token}))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    listed = events(Calendar.from_ical(response.content))
    assert set(listed) == {f"{booking.calendar_uid}-{d.pk}@testserver" for d in session.dates.all()}


def test_a_trainer_s_feed_lists_the_sessions_they_teach(client):
    teacher = trainer()
    session = training_session(trainers=[teacher], joining_url="https://meet.example.org/t")
    training_session()  # someone else's
    feed = feeds.feed_for(teacher)
    listed = events(
        Calendar.from_ical(client.get(reverse("session_pages:calendar_feed_ics", args=[feed.token])).content)
    )
    assert set(listed) == {f"session-date-{d.pk}-teaching@testserver" for d in session.dates.all()}
    assert all("meet.example.org/t" in e["description"] for e in listed.values())


def test_resetting_the_feed_breaks_the_old_address(client):
    person = book(training_session()).user
    old = feeds.feed_for(person).token
    client.force_login(person)

    response = client.post(reverse("session_pages:reset_calendar_feed"))

    assert response.status_code == 302
    new = feeds.feed_for(person).token
    assert new != old
    assert client.get(reverse("session_pages:calendar_feed_ics", args=[old])).status_code == 404
    assert client.get(reverse("session_pages:calendar_feed_ics", args=[new])).status_code == 200


def test_an_unknown_feed_token_is_a_404(client):
    assert client.get(reverse("session_pages:calendar_feed_ics", args=["no-such-token"])).status_code == 404


def test_the_feed_page_needs_a_sign_in(client):
    response = client.get(reverse("session_pages:calendar_feed"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
