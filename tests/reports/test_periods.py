import datetime

import pytest

from reports import periods as p


def test_financial_quarters_start_in_april():
    q1 = p.parse_period("2025-26-Q1")
    q4 = p.parse_period("2025-26-Q4")
    assert (q1.start, q1.end) == (datetime.date(2025, 4, 1), datetime.date(2025, 6, 30))
    assert (q4.start, q4.end) == (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))
    assert q1.title == "Q1 2025-26 (April to June 2025)"


def test_a_financial_year_runs_april_to_march():
    year = p.parse_period("2025-26")
    assert (year.start, year.end, year.kind) == (datetime.date(2025, 4, 1), datetime.date(2026, 3, 31), "year")


def test_the_century_turns_in_a_financial_year_label():
    year = p.parse_period("2099-00")
    assert year.end == datetime.date(2100, 3, 31)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-27-Q1", "is written 2025-26"),
        ("2025-26-Q5", "quarters Q1 to Q4"),
        ("Q1", "not a period"),
        ("2025/26", "not a period"),
        ("", "Give a period"),
        ("1999-00-Q1", "outside the years"),
    ],
)
def test_malformed_periods_are_refused_with_a_message_saying_what_to_write(text, message):
    with pytest.raises(p.PeriodError, match=message):
        p.parse_period(text)


def test_a_date_range_must_not_end_before_it_starts():
    with pytest.raises(p.PeriodError, match="is after the end date"):
        p.date_range(datetime.date(2025, 5, 2), datetime.date(2025, 5, 1))


def test_a_date_range_that_is_exactly_a_quarter_is_that_quarter():
    period = p.period_from_input(start="2025-04-01", end="2025-06-30")
    assert period.label == "2025-26-Q1" and period.is_quarter
    other = p.period_from_input(start="2025-04-01", end="2025-04-30")
    assert other.label == "2025-04-01..2025-04-30" and other.kind == "range"


def test_input_needs_a_period_or_both_dates_but_not_both():
    with pytest.raises(p.PeriodError, match="not both"):
        p.period_from_input("2025-26-Q1", start="2025-04-01")
    with pytest.raises(p.PeriodError, match="both a start date and an end date"):
        p.period_from_input(start="2025-04-01")
    with pytest.raises(p.PeriodError, match="YYYY-MM-DD"):
        p.period_from_input(start="1 April", end="2025-04-30")


def test_neighbouring_quarters():
    q1 = p.parse_period("2025-26-Q1")
    assert p.previous_quarter(q1).label == "2024-25-Q4"
    assert p.same_quarter_last_year(q1).label == "2024-25-Q1"
    assert [q.label for q in p.quarters_ending_with(q1, 3)] == ["2024-25-Q3", "2024-25-Q4", "2025-26-Q1"]
    assert p.last_complete_quarter(datetime.date(2025, 7, 1)).label == "2025-26-Q1"
    assert p.last_complete_quarter(datetime.date(2025, 6, 30)).label == "2024-25-Q4"
