"""Training managers' "SCORM packages" screens: the SCORM modules with their versions, and uploading a version.

The upload is saved and checked in the worker; the manager follows the check on the job's page.
"""

from __future__ import annotations

from django import forms
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from home.admin_permissions import PolicyCheckedMixin

from . import selectors, services
from .models import ScormModulePage, ScormPackage
from .permissions import attempt_policy, package_policy


class _ScormPage(PolicyCheckedMixin, WagtailAdminTemplateMixin):
    """A SCORM screen: the permission (a policy and an action) is checked before ``load()`` looks anything up."""

    permission_policy = package_policy
    permission_required = "change"
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items, {"url": reverse("scorm_admin:index"), "label": "SCORM packages"}]
        return (
            items
            if self.get_page_title() == "SCORM packages"
            else [*items, {"url": "", "label": self.get_page_title()}]
        )


class ScormIndexView(_ScormPage, TemplateView):
    template_name = "courses/scorm/admin/index.html"
    page_title = "SCORM packages"

    def get_context_data(self, **kwargs):
        modules = list(selectors.scorm_modules())
        versions = selectors.packages_by_module(modules)
        rows = [{"module": module, "packages": versions[module.pk]} for module in modules]
        return super().get_context_data(rows=rows, **kwargs)


class AttemptsView(_ScormPage, TemplateView):
    """Every learner's attempts at a SCORM module: version, status, score and time (training managers)."""

    permission_policy = attempt_policy
    permission_required = "view"
    template_name = "courses/scorm/admin/attempts.html"
    header_icon = "list-ul"

    def load(self, *, module_id: int) -> None:
        self.module = get_object_or_404(ScormModulePage, pk=module_id)

    def get_page_title(self):
        return f"Attempts at “{self.module.title}”"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            module=self.module, attempts=selectors.attempts_at(self.module, limit=ATTEMPTS_SHOWN), **kwargs
        )


ATTEMPTS_SHOWN = 500


class UploadForm(forms.Form):
    file = forms.FileField(
        label="SCORM package (ZIP)", help_text="A SCORM 1.2 or 2004 ZIP with imsmanifest.xml at its root."
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".zip"):
            raise forms.ValidationError("Choose the package's ZIP file (its name ends in .zip).")
        return upload


class UploadPackageView(_ScormPage, FormView):
    permission_required = "add"
    form_class = UploadForm
    template_name = "courses/scorm/admin/upload.html"

    def load(self, *, module_id: int) -> None:
        self.module = get_object_or_404(ScormModulePage, pk=module_id)

    def get_page_title(self):
        return f"Upload a package for “{self.module.title}”"

    def form_valid(self, form):
        job = services.upload_package(self.module, form.cleaned_data["file"], self.request.user)
        return redirect("jobs:job", job_id=job.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(module=self.module, **kwargs)


class WithdrawPackageView(_ScormPage, TemplateView):
    """POST only: stop offering a version to new attempts (attempts on it keep playing it)."""

    http_method_names = ["post"]

    def load(self, *, package_id: int) -> None:
        self.package = get_object_or_404(ScormPackage, pk=package_id)

    def post(self, request, *args, **kwargs):
        services.withdraw_package(self.package)
        messages.success(request, f"Version {self.package.version_number} is no longer offered to new attempts.")
        return redirect("scorm_admin:index")
