"""What goes into a quarter's board report, and the report as a PDF (``board_report_pdf``).

Everything in it is suppressed: a board report leaves the platform. A change
on an earlier quarter is given only where both figures are shown, so that a
difference never reveals a hidden count. The charts are the dashboard's two
(the last eight quarters, and the quarter by district) drawn from the same
suppressed figures, each beside its table.

The boards publish the report, so the PDF is tagged PDF/UA-1 as the
certificates are: a structure tree, the document's language and title, table
headers, and a text alternative on each chart.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from home.selectors import site_settings

from . import measures as m
from . import periods as p
from . import selectors, suppression
from .charts import BarChart, bar_chart
from .tables import as_output, format_figure, grid

PDF_VARIANT = "pdf/ua-1"
TEMPLATE = "reports/board_report.html"
# The dashboard's default measure to chart: the first of the two the strategy reports on.
CHART_MEASURE = "professionals_trained"
TREND_QUARTERS = 8


@dataclass
class Comparison:
    measure: m.Measure
    current: object
    previous: object
    last_year: object

    @staticmethod
    def _change(now, then) -> str:
        if not isinstance(now, int | float) or not isinstance(then, int | float):
            return "–"
        difference = now - then
        text = f"{difference:+.1f}" if isinstance(difference, float) else f"{difference:+d}"
        if isinstance(now, int) and isinstance(then, int) and then:
            text += f" ({100 * difference / then:+.0f}%)"
        return text

    @property
    def current_text(self) -> str:
        return format_figure(self.current, self.measure)

    @property
    def previous_text(self) -> str:
        return format_figure(self.previous, self.measure)

    @property
    def last_year_text(self) -> str:
        return format_figure(self.last_year, self.measure)

    @property
    def on_previous(self) -> str:
        return self._change(self.current, self.previous)

    @property
    def on_last_year(self) -> str:
        return self._change(self.current, self.last_year)


def _trend_chart(measure: m.Measure, quarters: list[p.Period], totals: dict[str, tuple[dict, str]]) -> BarChart:
    """The measure over the quarters (oldest first), suppressed, each bar noted final or provisional."""
    points = []
    for quarter in quarters:
        values, status = totals[quarter.label]
        value = values[measure.name]
        points.append((quarter.label, value, format_figure(value, measure), status))
    return bar_chart(f"{measure.label}, the last {len(quarters)} quarters", points)


def _district_chart(measure: m.Measure, quarter: p.Period, by_district: dict) -> BarChart:
    """The measure by district in the quarter, from the suppressed table the report shows."""
    points = [
        (row["label"], row[measure.name], format_figure(row[measure.name], measure), "") for row in by_district["rows"]
    ]
    return bar_chart(f"{measure.label} by district, {quarter.title}", points)


def _suppressed_totals(period: p.Period) -> tuple[dict, str]:
    result = selectors.reported(period, "none")
    output = as_output(result.table, result.status, suppression.suppress(result.table))
    return output["total"], result.status


def _suppressed_table(period: p.Period, by: str) -> dict:
    result = selectors.reported(period, by)
    return as_output(result.table, result.status, suppression.suppress(result.table))


def _suppressed_scores(evaluation: dict, threshold: int) -> list[tuple[str, object]]:
    """How many answered each usefulness score, suppressed like any count (the responses are the total)."""
    scores = evaluation.get("usefulness_scores", {})
    values = {(score, "n"): int(count) for score, count in scores.items()}
    values[("total", "n")] = int(evaluation.get("responses", 0))
    line = suppression.Line(cells=[*values], total=("total", "n"), adds_up=True)
    hidden = suppression.protect(values, [line], threshold)
    shown = []
    for score in sorted(scores):
        cell = (score, "n")
        if cell in hidden:
            primary = hidden[cell] == suppression.PRIMARY
            shown.append((score, suppression.hidden_label(threshold) if primary else suppression.CONFIDENTIAL))
        else:
            shown.append((score, values[cell]))
    return shown


def partnership_name() -> str:
    """The partnership's name from the default site's settings (home.SiteSettings), for the report's footer."""
    return site_settings().partnership_name


def board_report_context(quarter: p.Period) -> dict:
    """The figures, comparisons, tables, evaluation results and definitions of a quarter's board report."""
    previous = p.previous_quarter(quarter)
    last_year = p.same_quarter_last_year(quarter)
    trend_quarters = p.quarters_ending_with(quarter, TREND_QUARTERS)
    wanted = {q.label: q for q in [*trend_quarters, previous, last_year]}  # last year's is in the trend too
    totals = {label: _suppressed_totals(q) for label, q in wanted.items()}
    current_totals, status = totals[quarter.label]
    previous_totals, _ = totals[previous.label]
    last_year_totals, _ = totals[last_year.label]
    comparisons = [
        Comparison(measure, current_totals[measure.name], previous_totals[measure.name], last_year_totals[measure.name])
        for measure in m.MEASURES
    ]
    threshold = suppression.threshold()
    evaluation = selectors.frozen_evaluation_results(quarter) or selectors.evaluation_results(quarter)
    evaluation_shown = evaluation["responses"] == 0 or evaluation["responses"] >= threshold
    by_district = _suppressed_table(quarter, "district")
    chart_measure = m.measure(CHART_MEASURE)
    return {
        "period": quarter,
        "previous": previous,
        "last_year": last_year,
        "status": status,
        "comparisons": comparisons,
        "tables": [
            {"title": "By district", "heading": "District", "grid": grid(by_district)},
            {"title": "By sector", "heading": "Sector", "grid": grid(_suppressed_table(quarter, "sector"))},
        ],
        "chart_measure": chart_measure,
        "trend_chart": _trend_chart(chart_measure, trend_quarters, totals),
        "district_chart": _district_chart(chart_measure, quarter, by_district),
        "usefulness": _suppressed_scores(evaluation, threshold),
        "measures": m.MEASURES,
        "evaluation": evaluation,
        "evaluation_shown": evaluation_shown,
        "threshold": threshold,
        "legend": suppression.legend(threshold),
        "generated_at": timezone.localtime(),
        "partnership_name": partnership_name(),
    }


def board_report_pdf(context: dict) -> bytes:
    """The board report as a tagged PDF/UA-1 document, from ``board_report_context``.

    Tagged because the boards publish it: screen readers need its structure,
    language and title, as for the certificates.
    """
    from weasyprint import HTML

    from home.pdf import scope_header_cells

    html = render_to_string(TEMPLATE, context)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        pdf_variant=PDF_VARIANT, finisher=scope_header_cells
    )
