"""What the platform has told each booked person: their calendar invitation's state, and the reminders sent.

Kept beside the booking models (``models.py``) rather than on them: the booking services never read these,
only ``notifications`` and ``reminders`` do.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from .models import Booking, SessionDate


class BookingInvitation(models.Model):
    """The calendar invitation a person holds for a booking: the SEQUENCE of the last one sent and its dates.

    Each invitation sent for a booking (a confirmation, an update, a cancellation) has a SEQUENCE one higher
    than the last, so a calendar always takes it as the newer version of the same events (their UIDs come
    from ``Booking.calendar_uid`` and the date). ``date_ids`` are the dates the last invitation held, so that
    a date removed from the session since is cancelled in the person's calendar, not left there.
    """

    class Method(models.TextChoices):
        REQUEST = "REQUEST", "Invitation or update"
        CANCEL = "CANCEL", "Cancellation"

    booking = models.OneToOneField(Booking, on_delete=models.CASCADE, related_name="invitation")
    sequence = models.PositiveIntegerField(default=0)
    method = models.CharField(max_length=10, choices=Method.choices)
    date_ids = models.JSONField(default=list)
    sent_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Invitation {self.method} #{self.sequence} for booking {self.booking_id}"


class SentReminder(models.Model):
    """A reminder emailed to a booked person before one date of their session: at most one per booking and
    date (the unique constraint is the claim, so two beat runs at once never send two)."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="reminders")
    session_date = models.ForeignKey(SessionDate, on_delete=models.CASCADE, related_name="reminders")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["booking", "session_date"], name="one_reminder_per_booking_and_date")
        ]

    def __str__(self) -> str:
        return f"Reminder for booking {self.booking_id}, date {self.session_date_id}"
