"""Data protection in a real browser: a learner downloads their data and finds their certificate in it, asks
for erasure; a data protection officer approves; the learner can no longer sign in, the certificate's page
names nobody, the directory no longer lists them, and the dashboard's figures are the same as before.
axe checks the data page, the officer's request page, the verification page and the privacy notice."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.roles import DATA_PROTECTION_OFFICERS
from champions import selectors
from champions.models import ChampionDirectoryPage
from courses.models import Certificate
from reports.periods import quarter_containing
from tests.e2e.staff import sign_in_with_code
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.privacy.conftest import champion_course, make_champion  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def button(page, name: str):
    return page.get_by_role("button", name=re.compile(rf"^\s*{name}\s*$", re.IGNORECASE))


def sign_in(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(DEFAULT_PASSWORD)
    button(page, "Sign In").click()


def admin_ready(page, assert_accessible) -> None:
    """axe, once Wagtail's messages have finished fading in (mid-fade their text is too faint for axe)."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('.messages > ul')].every(ul => getComputedStyle(ul).opacity === '1')"
    )
    assert_accessible(page)


def dashboard_figures(page, period_label: str) -> str:
    page.goto("/admin/measures/")
    page.get_by_label("Period").select_option(period_label)
    page.get_by_label("Breakdown").select_option(label="District")
    button(page, "Show").click()
    return page.locator("#measures-table").inner_text()


@pytest.fixture
def world(demo_site, request):
    selectors.forget_directory_filter_options()
    directory = demo_site.root_page.add_child(
        instance=ChampionDirectoryPage(title="Champion directory", slug="champion-directory")
    )
    champion = request.getfixturevalue("make_champion")(
        UserFactory(full_name="Grace Adeyemi", job_title="Housing officer"), bio="Ask me."
    )
    yield {
        "directory": directory,
        "learner": champion.user,
        "finder": UserFactory(full_name="Tom Finder"),
        "manager": UserFactory(full_name="Sam Whitfield", groups=["Training managers"]),
        "officer": UserFactory(full_name="Dana Protection", groups=[DATA_PROTECTION_OFFICERS]),
    }
    selectors.forget_directory_filter_options()


def test_a_learner_downloads_their_data_asks_for_erasure_and_a_dpo_approves(
    page, browser, live_server, world, assert_accessible
):
    learner = world["learner"]
    certificate = Certificate.objects.get(completion__user=learner)
    period = quarter_containing(timezone.localdate()).label

    manager_page = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    sign_in_with_code(manager_page, world["manager"].email)
    figures_before = dashboard_figures(manager_page, period)
    assert "1" in figures_before

    # The learner downloads everything held about them and finds their certificate in it.
    sign_in(page, learner.email)
    page.goto("/accounts/profile/")
    page.get_by_role("link", name="Download your data, or ask for it to be erased").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your data")
    assert_accessible(page)
    with page.expect_download() as download_info:
        button(page, "Download your data").click()
    download = download_info.value
    assert re.fullmatch(r"your-data-\d{4}-\d{2}-\d{2}\.zip", download.suggested_filename)
    archive = zipfile.ZipFile(io.BytesIO(Path(download.path()).read_bytes()))
    assert archive.read(f"certificates/{certificate.code}.pdf").startswith(b"%PDF")
    assert "Grace Adeyemi" in archive.read("summary.html").decode()

    # ... and asks for erasure.
    page.goto("/your-data/")
    page.get_by_label("I understand that my account will be closed").check()
    button(page, "Ask for my data to be erased").click()
    expect(page.get_by_text("Your request has been sent")).to_be_visible()
    page.context.clear_cookies()

    # The data protection officer approves.
    officer_page = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    sign_in_with_code(officer_page, world["officer"].email)
    officer_page.goto("/admin/privacy/requests/")
    officer_page.get_by_role("link", name="Grace Adeyemi").click()
    admin_ready(officer_page, assert_accessible)
    button(officer_page, "Approve and erase").click()
    expect(officer_page.get_by_text("Approved: the person's data has been erased")).to_be_visible()

    # The learner cannot sign in.
    sign_in(page, learner.email)
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign out")).to_have_count(0)

    # The certificate still verifies, with no name.
    page.goto(f"/certificates/verify/{certificate.display_code}/")
    expect(page.get_by_text("asked for their personal data to be removed")).to_be_visible()
    expect(page.get_by_text("Grace Adeyemi")).to_have_count(0)
    assert_accessible(page)

    # The directory no longer lists them.
    sign_in(page, world["finder"].email)
    page.goto(world["directory"].url)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text("Grace Adeyemi")).to_have_count(0)
    expect(page.get_by_text("Erased person")).to_have_count(0)

    # The dashboard's figures are the same as before.
    assert dashboard_figures(manager_page, period) == figures_before

    page.goto("/your-data/notice/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy notice")
    assert_accessible(page)
    manager_page.context.close()
    officer_page.context.close()
