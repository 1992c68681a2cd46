"""Forms of the champion network. Every one renders accessibly through templates/forms/ with ``{{ form }}``."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from accounts.models import District
from courses.models import Topic
from home.text import clean_search_text

from .models import ACTIVITY_NOTE_MAX, PEOPLE_REACHED_MAX, ChampionActivity, ChampionProfile, Language
from .selectors import DirectoryQuery
from .services import MESSAGE_MAX_CHARS, activity_date_problem


class ChampionProfileForm(forms.ModelForm):
    specialisms = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.order_by("sort_order"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Specialisms",
        help_text="The kinds of abuse you can advise colleagues about.",
    )
    languages = forms.ModelMultipleChoiceField(
        queryset=Language.objects.order_by("sort_order"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Languages you can support colleagues in",
    )
    districts = forms.ModelMultipleChoiceField(
        queryset=District.objects.order_by("sort_order"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Districts covered",
        help_text="Where colleagues can come to you. Countywide champions appear under every district.",
    )

    class Meta:
        model = ChampionProfile
        fields = [
            "bio",
            "specialisms",
            "languages",
            "districts",
            "visible_in_directory",
            "share_contact_details",
            "work_email",
            "work_phone",
        ]
        labels = {"bio": "About you as a champion", "work_phone": "Work phone"}
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "work_email": "Shown only to other active champions, and only if you choose to share. "
            "Leave blank to use your sign-in address.",
            "work_phone": "Shown only to other active champions, and only if you choose to share.",
        }

    def clean_work_phone(self) -> str:
        phone = " ".join(self.cleaned_data["work_phone"].split())
        digits = [c for c in phone if c.isdigit()]
        if phone and (len(digits) < 10 or len(digits) > 15 or any(c not in "0123456789 +()-" for c in phone)):
            raise forms.ValidationError("Enter a phone number, like 01223 456789 or +44 1223 456789.")
        return phone

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("share_contact_details") and not (
            cleaned.get("work_email") or cleaned.get("work_phone") or self.instance.user.email
        ):
            self.add_error("share_contact_details", "Give a work email or phone to share.")
        return cleaned


class ActivityForm(forms.Form):
    kind = forms.ChoiceField(
        label="What did you do?",
        choices=ChampionActivity.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what you did", "invalid_choice": "Choose what you did"},
    )
    activity_date = forms.DateField(
        label="Date of the activity",
        help_text="Today or a day in the last two years.",
        # The value in ISO form (yyyy-mm-dd): the only form a browser's date input shows; it displays the date
        # in the person's own format, so the hint names no format.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Enter the date of the activity",
            "invalid": "Enter the date of the activity as a real date, like 2026-03-27",
        },
    )
    topic = forms.ModelChoiceField(
        label="Topic",
        queryset=Topic.objects.order_by("sort_order"),
        required=False,
        empty_label="General (no single topic)",
    )
    people_reached = forms.IntegerField(
        label="Number of people reached",
        min_value=1,
        max_value=PEOPLE_REACHED_MAX,
        help_text=f"A count between 1 and {PEOPLE_REACHED_MAX:,}: for advice to one colleague, 1.",
        error_messages={
            "required": "Enter the number of people reached",
            "min_value": "The number of people reached must be at least 1.",
            "max_value": f"The number of people reached must be {PEOPLE_REACHED_MAX:,} or fewer.",
            "invalid": "Enter the number of people as a whole number, like 12.",
        },
    )
    note = forms.CharField(
        label="Short note",
        required=False,
        max_length=ACTIVITY_NOTE_MAX,
        widget=forms.TextInput(),
        help_text=f"Up to {ACTIVITY_NOTE_MAX} characters, such as “team meeting” or “staff briefing”. "
        "Do not enter anything that could identify a victim or survivor: no names, ages, addresses or case details.",
    )

    def clean_activity_date(self):
        day = self.cleaned_data["activity_date"]
        if problem := activity_date_problem(day):
            raise forms.ValidationError(problem)
        return day


class ContactForm(forms.Form):
    message = forms.CharField(
        label="Your message",
        max_length=MESSAGE_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="The champion receives it by email with your name and organisation, and replies to your work "
        "email address. Do not include details that identify a victim or survivor. If someone is in immediate "
        "danger, call 999.",
        error_messages={"required": "Enter your message."},
    )

    def clean_message(self) -> str:
        message = self.cleaned_data["message"].strip()
        if not message:
            raise forms.ValidationError("Enter your message.")
        return message


class ApplyForm(forms.Form):
    """Applying to be a champion: the line manager who is asked to agree to the role."""

    manager_name = forms.CharField(
        label="Your line manager's name",
        max_length=150,
        error_messages={"required": "Enter your line manager's name."},
    )
    manager_email = forms.EmailField(
        label="Your line manager's work email address",
        help_text="We email them the champion role agreement to agree to: the time you are released for network "
        "meetings and for briefing colleagues. A training manager approves your application once they agree.",
        error_messages={
            "required": "Enter your line manager's work email address.",
            "invalid": "Enter your line manager's work email address, like name@organisation.org.",
        },
    )


class AgreementAnswerForm(forms.Form):
    """The line manager's answer on the agreement page (no account needed)."""

    decision = forms.ChoiceField(
        choices=[("agree", "Agree"), ("decline", "Decline")],
        error_messages={"required": "Choose agree or decline.", "invalid_choice": "Choose agree or decline."},
    )
    comment = forms.CharField(
        label="Comment (optional, if you decline)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Up to 500 characters, read by the partnership's training team.",
        error_messages={"max_length": "Keep your comment to 500 characters or fewer."},
    )


class PaperAgreementForm(forms.Form):
    note = forms.CharField(
        label="Note about the paper agreement",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Who signed it, when, and where the signed form is kept.",
        error_messages={
            "required": "Add a note about the paper agreement: who signed it, when, and where the form is kept."
        },
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label="Reason for declining",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Sent to the applicant by email.",
        error_messages={"required": "Give the reason for declining: it is sent to the applicant."},
    )


class AttendanceImportForm(forms.Form):
    file = forms.FileField(
        label="Attendance file (CSV)",
        help_text="A CSV file with a column headed ‘email’: one attendee per row. "
        "If any row has a problem, nothing is imported and every problem is listed with its line number.",
    )


SORT_CHOICES = [("relevance", "Relevance"), ("name", "Name")]


@dataclass
class FilterControl:
    name: str
    label: str
    choices: list[tuple[str, str]]
    selected: str

    @property
    def options_html(self) -> str:
        """The <option>s, escaped, built in Python: a template loop over a few hundred is slow."""
        return format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((value, mark_safe(" selected") if value == self.selected else "", label) for value, label in self.choices),
        )


class DirectoryFilters:
    """The directory's search and filters: read from the query string, and the controls to show them.

    Not a Django form: nothing is ever rejected (unknown values are dropped and named), and the select
    boxes are rendered with one template loop instead of one template per option, which matters with a
    few hundred organisations on every search.
    """

    # filter name -> (label, key in directory_filter_options(), attribute used as the value in the URL)
    FILTERS = {
        "district": ("District", "districts", "slug"),
        "sector": ("Sector", "sectors", "slug"),
        "organisation": ("Organisation", "organisations", "pk"),  # names are not unique enough for a URL
        "specialism": ("Specialism", "specialisms", "slug"),
        "language": ("Language", "languages", "slug"),
    }
    TEXT_MAX = 200

    @classmethod
    def parse(cls, params, options: dict[str, list]) -> DirectoryQuery:
        """Read the query string: known filters are applied; unknown values are listed in ``ignored`` (by label)."""
        ignored, chosen = [], {}
        for name, (label, option_key, attr) in cls.FILTERS.items():
            value = (params.get(name) or "").strip()
            if not value:
                continue
            match = next((o for o in options[option_key] if str(getattr(o, attr)) == value), None)
            if match is None:
                ignored.append(label.lower())
            else:
                chosen[name] = match
        text = clean_search_text(params.get("q"), cls.TEXT_MAX)
        sort = params.get("sort") if params.get("sort") in dict(SORT_CHOICES) else "relevance"
        countywide = next((d for d in options["districts"] if d.slug == "countywide"), None)
        return DirectoryQuery(
            text=text, sort=sort, ignored=ignored, countywide_id=countywide.pk if countywide else None, **chosen
        )

    @classmethod
    def controls(cls, options: dict[str, list], query: DirectoryQuery) -> list[FilterControl]:
        """One select box per filter, with what the query chose selected."""
        controls = []
        for name, (label, option_key, attr) in cls.FILTERS.items():
            chosen = getattr(query, name)
            controls.append(
                FilterControl(
                    name=name,
                    label=label,
                    choices=[(str(getattr(o, attr)), str(o)) for o in options[option_key]],
                    selected=str(getattr(chosen, attr)) if chosen is not None else "",
                )
            )
        return controls
