"""The formula guard: the one rule for every spreadsheet and CSV that leaves the platform.

A cell that a spreadsheet would read as a formula (text starting with =, +, -, @, a tab or a
carriage return) is written with a leading apostrophe, so a name or a course title such as
``=HYPERLINK("http://evil.example","Click")`` stays text (OWASP's advice on CSV injection).
Numbers and dates are never touched. It lives here, at the bottom of the import arrows, so that
courses, champions and reports all use the same rule: ``formula_safe`` in Python,
``FormulaSafeExportMixin`` for an admin listing exported by Wagtail's ``SpreadsheetExportMixin``
(``ReportView``, ``IndexView`` with ``list_export``), and ``SpreadsheetSafe`` for a CSV the database
writes itself.
"""

from __future__ import annotations

import csv
from collections import OrderedDict
from typing import Any

from django.db.models import CharField, Func
from wagtail.coreutils import multigetattr

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


def _export_value(item: Any, accessor: str) -> Any:
    """``multigetattr``, except that an empty relation on the way (no organisation, say) is an empty cell."""
    value = item
    for bit in accessor.split("."):
        if value is None:
            return ""
        value = multigetattr(value, bit)
    return value


class _Echo:
    """A file that hands back what is written to it (as UTF-8 bytes, as Wagtail's own), for streaming."""

    def write(self, value: str) -> bytes:
        return value.encode("utf-8")


class FormulaSafeExportMixin:
    """For a view with Wagtail's ``SpreadsheetExportMixin``: every cell through ``formula_safe``, streamed.

    Wagtail's XLSX writer keeps formulas out of its cells, but its CSV writer does not; the guard applies to
    both, so the same text reads the same in either. Rows are read in chunks (``export_chunk_size``), so a
    large export never holds every row in memory, and the CSV says it is UTF-8.
    """

    export_chunk_size = 2000

    def to_row_dict(self, item):
        return OrderedDict((field, _export_value(item, field)) for field in self.list_export)

    def preprocess_field_value(self, field, value, export_format):
        return formula_safe(super().preprocess_field_value(field, value, export_format))

    def stream_csv(self, queryset):
        # Wagtail's stream_csv, iterating in chunks rather than caching the whole queryset.
        writer = csv.DictWriter(_Echo(), fieldnames=self.list_export)
        yield writer.writerow({field: self.get_heading(queryset, field) for field in self.list_export})
        for item in queryset.iterator(chunk_size=self.export_chunk_size):
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response
