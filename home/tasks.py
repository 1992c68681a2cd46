from celery import shared_task

from . import services


@shared_task
def record_heartbeat(name: str = "worker") -> str:
    return services.record_heartbeat(name).seen_at.isoformat()


@shared_task
def delete_expired_job_files() -> int:
    """Daily (beat): delete the files of background jobs past their expiry (a ZIP of certificates, say)."""
    return services.delete_expired_job_files()
