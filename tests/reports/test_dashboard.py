"""The training managers' dashboard in the Wagtail admin: figures, charts, exports and board reports."""

import csv
import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook
from pypdf import PdfReader

from home.models import BackgroundJob
from reports.models import BoardReport
from tests.factories import OrganisationFactory, UserFactory, district
from tests.reports.conftest import D, complete

pytestmark = pytest.mark.django_db

URL = "/admin/measures/"


@pytest.fixture
def manager_client(client, training_manager):
    client.force_login(training_manager)
    return client


def test_only_people_allowed_to_read_the_measures_see_the_dashboard(client, professional, training_manager):
    assert client.get(URL).status_code == 302  # to the admin's sign-in
    trainer = professional
    trainer.groups.add(
        *__import__("django.contrib.auth.models", fromlist=["Group"]).Group.objects.filter(name="Trainers")
    )
    client.force_login(trainer)
    response = client.get(URL)
    assert response.status_code in (302, 403)
    assert client.get(URL + "?export=csv").status_code in (302, 403)
    assert client.get(URL + "completions.csv?period=2025-26-Q1").status_code in (302, 403)


def test_the_reports_menu_offers_the_measures_to_training_managers(manager_client):
    response = manager_client.get("/admin/")
    assert "/admin/measures/" in response.content.decode()


def test_the_dashboard_shows_the_table_the_charts_and_their_tables(manager_client, courses, person):
    for _ in range(3):
        complete(person(district=district("fenland")), courses["awareness"], D(2025, 5, 1))
    complete(person(district=district("peterborough")), courses["awareness"], D(2024, 11, 1))
    response = manager_client.get(URL, {"period": "2025-26-Q1", "by": "district", "chart": "professionals_trained"})
    assert response.status_code == 200
    html = response.content.decode()
    fenland = next(row for row in response.context["table"]["rows"] if row["key"] == "fenland")
    assert fenland["cells"][0]["text"] == "3"  # managers see every figure, unsuppressed
    series = response.context["series_chart"]
    assert [bar.label for bar in series.bars][-1] == "2025-26-Q1"
    assert len(series.bars) == 8
    assert next(bar for bar in series.bars if bar.label == "2024-25-Q3").text == "1"
    assert "<svg" in html and "the figures as a table" in html
    districts = response.context["district_chart"]
    assert next(bar for bar in districts.bars if bar.label == "Fenland").text == "3"


def picked(response) -> dict[str, str]:
    """What the dashboard's pickers show: the selected period, breakdown and measure, and the two days."""
    html = response.content.decode()
    form = html[html.index('aria-label="Choose the figures"') :]
    form = form[: form.index("</form>")]
    shown = {}
    for name in ("period", "by", "chart"):
        select = re.search(rf'<select name="{name}".*?</select>', form, re.DOTALL).group(0)
        selected = re.findall(r'<option value="([^"]*)"[^>]*\bselected\b', select)
        shown[name] = selected[0] if len(selected) == 1 else selected
    for name in ("start", "end"):
        tag = re.search(rf'<input type="date" name="{name}"[^>]*>', form).group(0)
        value = re.search(r'value="([^"]*)"', tag)
        shown[name] = value.group(1) if value else ""
    return shown


def test_a_reversed_range_is_refused_with_a_message_and_the_pickers_show_the_figures_shown(manager_client):
    response = manager_client.get(URL, {"period": "custom", "start": "2025-06-01", "end": "2025-05-01", "by": "sector"})
    assert response.status_code == 200
    text = " ".join(response.content.decode().split())
    assert "The first day (1 June 2025) is after the last day (1 May 2025)" in text
    assert f"Showing {response.context['period'].title} instead." in text
    # The figures are the default quarter's, by district, and that is what the pickers show: not the refused days.
    default = response.context["period"]
    assert response.context["by"] == "district"
    assert picked(response) == {
        "period": default.label,
        "by": "district",
        "chart": "professionals_trained",
        "start": "",
        "end": "",
    }


def test_the_pickers_show_the_range_the_figures_are_for(manager_client):
    response = manager_client.get(URL, {"period": "custom", "start": "2025-05-01", "end": "2025-05-31", "by": "none"})
    assert picked(response) == {
        "period": "custom",
        "by": "none",
        "chart": "professionals_trained",
        "start": "2025-05-01",
        "end": "2025-05-31",
    }
    # Days that make up a quarter are that quarter (its frozen figures apply), and show as it.
    response = manager_client.get(URL, {"period": "custom", "start": "2025-04-01", "end": "2025-06-30"})
    assert response.context["period"].label == "2025-26-Q1"
    assert picked(response)["period"] == "2025-26-Q1" and picked(response)["start"] == ""
    # Days given beside a quarter choose a range: the pickers say "custom", as the figures are for the days.
    response = manager_client.get(URL, {"period": "2025-26-Q1", "start": "2025-05-01", "end": "2025-05-31"})
    assert response.context["period"].label == "2025-05-01..2025-05-31"
    assert picked(response)["period"] == "custom" and picked(response)["end"] == "2025-05-31"


def test_a_bad_period_or_range_shows_a_message_and_the_default_figures(manager_client):
    response = manager_client.get(URL, {"period": "custom", "start": "2025-06-01"})
    assert response.status_code == 200
    assert "Give both the first and the last day of the range." in response.content.decode()
    assert picked(response)["start"] == ""
    response = manager_client.get(URL, {"period": "1999-00-Q9", "by": "galaxy"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_a_custom_range_of_days(manager_client, courses, person):
    complete(person(), courses["awareness"], D(2025, 5, 10))
    response = manager_client.get(URL, {"period": "custom", "start": "2025-05-01", "end": "2025-05-31", "by": "none"})
    assert response.context["period"].label == "2025-05-01..2025-05-31"
    assert response.context["table"]["total"][0]["text"] == "1"


def test_the_shown_table_exports_to_csv_and_xlsx_without_formulas(manager_client, courses, person):
    evil = OrganisationFactory(name="=cmd|' /C calc'!A0", is_partner=True)
    complete(person(organisation=evil), courses["awareness"], D(2025, 5, 1))
    response = manager_client.get(URL, {"period": "2025-26-Q1", "by": "organisation", "export": "csv"})
    assert response.status_code == 200
    assert (
        response["Content-Disposition"] == 'attachment; filename="measures-2025-26-Q1-by-organisation-provisional.csv"'
    )
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["key", "label", "professionals_trained"]
    evil_row = next(row for row in rows if row[0] == str(evil.pk))
    assert evil_row[1] == "'=cmd|' /C calc'!A0"
    assert rows[-1][:3] == ["total", "Total", "1"]

    response = manager_client.get(URL, {"period": "2025-26-Q1", "by": "organisation", "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][:3] == ["key", "label", "professionals_trained"]
    evil_cells = next(row for row in values if row[0] == evil.pk)
    assert evil_cells[1] == "'=cmd|' /C calc'!A0"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert values[-1][:3] == ["total", "Total", 1]


def test_every_completion_in_the_period_streams_as_csv(manager_client, courses, person):
    for day in range(1, 5):
        complete(person(), courses["awareness"], D(2025, 5, day))
    complete(person(full_name='=HYPERLINK("http://evil.example","x")'), courses["awareness"], D(2025, 5, 5))
    complete(person(), courses["awareness"], D(2025, 8, 1))
    response = manager_client.get(URL + "completions.csv", {"period": "2025-26-Q1"})
    assert response.streaming
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == ["completed_on", "email", "name", "course", "organisation", "sector", "district", "source"]
    assert len(rows) == 6
    assert [r[0] for r in rows[1:]] == [f"2025-05-0{d}" for d in range(1, 6)]
    assert rows[5][2] == """'=HYPERLINK("http://evil.example","x")"""  # text, never a formula
    assert rows[1][3] == "Domestic abuse awareness" and rows[1][6] == "Fenland"


def test_a_frozen_quarter_shows_the_live_figure_beside_the_frozen_one_when_they_differ(manager_client, courses, person):
    complete(person(), courses["awareness"], D(2025, 5, 1))
    call_command("snapshot_measures", "--period", "2025-26-Q1")
    complete(person(), courses["awareness"], D(2025, 5, 2))  # late data: the live figure moves on
    response = manager_client.get(URL, {"period": "2025-26-Q1", "by": "none"})
    total = response.context["table"]["total"][0]
    assert total["text"] == "1"
    assert total["live"] == "2"
    html = response.content.decode()
    assert "Final" in html and "live: 2" in html


def test_the_dashboard_takes_the_same_queries_however_much_data(manager_client, courses, person):
    def load():
        return manager_client.get(URL, {"period": "2025-26-Q1", "by": "district"})

    complete(person(), courses["awareness"], D(2025, 5, 1))
    load()
    with CaptureQueriesContext(connection) as few:
        load()
    for day in range(2, 20):
        complete(person(district=district("peterborough")), courses["specialist"], D(2025, 5, day))
        complete(person(), courses["awareness"], D(2024, 12, day))
    with CaptureQueriesContext(connection) as more:
        load()
    assert len(more.captured_queries) == len(few.captured_queries)


def test_a_board_report_is_rendered_and_downloaded(manager_client, courses, person, django_capture_on_commit_callbacks):
    for _ in range(6):
        complete(person(), courses["awareness"], D(2025, 5, 1))
    complete(person(district=district("peterborough")), courses["awareness"], D(2025, 5, 1))
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(URL + "board-reports/", {"period": "2025-26-Q1"})
    assert response.status_code == 302
    report = BoardReport.objects.get()
    assert report.status == BoardReport.Status.READY  # Celery runs eagerly in tests
    download = manager_client.get(f"{URL}board-reports/{report.pk}/download/")
    assert download["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(b"".join(download.streaming_content)))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Board report: Q1 2025-26" in text
    assert "Previous quarter" in text and "Same quarter last year" in text
    assert "By district" in text and "By sector" in text
    assert "Evaluation results" in text
    assert "<5" in text  # Peterborough's single person
    # The definitions end the report (since issue 14's measures they take more than the last page).
    definitions = text[text.rindex("Definitions") :]
    assert "Distinct users with a completion in the period" in definitions
    assert "Assignments due in the period that were completed by their due date" in definitions


def test_a_board_report_needs_a_quarter(manager_client):
    response = manager_client.post(URL + "board-reports/", {"period": "2025-26"}, follow=True)
    assert "covers a financial quarter" in response.content.decode()
    assert not BoardReport.objects.exists()


def test_a_board_report_is_a_job_whose_page_ends_with_its_pdf_for_the_manager_who_asked_only(
    manager_client, client, courses, person, django_capture_on_commit_callbacks
):
    complete(person(), courses["awareness"], D(2025, 5, 1))
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(URL + "board-reports/", {"period": "2025-26-Q1"})
    job = BackgroundJob.objects.get()
    assert response.status_code == 302 and response.url == f"/admin/jobs/{job.pk}/"
    page = manager_client.get(response.url).content.decode()
    assert "The board report for Q1 2025-26 (April to June 2025) is ready." in page
    link = f"/admin/jobs/{job.pk}/download/"
    assert f'href="{link}"' in page and "Back to the measures" in page
    download = manager_client.get(link)
    assert download["Content-Type"] == "application/pdf"
    assert 'filename="board-report-2025-26-Q1.pdf"' in download["Content-Disposition"]
    pdf = PdfReader(io.BytesIO(b"".join(download.streaming_content)))
    assert "Board report: Q1 2025-26" in pdf.pages[0].extract_text()
    assert BoardReport.objects.get().status == BoardReport.Status.READY  # listed on the dashboard as before

    client.force_login(UserFactory(groups=["Training managers"]))
    assert client.get(f"/admin/jobs/{job.pk}/").status_code == 404
    assert client.get(link).status_code == 404
