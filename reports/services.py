"""Actions in reports: freezing figures, board reports, partners' API tokens, audited downloads.

Every action that a person would want to see afterwards is recorded in
Wagtail's audit trail (Reports > Site history in the admin) with one of the
actions registered in ``reports.wagtail_hooks``.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.log_actions import log

from accounts.models import Organisation, User
from home import services as jobs
from home.models import BackgroundJob

from . import measures as m
from . import periods as p
from . import selectors, suppression
from .models import BoardReport, MeasureSnapshot, PartnerApiToken, SnapshotTable
from .tables import build_table, to_snapshot

logger = logging.getLogger(__name__)

FREEZE = "reports.freeze"
REFREEZE = "reports.refreeze"
STAFF_LIST_DOWNLOAD = "reports.staff_list_download"
TOKEN_CREATE = "reports.api_token.create"
TOKEN_REVOKE = "reports.api_token.revoke"
BOARD_REPORT = "reports.board_report"
BOARD_REPORT_JOB_KIND = "reports.board_report"

TOKEN_PREFIX = "dasv_"


class FreezeError(Exception):
    """The period cannot be frozen (yet, or again without force); the message says why."""


class BoardReportError(ValueError):
    """A board report cannot be made for this period; the message says why."""


# --- Frozen figures ----------------------------------------------------------------------------------------


def snapshot_delay() -> datetime.timedelta:
    return datetime.timedelta(days=int(getattr(settings, "SNAPSHOT_DELAY_DAYS", 10)))


def freeze(
    period: p.Period, *, user: User | None = None, force: bool = False, today: datetime.date | None = None
) -> MeasureSnapshot:
    """Freeze a financial quarter's or year's figures, every breakdown, as they are now.

    Only a period that has ended can be frozen. Freezing one already frozen
    needs ``force``: the tables are replaced and the audit trail records who
    did it and which totals changed. Once a quarter is frozen, its board
    report is rendered and emailed to ``BOARD_REPORT_RECIPIENTS``.
    """
    today = today or timezone.localdate()
    if not (period.is_quarter or period.is_year):
        raise FreezeError(f"Only a financial quarter or year can be frozen, not {period.label}.")
    if not period.has_ended(today):
        raise FreezeError(f"{period.label} has not ended yet (it ends on {period.end:%-d %B %Y}).")
    tables = {by: build_table(period, by) for by in m.BREAKDOWNS}
    evaluation = selectors.evaluation_results(period)
    with transaction.atomic():
        snapshot = MeasureSnapshot.objects.select_for_update().filter(period=period.label).first()
        if snapshot is not None and not force:
            raise FreezeError(
                f"{period.label} was frozen on {timezone.localtime(snapshot.frozen_at):%-d %B %Y}. "
                "Freezing it again replaces the figures on file: use --force if that is what you mean."
            )
        changed: dict[str, list] = {}
        if snapshot is None:
            snapshot = MeasureSnapshot.objects.create(
                period=period.label,
                start=period.start,
                end=period.end,
                frozen_by=user,
                suppression_threshold=suppression.threshold(),
                evaluation=evaluation,
            )
            action = FREEZE
        else:
            previous = {t.by: t.data for t in snapshot.tables.all()}.get("none", {}).get("total", {})
            current = to_snapshot(tables["none"])["total"]
            changed = {
                name: [previous.get(name), current[name]] for name in current if previous.get(name) != current[name]
            }
            snapshot.tables.all().delete()
            snapshot.frozen_at = timezone.now()
            snapshot.frozen_by = user
            snapshot.times_frozen += 1
            snapshot.suppression_threshold = suppression.threshold()
            snapshot.evaluation = evaluation
            snapshot.save()
            action = REFREEZE
        SnapshotTable.objects.bulk_create(
            SnapshotTable(snapshot=snapshot, by=by, data=to_snapshot(table)) for by, table in tables.items()
        )
        log(
            snapshot,
            action,
            user=user,
            title=f"Figures for {period.label}",
            data={"period": period.label, "times_frozen": snapshot.times_frozen, "changed_totals": changed},
        )
        if period.is_quarter and selectors.board_report_recipients():
            transaction.on_commit(lambda: _queue_board_report(period, None, email=True))
    return snapshot


def due_for_freezing(today: datetime.date | None = None) -> list[p.Period]:
    """Periods the scheduled task should freeze today: the last complete quarter once the delay has passed.

    And the financial year too, when that quarter is its Q4. Periods already frozen are left alone.
    """
    today = today or timezone.localdate()
    quarter = p.last_complete_quarter(today)
    if today < quarter.end + snapshot_delay():
        quarter = p.previous_quarter(quarter)
    due = [quarter]
    if quarter.label.endswith("-Q4"):
        due.append(p.year_containing(quarter.start))
    frozen = set(MeasureSnapshot.objects.filter(period__in=[d.label for d in due]).values_list("period", flat=True))
    return [period for period in due if period.label not in frozen]


def freeze_due(today: datetime.date | None = None) -> list[MeasureSnapshot]:
    """Freeze whatever is due (the beat task); returns what was frozen."""
    frozen = []
    for period in due_for_freezing(today):
        try:
            frozen.append(freeze(period, today=today))
        except FreezeError as error:  # frozen meanwhile by someone else
            logger.info("Not freezing %s: %s", period.label, error)
    return frozen


# --- Board reports -----------------------------------------------------------------------------------------


def request_board_report(period: p.Period, user: User | None = None, *, email: bool = False) -> BoardReport:
    """Queue the board report PDF for a quarter; the Celery task renders it."""
    if not period.is_quarter:
        raise BoardReportError(f"A board report covers a financial quarter, not {period.label}.")
    report = BoardReport.objects.create(period=period.label, requested_by=user)
    transaction.on_commit(lambda: _queue_render(report.pk, email))
    return report


def request_board_report_job(period: p.Period, user: User, *, return_url: str = "") -> BackgroundJob:
    """Queue a quarter's board report as a background job for ``user``: its page shows progress, then the link.

    The report is also listed on the dashboard, as every board report is, for everyone who reads the measures.
    """
    if not period.is_quarter:
        raise BoardReportError(f"A board report covers a financial quarter, not {period.label}.")
    report = BoardReport.objects.create(period=period.label, requested_by=user)
    job = jobs.create_job(
        BOARD_REPORT_JOB_KIND,
        user,
        f"Board report {period.label}",
        return_url=return_url,
        return_label="Back to the measures",
    )
    transaction.on_commit(lambda: _queue_render(report.pk, False, job.pk))
    return job


def run_board_report_job(report_id: int, job_id, *, email: bool = False) -> BackgroundJob | None:
    """The board report task's work when someone waits on its page: render it, then offer its PDF there."""
    job = jobs.start_job(job_id)
    if job is None:
        return None
    with jobs.failing_on_error(job):
        jobs.JobProgress(job).stage("Rendering the board report (figures, tables and charts)")
        report = render_board_report(report_id, email=email)
    return jobs.finish_job(
        job,
        message=f"The board report for {p.parse_period(report.period).title} is ready.",
        file_name=f"board-report-{report.period}.pdf",
        # The report's own PDF, kept with the report (the job never deletes it).
        stored_file=report.pdf.name,
    )


def _queue_board_report(period: p.Period, user: User | None, *, email: bool) -> None:
    request_board_report(period, user, email=email)


def _queue_render(report_id: int, email: bool, job_id=None) -> None:
    from .tasks import render_board_report

    render_board_report.delay(report_id, email, str(job_id) if job_id else None)


def render_board_report(report_id: int, *, email: bool = False) -> BoardReport:
    """Render a queued board report to PDF (WeasyPrint) and, if asked, email it to the recipients."""
    from .board import board_report_context, board_report_pdf

    report = BoardReport.objects.get(pk=report_id)
    period = p.parse_period(report.period)
    try:
        context = board_report_context(period)
        pdf = board_report_pdf(context)
    except Exception as error:
        report.status = BoardReport.Status.FAILED
        report.error = f"{type(error).__name__}: {error}"
        report.save(update_fields=["status", "error"])
        raise
    report.pdf.save(f"board-report-{period.label}.pdf", ContentFile(pdf), save=False)
    report.status = BoardReport.Status.READY
    report.figures_status = context["status"]
    report.rendered_at = timezone.now()
    report.save()
    log(report, BOARD_REPORT, user=report.requested_by, title=f"Board report {period.label}")
    if email:
        email_board_report(report, pdf)
    return report


def email_board_report(report: BoardReport, pdf: bytes) -> list[str]:
    recipients = selectors.board_report_recipients()
    if not recipients:
        return []
    period = p.parse_period(report.period)
    message = EmailMessage(
        subject=f"Board report: {period.title}",
        body=render_to_string("reports/email/board_report.txt", {"period": period, "report": report}),
        to=recipients,
    )
    message.attach(f"board-report-{period.label}.pdf", pdf, "application/pdf")
    message.send()
    report.emailed_to = "\n".join(recipients)
    report.save(update_fields=["emailed_to"])
    return recipients


# --- Partners ----------------------------------------------------------------------------------------------


def hash_token(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_api_token(user: User, name: str) -> tuple[PartnerApiToken, str]:
    """Create a token for a partner lead. Returns the token and its secret, which is shown once only."""
    name = (name or "").strip()[:80] or "API token"
    for _attempt in range(5):
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        prefix = secret[len(TOKEN_PREFIX) : len(TOKEN_PREFIX) + PartnerApiToken.PREFIX_LENGTH]
        try:
            with transaction.atomic():
                token = PartnerApiToken.objects.create(user=user, name=name, prefix=prefix, key_hash=hash_token(secret))
        except IntegrityError:  # the same prefix already exists: pick another secret
            continue
        log(token, TOKEN_CREATE, user=user, title=str(token))
        return token, secret
    raise RuntimeError("Could not create a unique API token.")


def revoke_api_token(token: PartnerApiToken, by: User) -> PartnerApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        log(token, TOKEN_REVOKE, user=by, title=str(token))
    return token


def token_used(token: PartnerApiToken) -> None:
    """Note when a token was last used (at most once a minute, to keep API calls read-only in practice)."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > datetime.timedelta(minutes=1):
        PartnerApiToken.objects.filter(pk=token.pk).update(last_used_at=now)


def record_staff_list_download(user: User, organisation: Organisation, rows: int) -> None:
    log(
        organisation,
        STAFF_LIST_DOWNLOAD,
        user=user,
        title=organisation.name,
        data={"organisation_id": organisation.pk, "rows": rows},
    )
