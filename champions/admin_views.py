"""Wagtail admin screens for training managers: applications, champions, event registers and the activity log.

Thin views: each checks its permission on the server, parses the request,
calls a service or selector, and renders inside the Wagtail admin.
"""

from __future__ import annotations

import csv
import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from courses.certificates import selectors as certificate_selectors
from home.pagination import get_page
from home.spreadsheets import formula_safe_row

from . import agreements, selectors, services
from .forms import AttendanceImportForm, DeclineForm, PaperAgreementForm
from .models import ChampionProfile, ChampionStatus, NetworkEvent

ADMIN_PAGE_SIZE = 50


class PermissionRequiredAdminView(WagtailAdminTemplateMixin, TemplateView):
    """An admin screen open only to users holding ``permission`` (checked on every request)."""

    permission = ""
    # The screens above this one, as (URL name, label), between "Home" and this screen's own title.
    parent_breadcrumbs: tuple[tuple[str, str], ...] = ()

    def get_breadcrumbs_items(self):
        # Wagtail's mixin gives only "Home", and its slim header shows the breadcrumbs as the visible title (the
        # page's h1 is for screen readers only): every screen here read "Home". End them with this screen.
        return [
            *self.breadcrumbs_items,
            *({"url": reverse(name), "label": label} for name, label in self.parent_breadcrumbs),
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        self.load(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def load(self, **kwargs) -> None:
        """Fetch what the screen is about (after the permission check, so a 404 tells outsiders nothing)."""


def _parse_day(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat((value or "").strip())
    except ValueError:
        return None


class ChampionListView(PermissionRequiredAdminView):
    """Applications to review first, then every champion by status."""

    permission = "champions.view_championprofile"
    template_name = "champions/admin/champion_list.html"
    page_title = "Champions"
    header_icon = "group"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", ChampionStatus.APPLIED)
        if status not in ChampionStatus.values and status not in ("all", "unconfirmed"):
            status = ChampionStatus.APPLIED
        if status == "unconfirmed":
            champions = selectors.unconfirmed_champions()
        else:
            champions = selectors.champions_by_status(None if status == "all" else status)
        context.update(
            status=status,
            statuses=ChampionStatus.choices,
            champions=get_page(Paginator(champions, ADMIN_PAGE_SIZE), self.request.GET.get("p")),
            query_string=f"status={status}",
        )
        return context


class ChampionReviewView(PermissionRequiredAdminView):
    """One champion: details, certificate, history; approve or decline an application (with a reason)."""

    permission = "champions.view_championprofile"
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
            can_decide=self.request.user.has_perm("champions.approve_championprofile")
            and self.profile.status == ChampionStatus.APPLIED,
            decline_form=decline_form or DeclineForm(),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("champions.approve_championprofile"):
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


class EventRegisterView(PermissionRequiredAdminView):
    """Tick who attended a network event, or import attendance from a CSV file (all or nothing)."""

    permission = "champions.add_networkattendance"
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


class ActivityLogView(PermissionRequiredAdminView):
    """Every champion's logged activity, filterable by date, with a CSV export of the same rows."""

    permission = "champions.view_championactivity"
    template_name = "champions/admin/activity_log.html"
    page_title = "Champion activity"
    header_icon = "list-ul"

    def get(self, request, *args, **kwargs):
        start, end = _parse_day(request.GET.get("from")), _parse_day(request.GET.get("to"))
        activities = selectors.activity_log(start, end)
        if request.GET.get("export") == "csv":
            return _activity_csv(activities)
        context = self.get_context_data(**kwargs)
        context.update(
            activities=get_page(Paginator(activities, ADMIN_PAGE_SIZE), request.GET.get("p")),
            start=start,
            end=end,
            bad_dates=[
                label
                for label, key, parsed in (("From", "from", start), ("To", "to", end))
                if request.GET.get(key) and parsed is None
            ],
            query_string=urlencode({k: request.GET[k] for k in ("from", "to") if request.GET.get(k)}),
        )
        return self.render_to_response(context)


class _Echo:
    def write(self, value):
        return value


def _activity_csv(activities) -> HttpResponse:
    writer = csv.writer(_Echo())
    header = [
        "date",
        "champion",
        "champion_email",
        "organisation",
        "district",
        "kind",
        "topic",
        "people_reached",
        "note",
    ]

    def rows():
        yield writer.writerow(header)
        for a in activities.iterator(chunk_size=2000):
            yield writer.writerow(
                formula_safe_row(
                    [
                        a.activity_date.isoformat(),
                        a.user.full_name,
                        a.user.email,
                        a.organisation.name if a.organisation else "",
                        a.district.name if a.district else "",
                        a.get_kind_display(),
                        a.topic.name if a.topic else "",
                        a.people_reached,
                        a.note,
                    ]
                )
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="champion-activity-{timezone.localdate()}.csv"'
    return response
