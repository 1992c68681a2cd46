"""A background job's page in the admin: only its owner sees it; it says how far the work has got while it runs."""

import json

import pytest
from django.core.cache import cache

from home import services
from home.models import BackgroundJob
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(client):
    user = UserFactory(groups=["Training managers"])
    client.force_login(user)
    return user


def test_a_waiting_job_s_page_says_so_in_a_status_region_and_polls_with_a_static_script(client, manager):
    job = services.create_job("test.kind", manager, "Import of history.csv")
    html = client.get(f"/admin/jobs/{job.pk}/").content.decode()
    assert '<p role="status" aria-live="polite" data-job-progress-text>Waiting for the worker to start.</p>' in html
    assert f'data-job-status-url="/admin/jobs/{job.pk}/status/"' in html
    assert "/static/js/job-progress.js" in html
    assert 'http-equiv="refresh"' not in html  # axe's meta-refresh rule: no timed reloads
    assert f'href="/admin/jobs/{job.pk}/"' in html  # "check again", without the script


def test_a_running_job_reports_its_stage_and_counts_on_its_page_and_as_json(client, manager):
    job = services.create_job("test.kind", manager, "Import of history.csv")
    job = services.start_job(job.pk)
    progress = services.JobProgress(job, every=1000)
    progress("Checking rows", 0, 5000)
    progress("Checking rows", 999, 5000)  # not yet worth a write
    assert BackgroundJob.objects.get().done == 0
    progress("Checking rows", 2000, 5000)

    html = client.get(f"/admin/jobs/{job.pk}/").content.decode()
    assert "Checking rows: 2,000 of 5,000." in html
    assert '<progress max="5000" value="2000"' in html
    status = json.loads(client.get(f"/admin/jobs/{job.pk}/status/").content)
    assert status | {} == {
        "status": "running",
        "status_label": "In progress",
        "finished": False,
        "stage": "Checking rows",
        "done": 2000,
        "total": 5000,
        "text": "Checking rows: 2,000 of 5,000.",
    }


def test_counts_written_inside_a_transaction_reach_the_page_through_the_cache(client, manager):
    job = services.start_job(services.create_job("test.kind", manager, "Import").pk)
    services.JobProgress(job)("Writing completions", 40_000, 80_000)
    BackgroundJob.objects.filter(pk=job.pk).update(done=0, total=0)  # as another connection sees the row meanwhile
    assert json.loads(client.get(f"/admin/jobs/{job.pk}/status/").content)["done"] == 40_000
    services.finish_job(job, message="Done.")
    assert cache.get(services.progress_key(job.pk)) is None


def test_a_job_that_raises_ends_as_failed_with_a_message_not_a_page_waiting_for_ever(client, manager):
    job = services.start_job(services.create_job("test.kind", manager, "Import").pk)
    with pytest.raises(ZeroDivisionError), services.failing_on_error(job):
        1 / 0  # noqa: B018
    html = client.get(f"/admin/jobs/{job.pk}/").content.decode()
    assert BackgroundJob.objects.get().status == BackgroundJob.Status.FAILED
    assert "Something went wrong and the work was not finished" in html and 'role="alert"' in html


def test_nobody_but_the_owner_sees_a_job_and_a_stranger_cannot_tell_it_exists(client, manager):
    job = services.create_job("test.kind", manager, "Import")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    for url in (f"/admin/jobs/{job.pk}/", f"/admin/jobs/{job.pk}/status/", f"/admin/jobs/{job.pk}/download/"):
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(f"/admin/jobs/{job.pk}/").status_code == 302  # to the sign-in
