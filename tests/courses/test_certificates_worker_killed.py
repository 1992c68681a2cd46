"""A worker killed (SIGKILL) while it renders a batch of certificates: everything is finished, unattended.

Nobody calls a service by hand after the kill: a new worker and a real ``celery beat`` do it all. Two paths
bring the work back:

- the task the dead worker was running was never acknowledged (tasks are acknowledged late), so Redis hands
  it to the new worker once ``visibility_timeout`` has passed: set to 10 s here (CELERY_VISIBILITY_TIMEOUT)
  instead of the production value of a little more than the longest task, so that the redelivery comes
  within the test;
- beat's sweep (CERTIFICATE_SWEEP_SECONDS, every 3 s here instead of 5 minutes) issues the certificates of
  completions whose task was lost altogether (here: completions saved without one, as a web process killed
  between saving and queueing leaves them) and queues the PDF of every certificate left without one.

The test polls the database until every certificate exists exactly once with its PDF stored (at most five
minutes), then checks each file. Skipped unless CELERY_BROKER_URL is redis://... and the database is
PostgreSQL (see tests/worker_fixtures.py); the services run of CI sets both.
"""

from __future__ import annotations

import signal
import time

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from courses.certificates import services as certificates
from courses.learning import services
from courses.models import Certificate, Completion
from tests.courses.certificate_helpers import make_course, pdf_text
from tests.factories import UserFactory
from tests.worker_fixtures import wait_until

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BATCH = 30  # completions recorded as the site does, each queueing its certificate task
LOST = 5  # completions whose task was never queued
RECOVERY_TIMEOUT = 300


def test_a_worker_killed_mid_batch_leaves_every_certificate_issued_once_with_its_pdf_within_five_minutes(
    celery_processes, settings
):
    run = celery_processes(
        CELERY_VISIBILITY_TIMEOUT="10",
        CERTIFICATE_SWEEP_SECONDS="3",
        TEST_MEDIA_ROOT=str(settings.MEDIA_ROOT),  # the workers' files where this test reads them
    )
    first = run.start_worker()
    run.start_beat()
    course = make_course(title="Coercive control", certificate_validity_months=36)
    people = [UserFactory(full_name=f"Learner {number:02d} Kaur") for number in range(BATCH + LOST)]
    for person in people[BATCH:]:
        completed_at = timezone.now()
        Completion.objects.create(
            user=person, course=course, completed_at=completed_at, completed_on=timezone.localdate(completed_at)
        )
    for person in people[:BATCH]:
        services.record_completion(person, course)  # commits, then queues its certificate task

    def rendering_mid_batch():
        stored = Certificate.objects.exclude(pdf="").count()
        in_flight = Certificate.objects.filter(pdf="").count()
        return (stored, in_flight) if 10 <= stored <= BATCH - 5 and in_flight else None

    stored_at_kill, in_flight_at_kill = wait_until(
        rendering_mid_batch, "some but not all PDFs to be stored", timeout=120, interval=0.05, details=run.logs
    )
    first.process.send_signal(signal.SIGKILL)
    first.process.wait()
    killed_at = time.monotonic()
    unfinished = set(Certificate.objects.filter(pdf="").values_list("pk", flat=True))
    assert first.process.returncode == -signal.SIGKILL and unfinished

    run.start_worker()
    wait_until(
        lambda: Certificate.objects.exclude(pdf="").filter(ready_notified_at__isnull=False).count() == BATCH + LOST,
        "every certificate to be issued, stored and emailed after the kill",
        timeout=RECOVERY_TIMEOUT,
        interval=0.5,
        details=run.logs,
    )
    recovered_in = time.monotonic() - killed_at

    issued = list(Certificate.objects.select_related("completion__user"))
    assert len(issued) == BATCH + LOST
    assert sorted(certificate.completion.user_id for certificate in issued) == sorted(p.pk for p in people)
    files = sorted(default_storage.listdir("certificates")[1])
    assert files == sorted(f"{certificate.code}-1.pdf" for certificate in issued)  # one file each, no strays
    for certificate in issued:
        assert certificate.pdf.name == certificates.pdf_name(certificate)
        with default_storage.open(certificate.pdf.name, "rb") as handle:
            assert certificate.completion.user.full_name in pdf_text(handle.read())
    print(
        f"\nkill -9 figures: {len(issued)} certificates ({BATCH} queued by their completions, {LOST} with no task); "
        f"at the kill {stored_at_kill} PDFs stored and {in_flight_at_kill} issued without one; "
        f"all issued once with their PDFs {recovered_in:.1f} s after the kill."
    )
