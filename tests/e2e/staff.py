"""Signing staff in as they do: the one sign-in, then the code from their authenticator app."""

import re
import time

from playwright.sync_api import expect

from tests.factories import DEFAULT_PASSWORD, totp_code

# allauth refuses a code that was already used (a replay): a journey that signs a second person in with the same
# authenticator secret within one 30-second period waits for the next code, as a person would.
_used_codes: set[str] = set()


def _fresh_code() -> str:
    code = totp_code()
    while code in _used_codes:
        time.sleep(1)
        code = totp_code()
    _used_codes.add(code)
    return code


def sign_in_with_code(page, email: str, start: str = "/admin/") -> None:
    """From ``start`` (which asks them to sign in) through allauth's sign-in and its two-step page, back to it."""
    page.goto(start)
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your code")
    page.get_by_label("Code").fill(_fresh_code())
    page.get_by_role("button", name="Sign in").click()
