"""A real Celery worker on Redis runs an uploaded import, and its job's page follows it to the end.

Skipped unless CELERY_BROKER_URL is redis://... and the database is PostgreSQL (see tests/worker_fixtures.py);
the services run of CI sets both.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from courses.models import Certificate, Completion
from home.models import BackgroundJob
from tests.courses.course_pages import course
from tests.factories import OrganisationFactory, UserFactory
from tests.worker_fixtures import wait_until

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HEADER = "email,full_name,organisation,district,course,completed_on\n"


def test_a_worker_imports_an_uploaded_file_and_the_job_page_reaches_done(celery_worker, client, settings):
    # The worker runs with the test settings, so it reads and writes files under their MEDIA_ROOT: so must we.
    settings.MEDIA_ROOT = Path(settings.BASE_DIR) / "media" / "test"
    OrganisationFactory(name="Fenland District Council")
    course("stalking-and-harassment", "Stalking and harassment")
    manager = UserFactory(groups=["Training managers"])
    client.force_login(manager)
    rows = "".join(
        f"person{n}@fenland.gov.uk,Person {n},Fenland District Council,Fenland,stalking-and-harassment,2023-0{n}-01\n"
        for n in range(1, 4)
    )

    response = client.post(
        "/admin/learning/import/", {"file": SimpleUploadedFile("history.csv", (HEADER + rows).encode())}
    )
    job = BackgroundJob.objects.get()
    assert response.status_code == 302 and response.url == f"/admin/jobs/{job.pk}/"
    stored = job.upload.name
    assert stored  # in media storage, where the worker (another process) reads it

    wait_until(
        lambda: client.get(f"/admin/jobs/{job.pk}/status/").json()["finished"],
        "the worker to finish the import job",
        timeout=60,
        details=celery_worker.output,
    )
    page = client.get(response.url).content.decode()
    assert "history.csv: imported 3 completions, 3 new people, 0 already present." in page
    assert "<dt>Completions written</dt><dd>3</dd>" in page
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE and not job.upload
    assert not (Path(settings.MEDIA_ROOT) / stored).exists()
    assert Completion.objects.count() == 3
    wait_until(
        lambda: Certificate.objects.exclude(pdf="").count() == 3,
        "the worker to issue the three certificates the import queued",
        timeout=90,
        details=celery_worker.output,
    )
    for certificate in Certificate.objects.all():
        (Path(settings.MEDIA_ROOT) / certificate.pdf.name).unlink(missing_ok=True)
