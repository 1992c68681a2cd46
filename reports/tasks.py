"""Background work for reports: freezing quarters on schedule, rendering board reports."""

from celery import shared_task

from . import services


@shared_task
def freeze_due_quarters() -> list[str]:
    """Daily (beat): freeze the last complete quarter once SNAPSHOT_DELAY_DAYS have passed since it ended."""
    return [snapshot.period for snapshot in services.freeze_due()]


@shared_task
def render_board_report(report_id: int, email: bool = False) -> None:
    """Render a board report's PDF (WeasyPrint) and, when asked, email it to BOARD_REPORT_RECIPIENTS."""
    services.render_board_report(report_id, email=email)
