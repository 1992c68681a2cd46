"""python manage.py measures --period 2025-26-Q1 --by district --format json [--suppress]"""

import json

from django.core.management.base import BaseCommand, CommandError

from reports import exports, selectors
from reports import measures as m
from reports import periods as p


class Command(BaseCommand):
    help = (
        "Print the measures for a period (a financial quarter such as 2025-26-Q1, a financial year such as "
        "2025-26, or --from/--to dates), by a breakdown. Frozen periods print their frozen figures (status final)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--period", help="A financial quarter (2025-26-Q1) or year (2025-26).")
        parser.add_argument("--from", dest="start", help="Instead of --period: the first day, YYYY-MM-DD.")
        parser.add_argument("--to", dest="end", help="Instead of --period: the last day, YYYY-MM-DD.")
        parser.add_argument("--by", default="none", help=f"The breakdown: {', '.join(m.BREAKDOWNS)} (default none).")
        parser.add_argument("--format", dest="output_format", choices=["json", "csv", "table"], default="table")
        parser.add_argument(
            "--suppress", action="store_true", help="Suppress small numbers, as for anything that goes to partners."
        )

    def handle(self, *args, period, start, end, by, output_format, suppress, **options):
        try:
            chosen = p.period_from_input(period, start, end)
            by = m.check_breakdown(by)
        except (p.PeriodError, m.BreakdownError) as error:
            raise CommandError(str(error)) from None
        output = selectors.published(chosen, by, suppressed=suppress)
        if output_format == "json":
            self.stdout.write(json.dumps(output, indent=2, ensure_ascii=False))
        elif output_format == "csv":
            headers, rows = exports.table_sheet(output)
            for line in exports.csv_lines(headers, rows):
                self.stdout.write(line.lstrip("\ufeff"), ending="")
        else:
            self.stdout.write(self.as_text(output))

    def as_text(self, output: dict) -> str:
        headers, rows = exports.table_sheet(output)
        headers = headers[1:]
        rows = [["" if v is None else str(v) for v in row[1:]] for row in rows]
        widths = [max(len(str(h)), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
        lines = [
            f"{output['period']['label']} ({output['period']['start']} to {output['period']['end']}), "
            f"by {output['by']}: {output['status']}",
            "  ".join(
                h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(headers, widths, strict=True))
            ),
        ]
        for row in rows:
            lines.append(
                "  ".join(
                    v.ljust(w) if i == 0 else v.rjust(w) for i, (v, w) in enumerate(zip(row, widths, strict=True))
                )
            )
        lines.extend(f"Note: {note}" for note in output["notes"])
        if "legend" in output:
            lines.append(output["legend"])
        return "\n".join(lines)
