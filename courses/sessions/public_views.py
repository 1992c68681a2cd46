"""Learners' side of attendance and calendars: QR check-in from a phone, and the private calendar feed.

Thin views: each parses the request, calls ``checkin_codes`` / ``attendance`` / ``feeds``, and renders.
"""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from . import attendance, checkin_codes, feeds
from .models import DateAttendance, SessionDate

PENDING_KEY = "sessions_check_in"
# How long after a scan the person has to sign in and tap "Check in".
PENDING_FOR = datetime.timedelta(minutes=15)


@require_GET
def scan(request: HttpRequest, code: str) -> HttpResponse:
    """Where the QR code leads: a good code is remembered in the session (through the sign-in if needed),
    then the person confirms on the check-in page; a bad or expired code is refused here and then."""
    try:
        date_id = checkin_codes.read_code(code)
    except checkin_codes.CodeRefused as refused:
        return render(request, "courses/sessions/check_in.html", {"refusal": str(refused)}, status=400)
    request.session[PENDING_KEY] = {"date": date_id, "at": timezone.now().isoformat()}
    return redirect("session_pages:check_in_confirm")


def _pending_date(request: HttpRequest) -> SessionDate | None:
    pending = request.session.get(PENDING_KEY) or {}
    try:
        scanned_at = datetime.datetime.fromisoformat(pending["at"])
    except (KeyError, TypeError, ValueError):
        return None
    if timezone.now() - scanned_at > PENDING_FOR:
        return None
    return SessionDate.objects.select_related("session__course").filter(pk=pending.get("date")).first()


@login_required
def confirm(request: HttpRequest) -> HttpResponse:
    """GET: the date scanned and a "Check in" button; POST: check in (then back here, with the result)."""
    session_date = _pending_date(request)
    if request.method == "POST":
        if session_date is None:
            messages.error(request, "Scan the code on the trainer's screen again: the one you scanned has expired.")
            return redirect("session_pages:check_in_confirm")
        try:
            attendance.check_in(session_date, request.user)
        except attendance.AttendanceError as error:
            messages.error(request, str(error))
        else:
            request.session.pop(PENDING_KEY, None)
            messages.success(request, "You are checked in. Thank you.")
        return redirect("session_pages:check_in_confirm")
    checked_in = (
        session_date is not None
        and DateAttendance.objects.filter(session_date=session_date, booking__user=request.user, present=True).exists()
    )
    return render(request, "courses/sessions/check_in.html", {"session_date": session_date, "checked_in": checked_in})


@login_required
@require_GET
def calendar_feed(request: HttpRequest) -> HttpResponse:
    """The person's private calendar feed address, to paste into Outlook or Google Calendar."""
    feed = feeds.feed_for(request.user)
    return render(
        request,
        "courses/sessions/calendar_feed.html",
        {"feed_url": feeds.feed_url(feed), "webcal_url": feeds.webcal_url(feed), "feed": feed},
    )


@login_required
@require_POST
def reset_calendar_feed(request: HttpRequest) -> HttpResponse:
    feeds.reset_feed(request.user)
    messages.success(
        request, "Your calendar feed has a new address. Calendars using the old one no longer get your sessions."
    )
    return redirect("session_pages:calendar_feed")


@require_GET
def calendar_feed_ics(request: HttpRequest, token: str) -> HttpResponse:
    """The feed itself, for calendar apps (which cannot sign in: the secret token is the credential)."""
    data = feeds.feed_calendar(token)
    if data is None:
        raise Http404("No such calendar feed.")
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="sessions.ics"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
