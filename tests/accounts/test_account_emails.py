"""allauth's emails speak as the site: its name, plain English, the training team's sign-off.

Before, each began "Hello from testserver!" (the host the request came in on) and ended "Thank you for
using testserver!". Every email allauth can send here is triggered as a person would trigger it.
"""

import re

import pytest
from django.core import mail

from tests.factories import DEFAULT_PASSWORD, UserFactory, totp_code

pytestmark = pytest.mark.django_db

SITE_NAME = "DASV Learning & Champions"
PARTNERSHIP = "Cambridgeshire & Peterborough DASV Partnership"
NEW_PASSWORD = "a-New-passphrase-99"


def assert_speaks_as_the_site(message, greeting: str) -> None:
    body = message.body
    assert SITE_NAME in message.subject, message.subject
    assert SITE_NAME in body
    assert body.startswith(greeting), body
    assert body.rstrip().endswith(f"The training team, {PARTNERSHIP}\n{SITE_NAME}"), body
    for stock in ("Hello from", "Thank you for using", "testserver!", "&amp;"):
        assert stock not in body and stock not in message.subject, stock


def reset_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", message.body).group(1)


def test_the_verification_email(client):
    client.post(
        "/accounts/signup/",
        {
            "email": "alex.morgan@example.org",
            "full_name": "Alex Morgan",
            "password1": DEFAULT_PASSWORD,
            "password2": DEFAULT_PASSWORD,
        },
    )
    (message,) = mail.outbox
    assert message.subject == f"Confirm your email address for {SITE_NAME}"
    assert_speaks_as_the_site(message, "Dear Alex,")
    assert "/accounts/confirm-email/" in message.body


def test_the_password_reset_email_and_the_notice_that_follows(client):
    person = UserFactory(full_name="Priya Shah")
    client.post("/accounts/password/reset/", {"email": person.email})
    (message,) = mail.outbox
    assert message.subject == f"Reset your password for {SITE_NAME}"
    assert_speaks_as_the_site(message, "Dear Priya,")

    response = client.get(reset_link(message), follow=True)
    client.post(response.redirect_chain[-1][0], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    notice = mail.outbox[-1]
    assert notice.subject == f"Your password on {SITE_NAME} has been reset"
    assert_speaks_as_the_site(notice, "Dear Priya,")
    assert "reset your password straight away" in notice.body


def test_the_email_to_an_address_without_an_account(client):
    client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    (message,) = mail.outbox
    assert message.to == ["nobody@example.org"]
    assert message.subject == f"There is no account with this address on {SITE_NAME}"
    assert_speaks_as_the_site(message, "Hello,")
    assert "/accounts/signup/" in message.body


def test_the_password_changed_notice(client):
    person = UserFactory(full_name="Sam Taylor")
    client.force_login(person)
    client.post(
        "/accounts/password/change/",
        {"oldpassword": DEFAULT_PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    (message,) = mail.outbox
    assert message.to == [person.email]
    assert message.subject == f"Your password on {SITE_NAME} has been changed"
    assert_speaks_as_the_site(message, "Dear Sam,")


def test_the_two_step_sign_in_turned_on_notice(client, django_capture_on_commit_callbacks):
    person = UserFactory(full_name="Jo Evans")
    client.post("/accounts/login/", {"login": person.email, "password": DEFAULT_PASSWORD})
    page = client.get("/accounts/2fa/totp/activate/").content.decode()
    secret = re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', page).group(1)
    with django_capture_on_commit_callbacks(execute=True):  # allauth sends it once the change is committed
        client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    (message,) = mail.outbox
    assert message.subject == f"Two-step sign-in is on for your account on {SITE_NAME}"
    assert_speaks_as_the_site(message, "Dear Jo,")
