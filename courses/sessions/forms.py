"""The learner's forms for sessions."""

from __future__ import annotations

from django import forms

from home.text import validate_no_control_characters


class CancelBookingForm(forms.Form):
    reason = forms.CharField(
        label="Why are you cancelling?",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[validate_no_control_characters],
        help_text="So that the training team can plan (for example: 'Off sick', 'Clash with a court date').",
    )
