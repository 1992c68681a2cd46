"""The learner's module pages in the page cache, and the middleware that answers course pages from it.

See ``courses.catalogue.page_cache`` for the content version and the anonymous pages. A learner's module page is
keyed by the learner and a fingerprint of their progress on the course (read in one small query), so it is
rendered again as soon as anything the page shows for them changes, whoever changed it. The CSRF token and the
knowledge check's one-time submission key are placeholders in the cached copy, filled in for every response.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers

from ..catalogue.page_cache import (
    ANONYMOUS_TIMEOUT,
    MESSAGES_COOKIE,
    anonymous_key,
    is_anonymous_request,
    is_cacheable_request,
    path_digest,
    request_version,
)
from . import selectors, services

LEARNER_TIMEOUT = 10 * 60
# Placeholders in a cached learner page, replaced in every response.
CSRF_PLACEHOLDER = "courses-csrf-token-placeholder"
SUBMISSION_KEY_PLACEHOLDER = "courses-submission-key-placeholder"


@dataclass(frozen=True)
class LearnerRoute:
    """What the middleware needs to know about a module page's path, without routing it."""

    module_id: int
    course_id: int


def _route_key(request: HttpRequest) -> str:
    return f"courses:route:{request_version(request)}:{path_digest(request)}"


def _learner_key(request: HttpRequest, fingerprint: tuple) -> str:
    user = request.user
    # What the site header shows about the person is part of what was rendered.
    person = (user.pk, user.full_name, user.profile_is_complete, user.is_superuser)
    digest = hashlib.sha256(repr((person, fingerprint)).encode()).hexdigest()[:32]
    return f"courses:learner:{request_version(request)}:{path_digest(request)}:{digest}"


def learner_page_response(
    request: HttpRequest,
    html: str,
    *,
    route: LearnerRoute,
    fingerprint: tuple | None,
    submission_key: Callable[[], str],
) -> HttpResponse:
    """Respond with a learner's module page rendered with placeholders, and keep it for their next visit.

    ``fingerprint`` is None when the page must not be kept (e.g. it shows a
    one-off result or a message).
    """
    if fingerprint is not None and is_cacheable_request(request) and not request.GET:
        cache.set(_route_key(request), route, LEARNER_TIMEOUT)
        cache.set(_learner_key(request, fingerprint), html, LEARNER_TIMEOUT)
    return _fill_placeholders(request, html, submission_key)


def _fill_placeholders(request: HttpRequest, html: str, submission_key: Callable[[], str]) -> HttpResponse:
    html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    if SUBMISSION_KEY_PLACEHOLDER in html:
        html = html.replace(SUBMISSION_KEY_PLACEHOLDER, submission_key())
    response = HttpResponse(html)
    patch_vary_headers(response, ("Cookie",))
    return response


class CoursePageCacheMiddleware:
    """Answer repeat requests for course pages from the cache (see the module docstring).

    Sits at the end of MIDDLEWARE, after authentication and messages, so that the
    security, session, CSRF and framing middleware still apply to cached responses.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD") or getattr(request, "is_dummy", False):
            return self.get_response(request)
        if is_anonymous_request(request):
            key = anonymous_key(request)
            cached = cache.get(key)
            if cached is not None:
                content, content_type = cached
                response = HttpResponse(content, content_type=content_type)
                patch_vary_headers(response, ("Cookie",))
                return response
            response = self.get_response(request)
            if self._may_store_anonymous(request, response):
                cache.set(key, (response.content, response["Content-Type"]), ANONYMOUS_TIMEOUT)
            return response
        response = self._learner_hit(request)
        return response if response is not None else self.get_response(request)

    @staticmethod
    def _may_store_anonymous(request: HttpRequest, response: HttpResponse) -> bool:
        return (
            getattr(request, "_courses_anonymous_cacheable", False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not request.user.is_authenticated
        )

    @staticmethod
    def _learner_hit(request: HttpRequest) -> HttpResponse | None:
        if request.GET or request.COOKIES.get(MESSAGES_COOKIE):
            return None
        route = cache.get(_route_key(request))
        if route is None or not request.user.is_authenticated or request.session.get("_messages"):
            return None
        fingerprint = selectors.learner_fingerprint(request.user, route.course_id, route.module_id)
        # Visiting a module that is not the learner's last one moves their resume point: let the page do that.
        if fingerprint is None or fingerprint.last_module_id != route.module_id:
            return None
        html = cache.get(_learner_key(request, fingerprint))
        if html is None:
            return None
        return _fill_placeholders(request, html, lambda: services.new_submission_key(request.user.pk, route.module_id))
