from django.utils import timezone

from .models import WorkerHeartbeat


def record_heartbeat(name: str = "worker") -> WorkerHeartbeat:
    """Note that a worker is alive now (the beat schedule calls this every five minutes)."""
    heartbeat, _ = WorkerHeartbeat.objects.update_or_create(name=name, defaults={"seen_at": timezone.now()})
    return heartbeat
