import contextlib
from urllib.parse import urlsplit

from django.contrib.auth import logout
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import selectors
from .models import QUICK_EXIT_DEFAULT, WorkerHeartbeat


def health(request):
    """For load balancers and operators: is the database up, and when did a worker last run?"""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    heartbeat = WorkerHeartbeat.objects.filter(name="worker").first()
    return JsonResponse(
        {"database": "ok", "worker_last_seen": heartbeat.seen_at.isoformat() if heartbeat else None},
    )


def _exit_target(request: HttpRequest) -> str:
    """The site setting's address, if it is a plain web address; the safe default otherwise.

    The target never comes from the request (no ``?next=``), so /exit/ cannot be used as an open redirect.
    The setting is validated when saved; this second check covers a value written past the form.
    """
    try:
        url = selectors.site_settings(request).quick_exit_url
    except DatabaseError:
        url = QUICK_EXIT_DEFAULT  # leaving must work even when the database does not
    parts = urlsplit(url or "")
    if parts.scheme in ("http", "https") and parts.netloc:
        return url
    return QUICK_EXIT_DEFAULT


@never_cache
def exit_this_page(request: HttpRequest) -> HttpResponse:
    """Exit this page: end the session (signed in or not), then send the person to the innocuous page.

    A GET, so that the button works as a plain link without JavaScript. Someone who comes back to the site
    finds themselves signed out, with nothing of what they were doing kept in their session.
    """
    with contextlib.suppress(DatabaseError):  # the person leaves even if the session store is down
        logout(request)  # flushes the session, for a visitor too
    response = HttpResponseRedirect(_exit_target(request))
    # The innocuous page must not learn which page the person left.
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@require_safe
def staying_safe_online(request: HttpRequest) -> HttpResponse:
    """What "Exit this page" does and does not do, with the specialist services' guidance on covering tracks."""
    return render(request, "home/staying_safe_online.html")
