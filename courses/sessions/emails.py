"""The booking emails: plain text for now, rendered for the booking's state when the task runs."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from home.links import absolute_url, site_url
from home.text import single_line

from . import invitations
from .models import Booking

SUBJECTS = {
    "booked": "Your place is booked: {course}",
    "waitlisted": "You are on the waitlist: {course}",
    "requested": "We have your request for a place: {course}",
    "promoted": "A place has come up for you: {course}",
    "approved": "Your request was approved: {course}",
    "declined": "Your request was declined: {course}",
    "expired": "Your request has expired: {course}",
    "waitlist_closed": "Booking has closed: {course}",
    "cancelled": "Your booking is cancelled: {course}",
    "session_cancelled": "Session cancelled: {course}",
    "session_changed": "Session changed: {course}",
}


def build_booking_email(booking: Booking, kind: str) -> EmailMessage:
    """The message for ``kind`` (the hook where calendar attachments are added)."""
    session = booking.session
    context = {
        "booking": booking,
        "session": session,
        "dates": list(session.dates.all()),
        "kind": kind,
        "site_url": site_url(),
        "session_url": absolute_url(reverse("sessions:session", args=[session.pk])),
        "my_learning_url": absolute_url(reverse("courses:my_learning")),
    }
    subject = single_line(SUBJECTS[kind].format(course=session.course.title))
    body = render_to_string("courses/sessions/email/booking.txt", context)
    message = EmailMessage(subject, body, None, [booking.user.email])
    # The calendar invitation for the booking as it stands now (REQUEST, an update with a higher SEQUENCE, or CANCEL).
    invitations.attach_calendar(message, booking)
    return message


def send_booking_email(booking_id: int, kind: str) -> bool:
    """Send it; False when the booking is gone or its person has no active account."""
    booking = Booking.objects.select_related("session__course", "user").filter(pk=booking_id).first()
    if booking is None or not booking.user.is_active:
        return False
    build_booking_email(booking, kind).send()
    return True
