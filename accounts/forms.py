from itertools import groupby

from django import forms
from django.forms.models import ModelChoiceIterator

from home.text import validate_no_control_characters

from .models import District, User
from .selectors import organisations_by_sector


class SignupExtraForm(forms.Form):
    """The fields allauth's sign-up form does not have: the person's name."""

    full_name = forms.CharField(
        max_length=150,
        label="Full name",
        help_text="As it should appear on your certificates.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        validators=[validate_no_control_characters],
    )

    field_order = ["email", "full_name", "password1", "password2"]

    def signup(self, request, user):
        user.full_name = self.cleaned_data["full_name"].strip()
        user.save(update_fields=["full_name"])


class _BySectorIterator(ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for sector, organisations in groupby(self.queryset, key=lambda o: o.sector.name):
            yield (sector, [self.choice(o) for o in organisations])


class GroupedOrganisationField(forms.ModelChoiceField):
    """Organisations in optgroups by sector, so 30+ names stay findable."""

    iterator = _BySectorIterator


class ProfileForm(forms.ModelForm):
    organisation = GroupedOrganisationField(
        queryset=organisations_by_sector(),
        empty_label="Choose your organisation",
        help_text="The organisation you work for. If it is not listed, choose the nearest and tell your training "
        "manager.",
    )
    district = forms.ModelChoiceField(
        queryset=District.objects.all(),
        label="Work district",
        empty_label="Choose the district you work in",
        help_text="Where you work, not where you live. Choose Countywide if your role covers the whole county.",
    )

    class Meta:
        model = User
        fields = ["full_name", "job_title", "organisation", "district"]
        help_texts = {"full_name": "As it should appear on your certificates."}
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("full_name", "job_title"):
            self.fields[name].required = True

    def clean_full_name(self):
        return self.cleaned_data["full_name"].strip()

    def clean_job_title(self):
        return self.cleaned_data["job_title"].strip()
