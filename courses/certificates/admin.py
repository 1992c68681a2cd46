"""Certificates in the Wagtail admin, for training managers.

A listing (search by code or part of one, name, email or course; filters by course, status and issue date), a page per
certificate with its record and the actions on it (revoke, reinstate, reissue after a name correction,
download its PDF), its history from Wagtail's audit log, and a ZIP of a course's certificates for a period.

Certificates are made by completions and never deleted or edited field by field, so the admin has no
add, edit or delete form: ``change`` permission means the actions, ``view`` the listing, the PDFs and
the ZIPs. Every action goes through ``courses.certificates`` and lands in the audit log.
"""

from __future__ import annotations

import io

import django_filters
from django.db.models import Q
from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView, View
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from home.admin_permissions import PolicyMenuItem

from ..catalogue.models import CoursePage
from . import export
from . import services as certificates
from .codes import normalise_code, normalise_code_part
from .forms import ExportForm, ReasonForm, ReissueForm
from .models import Certificate

NAMESPACE = "certificates_admin"


class CertificatePermissionPolicy(ModelPermissionPolicy):
    """Nobody adds or deletes certificates in the admin: completions issue them, and they are a record."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in ("add", "delete")]
        if not actions:
            return super().users_with_any_permission(["add"]).none()
        return super().users_with_any_permission(actions)


permission_policy = CertificatePermissionPolicy(Certificate)
register_permission_policy(Certificate, permission_policy, exact_class=True)


def _url(name: str, *args) -> str:
    return reverse(f"{NAMESPACE}:{name}", args=args)


def _day(day) -> str:
    # Dates, not Wagtail's "1 year ago": an expiry is a day in the future, and managers quote it.
    return date_format(day, "j M Y") if day else ""


# --- The listing ---------------------------------------------------------------------------------------


class CertificateFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        field_name="completion__course", label="Course", queryset=CoursePage.objects.order_by("title")
    )
    status = django_filters.ChoiceFilter(label="Status", choices=Certificate.Status.choices, method="filter_status")
    issued_on = django_filters.DateFromToRangeFilter(label="Issued", widget=DateRangePickerWidget)

    class Meta:
        model = Certificate
        fields = ["course", "status", "issued_on"]

    def filter_status(self, queryset, name, value):
        today = timezone.localdate()
        if value == Certificate.Status.REVOKED:
            return queryset.filter(revoked_at__isnull=False)
        if value == Certificate.Status.EXPIRED:
            return queryset.filter(revoked_at__isnull=True, expires_on__lt=today)
        if value == Certificate.Status.VALID:
            return queryset.valid_on(today)
        return queryset


class CertificateIndexView(generic.IndexView):
    """The certificates, newest first; a search matches a code, or part of one, however it is typed."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("completion__user")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        matches = (
            Q(holder_name__icontains=query)
            | Q(course_title__icontains=query)
            | Q(completion__user__email__icontains=query)
        )
        if code := normalise_code(query):
            matches |= Q(code=code)
        elif part := normalise_code_part(query):
            # Codes are stored normalised (upper case, no dashes): part of one is a plain substring of it.
            matches |= Q(code__contains=part)
        return queryset.filter(matches)

    @cached_property
    def columns(self):
        title_column = self._get_title_column_class(TitleColumn)(
            "code",
            label="Code",
            accessor="display_code",
            sort_key="code",
            get_url=lambda certificate: _url("edit", certificate.pk),
        )
        return [
            title_column,
            Column("holder_name", label="Name on certificate", sort_key="holder_name"),
            Column("email", label="Email", accessor="completion.user.email"),
            Column("course_title", label="Course", sort_key="course_title"),
            Column("issued_on", label="Issued", accessor=lambda c: _day(c.issued_on), sort_key="issued_on"),
            Column(
                "expires_on", label="Expires", accessor=lambda c: _day(c.expires_on) or "Never", sort_key="expires_on"
            ),
            StatusTagColumn(
                "status",
                label="Status",
                accessor=lambda certificate: Certificate.Status(certificate.status()).label,
                primary=lambda certificate: certificate.status() == Certificate.Status.VALID,
            ),
        ]

    def get_list_more_buttons(self, instance):
        return [
            MenuItem("Manage", _url("edit", instance.pk), icon_name="edit", priority=10),
            MenuItem("Download PDF", _url("pdf", instance.pk), icon_name="download", priority=20),
            MenuItem("History", _url("history", instance.pk), icon_name="history", priority=30),
        ]

    @cached_property
    def header_buttons(self):
        return [HeaderButton("Download a course's certificates (ZIP)", url=_url("export"), icon_name="download")]


# --- One certificate and the actions on it -------------------------------------------------------------


class _CertificatePage(PermissionCheckedMixin, generic.WagtailAdminTemplateMixin):
    permission_policy = permission_policy
    header_icon = "doc-full"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.certificate = get_object_or_404(
            Certificate.objects.select_related("completion__user", "completion__course", "revoked_by"), pk=kwargs["pk"]
        )

    def get_page_subtitle(self):
        return str(self.certificate)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": _url("index"), "label": "Certificates"},
            {"url": _url("edit", self.certificate.pk), "label": str(self.certificate)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            certificate=self.certificate, history_url=_url("history", self.certificate.pk), **kwargs
        )


class CertificateManageView(_CertificatePage, TemplateView):
    """The certificate's record, its status, and what may be done to it."""

    permission_required = "view"
    template_name = "courses/certificates/admin/manage.html"
    page_title = "Certificate"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": _url("index"), "label": "Certificates"},
            {"url": "", "label": str(self.certificate)},
        ]

    def get_context_data(self, **kwargs):
        certificate = self.certificate
        can_change = permission_policy.user_has_permission(self.request.user, "change")
        return super().get_context_data(
            status=certificate.status(),
            status_label=Certificate.Status(certificate.status()).label,
            can_change=can_change,
            verification_url=certificates.verification_url(certificate),
            pdf_url=_url("pdf", certificate.pk),
            revoke_url=_url("revoke", certificate.pk),
            reinstate_url=_url("reinstate", certificate.pk),
            reissue_url=_url("reissue", certificate.pk),
            **kwargs,
        )


class _CertificateActionView(_CertificatePage, FormView):
    """A form about one certificate; a refused action says why and changes nothing."""

    permission_required = "change"
    template_name = "courses/certificates/admin/action.html"
    form_class = ReasonForm
    submit_label = ""
    intro = ""
    destructive = False

    def perform(self, data: dict) -> Certificate:
        raise NotImplementedError

    def success_message(self) -> str:
        raise NotImplementedError

    def form_valid(self, form):
        try:
            self.certificate = self.perform(form.cleaned_data)
        except certificates.CertificateActionError as refused:
            form.add_error(None, str(refused))
            return self.form_invalid(form)
        messages.success(self.request, self.success_message())
        return redirect(_url("edit", self.certificate.pk))

    def form_invalid(self, form):
        messages.error(self.request, "Nothing was changed. Fix the problem below and try again.")
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            submit_label=self.submit_label, intro=self.intro, destructive=self.destructive, **kwargs
        )


class RevokeView(_CertificateActionView):
    page_title = "Revoke certificate"
    submit_label = "Revoke the certificate"
    intro = (
        "A revoked certificate shows as revoked to anyone who checks its code, and its holder can no longer "
        "download it. You can reinstate it later."
    )
    destructive = True

    def perform(self, data):
        return certificates.revoke_certificate(self.certificate, by=self.request.user, reason=data["reason"])

    def success_message(self):
        return f"{self.certificate} has been revoked."


class ReinstateView(_CertificateActionView):
    page_title = "Reinstate certificate"
    submit_label = "Reinstate the certificate"
    intro = "The certificate becomes valid again (unless it has expired), and its holder can download it."

    def perform(self, data):
        return certificates.reinstate_certificate(self.certificate, by=self.request.user, reason=data["reason"])

    def success_message(self):
        return f"{self.certificate} has been reinstated."


class ReissueView(_CertificateActionView):
    page_title = "Reissue certificate"
    form_class = ReissueForm
    submit_label = "Reissue the certificate"
    intro = (
        "Reissue the certificate after a correction to the holder's name. It keeps its verification code "
        "and dates; a new PDF replaces the old one, and the verification page notes the reissue. To correct "
        "the name on the person's account too, edit their account."
    )

    def get_initial(self):
        return {"holder_name": self.certificate.completion.user.full_name or self.certificate.holder_name}

    def perform(self, data):
        return certificates.reissue_certificate(
            self.certificate, by=self.request.user, reason=data["reason"], holder_name=data["holder_name"]
        )

    def success_message(self):
        return f"{self.certificate} has been reissued to {self.certificate.holder_name}. Its new PDF is being prepared."


class CertificatePdfView(PermissionCheckedMixin, View):
    """The certificate's PDF for a training manager (rendered now if none is stored)."""

    permission_policy = permission_policy
    permission_required = "view"

    def get(self, request, pk):
        certificate = get_object_or_404(Certificate.objects.select_related("completion__course"), pk=pk)
        response = FileResponse(
            io.BytesIO(certificates.read_pdf(certificate)),
            as_attachment=True,
            filename=f"certificate-{certificate.display_code}.pdf",
            content_type="application/pdf",
        )
        response["Cache-Control"] = "private, no-store"
        return response


# --- ZIP of a course's certificates --------------------------------------------------------------------


class ExportView(PermissionCheckedMixin, generic.WagtailAdminTemplateMixin, FormView):
    """A course's certificates for a period as one ZIP: streamed now, or built by a task (a job with a page)."""

    permission_policy = permission_policy
    permission_required = "view"
    template_name = "courses/certificates/admin/export.html"
    form_class = ExportForm
    page_title = "Download certificates"
    header_icon = "download"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": _url("index"), "label": "Certificates"},
            {"url": "", "label": self.get_page_title()},
        ]

    def form_valid(self, form):
        request = export.ExportRequest(
            course=form.cleaned_data["course"],
            start=form.cleaned_data["start"],
            end=form.cleaned_data["end"],
            include_revoked=form.cleaned_data["include_revoked"],
        )
        if not request.certificates().exists():
            form.add_error(None, "No certificates match: choose another course or period.")
            return self.form_invalid(form)
        if export.export_in_background(request):
            # Post, then redirect to the job's page: progress while the worker builds it, then the link.
            job = export.queue_export(request, by=self.request.user, return_url=_url("export"))
            return redirect("jobs:job", job_id=job.pk)
        response = StreamingHttpResponse(
            export.certificates_zip_chunks(request.certificates().iterator(chunk_size=100)),
            content_type="application/zip",
        )
        response["Content-Disposition"] = f'attachment; filename="{request.filename}"'
        response["Cache-Control"] = "private, no-store"
        return response


# --- The viewset ---------------------------------------------------------------------------------------


class CertificateViewSet(ModelViewSet):
    model = Certificate
    # Certificates refer to no content worth tracking, and indexing them would cost every issue a query.
    add_to_reference_index = False
    name = NAMESPACE
    url_prefix = "certificates"
    icon = "doc-full"
    menu_label = "Certificates"
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = CertificateIndexView
    filterset_class = CertificateFilterSet
    search_fields = ["holder_name", "course_title"]
    list_per_page = 50
    ordering = ["-issued_on", "-pk"]

    def get_urlpatterns(self):
        # No add, edit, copy or delete forms: "edit" is the certificate's own page with its actions.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            path("usage/<int:pk>/", self.usage_view, name="usage"),
            path("<int:pk>/", CertificateManageView.as_view(), name="edit"),
            path("<int:pk>/revoke/", RevokeView.as_view(), name="revoke"),
            path("<int:pk>/reinstate/", ReinstateView.as_view(), name="reinstate"),
            path("<int:pk>/reissue/", ReissueView.as_view(), name="reissue"),
            path("<int:pk>/pdf/", CertificatePdfView.as_view(), name="pdf"),
            path("export/", ExportView.as_view(), name="export"),
        ]


# Registered by wagtail_hooks; importing this module also registers the hooks below.
certificate_viewset = CertificateViewSet()


class _ReasonFormatter(LogFormatter):
    verb = ""

    def format_message(self, log_entry):
        reason = (log_entry.data or {}).get("reason")
        return f"{self.verb}: {reason}" if reason else self.verb


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions):
    actions.register_action(certificates.ISSUE_ACTION, "Issue certificate", "Certificate issued")

    @actions.register_action(certificates.REVOKE_ACTION)
    class RevokeFormatter(_ReasonFormatter):
        label = "Revoke certificate"
        verb = "Revoked"

    @actions.register_action(certificates.REINSTATE_ACTION)
    class ReinstateFormatter(_ReasonFormatter):
        label = "Reinstate certificate"
        verb = "Reinstated"

    @actions.register_action(certificates.REISSUE_ACTION)
    class ReissueFormatter(_ReasonFormatter):
        label = "Reissue certificate"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            message = f"Reissued to {data.get('new_name', '')} (was {data.get('old_name', '')})"
            return f"{message}: {data['reason']}" if data.get("reason") else message


@hooks.register("register_learning_menu_item")
def certificates_menu_item():
    """In the courses' "Learning" admin menu."""
    return PolicyMenuItem(
        "Certificates", _url("index"), icon_name="doc-full", order=400, policy=permission_policy, action="view"
    )
