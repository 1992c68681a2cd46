"""Figures never move: erasing people leaves every measure, for every quarter and breakdown, live and
frozen, suppressed and not, exactly as it was; and a frozen quarter's board report says the same numbers.

Property-based (hypothesis): each example makes random completions, enrolments, evaluations and champion
records (the generators of tests/reports/test_measures_property.py) inside a savepoint, freezes some
quarters, reads every figure, erases a random set of people through the erasure service, reads them all
again, and rolls back.
"""

import datetime
import re

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from accounts.models import User
from privacy import erasure
from reports import board
from reports import measures as m
from reports import services as report_services
from reports.periods import parse_period
from reports.selectors import reported
from reports.suppression import suppress
from tests.reports.test_measures_property import PEOPLE, create, records, world  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

QUARTERS = [parse_period(label) for label in ("2024-25-Q4", "2025-26-Q1", "2025-26-Q2", "2025-26-Q3")]
YEAR = parse_period("2025-26")


def every_figure(periods=(*QUARTERS, YEAR)) -> dict:
    """Every measure by every breakdown for each period: live, exact and suppressed (as training managers
    and partners see it), and for a frozen period the frozen table, exact and suppressed (as the dashboard,
    the partner pages and the API serve it)."""
    figures = {}
    for period in periods:
        for by in m.BREAKDOWNS:
            result = reported(period, by, with_live=True)
            live = result.live or result.table
            figures[(period.label, by)] = (
                live,
                suppress(live, 5),
                result.status,
                (result.table, suppress(result.table, 5)) if result.live else None,
            )
    return figures


def board_figures(quarter) -> dict:
    context = board.board_report_context(quarter)
    return {key: context[key] for key in ("status", "comparisons", "tables", "evaluation", "usefulness")}


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(
    data=records,
    frozen=st.sets(st.integers(0, len(QUARTERS) - 1)),
    erased=st.sets(st.integers(0, PEOPLE - 1), min_size=1),
)
def test_erasing_random_people_changes_no_figure(world, data, frozen, erased):  # noqa: F811  (fixture)
    with transaction.atomic():
        create(world, data)
        for index in sorted(frozen):
            report_services.freeze(QUARTERS[index])
        before = every_figure()
        boards_before = {QUARTERS[i].label: board_figures(QUARTERS[i]) for i in frozen}
        for index in erased:
            erasure.erase_person(world["people"][index])
        assert User.objects.filter(erased_at__isnull=False).count() == len(erased)
        after = every_figure()
        for key, figures in before.items():
            assert after[key] == figures, key
        for label, figures in boards_before.items():
            assert board_figures(parse_period(label)) == figures, label
        transaction.set_rollback(True)


def pdf_numbers(pdf: bytes) -> list[str]:
    """The report's text without the line that says when it was made."""
    text = "\n".join(page.extract_text() for page in PdfReader(__import__("io").BytesIO(pdf)).pages)
    return [line for line in text.splitlines() if not re.search(r"(Generated|Made|Produced|Created) ", line)]


def test_a_frozen_quarters_board_report_renders_the_same_numbers_after_erasure(world):  # noqa: F811
    data = {
        "completions": [(i % PEOPLE, i % 3, 40 + i, (i % 3, i % 3)) for i in range(15)],
        "enrolments": [(i % PEOPLE, i % 3, 35 + i, "completed") for i in range(8)],
        "evaluations": [(2, 4, 5, 45 + i) for i in range(6)],
        "status_changes": [(0, 40, "active", (0, 0)), (1, 50, "active", (1, 1))],
        "activities": [(0, 60, 12, 0, (0, 0))],
        "contacts": [(2, 0, 70, (2, 2))],
    }
    create(world, data)
    quarter = parse_period("2025-26-Q1")
    report_services.freeze(quarter)
    before = board.board_report_pdf(board.board_report_context(quarter))
    for person in world["people"][:3]:
        erasure.erase_person(person)
    after = board.board_report_pdf(board.board_report_context(quarter))
    assert pdf_numbers(after) == pdf_numbers(before)
    assert any(re.search(r"\d", line) for line in pdf_numbers(before))


def test_the_generators_reach_the_quarters_under_test():
    first = datetime.date(2025, 3, 1)
    assert QUARTERS[0].start <= first <= QUARTERS[0].end
    assert QUARTERS[-1].end >= first + datetime.timedelta(days=200)
