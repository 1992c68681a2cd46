"""Actions of data protection: erasure requests and decisions, legal holds, subject-access exports.

Every action is written to Wagtail's audit log against the privacy record it made (so data protection
officers read them under *Data protection → Audit log*), with ``data["person"]`` the person it concerns; the
logs name no one (the record's own label, never a person's name), so erasing a person leaves nothing to scrub.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.log_actions import log

from accounts.models import User
from home import services as jobs
from home.links import site_url

from . import selectors
from .erasure import ErasureRefused, erase_person, refusal_reason
from .models import Channel, ErasureRequest, LegalHold, SubjectAccessExport

logger = logging.getLogger(__name__)

ERASURE_REQUESTED = "privacy.erasure.request"
ERASURE_REFUSED = "privacy.erasure.refuse"
ERASURE_APPROVED = "privacy.erasure.approve"
HOLD_PLACED = "privacy.hold.place"
HOLD_LIFTED = "privacy.hold.lift"
EXPORT_CREATED = "privacy.export.create"
EXPORT_DOWNLOADED = "privacy.export.download"
RETENTION_RUN = "privacy.retention.run"
EXPORT_JOB_KIND = "privacy.subject_access_export"
REASON_MAX = 2000


class PrivacyError(Exception):
    """A request that cannot be done as asked; the message says why (shown to the person)."""


def _clean_reason(reason: str, what: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise PrivacyError(f"Give a reason for {what}.")
    if len(reason) > REASON_MAX:
        raise PrivacyError(f"Keep the reason under {REASON_MAX} characters.")
    return reason


def _tell(to: str, template: str, context: dict) -> None:
    """Email the person (after the commit, so nobody hears of a change that was rolled back)."""
    if not to or to.endswith("@erased.invalid"):
        return
    subject = render_to_string(f"privacy/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"privacy/email/{template}.txt", context)
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
    transaction.on_commit(lambda: message.send())


# --- Erasure ---------------------------------------------------------------------------------------------


def request_erasure(person: User, *, recorded_by: User | None = None) -> ErasureRequest:
    """Record a request to erase ``person``: from their own account, or one a data protection officer received
    by post or email (``recorded_by``). A second request while one waits returns the waiting one."""
    person.refresh_from_db(fields=["erased_at"])
    if person.erased_at is not None:
        raise PrivacyError("This person's data has already been erased.")
    channel = Channel.POST if recorded_by is not None and recorded_by != person else Channel.ACCOUNT
    existing = selectors.pending_request(person)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            request = ErasureRequest.objects.create(person=person, channel=channel, recorded_by=recorded_by)
            log(request, ERASURE_REQUESTED, user=recorded_by or person, title=str(request), data={"person": person.pk})
    except IntegrityError:  # the same person asked twice at once: one request
        return selectors.pending_request(person)
    return request


def refuse_erasure(request: ErasureRequest, *, by: User, reason: str) -> ErasureRequest:
    """Refuse a waiting request with a reason, which the person is emailed (the refusal is audited)."""
    reason = _clean_reason(reason, "refusing")
    with transaction.atomic():
        request = ErasureRequest.objects.select_for_update().get(pk=request.pk)
        if request.status != ErasureRequest.Status.PENDING:
            raise PrivacyError("This request has already been decided.")
        request.status, request.refusal_reason = ErasureRequest.Status.REFUSED, reason
        request.decided_by, request.decided_at = by, timezone.now()
        request.save()
        log(request, ERASURE_REFUSED, user=by, title=str(request), data={"person": request.person_id, "reason": reason})
        _tell(request.person.email, "erasure_refused", {"request": request, "reason": reason, "site_url": site_url()})
    return request


def approve_erasure(request: ErasureRequest, *, by: User) -> ErasureRequest:
    """Approve a waiting request and erase the person at once (``erasure.erase_person``), in one transaction.

    Refused with the reason (and nothing changed) for a superuser, a person on legal hold, or one already
    erased. The person is told at the address they had, once the erasure is committed.
    """
    with transaction.atomic():
        request = ErasureRequest.objects.select_for_update().select_related("person").get(pk=request.pk)
        if request.status != ErasureRequest.Status.PENDING:
            raise PrivacyError("This request has already been decided.")
        person = request.person
        if reason := refusal_reason(person):
            raise PrivacyError(reason)
        address = person.email
        try:
            erase_person(person)
        except ErasureRefused as refused:
            raise PrivacyError(str(refused)) from refused
        request.status, request.decided_by, request.decided_at = ErasureRequest.Status.ERASED, by, timezone.now()
        request.save()
        log(request, ERASURE_APPROVED, user=by, title=str(request), data={"person": person.pk})
        _tell(address, "erasure_done", {"site_url": site_url()})
    return request


# --- Legal holds -----------------------------------------------------------------------------------------


def place_hold(person: User, *, by: User, reason: str) -> LegalHold:
    """Put a person on legal hold: erasure and retention skip them until it is lifted."""
    reason = _clean_reason(reason, "the hold")
    if person.erased_at is not None:
        raise PrivacyError("This person's data has already been erased: there is nothing left to hold.")
    try:
        with transaction.atomic():
            hold = LegalHold.objects.create(person=person, reason=reason, placed_by=by)
            log(hold, HOLD_PLACED, user=by, title=str(hold), data={"person": person.pk, "reason": reason})
    except IntegrityError as error:
        raise PrivacyError("This person is already on legal hold.") from error
    return hold


def lift_hold(hold: LegalHold, *, by: User, reason: str) -> LegalHold:
    reason = _clean_reason(reason, "lifting the hold")
    with transaction.atomic():
        hold = LegalHold.objects.select_for_update().get(pk=hold.pk)
        if hold.lifted_at is not None:
            raise PrivacyError("This hold has already been lifted.")
        hold.lifted_at, hold.lifted_by, hold.lift_reason = timezone.now(), by, reason
        hold.save()
        log(hold, HOLD_LIFTED, user=by, title=str(hold), data={"person": hold.person_id, "reason": reason})
    return hold


# --- Subject access --------------------------------------------------------------------------------------


def request_export(person: User, *, by: User, return_url: str = "") -> SubjectAccessExport:
    """Prepare the ZIP of everything held about ``person`` for ``by`` (the person, or an officer answering a
    request by post). Small ones are built at once; larger ones in the worker, as a job with a progress page.
    """
    from . import export

    person.refresh_from_db(fields=["erased_at"])
    if person.erased_at is not None:
        raise PrivacyError("This person's data has been erased: there is nothing left to export.")
    channel = Channel.ACCOUNT if by == person else Channel.POST
    record = SubjectAccessExport.objects.create(person=person, requested_by=by, channel=channel)
    log(record, EXPORT_CREATED, user=by, title=str(record), data={"person": person.pk})
    if export.record_count(person) > settings.SUBJECT_ACCESS_STREAM_LIMIT:
        job = jobs.create_job(
            EXPORT_JOB_KIND,
            by,
            "Subject-access export",
            return_url=return_url,
            return_label="Back",
        )
        record.job = job
        record.save(update_fields=["job"])
        from . import tasks

        transaction.on_commit(lambda: tasks.build_subject_access_export.delay(str(record.pk), str(job.pk)))
    else:
        export.build(record)
    return record


def run_export_job(export_id, job_id) -> SubjectAccessExport | None:
    """The worker's part: build the ZIP, reporting progress on the job's page, which ends with the link."""
    from django.urls import reverse

    from . import export

    job = jobs.start_job(job_id)
    record = SubjectAccessExport.objects.filter(pk=export_id).first()
    if job is None or record is None:
        return None
    with jobs.failing_on_error(job):
        export.build(record, progress=jobs.JobProgress(job, every=50))
        jobs.finish_job(
            job,
            message="The export is ready. Download it from the link below or from the data page; it expires "
            f"on {timezone.localtime(record.expires_at):%-d %B %Y}.",
            figures=[("Records", record_count_done(record))],
        )
        job.return_url = reverse("privacy:download", args=[record.pk])
        job.return_label = "Download the export"
        job.save(update_fields=["return_url", "return_label"])
    return record


def record_count_done(record: SubjectAccessExport) -> int:
    from . import export

    return export.record_count(record.person)


def note_download(record: SubjectAccessExport, by: User) -> None:
    log(record, EXPORT_DOWNLOADED, user=by, title=str(record), data={"person": record.person_id})
