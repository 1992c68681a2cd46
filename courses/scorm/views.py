"""The SCORM player, the package's files, and the runtime's commit endpoint.

The player page keeps the site's strict policy, plus ``frame-src 'self'`` for the package's frame. The
package's own files are vendors' HTML and JavaScript, which commonly use inline scripts, inline styles and
eval: they get a policy of their own (``PACKAGE_POLICY``) that allows those from this origin only, and may
be framed by this origin only. See the README, "SCORM".
"""

from __future__ import annotations

import json

from csp.constants import NONE, SELF, UNSAFE_EVAL, UNSAFE_INLINE
from csp.decorators import csp_replace, csp_update
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from ..catalogue import selectors as catalogue_selectors
from ..learning import selectors as learning_selectors
from . import cmi as cmi_model
from . import selectors, services
from .manifest import safe_package_path
from .models import ScormAttempt, ScormModulePage, ScormPackage
from .packages import content_type

PACKAGE_POLICY = {
    "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
    "style-src": [SELF, UNSAFE_INLINE],
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
    "object-src": [NONE],
}
# A version's files never change (a new upload is a new version, under a new path).
CACHE_CONTROL = "private, max-age=31536000, immutable"


@csp_update({"frame-src": [SELF]})
def player(request: HttpRequest, page: ScormModulePage) -> HttpResponse:
    """The module's player for an enrolled learner: the package's items, and the current one in a frame."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    course = catalogue_selectors.course_of_module(page)
    state = learning_selectors.learner_course_state(request.user, course)
    if not state.is_enrolled:
        messages.info(request, f"Enrol on “{course.title}” to open its modules.")
        return redirect(course.get_url(request))
    if state.outline.position(page.pk) is None:
        raise Http404("This module is not published.")
    if not state.is_unlocked(page.pk):
        first = state.first_unfinished()
        messages.info(request, f"Finish “{first.title}” before you start “{page.title}”.")
        return redirect(first.url)
    context = page.get_context(request, course=course, outline=state.outline)
    context["preview"] = False
    try:
        attempt = services.open_attempt(state.enrolment, page)
    except services.ScormError as error:
        context["problem"] = str(error)
        return TemplateResponse(request, page.get_template(request), context)
    package = attempt.package
    items = package.items
    chosen = request.GET.get("item", "")
    item = next((i for i in items if i["identifier"] == chosen), None) or _first_unfinished(attempt, items)
    version = cmi_model.family(package.scorm_version)
    position = context["number"] - 1 if context["number"] else None
    context.update(
        {
            "attempt": attempt,
            "package": package,
            "item": item,
            "items": [_item_row(attempt, i, version) for i in items],
            "runtime": {
                "version": version,
                "commitUrl": reverse("scorm:commit", args=[attempt.pk]),
                "sco": item["identifier"],
                "cmi": services.launch_data(attempt, item, request.user),
            },
            "content_url": reverse("scorm:content", args=[package.pk, item["launch"].partition("?")[0]])
            + (f"?{item['launch'].partition('?')[2]}" if "?" in item["launch"] else ""),
            "done": page.pk in state.done,
            "completed": state.is_completed,
            "next_unlocked": position is not None
            and position + 1 < context["total"]
            and (page.pk in state.done or state.is_completed),
        }
    )
    return TemplateResponse(request, page.get_template(request), context)


def _first_unfinished(attempt: ScormAttempt, items: list[dict]) -> dict:
    for item in items:
        if item["is_sco"] and not attempt.scos.get(item["identifier"], {}).get("done"):
            return item
    return items[0]


def _item_row(attempt: ScormAttempt, item: dict, version: str) -> dict:
    state = attempt.scos.get(item["identifier"], {})
    status = state.get("status") or {}
    label = "Done" if state.get("done") else ("Started" if state else "Not started")
    if version == "1.2" and status.get("lesson_status") == "failed":
        label = "Not passed yet"
    if version == "2004" and status.get("success_status") == "failed":
        label = "Not passed yet"
    return {**item, "status": label, "done": bool(state.get("done"))}


@require_GET
@login_required
@xframe_options_sameorigin
@csp_replace(PACKAGE_POLICY)
def content(request: HttpRequest, package_id: int, path: str) -> HttpResponse:
    """A file of a package version, from media storage, for staff and for learners with an attempt on it."""
    package = get_object_or_404(ScormPackage, pk=package_id, status=ScormPackage.Status.READY)
    safe = safe_package_path(path)
    if safe is None or not selectors.attempt_may_read(request.user, package):
        raise Http404("No such file.")
    try:
        handle = default_storage.open(package.storage_prefix + safe, "rb")
    except (FileNotFoundError, OSError):
        raise Http404("No such file.") from None
    response = FileResponse(handle, content_type=content_type(safe))
    response["Cache-Control"] = CACHE_CONTROL
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _result(ok: bool, error_code: int = 0, status: int = 200, message: str = "") -> JsonResponse:
    # The runtime reads {"result": true|false, "errorCode": n}.
    body = {"result": ok, "errorCode": error_code}
    if message:
        body["message"] = message
    return JsonResponse(body, status=status)


def _token_from_body(view):
    """The runtime's last commit goes by ``navigator.sendBeacon``, which cannot send headers: the CSRF token
    travels in the JSON body instead, and Django's own CSRF check (``csrf_protect``) then runs on it."""

    protected = csrf_protect(view)

    def wrapped(request, *args, **kwargs):
        try:
            payload = json.loads(request.body or b"{}")
        except (ValueError, UnicodeDecodeError):
            payload = None
        if isinstance(payload, dict) and isinstance(payload.get("csrf_token"), str):
            request.META.setdefault("HTTP_X_CSRFTOKEN", payload["csrf_token"])
        request.scorm_payload = payload
        return protected(request, *args, **kwargs)

    return csrf_exempt(wrapped)


@require_POST
@_token_from_body
def commit(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """Keep a commit of the runtime: ``{"sco", "session", "sequence", "cmi"}`` as JSON, from the owner only."""
    if not request.user.is_authenticated:
        return _result(False, 101, 403, "Sign in again to save your progress.")
    payload = request.scorm_payload
    if not isinstance(payload, dict):
        return _result(False, 201, 400, "The commit is not JSON.")
    try:
        sequence = int(payload.get("sequence", 0))
    except (TypeError, ValueError):
        return _result(False, 201, 400, "The commit's sequence is not a number.")
    try:
        outcome = services.commit(
            attempt_id,
            request.user,
            sco=str(payload.get("sco", "")),
            session=str(payload.get("session", ""))[:64],
            sequence=sequence,
            data=payload.get("cmi"),
        )
    except ScormAttempt.DoesNotExist:
        raise Http404("No such attempt.") from None
    except services.ScormError as error:
        return _result(False, 101, 409, str(error))
    except cmi_model.CommitError as error:
        return _result(False, error.error_code, 400, str(error))
    response = _result(True)
    response["Cache-Control"] = "no-store"
    if outcome.completion is not None:
        response["X-Course-Completed"] = "1"
    return response
