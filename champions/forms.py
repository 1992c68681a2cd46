"""Forms of the champion network. Every one renders accessibly through templates/forms/ with ``{{ form }}``."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from accounts.models import District
from courses.models import Topic

from .models import ACTIVITY_NOTE_MAX, PEOPLE_REACHED_MAX, ChampionActivity, ChampionProfile, Language
from .selectors import DirectoryQuery
from .services import MESSAGE_MAX_CHARS


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
    kind = forms.ChoiceField(label="What did you do?", choices=ChampionActivity.Kind.choices, widget=forms.RadioSelect)
    activity_date = forms.DateField(
        label="Date",
        help_text="For example, 27 3 2026 or 2026-03-27.",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter a real date, like 2026-03-27."},
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
        if day > timezone.localdate():
            raise forms.ValidationError("The date cannot be in the future.")
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


class DirectoryFilterForm(forms.Form):
    """The directory's search and filters, shown with what was asked for (always unbound: nothing to reject)."""

    q = forms.CharField(label="Search by name, organisation or keyword", required=False, max_length=200)
    district = forms.ChoiceField(label="District", required=False)
    sector = forms.ChoiceField(label="Sector", required=False)
    organisation = forms.ChoiceField(label="Organisation", required=False)
    specialism = forms.ChoiceField(label="Specialism", required=False)
    language = forms.ChoiceField(label="Language", required=False)
    sort = forms.ChoiceField(label="Sort by", required=False, choices=SORT_CHOICES)

    # filter name -> (key in directory_filter_options(), attribute used as the value in the URL)
    FILTERS = {
        "district": ("districts", "slug"),
        "sector": ("sectors", "slug"),
        "organisation": ("organisations", "pk"),
        "specialism": ("specialisms", "slug"),
        "language": ("languages", "slug"),
    }

    def __init__(self, options: dict[str, list], query: DirectoryQuery):
        initial = {"q": query.text, "sort": query.sort}
        for name, (_, attr) in self.FILTERS.items():
            chosen = getattr(query, name)
            if chosen is not None:
                initial[name] = str(getattr(chosen, attr))
        super().__init__(initial=initial)
        for name, (option_key, attr) in self.FILTERS.items():
            self.fields[name].choices = [("", "Any")] + [(str(getattr(o, attr)), str(o)) for o in options[option_key]]

    @classmethod
    def parse(cls, params, options: dict[str, list]) -> DirectoryQuery:
        """Read the query string: known filters are applied; unknown values are listed in ``ignored`` (by label)."""
        ignored, chosen = [], {}
        for name, (option_key, attr) in cls.FILTERS.items():
            value = (params.get(name) or "").strip()
            if not value:
                continue
            match = next((o for o in options[option_key] if str(getattr(o, attr)) == value), None)
            if match is None:
                ignored.append(str(cls.base_fields[name].label).lower())
            else:
                chosen[name] = match
        text = (params.get("q") or "").strip()[:200]
        sort = params.get("sort") if params.get("sort") in dict(SORT_CHOICES) else "relevance"
        return DirectoryQuery(text=text, sort=sort, ignored=ignored, **chosen)
