"""iCalendar files for sessions: the invitations emailed to booked people, and the private calendar feeds.

An invitation (RFC 5546 iTIP over email) holds one VEVENT per date of the session. Each event's UID is
stable for the booking and the date (``<booking's calendar_uid>-<date id>@<site host>``), so an update or
a cancellation names the very events the person's calendar already holds; its SEQUENCE is the booking's
invitation count (``BookingInvitation.sequence``), one higher with every invitation sent, so a calendar
takes each as newer than the last. ``METHOD:REQUEST`` adds or updates the events, ``METHOD:CANCEL``
removes them. A feed (``METHOD:PUBLISH``) lists the same events for the person, with the same UIDs, and
the sessions a trainer teaches.

Times are written in UTC (``DTSTART:20260301T093000Z``): every calendar shows them in its own zone, and
no VTIMEZONE needs to be embedded.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from email.utils import parseaddr
from urllib.parse import urlparse

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from home.links import page_url, site_url

from .models import Booking, SessionDate, TrainingSession

PRODID = "-//DASV Learning//Training sessions//EN"


def _host() -> str:
    return urlparse(site_url()).hostname or "dasv-learning.invalid"


def event_uid(booking: Booking, session_date_id: int) -> str:
    """The UID of one date's event in one person's calendar: the same in every invitation and in their feed."""
    return f"{booking.calendar_uid}-{session_date_id}@{_host()}"


def trainer_event_uid(session_date_id: int) -> str:
    return f"session-date-{session_date_id}-teaching@{_host()}"


def session_title(session: TrainingSession) -> str:
    title = session.course.title
    return f"{title} ({session.title})" if session.title else title


def location(session: TrainingSession) -> str:
    """Where it is, as a calendar shows it: the venue and its address, or "Online"."""
    parts = [session.venue_name.strip(), " ".join(session.venue_address.split())]
    place = ", ".join(part for part in parts if part)
    if place:
        return place
    return "Online" if session.joining_url else ""


def course_url(session: TrainingSession) -> str:
    try:
        return page_url(session.course)
    except ValueError:
        return site_url() + "/"


def description(session: TrainingSession, *, with_joining_link: bool) -> str:
    """The event's text: the joining link (for booked people only), access notes, notes, the course page."""
    lines = []
    if with_joining_link and session.joining_url:
        lines.append(f"Join online: {session.joining_url}")
    if session.access_notes.strip():
        lines.append(f"Access: {session.access_notes.strip()}")
    if session.notes_for_learners.strip():
        lines.append(session.notes_for_learners.strip())
    lines.append(f"Course: {course_url(session)}")
    return "\n\n".join(lines)


def _organizer() -> vCalAddress:
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = vCalAddress(f"mailto:{address or 'no-reply@' + _host()}")
    organizer.params["cn"] = vText(name or "DASV Learning")
    return organizer


def _calendar(method: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    return calendar


def _event(
    uid: str,
    session: TrainingSession,
    session_date: SessionDate | None,
    *,
    sequence: int,
    status: str,
    with_joining_link: bool,
    stamp: datetime.datetime,
    starts_at: datetime.datetime | None = None,
    ends_at: datetime.datetime | None = None,
) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("sequence", sequence)
    event.add("status", status)
    event.add("summary", session_title(session))
    start = session_date.starts_at if session_date else starts_at
    end = session_date.ends_at if session_date else ends_at
    if start is not None:
        event.add("dtstart", start.astimezone(datetime.UTC))
    if end is not None:
        event.add("dtend", end.astimezone(datetime.UTC))
    place = location(session)
    if place:
        event.add("location", place)
    event.add("description", description(session, with_joining_link=with_joining_link))
    event.add("url", course_url(session))
    event.add("organizer", _organizer())
    return event


def _attendee(booking: Booking, *, partstat: str) -> vCalAddress:
    attendee = vCalAddress(f"mailto:{booking.user.email}")
    attendee.params["cn"] = vText(booking.user.full_name or booking.user.email)
    attendee.params["role"] = "REQ-PARTICIPANT"
    attendee.params["partstat"] = partstat
    attendee.params["rsvp"] = "FALSE"
    return attendee


def invitation(booking: Booking, dates: Iterable[SessionDate], *, sequence: int, tentative: bool = False) -> bytes:
    """A METHOD:REQUEST invitation (or update) with one event per date, for the booking's person.

    ``tentative`` for a place on the waitlist: the dates are held in the calendar, marked tentative, until a
    seat is given (the update then confirms them, with the same UIDs).
    """
    stamp = timezone.now()
    calendar = _calendar("REQUEST")
    session = booking.session
    for session_date in dates:
        event = _event(
            event_uid(booking, session_date.pk),
            session,
            session_date,
            sequence=sequence,
            status="TENTATIVE" if tentative else "CONFIRMED",
            with_joining_link=not tentative,
            stamp=stamp,
        )
        event.add("attendee", _attendee(booking, partstat="TENTATIVE" if tentative else "ACCEPTED"))
        calendar.add_component(event)
    return calendar.to_ical()


def cancellation(booking: Booking, date_ids: Iterable[int], *, sequence: int) -> bytes:
    """A METHOD:CANCEL for the booking's events of these dates (the session's or the place's end, or a date
    removed from the session): calendars remove the events with these UIDs."""
    stamp = timezone.now()
    calendar = _calendar("CANCEL")
    session = booking.session
    dates = {d.pk: d for d in session.dates.all()}
    for date_id in date_ids:
        event = _event(
            event_uid(booking, date_id),
            session,
            dates.get(date_id),
            sequence=sequence,
            status="CANCELLED",
            with_joining_link=False,
            stamp=stamp,
            # A removed date no longer exists: the session's span stands in (a CANCEL needs only the UID).
            starts_at=session.starts_at,
            ends_at=session.ends_at,
        )
        event.add("attendee", _attendee(booking, partstat="DECLINED"))
        calendar.add_component(event)
    return calendar.to_ical()


def feed(
    name: str,
    bookings: Iterable[tuple[Booking, int]],
    taught: Iterable[TrainingSession],
) -> bytes:
    """A person's private feed: each date of their live bookings (``(booking, sequence)``, the sequence of
    their invitation) and of the sessions they teach. Cancelled sessions are listed as cancelled."""
    stamp = timezone.now()
    calendar = _calendar("PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-published-ttl", "PT1H")
    for booking, sequence in bookings:
        session = booking.session
        waiting = booking.status in (Booking.Status.WAITLISTED, Booking.Status.REQUESTED)
        for session_date in session.dates.all():
            calendar.add_component(
                _event(
                    event_uid(booking, session_date.pk),
                    session,
                    session_date,
                    sequence=sequence,
                    status="CANCELLED" if session.is_cancelled else ("TENTATIVE" if waiting else "CONFIRMED"),
                    with_joining_link=not waiting,
                    stamp=stamp,
                )
            )
    for session in taught:
        for session_date in session.dates.all():
            calendar.add_component(
                _event(
                    trainer_event_uid(session_date.pk),
                    session,
                    session_date,
                    sequence=session.sequence,
                    status="CANCELLED" if session.is_cancelled else "CONFIRMED",
                    with_joining_link=True,
                    stamp=stamp,
                )
            )
    return calendar.to_ical()
