"""The evaluation a learner gives after completing a course (it feeds the "confidence uplift" measure)."""

from __future__ import annotations

from django import forms

CONFIDENCE = [
    (1, "1 – Not at all confident"),
    (2, "2 – Slightly confident"),
    (3, "3 – Fairly confident"),
    (4, "4 – Confident"),
    (5, "5 – Very confident"),
]
USEFULNESS = [
    (1, "1 – Not useful"),
    (2, "2 – Slightly useful"),
    (3, "3 – Fairly useful"),
    (4, "4 – Useful"),
    (5, "5 – Very useful"),
]


def _scale(label: str, choices: list[tuple[int, str]], what: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": f"Choose how {what}", "invalid_choice": f"Choose how {what}"},
    )


class EvaluationForm(forms.Form):
    """How the learner rates the course just completed (the "confidence uplift" measure comes from this)."""

    confidence_before = _scale(
        "Before the course, how confident did you feel about this subject in your work?",
        CONFIDENCE,
        "confident you felt before the course",
    )
    confidence_after = _scale("How confident do you feel now?", CONFIDENCE, "confident you feel now, after the course")
    usefulness = _scale("How useful was the course for your work?", USEFULNESS, "useful the course was")
    comment = forms.CharField(
        label="Anything else you would like to tell us?",
        help_text="Up to 1,000 characters. Please do not include anything that could identify a person you support.",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class FollowUpForm(forms.Form):
    """Three months on: has the learning been used, and how confident is the learner now?"""

    used = forms.ChoiceField(
        label="Since the course, have you used what you learned in your work?",
        choices=[("not_yet", "Not yet"), ("once", "Once"), ("several", "Several times")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether you have used what you learned"},
    )
    confidence_now = _scale(
        "How confident do you feel about this subject in your work now?", CONFIDENCE, "confident you feel now"
    )
    example = forms.CharField(
        label="An example, if you would like to give one (optional)",
        help_text="Up to 500 characters. Do not write anything that could identify a person: no names, places, "
        "dates or details of anyone you have supported.",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
