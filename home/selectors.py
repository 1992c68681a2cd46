from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest
from wagtail.models import Site

from .models import BackgroundJob, SiteSettings
from .services import progress_key


def site_settings(request: HttpRequest | None = None) -> SiteSettings:
    """The partnership's settings (name, logo, help page, quick exit) for a request, or for no request.

    With a request, its site's (cached on the request); without one (a certificate, a board report, a
    task), the default site's, or the first site's. With no site at all (a fresh database), an unsaved
    SiteSettings with the fields' defaults, so a caller never has to handle "no settings".
    """
    if request is not None and Site.find_for_request(request) is not None:
        return SiteSettings.for_request(request)
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return SiteSettings.for_site(site) if site is not None else SiteSettings()


def job_of(owner, job_id) -> BackgroundJob | None:
    """The job if ``owner`` asked for it; None for anyone else (their page is a 404: nobody else's business)."""
    if not getattr(owner, "is_authenticated", False):
        return None
    return BackgroundJob.objects.filter(pk=job_id, owner=owner).first()


def job_progress(job: BackgroundJob) -> dict:
    """The job's status and counts as its page shows them, the cache's newer counts while it runs."""
    progress = {"stage": job.stage, "done": job.done, "total": job.total}
    if job.status == BackgroundJob.Status.RUNNING:
        progress.update(cache.get(progress_key(job.pk)) or {})
    return {
        "status": job.status,
        "status_label": job.get_status_display(),
        "finished": job.is_finished,
        **progress,
        "text": progress_text(job.status, progress),
    }


def progress_text(status: str, progress: dict) -> str:
    if status == BackgroundJob.Status.QUEUED:
        return "Waiting for the worker to start."
    if status == BackgroundJob.Status.DONE:
        return "Finished."
    if status == BackgroundJob.Status.FAILED:
        return "Not finished."
    stage, done, total = progress.get("stage") or "Working", progress.get("done", 0), progress.get("total", 0)
    if total:
        return f"{stage}: {done:,} of {total:,}."
    return f"{stage}…"
