"""Wagtail admin screens for training managers: applications, champions, event registers and the activity log.

Thin views: each checks its permission on the server, parses the request,
calls a service or selector, and renders inside the Wagtail admin.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.views.generic import BaseListingView
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.reports import ReportView

from courses.certificates import selectors as certificate_selectors
from home.admin_permissions import PolicyCheckedAdminView, PolicyCheckedMixin
from home.pagination import ClampedPageMixin
from home.spreadsheets import FormulaSafeExportMixin

from . import agreements, selectors, services
from .forms import AttendanceImportForm, DeclineForm, PaperAgreementForm
from .models import ChampionProfile, ChampionStatus, NetworkEvent
from .permissions import activity_policy, attendance_policy, champion_policy

ADMIN_PAGE_SIZE = 50


class ChampionAdminView(PolicyCheckedAdminView):
    """A champion network screen (see ``PolicyCheckedAdminView``)."""


def _parse_day(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat((value or "").strip())
    except ValueError:
        return None


class ChampionListView(ClampedPageMixin, PolicyCheckedMixin, BaseListingView):
    """Applications to review first, then every champion by status (Wagtail's listing view paginates, ``?p=``)."""

    permission_policy = champion_policy
    permission_required = "view"
    template_name = "champions/admin/champion_list.html"
    page_title = "Champions"
    header_icon = "group"
    paginate_by = ADMIN_PAGE_SIZE

    @cached_property
    def status(self) -> str:
        status = self.request.GET.get("status", ChampionStatus.APPLIED)
        return status if status in ChampionStatus.values or status in ("all", "unconfirmed") else ChampionStatus.APPLIED

    def get_base_queryset(self):
        if self.status == "unconfirmed":
            return selectors.unconfirmed_champions()
        return selectors.champions_by_status(None if self.status == "all" else self.status)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            status=self.status,
            statuses=ChampionStatus.choices,
            champions=context["page_obj"],
            query_string=f"status={self.status}",
        )
        return context


class ChampionReviewView(ChampionAdminView):
    """One champion: details, certificate, history; approve or decline an application (with a reason)."""

    permission_policy = champion_policy
    permission_required = "view"
    template_name = "champions/admin/champion_review.html"
    page_title = "Champion"
    parent_breadcrumbs = (("champions_admin:champions", "Champions"),)
    header_icon = "user"

    def load(self, **kwargs) -> None:
        self.profile = get_object_or_404(
            ChampionProfile.objects.select_related("user__organisation__sector", "user__district"), pk=kwargs["pk"]
        )

    def get_page_title(self):
        # The visible title names the person (Wagtail hides a breadcrumb's sublabel on screen).
        kind = "Application" if self.profile.status == ChampionStatus.APPLIED else "Champion"
        return f"{kind}: {self.profile.user}"

    def get_context_data(self, decline_form=None, paper_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        certificate = certificate_selectors.valid_champion_certificate(self.profile.user)
        applied = self.profile.status == ChampionStatus.APPLIED
        context.update(
            agreement=agreements.current_agreement(self.profile),
            agreement_problem=agreements.approval_problem(self.profile) if applied else None,
            paper_form=paper_form or PaperAgreementForm(),
            agreements=self.profile.agreements.select_related("recorded_by").order_by("-requested_at", "-pk"),
            profile=self.profile,
            certificate=certificate,
            champion_courses=certificate_selectors.champion_training_courses(),
            history=selectors.status_history(self.profile),
            can_decide=champion_policy.user_has_permission(self.request.user, "approve")
            and self.profile.status == ChampionStatus.APPLIED,
            decline_form=decline_form or DeclineForm(),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not champion_policy.user_has_permission(request.user, "approve"):
            raise PermissionDenied
        action = request.POST.get("action")
        decline_form = paper_form = None
        try:
            if action == "paper":
                paper_form = PaperAgreementForm(request.POST)
                if paper_form.is_valid():
                    note = paper_form.cleaned_data["note"]
                    agreements.record_paper_agreement(self.profile, by=request.user, note=note)
                    messages.success(request, "The paper agreement was recorded: you can now approve the application.")
                    return redirect(reverse("champions_admin:champion", args=[self.profile.pk]))
                raise services.ChampionError("The paper agreement was not recorded: add a note.")
            if action == "send_again":
                agreement = agreements.send_again(self.profile)
                messages.success(request, f"A new link was emailed to {agreement.manager_name}.")
                return redirect(reverse("champions_admin:champion", args=[self.profile.pk]))
            if action == "approve":
                services.approve(self.profile, by=request.user)
                messages.success(request, f"{self.profile.user} is now an active champion. They have been emailed.")
                return redirect(reverse("champions_admin:champion", args=[self.profile.pk]))
            if action == "decline":
                decline_form = DeclineForm(request.POST)
                if decline_form.is_valid():
                    services.decline(self.profile, by=request.user, reason=decline_form.cleaned_data["reason"])
                    messages.success(request, f"The application was declined and {self.profile.user} was emailed why.")
                    return redirect(reverse("champions_admin:champion", args=[self.profile.pk]))
            else:
                messages.error(request, "Choose approve, decline, or record a paper agreement.")
        except services.ChampionError as error:
            messages.error(request, str(error))
        self.profile.refresh_from_db()
        return self.render_to_response(self.get_context_data(decline_form=decline_form, paper_form=paper_form))


class EventRegisterView(ChampionAdminView):
    """Tick who attended a network event, or import attendance from a CSV file (all or nothing)."""

    permission_policy = attendance_policy
    permission_required = "add"
    template_name = "champions/admin/event_register.html"
    page_title = "Register"
    header_icon = "tasks"

    def load(self, **kwargs) -> None:
        self.event = get_object_or_404(NetworkEvent.objects.select_related("district"), pk=kwargs["pk"])

    def get_page_title(self):
        return f"Register: {self.event}"

    def get_context_data(self, import_form=None, import_errors=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            event=self.event,
            register=selectors.event_register(self.event),
            import_form=import_form or AttendanceImportForm(),
            import_errors=import_errors or [],
            events_url=reverse("network_events:index"),
        )
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "import":
            form = AttendanceImportForm(request.POST, request.FILES)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(import_form=form))
            try:
                added = services.import_attendance(self.event, form.cleaned_data["file"].read(), by=request.user)
            except services.ImportErrors as error:
                messages.error(request, str(error))
                return self.render_to_response(self.get_context_data(import_form=form, import_errors=error.errors))
            messages.success(request, f"Imported: {added} attendee{'s' if added != 1 else ''} added.")
            return redirect(request.path)
        ticked = {int(pk) for pk in request.POST.getlist("attended") if pk.isdigit()}
        eligible = {person.pk: person for person, _ in selectors.event_register(self.event)}
        added, removed = services.set_register(
            self.event, [eligible[pk] for pk in ticked if pk in eligible], by=request.user
        )
        messages.success(request, f"Register saved: {added} added, {removed} removed.")
        return redirect(request.path)


class ActivityLogView(ClampedPageMixin, FormulaSafeExportMixin, PolicyCheckedMixin, ReportView):
    """Every champion's logged activity, filterable by date, with a CSV export of the same rows.

    Wagtail's ``ReportView``: it paginates the listing and writes the export (``list_export``), each cell
    through the formula guard. Each date that does not parse is ignored on its own, with a message.
    """

    permission_policy = activity_policy
    permission_required = "view"
    template_name = "champions/admin/activity_log.html"
    page_title = "Champion activity"
    header_icon = "list-ul"
    paginate_by = ADMIN_PAGE_SIZE
    FORMATS = (SpreadsheetExportMixin.FORMAT_CSV,)
    show_export_buttons = False  # the screen's own "Download as CSV" button sends the dates with it
    list_export = [
        "activity_date",
        "user.full_name",
        "user.email",
        "organisation.name",
        "district.name",
        "get_kind_display",
        "topic.name",
        "people_reached",
        "note",
    ]
    export_headings = {
        "activity_date": "date",
        "user.full_name": "champion",
        "user.email": "champion_email",
        "organisation.name": "organisation",
        "district.name": "district",
        "get_kind_display": "kind",
        "topic.name": "topic",
        "people_reached": "people_reached",
        "note": "note",
    }

    @cached_property
    def dates(self) -> tuple[datetime.date | None, datetime.date | None]:
        return _parse_day(self.request.GET.get("from")), _parse_day(self.request.GET.get("to"))

    def get_base_queryset(self):
        return selectors.activity_log(*self.dates)

    def get_filename(self):
        return f"champion-activity-{timezone.localdate()}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        start, end = self.dates
        context.update(
            activities=context["page_obj"],
            start=start,
            end=end,
            bad_dates=[
                label
                for label, key, parsed in (("From", "from", start), ("To", "to", end))
                if self.request.GET.get(key) and parsed is None
            ],
            query_string=urlencode({k: self.request.GET[k] for k in ("from", "to") if self.request.GET.get(k)}),
        )
        return context

    def get(self, request, *args, **kwargs):
        if self.is_export:
            # Straight to the file: building the page first would read every row into memory.
            return self.as_spreadsheet(self.get_filtered_queryset(), request.GET["export"])
        return super().get(request, *args, **kwargs)
