"""Spreadsheets out of the platform: CSV (streamed) and XLSX, safe against formula injection.

Every text cell goes through ``home.spreadsheets.formula_safe``, the platform's one formula guard:
an organisation or course named ``=HYPERLINK(...)`` stays text. Numbers stay numbers.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import connections

from home.spreadsheets import formula_safe

from . import measures as m


def safe_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float | datetime.date):
        return value
    return formula_safe(str(value))


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(headers: list[str], rows: Iterable[Iterable[Any]]) -> Iterator[str]:
    """The CSV text, a line at a time (for a streaming response: memory stays flat however many rows)."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([safe_cell(h) for h in headers])  # the BOM tells Excel it is UTF-8
    for row in rows:
        yield writer.writerow([formula_safe(v) for v in row])


def csv_chunks(headers: list[str], rows: Iterable[Iterable[Any]], lines_per_chunk: int = 2000) -> Iterator[bytes]:
    """The CSV as byte chunks of a couple of thousand lines (fewer, larger writes to the socket)."""
    buffer: list[str] = []
    for line in csv_lines(headers, rows):
        buffer.append(line)
        if len(buffer) >= lines_per_chunk:
            yield "".join(buffer).encode()
            buffer.clear()
    if buffer:
        yield "".join(buffer).encode()


def xlsx_bytes(headers: list[str], rows: Iterable[Iterable[Any]], title: str = "Measures") -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])

    def cells(values: Iterable[Any]):
        for value in values:
            cell = WriteOnlyCell(sheet, safe_cell(value))
            if cell.data_type == "f":  # never a formula, whatever openpyxl guesses
                cell.data_type = "s"
            yield cell

    sheet.append(list(cells(headers)))
    for row in rows:
        sheet.append(list(cells(row)))
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def table_sheet(output: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    """A published table (``tables.as_output`` shape) as a header and rows, the total last."""
    names = [name for name in m.MEASURE_NAMES if name in output["total"]]
    headers = ["key", "label", *names]
    rows = [[row["key"], row["label"], *(row[name] for name in names)] for row in output["rows"]]
    rows.append(["total", "Total", *(output["total"][name] for name in names)])
    return headers, rows


def filename(output: dict[str, Any], extension: str) -> str:
    return f"measures-{output['period']['label']}-by-{output['by']}-{output['status']}.{extension}"


def database_csv(queryset, headers: list[str], chunk_bytes: int = 256 * 1024) -> Iterator[bytes]:
    """A ``values_list`` queryset as CSV made by PostgreSQL itself (``COPY ... TO STDOUT``), streamed in chunks.

    The fastest way out for a large export: the database writes the CSV, Python only passes it on, and memory
    stays flat. Text columns must already be wrapped in ``SpreadsheetSafe``.
    """
    sql, params = queryset.query.sql_with_params()
    yield next(csv_lines(headers, [])).encode()
    buffer = bytearray()
    statement = f"COPY ({sql}) TO STDOUT WITH (FORMAT csv)"
    with connections[queryset.db].cursor() as cursor, cursor.cursor.copy(statement, params) as copy:
        for block in copy:
            buffer += block
            if len(buffer) >= chunk_bytes:
                yield bytes(buffer)
                buffer.clear()
    if buffer:
        yield bytes(buffer)
