"""Caching of the course pages, so that what is the same for everyone is rendered once.

This module holds the content version and the anonymous pages; the learner's module pages and the
middleware that answers both from the cache are in ``courses.learning.page_cache``.

Two caches, both keyed by a *content version* that is bumped whenever a course,
module or catalogue page is published, unpublished, moved or deleted (see
``courses/catalogue/signal_handlers.py``), so a change an editor publishes shows at once:

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

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpRequest

VERSION_KEY = "courses:content-version"
ANONYMOUS_TIMEOUT = 5 * 60
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


def path_digest(request: HttpRequest) -> str:
    return hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()[:32]


def request_version(request: HttpRequest) -> str:
    # Read once, at the start of the request: a page rendered while an editor
    # publishes is stored under the version it was rendered from, never the new one.
    version = getattr(request, "_courses_content_version", None)
    if version is None:
        version = request._courses_content_version = content_version()
    return version


def anonymous_key(request: HttpRequest) -> str:
    return f"courses:anonymous:{request_version(request)}:{path_digest(request)}"


def is_anonymous_request(request: HttpRequest) -> bool:
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
    if is_anonymous_request(request) and is_cacheable_request(request) and not request.user.is_authenticated:
        request._courses_anonymous_cacheable = True
