"""A person's own data page (download everything, ask for erasure), the download link, the privacy notice.

Thin views: each parses the request, calls a service or selector, and renders; every POST redirects.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from . import export, retention, selectors, services
from .forms import ErasureConfirmForm


@never_cache
@login_required
def your_data(request: HttpRequest) -> HttpResponse:
    """Download everything held about you, and ask for it to be erased."""
    return render(
        request,
        "privacy/your_data.html",
        {
            "exports": [e for e in selectors.exports_for(request.user) if e.person_id == request.user.pk][:5],
            "now": timezone.now(),
            "pending": selectors.pending_request(request.user),
            "requests": selectors.requests_of(request.user)[:5],
            "form": ErasureConfirmForm(),
            "days": settings.SUBJECT_ACCESS_EXPORT_DAYS,
        },
    )


@login_required
@require_POST
def request_export(request: HttpRequest) -> HttpResponse:
    try:
        record = services.request_export(request.user, by=request.user)
    except services.PrivacyError as error:
        messages.error(request, str(error))
        return redirect("privacy:your_data")
    if record.status == record.Status.READY:
        messages.success(request, "Your data is ready to download.")
    return redirect("privacy:download", record.pk)


@login_required
@require_POST
def request_erasure(request: HttpRequest) -> HttpResponse:
    form = ErasureConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["confirm"][0])
        return redirect("privacy:your_data")
    try:
        services.request_erasure(request.user)
    except services.PrivacyError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            "Your request has been sent to the partnership's data protection officer, who will email you the answer.",
        )
    return redirect("privacy:your_data")


@never_cache
@login_required
@require_safe
def download(request: HttpRequest, export_id) -> HttpResponse:
    """The ZIP, for whoever asked for it (anyone else: 404); a clear page once expired or while being made."""
    record = selectors.export_for_download(request.user, export_id)
    if record is None:
        raise Http404("No such export.")
    if record.is_expired() or (record.status == record.Status.READY and not record.file):
        return render(request, "privacy/export_expired.html", {"record": record}, status=410)
    if record.status != record.Status.READY:
        return render(request, "privacy/export_preparing.html", {"record": record, "job": record.job})
    services.note_download(record, request.user)
    response = FileResponse(
        record.file.open("rb"), as_attachment=True, filename=export.file_name(record), content_type="application/zip"
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def privacy_notice(request: HttpRequest) -> HttpResponse:
    """What is held, why, how long (from the retention settings, so it cannot drift) and how to ask."""
    return render(
        request,
        "privacy/notice.html",
        {"schedule": retention.schedule(), "your_data_url": reverse("privacy:your_data")},
    )
