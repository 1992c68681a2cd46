"""A partner lead creates an API token in a real browser: shown whole, once, with a working Copy button."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from reports.models import PartnerApiToken
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_new_token_is_shown_whole_once_and_copied_with_the_button(page, live_server, assert_accessible):
    lead = UserFactory(groups=["Partner leads"], organisation=OrganisationFactory(name="Fenland Police Station"))
    # Signed in through a session made on the server: how staff sign in (with their second step) is tested
    # in the accounts journeys; this test is about the token page.
    client = Client()
    client.force_login(lead)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.set_viewport_size({"width": 1280, "height": 800})

    page.goto("/partners/api-tokens/")
    page.get_by_label("What the token is for").fill("Police dashboard")
    page.get_by_role("button", name="Create token").click()

    expect(page).to_have_url(f"{live_server.url}/partners/api-tokens/")
    box = page.get_by_label("Token", exact=True)
    secret = box.input_value()
    assert secret.startswith("dasv_") and len(secret) == 48
    # Nothing of it is cut off: the box is as wide as its text.
    assert box.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert_accessible(page)

    page.get_by_role("button", name="Copy token").click()
    expect(page.get_by_role("status").filter(has_text="Copied")).to_have_text("Copied to the clipboard.")
    assert page.evaluate("navigator.clipboard.readText()") == secret

    page.reload()
    expect(page.get_by_label("Token", exact=True)).to_have_count(0)
    assert secret not in page.content()
    assert PartnerApiToken.objects.filter(user=lead).count() == 1
