"""The catalogue's forms: its filters, and a module's knowledge check as a learner answers it.

They render through the site's accessible form templates (``{{ form }}``): radios
and checkboxes inside fieldsets with legends, errors next to each field and in a
summary at the top.
"""

from __future__ import annotations

import random

from django import forms

from home.forms import SearchField

from .models import Delivery, Level
from .selectors import CatalogueFilters, topics


class CatalogueFilterForm(forms.Form):
    """The catalogue's search and filters (GET). Unknown values are dropped, never an error."""

    q = SearchField(label="Search courses", required=False, max_length=100)
    topic = forms.ChoiceField(label="Topic", required=False)
    level = forms.ChoiceField(label="Level", required=False, choices=[("", "Any level"), *Level.choices])
    delivery = forms.ChoiceField(
        label="How it is delivered", required=False, choices=[("", "Any delivery"), *Delivery.choices]
    )

    def __init__(self, *args, topic_choices: list[tuple[str, str]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if topic_choices is None:
            topic_choices = [(topic.slug, topic.name) for topic in topics()]
        self.fields["topic"].choices = [("", "Any topic"), *topic_choices]
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})
        self.fields["q"].widget.input_type = "search"

    def filters(self) -> CatalogueFilters:
        """The valid filters given; a value that is not one of the choices is ignored."""
        self.is_valid()
        values = {}
        for name in ("q", "topic", "level", "delivery"):
            value = self.cleaned_data.get(name, "") if name not in self.errors else ""
            values["query" if name == "q" else name] = (value or "").strip()
        return CatalogueFilters(**values)


class KnowledgeCheckForm(forms.Form):
    """One fieldset per question: radios for a single answer, checkboxes for "tick all that apply".

    Built from the knowledge-check block, but only from its questions' and options' text: which options
    are correct, and the feedback, never reach the form (the answers are marked on the server).
    """

    block_id = forms.CharField(widget=forms.HiddenInput)
    submission_key = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, check: dict, *args, shuffle_seed: str | None = None, **kwargs):
        """``shuffle_seed`` (for a check that shuffles its options) orders each question's options: the same
        seed gives the same order. An option's value is its place in the block whatever the order shown, so
        marking goes by which option was chosen, never by where it appeared."""
        super().__init__(*args, **kwargs)
        self.question_count = len(check["questions"])
        for index, question in enumerate(check["questions"]):
            number = index + 1
            choices = [(str(i), option["text"]) for i, option in enumerate(question["options"])]
            if shuffle_seed is not None:
                random.Random(f"{shuffle_seed}:{index}").shuffle(choices)
            if question["multiple"]:
                field = forms.MultipleChoiceField(
                    label=f"{number}. {question['text']}",
                    help_text="Select all that apply.",
                    choices=choices,
                    widget=forms.CheckboxSelectMultiple,
                    error_messages={
                        "required": f"Select at least one answer to question {number}",
                        "invalid_choice": f"Question {number}: choose from the options given",
                    },
                )
            else:
                field = forms.ChoiceField(
                    label=f"{number}. {question['text']}",
                    choices=choices,
                    widget=forms.RadioSelect,
                    error_messages={
                        "required": f"Choose an answer to question {number}",
                        "invalid_choice": f"Question {number}: choose one of the options given",
                    },
                )
            self.fields[self.question_field(index)] = field

    @staticmethod
    def question_field(index: int) -> str:
        return f"question_{index + 1}"

    def answers(self) -> dict[int, list[int]]:
        """Question index -> chosen option indexes (after is_valid())."""
        answers = {}
        for index in range(self.question_count):
            value = self.cleaned_data[self.question_field(index)]
            answers[index] = sorted(int(choice) for choice in (value if isinstance(value, list) else [value]))
        return answers
