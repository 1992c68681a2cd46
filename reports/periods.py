"""Reporting periods: UK financial-year quarters and years, and any date range.

A financial year runs from 1 April to 31 March and is written ``2025-26``.
Its quarters are written ``2025-26-Q1`` (April to June 2025) to
``2025-26-Q4`` (January to March 2026). Any other range of days is a
``Period`` too, labelled by its first and last day. Every period includes
both its first and its last day.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

QUARTER_RE = re.compile(r"^(\d{4})-(\d{2})-Q([1-4])$")
YEAR_RE = re.compile(r"^(\d{4})-(\d{2})$")
# Quarters start in April, July, October and January.
QUARTER_START_MONTH = {1: 4, 2: 7, 3: 10, 4: 1}
MONTH_NAMES = [
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


class PeriodError(ValueError):
    """A period that cannot be read; the message says what is wrong and what to write."""


@dataclass(frozen=True, order=True)
class Period:
    """A range of days, both ends included. ``kind`` is "quarter", "year" or "range"."""

    start: datetime.date
    end: datetime.date
    label: str
    kind: str = "range"

    @property
    def is_quarter(self) -> bool:
        return self.kind == "quarter"

    @property
    def is_year(self) -> bool:
        return self.kind == "year"

    @property
    def title(self) -> str:
        """How a person reads it: "Q1 2025-26 (April to June 2025)"."""
        if self.is_quarter:
            year, quarter = self.label.rsplit("-Q", 1)
            return (
                f"Q{quarter} {year} ({MONTH_NAMES[self.start.month]} to {MONTH_NAMES[self.end.month]} {self.end.year})"
            )
        if self.is_year:
            return f"Financial year {self.label} (April {self.start.year} to March {self.end.year})"
        return f"{self.start:%-d %B %Y} to {self.end:%-d %B %Y}"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def as_dict(self) -> dict[str, str]:
        return {"label": self.label, "start": self.start.isoformat(), "end": self.end.isoformat()}

    def has_ended(self, today: datetime.date) -> bool:
        return self.end < today


def financial_year_of(day: datetime.date) -> int:
    """The calendar year in which the financial year containing ``day`` starts."""
    return day.year if day.month >= 4 else day.year - 1


def _year_label(start_year: int) -> str:
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def quarter(start_year: int, number: int) -> Period:
    """Quarter ``number`` (1-4) of the financial year starting in April ``start_year``."""
    if number not in QUARTER_START_MONTH:
        raise PeriodError(f"A financial year has quarters Q1 to Q4, not Q{number}.")
    month = QUARTER_START_MONTH[number]
    year = start_year if number < 4 else start_year + 1
    start = datetime.date(year, month, 1)
    end = _add_months(start, 3) - datetime.timedelta(days=1)
    return Period(start=start, end=end, label=f"{_year_label(start_year)}-Q{number}", kind="quarter")


def financial_year(start_year: int) -> Period:
    start = datetime.date(start_year, 4, 1)
    end = datetime.date(start_year + 1, 3, 31)
    return Period(start=start, end=end, label=_year_label(start_year), kind="year")


def quarter_containing(day: datetime.date) -> Period:
    start_year = financial_year_of(day)
    number = {4: 1, 5: 1, 6: 1, 7: 2, 8: 2, 9: 2, 10: 3, 11: 3, 12: 3, 1: 4, 2: 4, 3: 4}[day.month]
    return quarter(start_year, number)


def year_containing(day: datetime.date) -> Period:
    return financial_year(financial_year_of(day))


def _quarter_parts(period: Period) -> tuple[int, int]:
    if not period.is_quarter:
        raise PeriodError(f"{period.label} is not a financial quarter.")
    match = QUARTER_RE.match(period.label)
    assert match is not None  # a quarter's label is always made by quarter()
    return int(match.group(1)), int(match.group(3))


def previous_quarter(period: Period) -> Period:
    return quarter_containing(period.start - datetime.timedelta(days=1))


def same_quarter_last_year(period: Period) -> Period:
    start_year, number = _quarter_parts(period)
    return quarter(start_year - 1, number)


def quarters_ending_with(last: Period, count: int) -> list[Period]:
    """``count`` consecutive quarters, oldest first, the last of them ``last``."""
    quarters = [last]
    while len(quarters) < count:
        quarters.insert(0, previous_quarter(quarters[0]))
    return quarters


def last_complete_quarter(today: datetime.date) -> Period:
    """The most recent quarter that ended before ``today``."""
    return previous_quarter(quarter_containing(today))


def parse_period(text: str) -> Period:
    """Read a financial quarter (``2025-26-Q1``) or a financial year (``2025-26``).

    Raises ``PeriodError`` with a message a person can act on.
    """
    value = (text or "").strip().upper()
    if not value:
        raise PeriodError("Give a period: a financial quarter such as 2025-26-Q1 or a financial year such as 2025-26.")
    match = QUARTER_RE.match(value)
    if match:
        start_year = _checked_year(int(match.group(1)), int(match.group(2)), text)
        return quarter(start_year, int(match.group(3)))
    match = YEAR_RE.match(value)
    if match:
        return financial_year(_checked_year(int(match.group(1)), int(match.group(2)), text))
    if re.match(r"^\d{4}-\d{2}-Q\d+$", value):
        raise PeriodError(f"“{text}” is not a period: a financial year has quarters Q1 to Q4.")
    raise PeriodError(
        f"“{text}” is not a period: write a financial quarter such as 2025-26-Q1 (April to June 2025) "
        "or a financial year such as 2025-26."
    )


def _checked_year(start_year: int, end_two_digits: int, text: str) -> int:
    if (start_year + 1) % 100 != end_two_digits:
        raise PeriodError(
            f"“{text}” is not a financial year: a financial year starting in April {start_year} "
            f"is written {_year_label(start_year)}."
        )
    if not 2000 <= start_year <= 2099:
        raise PeriodError(f"“{text}” is outside the years the platform reports on (2000-01 to 2099-00).")
    return start_year


def parse_date(text: str, name: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat((text or "").strip())
    except ValueError:
        raise PeriodError(f"The {name} date “{text}” is not a date: write it as YYYY-MM-DD, e.g. 2025-04-01.") from None


def date_range(start: datetime.date, end: datetime.date) -> Period:
    """Any range of days, both ends included."""
    if start > end:
        raise PeriodError(f"The start date ({start.isoformat()}) is after the end date ({end.isoformat()}).")
    if start.year < 2000 or end.year > 2099:
        raise PeriodError("Dates must be between the years 2000 and 2099.")
    # A range that is exactly a quarter or a year is that quarter or year, so frozen figures apply.
    candidate = quarter_containing(start)
    if candidate.start == start and candidate.end == end:
        return candidate
    candidate = year_containing(start)
    if candidate.start == start and candidate.end == end:
        return candidate
    return Period(start=start, end=end, label=f"{start.isoformat()}..{end.isoformat()}", kind="range")


def period_from_input(period: str | None = None, start: str | None = None, end: str | None = None) -> Period:
    """A period from what a person typed: either a period label, or a start and an end date."""
    if period and (start or end):
        raise PeriodError("Give either a period or a start and end date, not both.")
    if period:
        return parse_period(period)
    if start or end:
        if not (start and end):
            raise PeriodError("Give both a start date and an end date.")
        return date_range(parse_date(start, "start"), parse_date(end, "end"))
    raise PeriodError("Give a period (e.g. 2025-26-Q1), or a start and an end date.")


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    return datetime.date(day.year + month_index // 12, month_index % 12 + 1, 1)
