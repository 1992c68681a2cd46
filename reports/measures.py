"""The measures: one pure query function per measure, its definition as its docstring.

Every function takes a ``Period`` (any range of days, both ends included), a
breakdown (``none``, ``district``, ``sector``, ``organisation``, ``course`` or
``topic``) and optionally an organisation to restrict to, and returns
``Figures``: the value in each cell of the breakdown and the total. The
counting happens in the database (``COUNT(DISTINCT ...)`` with ``GROUP BY``);
nothing is counted in Python loops.

- People are counted where they worked *when the record was made*: a
  completion counts under the organisation, sector and district copied onto
  it, never the person's profile today. Champion records copy them the same
  way (``champions.selectors``).
- Distinct-people measures are distinct within each cell and within the
  total, which is a distinct count of its own: a person in two rows is one
  person in the total, so a total is not the sum of its rows.
- By topic, a record counts under every topic of its course (and under "No
  topic" when the course has none), so topic rows overlap even for plain
  counts.
- A measure that has no figures by a breakdown (e.g. new champions by
  course) returns ``rows=None``: "not applicable", not zero.

Nothing here reads the snapshots, applies suppression or knows about the
request: see ``reports.selectors`` for the figures as reported.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import connections
from django.db.models import Count, F, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from champions import selectors as champion_selectors
from courses.models import Completion, Enrolment, Evaluation

from .periods import Period

Key = int | None


@dataclass(frozen=True)
class Ratio:
    """A proportion kept as its two counts, so that suppression can look at both."""

    numerator: int
    denominator: int

    @property
    def percent(self) -> float | None:
        if not self.denominator:
            return None
        return round(100 * self.numerator / self.denominator, 1)

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.numerator + other.numerator, self.denominator + other.denominator)


@dataclass(frozen=True)
class Mean:
    """A mean kept as its sum and count, so that suppression can look at the count."""

    total: int
    count: int

    @property
    def value(self) -> float | None:
        if not self.count:
            return None
        return round(self.total / self.count, 2)

    def __add__(self, other: Mean) -> Mean:
        return Mean(self.total + other.total, self.count + other.count)


Value = int | Ratio | Mean


@dataclass(frozen=True)
class Figures:
    """One measure over one period: the total, and the cells of the breakdown (None: not applicable)."""

    total: Value
    rows: dict[Key, Value] | None = field(default_factory=dict)


BREAKDOWNS = ("none", "district", "sector", "organisation", "course", "topic")
PLACES = ("none", "district", "sector", "organisation")
# Breakdowns under which every record falls in exactly one row, so a plain count's total is the sum of its rows.
PARTITIONS = ("district", "sector", "organisation", "course")


class BreakdownError(ValueError):
    """An unknown breakdown; the message lists the ones there are."""


def check_breakdown(by: str | None) -> str:
    by = (by or "none").strip().lower()
    if by not in BREAKDOWNS:
        raise BreakdownError(f"“{by}” is not a breakdown: choose one of {', '.join(BREAKDOWNS)}.")
    return by


# --- Building blocks ---------------------------------------------------------------------------------------

# The column each kind of record is grouped by, per breakdown.
COMPLETION_KEYS = {
    "district": "district_id",
    "sector": "sector_id",
    "organisation": "organisation_id",
    "course": "course_id",
    "topic": "course__topics",
}
EVALUATION_KEYS = {
    "district": "completion__district_id",
    "sector": "completion__sector_id",
    "organisation": "completion__organisation_id",
    "course": "completion__course_id",
    "topic": "completion__course__topics",
}
# Enrolments have no place of their own: a completed one counts where the completion recorded the person,
# one still open (or withdrawn) where their profile says they work.
ENROLMENT_PLACE = {
    "district": Coalesce("completion__district_id", "user__district_id"),
    "sector": Coalesce("completion__sector_id", "user__organisation__sector_id"),
    "organisation": Coalesce("completion__organisation_id", "user__organisation_id"),
}
ENROLMENT_KEYS: dict[str, Any] = {**ENROLMENT_PLACE, "course": "course_id", "topic": "course__topics"}
# Champion records carry a copied place; only the activity log has a topic, and none has a course.
CHAMPION_KEYS = {"district": "district_id", "sector": "sector_id", "organisation": "organisation_id"}


def day_bounds(period: Period) -> tuple[datetime.datetime, datetime.datetime]:
    """[first day 00:00, the day after the last 00:00) in Europe/London, for timestamp columns."""
    tz = timezone.get_default_timezone()
    lower = datetime.datetime.combine(period.start, datetime.time.min, tzinfo=tz)
    upper = datetime.datetime.combine(period.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
    return lower, upper


def completions_in(period: Period, organisation_id: int | None = None) -> QuerySet[Completion]:
    completions = Completion.objects.filter(completed_on__gte=period.start, completed_on__lte=period.end)
    if organisation_id is not None:
        completions = completions.filter(organisation_id=organisation_id)
    return completions.order_by()


def enrolments_in(period: Period, organisation_id: int | None = None) -> QuerySet[Enrolment]:
    lower, upper = day_bounds(period)
    enrolments = Enrolment.objects.filter(enrolled_at__gte=lower, enrolled_at__lt=upper)
    if organisation_id is not None:
        enrolments = enrolments.alias(place_organisation=ENROLMENT_PLACE["organisation"]).filter(
            place_organisation=organisation_id
        )
    return enrolments.order_by()


def evaluations_in(period: Period, organisation_id: int | None = None) -> QuerySet[Evaluation]:
    lower, upper = day_bounds(period)
    evaluations = Evaluation.objects.filter(submitted_at__gte=lower, submitted_at__lt=upper)
    if organisation_id is not None:
        evaluations = evaluations.filter(completion__organisation_id=organisation_id)
    return evaluations.order_by()


def _grouped(records: QuerySet, by: str, keys: dict[str, Any], aggregate, *, total_is_sum: bool = False) -> Figures:
    """Aggregate ``records`` per cell of the breakdown (one GROUP BY query) and in total.

    ``total_is_sum``: the total is the sum of the cells when every record is in exactly one cell (a plain
    count or sum under a partition), which saves a query; distinct counts always get their own.
    """
    if by == "none":
        return Figures(total=records.aggregate(v=aggregate)["v"] or 0, rows={})
    if by not in keys:
        return Figures(total=records.aggregate(v=aggregate)["v"] or 0, rows=None)
    key = keys[by]
    grouped = records.values_list(key) if isinstance(key, str) else records.annotate(cell=key).values_list("cell")
    rows = {cell: value or 0 for cell, value in grouped.annotate(v=aggregate)}
    if total_is_sum and by in PARTITIONS:
        return Figures(total=sum(rows.values()), rows=rows)
    return Figures(total=records.aggregate(v=aggregate)["v"] or 0, rows=rows)


def _distinct_people(records: QuerySet, by: str, keys: dict[str, Any], person: str = "user_id") -> Figures:
    return _grouped(records, by, keys, Count(person, distinct=True))


def _over_sources(
    sources: Iterable[QuerySet], by: str, organisation_id: int | None, *, value: str, keys: dict[str, str]
) -> Figures:
    """Aggregate over the union of several value querysets, in one SQL statement per figure.

    Each source is a ``.values(...)`` queryset (possibly itself a ``union()``) with at least ``user_id``,
    ``organisation_id``, ``sector_id`` and ``district_id``, and any column ``value`` or ``keys`` name.
    ``value`` is ``"people"`` (COUNT(DISTINCT user_id)) or a column to SUM. The sources are composed as
    common table expressions so that each keeps its own SQL (unions, subqueries) untouched.
    """
    sources = list(sources)
    key = keys.get(by) if by != "none" else None
    ctes, params, selects = [], [], []
    for index, source in enumerate(sources):
        sql, source_params = source.order_by().query.sql_with_params()
        ctes.append(f"s{index} AS ({sql})")
        params.extend(source_params)
        columns = ["user_id", "organisation_id"] + ([key] if key else []) + ([value] if value != "people" else [])
        selects.append(f"SELECT {', '.join(columns)} FROM s{index}")
    aggregate = "COUNT(DISTINCT user_id)" if value == "people" else f"COALESCE(SUM({value}), 0)"
    where, where_params = "", []
    if organisation_id is not None:
        where, where_params = " WHERE organisation_id = %s", [organisation_id]
    statement = f"WITH {', '.join(ctes)} SELECT {{columns}} FROM ({' UNION ALL '.join(selects)}) AS records{where}"
    with connections[sources[0].db].cursor() as cursor:
        cursor.execute(statement.format(columns=aggregate), params + where_params)
        total = cursor.fetchone()[0] or 0
        if key is None:
            return Figures(total=total, rows={} if by == "none" else None)
        cursor.execute(statement.format(columns=f"{key}, {aggregate}") + f" GROUP BY {key}", params + where_params)
        rows = {cell: v or 0 for cell, v in cursor.fetchall()}
    return Figures(total=total, rows=rows)


# --- The measures ------------------------------------------------------------------------------------------


def professionals_trained(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Distinct users with a completion in the period."""
    return _distinct_people(completions_in(period, organisation_id), by, COMPLETION_KEYS)


def specialist_da_trained(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Distinct users with a completion in the period of a course that counts as specialist domestic abuse training."""
    records = completions_in(period, organisation_id).filter(course__counts_as_specialist_da=True)
    return _distinct_people(records, by, COMPLETION_KEYS)


def champion_network_accessed(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Distinct users who, in the period, were an active champion on any day, completed champion training, attended a network event, or contacted a champion through the directory."""  # noqa: E501
    training = (
        completions_in(period)
        .filter(course__is_champion_training=True)
        .values("user_id", "organisation_id", "sector_id", "district_id")
    )
    sources = [training, champion_selectors.champion_network_access(period.start, period.end)]
    return _over_sources(sources, by, organisation_id, value="people", keys=CHAMPION_KEYS)


def active_champions(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Champions active on the last day of the period (from the champions' status history)."""
    sources = [champion_selectors.active_champions_on(period.end)]
    return _over_sources(sources, by, organisation_id, value="people", keys=CHAMPION_KEYS)


def new_champions(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Champions who became active in the period (first approval, or renewal after lapsing), each counted once."""
    sources = [champion_selectors.new_champions(period.start, period.end)]
    return _over_sources(sources, by, organisation_id, value="people", keys=CHAMPION_KEYS)


def completions(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Completions in the period (a count of completions, not of people)."""
    return _grouped(completions_in(period, organisation_id), by, COMPLETION_KEYS, Count("id"), total_is_sum=True)


def enrolments(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Enrolments started in the period (a count of enrolments, not of people)."""
    return _grouped(enrolments_in(period, organisation_id), by, ENROLMENT_KEYS, Count("id"), total_is_sum=True)


def completion_rate(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Completions / enrolments for enrolments started in the period: the share of them completed by now."""
    records = enrolments_in(period, organisation_id)
    started = _grouped(records, by, ENROLMENT_KEYS, Count("id"), total_is_sum=True)
    done = _grouped(
        records.filter(status=Enrolment.Status.COMPLETED), by, ENROLMENT_KEYS, Count("id"), total_is_sum=True
    )
    rows = None
    if started.rows is not None:
        rows = {cell: Ratio(done.rows.get(cell, 0), n) for cell, n in started.rows.items()}
    return Figures(total=Ratio(done.total, started.total), rows=rows)


def confidence_uplift(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Mean (confidence after − confidence before) over evaluations submitted in the period."""
    records = evaluations_in(period, organisation_id)
    uplift = Sum(F("confidence_after") - F("confidence_before"))
    sums = _grouped(records, by, EVALUATION_KEYS, uplift, total_is_sum=True)
    counts = _grouped(records, by, EVALUATION_KEYS, Count("id"), total_is_sum=True)
    rows = None
    if counts.rows is not None:
        rows = {cell: Mean(sums.rows.get(cell, 0), n) for cell, n in counts.rows.items()}
    return Figures(total=Mean(sums.total, counts.total), rows=rows)


def colleagues_reached(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Sum of people reached in champion activity logged for days in the period (a sum, not distinct people)."""
    keys = {**CHAMPION_KEYS, "topic": "topic_id"}
    sources = [champion_selectors.champion_activity(period.start, period.end)]
    return _over_sources(sources, by, organisation_id, value="people_reached", keys=keys)


@dataclass(frozen=True)
class Measure:
    name: str
    label: str
    function: Callable[..., Figures]
    # "people": distinct people; "count": records; "sum": a sum of counts; "ratio" and "mean": derived.
    kind: str
    unit: str = ""
    # The breakdowns it has rows for; under any other it has a total only.
    breakdowns: tuple[str, ...] = BREAKDOWNS

    @property
    def definition(self) -> str:
        return " ".join((self.function.__doc__ or "").split())

    @property
    def is_count(self) -> bool:
        """Counts of people or records, which small-number suppression applies to cell by cell."""
        return self.kind in ("people", "count", "sum")

    @property
    def adds_up(self) -> bool:
        """Whether the rows of a partition add up to the total (plain counts and sums; never distinct people)."""
        return self.kind in ("count", "sum")


MEASURES: tuple[Measure, ...] = (
    Measure("professionals_trained", "Professionals trained", professionals_trained, "people"),
    Measure("specialist_da_trained", "Specialist domestic abuse training", specialist_da_trained, "people"),
    Measure(
        "champion_network_accessed",
        "Accessed the DA Champion Network",
        champion_network_accessed,
        "people",
        breakdowns=PLACES,
    ),
    Measure("active_champions", "Active champions", active_champions, "people", breakdowns=PLACES),
    Measure("new_champions", "New champions", new_champions, "people", breakdowns=PLACES),
    Measure("completions", "Completions", completions, "count"),
    Measure("enrolments", "Enrolments", enrolments, "count"),
    Measure("completion_rate", "Completion rate", completion_rate, "ratio", unit="%"),
    Measure("confidence_uplift", "Confidence uplift", confidence_uplift, "mean", unit="points on a 1–5 scale"),
    Measure(
        "colleagues_reached",
        "Colleagues reached by champions",
        colleagues_reached,
        "sum",
        breakdowns=(*PLACES, "topic"),
    ),
)
MEASURES_BY_NAME = {measure.name: measure for measure in MEASURES}
MEASURE_NAMES = tuple(MEASURES_BY_NAME)


def measure(name: str) -> Measure:
    try:
        return MEASURES_BY_NAME[name]
    except KeyError:
        raise ValueError(f"“{name}” is not a measure: choose one of {', '.join(MEASURE_NAMES)}.") from None


def compute(
    period: Period, by: str = "none", organisation_id: int | None = None, names: Iterable[str] = MEASURE_NAMES
) -> dict[str, Figures]:
    """Every named measure over the period, by the breakdown: a handful of grouped queries each."""
    by = check_breakdown(by)
    return {name: measure(name).function(period, by, organisation_id) for name in names}
