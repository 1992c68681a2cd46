"""The measures and snapshot_measures commands, as a training manager or a cron job would run them."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from reports.models import MeasureSnapshot
from tests.factories import district
from tests.reports.conftest import D, complete

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command("measures", *args, stdout=out)
    return out.getvalue()


def test_json_output_has_the_published_shape(courses, person):
    complete(person(district=district("fenland")), courses["awareness"], D(2025, 5, 1))
    data = json.loads(run("--period", "2025-26-Q1", "--by", "district", "--format", "json"))
    assert set(data) >= {"period", "by", "status", "rows", "total", "notes"}
    assert data["period"] == {"label": "2025-26-Q1", "start": "2025-04-01", "end": "2025-06-30"}
    assert data["by"] == "district"
    assert data["status"] == "provisional"
    fenland = next(row for row in data["rows"] if row["key"] == "fenland")
    assert fenland["professionals_trained"] == 1
    assert fenland["label"] == "Fenland"
    assert data["total"]["professionals_trained"] == 1
    assert len(data["rows"]) == 8  # every district, Countywide and Outside the area, even at zero


def test_suppressed_json_shows_small_counts_as_less_than_five(courses, person):
    complete(person(), courses["awareness"], D(2025, 5, 1))
    data = json.loads(run("--period", "2025-26-Q1", "--by", "district", "--format", "json", "--suppress"))
    assert data["total"]["professionals_trained"] == "<5"
    assert all(row["professionals_trained"] in (0, "<5", "[c]") for row in data["rows"])
    assert "legend" in data


def test_a_date_range_and_csv(courses, person):
    complete(person(), courses["awareness"], D(2025, 5, 1))
    text = run("--from", "2025-05-01", "--to", "2025-05-31", "--format", "csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["key", "label", "professionals_trained"]
    assert rows[-1][:3] == ["total", "Total", "1"]


def test_table_output_is_readable(courses, person):
    complete(person(), courses["awareness"], D(2025, 5, 1))
    text = run("--period", "2025-26", "--by", "sector")
    assert text.startswith("2025-26 (2025-04-01 to 2026-03-31), by sector: provisional")
    assert "Police" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--period", "2025-26-Q7"], "quarters Q1 to Q4"),
        (["--period", "last quarter"], "not a period"),
        (["--from", "2025-06-01", "--to", "2025-05-01"], "is after the end date"),
        (["--from", "2025-06-01"], "both a start date and an end date"),
        (["--period", "2025-26-Q1", "--by", "postcode"], "not a breakdown"),
        ([], "Give a period"),
    ],
)
def test_bad_input_is_a_clear_error_not_a_traceback(args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_freezing_a_quarter_then_again_needs_force(courses, person):
    complete(person(), courses["awareness"], D(2025, 5, 1))
    out = io.StringIO()
    call_command("snapshot_measures", "--period", "2025-26-Q1", stdout=out)
    assert "Froze the figures for 2025-26-Q1" in out.getvalue()
    with pytest.raises(CommandError, match="use --force"):
        call_command("snapshot_measures", "--period", "2025-26-Q1")
    call_command("snapshot_measures", "--period", "2025-26-Q1", "--force", stdout=out)
    assert MeasureSnapshot.objects.get(period="2025-26-Q1").times_frozen == 2


def test_a_quarter_that_has_not_ended_cannot_be_frozen():
    with pytest.raises(CommandError, match="has not ended yet"):
        call_command("snapshot_measures", "--period", "2099-00-Q1")
