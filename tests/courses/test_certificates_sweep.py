"""Beat's sweep issues what lost tasks left undone: certificates for completions, PDFs for certificates.

Tasks run eagerly here; tests/courses/test_certificates_worker_killed.py kills a real worker.
"""

from __future__ import annotations

import datetime
import io

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

from courses.certificates import services as certificates
from courses.certificates import tasks
from courses.models import Certificate
from lms.celery import app
from tests.courses.certificate_helpers import certificate_of, complete, make_course
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def lost_completion(**user_fields):
    """A completion whose certificate task never ran: in a test's transaction on_commit never fires."""
    return complete(UserFactory(**user_fields), make_course(title="Stalking and harassment"))


def after_the_interval(completion) -> datetime.datetime:
    return completion.completed_at + datetime.timedelta(seconds=settings.CERTIFICATE_SWEEP_SECONDS + 1)


def stored_files() -> list[str]:
    return sorted(default_storage.listdir("certificates")[1]) if default_storage.exists("certificates") else []


def sweep(capture, now, *, run_queued=True) -> certificates.SweepResult:
    with capture(execute=run_queued):
        return certificates.sweep_missing_certificates(now=now)


def test_the_sweep_issues_and_renders_the_certificate_of_a_completion_whose_task_was_lost(
    django_capture_on_commit_callbacks, mailoutbox
):
    completion = lost_completion(full_name="Grace Okafor")

    result = sweep(django_capture_on_commit_callbacks, after_the_interval(completion))

    assert result == certificates.SweepResult(issued=1, renderings_queued=1)
    certificate = certificate_of(completion)
    assert certificate.holder_name == "Grace Okafor"
    assert stored_files() == [f"{certificate.code}-1.pdf"]
    assert certificate.pdf.name == certificates.pdf_name(certificate)
    assert [message.to for message in mailoutbox] == [[completion.user.email]]


def test_a_completion_made_within_the_interval_is_left_to_its_own_task(django_capture_on_commit_callbacks):
    completion = lost_completion()

    result = sweep(django_capture_on_commit_callbacks, completion.completed_at + datetime.timedelta(seconds=5))

    assert result == certificates.SweepResult(issued=0, renderings_queued=0)
    assert not Certificate.objects.exists()


def test_a_rendering_claimed_by_one_sweep_is_not_queued_again_until_it_is_overdue(django_capture_on_commit_callbacks):
    completion = lost_completion()
    now = after_the_interval(completion)
    # The first sweep's rendering is queued but never runs (lost with its broker).
    assert sweep(django_capture_on_commit_callbacks, now, run_queued=False).renderings_queued == 1

    again = sweep(django_capture_on_commit_callbacks, now + datetime.timedelta(minutes=5), run_queued=False)
    assert again == certificates.SweepResult(issued=0, renderings_queued=0)
    overdue = now + certificates.RENDER_REQUEUE_AFTER + datetime.timedelta(seconds=1)
    assert sweep(django_capture_on_commit_callbacks, overdue).renderings_queued == 1
    assert Certificate.objects.count() == 1 and certificate_of(completion).pdf
    assert sweep(django_capture_on_commit_callbacks, overdue) == certificates.SweepResult(0, 0)


def test_a_late_task_and_a_redelivered_rendering_after_the_sweep_leave_one_certificate_one_file_one_email(
    django_capture_on_commit_callbacks, mailoutbox
):
    completion = lost_completion()
    sweep(django_capture_on_commit_callbacks, after_the_interval(completion))
    certificate = certificate_of(completion)

    # The completion's own task arrives late, and the rendering is delivered again (a killed worker's).
    tasks.issue_certificate.apply(args=[completion.pk])
    tasks.render_certificate.apply(args=[certificate.pk])
    Certificate.objects.filter(pk=certificate.pk).update(pdf="", rendered_at=None)  # as if killed before the UPDATE
    tasks.render_certificate.apply(args=[certificate.pk])

    assert Certificate.objects.filter(completion=completion).count() == 1
    assert stored_files() == [f"{certificate.code}-1.pdf"]
    assert certificate_of(completion).pdf.name == f"certificates/{certificate.code}-1.pdf"
    assert len(mailoutbox) == 1


def test_a_certificate_whose_rendering_was_lost_gets_its_pdf_from_the_sweep(django_capture_on_commit_callbacks):
    completion = complete(UserFactory(), make_course(), capture=django_capture_on_commit_callbacks)
    certificate = certificate_of(completion)
    default_storage.delete(certificate.pdf.name)
    Certificate.objects.filter(pk=certificate.pk).update(pdf="", rendered_at=None)

    result = sweep(django_capture_on_commit_callbacks, after_the_interval(completion))

    assert result == certificates.SweepResult(issued=0, renderings_queued=1)
    assert stored_files() == [f"{certificate.code}-1.pdf"]


def test_history_imported_without_certificates_gets_them_from_the_scheduled_sweep(
    django_capture_on_commit_callbacks, tmp_path
):
    course = make_course(title="Domestic abuse awareness", slug="domestic-abuse-awareness")
    OrganisationFactory(name="Fenland District Council")
    history = tmp_path / "history.csv"
    history.write_text(
        "email,full_name,organisation,district,course,completed_on\n"
        "a@example.org,A Person,Fenland District Council,Fenland,domestic-abuse-awareness,2024-01-02\n"
        "b@example.org,B Person,Fenland District Council,Fenland,domestic-abuse-awareness,2024-03-04\n"
    )
    output = io.StringIO()
    # The import queues its certificates itself; without them (or with those tasks lost) the sweep catches up.
    call_command("import_completions", str(history), "--without-certificates", stdout=output)
    assert Certificate.objects.count() == 0

    result = sweep(django_capture_on_commit_callbacks, timezone.now())

    assert result == certificates.SweepResult(issued=2, renderings_queued=2)
    assert sorted(Certificate.objects.exclude(pdf="").values_list("holder_name", flat=True)) == ["A Person", "B Person"]
    assert Certificate.objects.filter(completion__course=course).count() == 2


def test_beat_runs_the_sweep_every_few_minutes_and_drops_a_run_that_waited_past_the_next():
    entry = settings.CELERY_BEAT_SCHEDULE["certificates-sweep-missing"]
    app.loader.import_default_modules()
    assert entry["task"] in app.tasks
    assert entry["schedule"] == datetime.timedelta(minutes=5)
    assert entry["options"]["expires"] == 300
    result = app.tasks[entry["task"]].apply()
    assert result.get() == {"issued": 0, "renderings_queued": 0}


def test_redis_hands_a_killed_workers_task_on_a_little_after_the_longest_task_could_run():
    """Longer than any task's time limit and any retry countdown (or a running task would start twice), but
    not the hour Redis defaults to (a killed worker's certificate would wait that long)."""
    app.loader.import_default_modules()
    visibility = app.conf.broker_transport_options["visibility_timeout"]
    ours = [task for name, task in app.tasks.items() if not name.startswith("celery.")]
    assert len(ours) >= 8
    limits = {task.name: task.time_limit or app.conf.task_time_limit for task in ours}
    assert all(limits.values()), "every task needs a time limit, or the longest task has none"
    soft = {task.name: task.soft_time_limit or app.conf.task_soft_time_limit for task in ours}
    assert all(soft[name] < limits[name] for name in limits)
    countdowns = [task.retry_backoff_max for task in ours if getattr(task, "autoretry_for", ())]
    longest = max([*limits.values(), *countdowns])
    assert longest < visibility <= longest + 120
    assert limits["courses.tasks.build_certificates_zip"] == settings.LONG_TASK_TIME_LIMIT
    assert limits["courses.tasks.issue_certificate"] == settings.CELERY_TASK_TIME_LIMIT
