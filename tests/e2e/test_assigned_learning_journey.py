"""Assigned learning in a real browser (issue 14): a partner lead assigns a course to their organisation, a
learner sees it due on their dashboard and completes it, and the staff list shows them done on time.

axe-core checks the assign page, the learner's dashboard and the staff list.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from courses.models import Assignment
from tests.courses.course_pages import course
from tests.e2e.staff import sign_in_with_code
from tests.factories import DEFAULT_PASSWORD, ModulePageFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def button(page, name: str):
    return page.get_by_role("button", name=re.compile(rf"^\s*{re.escape(name)}\s*$", re.IGNORECASE))


def test_a_partner_lead_assigns_a_course_and_the_learner_completes_it_on_time(page, demo_site, assert_accessible):
    organisation = OrganisationFactory(name="Fenland District Council")
    awareness = course("domestic-abuse-awareness", "Domestic abuse awareness")
    ModulePageFactory(parent=awareness, title="What domestic abuse is", slug="what-domestic-abuse-is")
    lead = UserFactory(groups=["Partner leads"], organisation=organisation, full_name="Morgan Lead")
    learner = UserFactory(organisation=organisation, full_name="Aisha Khan")
    due = timezone.localdate() + datetime.timedelta(days=21)

    staff_list = f"/partners/staff/{organisation.pk}/"
    sign_in_with_code(page, lead.email, start=staff_list)
    expect(page).to_have_url(re.compile(re.escape(staff_list) + "$"))
    page.get_by_role("link", name="Assign a course").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Assign a course to your staff")
    assert_accessible(page)
    page.get_by_label("Course").select_option(label="Domestic abuse awareness")
    page.get_by_label("Due date").fill(due.isoformat())
    page.get_by_label("Everyone at Fenland District Council").check()
    button(page, "Assign").click()
    expect(page).to_have_url(re.compile(re.escape(staff_list) + "$"))
    expect(page.get_by_text(re.compile("Assigned to 2 people|Assigning"))).to_be_visible()
    assert Assignment.objects.filter(user=learner, course=awareness, due_on=due).exists()

    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(learner.email)
    page.get_by_label("Password", exact=True).fill(DEFAULT_PASSWORD)
    button(page, "Sign In").click()
    assigned = page.get_by_role("heading", name="Assigned to you").locator("xpath=following-sibling::ul[1]")
    expect(assigned.get_by_role("link", name="Domestic abuse awareness")).to_be_visible()
    expect(assigned.get_by_text(re.compile(r"Due .*assigned by Morgan Lead"))).to_be_visible()
    assert_accessible(page)

    assigned.get_by_role("link", name="Domestic abuse awareness").click()
    button(page, "Enrol on this course").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What domestic abuse is")
    # Completing issues the certificate in the same request here (eager tasks), PDF and all: allow for it.
    page.context.set_default_timeout(90_000)
    button(page, "Mark as done and continue").click()
    page.wait_for_load_state()
    page.context.set_default_timeout(15_000)
    page.goto("/")
    expect(page.get_by_text("Nothing is assigned to you.")).to_be_visible()
    assignment = Assignment.objects.get(user=learner)
    assert assignment.satisfied_by is not None and assignment.done_on_time

    page.context.clear_cookies()
    sign_in_with_code(page, lead.email, start=staff_list)
    row = page.get_by_role("row", name=re.compile("Aisha Khan"))
    expect(row.get_by_role("cell", name="1 (1 on time)")).to_be_visible()
    assert_accessible(page)
