"""Background work for live training: booking emails, and the close of booking (beat).

Each task is a few lines around ``emails`` or ``services``, so the same code runs eagerly in tests and on a
worker in production.
"""

from __future__ import annotations

from celery import shared_task

from home.task_options import RETRYING

from . import emails, services


@shared_task(**RETRYING, name="courses.sessions.tasks.send_booking_email")
def send_booking_email(booking_id: int, kind: str) -> bool:
    """Email a booking's person about what happened to it (see ``notifications.KINDS``)."""
    return emails.send_booking_email(booking_id, kind)


@shared_task(name="courses.sessions.tasks.close_due_bookings")
def close_due_bookings() -> dict[str, int]:
    """Every few minutes (beat): unanswered requests expire at the close of booking; the waitlisted are told."""
    return services.close_due_bookings()
