"""Booking places on live training sessions: book, request, approve, decline, cancel, promote, close.

Capacity holds under concurrency because every change to a session's bookings first locks the session's row
(``select_for_update``) inside the transaction and only then counts the seats taken: a second booking for the
same session waits for the first to commit, then counts again. Moodle's facetoface counts and then inserts
without a lock, so two people can take the last seat. Waitlist positions are given while the lock is held, so
they follow the order in which the transactions commit.

Every change of status writes a ``BookingStatusChange`` row (``set_status``). People are told by email after
the transaction commits (``notifications.notify``); a failing email never undoes a booking.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import F, Max, Min
from django.utils import timezone

from accounts.models import User

from . import notifications
from .models import LIVE_STATUSES, SEAT_STATUSES, Booking, BookingStatus, BookingStatusChange, TrainingSession


class BookingError(Exception):
    """A booking action refused, with a message for the person who tried it."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# The statuses a learner may cancel from (up to the start).
CANCELLABLE_STATUSES = (BookingStatus.REQUESTED, BookingStatus.APPROVED, BookingStatus.BOOKED, BookingStatus.WAITLISTED)


def _lock(session: TrainingSession) -> TrainingSession:
    """The session's row, locked until the transaction ends: every booking change for it waits here."""
    return TrainingSession.objects.select_for_update().get(pk=session.pk)


def set_status(
    booking: Booking, to_status: str, *, by: User | None = None, note: str = "", at: datetime.datetime | None = None
) -> Booking:
    """Change a booking's status and keep the change in its history (who, when, from, to).

    The one way a booking's status changes, so the history is complete; callers that move seats hold the
    session's lock. Attendance outcomes (attended, partly attended, no-show) are set through here too.
    """
    at = at or timezone.now()
    from_status = booking.status
    booking.status = to_status
    booking.status_changed_at = at
    fields = ["status", "status_changed_at"]
    if to_status != BookingStatus.WAITLISTED:
        booking.waitlist_position = None
    fields.append("waitlist_position")
    if to_status == BookingStatus.BOOKED:
        booking.booked_at = at
        fields.append("booked_at")
    if booking.pk is None:
        booking.save()
    else:
        booking.save(update_fields=fields)
    BookingStatusChange.objects.create(
        booking=booking, from_status=from_status or "", to_status=to_status, changed_by=by, changed_at=at, note=note
    )
    return booking


def seats_taken(session: TrainingSession) -> int:
    return session.bookings.filter(status__in=SEAT_STATUSES).count()


def booking_is_open(session: TrainingSession, now: datetime.datetime | None = None) -> bool:
    """Open for booking: not cancelled, has dates, the window has opened and not closed, not started."""
    now = now or timezone.now()
    closes = session.booking_closes()
    if session.is_cancelled or session.starts_at is None or closes is None:
        return False
    if session.booking_opens_at and now < session.booking_opens_at:
        return False
    return now < closes and now < session.starts_at


def _check_bookable(session: TrainingSession, now: datetime.datetime) -> None:
    if session.is_cancelled:
        raise BookingError("This session has been cancelled.")
    if session.starts_at is None or session.starts_at <= now:
        raise BookingError("This session has already started.")
    if session.booking_opens_at and now < session.booking_opens_at:
        opens = timezone.localtime(session.booking_opens_at)
        raise BookingError(f"Booking opens on {opens:%-d %B %Y at %H:%M}.")
    if not booking_is_open(session, now):
        raise BookingError("Booking for this session has closed.")


def _next_waitlist_position(session: TrainingSession) -> int:
    last = session.bookings.filter(status=BookingStatus.WAITLISTED).aggregate(last=Max("waitlist_position"))["last"]
    return (last or 0) + 1


def _place(session: TrainingSession, booking: Booking, *, by: User | None, note: str = "") -> Booking:
    """Give the booking a seat if one is free, else a place at the end of the waitlist (the lock is held)."""
    if seats_taken(session) < session.capacity:
        return set_status(booking, BookingStatus.BOOKED, by=by, note=note)
    if not session.waitlist_enabled:
        raise BookingError("This session is full.")
    booking.waitlist_position = _next_waitlist_position(session)
    return set_status(booking, BookingStatus.WAITLISTED, by=by, note=note)


def book(session: TrainingSession, user: User, *, by: User | None = None) -> Booking:
    """Book a seat, or join the waitlist when full, or request a place when the session needs approval.

    Needs a complete profile, an open booking window and no live booking of the person's on the session.
    The seat count and the waitlist position are read and written under the session's row lock.
    """
    if not user.profile_is_complete:
        raise BookingError("Complete your profile (organisation, work district and job title) to book.")
    now = timezone.now()
    with transaction.atomic():
        session = _lock(session)
        _check_bookable(session, now)
        if session.bookings.filter(user=user, status__in=LIVE_STATUSES).exists():
            raise BookingError("You already have a place or a request on this session.")
        booking = Booking(session=session, user=user, status="", created_at=now)
        if session.needs_approval:
            set_status(booking, BookingStatus.REQUESTED, by=by or user)
            kind = "requested"
        else:
            _place(session, booking, by=by or user)
            kind = booking.status
        notifications.notify([booking.pk], kind)
    return booking


def approve(booking: Booking, *, by: User) -> Booking:
    """A training manager approves a request: the person gets a seat, or a waitlist place when full."""
    with transaction.atomic():
        session = _lock(booking.session)
        booking = session.bookings.get(pk=booking.pk)
        if booking.status != BookingStatus.REQUESTED:
            raise BookingError("Only a pending request can be approved.")
        if session.is_cancelled:
            raise BookingError("This session has been cancelled.")
        set_status(booking, BookingStatus.APPROVED, by=by)
        _place(session, booking, by=by)
        notifications.notify([booking.pk], "approved")
    return booking


def decline(booking: Booking, *, by: User, reason: str = "") -> Booking:
    """A training manager declines a request (the reason goes to the person)."""
    with transaction.atomic():
        session = _lock(booking.session)
        booking = session.bookings.get(pk=booking.pk)
        if booking.status != BookingStatus.REQUESTED:
            raise BookingError("Only a pending request can be declined.")
        booking.cancel_reason = reason.strip()
        booking.save(update_fields=["cancel_reason"])
        set_status(booking, BookingStatus.DECLINED, by=by, note=reason.strip())
        notifications.notify([booking.pk], "declined")
    return booking


def _leave_waitlist(session: TrainingSession, position: int) -> None:
    """Close the gap a waitlisted booking leaves: everyone behind moves up one."""
    session.bookings.filter(status=BookingStatus.WAITLISTED, waitlist_position__gt=position).update(
        waitlist_position=F("waitlist_position") - 1
    )


def _promote_first(session: TrainingSession, now: datetime.datetime) -> Booking | None:
    """Give a freed seat to the first on the waitlist, while booking is open (the lock is held)."""
    if not booking_is_open(session, now) or seats_taken(session) >= session.capacity:
        return None
    first = session.bookings.filter(status=BookingStatus.WAITLISTED).order_by("waitlist_position", "pk").first()
    if first is None:
        return None
    position = first.waitlist_position or 1
    set_status(first, BookingStatus.BOOKED, note="Promoted from the waitlist")
    _leave_waitlist(session, position)
    notifications.notify([first.pk], "promoted")
    return first


def cancel_booking(booking: Booking, *, by: User, reason: str) -> Booking:
    """The learner (or a manager for them) cancels up to the start; a freed seat goes to the first waiting."""
    reason = reason.strip()
    if not reason:
        raise BookingError("Please say why you are cancelling.")
    now = timezone.now()
    with transaction.atomic():
        session = _lock(booking.session)
        booking = session.bookings.get(pk=booking.pk)
        if booking.status not in CANCELLABLE_STATUSES:
            raise BookingError("This booking cannot be cancelled.")
        if session.starts_at is not None and session.starts_at <= now:
            raise BookingError("The session has started: it is too late to cancel.")
        held_seat = booking.holds_seat
        position = booking.waitlist_position
        booking.cancel_reason = reason
        booking.cancelled_at = now
        booking.save(update_fields=["cancel_reason", "cancelled_at"])
        set_status(booking, BookingStatus.CANCELLED, by=by, note=reason, at=now)
        if position is not None:
            _leave_waitlist(session, position)
        notifications.notify([booking.pk], "cancelled")
        if held_seat:
            _promote_first(session, now)
    return booking


def cancel_session(session: TrainingSession, *, by: User, reason: str) -> TrainingSession:
    """Cancel a session: every live booking is cancelled with it and its people are told (calendar CANCEL)."""
    reason = reason.strip()
    if not reason:
        raise BookingError("Please give a reason for cancelling the session.")
    now = timezone.now()
    with transaction.atomic():
        session = _lock(session)
        if session.is_cancelled:
            raise BookingError("This session is already cancelled.")
        session.cancelled_at = now
        session.cancel_reason = reason
        session.cancelled_by = by
        session.sequence = F("sequence") + 1
        session.save(update_fields=["cancelled_at", "cancel_reason", "cancelled_by", "sequence"])
        session.refresh_from_db(fields=["sequence"])
        affected = list(session.bookings.filter(status__in=CANCELLABLE_STATUSES))
        for booking in affected:
            set_status(booking, BookingStatus.SESSION_CANCELLED, by=by, note=reason, at=now)
        notifications.notify([b.pk for b in affected], "session_cancelled")
    return session


def refresh_span(session: TrainingSession) -> TrainingSession:
    """Keep the session's ``starts_at`` / ``ends_at`` equal to its first start and last end."""
    span = session.dates.aggregate(first=Min("starts_at"), last=Max("ends_at"))
    TrainingSession.objects.filter(pk=session.pk).update(starts_at=span["first"], ends_at=span["last"])
    session.starts_at, session.ends_at = span["first"], span["last"]
    return session


def schedule_snapshot(session: TrainingSession) -> tuple:
    """What a calendar invitation shows of the session (its dates and place), to tell whether it moved."""
    from .models import SessionDate

    dates = tuple(
        SessionDate.objects.filter(session_id=session.pk).order_by("starts_at").values_list("starts_at", "ends_at")
    )
    saved = TrainingSession.objects.filter(pk=session.pk).values("venue_name", "venue_address", "joining_url").first()
    return (dates, tuple(sorted((saved or {}).items())))


def session_saved(session: TrainingSession, before: tuple | None, *, by: User | None = None) -> TrainingSession:
    """After the admin saves a session: keep its span, and if its dates or place moved, tell those booked."""
    refresh_span(session)
    if before is not None and schedule_snapshot(session) != before:
        schedule_changed(session, by=by)
    return session


def schedule_changed(session: TrainingSession, *, by: User | None = None) -> TrainingSession:
    """A date or the venue moved: raise the calendar SEQUENCE and tell everyone booked (an updated invitation)."""
    with transaction.atomic():
        TrainingSession.objects.filter(pk=session.pk).update(sequence=F("sequence") + 1)
        session.refresh_from_db(fields=["sequence"])
        booked = list(session.bookings.filter(status=BookingStatus.BOOKED).values_list("pk", flat=True))
        notifications.notify(booked, "session_changed")
    return session


def close_booking(session: TrainingSession, now: datetime.datetime | None = None) -> dict[str, int]:
    """At the close of booking: unanswered requests expire, and those still waiting are told (once)."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _lock(session)
        if session.booking_close_processed_at is not None:
            return {"expired": 0, "told": 0}
        requests = list(session.bookings.filter(status__in=(BookingStatus.REQUESTED, BookingStatus.APPROVED)))
        for booking in requests:
            set_status(booking, BookingStatus.EXPIRED, note="Nobody answered the request before booking closed", at=now)
        waiting = list(session.bookings.filter(status=BookingStatus.WAITLISTED).values_list("pk", flat=True))
        session.booking_close_processed_at = now
        session.save(update_fields=["booking_close_processed_at"])
        notifications.notify([b.pk for b in requests], "expired")
        notifications.notify(waiting, "waitlist_closed")
    return {"expired": len(requests), "told": len(waiting)}


def close_due_bookings(now: datetime.datetime | None = None) -> dict[str, int]:
    """Beat: handle the close of booking of every session whose booking has closed and was not yet handled."""
    from django.db.models import Q

    now = now or timezone.now()
    due = TrainingSession.objects.filter(
        booking_close_processed_at__isnull=True, cancelled_at__isnull=True, starts_at__isnull=False
    ).filter(Q(booking_closes_at__lte=now) | Q(booking_closes_at__isnull=True, starts_at__lte=now))
    totals = {"sessions": 0, "expired": 0, "told": 0}
    for session in due:
        result = close_booking(session, now)
        totals["sessions"] += 1
        totals["expired"] += result["expired"]
        totals["told"] += result["told"]
    return totals
