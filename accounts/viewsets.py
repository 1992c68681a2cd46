"""Wagtail admin for people: our User has a full name, organisation and district, not first/last names."""

from django import forms
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .models import User

PROFILE_FIELDS = ["full_name", "job_title", "organisation", "district"]


class _ProfileFieldsMixin(forms.ModelForm):
    first_name = None
    last_name = None


class UserCreateForm(_ProfileFieldsMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        model = User
        fields = ["email", *PROFILE_FIELDS, "is_superuser", "groups"]


class UserChangeForm(_ProfileFieldsMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        model = User
        fields = ["email", *PROFILE_FIELDS, "is_active", "is_superuser", "groups"]


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return UserChangeForm if for_update else UserCreateForm
