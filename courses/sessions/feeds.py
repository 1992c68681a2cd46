"""Private calendar feeds: a secret URL per person that Outlook or Google Calendar subscribes to.

The URL's token is the only credential (calendar apps cannot sign in), so it is long and random
(``models.new_feed_token``), compared by a unique index, and the person can reset it, which breaks every
old subscription at once. A feed lists the dates of the person's live bookings (with the same event UIDs as
their emailed invitations, so nothing shows twice) and of the sessions they teach; it reveals the joining
link only where the person has a seat or teaches.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from home.links import absolute_url

from . import calendars
from .models import Booking, CalendarFeed, SessionDate, TrainingSession, new_feed_token
from .notice_models import BookingInvitation

# Bookings that belong in a feed: a seat, a place on the waitlist, a request, or an outcome of one.
FEED_STATUSES = (
    Booking.Status.REQUESTED,
    Booking.Status.APPROVED,
    Booking.Status.BOOKED,
    Booking.Status.WAITLISTED,
    Booking.Status.ATTENDED,
    Booking.Status.PARTLY_ATTENDED,
    Booking.Status.NO_SHOW,
    Booking.Status.SESSION_CANCELLED,
)


def feed_for(user: User) -> CalendarFeed:
    """The person's feed, made the first time they ask for it."""
    feed = CalendarFeed.objects.filter(user=user).first()
    if feed is not None:
        return feed
    try:
        with transaction.atomic():
            return CalendarFeed.objects.create(user=user)
    except IntegrityError:  # a simultaneous request made it
        return CalendarFeed.objects.get(user=user)


def reset_feed(user: User) -> CalendarFeed:
    """Give the person's feed a new secret: the old URL stops working at once."""
    feed = feed_for(user)
    feed.token = new_feed_token()
    feed.reset_at = timezone.now()
    feed.save(update_fields=["token", "reset_at"])
    return feed


def feed_url(feed: CalendarFeed) -> str:
    return absolute_url(reverse("session_pages:calendar_feed_ics", kwargs={"token": feed.token}))


def webcal_url(feed: CalendarFeed) -> str:
    """The same address with the webcal scheme, which calendar apps open as a subscription."""
    return "webcal://" + feed_url(feed).split("://", 1)[1]


def _dates() -> Prefetch:
    return Prefetch("dates", queryset=SessionDate.objects.order_by("starts_at", "pk"))


def feed_calendar(token: str) -> bytes | None:
    """The iCalendar text of the feed with this token, or None for an unknown token (a constant number of
    queries however many sessions it lists)."""
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first() if token else None
    if feed is None or not feed.user.is_active:
        return None
    user = feed.user
    bookings = list(
        Booking.objects.filter(user=user, status__in=FEED_STATUSES)
        .select_related("session__course", "user")
        .prefetch_related(Prefetch("session__dates", queryset=SessionDate.objects.order_by("starts_at", "pk")))
        .order_by("session__starts_at", "pk")
    )
    sequences = dict(
        BookingInvitation.objects.filter(booking__in=[b.pk for b in bookings]).values_list("booking_id", "sequence")
    )
    taught = list(
        TrainingSession.objects.filter(trainers=user)
        .select_related("course")
        .prefetch_related(_dates())
        .order_by("starts_at", "pk")
    )
    name = f"Training sessions: {user.full_name or user.email}"
    return calendars.feed(name, [(b, sequences.get(b.pk, 0)) for b in bookings], taught)
