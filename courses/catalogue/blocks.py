"""StreamField blocks for module bodies, including the knowledge check."""

from django import forms
from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from home.blocks import StandardStreamBlock


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300)
    correct = blocks.BooleanBlock(required=False, help_text="Tick every correct option.")

    class Meta:
        icon = "radio-full"


class QuestionBlock(blocks.StructBlock):
    text = blocks.TextBlock(help_text="The question, as the learner reads it.")
    multiple = blocks.BooleanBlock(
        required=False,
        label="Tick all that apply",
        help_text="Learners choose every correct option (and no others). Otherwise exactly one option is correct.",
    )
    options = blocks.ListBlock(OptionBlock(), min_num=2, max_num=8)
    feedback = blocks.TextBlock(help_text="Shown after the learner answers: explain the right answer.")

    class Meta:
        icon = "help"

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for option in value["options"] if option["correct"])
        if correct == 0:
            raise StructBlockValidationError(
                block_errors={"options": ValidationError("Mark at least one option as correct.")}
            )
        if correct > 1 and not value["multiple"]:
            raise StructBlockValidationError(
                block_errors={
                    "options": ValidationError(
                        "Only one option can be correct unless the question is 'tick all that apply'."
                    )
                }
            )
        return value


# What a learner is shown after an attempt, besides the score (always shown), as Moodle's quiz "review
# options" do. After a failed attempt the right answers stay hidden by default: shown then, the retry would
# test only the learner's memory of them.
REVIEW_WHICH_WRONG = "which_wrong"
REVIEW_FEEDBACK = "feedback"
REVIEW_RIGHT_ANSWERS = "right_answers"
REVIEW_CHOICES = [
    (REVIEW_WHICH_WRONG, "Which questions were right and which wrong, with the learner's answers"),
    (REVIEW_FEEDBACK, "Each question's feedback"),
    (REVIEW_RIGHT_ANSWERS, "The right answers"),
]
REVIEW_AFTER_FAIL_DEFAULT = [REVIEW_WHICH_WRONG]
REVIEW_AFTER_PASS_DEFAULT = [REVIEW_WHICH_WRONG, REVIEW_FEEDBACK, REVIEW_RIGHT_ANSWERS]


class KnowledgeCheckBlock(blocks.StructBlock):
    """Questions marked on the server: the correct answers never reach the browser before submission."""

    title = blocks.CharBlock(default="Check your understanding", max_length=120)
    pass_mark = blocks.IntegerBlock(
        min_value=1, max_value=100, default=80, help_text="Percent of questions answered fully correctly to pass."
    )
    questions = blocks.ListBlock(QuestionBlock(), min_num=1)
    review_after_fail = blocks.MultipleChoiceBlock(
        choices=REVIEW_CHOICES,
        default=REVIEW_AFTER_FAIL_DEFAULT,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="After a failed attempt, show",
        help_text="The score is always shown; tick nothing to show the score only. Showing the right answers "
        "or the feedback after a failed attempt lets the next attempt test memory rather than understanding.",
    )
    review_after_pass = blocks.MultipleChoiceBlock(
        choices=REVIEW_CHOICES,
        default=REVIEW_AFTER_PASS_DEFAULT,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="After a pass, show",
        help_text="The score is always shown; tick nothing to show the score only.",
    )
    shuffle_options = blocks.BooleanBlock(
        required=False,
        default=False,
        help_text="Show each question's options in a different order for each attempt.",
    )

    class Meta:
        icon = "tasks"
        label = "Knowledge check"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(required=False, help_text="Link text; the document's own title if blank.")

    class Meta:
        icon = "doc-full"
        template = "components/document_block.html"


class ModuleStreamBlock(StandardStreamBlock):
    document = DocumentBlock()
    knowledge_check = KnowledgeCheckBlock()

    class Meta:
        block_counts = {"knowledge_check": {"max_num": 1}}
