"""Booking places on sessions through the services: seats, the waitlist, approval, cancelling, closing."""

from __future__ import annotations

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection, connections
from django.utils import timezone

from courses.models import Booking, BookingStatusChange, TrainingSession
from courses.sessions import services, tasks
from courses.sessions.services import BookingError
from tests.courses.session_helpers import in_days, make_session
from tests.factories import IncompleteUserFactory, UserFactory

pytestmark = pytest.mark.django_db


def statuses(session: TrainingSession) -> list[tuple[str, int | None]]:
    return list(session.bookings.order_by("created_at", "pk").values_list("status", "waitlist_position"))


def history(booking: Booking) -> list[tuple[str, str]]:
    return list(booking.status_changes.values_list("from_status", "to_status"))


def test_booking_takes_a_seat_until_full_then_waitlists_in_order(django_capture_on_commit_callbacks):
    session = make_session(capacity=2)
    people = UserFactory.create_batch(4)
    with django_capture_on_commit_callbacks(execute=True):
        bookings = [services.book(session, person) for person in people]

    assert [b.status for b in bookings] == ["booked", "booked", "waitlisted", "waitlisted"]
    assert [b.waitlist_position for b in bookings] == [None, None, 1, 2]
    assert history(bookings[0]) == [("", "booked")]
    assert bookings[0].status_changes.get().changed_by == people[0]
    assert [m.subject for m in mail.outbox] == [f"Your place is booked: {session.course.title}"] * 2 + [
        f"You are on the waitlist: {session.course.title}"
    ] * 2
    assert "at number 2" in mail.outbox[3].body


def test_waitlisted_booking_is_promoted_when_a_seat_is_freed(django_capture_on_commit_callbacks):
    session = make_session(capacity=1)
    first, second, third = (services.book(session, UserFactory()) for _ in range(3))
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_booking(first, by=first.user, reason="Called to court")

    first.refresh_from_db()
    second.refresh_from_db()
    third.refresh_from_db()
    assert (first.status, first.cancel_reason) == ("cancelled", "Called to court")
    assert (second.status, second.waitlist_position) == ("booked", None)
    assert (third.status, third.waitlist_position) == ("waitlisted", 1)
    assert history(second) == [("", "waitlisted"), ("waitlisted", "booked")]
    assert history(first)[-1] == ("booked", "cancelled")
    assert BookingStatusChange.objects.get(booking=first, to_status="cancelled").note == "Called to court"
    assert sorted((m.to[0], m.subject.split(":")[0]) for m in mail.outbox) == sorted(
        [(first.user.email, "Your booking is cancelled"), (second.user.email, "A place has come up for you")]
    )


def test_leaving_the_waitlist_moves_those_behind_up():
    session = make_session(capacity=1)
    bookings = [services.book(session, UserFactory()) for _ in range(4)]
    services.cancel_booking(bookings[2], by=bookings[2].user, reason="Not needed")

    assert statuses(session) == [("booked", None), ("waitlisted", 1), ("cancelled", None), ("waitlisted", 2)]


def test_promotion_stops_when_booking_closes_and_those_waiting_are_told(django_capture_on_commit_callbacks):
    session = make_session(capacity=1)
    booked, waiting = services.book(session, UserFactory()), services.book(session, UserFactory())
    TrainingSession.objects.filter(pk=session.pk).update(booking_closes_at=timezone.now() - datetime.timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_booking(booked, by=booked.user, reason="Off sick")
        result = tasks.close_due_bookings.delay().get()

    waiting.refresh_from_db()
    assert waiting.status == "waitlisted"
    assert result == {"sessions": 1, "expired": 0, "told": 1}
    assert [m.subject.split(":")[0] for m in mail.outbox if m.to == [waiting.user.email]] == ["Booking has closed"]
    # Once only.
    assert services.close_due_bookings() == {"sessions": 0, "expired": 0, "told": 0}


def test_a_request_is_approved_into_a_seat_or_the_waitlist(django_capture_on_commit_callbacks):
    manager = UserFactory()
    session = make_session(capacity=1, needs_approval=True)
    first, second = services.book(session, UserFactory()), services.book(session, UserFactory())
    assert (first.status, second.status) == ("requested", "requested")
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(first, by=manager)
        services.approve(second, by=manager)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status, second.waitlist_position) == ("booked", "waitlisted", 1)
    assert history(first) == [("", "requested"), ("requested", "approved"), ("approved", "booked")]
    assert first.status_changes.last().changed_by == manager
    assert "Your place is booked." in mail.outbox[0].body
    assert "at number 1" in mail.outbox[1].body
    with pytest.raises(BookingError, match="Only a pending request"):
        services.approve(first, by=manager)


def test_a_declined_request_tells_the_person_why(django_capture_on_commit_callbacks):
    session = make_session(needs_approval=True)
    request = services.book(session, UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        services.decline(request, by=UserFactory(), reason="Places are for Fenland staff this time")

    request.refresh_from_db()
    assert request.status == "declined"
    assert "Places are for Fenland staff this time" in mail.outbox[0].body
    # Declined is history: the person may ask again.
    assert services.book(session, request.user).status == "requested"


def test_unanswered_requests_expire_at_the_close_of_booking(django_capture_on_commit_callbacks):
    session = make_session(needs_approval=True, booking_closes_at=in_days(7))
    request = services.book(session, UserFactory())
    assert services.close_due_bookings(now=in_days(6)) == {"sessions": 0, "expired": 0, "told": 0}
    with django_capture_on_commit_callbacks(execute=True):
        assert services.close_due_bookings(now=in_days(7, 10)) == {"sessions": 1, "expired": 1, "told": 0}

    request.refresh_from_db()
    assert request.status == "expired"
    assert history(request)[-1] == ("requested", "expired")
    assert mail.outbox[0].subject.startswith("Your request has expired")


def test_cancelling_a_session_cancels_every_live_booking_and_raises_the_sequence(django_capture_on_commit_callbacks):
    session = make_session(capacity=1)
    booked, waiting = services.book(session, UserFactory()), services.book(session, UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_session(session, by=UserFactory(), reason="Trainer unwell")

    session.refresh_from_db()
    assert session.is_cancelled and session.sequence == 1
    assert statuses(session) == [("session_cancelled", None), ("session_cancelled", None)]
    assert len(mail.outbox) == 2 and "Trainer unwell" in mail.outbox[0].body
    with pytest.raises(BookingError, match="cancelled"):
        services.book(session, UserFactory())
    assert booked.pk and waiting.pk


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"dates": [(in_days(-1), in_days(-1, 16))]}, "already started"),
        ({"booking_closes_at": in_days(-1, 8)}, "closed"),
        ({"booking_opens_at": in_days(3)}, "Booking opens on"),
        ({"capacity": 1, "waitlist_enabled": False, "_full": True}, "full"),
    ],
)
def test_booking_a_past_closed_unopened_or_full_session_is_refused(fields, message):
    full = fields.pop("_full", False)
    session = make_session(**fields)
    if full:
        services.book(session, UserFactory())
    before = Booking.objects.count()
    with pytest.raises(BookingError, match=message):
        services.book(session, UserFactory())
    assert Booking.objects.count() == before


def test_booking_twice_or_without_a_complete_profile_is_refused():
    session = make_session()
    person = UserFactory()
    services.book(session, person)
    with pytest.raises(BookingError, match="already have a place"):
        services.book(session, person)
    with pytest.raises(BookingError, match="Complete your profile"):
        services.book(session, IncompleteUserFactory())
    assert session.bookings.count() == 1


def test_cancelling_needs_a_reason_and_is_refused_once_started():
    session = make_session()
    booking = services.book(session, UserFactory())
    with pytest.raises(BookingError, match="say why"):
        services.cancel_booking(booking, by=booking.user, reason="  ")
    TrainingSession.objects.filter(pk=session.pk).update(starts_at=timezone.now() - datetime.timedelta(minutes=1))
    with pytest.raises(BookingError, match="too late"):
        services.cancel_booking(booking, by=booking.user, reason="Changed my mind")
    booking.refresh_from_db()
    assert booking.status == "booked"


def test_a_schedule_change_raises_the_sequence_and_tells_those_booked(django_capture_on_commit_callbacks):
    session = make_session(capacity=1)
    booked, waiting = services.book(session, UserFactory()), services.book(session, UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        services.schedule_changed(session)

    assert TrainingSession.objects.get(pk=session.pk).sequence == 1
    assert [m.to for m in mail.outbox] == [[booked.user.email]]
    assert waiting.status == "waitlisted"


# --- Concurrency (PostgreSQL: threads, each with its own connection) -----------------------------------


def _run_at_once(actions) -> list[Exception]:
    """Run each action in its own thread and connection, all released together."""
    barrier = threading.Barrier(len(actions), timeout=30)
    errors: list[Exception] = []

    def run(action):
        try:
            barrier.wait()
            action()
        except Exception as error:  # pragma: no cover - reported by the caller
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def _skip_on_sqlite():
    if connection.vendor == "sqlite":
        pytest.skip("needs a database with concurrent writers and row locks (PostgreSQL); the services run has one")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_people_booking_twenty_seats_at_once_give_twenty_booked_and_thirty_waitlisted_in_commit_order():
    _skip_on_sqlite()
    session = make_session(capacity=20)
    people = UserFactory.create_batch(50)

    errors = _run_at_once(
        [lambda person=person: services.book(TrainingSession(pk=session.pk), person) for person in people]
    )

    assert errors == []
    assert session.bookings.filter(status="booked").count() == 20
    waitlisted = list(session.bookings.filter(status="waitlisted").order_by("waitlist_position"))
    assert [b.waitlist_position for b in waitlisted] == list(range(1, 31))
    # Commit order: a booking's history row is written inside its transaction, under the session's lock, so
    # ordering by the history rows' ids is ordering by commit; the positions follow it.
    by_commit = list(
        BookingStatusChange.objects.filter(booking__session=session, to_status="waitlisted")
        .order_by("pk")
        .values_list("booking__waitlist_position", flat=True)
    )
    assert by_commit == list(range(1, 31))
    assert session.bookings.filter(status="booked").count() + len(waitlisted) == 50


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_five_cancelling_while_five_book_loses_no_seat_and_gives_none_twice():
    _skip_on_sqlite()
    session = make_session(capacity=10)
    booked = [services.book(session, person) for person in UserFactory.create_batch(10)]
    waiting = [services.book(session, person) for person in UserFactory.create_batch(3)]
    newcomers = UserFactory.create_batch(5)
    actions = [
        lambda booking=booking: services.cancel_booking(Booking.objects.get(pk=booking.pk), by=booking.user, reason="x")
        for booking in booked[:5]
    ] + [lambda person=person: services.book(TrainingSession(pk=session.pk), person) for person in newcomers]

    errors = _run_at_once(actions)

    assert errors == []
    seats = session.bookings.filter(status="booked")
    assert seats.count() == 10
    assert seats.values("user").distinct().count() == 10
    # The 3 who were waiting come first; the waitlist has the remaining newcomers, numbered without a gap.
    assert {b.pk for b in waiting} <= set(seats.values_list("pk", flat=True))
    positions = sorted(session.bookings.filter(status="waitlisted").values_list("waitlist_position", flat=True))
    assert positions == list(range(1, len(positions) + 1))
    assert seats.count() + len(positions) == 5 + 3 + 5
