"""The security headers every page sends: Content-Security-Policy, Permissions-Policy, Referrer-Policy."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


def assert_common_headers(response):
    assert response["Permissions-Policy"] == "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
    assert response["Referrer-Policy"] == "same-origin"
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    return policy


def test_a_public_page_runs_only_the_sites_own_script_files(client, demo_site):
    response = client.get("/")
    assert response.status_code == 200
    policy = assert_common_headers(response)
    assert policy["script-src"] == ["'self'"]  # no 'unsafe-inline', no 'unsafe-eval'
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_a_signed_in_page_has_the_same_strict_policy(client, professional):
    client.force_login(professional)
    response = client.get("/learning/")
    assert response.status_code == 200
    policy = assert_common_headers(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_the_admin_may_run_its_own_inline_scripts_but_nothing_from_elsewhere(client):
    client.force_login(UserFactory(is_superuser=True))
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = assert_common_headers(response)
    assert sorted(policy["script-src"]) == ["'self'", "'unsafe-inline'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_the_sites_templates_have_no_inline_script_or_event_handler():
    """What the strict policy would block: any inline <script> or on...= attribute in the site's templates."""
    import re
    from pathlib import Path

    from django.conf import settings

    offenders = []
    for template in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        if "admin" in template.parts or template.parts[-2] in ("wagtailusers", "users"):
            continue
        text = template.read_text()
        for match in re.finditer(r"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=|javascript:", text):
            offenders.append(f"{template.name}: {match.group()}")
    assert offenders == []
