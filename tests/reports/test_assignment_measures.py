"""The measures of assigned learning: assigned, completed_on_time and on_time_rate (issue 14)."""

import pytest

from courses.models import Assignment
from reports import measures as m
from reports import suppression
from reports.periods import parse_period
from reports.tables import build_table
from tests.courses.course_pages import course
from tests.factories import OrganisationFactory, UserFactory, district
from tests.reports.conftest import D, complete

pytestmark = pytest.mark.django_db

Q1 = parse_period("2025-26-Q1")  # April-June 2025


def assignment(user, course_page, due_on, *, done_on=None):
    completion = complete(user, course_page, done_on) if done_on else None
    return Assignment.objects.create(
        user=user, course=course_page, due_on=due_on, satisfied_by=completion, satisfied_on=done_on
    )


def test_assignments_due_in_the_period_count_and_those_done_by_their_due_date_are_on_time():
    awareness, stalking = course("awareness"), course("stalking")
    fenland, city = district("fenland"), district("cambridge-city")
    a, b, c = UserFactory(district=fenland), UserFactory(district=fenland), UserFactory(district=city)
    assignment(a, awareness, D(2025, 5, 1), done_on=D(2025, 4, 20))  # on time
    assignment(b, awareness, D(2025, 5, 1), done_on=D(2025, 5, 1))  # on the day: on time
    assignment(c, awareness, D(2025, 6, 1), done_on=D(2025, 6, 9))  # late
    assignment(a, stalking, D(2025, 6, 30))  # not done
    assignment(b, stalking, D(2025, 7, 1), done_on=D(2025, 6, 1))  # due in the next quarter: not counted

    assert m.assigned(Q1).total == 4
    assert m.completed_on_time(Q1).total == 2
    assert m.on_time_rate(Q1).total == m.Ratio(2, 4)
    by_district = m.on_time_rate(Q1, "district").rows
    assert by_district[fenland.pk] == m.Ratio(2, 3) and by_district[city.pk] == m.Ratio(0, 1)
    organisation = a.organisation
    assert m.assigned(Q1, organisation_id=organisation.pk).total == 2  # a's two assignments


def test_the_new_measures_are_suppressed_for_partners_as_the_others():
    organisation = OrganisationFactory()
    awareness = course("awareness")
    for number in range(3):
        person = UserFactory(organisation=organisation)
        assignment(person, awareness, D(2025, 5, 1), done_on=D(2025, 4, 1) if number else None)
    table = build_table(Q1, "none")
    assert table.total["assigned"] == 3
    shown = suppression.suppress(table)
    total = {name: value for (row, name), value in shown.items() if row == "total"}
    assert total["assigned"] == "<5" and total["completed_on_time"] == "<5"
    assert total["on_time_rate"] == "[c]"


def test_the_readme_defines_the_new_measures():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    for name in ("assigned", "completed_on_time", "on_time_rate"):
        assert f"| `{name}` | {m.measure(name).definition} |" in readme
