"""Sane ranges for dates people type: nothing the platform records happened before 2000.

A date field that takes anything took 0001-01-01 (the probe's activity); a range keeps typing
mistakes out of the figures and far-off years out of date arithmetic.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

# The earliest day of any record here (a completion, an activity, an export's range); the
# measures' periods use the same bound (reports.periods.date_range).
EARLIEST_RECORD_DATE = datetime.date(2000, 1, 1)


def years_before(day: datetime.date, years: int) -> datetime.date:
    """The same day ``years`` years earlier (28 February for a 29 February with no match)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def day_bounds(start: datetime.date, end: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The days ``start`` to ``end`` (both included) as timestamps: [start 00:00, the day after end 00:00).

    In the site's time zone (Europe/London), as aware datetimes, so a filter ``__gte=lower, __lt=upper`` on a
    timestamp column counts what happened on those days by the local calendar and can use the column's index.
    """
    tz = timezone.get_default_timezone()
    lower = datetime.datetime.combine(start, datetime.time.min, tzinfo=tz)
    upper = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
    return lower, upper
