"""Sessions in the Wagtail admin: training managers manage every session, trainers edit only their own.

A ``ModelViewSet`` whose edit form has the dates inline (the session is a ``ClusterableModel``). The form
refuses what would break a booking: a capacity below the number booked, dates that end before they start or
overlap, a joining link that is not http(s). A session with bookings is never deleted (cancel it instead).
Saving a session whose dates or venue moved raises its calendar SEQUENCE and tells those booked
(``services.session_saved``).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.validators import URLValidator
from django.shortcuts import redirect
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.models import User
from accounts.roles import TRAINERS

from . import services
from .models import SEAT_STATUSES, TrainingSession


class SessionPermissionPolicy(ModelPermissionPolicy):
    """Training managers (who may add sessions) act on every session; anyone else only on sessions they teach."""

    def _manages_all(self, user) -> bool:
        return user.is_active and (user.is_superuser or super().user_has_permission(user, "add"))

    def user_has_permission(self, user, action):
        if action == "delete" and not self._manages_all(user):
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return self._manages_all(user) or instance.trainers.filter(pk=user.pk).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return TrainingSession.objects.none()
        if self._manages_all(user):
            return TrainingSession.objects.all()
        return TrainingSession.objects.filter(trainers=user)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


permission_policy = SessionPermissionPolicy(TrainingSession)
register_permission_policy(TrainingSession, permission_policy, exact_class=True)

http_url = URLValidator(schemes=["http", "https"], message="Enter a joining link starting with https:// or http://.")


class TrainingSessionForm(WagtailAdminModelForm):
    """The session with its dates; refuses what would break bookings, with a message and nothing saved."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "trainers" in self.fields:
            self.fields["trainers"].queryset = (
                User.objects.filter(groups__name=TRAINERS, is_active=True).order_by("full_name").distinct()
            )
            self.fields["trainers"].widget = forms.CheckboxSelectMultiple(choices=self.fields["trainers"].choices)
        if "joining_url" in self.fields:
            # A plain text field with one validator: only http(s) links, with one clear message.
            model_field = self.fields["joining_url"]
            self.fields["joining_url"] = forms.CharField(
                label=model_field.label,
                help_text=model_field.help_text,
                required=False,
                max_length=500,
                validators=[http_url],
            )
        self._before = services.schedule_snapshot(self.instance) if self.instance.pk else None

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if self.instance.pk:
            booked = self.instance.bookings.filter(status__in=SEAT_STATUSES).count()
            if capacity < booked:
                raise forms.ValidationError(
                    f"{booked} people are booked: the capacity cannot be less than that. Cancel bookings first."
                )
        return capacity

    def clean_joining_url(self):
        url = self.cleaned_data.get("joining_url", "")
        if url and not url.lower().startswith(("https://", "http://")):
            raise forms.ValidationError("Enter a joining link starting with https:// or http://.")
        return url

    def is_valid(self):
        valid = super().is_valid()
        formset = self.formsets.get("dates")
        if formset is None:
            return valid
        # Checked even when the formset has other errors, so that a date ending before it starts is named
        # in words rather than only by the database constraint's name.
        valid = formset.is_valid() and valid
        spans = []
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE") or not data.get("starts_at") or not data.get("ends_at"):
                continue
            starts_at, ends_at = data["starts_at"], data["ends_at"]
            if ends_at <= starts_at:
                form.add_error("ends_at", "A date must end after it starts.")
                valid = False
            spans.append((starts_at, ends_at))
        if not spans:
            self.add_error(None, "A session needs at least one date.")
            return False
        spans.sort()
        for (_start, end), (next_start, _end) in zip(spans, spans[1:], strict=False):
            if next_start < end:
                self.add_error(None, "Two of the dates overlap: each date must end before the next starts.")
                return False
        return valid

    def save(self, commit=True):
        session = super().save(commit=commit)
        if commit:
            services.session_saved(session, self._before, by=getattr(self, "for_user", None))
        return session


class SessionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            permission_policy.instances_user_has_permission_for(self.request.user, "change")
            .select_related("course", "district")
            .order_by("-starts_at", "-pk")
        )


class SessionEditView(generic.EditView):
    def get_queryset(self):
        return permission_policy.instances_user_has_permission_for(self.request.user, "change")

    def save_instance(self):
        # The form saves the dates and tells people; see TrainingSessionForm.save.
        return super().save_instance()


class OwnSessionMixin:
    """A session's history and usage pages: only for sessions the person may change (others are a 404)."""

    def get_base_object_queryset(self):
        return permission_policy.instances_user_has_permission_for(self.request.user, "change")


class SessionHistoryView(OwnSessionMixin, generic.HistoryView):
    pass


class SessionUsageView(OwnSessionMixin, generic.UsageView):
    pass


class SessionDeleteView(generic.DeleteView):
    def get_queryset(self):
        return permission_policy.instances_user_has_permission_for(self.request.user, "delete")

    def dispatch(self, request, *args, **kwargs):
        session = self.get_object()
        if session.bookings.exists():
            messages.error(request, "This session has bookings, so it cannot be deleted. Cancel it instead.")
            return redirect(self.edit_url_name, session.pk)
        return super().dispatch(request, *args, **kwargs)


class TrainingSessionViewSet(ModelViewSet):
    model = TrainingSession
    icon = "date"
    menu_label = "Training sessions"
    menu_order = 210
    add_to_admin_menu = True
    url_prefix = "training-sessions"
    name = "training_sessions"
    index_view_class = SessionIndexView
    edit_view_class = SessionEditView
    delete_view_class = SessionDeleteView
    history_view_class = SessionHistoryView
    usage_view_class = SessionUsageView
    list_display = [
        "__str__",
        Column("district", label="District"),
        Column("capacity", label="Capacity"),
        Column("needs_approval", label="Needs approval"),
    ]
    list_filter = ["course", "district", "needs_approval"]
    search_fields = None
    edit_handler = ObjectList(
        [
            FieldPanel("course"),
            FieldPanel("title"),
            InlinePanel("dates", label="Dates", min_num=1, panels=[FieldPanel("starts_at"), FieldPanel("ends_at")]),
            MultiFieldPanel(
                [
                    FieldPanel("district"),
                    FieldPanel("venue_name"),
                    FieldPanel("venue_address"),
                    FieldPanel("access_notes"),
                    FieldPanel("joining_url"),
                ],
                heading="Where",
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("capacity"), FieldPanel("waitlist_enabled")]),
                    FieldRowPanel([FieldPanel("booking_opens_at"), FieldPanel("booking_closes_at")]),
                    FieldPanel("needs_approval"),
                ],
                heading="Booking",
            ),
            FieldPanel("trainers"),
            FieldPanel("notes_for_learners"),
        ],
        base_form_class=TrainingSessionForm,
    )

    @property
    def permission_policy(self):
        return permission_policy


session_viewset = TrainingSessionViewSet()
