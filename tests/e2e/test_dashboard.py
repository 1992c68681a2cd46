"""The measures in a real browser: a training manager reads the dashboard and exports it; a partner lead
reads the partner figures and makes an API token. axe-core checks every screen (WCAG 2.2 AA)."""

import csv
import datetime
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.e2e.staff import sign_in_with_code
from tests.factories import OrganisationFactory, UserFactory, district
from tests.reports.conftest import complete

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def button(page, name: str):
    return page.get_by_role("button", name=re.compile(rf"^\s*{name}\s*$", re.IGNORECASE))


def check_accessible(page, assert_accessible) -> None:
    """axe, once Wagtail's messages have finished fading in (mid-fade their text is too faint for axe)."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('.messages > ul')].every(ul => getComputedStyle(ul).opacity === '1')"
    )
    assert_accessible(page)


@pytest.fixture
def history(demo_site):
    from tests.courses.course_pages import course

    awareness = course("da-awareness", "Domestic abuse awareness")
    for n in range(7):
        complete(UserFactory(district=district("fenland")), awareness, datetime.date(2025, 5, 1 + n))
    complete(UserFactory(district=district("peterborough")), awareness, datetime.date(2025, 6, 2))
    complete(UserFactory(district=district("peterborough")), awareness, datetime.date(2024, 11, 5))
    return awareness


def test_a_training_manager_reads_the_measures_and_exports_the_table(page, history, assert_accessible):
    manager = UserFactory(groups=["Training managers"], full_name="Sam Whitfield")
    sign_in_with_code(page, manager.email)
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="Measures").click()
    expect(page).to_have_url(re.compile(r"/admin/measures/$"))

    page.get_by_label("Period").select_option("2025-26-Q1")
    page.get_by_label("Breakdown").select_option(label="District")
    button(page, "Show").click()

    table = page.locator("#measures-table")
    expect(page.get_by_role("heading", level=2, name=re.compile("Q1 2025-26"))).to_be_visible()
    fenland = table.get_by_role("row", name=re.compile("^Fenland"))
    expect(fenland.get_by_role("cell").first).to_have_text("7")  # exact for managers: no suppression here
    expect(table.locator("tfoot")).to_contain_text("8")
    expect(page.locator(".measures-status")).to_contain_text("Provisional")

    # The charts are drawn on the server, each with its figures as a table behind it.
    expect(page.get_by_role("img", name=re.compile("the last 8 quarters"))).to_be_visible()
    page.get_by_text(re.compile("the last 8 quarters: the figures as a table")).click()
    series = page.get_by_role("table", name=re.compile("the last 8 quarters"))
    expect(series.get_by_role("row", name=re.compile("^2024-25-Q3"))).to_contain_text("1")
    page.get_by_text(re.compile("by district, .*: the figures as a table")).click()
    expect(
        page.get_by_role("table", name=re.compile("^Professionals trained by district")).get_by_role(
            "row", name=re.compile("^Fenland")
        )
    ).to_contain_text("7")
    check_accessible(page, assert_accessible)

    with page.expect_download() as csv_download:
        page.get_by_role("link", name="Download this table (CSV)").click()
    download = csv_download.value
    assert download.suggested_filename == "measures-2025-26-Q1-by-district-provisional.csv"
    rows = list(csv.reader(io.StringIO(Path(download.path()).read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["key", "label", "professionals_trained"]
    assert next(r for r in rows if r[0] == "fenland")[:3] == ["fenland", "Fenland", "7"]
    assert rows[-1][:3] == ["total", "Total", "8"]

    with page.expect_download() as xlsx_download:
        page.get_by_role("link", name="Download this table (XLSX)").click()
    sheet = load_workbook(io.BytesIO(Path(xlsx_download.value.path()).read_bytes())).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[-1][:3] == ["total", "Total", 8]

    # A board report for the quarter, rendered by Celery (eager here): its job's page ends with the PDF's link,
    # and the dashboard lists it too.
    page.get_by_label("Quarter", exact=True).select_option("2025-26-Q1")
    button(page, "Create the board report").click()
    expect(page).to_have_url(re.compile(r"/admin/jobs/[0-9a-f-]{36}/$"))
    expect(page.get_by_text("The board report for Q1 2025-26 (April to June 2025) is ready.")).to_be_visible()
    check_accessible(page, assert_accessible)
    with page.expect_download() as job_download:
        page.get_by_role("link", name="Download board-report-2025-26-Q1.pdf").click()
    assert Path(job_download.value.path()).read_bytes().startswith(b"%PDF-")
    page.get_by_role("link", name="Back to the measures").click()
    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Download the board report for 2025-26-Q1 (PDF)").click()
    assert Path(pdf_download.value.path()).read_bytes().startswith(b"%PDF-")
    check_accessible(page, assert_accessible)


def test_a_partner_lead_reads_suppressed_figures_and_makes_an_api_token(page, history, assert_accessible):
    organisation = OrganisationFactory(name="Fenland Police Station")
    lead = UserFactory(groups=["Partner leads"], organisation=organisation, full_name="Fiona Gallagher")
    sign_in_with_code(page, lead.email, start="/accounts/login/")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Partner figures").click()
    page.get_by_label("Period").select_option(label="Q1 2025-26 (April to June 2025) – provisional")
    button(page, "Show figures").click()
    by_district = page.get_by_role("table", name="By the district people work in")
    expect(by_district.get_by_role("row", name=re.compile("^Peterborough"))).to_contain_text("<5")
    assert_accessible(page)

    page.get_by_role("link", name="create an API token").click()
    page.get_by_label("What the token is for").fill("Police dashboard")
    button(page, "Create token").click()
    secret = page.get_by_label("Token", exact=True).input_value()
    assert secret.startswith("dasv_")
    assert_accessible(page)
    page.get_by_role("button", name="Revoke Police dashboard").click()
    expect(page.get_by_text("Revoked", exact=True)).to_be_visible()
