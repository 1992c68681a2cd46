"""Background work for SCORM: checking and unpacking an uploaded package (a job with a progress page)."""

from __future__ import annotations

from celery import shared_task

from home.task_options import LONG, RETRYING

from . import services


@shared_task(**RETRYING, **LONG, name="courses.scorm.tasks.import_package")
def import_package(job_id: str, package_id: int) -> None:
    """Check an uploaded SCORM ZIP and unpack it to media storage (idempotent: a retry unpacks it again)."""
    services.import_package(job_id, package_id)
