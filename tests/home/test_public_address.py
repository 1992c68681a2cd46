"""One setting, SITE_URL, is the public address of every link the platform sends; home.links builds them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from home.links import absolute_url, page_url, site_url

ROOT = Path(__file__).resolve().parents[2]


def settings_in_new_process(**environment: str) -> subprocess.CompletedProcess:
    """Load the development settings (as `make run` does) with the given environment; print both addresses."""
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "PORT", "WAGTAILADMIN_BASE_URL")}
    env.update(environment, DJANGO_SETTINGS_MODULE="lms.settings.dev")
    code = "from django.conf import settings; print(settings.SITE_URL, settings.WAGTAILADMIN_BASE_URL)"
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=False)


def test_the_public_address_follows_the_port_the_site_is_served_on():
    result = settings_in_new_process(PORT="8101")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["http://127.0.0.1:8101", "http://127.0.0.1:8101"]


def test_site_url_decides_wagtails_address_too():
    result = settings_in_new_process(SITE_URL="https://learning.example.org/", PORT="8101")
    assert result.stdout.split() == ["https://learning.example.org", "https://learning.example.org"]


def test_a_separate_wagtail_address_is_refused_with_a_message_saying_what_to_set():
    result = settings_in_new_process(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000")
    assert result.returncode != 0
    assert "WAGTAILADMIN_BASE_URL follows SITE_URL now: set SITE_URL to the public address." in result.stderr


def test_absolute_urls_are_built_on_site_url(settings):
    settings.SITE_URL = "https://learning.example.org/"
    assert site_url() == "https://learning.example.org"
    assert absolute_url("/certificates/verify/") == "https://learning.example.org/certificates/verify/"


@pytest.mark.parametrize("not_a_path", ["https://elsewhere.example/", "//elsewhere.example/x", "courses/", ""])
def test_only_a_path_on_this_site_becomes_an_absolute_url(not_a_path):
    with pytest.raises(ValueError, match="Expected a path on this site"):
        absolute_url(not_a_path)


@pytest.mark.django_db
def test_a_pages_public_url_is_its_path_on_site_url_not_the_wagtail_sites_host(settings, demo_site):
    from tests.courses.certificate_helpers import make_course

    settings.SITE_URL = "http://127.0.0.1:8101"
    course = make_course(title="Coercive control", slug="coercive-control")
    assert course.get_full_url().startswith("http://localhost")  # what Wagtail's own site record says
    assert page_url(course) == "http://127.0.0.1:8101/courses/coercive-control/"
