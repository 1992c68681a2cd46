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

from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, connections, transaction
from django.db.models import BooleanField, ExpressionWrapper, F, OuterRef, Q, QuerySet, Subquery

from champions import selectors as champion_selectors
from courses.models import Assignment, Booking, Completion, CoursePage, Enrolment, Evaluation, FollowUp
from courses.sessions.models import SEAT_STATUSES
from home.dates import day_bounds

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


def _completion_field(field: str) -> Subquery:
    """A column of an evaluation's completion, looked up by primary key (an index probe per evaluation, which
    stays cheap however long the history grows, where a join would hash every completion ever recorded)."""
    return Subquery(Completion.objects.filter(pk=OuterRef("completion_id")).values(field)[:1])


# The column (or expression) each kind of record is grouped by, per breakdown.
COMPLETION_KEYS: dict[str, Any] = {
    "district": F("district_id"),
    "sector": F("sector_id"),
    "organisation": F("organisation_id"),
    "course": F("course_id"),
    "topic": F("course__topics"),
}
EVALUATION_KEYS: dict[str, Any] = {
    "district": _completion_field("district_id"),
    "sector": _completion_field("sector_id"),
    "organisation": _completion_field("organisation_id"),
    "course": _completion_field("course_id"),
    "topic": F("completion__course__topics"),
}
# Enrolments have no place of their own (nothing is copied when someone enrols): they count where the
# person works according to their profile.
ENROLMENT_KEYS: dict[str, Any] = {
    "district": F("user__district_id"),
    "sector": F("user__organisation__sector_id"),
    "organisation": F("user__organisation_id"),
    "course": F("course_id"),
    "topic": F("course__topics"),
}
# Bookings, like enrolments, count where the person works according to their profile; course and topic are
# the session's course's.
BOOKING_KEYS: dict[str, Any] = {
    "district": F("user__district_id"),
    "sector": F("user__organisation__sector_id"),
    "organisation": F("user__organisation_id"),
    "course": F("session__course_id"),
    "topic": F("session__course__topics"),
}
# Champion records carry a copied place; only the activity log has a topic, and none has a course.
CHAMPION_KEYS = {"district": "district_id", "sector": "sector_id", "organisation": "organisation_id"}


def completions_in(period: Period, organisation_id: int | None = None) -> QuerySet[Completion]:
    completions = Completion.objects.filter(completed_on__gte=period.start, completed_on__lte=period.end)
    if organisation_id is not None:
        completions = completions.filter(organisation_id=organisation_id)
    return completions.order_by()


def courses_where(**flags: bool) -> list[int]:
    """The ids of courses with the given flags. Fetched first (a few rows), so the database sees the ids and
    reads those courses' completions through the (course, completed_on) index."""
    return list(CoursePage.objects.filter(**flags).order_by().values_list("pk", flat=True))


def enrolments_in(period: Period, organisation_id: int | None = None) -> QuerySet[Enrolment]:
    lower, upper = day_bounds(period.start, period.end)
    enrolments = Enrolment.objects.filter(enrolled_at__gte=lower, enrolled_at__lt=upper)
    if organisation_id is not None:
        enrolments = enrolments.filter(user__organisation_id=organisation_id)
    return enrolments.order_by()


def assignments_due_in(period: Period, organisation_id: int | None = None) -> QuerySet[Assignment]:
    assignments = Assignment.objects.filter(due_on__gte=period.start, due_on__lte=period.end)
    if organisation_id is not None:
        assignments = assignments.filter(user__organisation_id=organisation_id)
    return assignments.order_by()


def follow_ups_in(period: Period, field: str, organisation_id: int | None = None) -> QuerySet[FollowUp]:
    """Follow-ups whose ``field`` (sent_at, answered_at) falls in the period."""
    lower, upper = day_bounds(period.start, period.end)
    follow_ups = FollowUp.objects.filter(**{f"{field}__gte": lower, f"{field}__lt": upper})
    if organisation_id is not None:
        follow_ups = follow_ups.filter(completion__organisation_id=organisation_id)
    return follow_ups.order_by()


def evaluations_in(period: Period, organisation_id: int | None = None) -> QuerySet[Evaluation]:
    lower, upper = day_bounds(period.start, period.end)
    evaluations = Evaluation.objects.filter(submitted_at__gte=lower, submitted_at__lt=upper)
    if organisation_id is not None:
        evaluations = evaluations.filter(completion__organisation_id=organisation_id)
    return evaluations.order_by()


def seats_on_sessions(
    period: Period, field: str, organisation_id: int | None = None, statuses=SEAT_STATUSES
) -> QuerySet[Booking]:
    """Bookings holding a seat (booked, or with an attendance outcome) on sessions whose ``field`` (starts_at,
    ends_at) falls in the period: cancelled places, waitlists, requests and cancelled sessions never count."""
    lower, upper = day_bounds(period.start, period.end)
    records = Booking.objects.filter(
        **{f"session__{field}__gte": lower, f"session__{field}__lt": upper},
        status__in=statuses,
        session__cancelled_at__isnull=True,
    )
    if organisation_id is not None:
        records = records.filter(user__organisation_id=organisation_id)
    return records.order_by()


def _fetch(using: str, sql: str, params: list) -> list[tuple]:
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _tally(
    records: QuerySet, by: str, keys: dict[str, Any], inputs: dict[str, Any], aggregates: dict[str, str]
) -> dict[str, Figures]:
    """Aggregate ``records`` in each cell of the breakdown and in total, in the database.

    ``inputs`` names the expressions the aggregates read (``person`` for ``F("user_id")``, ...), and
    ``aggregates`` are SQL over those names (``COUNT(DISTINCT person)``). The records become a subquery
    selecting ``cell`` and the inputs; on PostgreSQL one statement gives the cells and the total together
    (``GROUPING SETS ((cell), ())``: one pass over the records); elsewhere, or when a record can be in
    several cells (topics), the total is its own statement over the records without the cell.
    """
    names = list(aggregates)
    select = ", ".join(f"{sql} AS {name}" for name, sql in aggregates.items())
    using = records.db

    def subquery(with_cell: bool) -> tuple[str, list]:
        columns = {"cell": keys[by]} if with_cell else {}
        query = records.annotate(**columns, **inputs).values_list(*columns, *inputs)
        sql, params = query.query.sql_with_params()
        return sql, list(params)

    def totals() -> dict[str, Any]:
        sql, params = subquery(with_cell=False)
        return dict(zip(names, _fetch(using, f"SELECT {select} FROM ({sql}) records", params)[0], strict=True))

    if by == "none" or by not in keys:
        total = totals()
        return {n: Figures(total=total[n] or 0, rows={} if by == "none" else None) for n in names}
    sql, params = subquery(with_cell=True)
    rows: dict[str, dict[Key, Any]] = {n: {} for n in names}
    if connections[using].vendor == "postgresql" and by in PARTITIONS:
        statement = (
            f"SELECT cell, GROUPING(cell) = 1, {select} FROM ({sql}) records GROUP BY GROUPING SETS ((cell), ())"
        )
        total: dict[str, Any] = {}
        for cell, is_total, *values in _fetch(using, statement, params):
            for n, value in zip(names, values, strict=True):
                if is_total:
                    total[n] = value
                else:
                    rows[n][cell] = value or 0
    else:
        for cell, *values in _fetch(using, f"SELECT cell, {select} FROM ({sql}) records GROUP BY cell", params):
            for n, value in zip(names, values, strict=True):
                rows[n][cell] = value or 0
        total = totals()
    # A cell is listed only where its value is not zero (a missing cell is zero), whichever path computed it.
    return {n: Figures(total=total.get(n) or 0, rows={c: v for c, v in rows[n].items() if v}) for n in names}


# Within ``compute()``, measures that read the same records share one pass over them (see ``_shared``).
_batch: ContextVar[dict | None] = ContextVar("measures_batch", default=None)


def _shared(kind: str, period: Period, by: str, organisation_id: int | None, run) -> dict[str, Figures]:
    """``run()``'s figures, computed once per ``compute()`` call for this kind of record (or now, outside one)."""
    memo = _batch.get()
    if memo is None:
        return run()
    key = (kind, period, by, organisation_id)
    if key not in memo:
        memo[key] = run()
    return memo[key]


PEOPLE = "COUNT(DISTINCT person)"
COMPLETION_TALLIES = {
    "professionals_trained": PEOPLE,
    "specialist_da_trained": "COUNT(DISTINCT CASE WHEN specialist THEN person END)",
    "completions": "COUNT(*)",
}


def _completion_figures(name: str, period: Period, by: str, organisation_id: int | None) -> Figures:
    """One completion measure: alone, a pass over just what it needs; in ``compute()``, one pass for all three."""
    if _batch.get() is None:
        records = completions_in(period, organisation_id)
        if name == "specialist_da_trained":
            specialist = courses_where(counts_as_specialist_da=True)
            # No specialist course: a condition that is never true keeps the statement's shape (and its rows).
            records = records.filter(course_id__in=specialist) if specialist else records.filter(pk__isnull=True)
            return _tally(records, by, COMPLETION_KEYS, {"person": F("user_id")}, {name: PEOPLE})[name]
        return _tally(records, by, COMPLETION_KEYS, {"person": F("user_id")}, {name: COMPLETION_TALLIES[name]})[name]

    def run():
        inputs = {"person": F("user_id"), "specialist": F("course__counts_as_specialist_da")}
        return _tally(completions_in(period, organisation_id), by, COMPLETION_KEYS, inputs, COMPLETION_TALLIES)

    return _shared("completions", period, by, organisation_id, run)[name]


def _enrolment_figures(period: Period, by: str, organisation_id: int | None) -> dict[str, Figures]:
    def run():
        done = ExpressionWrapper(Q(status=Enrolment.Status.COMPLETED), output_field=BooleanField())
        aggregates = {"started": "COUNT(*)", "done": "SUM(CASE WHEN done THEN 1 ELSE 0 END)"}
        return _tally(enrolments_in(period, organisation_id), by, ENROLMENT_KEYS, {"done": done}, aggregates)

    return _shared("enrolments", period, by, organisation_id, run)


def _assignment_figures(period: Period, by: str, organisation_id: int | None) -> dict[str, Figures]:
    def run():
        on_time = ExpressionWrapper(Q(satisfied_on__lte=F("due_on")), output_field=BooleanField())
        aggregates = {"assigned": "COUNT(*)", "on_time": "SUM(CASE WHEN on_time THEN 1 ELSE 0 END)"}
        records = assignments_due_in(period, organisation_id)
        return _tally(records, by, ENROLMENT_KEYS, {"on_time": on_time}, aggregates)

    return _shared("assignments", period, by, organisation_id, run)


def _attendance_figures(period: Period, by: str, organisation_id: int | None) -> dict[str, Figures]:
    """Attended and no-shows over bookings of sessions ending in the period, in one pass."""

    def run():
        outcomes = (Booking.Status.ATTENDED, Booking.Status.NO_SHOW)
        inputs = {
            "attended": ExpressionWrapper(Q(status=Booking.Status.ATTENDED), output_field=BooleanField()),
            "no_show": ExpressionWrapper(Q(status=Booking.Status.NO_SHOW), output_field=BooleanField()),
        }
        aggregates = {
            "attended": "SUM(CASE WHEN attended THEN 1 ELSE 0 END)",
            "no_shows": "SUM(CASE WHEN no_show THEN 1 ELSE 0 END)",
        }
        records = seats_on_sessions(period, "ends_at", organisation_id, statuses=outcomes)
        return _tally(records, by, BOOKING_KEYS, inputs, aggregates)

    return _shared("attendance", period, by, organisation_id, run)


def _over_sources(
    sources: Iterable[QuerySet], by: str, organisation_id: int | None, *, value: str, keys: dict[str, str]
) -> Figures:
    """Aggregate over the union of several value querysets, in the database.

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
        columns = list(dict.fromkeys(columns))  # by organisation, the key is organisation_id itself
        selects.append(f"SELECT {', '.join(columns)} FROM s{index}")
    aggregate = "COUNT(DISTINCT user_id)" if value == "people" else f"COALESCE(SUM({value}), 0)"
    where, where_params = "", []
    if organisation_id is not None:
        where, where_params = " WHERE organisation_id = %s", [organisation_id]
    statement = f"WITH {', '.join(ctes)} SELECT {{columns}} FROM ({' UNION ALL '.join(selects)}) AS records{where}"
    using = sources[0].db
    if key is None:
        total = _fetch(using, statement.format(columns=aggregate), params + where_params)[0][0] or 0
        return Figures(total=total, rows={} if by == "none" else None)
    if connections[using].vendor == "postgresql":
        grouped = statement.format(columns=f"{key}, GROUPING({key}) = 1, {aggregate}")
        found = _fetch(using, f"{grouped} GROUP BY GROUPING SETS (({key}), ())", params + where_params)
        total = next((v for _cell, is_total, v in found if is_total), 0) or 0
        return Figures(total=total, rows={cell: v for cell, is_total, v in found if not is_total and v})
    total = _fetch(using, statement.format(columns=aggregate), params + where_params)[0][0] or 0
    grouped = statement.format(columns=f"{key}, {aggregate}") + f" GROUP BY {key}"
    return Figures(total=total, rows={cell: v for cell, v in _fetch(using, grouped, params + where_params) if v})


# --- The measures ------------------------------------------------------------------------------------------


def professionals_trained(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Distinct users with a completion in the period."""
    return _completion_figures("professionals_trained", period, by, organisation_id)


def specialist_da_trained(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Distinct users with a completion in the period of a course that counts as specialist domestic abuse training."""
    return _completion_figures("specialist_da_trained", period, by, organisation_id)


def champion_network_accessed(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Distinct users who, in the period, were an active champion on any day, completed champion training, attended a network event, or contacted a champion through the directory."""  # noqa: E501
    sources = [champion_selectors.champion_network_access(period.start, period.end)]
    champion_courses = courses_where(is_champion_training=True)
    if champion_courses:
        training = completions_in(period).filter(course_id__in=champion_courses)
        sources.append(training.values("user_id", "organisation_id", "sector_id", "district_id"))
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
    return _completion_figures("completions", period, by, organisation_id)


def enrolments(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Enrolments started in the period (a count of enrolments, not of people), where the person works."""
    return _enrolment_figures(period, by, organisation_id)["started"]


def completion_rate(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Completions / enrolments for enrolments started in the period: the share of them completed by now."""
    figures = _enrolment_figures(period, by, organisation_id)
    started, done = figures["started"], figures["done"]
    rows = None
    if started.rows is not None:
        rows = {cell: Ratio(done.rows.get(cell, 0), n) for cell, n in started.rows.items()}
    return Figures(total=Ratio(done.total, started.total), rows=rows)


def confidence_uplift(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Mean (confidence after − confidence before) over evaluations submitted in the period."""
    inputs = {"change": F("confidence_after") - F("confidence_before")}
    aggregates = {"uplift": "SUM(change)", "count": "COUNT(*)"}
    figures = _tally(evaluations_in(period, organisation_id), by, EVALUATION_KEYS, inputs, aggregates)
    sums, counts = figures["uplift"], figures["count"]
    rows = None
    if counts.rows is not None:
        rows = {cell: Mean(sums.rows.get(cell, 0), n) for cell, n in counts.rows.items()}
    return Figures(total=Mean(sums.total, counts.total), rows=rows)


def colleagues_reached(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Sum of people reached in champion activity logged for days in the period (a sum, not distinct people)."""
    keys = {**CHAMPION_KEYS, "topic": "topic_id"}
    sources = [champion_selectors.champion_activity(period.start, period.end)]
    return _over_sources(sources, by, organisation_id, value="people_reached", keys=keys)


def assigned(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Assignments due in the period (a count of assignments, not of people), where the person works."""
    return _assignment_figures(period, by, organisation_id)["assigned"]


def completed_on_time(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Assignments due in the period that were completed by their due date."""
    return _assignment_figures(period, by, organisation_id)["on_time"]


def on_time_rate(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Completed on time / assigned, for assignments due in the period."""
    figures = _assignment_figures(period, by, organisation_id)
    due, on_time = figures["assigned"], figures["on_time"]
    rows = None
    if due.rows is not None:
        rows = {cell: Ratio(on_time.rows.get(cell, 0), n) for cell, n in due.rows.items()}
    return Figures(total=Ratio(on_time.total, due.total), rows=rows)


def _ratio(numerators: Figures, denominators: Figures) -> Figures:
    rows = None
    if denominators.rows is not None:
        rows = {cell: Ratio(numerators.rows.get(cell, 0), n) for cell, n in denominators.rows.items()}
    return Figures(total=Ratio(numerators.total, denominators.total), rows=rows)


def follow_up_rate(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Follow-ups answered / follow-ups sent, for the three-month follow-ups sent in the period."""
    answered = ExpressionWrapper(Q(answered_at__isnull=False), output_field=BooleanField())
    aggregates = {"sent": "COUNT(*)", "answered": "SUM(CASE WHEN answered THEN 1 ELSE 0 END)"}
    records = follow_ups_in(period, "sent_at", organisation_id)
    figures = _tally(records, by, EVALUATION_KEYS, {"answered": answered}, aggregates)
    return _ratio(figures["answered"], figures["sent"])


def applied_in_practice(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Share of the follow-up answers given in the period that say the learning was used at least once."""
    used = ExpressionWrapper(Q(used__in=[FollowUp.Used.ONCE, FollowUp.Used.SEVERAL]), output_field=BooleanField())
    aggregates = {"answers": "COUNT(*)", "used": "SUM(CASE WHEN used_it THEN 1 ELSE 0 END)"}
    records = follow_ups_in(period, "answered_at", organisation_id)
    figures = _tally(records, by, EVALUATION_KEYS, {"used_it": used}, aggregates)
    return _ratio(figures["used"], figures["answers"])


def sustained_uplift(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Mean (follow-up confidence − confidence before the course) over follow-ups answered in the period whose completion has an evaluation."""  # noqa: E501
    records = follow_ups_in(period, "answered_at", organisation_id).filter(completion__evaluation__isnull=False)
    inputs = {"change": F("confidence_now") - F("completion__evaluation__confidence_before")}
    figures = _tally(records, by, EVALUATION_KEYS, inputs, {"uplift": "SUM(change)", "count": "COUNT(*)"})
    sums, counts = figures["uplift"], figures["count"]
    rows = None
    if counts.rows is not None:
        rows = {cell: Mean(sums.rows.get(cell, 0), n) for cell, n in counts.rows.items()}
    return Figures(total=Mean(sums.total, counts.total), rows=rows)


def bookings(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Places booked on sessions starting in the period (bookings holding a seat, or with an attendance outcome; not cancelled places, waitlists or requests), where the person works."""  # noqa: E501
    records = seats_on_sessions(period, "starts_at", organisation_id)
    return _tally(records, by, BOOKING_KEYS, {"person": F("user_id")}, {"bookings": "COUNT(*)"})["bookings"]


def attended(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Bookings of sessions ending in the period that were attended (every date), where the person works."""
    return _attendance_figures(period, by, organisation_id)["attended"]


def no_shows(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Bookings of sessions ending in the period that were not attended at all, where the person works."""
    return _attendance_figures(period, by, organisation_id)["no_shows"]


def attendance_rate(period: Period, by: str = "none", organisation_id: int | None = None) -> Figures:
    """Attended / (attended + no-shows), over bookings of sessions ending in the period (partly attended counts in neither)."""  # noqa: E501
    figures = _attendance_figures(period, by, organisation_id)
    came, missed = figures["attended"], figures["no_shows"]
    rows = None
    if came.rows is not None:
        cells = set(came.rows) | set(missed.rows)
        rows = {
            cell: Ratio(came.rows.get(cell, 0), came.rows.get(cell, 0) + missed.rows.get(cell, 0)) for cell in cells
        }
    return Figures(total=Ratio(came.total, came.total + missed.total), rows=rows)


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
    Measure("assigned", "Assigned learning due", assigned, "count"),
    Measure("completed_on_time", "Assigned learning completed on time", completed_on_time, "count"),
    Measure("on_time_rate", "Assigned learning completed on time (rate)", on_time_rate, "ratio", unit="%"),
    Measure("follow_up_rate", "Three-month follow-ups answered", follow_up_rate, "ratio", unit="%"),
    Measure("applied_in_practice", "Learning applied in practice", applied_in_practice, "ratio", unit="%"),
    Measure("sustained_uplift", "Sustained confidence uplift", sustained_uplift, "mean", unit="points on a 1–5 scale"),
    Measure("bookings", "Places booked on sessions", bookings, "count"),
    Measure("attended", "Bookings attended", attended, "count"),
    Measure("no_shows", "No-shows", no_shows, "count"),
    Measure("attendance_rate", "Attendance rate", attendance_rate, "ratio", unit="%"),
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
    """Every named measure over the period, by the breakdown. Measures reading the same records (completions;
    enrolments) share one pass over them, so all of them take a handful of statements."""
    by = check_breakdown(by)
    token = _batch.set({})
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # These statements run in tens of milliseconds: compiling them with LLVM costs more than it
                # saves (PostgreSQL's JIT starts on the estimated cost of the evaluation lookups).
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL jit = off")
            return {name: measure(name).function(period, by, organisation_id) for name in names}
    finally:
        _batch.reset(token)
