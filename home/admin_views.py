"""The page of a background job in the Wagtail admin: its progress while it runs, then its result.

Only the person who asked for the job may see it, or fetch its file: anyone else (another training
manager included) gets a 404, as if it did not exist.
"""

from __future__ import annotations

import mimetypes

from django.http import FileResponse, Http404, JsonResponse
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from . import selectors


def _job_or_404(request, job_id):
    job = selectors.job_of(request.user, job_id)
    if job is None:
        raise Http404("No such job.")
    return job


class JobView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "home/admin/job.html"
    header_icon = "time"

    def dispatch(self, request, *args, job_id, **kwargs):
        self.job = _job_or_404(request, job_id)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.job.title

    def get_breadcrumbs_items(self):
        items = list(self.breadcrumbs_items)
        if self.job.return_url:
            items.append({"url": self.job.return_url, "label": self.job.return_label or "Back"})
        return [*items, {"url": "", "label": self.job.title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(job=self.job, progress=selectors.job_progress(self.job), **kwargs)


def job_status(request, job_id):
    """The job's progress as JSON, for the page's script to poll while it runs."""
    job = _job_or_404(request, job_id)
    response = JsonResponse(selectors.job_progress(job))
    response["Cache-Control"] = "private, no-store"
    return response


def job_download(request, job_id):
    """The file the job made, for its owner, until it expires."""
    job = _job_or_404(request, job_id)
    if not job.has_download:
        raise Http404("This download is not ready, or has expired.")
    try:
        handle = job.file.open("rb")
    except FileNotFoundError:
        raise Http404("This download is no longer available.") from None
    name = job.file_name or job.file.name.rsplit("/", 1)[-1]
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=name,
        content_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    return response
