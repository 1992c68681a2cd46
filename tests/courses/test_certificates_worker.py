"""A real Celery worker on Redis renders the certificate of a completion made through the site.

Skipped unless CELERY_BROKER_URL is redis://... and the database is PostgreSQL (see tests/worker_fixtures.py);
the services run of CI sets both.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.storage import default_storage

from courses.models import Certificate
from tests.courses.certificate_helpers import make_course, pdf_text, qr_codes
from tests.factories import ModulePageFactory, UserFactory
from tests.worker_fixtures import wait_until

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_worker_renders_the_certificate_of_a_course_completed_on_the_site(
    celery_worker, client, settings, mailoutbox
):
    # The worker runs with the test settings, so its files are under their MEDIA_ROOT: read them from there.
    settings.MEDIA_ROOT = Path(settings.BASE_DIR) / "media" / "test"
    course = make_course(title="Honour-based abuse", certificate_validity_months=36)
    module = ModulePageFactory(parent=course, title="Recognising the signs")
    learner = UserFactory(full_name="Nadia Rahman")
    client.force_login(learner)

    enrolled = client.post(course.get_url())
    assert enrolled.status_code == 302 and enrolled.url == module.get_url()
    done = client.post(module.get_url(), {"action": "done"})
    assert done.status_code == 302 and "/learning/evaluation/" in done.url

    certificate = wait_until(
        # The PDF is stored first and the "ready" email claimed just after: wait for both.
        lambda: (
            Certificate.objects.filter(completion__user=learner, ready_notified_at__isnull=False)
            .exclude(pdf="")
            .first()
        ),
        "the worker to issue and store the certificate and send the ready email",
        timeout=60,
        details=celery_worker.output,
    )
    with default_storage.open(certificate.pdf.name, "rb") as handle:
        data = handle.read()
    assert "Nadia Rahman" in pdf_text(data) and "Honour-based abuse" in pdf_text(data)
    assert qr_codes(data) == [f"http://testserver/certificates/verify/{certificate.display_code}/"]
    assert certificate.ready_notified_at is not None  # the worker sent the email (to its own outbox)

    download = client.get(f"/certificates/{certificate.pk}/download/")
    assert download["Content-Type"] == "application/pdf"
    default_storage.delete(certificate.pdf.name)
