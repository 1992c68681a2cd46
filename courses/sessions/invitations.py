"""The calendar invitation each booking email carries, decided by the booking's state when it is sent.

The booking emails (``emails.build_booking_email``) call ``attach_calendar(message, booking)``; what it
attaches follows from the booking's state at that moment, not from the event that queued the email, so a
late or repeated email never contradicts the booking:

- a seat (booked, approved) or a place on the waitlist (held as tentative): METHOD:REQUEST with every date
  of the session, with a SEQUENCE one higher than the booking's last invitation, plus a METHOD:CANCEL for
  any date the last invitation held that the session no longer has;
- no place any more (cancelled, declined, expired, the session cancelled): METHOD:CANCEL for the dates the
  last invitation held (nothing, if it never had one);
- a request awaiting approval, or an attendance outcome: no calendar file.

The invitation's state (``BookingInvitation``) is taken under a row lock. If the email then fails to send,
the SEQUENCE it took is simply skipped: the next invitation is still higher than any the person received,
which is all a calendar compares.
"""

from __future__ import annotations

from email.mime.text import MIMEText

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from . import calendars
from .models import Booking
from .notice_models import BookingInvitation

HOLDING = (Booking.Status.BOOKED, Booking.Status.APPROVED)
WAITING = (Booking.Status.WAITLISTED,)


def calendar_part(data: bytes, method: str, filename: str) -> MIMEText:
    """A text/calendar attachment with its iTIP method, as Outlook and Gmail look for it."""
    part = MIMEText(data.decode("utf-8"), "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename=filename)
    return part


def calendar_parts(booking: Booking) -> list[MIMEText]:
    """The calendar files the booking's state calls for now, recording the invitation they amount to."""
    with transaction.atomic():
        invitation = BookingInvitation.objects.select_for_update().filter(booking_id=booking.pk).first()
        session = booking.session
        dates = list(session.dates.all())
        current_ids = [d.pk for d in dates]
        held = list(invitation.date_ids) if invitation and invitation.method == BookingInvitation.Method.REQUEST else []
        sequence = invitation.sequence + 1 if invitation else 0
        has_place = booking.status in (*HOLDING, *WAITING) and not session.is_cancelled
        parts = []
        if has_place and dates:
            data = calendars.invitation(booking, dates, sequence=sequence, tentative=booking.status in WAITING)
            parts.append(calendar_part(data, "REQUEST", "invitation.ics"))
            removed = [date_id for date_id in held if date_id not in current_ids]
            if removed:
                data = calendars.cancellation(booking, removed, sequence=sequence)
                parts.append(calendar_part(data, "CANCEL", "removed-dates.ics"))
            method, date_ids = BookingInvitation.Method.REQUEST, current_ids
        elif not has_place and held:
            data = calendars.cancellation(booking, held, sequence=sequence)
            parts.append(calendar_part(data, "CANCEL", "cancellation.ics"))
            method, date_ids = BookingInvitation.Method.CANCEL, []
        else:
            return []
        BookingInvitation.objects.update_or_create(
            booking_id=booking.pk,
            defaults={"sequence": sequence, "method": method, "date_ids": date_ids, "sent_at": timezone.now()},
        )
    return parts


def attach_calendar(message: EmailMessage, booking: Booking) -> EmailMessage:
    """Attach to a booking email the calendar files its booking's state calls for (see the module)."""
    for part in calendar_parts(booking):
        message.attach(part)
    return message
