"""The board report PDF as a board member reads it: its charts, its page layout, and its tagging for screen readers."""

import io
import re

import pytest
from pypdf import PdfReader

from reports.models import BoardReport
from tests.factories import district
from tests.pdf_checks import pdfua_problems
from tests.reports.conftest import D, complete

pytestmark = pytest.mark.django_db

URL = "/admin/measures/"
# The report's section and chart headings (h2 and h3).
HEADINGS = {
    "Board report: Q1 2025-26 (April to June 2025)",
    "The measures",
    "Charts",
    "Professionals trained, the last 8 quarters",
    "Professionals trained by district, Q1 2025-26 (April to June 2025)",
    "By district",
    "By sector",
    "Evaluation results",
    "Definitions",
}
FOOTER = re.compile(r"^(Page \d+ of \d+|.*board report 2025-26-Q1.*)$")


@pytest.fixture
def board_report_pdf(client, training_manager, courses, person, django_capture_on_commit_callbacks):
    """The Q1 2025-26 board report as a training manager downloads it, with figures in this and earlier quarters."""
    for _ in range(6):
        complete(person(district=district("fenland")), courses["awareness"], D(2025, 5, 1))
    for _ in range(7):
        complete(person(district=district("huntingdonshire")), courses["specialist"], D(2025, 6, 2))
    complete(person(district=district("peterborough")), courses["awareness"], D(2025, 5, 1))
    for _ in range(2):
        complete(person(district=district("cambridge-city")), courses["awareness"], D(2025, 4, 3))
    for _ in range(9):
        complete(person(district=district("fenland")), courses["awareness"], D(2024, 11, 1))  # 2024-25-Q3
    client.force_login(training_manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL + "board-reports/", {"period": "2025-26-Q1"})
    report = BoardReport.objects.get()
    download = client.get(f"{URL}board-reports/{report.pk}/download/")
    return b"".join(download.streaming_content)


def page_lines(page) -> list[str]:
    """A page's lines of text, without the running footer."""
    lines = [" ".join(line.split()) for line in page.extract_text().splitlines()]
    return [line for line in lines if line and not FOOTER.match(line)]


def test_the_board_report_has_the_trend_and_district_charts_each_with_its_table(board_report_pdf):
    pdf = PdfReader(io.BytesIO(board_report_pdf))
    text = "\n".join(" ".join(line.split()) for page in pdf.pages for line in page.extract_text().splitlines())
    assert "Professionals trained, the last 8 quarters" in text
    assert "Professionals trained by district, Q1 2025-26 (April to June 2025)" in text
    # The trend's table: eight quarters, oldest first, with each quarter's (suppressed) figure and status.
    trend = re.findall(r"^(20\d\d-\d\d-Q\d) (\S+) (final|provisional)$", text, re.MULTILINE)
    assert [quarter for quarter, _value, _status in trend] == [
        "2023-24-Q2",
        "2023-24-Q3",
        "2023-24-Q4",
        "2024-25-Q1",
        "2024-25-Q2",
        "2024-25-Q3",
        "2024-25-Q4",
        "2025-26-Q1",
    ]
    figures = {quarter: value for quarter, value, _status in trend}
    assert figures["2024-25-Q3"] == "9" and figures["2025-26-Q1"] == "16" and figures["2024-25-Q4"] == "0"
    # The district chart's table, suppressed like every figure that leaves the platform.
    rows = re.findall(r"^(Fenland|Huntingdonshire|Peterborough|Cambridge City) (\S+)$", text, re.MULTILINE)
    assert dict(rows) == {"Fenland": "6", "Huntingdonshire": "7", "Peterborough": "<5", "Cambridge City": "<5"}
    # The charts themselves are figures with a text alternative pointing at the table.
    alternatives = _figure_alternatives(pdf)
    assert "Professionals trained, the last 8 quarters: a bar chart; the same figures are in the table beside it." in (
        alternatives
    )
    assert any(alt.startswith("Professionals trained by district, Q1 2025-26") for alt in alternatives)


def test_no_page_of_the_board_report_holds_only_a_heading_or_ends_with_one(board_report_pdf):
    pdf = PdfReader(io.BytesIO(board_report_pdf))
    seen = set()
    for number, page in enumerate(pdf.pages, start=1):
        lines = page_lines(page)
        seen.update(line for line in lines if line in HEADINGS)
        assert lines, f"page {number} is empty"
        assert not set(lines) <= HEADINGS, f"page {number} has only a heading: {lines}"
        assert lines[-1] not in HEADINGS, f"page {number} ends with the heading {lines[-1]!r}, its content overleaf"
    assert {"By district", "By sector", "Charts", "Definitions"} <= seen


def test_the_board_report_is_a_tagged_pdf_ua_document_with_its_language_and_title(board_report_pdf, tmp_path):
    pdf = PdfReader(io.BytesIO(board_report_pdf))
    catalog = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert catalog["/Lang"] == "en-GB"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert pdf.metadata.title == "Board report: Q1 2025-26 (April to June 2025)"
    xmp = catalog["/Metadata"].get_object().get_data().decode()
    assert 'pdfuaid:part="1"' in xmp  # it declares itself PDF/UA-1

    # The independent checker finds nothing: no error, and no warning (each table header has its /Scope).
    assert pdfua_problems(board_report_pdf) == []


def _figure_alternatives(pdf: PdfReader) -> list[str]:
    """The /Alt text of every /Figure in the structure tree."""
    found = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                walk(child)
            return
        if not hasattr(node, "get"):
            return
        if node.get("/S") == "/Figure" and "/Alt" in node:
            found.append(str(node["/Alt"]))
        if "/K" in node:
            walk(node["/K"])

    walk(pdf.trailer["/Root"]["/StructTreeRoot"])
    return found
