"""Celery tasks of data protection: a few lines around a service call each."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings

from . import retention, services

LONG = {"soft_time_limit": settings.LONG_TASK_SOFT_TIME_LIMIT, "time_limit": settings.LONG_TASK_TIME_LIMIT}


@shared_task(**LONG)
def build_subject_access_export(export_id: str, job_id: str) -> str | None:
    """Build a large subject-access ZIP (a background job: its page shows the progress, then the link)."""
    record = services.run_export_job(export_id, job_id)
    return record.status if record else None


@shared_task(**LONG)
def apply_retention() -> dict[str, int]:
    """Daily (see CELERY_BEAT_SCHEDULE): apply the retention schedule; a run cut short is finished by the next."""
    return retention.apply()
