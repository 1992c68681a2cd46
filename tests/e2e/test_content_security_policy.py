"""The Content-Security-Policy does not break the site: key pages load, and the site's own JavaScript runs.

The browser enforces the site's real policy (never bypassed); the ``page`` fixture fails a test on any
``securitypolicyviolation`` a page reports. Staff pages are signed in with a session made on the server.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from champions.models import ChampionDirectoryPage
from tests.champions.conftest import champion_course, make_champion  # noqa: F401  (fixtures)
from tests.courses.certificate_helpers import make_course
from tests.factories import ModulePageFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def signed_in_as(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def visit(page, path: str) -> None:
    response = page.goto(path)
    assert response is not None and response.ok, f"{path}: {response and response.status}"
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("load")


@pytest.fixture
def site(demo_site, make_champion):  # noqa: F811  (the imported fixture)
    course = make_course(title="Domestic abuse awareness")
    module = ModulePageFactory(parent=course, title="Recognising abuse")
    directory = demo_site.root_page.add_child(
        instance=ChampionDirectoryPage(title="Champion directory", slug="champion-directory")
    )
    return {"course": course, "module": module, "directory": directory, "champion": make_champion()}


def test_public_and_signed_in_pages_load_under_the_policy_and_run_the_sites_script(page, live_server, site):
    for path in ("/", "/accounts/login/", "/accounts/signup/", "/certificates/verify/", site["course"].url):
        visit(page, path)
    expect(page.locator("[data-exit-this-page-button]")).to_be_visible()

    # site.js runs: a refused form's error summary takes the focus.
    visit(page, "/accounts/login/")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".error-summary")).to_be_focused()

    signed_in_as(page, live_server, site["champion"].user)
    for path in ("/learning/", site["course"].url, site["module"].url, site["directory"].url, "/champions/me/"):
        visit(page, path)
    visit(page, "/champions/me/activity/new/")
    assert page.csp_violations == []


def test_the_activity_form_shows_todays_date_in_chromiums_date_input(page, live_server, site):
    signed_in_as(page, live_server, site["champion"].user)
    visit(page, "/champions/me/activity/new/")
    date_input = page.get_by_label("Date of the activity")
    assert date_input.input_value() == timezone.localdate().isoformat()
    # The browser itself understood the value (an unparsable value leaves valueAsDate null and the box empty).
    assert date_input.evaluate("input => input.valueAsDate !== null")


def test_the_admin_works_under_its_own_policy(page, live_server, site, settings):
    signed_in_as(page, live_server, UserFactory(is_superuser=True, is_staff=True))
    for path in (
        "/admin/",
        "/admin/measures/",
        "/admin/champions/",
        f"/admin/pages/{site['course'].pk}/edit/",
    ):
        response = page.goto(path)
        assert response is not None and response.ok, path
        assert "'unsafe-inline'" in response.headers["content-security-policy"]
        page.wait_for_load_state("load")
    expect(page.locator("#page-edit-form")).to_be_visible()

    # An editor on the site sees Wagtail's user bar (its scripts come from the admin's address: this site's).
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    visit(page, site["course"].url)
    expect(page.locator("wagtail-userbar")).to_be_attached()
