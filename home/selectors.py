from __future__ import annotations

from django.core.cache import cache

from .models import BackgroundJob
from .services import progress_key


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
