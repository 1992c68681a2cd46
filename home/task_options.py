"""Options shared by the platform's Celery tasks (``@shared_task(**RETRYING, **LONG)``)."""

from django.conf import settings
from django.db import InterfaceError, OperationalError

# Worth retrying: the database, the network, storage or mail failing for a moment (OSError covers
# connection errors, timeouts and smtplib's errors).
TRANSIENT_ERRORS = (OperationalError, InterfaceError, OSError)

# Acknowledged late (a worker killed mid-task leaves the message on the broker for another worker) and retried
# with exponential backoff on transient errors; only for tasks whose services are idempotent.
RETRYING = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": 2,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 10,
}

# For tasks that may take minutes: see LONG_TASK_TIME_LIMIT and the visibility timeout in the settings.
LONG = {"soft_time_limit": settings.LONG_TASK_SOFT_TIME_LIMIT, "time_limit": settings.LONG_TASK_TIME_LIMIT}
