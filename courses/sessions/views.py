"""Learner pages for live training: a session's booking page, booking, and cancelling a booking."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from accounts.decorators import profile_required

from . import selectors, services
from .forms import CancelBookingForm


def _session_or_404(session_id: int):
    session = selectors.session_for_learner(session_id)
    if session is None:
        raise Http404("No such session.")
    return session


@require_GET
def session_page(request: HttpRequest, session_id: int) -> HttpResponse:
    """A session's dates, place and seats left, and the person's booking (with the joining link if booked)."""
    session = _session_or_404(session_id)
    booking = selectors.booking_of(request.user, session)
    context = {
        "row": selectors.session_row(session),
        "session": session,
        "booking": booking,
        "cancel_form": CancelBookingForm(),
    }
    return TemplateResponse(request, "courses/sessions/session_page.html", context)


@require_POST
@profile_required
def book(request: HttpRequest, session_id: int) -> HttpResponse:
    """Book a seat (or the waitlist, or request a place), then back to the session's page."""
    session = _session_or_404(session_id)
    try:
        booking = services.book(session, request.user)
    except services.BookingError as error:
        messages.error(request, error.message)
    else:
        if booking.status == "booked":
            messages.success(request, "Your place is booked. We have emailed you the details.")
        elif booking.status == "waitlisted":
            messages.success(
                request, f"The session is full: you are number {booking.waitlist_position} on the waitlist."
            )
        else:
            messages.success(request, "Your request has been sent. A training manager will approve or decline it.")
    return redirect("sessions:session", session_id=session.pk)


@require_POST
@login_required
def cancel(request: HttpRequest, booking_id: int) -> HttpResponse:
    """Cancel the person's own booking, with a reason (someone else's is not found)."""
    booking = selectors.own_booking(request.user, booking_id)
    if booking is None:
        raise Http404("No such booking.")
    form = CancelBookingForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Please say why you are cancelling (up to 500 characters).")
        return redirect("sessions:session", session_id=booking.session_id)
    try:
        services.cancel_booking(booking, by=request.user, reason=form.cleaned_data["reason"])
    except services.BookingError as error:
        messages.error(request, error.message)
        return redirect("sessions:session", session_id=booking.session_id)
    messages.success(request, "Your booking is cancelled.")
    return redirect(reverse("courses:my_learning"))
