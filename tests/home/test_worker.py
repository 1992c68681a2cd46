"""The background worker, for real: a task goes through Redis to a separate worker process and its work lands
in the database. Skipped unless CELERY_BROKER_URL is redis://... and the database is PostgreSQL (see
tests/worker_fixtures.py); CI's services run sets both, with REQUIRE_SERVICES=1 so they cannot be skipped there.
"""

import pytest
from celery.result import EagerResult
from django.utils import timezone

from home import tasks
from home.models import WorkerHeartbeat
from tests.worker_fixtures import wait_until

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_heartbeat_task_goes_through_redis_to_a_separate_worker_that_writes_it_to_the_database(celery_worker):
    assert not WorkerHeartbeat.objects.filter(name="ci-worker").exists()
    sent_at = timezone.now()

    result = tasks.record_heartbeat.delay("ci-worker")

    # Queued on the broker, not run here in-process.
    assert not isinstance(result, EagerResult)
    heartbeat = wait_until(
        lambda: WorkerHeartbeat.objects.filter(name="ci-worker").first(),
        "the worker to record the 'ci-worker' heartbeat",
        details=celery_worker.output,
    )
    assert heartbeat.seen_at >= sent_at
