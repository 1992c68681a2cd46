"""The smaller sign-in findings: rate limits behind the proxy, the reset page, gravatar, the sign-in page."""

import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.cache import cache

from lms.settings import base
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"  # the test client's REMOTE_ADDR: the proxy, as the site sees it behind nginx


@pytest.fixture
def rate_limits(settings):
    settings.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS
    cache.clear()
    yield
    cache.clear()


def failed_sign_in(client, client_address: str, n: int):
    """A wrong password for a different address each time, so only the per-connection limit (10 a minute) applies."""
    return client.post(
        "/accounts/login/",
        {"login": f"someone{n}@example.org", "password": "wrong-Password-00"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=client_address,
    )


def locked(response) -> bool:
    return "Too many failed login attempts" in response.content.decode()


def test_behind_one_proxy_the_limit_is_per_client_address_not_the_proxys(client, settings, rate_limits):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for n in range(10):
        assert not locked(failed_sign_in(client, "203.0.113.7", n))
    assert locked(failed_sign_in(client, "203.0.113.7", 10))
    # Someone else behind the same proxy can still sign in.
    assert not locked(failed_sign_in(client, "198.51.100.9", 11))
    # A client cannot dodge the limit by sending its own X-Forwarded-For: the proxy appends the real one.
    assert locked(failed_sign_in(client, "10.9.9.9, 203.0.113.7", 12))


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(client, settings, rate_limits):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    for n in range(10):
        assert not locked(failed_sign_in(client, f"203.0.113.{n}", n))
    assert locked(failed_sign_in(client, "198.51.100.9", 10))


def test_production_trusts_one_proxy_by_default_and_the_environment_can_say_otherwise():
    def production_value(**environ) -> str:
        env = {key: value for key, value in os.environ.items() if key != "ALLAUTH_TRUSTED_PROXY_COUNT"}
        env.update(
            DJANGO_SETTINGS_MODULE="lms.settings.production",
            SECRET_KEY="x" * 50,
            ALLOWED_HOSTS="learning.example.org",
            **environ,
        )
        code = "from django.conf import settings; print(settings.ALLAUTH_TRUSTED_PROXY_COUNT)"
        return subprocess.run(
            [sys.executable, "-c", code], env=env, cwd=django_settings.BASE_DIR, capture_output=True, text=True
        ).stdout.strip()

    assert production_value() == "1"
    assert production_value(ALLAUTH_TRUSTED_PROXY_COUNT="2") == "2"


def test_the_reset_page_says_the_same_whether_or_not_an_address_has_an_account(client, professional):
    known = client.post("/accounts/password/reset/", {"email": professional.email})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url == "/accounts/password/reset/done/"
    # Each address's owner hears what happened, by email only.
    assert [m.to for m in mail.outbox] == [[professional.email], ["nobody@example.org"]]


def test_sign_up_still_says_plainly_that_an_address_has_an_account(client, professional):
    response = client.post(
        "/accounts/signup/",
        {
            "email": professional.email,
            "full_name": "Someone",
            "password1": "x-Long-pass-1",
            "password2": "x-Long-pass-1",
        },
    )
    assert response.context["form"].errors["email"] == ["A user is already registered with this email address."]


def test_admin_pages_load_no_avatar_from_gravatar(client):
    manager = UserFactory(groups=["Training managers"])
    client.force_login(manager)
    for path in ["/admin/", "/admin/account/"]:
        response = client.get(path)
        assert response.status_code == 200
        assert "gravatar" not in response.content.decode(), path


def test_the_sign_in_page_offers_one_forgotten_password_link(client):
    page = client.get("/accounts/login/").content.decode()
    assert page.count("Forgotten your password?") == 1
    assert "Forgot your password?" not in page
