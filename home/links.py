"""The site's public address, and absolute links built on it, for everything that leaves the platform.

Emails, certificate PDFs and their QR codes are read away from the request that caused them (often in a
worker, with no request at all), so their links cannot come from the request's host: they come from one
setting, ``SITE_URL``. Wagtail's own links in its emails (``WAGTAILADMIN_BASE_URL``) are set from it too.
"""

from __future__ import annotations

from django.conf import settings


def site_url() -> str:
    """The public address the site is served on, without a trailing slash (``SITE_URL``)."""
    return settings.SITE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """The public absolute URL of a path on this site (``/courses/x/`` becomes ``https://host/courses/x/``).

    Only a site-relative path is accepted: a full URL here would be a link to somewhere else passed off as
    the site's own.
    """
    if not path.startswith("/") or path.startswith("//"):
        raise ValueError(f"Expected a path on this site, starting with one '/': {path!r}")
    return site_url() + path


def page_url(page) -> str:
    """The public absolute URL of a Wagtail page: its path under its site, on the public address."""
    parts = page.get_url_parts()
    if parts is None:
        raise ValueError(f"The page {page.pk} is not routable (not under a site's root page).")
    _site_id, _root_url, page_path = parts
    return absolute_url(page_path)
