"""Actions on certificates: issue, render, notify, revoke, reinstate, reissue, expiry (ZIP exports: ``export``).

The main path, in order: ``record_completion`` (courses.services) queues ``tasks.issue_certificate`` once
the completion is committed; the task calls :func:`issue_and_render`, which issues the certificate
(:func:`issue_certificate`), stores its PDF (:func:`render_certificate`) and emails the holder once
(:func:`notify_certificate_ready`). Each step is idempotent, so a task run twice, at once or after a
worker died half-way, ends with one certificate, one stored PDF and one email:

- one certificate per completion and unique codes are database constraints; losing the race to insert
  is an ``IntegrityError`` that hands back the winner's certificate;
- the PDF is written under a name fixed by the code and revision *before* the row points at it, in one
  conditional UPDATE, so the row never names a half-written file, and a rewrite of the same name
  produces the same bytes;
- the email is claimed with a conditional UPDATE in the transaction that sends it.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from accounts.models import User
from home.links import absolute_url, page_url, site_url
from home.selectors import site_settings as partnership_settings
from home.text import single_line

from ..catalogue.models import CoursePage
from ..learning.models import Completion
from . import pdf, selectors
from .codes import generate_code
from .models import Certificate

logger = logging.getLogger(__name__)

# Audit-log actions (registered in wagtail_hooks, shown in the certificate's history in the admin).
ISSUE_ACTION = "dasv.certificate.issue"
REVOKE_ACTION = "dasv.certificate.revoke"
REINSTATE_ACTION = "dasv.certificate.reinstate"
REISSUE_ACTION = "dasv.certificate.reissue"

# A certificate without a PDF is queued again if its last request is older than this (the worker lost it).
RENDER_REQUEUE_AFTER = datetime.timedelta(minutes=10)


class CertificateActionError(Exception):
    """A rule stops this action on a certificate; the message is shown to the training manager."""


# --- Dates and addresses -------------------------------------------------------------------------------


def expiry_date(issued_on: datetime.date, validity_months: int | None) -> datetime.date | None:
    """The day a certificate stops being valid: ``validity_months`` after issue, or None if it never expires.

    Calendar months, clamped at the month's end: issued on 31 January with one month's validity, it
    expires on 28 (or 29) February.
    """
    if not validity_months:
        return None
    return issued_on + relativedelta(months=validity_months)


def verification_url(certificate: Certificate) -> str:
    """The absolute address of the certificate's public verification page (what its QR code holds)."""
    return absolute_url(reverse("certificates:verify_code", args=[certificate.display_code]))


def verification_form_url() -> str:
    return absolute_url(reverse("certificates:verify"))


def download_url(certificate: Certificate) -> str:
    """The absolute address of the holder's download (they must sign in)."""
    return absolute_url(reverse("certificates:download", args=[certificate.pk]))


# --- Issue ---------------------------------------------------------------------------------------------


def issue_certificate(completion: Completion) -> Certificate:
    """Issue the completion's certificate, or return the one it already has.

    Issued on the completion date, expiring after the course's validity (never, without one), with the
    holder's name, the course title and its CPD hours as they are now. Safe to call twice at once: the
    database allows one certificate per completion, and the loser of that race gets the winner's.
    """
    existing = _existing_certificate(completion)
    if existing is not None:
        return existing
    course = completion.course
    user = completion.user
    for _attempt in range(5):
        code = generate_code()
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    completion=completion,
                    code=code,
                    holder_name=(user.full_name or "").strip() or user.email,
                    course_title=course.title,
                    cpd_hours=course.cpd_hours,
                    issued_on=completion.completed_on,
                    expires_on=expiry_date(completion.completed_on, course.certificate_validity_months),
                )
                log(certificate, ISSUE_ACTION, data={"completion": completion.pk})
            return certificate
        except IntegrityError:
            existing = selectors.certificate_of_completion(completion)
            if existing is not None:
                return existing
            # Otherwise two random 80-bit codes met (astronomically unlikely): draw another.
    raise RuntimeError(f"Could not issue a certificate for completion {completion.pk}.")


def _existing_certificate(completion: Completion) -> Certificate | None:
    # No query when the completion was read with select_related("certificate").
    try:
        return completion.certificate
    except Certificate.DoesNotExist:
        return None


def issue_and_render(completion_id: int) -> Certificate | None:
    """The certificate task's work: issue the completion's certificate, store its PDF, tell the holder.

    None if the completion does not exist (any more). Each step does nothing when already done.
    """
    completion = selectors.completion_for_issue(completion_id)
    if completion is None:
        logger.warning("No completion %s: no certificate issued.", completion_id)
        return None
    site_settings = partnership_settings()
    certificate = render_certificate(issue_certificate(completion), site_settings=site_settings)
    notify_certificate_ready(certificate, site_settings=site_settings)
    return certificate


def render_and_notify(certificate_id: int) -> Certificate | None:
    """The rendering task's work: store the PDF of the certificate's current revision, tell the holder once.

    After a reissue, or for a certificate found without its file. None if there is no such certificate.
    """
    certificate = selectors.certificate_for_rendering(certificate_id)
    if certificate is None:
        return None
    site_settings = partnership_settings()
    certificate = render_certificate(certificate, site_settings=site_settings)
    notify_certificate_ready(certificate, site_settings=site_settings)
    return certificate


# --- Rendering and storage -----------------------------------------------------------------------------


def pdf_name(certificate: Certificate) -> str:
    """The storage name of the PDF of the certificate's current revision: fixed, so a retry rewrites it."""
    return f"certificates/{certificate.code}-{certificate.revision}.pdf"


# The logo's bytes by (image, file hash, name): read from storage once per process, not once per certificate.
_logos: dict[tuple, pdf.Logo] = {}


def _logo(partnership_name: str, image) -> pdf.Logo | None:
    if image is None:
        return None
    key = (image.pk, image.file_hash, image.file.name, partnership_name)
    if key in _logos:
        return _logos[key]
    try:
        rendition = image.get_rendition("max-600x240|format-png")
        with rendition.file.open("rb") as handle:
            data = handle.read()
    except Exception:
        logger.exception("The partnership logo (image %s) could not be read; rendering without it.", image.pk)
        return None
    if len(_logos) >= 8:
        _logos.clear()
    _logos[key] = pdf.Logo(data=data, mime_type="image/png", alt=f"{partnership_name} logo")
    return _logos[key]


def document_for(certificate: Certificate, site_settings=None) -> pdf.CertificateDocument:
    """What the certificate's PDF shows: the certificate's own record and the partnership's site settings."""
    site_settings = site_settings or partnership_settings()
    partnership_name = site_settings.partnership_name
    return pdf.CertificateDocument(
        holder_name=certificate.holder_name,
        course_title=certificate.course_title,
        completed_on=certificate.completion.completed_on,
        cpd_hours=certificate.cpd_hours,
        issued_on=certificate.issued_on,
        expires_on=certificate.expires_on,
        code=certificate.display_code,
        verification_url=verification_url(certificate),
        verification_form_url=verification_form_url(),
        partnership_name=partnership_name,
        logo=_logo(partnership_name, site_settings.logo),
        reissued_at=certificate.reissued_at,
        revision=certificate.revision,
    )


def render_certificate_pdf(certificate: Certificate, site_settings=None) -> bytes:
    """The certificate's PDF, rendered now (the same bytes for the same certificate and settings)."""
    return pdf.render_pdf(document_for(certificate, site_settings))


def render_certificate(certificate: Certificate, *, site_settings=None) -> Certificate:
    """Render and store the PDF of the certificate's current revision, unless it is stored already.

    Pass the certificate as just read (with its completion). The file is written first, under
    :func:`pdf_name`; then one UPDATE points the row at it, only if the certificate was not reissued
    meanwhile; then the previous revision's file is deleted. A worker killed at any point leaves the row
    naming a complete file or none, and the next attempt finishes the job.
    """
    current = certificate
    name = pdf_name(current)
    if current.pdf.name == name:
        return current
    data = render_certificate_pdf(current, site_settings)
    if default_storage.exists(name):
        # Left by an attempt that died before the UPDATE (maybe half-written): not referenced, so replace it.
        default_storage.delete(name)
    saved = default_storage.save(name, ContentFile(data))
    if saved != name:
        # Another worker wrote the same name between our delete and save; its bytes are the same as ours.
        default_storage.delete(saved)
        return selectors.certificate_for_rendering(current.pk) or current
    previous = current.pdf.name
    now = timezone.now()
    updated = Certificate.objects.filter(pk=current.pk, revision=current.revision).update(
        pdf=name, rendered_at=now, render_queued_at=None
    )
    if not updated:
        # Reissued while we rendered: this revision is already out of date, and its rendering will follow.
        default_storage.delete(name)
        return selectors.certificate_for_rendering(current.pk) or current
    if previous and previous != name:
        default_storage.delete(previous)
    current.pdf.name, current.rendered_at, current.render_queued_at = name, now, None
    return current


def request_rendering(certificate: Certificate) -> bool:
    """Queue the rendering of a certificate that has no PDF, unless one was asked for recently.

    For a certificate found without its file (imported history, a lost task) when its holder opens it.
    True if a rendering was queued now.
    """
    now = timezone.now()
    claimed = (
        Certificate.objects.filter(pk=certificate.pk, pdf="")
        .filter(Q(render_queued_at__isnull=True) | Q(render_queued_at__lt=now - RENDER_REQUEUE_AFTER))
        .update(render_queued_at=now)
    )
    if claimed:
        _queue_rendering(certificate.pk)
    return bool(claimed)


def forget_missing_pdf(certificate: Certificate) -> bool:
    """The stored file has gone (deleted by hand, a restored database): clear it and queue a new rendering."""
    Certificate.objects.filter(pk=certificate.pk, pdf=certificate.pdf.name).update(pdf="", rendered_at=None)
    logger.warning("The PDF of certificate %s (%s) was missing; rendering it again.", certificate.pk, certificate.pdf)
    return request_rendering(certificate)


def _queue_rendering(certificate_id: int) -> None:
    from . import tasks

    transaction.on_commit(lambda: tasks.render_certificate.delay(certificate_id))


def read_pdf(certificate: Certificate) -> bytes:
    """The stored PDF's bytes, or a rendering made now if none is stored (exports must be complete)."""
    if certificate.pdf:
        with default_storage.open(certificate.pdf.name, "rb") as handle:
            return handle.read()
    return render_certificate_pdf(certificate)


# --- Telling the holder --------------------------------------------------------------------------------


def send_email(to: str, template: str, context: dict, site_settings=None) -> None:
    """Email ``templates/courses/certificates/email/<template>``, with the partnership's name and address."""
    site_settings = site_settings or partnership_settings()
    context = {"site_url": site_url(), "partnership_name": site_settings.partnership_name, **context}
    # Names are in the subject: one line.
    subject = single_line(render_to_string(f"courses/certificates/email/{template}_subject.txt", context))
    body = render_to_string(f"courses/certificates/email/{template}.txt", context)
    send_mail(subject, body, None, [to])


def _holder_context(certificate: Certificate) -> dict:
    return {
        "certificate": certificate,
        "holder": certificate.completion.user,
        "course_title": certificate.course_title,
        "code": certificate.display_code,
        "download_url": download_url(certificate),
        "verification_url": verification_url(certificate),
    }


def notify_certificate_ready(certificate: Certificate, *, site_settings=None) -> bool:
    """Email the holder that their certificate is ready to download: once, and only once it is.

    Pass the certificate as just read or rendered (with its completion and holder). Not for a revoked
    certificate or an inactive account (imported history nobody has claimed yet). The email is claimed by
    a conditional UPDATE in the transaction that sends it: if sending fails, the claim is rolled back and
    the task's retry sends it. True if an email went now.
    """
    holder = certificate.completion.user
    if not holder.is_active or certificate.ready_notified_at is not None:
        return False
    with transaction.atomic():
        claimed = (
            Certificate.objects.filter(pk=certificate.pk, ready_notified_at__isnull=True, revoked_at__isnull=True)
            .exclude(pdf="")
            .update(ready_notified_at=timezone.now())
        )
        if not claimed:
            return False
        send_email(holder.email, "certificate_ready", _holder_context(certificate), site_settings)
    return True


# --- Revoke, reinstate, reissue ------------------------------------------------------------------------


def _clean_reason(reason: str, action: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise CertificateActionError(f"Enter the reason for {action} the certificate.")
    return reason


@transaction.atomic
def revoke_certificate(certificate: Certificate, *, by: User, reason: str) -> Certificate:
    """Revoke a certificate: its verification page says so and its holder can no longer download it."""
    reason = _clean_reason(reason, "revoking")
    updated = Certificate.objects.filter(pk=certificate.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_reason=reason, revoked_by=by
    )
    if not updated:
        raise CertificateActionError("This certificate is already revoked.")
    certificate.refresh_from_db()
    log(certificate, REVOKE_ACTION, user=by, data={"reason": reason})
    return certificate


@transaction.atomic
def reinstate_certificate(certificate: Certificate, *, by: User, reason: str) -> Certificate:
    """Undo a revocation: the certificate is valid again (unless it has expired)."""
    reason = _clean_reason(reason, "reinstating")
    current = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if current.revoked_at is None:
        raise CertificateActionError("This certificate is not revoked.")
    revoked = {"revoked_at": current.revoked_at.isoformat(), "revoked_reason": current.revoked_reason}
    Certificate.objects.filter(pk=current.pk).update(revoked_at=None, revoked_reason="", revoked_by=None)
    certificate.refresh_from_db()
    log(certificate, REINSTATE_ACTION, user=by, data={"reason": reason, **revoked})
    return certificate


@transaction.atomic
def reissue_certificate(
    certificate: Certificate, *, by: User, reason: str, holder_name: str | None = None
) -> Certificate:
    """Reissue a certificate after a correction to the holder's name.

    Same code and dates; the name as given (by default the holder's name on their account now); a new
    rendering, which replaces the old file once it is stored. The verification page notes the reissue.
    """
    reason = _clean_reason(reason, "reissuing")
    current = Certificate.objects.select_for_update().select_related("completion__user").get(pk=certificate.pk)
    if current.revoked_at is not None:
        raise CertificateActionError("This certificate is revoked: reinstate it before reissuing it.")
    name = (holder_name if holder_name is not None else current.completion.user.full_name or "").strip()
    if not name:
        raise CertificateActionError("Enter the name to print on the certificate.")
    max_length = Certificate._meta.get_field("holder_name").max_length
    if len(name) > max_length:
        raise CertificateActionError(f"The name can be at most {max_length} characters long.")
    now = timezone.now()
    Certificate.objects.filter(pk=current.pk).update(
        holder_name=name, reissued_at=now, revision=F("revision") + 1, render_queued_at=now
    )
    certificate.refresh_from_db()
    log(
        certificate,
        REISSUE_ACTION,
        user=by,
        data={"reason": reason, "old_name": current.holder_name, "new_name": name, "revision": certificate.revision},
    )
    _queue_rendering(certificate.pk)
    return certificate


# --- Expiry and reminders (the daily task) -------------------------------------------------------------


def send_expiry_reminders(today: datetime.date | None = None) -> dict[int, int]:
    """Email the reminders due today, 60 and 14 days before expiry: each at most once per certificate.

    Each reminder is claimed by a conditional UPDATE in the transaction that sends it, so two runs at
    once, or a rerun after a crash, never send one twice. Returns how many of each were sent.
    """
    today = today or timezone.localdate()
    sent = {}
    for days in Certificate.REMINDER_DAYS:
        field = f"reminder_{days}_sent_at"
        sent[days] = 0
        for certificate in selectors.certificates_due_reminder(days, today).iterator(chunk_size=200):
            with transaction.atomic():
                claimed = Certificate.objects.filter(pk=certificate.pk, **{f"{field}__isnull": True}).update(
                    **{field: timezone.now()}
                )
                if not claimed:
                    continue
                context = {
                    **_holder_context(certificate),
                    "days": days,
                    "expires_on": certificate.expires_on,
                    "course_url": _course_url(certificate.completion.course),
                }
                send_email(certificate.completion.user.email, "certificate_expiry_reminder", context)
            sent[days] += 1
    return sent


def _course_url(course: CoursePage) -> str:
    return page_url(course)


def mark_expired(today: datetime.date | None = None) -> int:
    """Mark the certificates whose expiry date has passed; returns how many were marked now."""
    today = today or timezone.localdate()
    return selectors.certificates_newly_expired(today).update(expired_at=timezone.now())


def run_daily_expiry(today: datetime.date | None = None) -> dict[str, int]:
    """The daily run: send the reminders that are due, then mark what has expired."""
    reminders = send_expiry_reminders(today)
    expired = mark_expired(today)
    return {**{f"reminders_{days}": count for days, count in reminders.items()}, "expired": expired}


# --- Recovery ------------------------------------------------------------------------------------------


def queue_certificates(completion_ids: Iterable[int]) -> int:
    """Queue the issue (and PDF, and the holder's email) of each completion's certificate once committed.

    For completions recorded in bulk (an import of history): one task per completion, as
    ``record_completion`` queues for one, so a failure stays with its own certificate and a worker's
    retry repeats nothing (issuing is idempotent). Queued after the commit, so the worker finds the rows.
    Returns how many were queued.
    """
    from . import tasks

    ids = list(completion_ids)

    def queue() -> None:
        for completion_id in ids:
            tasks.issue_certificate.delay(completion_id)

    if ids:
        transaction.on_commit(queue)
    return len(ids)


def queue_missing_certificates() -> tuple[int, int]:
    """Queue the issue of every completion without a certificate, and the rendering of every certificate
    without a PDF (lost tasks, imported history). Returns (completions queued, renderings queued).
    """
    from . import tasks

    completion_ids = list(selectors.completions_without_certificate().values_list("pk", flat=True))
    for completion_id in completion_ids:
        tasks.issue_certificate.delay(completion_id)
    now = timezone.now()
    certificate_ids = list(selectors.certificates_without_pdf().values_list("pk", flat=True))
    Certificate.objects.filter(pk__in=certificate_ids).update(render_queued_at=now)
    for certificate_id in certificate_ids:
        tasks.render_certificate.delay(certificate_id)
    return len(completion_ids), len(certificate_ids)


@dataclass(frozen=True)
class SweepResult:
    issued: int
    renderings_queued: int


# At most this many of each per sweep, so that one run stays short and the queue grows by a bounded amount
# after an import of history; the next sweep takes the rest.
SWEEP_BATCH = 1000


def sweep_missing_certificates(*, now: datetime.datetime | None = None, batch: int = SWEEP_BATCH) -> SweepResult:
    """Beat's safety net: finish what lost tasks left undone, so nobody has to run a command.

    A completion's own task normally issues its certificate within seconds; one left without a certificate
    for longer than CERTIFICATE_SWEEP_SECONDS (its task was lost with the broker, the web process died
    between saving and queueing, or it was imported) gets it here and now: issuing is one insert, and the
    one-certificate-per-completion constraint makes a race with a late task harmless. Then every certificate
    without a PDF, old enough to have had its own chance, has its rendering queued, claimed first through
    ``render_queued_at`` so that the next sweep does not queue it again for RENDER_REQUEUE_AFTER. A task
    that runs anyway (a late original, a redelivery) finds the file stored and does nothing, or rewrites
    the same bytes under the same name; the holder is emailed once either way.
    """
    now = now or timezone.now()
    settled = now - datetime.timedelta(seconds=settings.CERTIFICATE_SWEEP_SECONDS)
    waiting = (
        selectors.completions_without_certificate()
        .filter(completed_at__lt=settled)
        .select_related("course", "user")[:batch]
    )
    issued = 0
    for completion in waiting:
        issue_certificate(completion)
        issued += 1
    with transaction.atomic():
        # Locked rows are being claimed by a sweep run at the same moment (the command, a second beat): skip.
        claimable = list(
            selectors.certificates_without_pdf()
            .filter(completion__completed_at__lt=settled)
            .filter(Q(render_queued_at__isnull=True) | Q(render_queued_at__lt=now - RENDER_REQUEUE_AFTER))
            .select_for_update(skip_locked=True, of=("self",))
            .values_list("pk", flat=True)[:batch]
        )
        Certificate.objects.filter(pk__in=claimable).update(render_queued_at=now)
        for certificate_id in claimable:
            _queue_rendering(certificate_id)
    if issued or claimable:
        logger.info("Sweep: issued %s certificates, queued %s renderings.", issued, len(claimable))
    return SweepResult(issued=issued, renderings_queued=len(claimable))
