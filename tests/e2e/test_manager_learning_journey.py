"""A training manager's tools in the Wagtail admin, driven in a real browser, with axe checks on each screen.

Importing history (a bad file first: its job's page lists every bad line and nothing is written; then the
corrected file, whose job's page shows the counts and whose certificates are issued), the progress page of an
import that is still running (it updates itself and lands on the result), enrolling people found by a search
and by pasted addresses, and withdrawing an enrolment after confirming.
"""

import re

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from playwright.sync_api import expect

from courses.learning import importing
from courses.models import Certificate, Completion, Enrolment
from home import services as jobs
from tests.courses.course_pages import course
from tests.e2e.staff import sign_in_with_code
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HEADER = "email,full_name,organisation,district,course,completed_on\n"
GOOD_ROWS = (
    "priya.shah@cpft.nhs.uk,Priya Shah,Cambridgeshire and Peterborough NHS Foundation Trust,Fenland,"
    "stalking-and-harassment,2023-04-12\n"
    "new.person@fenland.gov.uk,New Person,Fenland District Council,fenland,stalking-and-harassment,2022-11-30\n"
)


def button(page, name: str):
    return page.get_by_role("button", name=re.compile(rf"^\s*{name}\s*$", re.IGNORECASE))


def check_accessible(page, assert_accessible) -> None:
    """axe, once Wagtail's messages have finished fading in (mid-fade their text is too faint for axe)."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('.messages > ul')].every(ul => getComputedStyle(ul).opacity === '1')"
    )
    assert_accessible(page)


def open_learning_menu_item(page, label: str) -> None:
    page.get_by_role("button", name="Learning").click()
    page.get_by_role("link", name=label).click()


def upload(page, name: str, text: str) -> None:
    page.get_by_label("Completions file (CSV)").set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": text.encode()}]
    )
    button(page, "Check and import").click()


def test_a_training_manager_imports_history_enrols_people_and_withdraws_one(page, demo_site, assert_accessible):
    OrganisationFactory(name="Cambridgeshire and Peterborough NHS Foundation Trust")
    OrganisationFactory(name="Fenland District Council")
    stalking = course("stalking-and-harassment", "Stalking and harassment")
    manager = UserFactory(groups=["Training managers"], full_name="Sam Whitfield")
    priya = UserFactory(full_name="Priya Shah", email="priya.shah@cpft.nhs.uk")
    UserFactory(full_name="Daniel Okafor", email="daniel.okafor@huntingdonshire.gov.uk")

    sign_in_with_code(page, manager.email)
    expect(page).to_have_url(re.compile(r"/admin/$"))

    # A file with mistakes: every bad line is listed, and nothing is written.
    open_learning_menu_item(page, "Import completions")
    expect(page.get_by_role("heading", level=2, name="Import completions")).to_be_visible()
    upload(
        page,
        "register.csv",
        HEADER
        + GOOD_ROWS
        + "someone@example,Some One,Fenland District Council,Fenland,stalking-and-harassment,2023-01-01\n"
        + "x@fenland.gov.uk,X,Fenland District Council,Narnia,stalking-and-harassment,2023-13-01\n",
    )
    # The upload is imported by a background job (eagerly here): the redirect lands on its finished page.
    expect(page).to_have_url(re.compile(r"/admin/jobs/[0-9a-f-]{36}/$"))
    problems = page.get_by_role("table")
    expect(page.get_by_role("heading", name="register.csv was not imported")).to_be_visible()
    expect(problems.get_by_role("row")).to_have_count(4)  # header row and three problems
    expect(problems).to_contain_text("“someone@example” is not a valid email address.")
    expect(problems).to_contain_text("there is no district called “Narnia”.")
    expect(problems).to_contain_text("completed_on “2023-13-01” is not a real date.")
    check_accessible(page, assert_accessible)
    assert not Completion.objects.exists()

    page.get_by_role("link", name="Import another file").click()
    upload(page, "register.csv", HEADER + GOOD_ROWS)
    expect(page).to_have_url(re.compile(r"/admin/jobs/[0-9a-f-]{36}/$"))
    expect(page.get_by_text("imported 2 completions, 1 new people, 0 already present")).to_be_visible()
    figures = page.locator("dl.job-figures")
    expect(figures).to_contain_text("Rows checked")
    expect(figures).to_contain_text("Certificates queued")
    check_accessible(page, assert_accessible)
    assert Completion.objects.count() == 2
    assert Certificate.objects.count() == 2  # queued by the import itself, rendered eagerly here
    mail.outbox.clear()  # Priya's "certificate ready" email: the enrolment emails are checked below

    # Enrol Priya (found by a search) and Daniel (pasted address) on the course.
    open_learning_menu_item(page, "Enrol people")
    page.get_by_label("Course").select_option(label="Stalking and harassment")
    page.get_by_label("Find people by name or email").fill("priya")
    button(page, "Search people").click()
    page.get_by_label("Priya Shah (priya.shah@cpft.nhs.uk)").check()
    page.get_by_label("Email addresses").fill("daniel.okafor@huntingdonshire.gov.uk")
    check_accessible(page, assert_accessible)
    button(page, "Enrol").click()

    expect(page.get_by_text("Enrolled 2 people on “Stalking and harassment”; 0 were already enrolled.")).to_be_visible()
    listing = page.get_by_role("table")
    expect(listing).to_contain_text("Priya Shah")
    expect(listing).to_contain_text("Daniel Okafor")
    check_accessible(page, assert_accessible)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "daniel.okafor@huntingdonshire.gov.uk",
        "priya.shah@cpft.nhs.uk",
    ]

    # Withdraw Priya's enrolment, after confirming.
    page.get_by_label("Select Priya Shah").check()
    button(page, "Withdraw selected…").click()
    expect(page.get_by_text("Withdraw 1 person from “Stalking and harassment”?")).to_be_visible()
    check_accessible(page, assert_accessible)
    button(page, "Yes, withdraw 1").click()
    expect(page.get_by_text("Withdrew 1 enrolment from “Stalking and harassment”.")).to_be_visible()

    enrolments = {e.user_id: e.status for e in Enrolment.objects.filter(course=stalking, source="manager")}
    assert enrolments[priya.pk] == Enrolment.Status.WITHDRAWN
    assert sorted(enrolments.values()) == [Enrolment.Status.ACTIVE, Enrolment.Status.WITHDRAWN]


def test_an_import_s_progress_page_updates_itself_until_the_result_shows(page, demo_site, assert_accessible):
    OrganisationFactory(name="Cambridgeshire and Peterborough NHS Foundation Trust")
    OrganisationFactory(name="Fenland District Council")
    course("stalking-and-harassment", "Stalking and harassment")
    manager = UserFactory(groups=["Training managers"], full_name="Sam Whitfield")
    # A job uploaded but not yet taken by a worker (queued without being sent, so that it waits here).
    job = jobs.create_job(
        importing.JOB_KIND,
        manager,
        "Import of register.csv",
        upload=ContentFile((HEADER + GOOD_ROWS).encode(), name="register.csv"),
    )
    job.result = {"file_name": "register.csv"}
    job.save()

    sign_in_with_code(page, manager.email)

    page.goto(f"/admin/jobs/{job.pk}/")
    expect(page.get_by_role("status").filter(has_text="Waiting for the worker to start.")).to_be_visible()
    check_accessible(page, assert_accessible)

    # The worker runs it (here, in the test's process); the page notices by itself and shows the result.
    importing.run_import_job(job.pk)
    expect(page.get_by_text("imported 2 completions, 2 new people, 0 already present")).to_be_visible()
    expect(page.locator("dl.job-figures")).to_contain_text("Completions written")
    check_accessible(page, assert_accessible)
    assert Completion.objects.count() == 2
