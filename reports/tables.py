"""A table of measures: the rows of a breakdown (with their labels) and the total.

``build_table`` runs the measures and lays their figures out against the
breakdown's reference rows; ``to_snapshot``/``from_snapshot`` keep a table as
JSON (the raw counts, so that suppression can be applied later); ``as_output``
is the shape every way out of the platform uses (the command, the API, the
exports):

    {"period": {"label", "start", "end"}, "by": ..., "status": "final" | "provisional",
     "rows": [{"key": ..., "label": ..., "<measure>": n, ...}], "total": {...}, "notes": [...]}
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from accounts.models import District, Organisation, Sector
from courses.models import CoursePage, Topic

from . import measures as m
from .periods import Period

NOT_RECORDED = {
    "district": "District not recorded",
    "sector": "Sector not recorded",
    "organisation": "Organisation not recorded",
    "course": "Course not recorded",
    "topic": "No topic",
}
BREAKDOWN_LABELS = {
    "none": "No breakdown (totals only)",
    "district": "District",
    "sector": "Sector",
    "organisation": "Organisation",
    "course": "Course",
    "topic": "Topic",
}

DISTINCT_NOTE = (
    "Distinct-people measures ({names}) count each person once in each row and once in the total, "
    "so a total can be less than the sum of its rows when a person appears in two rows."
)
TOPIC_NOTE = "By topic, a record counts under every topic of its course, so topic rows overlap."
NOT_APPLICABLE_NOTE = "null: the measure has no figures by this breakdown (only a total)."
UNITS_NOTE = (
    "completion_rate is a percentage of the enrolments started in the period; on_time_rate of the assignments "
    "due in the period; follow_up_rate of the follow-ups sent and applied_in_practice of the answers given; "
    "confidence_uplift and sustained_uplift are mean changes on a 1-5 scale; each is null when there is nothing "
    "to divide by."
)


@dataclass
class Row:
    key: str | int | None
    label: str
    values: dict[str, m.Value | None]
    id: int | None = None


@dataclass
class MeasureTable:
    period: Period
    by: str
    measures: tuple[str, ...]
    rows: list[Row]
    total: dict[str, m.Value]
    notes: list[str] = field(default_factory=list)

    def column(self, name: str) -> list[m.Value | None]:
        return [row.values.get(name) for row in self.rows]


def _reference_rows(by: str, ids_with_figures: set[int]) -> list[tuple[int, str | int, str]]:
    """(id, key, label) for every row of the breakdown that must be listed, in reading order.

    Every district, sector and topic is listed, even at zero (stable rows for partners' own spreadsheets);
    organisations and courses list the partner organisations / all courses plus any other with figures.
    """
    if by == "district":
        return [(d.pk, d.slug, d.name) for d in District.objects.order_by("sort_order", "name")]
    if by == "sector":
        return [(s.pk, s.slug, s.name) for s in Sector.objects.order_by("sort_order", "name")]
    if by == "topic":
        return [(t.pk, t.slug, t.name) for t in Topic.objects.order_by("sort_order", "name")]
    if by == "organisation":
        organisations = Organisation.objects.filter(is_partner=True) | Organisation.objects.filter(
            pk__in=ids_with_figures
        )
        return [(o.pk, o.pk, o.name) for o in organisations.order_by("name").only("pk", "name")]
    if by == "course":
        courses = CoursePage.objects.all().order_by("title").only("pk", "title")
        return [(c.pk, c.pk, c.title) for c in courses]
    return []


def build_table(
    period: Period, by: str = "none", organisation_id: int | None = None, names: Iterable[str] = m.MEASURE_NAMES
) -> MeasureTable:
    """Compute the measures and lay them out by the breakdown's rows."""
    names = tuple(names)
    figures = m.compute(period, by, organisation_id, names)
    rows: list[Row] = []
    if by != "none":
        ids_with_figures: set[int] = set()
        for result in figures.values():
            if result.rows:
                ids_with_figures.update(k for k, v in result.rows.items() if k is not None and _non_zero(v))
        listed = _reference_rows(by, ids_with_figures)
        listed_ids = {pk for pk, _key, _label in listed}
        for pk, key, label in listed:
            rows.append(Row(key=key, label=label, id=pk, values=_cells(figures, pk)))
        # Records whose place was not recorded, or (for courses) a page since deleted, keep their own row.
        extra_ids = sorted((ids_with_figures - listed_ids), key=lambda k: (k is None, k))
        for pk in extra_ids:
            rows.append(Row(key=pk, label=f"{BREAKDOWN_LABELS[by]} {pk}", id=pk, values=_cells(figures, pk)))
        if any(result.rows and _non_zero(result.rows.get(None, 0)) for result in figures.values()):
            rows.append(Row(key=None, label=NOT_RECORDED[by], values=_cells(figures, None)))
    total = {name: result.total for name, result in figures.items()}
    return MeasureTable(period=period, by=by, measures=names, rows=rows, total=total, notes=notes_for(by, names))


def _cells(figures: dict[str, m.Figures], pk: int | None) -> dict[str, m.Value | None]:
    cells: dict[str, m.Value | None] = {}
    for name, result in figures.items():
        if result.rows is None:
            cells[name] = None
        else:
            cells[name] = result.rows.get(pk, _zero(name))
    return cells


def _zero(name: str) -> m.Value:
    kind = m.measure(name).kind
    if kind == "ratio":
        return m.Ratio(0, 0)
    if kind == "mean":
        return m.Mean(0, 0)
    return 0


def _non_zero(value: m.Value | None) -> bool:
    if isinstance(value, m.Ratio):
        return bool(value.denominator)
    if isinstance(value, m.Mean):
        return bool(value.count)
    return bool(value)


def notes_for(by: str, names: Iterable[str]) -> list[str]:
    names = tuple(names)
    notes = []
    people = [n for n in names if m.measure(n).kind == "people"]
    if people and by != "none":
        notes.append(DISTINCT_NOTE.format(names=", ".join(people)))
    if by == "topic":
        notes.append(TOPIC_NOTE)
    if any(by not in m.measure(n).breakdowns for n in names):
        notes.append(NOT_APPLICABLE_NOTE)
    if {"completion_rate", "on_time_rate", "follow_up_rate", "applied_in_practice"} & set(names) or {
        "confidence_uplift",
        "sustained_uplift",
    } & set(names):
        notes.append(UNITS_NOTE)
    return notes


# --- Keeping a table (snapshots) ----------------------------------------------------------------------------


def value_to_json(value: m.Value | None) -> Any:
    if isinstance(value, m.Ratio):
        return {"numerator": value.numerator, "denominator": value.denominator}
    if isinstance(value, m.Mean):
        return {"sum": value.total, "count": value.count}
    return value


def value_from_json(data: Any) -> m.Value | None:
    if isinstance(data, dict) and "denominator" in data:
        return m.Ratio(data["numerator"], data["denominator"])
    if isinstance(data, dict) and "count" in data:
        return m.Mean(data["sum"], data["count"])
    return data


def to_snapshot(table: MeasureTable) -> dict[str, Any]:
    return {
        "measures": list(table.measures),
        "rows": [
            {
                "key": row.key,
                "id": row.id,
                "label": row.label,
                "values": {k: value_to_json(v) for k, v in row.values.items()},
            }
            for row in table.rows
        ],
        "total": {k: value_to_json(v) for k, v in table.total.items()},
        "notes": table.notes,
    }


def from_snapshot(period: Period, by: str, data: dict[str, Any]) -> MeasureTable:
    return MeasureTable(
        period=period,
        by=by,
        measures=tuple(data["measures"]),
        rows=[
            Row(
                key=row["key"],
                id=row.get("id"),
                label=row["label"],
                values={k: value_from_json(v) for k, v in row["values"].items()},
            )
            for row in data["rows"]
        ],
        total={k: value_from_json(v) for k, v in data["total"].items()},
        notes=list(data.get("notes", [])),
    )


# --- Showing a table ---------------------------------------------------------------------------------------


def display_value(value: m.Value | None) -> int | float | None:
    """A figure as people read it: counts as they are, a rate as a percentage, a mean to two places."""
    if isinstance(value, m.Ratio):
        return value.percent
    if isinstance(value, m.Mean):
        return value.value
    return value


def as_output(table: MeasureTable, status: str, cells: Any = None) -> dict[str, Any]:
    """The published shape. ``cells`` (row index, measure) -> shown value overrides the raw figures.

    ``cells`` comes from suppression; without it the figures are shown as they are.
    """
    rows = []
    for index, row in enumerate(table.rows):
        out: dict[str, Any] = {"key": row.key, "label": row.label}
        for name in table.measures:
            out[name] = cells[(index, name)] if cells is not None else display_value(row.values.get(name))
        rows.append(out)
    total = {
        name: cells[("total", name)] if cells is not None else display_value(table.total.get(name))
        for name in table.measures
    }
    return {
        "period": table.period.as_dict(),
        "by": table.by,
        "status": status,
        "rows": rows,
        "total": total,
        "notes": list(table.notes),
    }


def format_figure(value: Any, measure: m.Measure) -> str:
    """A shown figure as text: 1,234; 62.5%; +1.25; "<5"; "–" for nothing to show."""
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    if measure.kind == "ratio":
        return f"{value:.1f}%"
    if measure.kind == "mean":
        return f"{value:+.2f}"
    return f"{value:,}"


def grid(output: dict[str, Any], names: Iterable[str] = m.MEASURE_NAMES) -> dict[str, Any]:
    """A published table laid out for a template: columns, and each row's cells as text."""
    columns = [m.measure(name) for name in names if name in output["total"]]

    def cells(source: dict[str, Any]) -> list[dict[str, Any]]:
        return [
            {
                "value": source[c.name],
                "text": format_figure(source[c.name], c),
                "hidden": isinstance(source[c.name], str),
            }
            for c in columns
        ]

    total = cells(output["total"])
    return {
        "columns": columns,
        "rows": [{"key": row["key"], "label": row["label"], "cells": cells(row)} for row in output["rows"]],
        "total": total,
        "measures": [{"measure": c, **cell} for c, cell in zip(columns, total, strict=True)],
    }
