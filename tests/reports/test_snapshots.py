"""Frozen quarters: the scheduled freeze, freezing again, the audit trail, the board report by email."""

import datetime
import io
import json

import pytest
from django.core import mail
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from reports import demo, services, tasks
from reports import measures as m
from reports.models import BoardReport, MeasureSnapshot
from reports.periods import parse_period
from tests.reports.conftest import D, complete

pytestmark = pytest.mark.django_db

Q1 = parse_period("2025-26-Q1")


def test_a_quarter_is_frozen_ten_days_after_it_ends_and_not_before(settings, courses, person):
    settings.SNAPSHOT_DELAY_DAYS = 10
    complete(person(), courses["awareness"], D(2025, 5, 1))
    # Nine days after Q1 ended, Q1 waits; the quarter before it (and its financial year) are caught up.
    assert [p.label for p in services.due_for_freezing(D(2025, 7, 9))] == ["2024-25-Q4", "2024-25"]
    services.freeze_due(D(2025, 7, 9))
    assert not MeasureSnapshot.objects.filter(period="2025-26-Q1").exists()
    frozen = services.freeze_due(D(2025, 7, 10))
    assert [s.period for s in frozen] == ["2025-26-Q1"]
    assert services.freeze_due(D(2025, 7, 11)) == []  # already frozen: left alone


def test_the_fourth_quarter_freezes_the_financial_year_too(settings):
    settings.SNAPSHOT_DELAY_DAYS = 10
    assert [p.label for p in services.due_for_freezing(D(2026, 4, 10))] == ["2025-26-Q4", "2025-26"]


def test_the_scheduled_task_freezes_and_emails_the_board_report(
    settings, courses, person, django_capture_on_commit_callbacks, monkeypatch
):
    settings.BOARD_REPORT_RECIPIENTS = ["board@example.org", "csp@example.org"]
    settings.SNAPSHOT_DELAY_DAYS = 10
    for _ in range(5):
        complete(person(), courses["awareness"], D(2025, 5, 1))
    monkeypatch.setattr(services.timezone, "localdate", lambda *args: D(2025, 7, 15))
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.freeze_due_quarters.delay().get() == ["2025-26-Q1"]
    (message,) = mail.outbox
    assert sorted(message.to) == ["board@example.org", "csp@example.org"]
    assert "Q1 2025-26" in message.subject
    (name, content, mimetype) = message.attachments[0]
    assert name == "board-report-2025-26-Q1.pdf" and mimetype == "application/pdf" and content.startswith(b"%PDF")
    report = BoardReport.objects.get()
    assert report.figures_status == "final"
    assert report.emailed_to.split() == ["board@example.org", "csp@example.org"]


def test_frozen_figures_stay_the_figures_on_file_while_live_ones_move(courses, person):
    complete(person(), courses["awareness"], D(2025, 5, 1))
    call_command("snapshot_measures", "--period", "2025-26-Q1")
    complete(person(), courses["awareness"], D(2025, 5, 2))
    out = io.StringIO()
    call_command("measures", "--period", "2025-26-Q1", "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["status"] == "final"
    assert data["total"]["professionals_trained"] == 1
    assert m.professionals_trained(Q1).total == 2  # the live figure
    snapshot = MeasureSnapshot.objects.get(period="2025-26-Q1")
    assert sorted(snapshot.tables.values_list("by", flat=True)) == sorted(m.BREAKDOWNS)


def test_freezing_again_is_forced_and_recorded_in_the_audit_trail(courses, person, training_manager, client):
    complete(person(), courses["awareness"], D(2025, 5, 1))
    services.freeze(Q1, user=training_manager)
    complete(person(), courses["awareness"], D(2025, 5, 2))
    with pytest.raises(services.FreezeError, match="use --force"):
        services.freeze(Q1, user=training_manager)
    snapshot = services.freeze(Q1, user=training_manager, force=True)
    assert snapshot.times_frozen == 2
    entry = ModelLogEntry.objects.get(action=services.REFREEZE)
    assert entry.user_id == training_manager.pk
    assert entry.data["changed_totals"]["professionals_trained"] == [1, 2]
    # Training managers read it in the admin's Site history.
    client.force_login(training_manager)
    response = client.get("/admin/reports/site-history/")
    assert response.status_code == 200
    assert "Figures frozen again (forced)" in response.content.decode()


def test_only_financial_quarters_and_years_that_have_ended_can_be_frozen():
    from reports.periods import date_range

    with pytest.raises(services.FreezeError, match="Only a financial quarter or year"):
        services.freeze(date_range(datetime.date(2025, 5, 1), datetime.date(2025, 5, 31)))
    with pytest.raises(services.FreezeError, match="has not ended yet"):
        services.freeze(Q1, today=D(2025, 6, 30))


def test_the_demo_loads_history_and_freezes_the_last_quarter_once(demo_site):
    from accounts import demo as accounts_demo
    from courses import demo as courses_demo

    accounts_demo.load(io.StringIO())
    courses_demo.load(io.StringIO())
    first = demo.load(io.StringIO())
    assert first > 0
    assert MeasureSnapshot.objects.count() == 1
    assert demo.load(io.StringIO()) == 0
