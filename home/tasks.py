from celery import shared_task

from . import services


@shared_task
def record_heartbeat(name: str = "worker") -> str:
    return services.record_heartbeat(name).seen_at.isoformat()
