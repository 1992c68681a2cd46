from django import forms

from .services import REASON_MAX


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Recorded in the audit log.",
    )


class ErasureConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand that my account will be closed and cannot be restored",
        error_messages={"required": "Tick the box to confirm that you want your data erased."},
    )
