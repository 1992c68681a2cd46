"""A champion applicant's line manager agrees through the emailed link, and a training manager then approves.

In a real browser: the applicant names their line manager when applying; the manager, who has no account,
opens the link from the email, reads the role agreement (axe checks the page) and agrees; the training
manager, who could not approve before, approves in the Wagtail admin, and the approval's history row names
the agreement. The link, used again, changes nothing.
"""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.models import District
from champions import selectors
from champions.models import ChampionProfile, ChampionStatus, ManagerAgreement
from tests.champions.conftest import certify, make_champion_course
from tests.e2e.staff import sign_in_with_code
from tests.e2e.test_champion_journey import button, sign_in
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def applicant(demo_site):
    selectors.forget_directory_filter_options()
    course = make_champion_course()
    person = UserFactory(
        full_name="Priya Kaur",
        job_title="Health visitor",
        organisation=OrganisationFactory(name="Cambridgeshire Community Services"),
        district=District.objects.get(slug="huntingdonshire"),
    )
    certify(person, course)
    yield person
    selectors.forget_directory_filter_options()


def test_a_line_manager_agrees_through_the_emailed_link_and_a_training_manager_then_approves(
    page, browser, live_server, applicant, assert_accessible
):
    training_manager = UserFactory(full_name="Sam Whitfield", groups=["Training managers"])

    # 1. The applicant applies, naming their line manager.
    sign_in(page, applicant.email)
    page.goto("/champions/me/")
    mail.outbox.clear()
    page.get_by_label("Your line manager's name").fill("Helen Ashworth")
    page.get_by_label("Your line manager's work email address").fill("helen.ashworth@example.org")
    button(page, "Apply to become a Domestic Abuse Champion").click()
    expect(page.get_by_role("status")).to_contain_text("We have emailed your line manager")
    expect(page.get_by_text("We are waiting for their answer")).to_be_visible()
    (email,) = [m for m in mail.outbox if m.to == ["helen.ashworth@example.org"]]
    (link,) = re.findall(r"https?://\S+/champions/agreement/\S+/", email.body)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    profile = ChampionProfile.objects.get(user=applicant)

    # 2. The training manager cannot approve yet.
    manager_page = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    try:
        sign_in_with_code(manager_page, training_manager.email, start="/admin/champions/")
        manager_page.goto(f"/admin/champions/{profile.pk}/")
        expect(manager_page.get_by_text("has not agreed to the role yet")).to_be_visible()

        # 3. The line manager, with no account, opens the link, reads the agreement and agrees.
        line_manager = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
        try:
            line_manager.goto(path)
            expect(line_manager.get_by_role("heading", level=1)).to_have_text("Champion role agreement for Priya Kaur")
            expect(line_manager.get_by_text(re.compile("network meetings, held every 9 to 10 weeks"))).to_be_visible()
            assert_accessible(line_manager)
            button(line_manager, "I agree").click()
            expect(line_manager.get_by_role("status")).to_contain_text("Thank you: you agreed.")
            expect(line_manager.get_by_text(re.compile("^You agreed on"))).to_be_visible()
            assert_accessible(line_manager)
            # The link used again shows the answer and offers nothing to change.
            line_manager.goto(path)
            expect(button(line_manager, "I do not agree")).to_have_count(0)
        finally:
            line_manager.context.close()
        assert ManagerAgreement.objects.get(profile=profile).outcome == ManagerAgreement.Outcome.AGREED
        assert any("has agreed to" in m.subject for m in mail.outbox if m.to == [applicant.email])

        # 4. The training manager now approves.
        manager_page.reload()
        expect(manager_page.get_by_text("Agreed through the emailed link", exact=False).first).to_be_visible()
        button(manager_page, "Approve Priya Kaur as a champion").click()
        expect(manager_page.get_by_text("Priya Kaur is now an active champion")).to_be_visible()
        expect(manager_page.get_by_role("cell", name=re.compile("Line manager's agreement: agreed"))).to_be_visible()
    finally:
        manager_page.context.close()
    profile.refresh_from_db()
    assert profile.status == ChampionStatus.ACTIVE
    assert profile.status_changes.get(to_status="active").agreement.manager_name == "Helen Ashworth"
