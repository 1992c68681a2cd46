"""A training manager without two-step sign-in is walked through setting it up on the way to the admin.

Driven in a real browser: the code is computed from the key shown on the page, as an authenticator app
would compute it from the QR code. The set-up and recovery-code pages are checked with axe-core.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import DEFAULT_PASSWORD, UserFactory, totp_code

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_training_manager_sets_up_two_step_sign_in_sees_recovery_codes_and_reaches_the_admin(page, assert_accessible):
    manager = UserFactory(groups=["Training managers"], full_name="Sam Whitfield", totp=False)

    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/admin/"))
    page.get_by_label("Email").fill(manager.email)
    page.get_by_label("Password", exact=True).fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-step sign-in")
    expect(page.get_by_text(re.compile("your account needs two-step sign-in"))).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("QR code"))).to_be_visible()
    assert_accessible(page)

    secret = page.get_by_label("Key, if you cannot scan the QR code").input_value()
    assert re.fullmatch(r"[A-Z2-7]{16,}", secret)
    page.get_by_label("Authenticator code").fill(totp_code(secret))
    page.get_by_role("button", name="Turn on two-step sign-in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your recovery codes")
    codes = page.get_by_role("list", name="Unused recovery codes").get_by_role("listitem")
    expect(codes).to_have_count(10)
    assert re.fullmatch(r"\d{8}", codes.first.inner_text())
    assert_accessible(page)

    page.get_by_role("link", name="Continue to the admin").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("DASV Learning & Champions")  # the dashboard
