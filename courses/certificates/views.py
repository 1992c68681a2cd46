"""Public certificate verification, and the holder's download.

Verification is open to anyone and rate-limited per client address (the Django cache counts requests in
one-minute windows; use a shared cache such as Redis in production, so that every web process counts
together). It shows the holder's name, the course and the dates, and nothing else about the person.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import selectors
from . import services as certificates
from .codes import format_code
from .forms import VerificationForm
from .models import Certificate

RATE_WINDOW_SECONDS = 60


def _client_address(request: HttpRequest) -> str:
    # allauth's adapter honours the proxy settings the sign-in rate limits already use.
    from allauth.account.adapter import get_adapter

    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return "unknown"


def _over_rate_limit(request: HttpRequest) -> int:
    """Count a verification from this client; seconds until it may try again if over the limit, else 0."""
    limit = getattr(settings, "CERTIFICATE_VERIFICATIONS_PER_MINUTE", 30)
    if not limit:
        return 0
    now = time.time()
    window = int(now // RATE_WINDOW_SECONDS)
    address = hashlib.sha256(_client_address(request).encode()).hexdigest()[:32]
    key = f"certificates:verify:{address}:{window}"
    cache.add(key, 0, timeout=RATE_WINDOW_SECONDS + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=RATE_WINDOW_SECONDS + 5)
        count = 1
    if count <= limit:
        return 0
    return max(1, int((window + 1) * RATE_WINDOW_SECONDS - now))


def _rate_limited(request: HttpRequest, wait: int) -> HttpResponse:
    response = render(request, "courses/certificates/rate_limited.html", {"wait": wait}, status=429)
    response["Retry-After"] = str(wait)
    return response


def _not_found(request: HttpRequest) -> HttpResponse:
    return render(request, "courses/certificates/not_found.html", {"form": VerificationForm()}, status=404)


def _private(response: HttpResponse) -> HttpResponse:
    # A name is shown: keep the page out of search engines and shared caches.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@require_safe
def verify(request: HttpRequest) -> HttpResponse:
    """The verification form; a valid code goes on to its page (GET, so the result can be bookmarked)."""
    if "code" not in request.GET:
        return _private(render(request, "courses/certificates/verify.html", {"form": VerificationForm()}))
    if wait := _over_rate_limit(request):
        return _rate_limited(request, wait)
    form = VerificationForm(request.GET)
    if form.is_valid():
        return redirect("certificates:verify_code", code=format_code(form.cleaned_data["code"]))
    return _private(render(request, "courses/certificates/verify.html", {"form": form}))


@never_cache
@require_safe
def verify_code(request: HttpRequest, code: str) -> HttpResponse:
    """A certificate's public page: valid, expired or revoked, with the holder's name, course and dates."""
    if wait := _over_rate_limit(request):
        return _rate_limited(request, wait)
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        return _private(_not_found(request))
    context = {
        "certificate": certificate,
        "status": certificate.status(),
        "status_label": Certificate.Status(certificate.status()).label,
        "completed_on": certificate.completion.completed_on,
        "today": timezone.localdate(),
    }
    return _private(render(request, "courses/certificates/verify_result.html", context))


@never_cache
@login_required
def download(request: HttpRequest, certificate_id: int) -> HttpResponse:
    """The holder's PDF. Someone else's certificate is 'not found', so nothing about it is confirmed.

    Revoked: a page says so instead of serving the file. No PDF yet: a page says it is being prepared,
    and a rendering is queued if none is under way (a certificate imported without its file, say).
    """
    certificate = selectors.certificate_of(request.user, certificate_id)
    if certificate is None:
        raise Http404("No such certificate.")
    if certificate.is_revoked:
        return render(request, "courses/certificates/revoked.html", {"certificate": certificate}, status=410)
    if not certificate.is_ready:
        certificates.request_rendering(certificate)
        return render(request, "courses/certificates/preparing.html", {"certificate": certificate})
    try:
        handle = certificate.pdf.open("rb")
    except FileNotFoundError:
        # The row names a file the storage no longer has: render it again.
        certificates.forget_missing_pdf(certificate)
        return render(request, "courses/certificates/preparing.html", {"certificate": certificate})
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=_download_filename(certificate),
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _download_filename(certificate: Certificate) -> str:
    return f"certificate-{slugify(certificate.course_title)[:60] or 'course'}-{certificate.display_code}.pdf"
