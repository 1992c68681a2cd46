"""record_completion queues the certificate task, unless its caller issues the certificate itself."""

import pytest

from courses.learning import services
from courses.models import Certificate
from tests.courses.certificate_helpers import make_course
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_completion_queues_its_certificate_once_the_transaction_commits(django_capture_on_commit_callbacks):
    user, course = UserFactory(), make_course()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        completion = services.record_completion(user, course)
    assert len(callbacks) == 1 and Certificate.objects.filter(completion=completion).exists()


def test_without_queueing_a_completion_is_recorded_as_usual_and_no_certificate_task_runs(
    django_capture_on_commit_callbacks,
):
    user, course = UserFactory(), make_course()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        completion = services.record_completion(user, course, queue_certificate=False)
    assert callbacks == [] and not Certificate.objects.exists()
    assert (completion.organisation, completion.sector_id, completion.district) == (
        user.organisation,
        user.organisation.sector_id,
        user.district,
    )
    assert services.record_completion(user, course, queue_certificate=False) == completion  # once a day
