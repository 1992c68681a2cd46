"""The data protection officer's screens in the Wagtail admin (Data protection menu).

Erasure requests to approve or refuse, a person's page (legal holds, a request received by post, a
subject-access export made for them), and the audit log of this work. Each screen checks its permission on
the server; the admin's two-step rule for staff applies (accounts.middleware.StaffTwoStepMiddleware).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from accounts.models import User
from home.admin_permissions import PolicyCheckedAdminView
from home.pagination import get_page

from . import selectors, services
from .forms import ReasonForm
from .models import ErasureRequest
from .permissions import audit_policy, erasure_request_policy, export_policy, legal_hold_policy

PAGE_SIZE = 50


class RequestListView(PolicyCheckedAdminView):
    permission_policy = erasure_request_policy
    permission_required = "view"
    template_name = "privacy/admin/request_list.html"
    page_title = "Erasure requests"
    header_icon = "warning"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", ErasureRequest.Status.PENDING)
        if status not in ErasureRequest.Status.values and status != "all":
            status = ErasureRequest.Status.PENDING
        requests = selectors.erasure_requests(None if status == "all" else status)
        context.update(
            status=status,
            statuses=ErasureRequest.Status.choices,
            requests=get_page(Paginator(requests, PAGE_SIZE), self.request.GET.get("p")),
            query_string=f"status={status}",
        )
        return context


class RequestView(PolicyCheckedAdminView):
    """One request: who, when, the person's holds; approve (erases at once) or refuse with a reason."""

    permission_policy = erasure_request_policy
    permission_required = "view"
    template_name = "privacy/admin/request.html"
    page_title = "Erasure request"
    parent_breadcrumbs = (("privacy_admin:requests", "Erasure requests"),)
    header_icon = "warning"

    def load(self, **kwargs) -> None:
        self.erasure_request = get_object_or_404(
            ErasureRequest.objects.select_related("person__organisation", "decided_by", "recorded_by"), pk=kwargs["pk"]
        )

    def get_context_data(self, refuse_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.erasure_request.person
        context.update(
            erasure_request=self.erasure_request,
            person=person,
            hold=selectors.open_hold(person),
            can_decide=erasure_request_policy.user_has_permission(self.request.user, "decide")
            and self.erasure_request.status == ErasureRequest.Status.PENDING,
            refuse_form=refuse_form or ReasonForm(),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not erasure_request_policy.user_has_permission(request.user, "decide"):
            raise PermissionDenied
        here = reverse("privacy_admin:request", args=[self.erasure_request.pk])
        action = request.POST.get("action")
        try:
            if action == "approve":
                services.approve_erasure(self.erasure_request, by=request.user)
                messages.success(request, "Approved: the person's data has been erased and they have been emailed.")
                return redirect(here)
            if action == "refuse":
                form = ReasonForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(refuse_form=form))
                services.refuse_erasure(self.erasure_request, by=request.user, reason=form.cleaned_data["reason"])
                messages.success(request, "Refused: the person has been emailed the reason.")
                return redirect(here)
            messages.error(request, "Choose approve or refuse.")
        except services.PrivacyError as error:
            messages.error(request, str(error))
        return redirect(here)


class PeopleView(PolicyCheckedAdminView):
    """Find a person by name or address (to answer a letter, place a hold)."""

    permission_policy = legal_hold_policy
    permission_required = "view"
    template_name = "privacy/admin/people.html"
    page_title = "People"
    header_icon = "user"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()[:100]
        context.update(query=query, people=selectors.find_people(query) if query else [])
        return context


class PersonView(PolicyCheckedAdminView):
    """One person: holds (place, lift), requests, exports made for them; record a postal request; export."""

    permission_policy = legal_hold_policy
    permission_required = "view"
    template_name = "privacy/admin/person.html"
    page_title = "Person"
    parent_breadcrumbs = (("privacy_admin:people", "People"),)
    header_icon = "user"

    def load(self, **kwargs) -> None:
        self.person = get_object_or_404(User.objects.select_related("organisation", "district"), pk=kwargs["pk"])

    def get_page_title(self):
        return f"Person: {self.person}"

    def get_context_data(self, hold_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            person=self.person,
            hold=selectors.open_hold(self.person),
            holds=selectors.holds_of(self.person),
            requests=selectors.requests_of(self.person),
            exports=selectors.exports_for(self.request.user).filter(person=self.person)[:10],
            hold_form=hold_form or ReasonForm(),
        )
        return context

    def post(self, request, *args, **kwargs):
        here = reverse("privacy_admin:person", args=[self.person.pk])
        action = request.POST.get("action")
        permission = {
            "hold": (legal_hold_policy, "add"),
            "lift": (legal_hold_policy, "change"),
            "record_request": (erasure_request_policy, "add"),
            "export": (export_policy, "add"),
        }.get(action)
        if permission is None:
            messages.error(request, "Choose an action.")
            return redirect(here)
        policy, policy_action = permission
        if not policy.user_has_permission(request.user, policy_action):
            raise PermissionDenied
        try:
            if action in ("hold", "lift"):
                form = ReasonForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(hold_form=form))
                if action == "hold":
                    services.place_hold(self.person, by=request.user, reason=form.cleaned_data["reason"])
                    messages.success(request, "Placed on legal hold: erasure and retention will skip this person.")
                else:
                    hold = selectors.open_hold(self.person)
                    if hold is None:
                        messages.error(request, "This person is not on legal hold.")
                        return redirect(here)
                    services.lift_hold(hold, by=request.user, reason=form.cleaned_data["reason"])
                    messages.success(request, "The legal hold was lifted.")
            elif action == "record_request":
                erasure_request = services.request_erasure(self.person, recorded_by=request.user)
                messages.success(request, "The erasure request was recorded; decide it below.")
                return redirect(reverse("privacy_admin:request", args=[erasure_request.pk]))
            else:
                record = services.request_export(self.person, by=request.user, return_url=here)
                if record.job_id:
                    return redirect(reverse("jobs:job", args=[record.job_id]))
                messages.success(request, "The export is ready: download it below and send it to the person.")
        except services.PrivacyError as error:
            messages.error(request, str(error))
        return redirect(here)


class AuditView(PolicyCheckedAdminView):
    """Who exported, requested, decided, held and ran retention, and when."""

    permission_policy = audit_policy
    permission_required = "view"
    template_name = "privacy/admin/audit.html"
    page_title = "Data protection audit log"
    header_icon = "history"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entries"] = get_page(Paginator(selectors.audit_entries(), PAGE_SIZE), self.request.GET.get("p"))
        return context
