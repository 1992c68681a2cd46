"""Background work for learning records: importing completion history (a job with a progress page)."""

from __future__ import annotations

from celery import shared_task

from home.task_options import LONG, RETRYING

from . import assignments, follow_ups, importing


@shared_task(**RETRYING, **LONG, name="courses.tasks.import_completions_job")
def import_completions_job(job_id: str) -> str | None:
    """Import an uploaded completions file (a background job: its page shows the progress and the result)."""
    job = importing.run_import_job(job_id)
    return job.status if job else None


@shared_task(**RETRYING, **LONG, name="courses.tasks.assign_course_job")
def assign_course_job(job_id: str) -> str | None:
    """Assign a course to many people (a background job: its page shows the progress and the figures)."""
    job = assignments.run_assignment_job(job_id)
    return job.status if job else None


@shared_task(**RETRYING, name="courses.tasks.send_assignment_reminders")
def send_assignment_reminders() -> int:
    """The nightly reminders of assigned learning (each reminder exactly once)."""
    return assignments.send_reminders()


@shared_task(**RETRYING, **LONG, name="courses.tasks.send_follow_ups")
def send_follow_ups() -> int:
    """The nightly three-month follow-ups (each completion's exactly once)."""
    return follow_ups.send_follow_ups()
