"""Background work for reports: freezing quarters on schedule, rendering board reports."""

from celery import shared_task

from home.task_options import LONG

from . import services

# Both may take minutes on a large year (LONG).


@shared_task(**LONG)
def freeze_due_quarters() -> list[str]:
    """Daily (beat): freeze the last complete quarter once SNAPSHOT_DELAY_DAYS have passed since it ended."""
    return [snapshot.period for snapshot in services.freeze_due()]


@shared_task(**LONG)
def render_board_report(report_id: int, email: bool = False, job_id: str | None = None) -> None:
    """Render a board report's PDF (WeasyPrint) and, when asked, email it to BOARD_REPORT_RECIPIENTS.

    With ``job_id``, someone follows it on the job's page, which then offers the PDF.
    """
    if job_id:
        services.run_board_report_job(report_id, job_id, email=email)
    else:
        services.render_board_report(report_id, email=email)
