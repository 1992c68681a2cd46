"""What goes into a quarter's board report (rendered to PDF by ``services.render_board_report``).

Everything in it is suppressed: a board report leaves the platform. A change
on an earlier quarter is given only where both figures are shown, so that a
difference never reveals a hidden count.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from . import measures as m
from . import periods as p
from . import selectors, suppression
from .tables import as_output, format_figure, grid


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
            shown.append((score, f"<{threshold}" if hidden[cell] == suppression.PRIMARY else suppression.CONFIDENTIAL))
        else:
            shown.append((score, values[cell]))
    return shown


def partnership_name() -> str:
    """The partnership's name from the default site's settings (home.SiteSettings), for the report's footer."""
    from wagtail.models import Site

    from home.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return SiteSettings.for_site(site).partnership_name
    return getattr(settings, "WAGTAIL_SITE_NAME", "DASV Learning")


def board_report_context(quarter: p.Period) -> dict:
    """The figures, comparisons, tables, evaluation results and definitions of a quarter's board report."""
    previous = p.previous_quarter(quarter)
    last_year = p.same_quarter_last_year(quarter)
    current_totals, status = _suppressed_totals(quarter)
    previous_totals, _ = _suppressed_totals(previous)
    last_year_totals, _ = _suppressed_totals(last_year)
    comparisons = [
        Comparison(measure, current_totals[measure.name], previous_totals[measure.name], last_year_totals[measure.name])
        for measure in m.MEASURES
    ]
    threshold = suppression.threshold()
    evaluation = selectors.frozen_evaluation_results(quarter) or selectors.evaluation_results(quarter)
    evaluation_shown = evaluation["responses"] == 0 or evaluation["responses"] >= threshold
    return {
        "period": quarter,
        "previous": previous,
        "last_year": last_year,
        "status": status,
        "comparisons": comparisons,
        "tables": [
            {"title": "By district", "heading": "District", "grid": grid(_suppressed_table(quarter, "district"))},
            {"title": "By sector", "heading": "Sector", "grid": grid(_suppressed_table(quarter, "sector"))},
        ],
        "usefulness": _suppressed_scores(evaluation, threshold),
        "measures": m.MEASURES,
        "evaluation": evaluation,
        "evaluation_shown": evaluation_shown,
        "threshold": threshold,
        "legend": suppression.legend(threshold),
        "generated_at": timezone.localtime(),
        "partnership_name": partnership_name(),
    }
