"""The DA Champion Network from start to finish, in a real browser.

A professional completes the champion course on the site, applies from their profile, a training manager
approves them in the Wagtail admin, the new champion chooses to appear in the directory, and another
professional finds them by district and specialism and sends a message (which arrives with Reply-To set to
the sender). Then time moves on: the nightly lapse runs on the day after the certificate expires, and the
champion disappears from the directory and their page is gone. axe checks the directory and profile pages.
"""

from __future__ import annotations

import datetime
import re
import time

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.models import District
from champions import agreements, selectors, services
from champions.models import ChampionDirectoryPage, ChampionProfile, ChampionStatus
from courses.models import Certificate
from tests.courses.certificate_helpers import make_course
from tests.e2e.staff import sign_in_with_code
from tests.factories import DEFAULT_PASSWORD, ModulePageFactory, OrganisationFactory, UserFactory

# The live server runs in another thread, so the data must be committed (transactional). Serialized rollback
# puts the migrations' reference data back for the tests that follow.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CERTIFICATE_WAIT_SECONDS = 60


def button(page, name: str):
    return page.get_by_role("button", name=re.compile(rf"^\s*{name}\s*$", re.IGNORECASE))


def sign_in(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(DEFAULT_PASSWORD)
    button(page, "Sign In").click()
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign out")).to_be_visible()


def sign_out(page) -> None:
    page.context.clear_cookies()


def wait_for_certificate(user) -> Certificate:
    """The certificate task runs once the completion commits; poll the database with a deadline."""
    deadline = time.monotonic() + CERTIFICATE_WAIT_SECONDS
    while True:
        certificate = Certificate.objects.filter(completion__user=user).first()
        if certificate is not None:
            return certificate
        assert time.monotonic() < deadline, "no certificate was issued in time"
        time.sleep(0.2)  # polling another thread's work, with a deadline


@pytest.fixture
def network(demo_site):
    """The champion course (one module), the directory page, a training manager and two professionals."""
    selectors.forget_directory_filter_options()
    course = make_course(title="Domestic Abuse Champion training", is_champion_training=True)
    ModulePageFactory(parent=course, title="The champion role")
    directory = demo_site.root_page.add_child(
        instance=ChampionDirectoryPage(title="Champion directory", slug="champion-directory")
    )
    fenland = District.objects.get(slug="fenland")
    champion = UserFactory(
        full_name="Grace Adeyemi",
        job_title="Housing officer",
        organisation=OrganisationFactory(name="Fenland District Council"),
        district=fenland,
    )
    finder = UserFactory(
        full_name="Tom Finder",
        job_title="School nurse",
        organisation=OrganisationFactory(name="Wisbech Primary School"),
        district=District.objects.get(slug="peterborough"),
    )
    manager = UserFactory(full_name="Sam Whitfield", groups=["Training managers"], job_title="Training manager")
    yield {"course": course, "directory": directory, "champion": champion, "finder": finder, "manager": manager}
    selectors.forget_directory_filter_options()


def test_a_professional_becomes_a_champion_is_found_and_contacted_then_lapses(
    page, browser, live_server, network, assert_accessible
):
    champion, finder, manager = network["champion"], network["finder"], network["manager"]
    directory_url = network["directory"].url

    # 1. The professional completes the champion course on the site.
    sign_in(page, champion.email)
    page.goto(network["course"].get_url())
    button(page, "Enrol on this course").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("The champion role"))
    button(page, "Mark as done and continue").click()
    expect(page.get_by_text("You have completed “Domestic Abuse Champion training”")).to_be_visible()
    certificate = wait_for_certificate(champion)

    # 2. They apply from their profile page.
    page.goto("/accounts/profile/")
    assert_accessible(page)
    page.get_by_role("link", name="Apply to become a Domestic Abuse Champion").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your champion profile")
    assert_accessible(page)
    page.get_by_label("Your line manager's name").fill("Helen Ashworth")
    page.get_by_label("Your line manager's work email address").fill("helen.ashworth@example.org")
    button(page, "Apply to become a Domestic Abuse Champion").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you for applying")
    expect(page.get_by_text("Applied", exact=True)).to_be_visible()
    # Their line manager agrees to the role (through the emailed link: tests/e2e/test_champion_agreement_journey.py).
    profile = ChampionProfile.objects.get(user=champion)
    agreements.answer(agreements.current_agreement(profile), agreed=True)

    # 3. A training manager approves the application in the admin.
    manager_page = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    try:
        sign_in_with_code(manager_page, manager.email, start="/admin/champions/")
        manager_page.goto("/admin/champions/")
        manager_page.get_by_role("link", name="Grace Adeyemi").click()
        button(manager_page, "Approve Grace Adeyemi as a champion").click()
        expect(manager_page.get_by_text("Grace Adeyemi is now an active champion")).to_be_visible()
    finally:
        manager_page.context.close()
    assert ChampionProfile.objects.get(user=champion).status == ChampionStatus.ACTIVE
    assert any("You are now a Domestic Abuse Champion" in m.subject for m in mail.outbox)

    # 4. The champion says what they help with, and chooses to appear in the directory.
    page.goto("/champions/me/")
    expect(page.get_by_text("No, colleagues cannot find you yet")).to_be_visible()
    page.get_by_role("link", name="Edit your champion profile").click()
    page.get_by_label("About you as a champion").fill("Ask me about stalking and safety planning.")
    page.get_by_role("group", name="Specialisms").get_by_label("Stalking and harassment").check()
    page.get_by_role("group", name="Districts covered").get_by_label("Fenland").check()
    page.get_by_label("Show me in the champion directory").check()
    button(page, "Save your champion profile").click()
    expect(page.get_by_role("status")).to_contain_text("Your champion profile has been saved.")
    assert_accessible(page)

    # 5. Another professional finds them by district and specialism, and sends a message.
    sign_out(page)
    sign_in(page, finder.email)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Champion directory").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Champion directory")
    page.get_by_label("District").select_option(label="Fenland")
    page.get_by_label("Specialism").select_option(label="Stalking and harassment")
    button(page, "Search").click()
    results = page.get_by_role("list", name=re.compile("champion"))
    expect(results.get_by_role("link", name="Grace Adeyemi")).to_be_visible()
    assert_accessible(page)
    html = page.content()
    assert champion.email not in html  # a non-champion never sees a champion's address

    results.get_by_role("link", name="Grace Adeyemi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Grace Adeyemi")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Contact this champion")).click()
    mail.outbox.clear()
    page.get_by_label("Your message").fill("Could you brief our staff on stalking next term?")
    button(page, "Send your message").click()
    expect(page.get_by_role("status")).to_contain_text("Your message has been sent to Grace Adeyemi")
    (email,) = mail.outbox
    assert email.to == [champion.email]
    assert email.reply_to == [finder.email]
    assert "Could you brief our staff on stalking next term?" in email.body
    assert "Wisbech Primary School" in email.body

    # 6. Time moves on: the nightly run the day after the certificate expires lapses the champion.
    result = services.lapse_expired_champions(today=certificate.expires_on + datetime.timedelta(days=1))
    assert [p.user_id for p in result.lapsed] == [champion.pk]
    page.goto(f"{directory_url}?district=fenland&specialism=stalking_harassment")
    expect(page.get_by_role("heading", name="No champions found")).to_be_visible()
    expect(page.get_by_role("link", name="Grace Adeyemi")).to_have_count(0)
    profile = ChampionProfile.objects.get(user=champion)
    response = page.goto(f"{directory_url}{profile.pk}/")
    assert response.status == 404
