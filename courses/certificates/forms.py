"""Forms about certificates: the public verification form and the training managers' actions."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone

from home.dates import EARLIEST_RECORD_DATE

from ..catalogue.models import CoursePage
from .codes import MAX_INPUT_LENGTH, normalise_code
from .models import Certificate

CODE_EXAMPLE = "7KQ2-9XHM-B4TD-0RWE"


class VerificationForm(forms.Form):
    code = forms.CharField(
        label="Verification code",
        max_length=MAX_INPUT_LENGTH,
        help_text=f"It is printed on the certificate, beside the QR code: 16 letters and numbers, "
        f"for example {CODE_EXAMPLE}.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}),
        error_messages={
            "required": "Enter the verification code printed on the certificate.",
            "max_length": "Enter the verification code printed on the certificate: it has 16 letters and numbers.",
        },
    )

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                f"Enter the verification code as it is printed on the certificate: 16 letters and numbers, "
                f"such as {CODE_EXAMPLE}."
            )
        return code


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Recorded in the certificate's history. It is not shown to the public.",
        error_messages={"required": "Enter the reason."},
    )


class ReissueForm(ReasonForm):
    holder_name = forms.CharField(
        label="Name on the certificate",
        max_length=Certificate._meta.get_field("holder_name").max_length,
        help_text="As it should be printed: the certificate keeps its code and dates.",
        error_messages={"required": "Enter the name to print on the certificate."},
    )


class ExportForm(forms.Form):
    course = forms.ModelChoiceField(
        queryset=CoursePage.objects.order_by("title"),
        label="Course",
        empty_label="Choose a course",
        error_messages={"required": "Choose a course.", "invalid_choice": "Choose a course from the list."},
    )
    start = forms.DateField(
        label="Completed from",
        help_text="For example 2025-04-01",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "Enter the first completion date.", "invalid": "Enter a date like 2025-04-01."},
    )
    end = forms.DateField(
        label="Completed up to and including",
        help_text="For example 2025-06-30",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "Enter the last completion date.", "invalid": "Enter a date like 2025-06-30."},
    )
    include_revoked = forms.BooleanField(label="Include revoked certificates", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["start"].initial = today.replace(day=1)
        self.fields["end"].initial = today

    def clean(self):
        cleaned = super().clean()
        start: datetime.date | None = cleaned.get("start")
        end: datetime.date | None = cleaned.get("end")
        if start and end and start > end:
            self.add_error("end", "The last date must be the same as or after the first.")
        if start and start < EARLIEST_RECORD_DATE:
            self.add_error("start", f"The first date must be in {EARLIEST_RECORD_DATE.year} or later.")
        return cleaned
