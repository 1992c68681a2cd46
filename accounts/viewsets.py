"""Wagtail admin for people: our User has a full name, organisation and district, not first/last names.

Least privilege (see accounts.roles): only a superuser sees the superuser flag and the groups (roles) on the
forms, and only a superuser can list, edit, delete or bulk-change a staff member's account. A training
manager, who has the user permissions, manages learners' accounts only: a staff member's pages are a 404,
and a crafted POST of ``is_superuser`` or ``groups`` is ignored because the manager's form has no such fields.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from wagtail.admin.views.generic import usage
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as wagtail_users

from .models import User
from .selectors import accounts_managed_by

PROFILE_FIELDS = ["full_name", "job_title", "organisation", "district"]


class UserPermissionPolicy(ModelPermissionPolicy):
    """Wagtail's model permissions for users, narrowed to learners' accounts for anyone but a superuser.

    Registered for the User model in ``accounts.apps.WagtailUsersConfig``, so that Wagtail's own checks (the
    delete buttons, bulk actions' per-user checks, the user search area) apply the same rule as our views.
    """

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return user.is_superuser or accounts_managed_by(user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return accounts_managed_by(user)


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


class LearnerCreateForm(UserCreateForm):
    """A training manager's form: no superuser flag, no roles."""

    is_superuser = None

    class Meta(UserCreateForm.Meta):
        fields = ["email", *PROFILE_FIELDS]


class LearnerChangeForm(UserChangeForm):
    """A training manager's form for a learner's account: no superuser flag, no roles."""

    is_superuser = None

    class Meta(UserChangeForm.Meta):
        fields = ["email", *PROFILE_FIELDS, "is_active"]


class _ManagedAccountsMixin:
    """Only the accounts the signed-in person may manage can be opened (others are a 404)."""

    def get_queryset(self):
        return accounts_managed_by(self.request.user)


class IndexView(wagtail_users.IndexView):
    def get_base_queryset(self):
        users = super().get_base_queryset()
        if self.request.user.is_superuser:
            return users
        return users.filter(pk__in=accounts_managed_by(self.request.user).values("pk"))


class CreateView(wagtail_users.CreateView):
    def get_form_class(self):
        return UserCreateForm if self.request.user.is_superuser else LearnerCreateForm


class EditView(_ManagedAccountsMixin, wagtail_users.EditView):
    def get_form_class(self):
        return UserChangeForm if self.request.user.is_superuser else LearnerChangeForm


class DeleteView(_ManagedAccountsMixin, wagtail_users.DeleteView):
    pass


class _ManagedAccountListingMixin:
    """For the listings about one account (its history, its usage): they list log entries or references (their
    get_queryset), and look the account up here."""

    def get_base_object_queryset(self):
        return accounts_managed_by(self.request.user)


class HistoryView(_ManagedAccountListingMixin, wagtail_users.HistoryView):
    pass


class UsageView(_ManagedAccountListingMixin, usage.UsageView):
    pass


class UserViewSet(wagtail_users.UserViewSet):
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView

    def get_form_class(self, for_update=False):
        return UserChangeForm if for_update else UserCreateForm


def refuse_bulk_changes_to_staff(request, action_type, objects, action_class_instance):
    """``before_bulk_action`` hook: Wagtail's user bulk actions (assign role, set active state, delete) check
    only the model permission per user, so a non-superuser could give anyone a role or deactivate a
    superuser. Only a superuser may assign roles, or act on a staff member's account."""
    if getattr(action_class_instance, "model", None) is not User or request.user.is_superuser:
        return None
    if action_type == "assign_role":
        raise PermissionDenied
    managed = set(accounts_managed_by(request.user).filter(pk__in=[o.pk for o in objects]).values_list("pk", flat=True))
    if any(o.pk not in managed for o in objects):
        raise PermissionDenied
    return None
