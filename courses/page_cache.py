"""Caching of the course pages, so that what is the same for everyone is rendered once.

Two caches, both keyed by a *content version* that is bumped whenever a course,
module or catalogue page is published, unpublished, moved or deleted (see
``courses/signal_handlers.py``), so a change an editor publishes shows at once:

- **Anonymous pages**: the catalogue (unfiltered or with valid filters) and the
  course pages, as a visitor who is not signed in sees them. The page marks the
  request as cacheable while rendering it; the middleware stores the response and
  answers the next visitor straight from the cache, before Wagtail routes the
  request or anything touches the database.
- **A learner's module page**: keyed by the learner and a fingerprint of their
  progress on the course (read in one small query), so it is rendered again as
  soon as anything the page shows for them changes, whoever changed it. The CSRF
  token and the knowledge check's one-time submission key are placeholders in the
  cached copy, filled in for every response.

With a cache shared between processes (``CACHE_URL=redis://...``) a publish
invalidates every worker at once; with the per-process default (locmem), the other
workers catch up within ``ANONYMOUS_TIMEOUT`` / ``LEARNER_TIMEOUT``.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers

VERSION_KEY = "courses:content-version"
ANONYMOUS_TIMEOUT = 5 * 60
LEARNER_TIMEOUT = 10 * 60
# Placeholders in a cached learner page, replaced in every response.
CSRF_PLACEHOLDER = "courses-csrf-token-placeholder"
SUBMISSION_KEY_PLACEHOLDER = "courses-submission-key-placeholder"
MESSAGES_COOKIE = "messages"  # django.contrib.messages' cookie storage


def content_version() -> str:
    """The current version of the course content; part of every cache key here."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, secrets.token_hex(6), None)
        version = cache.get(VERSION_KEY, "unversioned")
    return version


def bump_content_version() -> None:
    """Invalidate every cached course page and outline (called on publish, unpublish, move, delete)."""
    cache.set(VERSION_KEY, secrets.token_hex(6), None)


def _path_digest(request: HttpRequest) -> str:
    return hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()[:32]


def _request_version(request: HttpRequest) -> str:
    # Read once, at the start of the request: a page rendered while an editor
    # publishes is stored under the version it was rendered from, never the new one.
    version = getattr(request, "_courses_content_version", None)
    if version is None:
        version = request._courses_content_version = content_version()
    return version


def _anonymous_key(request: HttpRequest) -> str:
    return f"courses:anonymous:{_request_version(request)}:{_path_digest(request)}"


@dataclass(frozen=True)
class LearnerRoute:
    """What the middleware needs to know about a module page's path, without routing it."""

    module_id: int
    course_id: int


def _route_key(request: HttpRequest) -> str:
    return f"courses:route:{_request_version(request)}:{_path_digest(request)}"


def _learner_key(request: HttpRequest, fingerprint: tuple) -> str:
    user = request.user
    # What the site header shows about the person is part of what was rendered.
    person = (user.pk, user.full_name, user.profile_is_complete, user.is_superuser)
    digest = hashlib.sha256(repr((person, fingerprint)).encode()).hexdigest()[:32]
    return f"courses:learner:{_request_version(request)}:{_path_digest(request)}:{digest}"


def _is_anonymous_request(request: HttpRequest) -> bool:
    return not request.COOKIES.get(settings.SESSION_COOKIE_NAME) and not request.COOKIES.get(MESSAGES_COOKIE)


def is_cacheable_request(request: HttpRequest) -> bool:
    """A plain GET, not an admin preview, with no messages waiting to be shown."""
    if request.method not in ("GET", "HEAD") or getattr(request, "is_preview", False):
        return False
    if getattr(request, "is_dummy", False):
        return False
    return not len(get_messages(request))


def mark_anonymous_cacheable(request: HttpRequest) -> None:
    """Called by a page while it renders: this response may be served to every anonymous visitor."""
    if _is_anonymous_request(request) and is_cacheable_request(request) and not request.user.is_authenticated:
        request._courses_anonymous_cacheable = True


# Learner module pages -------------------------------------------------------------------------------------


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
        if _is_anonymous_request(request):
            key = _anonymous_key(request)
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
        from . import selectors, services

        fingerprint = selectors.learner_fingerprint(request.user, route.course_id, route.module_id)
        # Visiting a module that is not the learner's last one moves their resume point: let the page do that.
        if fingerprint is None or fingerprint.last_module_id != route.module_id:
            return None
        html = cache.get(_learner_key(request, fingerprint))
        if html is None:
            return None
        return _fill_placeholders(request, html, lambda: services.new_submission_key(request.user.pk, route.module_id))
