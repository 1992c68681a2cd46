"""Small-number suppression, for every figure that leaves the platform for partners.

The rules (the threshold ``t`` is ``settings.SUPPRESSION_THRESHOLD``, 5 by default):

1. **Primary**: a count from 1 to t−1 is shown as ``<t`` (``<5``). Zero is shown as 0.
2. **Secondary**: where a row or a column of counts has exactly one suppressed cell, the next smallest
   non-zero cell in it is suppressed too, shown as ``[c]``, so the hidden count cannot be worked out
   by subtracting the others from the total. A column includes its total; the total is chosen only when
   no other cell can be. The row of totals is the one row left out: its cells are different measures'
   totals, which add up to nothing, so none can be worked out from the others.
3. **Audit**: a column whose total is shown is then checked as someone with the table would check it:
   the hidden cells are 1..t−1 (``<t``) or at least t (``[c]``), and they add up to (plain counts) or
   to at least (distinct people) the total minus the shown cells. While that pins any ``<t`` cell to a
   single value (e.g. ``<5`` and ``<5`` adding up to 2), the next smallest shown cell is suppressed too.
4. A rate or a mean is hidden (``[c]``) when it rests on 1 to t−1 people: completion_rate when its
   enrolments or its completed enrolments number 1 to t−1 (on_time_rate likewise for assignments due and
   completed on time), confidence_uplift when it averages 1 to t−1 evaluations.

The rules repeat until nothing changes. Totals are checked like any other cell.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings

from . import measures as m
from .tables import MeasureTable, display_value

PRIMARY = "primary"
SECONDARY = "secondary"
CONFIDENTIAL = "[c]"
TOTAL = "total"

CellId = tuple[int | str, str]  # (row index or "total", measure name)


def threshold() -> int:
    """The suppression threshold in force (``settings.SUPPRESSION_THRESHOLD``); read here and nowhere else."""
    return int(getattr(settings, "SUPPRESSION_THRESHOLD", 5))


def hidden_label(t: int | None = None) -> str:
    return f"<{t or threshold()}"


def legend(t: int | None = None) -> str:
    t = t or threshold()
    return (
        f"<{t}: a count from 1 to {t - 1}, hidden to protect the people counted. "
        f"{CONFIDENTIAL}: hidden so that a hidden count cannot be worked out from the total, "
        f"or a rate or mean based on fewer than {t} people. 0 is shown as 0."
    )


@dataclass
class Line:
    """A row or a column of count cells; a column knows its total cell and whether its cells add up to it."""

    cells: list[CellId]
    total: CellId | None = None
    adds_up: bool = False


def _small(value: int, t: int) -> bool:
    return 1 <= value < t


def protect(values: dict[CellId, int], lines: list[Line], t: int) -> dict[CellId, str]:
    """Which cells to hide, and why (PRIMARY or SECONDARY), for a grid of counts.

    ``values`` holds every count cell; ``lines`` the rows and columns (a column lists its total last).
    """
    hidden: dict[CellId, str] = {cell: PRIMARY for cell, value in values.items() if _small(value, t)}
    changed = True
    while changed:
        changed = False
        for line in lines:
            in_line = [cell for cell in line.cells if cell in hidden]
            if len(in_line) == 1 and _hide_next_smallest(line, values, hidden):
                changed = True
        for line in lines:
            if (
                line.total is not None
                and _pinned(line, values, hidden, t)
                and _hide_next_smallest(line, values, hidden)
            ):
                changed = True
    return hidden


def _hide_next_smallest(line: Line, values: dict[CellId, int], hidden: dict[CellId, str]) -> bool:
    candidates = [c for c in line.cells if c not in hidden and values[c] > 0 and c != line.total]
    if not candidates and line.total is not None and line.total not in hidden and values[line.total] > 0:
        candidates = [line.total]
    if not candidates:
        return False
    smallest = min(candidates, key=lambda c: values[c])
    hidden[smallest] = SECONDARY
    return True


def feasible_range(line: Line, values: dict[CellId, int], hidden: dict[CellId, str], t: int, cell: CellId):
    """The values a reader could still believe a hidden cell has, given the line's shown cells and total.

    Returns (low, high), or None when the total is hidden too (then nothing is pinned down).
    """
    if line.total is None or line.total in hidden:
        return None
    total = values[line.total]
    shown = sum(values[c] for c in line.cells if c != line.total and c not in hidden)
    remaining = total - shown
    others = [c for c in line.cells if c in hidden and c != cell and c != line.total]

    def bounds(c: CellId) -> tuple[int, int]:
        # Every cell is at most the total: a row's people are among the total's, a row's records among its records.
        return (1, t - 1) if hidden[c] == PRIMARY else (t, total)

    low, high = bounds(cell)
    others_max = sum(bounds(c)[1] for c in others)
    others_min = sum(bounds(c)[0] for c in others)
    low = max(low, remaining - others_max)
    if line.adds_up:
        high = min(high, remaining - others_min)
    return low, high


def _pinned(line: Line, values: dict[CellId, int], hidden: dict[CellId, str], t: int) -> bool:
    for cell in line.cells:
        if cell == line.total or hidden.get(cell) != PRIMARY:
            continue
        span = feasible_range(line, values, hidden, t, cell)
        if span is not None and span[0] >= span[1]:
            return True
    return False


def grid_of(table: MeasureTable) -> tuple[dict[CellId, int], list[Line]]:
    """The count cells of a table, and its rows and columns as lines."""
    counts = [name for name in table.measures if m.measure(name).is_count]
    values: dict[CellId, int] = {}
    row_ids: list[int | str] = [*range(len(table.rows)), TOTAL]
    for name in counts:
        for index, row in enumerate(table.rows):
            value = row.values.get(name)
            if isinstance(value, int):
                values[(index, name)] = value
        if isinstance(table.total.get(name), int):
            values[(TOTAL, name)] = table.total[name]
    lines = []
    for name in counts:
        column = [(r, name) for r in row_ids if (r, name) in values]
        if len(column) > 1:
            adds_up = m.measure(name).adds_up and table.by in m.PARTITIONS
            lines.append(Line(cells=column, total=(TOTAL, name) if (TOTAL, name) in values else None, adds_up=adds_up))
    # Rows too (literally, as the rule says), but not the totals row: different measures have no total of
    # their own, so a small total of one measure gives nothing away about another's, and hiding a headline
    # total (say, specialist training) because another (new champions) is small would only mislead a board.
    for r in range(len(table.rows)):
        row = [(r, name) for name in counts if (r, name) in values]
        if len(row) > 1:
            lines.append(Line(cells=row))
    return values, lines


def _rests_on_few(value: m.Value | None, t: int) -> bool:
    """A rate or mean whose numerator, denominator or count is from 1 to t-1."""
    if isinstance(value, m.Ratio):
        return _small(value.numerator, t) or _small(value.denominator, t)
    if isinstance(value, m.Mean):
        return _small(value.count, t)
    return False


def suppress(table: MeasureTable, t: int | None = None) -> dict[CellId, int | float | str | None]:
    """Every cell of the table as it may be shown to partners (keys as in ``tables.as_output``)."""
    t = t or threshold()
    values, lines = grid_of(table)
    hidden = protect(values, lines, t)
    shown: dict[CellId, int | float | str | None] = {}
    rows: Iterable[tuple[int | str, dict]] = [*enumerate(r.values for r in table.rows), (TOTAL, table.total)]
    for index, cells in rows:
        for name in table.measures:
            value = cells.get(name)
            cell = (index, name)
            if cell in hidden:
                shown[cell] = hidden_label(t) if hidden[cell] == PRIMARY else CONFIDENTIAL
            elif _rests_on_few(value, t):
                shown[cell] = CONFIDENTIAL
            else:
                shown[cell] = display_value(value)
    return shown
