from django.db import connection
from django.http import JsonResponse

from .models import WorkerHeartbeat


def health(request):
    """For load balancers and operators: is the database up, and when did a worker last run?"""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    heartbeat = WorkerHeartbeat.objects.filter(name="worker").first()
    return JsonResponse(
        {"database": "ok", "worker_last_seen": heartbeat.seen_at.isoformat() if heartbeat else None},
    )
