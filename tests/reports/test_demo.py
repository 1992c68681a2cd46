"""The demo's figures look like a real partnership's year: not everyone finishes, most say what they thought."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from courses.models import Enrolment
from reports import measures
from reports import periods as p
from reports.models import MeasureSnapshot

pytestmark = pytest.mark.django_db


def test_the_demo_year_has_believable_completion_rates_and_evaluations_in_the_frozen_quarter():
    call_command("load_demo", stdout=io.StringIO())
    today = timezone.localdate()
    quarters = p.quarters_ending_with(p.last_complete_quarter(today), 4)
    year = p.date_range(quarters[0].start, quarters[-1].end)

    rate = measures.completion_rate(year, by="district")
    assert 40 <= rate.total.percent <= 95
    rows = [ratio.percent for ratio in rate.rows.values() if ratio.denominator >= 10]
    assert len(rows) >= 6 and sum(percent == 100 for percent in rows) == 0
    assert max(rows) - min(rows) >= 5  # the districts differ
    for quarter in quarters:
        assert 30 <= measures.completion_rate(quarter).total.percent <= 95, quarter.label
    assert Enrolment.objects.filter(status=Enrolment.Status.WITHDRAWN).exists()
    assert Enrolment.objects.filter(status=Enrolment.Status.ACTIVE, user__email__startswith="history-").exists()

    frozen = MeasureSnapshot.objects.get(period=quarters[-1].label)
    assert frozen.evaluation["responses"] >= 20
    assert 0 < frozen.evaluation["confidence_uplift"] < 2
    for quarter in quarters:
        uplift = measures.confidence_uplift(quarter).total
        assert uplift.count >= 20, quarter.label
