"""Forms: choosing a period and a breakdown (dashboard, partner pages), naming an API token."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone

from . import measures as m
from . import periods as p
from . import selectors
from .tables import BREAKDOWN_LABELS

CUSTOM = "custom"


def period_choices(today: datetime.date | None = None, *, years: bool = True) -> list[tuple[str, str]]:
    choices = []
    for info in selectors.available_periods(today):
        if info.period.is_year and not years:
            continue
        status = "final" if info.status == selectors.FINAL else "provisional"
        choices.append((info.period.label, f"{info.period.title} – {status}"))
    return choices


def default_quarter(today: datetime.date | None = None) -> p.Period:
    """The last complete quarter: the one a board asks about."""
    return p.last_complete_quarter(today or timezone.localdate())


class PartnerPeriodForm(forms.Form):
    """The partner figures page: which quarter or financial year."""

    period = forms.ChoiceField(label="Period", help_text="A financial quarter or year. Final figures are frozen.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = period_choices()
        self.fields["period"].initial = default_quarter().label

    def chosen_period(self) -> p.Period:
        label = self.cleaned_data["period"] if self.is_valid() else self.fields["period"].initial
        return p.parse_period(label)


class DashboardForm(forms.Form):
    """The managers' dashboard: a period (or any date range), a breakdown, and the measure to chart."""

    period = forms.ChoiceField(label="Period", required=False)
    start = forms.DateField(
        label="From",
        required=False,
        help_text="For a custom range: the first day, e.g. 2025-04-01.",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    end = forms.DateField(
        label="To",
        required=False,
        help_text="For a custom range: the last day.",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    by = forms.ChoiceField(label="Breakdown", choices=[(b, BREAKDOWN_LABELS[b]) for b in m.BREAKDOWNS], required=False)
    chart = forms.ChoiceField(
        label="Measure to chart",
        choices=[(measure.name, measure.label) for measure in m.MEASURES],
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [*period_choices(), (CUSTOM, "A custom range of days (give From and To)")]
        # What is shown before anything is chosen: the last complete quarter, by district.
        self.fields["period"].initial = default_quarter().label
        self.fields["by"].initial = "district"
        self.fields["chart"].initial = "professionals_trained"

    def clean(self):
        data = super().clean()
        label = data.get("period") or default_quarter().label
        if label == CUSTOM or data.get("start") or data.get("end"):
            start, end = data.get("start"), data.get("end")
            if not start or not end:
                field = "end" if start else "start"
                self.add_error(field, "Give both the first and the last day of the range.")
                return data
            if start > end:
                self.add_error(
                    "end",
                    f"The first day ({start:%-d %B %Y}) is after the last day ({end:%-d %B %Y}): "
                    "choose a first day on or before the last.",
                )
                return data
            try:
                data["chosen"] = p.date_range(start, end)
            except p.PeriodError as error:
                self.add_error("end", str(error))
                return data
        else:
            data["chosen"] = p.parse_period(label)
        data["by"] = data.get("by") or "district"
        data["chart"] = data.get("chart") or "professionals_trained"
        return data

    def chosen(self) -> tuple[p.Period, str, str]:
        """(period, breakdown, measure to chart); the defaults when the form is not valid."""
        if self.is_valid() and "chosen" in self.cleaned_data:
            return self.cleaned_data["chosen"], self.cleaned_data["by"], self.cleaned_data["chart"]
        return default_quarter(), "district", "professionals_trained"

    def showing(self) -> DashboardForm:
        """The form to draw above the figures: its pickers show exactly what the figures are for.

        A refused choice (a reversed or half-given range, an unknown period) shows the default figures, so
        the pickers show the defaults too, not the refused values (the message above them names what was
        refused). A range that is exactly a quarter or year shows as that period; days given beside a
        period show as the custom range they chose.
        """
        period, by, chart = self.chosen()
        shown = DashboardForm(initial={"period": period.label, "start": "", "end": "", "by": by, "chart": chart})
        if period.kind == "range" or period.label not in dict(shown.fields["period"].choices):
            # Days that make a quarter no longer listed still show as the days they are.
            shown.initial.update(period=CUSTOM, start=period.start.isoformat(), end=period.end.isoformat())
        return shown


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label="What the token is for",
        max_length=80,
        help_text="For example “Police performance dashboard”. Only you see this.",
    )
