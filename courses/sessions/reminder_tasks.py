"""Beat's reminder task for sessions (registered from lms/celery.py with ``related_name="reminder_tasks"``)."""

from __future__ import annotations

from celery import shared_task

from home.task_options import LONG, RETRYING

from . import reminders


@shared_task(**RETRYING, **LONG, name="courses.sessions.tasks.send_session_reminders")
def send_session_reminders() -> int:
    """Hourly (CELERY_BEAT_SCHEDULE): the reminders of dates starting within two days, each sent once; a
    retry after a mail failure repeats none that went (``reminders`` claims each as it sends it)."""
    return reminders.send_due_reminders()
