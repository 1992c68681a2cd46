"""Background work for certificates: they are issued, rendered and reminded about here.

Each task is a few lines around a service in ``courses.certificates.services``, so the same code runs eagerly in
tests and on a worker in production. All of them are acknowledged late (a worker killed mid-task leaves
the message on the broker for another worker) and retried with exponential backoff on transient errors
(the database or the broker gone for a moment, storage or mail timing out); the services are idempotent,
so running one twice does no harm.
"""

from __future__ import annotations

import datetime

from celery import shared_task

from home.task_options import LONG, RETRYING

from . import export, renewals
from . import services as certificates

# Named as they were when they lived in courses/tasks.py: messages already queued, and the beat schedule, keep working.


@shared_task(**RETRYING, name="courses.tasks.issue_certificate")
def issue_certificate(completion_id: int) -> str | None:
    """Issue the completion's certificate, render its PDF and email the holder (each once)."""
    certificate = certificates.issue_and_render(completion_id)
    return certificate.code if certificate else None


@shared_task(**RETRYING, name="courses.tasks.render_certificate")
def render_certificate(certificate_id: int) -> str | None:
    """Render and store a certificate's PDF (after a reissue, or for one found without its file)."""
    certificate = certificates.render_and_notify(certificate_id)
    return certificate.pdf.name if certificate else None


@shared_task(name="courses.tasks.sweep_missing_certificates")
def sweep_missing_certificates() -> dict[str, int]:
    """Every CERTIFICATE_SWEEP_SECONDS (beat): issue what lost tasks left undone (not retried: the next
    sweep is minutes away)."""
    result = certificates.sweep_missing_certificates()
    return {"issued": result.issued, "renderings_queued": result.renderings_queued}


@shared_task(**RETRYING, **LONG, name="courses.tasks.send_certificate_reminders")
def send_certificate_reminders() -> dict[str, int]:
    """Daily (see CELERY_BEAT_SCHEDULE): reminders 60 and 14 days before expiry, then mark what expired."""
    return certificates.run_daily_expiry()


@shared_task(**RETRYING, **LONG, name="courses.tasks.build_certificates_zip")
def build_certificates_zip(job_id: str, course_id: int, start: str, end: str, include_revoked: bool) -> str | None:
    """Build a large ZIP of a course's certificates in media storage (a background job with a page)."""
    job = export.build_export(
        job_id, course_id, datetime.date.fromisoformat(start), datetime.date.fromisoformat(end), include_revoked
    )
    return job.status if job else None


@shared_task(**RETRYING, **LONG, name="courses.tasks.renew_recurring_assignments")
def renew_recurring_assignments() -> int:
    """Daily (beat): assign again the recurring assignments whose certificate is due for renewal."""
    return renewals.renew_recurring_assignments()
