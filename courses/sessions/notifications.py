"""Telling people about their bookings: the one hook every booking service calls.

``notify`` queues one email task per booking once the transaction commits, so a rolled-back booking sends
nothing and a failing email (retried by the worker) never undoes a booking. The task renders the message for
the booking's *current* state; calendar attachments are added where the message is built (``emails``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

# What a message is about. The booking's status says the rest (e.g. "approved" then booked or waitlisted).
KINDS = (
    "booked",
    "waitlisted",
    "requested",
    "promoted",
    "approved",
    "declined",
    "expired",
    "waitlist_closed",
    "cancelled",
    "session_cancelled",
    "session_changed",
)


def notify(booking_ids: Iterable[int], kind: str) -> None:
    """Email each booking's person about ``kind`` after the current transaction commits."""
    if kind not in KINDS:
        raise ValueError(f"Unknown booking message: {kind!r}")
    from . import tasks

    for booking_id in list(booking_ids):
        transaction.on_commit(lambda booking_id=booking_id: tasks.send_booking_email.delay(booking_id, kind))
