"""Background work for learning records: importing completion history (a job with a progress page)."""

from __future__ import annotations

from celery import shared_task

from home.task_options import LONG, RETRYING

from . import importing


@shared_task(**RETRYING, **LONG, name="courses.tasks.import_completions_job")
def import_completions_job(job_id: str) -> str | None:
    """Import an uploaded completions file (a background job: its page shows the progress and the result)."""
    job = importing.run_import_job(job_id)
    return job.status if job else None
