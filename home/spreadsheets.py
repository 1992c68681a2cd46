"""The formula guard: the one rule for every spreadsheet and CSV that leaves the platform.

A cell that a spreadsheet would read as a formula (text starting with =, +, -, @, a tab or a
carriage return) is written with a leading apostrophe, so a name or a course title such as
``=HYPERLINK("http://evil.example","Click")`` stays text (OWASP's advice on CSV injection).
Numbers and dates are never touched. It lives here, at the bottom of the import arrows, so that
courses, champions and reports all use the same rule: ``formula_safe`` in Python, and
``SpreadsheetSafe`` for a CSV the database writes itself.
"""

from __future__ import annotations

from typing import Any

from django.db.models import CharField, Func

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value: Any) -> Any:
    """``value`` as a spreadsheet cell that is never a formula: text is guarded, anything else passes."""
    # The hot path of a large export: only text can be a formula; numbers, dates and None pass untouched.
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def formula_safe_row(values) -> list[Any]:
    return [formula_safe(value) for value in values]


class SpreadsheetSafe(Func):
    """``formula_safe`` in SQL, for a CSV written by the database (``COPY ... TO STDOUT``)."""

    output_field = CharField()

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        starts = ", ".join(["%s"] * len(FORMULA_STARTS))  # parameters: SQLite has no CHR() for tab and CR
        guard = f"CASE WHEN SUBSTR({sql}, 1, 1) IN ({starts}) THEN '''' || {sql} ELSE {sql} END"
        return guard, [*params, *FORMULA_STARTS, *params, *params]
