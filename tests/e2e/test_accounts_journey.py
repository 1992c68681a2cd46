"""A professional's first visit, driven in a real browser: sign up, verify, complete the profile, sign out.

Also checks the pages on that journey with axe-core (WCAG 2.2 AA rules; serious and critical issues fail).
Fields are found by their labels and buttons by their names, which also proves the forms are labelled.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.models import User
from tests.factories import DEFAULT_PASSWORD, IncompleteUserFactory, OrganisationFactory

# The live server runs in another thread, so the data must be committed (transactional). Serialized rollback
# puts the migrations' reference data (districts, sectors, Wagtail's root page) back for the tests that follow.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EMAIL = "sam.taylor@example.org"
PASSWORD = "a-Strong-passphrase-42"


def button(page, name: str):
    return page.get_by_role("button", name=re.compile(rf"^\s*{name}\s*$", re.IGNORECASE))


def confirmation_path(message) -> str:
    match = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", message.body)
    assert match, f"no confirmation link in the email:\n{message.body}"
    return match.group(1)


def sign_in(page, email: str, password: str = DEFAULT_PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    button(page, "Sign in").click()


def test_a_professional_signs_up_verifies_completes_their_profile_and_signs_out(page, demo_site):
    organisation = OrganisationFactory(name="Fenland District Council")

    page.goto("/")
    page.get_by_role("main").get_by_role("link", name="Create an account").click()
    expect(page).to_have_url(re.compile(r"/accounts/signup/$"))
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Full name").fill("Sam Taylor")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    button(page, "Create account").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("verify your email address", re.I))
    # The live server shares this process, so its locmem backend delivers to the same outbox.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [EMAIL]

    page.goto(confirmation_path(mail.outbox[0]))
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("confirm email address", re.I))
    button(page, "Confirm").click()

    # Verified, signed in, and asked straight away where they work.
    expect(page).to_have_url(re.compile(r"/accounts/profile/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Complete your profile")
    expect(page.get_by_label("Full name")).to_have_value("Sam Taylor")
    page.get_by_label("Organisation").select_option(label="Fenland District Council")
    page.get_by_label("Work district").select_option(label="Fenland")
    page.get_by_label("Job title").fill("Housing officer")
    button(page, "Save your profile").click()

    expect(page.get_by_role("status")).to_contain_text("Your profile has been saved.")
    user = User.objects.get(email=EMAIL)
    assert user.emailaddress_set.get().verified
    assert user.profile_is_complete
    assert (user.full_name, user.job_title, user.organisation, user.district.slug) == (
        "Sam Taylor",
        "Housing officer",
        organisation,
        "fenland",
    )

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("sign out", re.I))
    button(page, "Sign Out").click()

    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Sign in")).to_be_visible()
    expect(nav.get_by_role("link", name=re.compile("Your profile"))).to_have_count(0)
    # Signed out for the server too, not just in the header.
    page.goto("/accounts/profile/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/accounts/profile/$"))


@pytest.mark.parametrize(
    "path",
    ["/", "/accounts/login/", "/accounts/signup/", "/get-help-now/"],
    ids=["home", "sign-in", "sign-up", "get-help-now"],
)
def test_public_pages_have_no_serious_accessibility_issues(page, demo_site, assert_accessible, path):
    response = page.goto(path)
    assert response.status == 200
    assert_accessible(page)


def test_sign_up_page_showing_errors_has_no_serious_accessibility_issues(page, demo_site, assert_accessible):
    page.goto("/accounts/signup/")
    page.get_by_label("Email").fill("not-an-email")
    page.get_by_label("Password", exact=True).fill("short")
    button(page, "Create account").click()

    email = page.get_by_label("Email")
    expect(email).to_have_attribute("aria-invalid", "true")
    # Each error is tied to its field, so a screen reader announces it with the field.
    expect(email).to_have_accessible_description(re.compile("Error:"))
    expect(page.get_by_label("Full name")).to_have_accessible_description(re.compile("This field is required"))
    assert_accessible(page)


def test_profile_page_has_no_serious_accessibility_issues(page, demo_site, assert_accessible):
    IncompleteUserFactory(email="new.starter@example.org")
    sign_in(page, "new.starter@example.org")

    expect(page).to_have_url(re.compile(r"/accounts/profile/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Complete your profile")
    assert_accessible(page)
