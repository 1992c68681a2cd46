"""A learner plays a SCORM module: the player page, the package's files, the runtime's commits, resume, versions,
several SCOs, and completion by each version's rule (through the test client, with commits shaped as the
scorm-again runtime sends them; tests/e2e/test_scorm.py drives the real runtime in Chromium)."""

from __future__ import annotations

import json
import re

import pytest
from django.core.cache import cache
from django.test import Client

from courses.learning import services as learning_services
from courses.models import Completion, ModuleProgress, ScormAttempt
from courses.scorm import services
from tests.courses.course_pages import course as make_course
from tests.courses.scorm_helpers import ready_package, scorm_module
from tests.courses.scorm_packages import TWO_SCOS, package_12, package_2004
from tests.factories import ModulePageFactory, UserFactory, knowledge_check, question

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def module(training_manager, django_capture_on_commit_callbacks):
    module = scorm_module()
    ready_package(module, package_12(mastery_score=80), training_manager, django_capture_on_commit_callbacks)
    return module


@pytest.fixture
def learner(module):
    user = UserFactory(full_name="Sam Learner")
    learning_services.enrol(user, module.get_parent().specific)
    return user


def play(client, module, **query) -> dict:
    """Open the player; returns the runtime's data from the page."""
    response = client.get(module.url, query)
    assert response.status_code == 200, response
    html = response.content.decode()
    start = html.index('<script id="scorm-runtime" type="application/json">') + len(
        '<script id="scorm-runtime" type="application/json">'
    )
    return json.loads(html[start : html.index("</script>", start)])


def send(client, runtime, cmi, *, session="s1", sequence=1, sco=None, **extra):
    body = {"session": session, "sequence": sequence, "sco": sco or runtime["sco"], "cmi": cmi}
    return client.post(runtime["commitUrl"], json.dumps(body), content_type="application/json", **extra)


def core(**values) -> dict:
    return {"core": values}


def test_an_enrolled_learner_gets_the_player_with_the_runtime_and_the_package_in_a_frame(client, module, learner):
    client.force_login(learner)
    response = client.get(module.url)
    html = response.content.decode()
    assert '<iframe id="scorm-content" title="Recognising coercive control"' in html
    assert "/static/vendor/scorm-again/scorm-again.min.js" in html and "/static/js/scorm-player.js" in html
    assert re.search(r"frame-src [^;]*'self'", response["Content-Security-Policy"])
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    runtime = play(client, module)
    attempt = ScormAttempt.objects.get()
    assert runtime["version"] == "1.2" and runtime["sco"] == "SCO-1"
    assert runtime["commitUrl"] == f"/learning/scorm/attempts/{attempt.pk}/commit/"
    assert runtime["cmi"]["core"]["student_name"] == "Sam Learner"
    assert runtime["cmi"]["core"]["entry"] == "ab-initio"
    assert runtime["cmi"]["student_data"] == {"mastery_score": "80"}
    assert attempt.enrolment.user == learner and attempt.package.version_number == 1


def test_someone_not_enrolled_is_sent_to_the_course_and_anonymous_people_to_sign_in(client, module):
    assert client.get(module.url).url.startswith("/accounts/login/")
    client.force_login(UserFactory())
    response = client.get(module.url)
    assert response.status_code == 302 and response.url == module.get_parent().url
    assert not ScormAttempt.objects.exists()


def test_the_package_files_come_from_this_origin_with_their_type_a_long_cache_and_their_own_policy(
    client, module, learner
):
    client.force_login(learner)
    play(client, module)
    package = ScormAttempt.objects.get().package
    response = client.get(f"/learning/scorm/packages/{package.pk}/sco1/index.html")
    assert response.status_code == 200 and b"Recognising coercive control" in b"".join(response.streaming_content)
    assert response["Content-Type"].startswith("text/html")
    assert response["Cache-Control"] == "private, max-age=31536000, immutable"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy and "'unsafe-inline'" in policy
    script = client.get(f"/learning/scorm/packages/{package.pk}/shared/sco.js")
    assert script["Content-Type"].startswith("application/javascript")
    assert client.get(f"/learning/scorm/packages/{package.pk}/nothing.html").status_code == 404
    assert client.get(f"/learning/scorm/packages/{package.pk}/../../settings.py").status_code == 404
    client.force_login(UserFactory())  # no attempt on this package
    assert client.get(f"/learning/scorm/packages/{package.pk}/sco1/index.html").status_code == 404


def test_a_commit_keeps_the_data_and_a_resumed_attempt_starts_where_the_learner_left(client, module, learner):
    client.force_login(learner)
    runtime = play(client, module)
    cmi = {
        **core(
            lesson_location="page-2",
            lesson_status="incomplete",
            exit="suspend",
            session_time="00:05:00",
            score={"raw": "40", "min": "0", "max": "100"},
        ),
        "suspend_data": "seen=1,2",
        "interactions": {"0": {"id": "q1", "type": "choice", "student_response": "a", "result": "correct"}},
    }
    response = send(client, runtime, cmi)
    assert response.json() == {"result": True, "errorCode": 0}
    attempt = ScormAttempt.objects.get()
    assert attempt.lesson_status == "incomplete" and attempt.score_scaled == 0.4 and attempt.total_seconds == 300
    assert attempt.scos["SCO-1"]["interactions"]["s1"]["0"]["id"] == "q1"
    resumed = play(client, module)["cmi"]
    assert resumed["core"]["entry"] == "resume"
    assert resumed["core"]["lesson_location"] == "page-2" and resumed["suspend_data"] == "seen=1,2"
    assert resumed["core"]["total_time"] == "0000:05:00"


def test_a_repeated_commit_changes_nothing_and_session_time_is_never_counted_twice(client, module, learner):
    client.force_login(learner)
    runtime = play(client, module)
    send(client, runtime, core(session_time="00:02:00", lesson_location="a"), sequence=1)
    send(client, runtime, core(session_time="00:03:00", lesson_location="b"), sequence=2)
    repeat = send(client, runtime, core(session_time="00:03:00", lesson_location="b"), sequence=2)
    stale = send(client, runtime, core(session_time="00:02:00", lesson_location="a"), sequence=1)
    assert repeat.json()["result"] is True and stale.json()["result"] is True
    attempt = ScormAttempt.objects.get()
    assert attempt.total_seconds == 180 and attempt.scos["SCO-1"]["cmi"]["core"]["lesson_location"] == "b"
    send(client, runtime, core(session_time="00:01:00"), session="s2", sequence=1)  # a second sitting
    attempt.refresh_from_db()
    assert attempt.total_seconds == 240


def test_a_commit_is_for_the_attempts_owner_only(client, module, learner):
    client.force_login(learner)
    runtime = play(client, module)
    other = UserFactory()
    client.force_login(other)
    assert send(client, runtime, core(lesson_location="x")).status_code == 404
    assert "lesson_location" not in json.dumps(ScormAttempt.objects.get().scos)


def test_a_commit_needs_the_csrf_token_which_may_travel_in_the_body_for_the_runtimes_beacon(module, learner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    runtime = play(client, module)
    assert send(client, runtime, core(lesson_location="x")).status_code == 403
    client.get(module.url)
    token = client.cookies["csrftoken"].value
    body = {"csrf_token": token, "session": "s1", "sequence": 1, "sco": "SCO-1", "cmi": core(lesson_location="x")}
    # navigator.sendBeacon sends text/plain, with no header of ours.
    response = client.post(runtime["commitUrl"], json.dumps(body), content_type="text/plain;charset=UTF-8")
    assert response.status_code == 200 and response.json()["result"] is True
    headers = send(client, runtime, core(lesson_location="y"), sequence=2, HTTP_X_CSRFTOKEN=token)
    assert headers.status_code == 200


@pytest.mark.parametrize(
    ("cmi", "code", "message"),
    [
        ({"suspend_data": "x" * 4097}, 405, "longer than SCORM 1.2 allows (4,096 characters)"),
        (core(score={"raw": "120", "min": "0", "max": "100"}), 405, "The score 120 is outside its range (0 to 100)."),
        (core(score={"raw": "lots"}), 405, "“lots” is not a number."),
        ("not data", 201, "The commit has no CMI data."),
    ],
)
def test_a_commit_that_breaks_the_data_model_stores_nothing(client, module, learner, cmi, code, message):
    client.force_login(learner)
    runtime = play(client, module)
    response = send(client, runtime, cmi)
    body = response.json()
    assert response.status_code == 400 and body["result"] is False and body["errorCode"] == code
    assert message in body["message"]
    assert ScormAttempt.objects.get().scos == {}


def test_unknown_elements_are_not_stored(client, module, learner):
    client.force_login(learner)
    runtime = play(client, module)
    send(client, runtime, {**core(lesson_location="x"), "no_such_element": "1"})
    assert "no_such_element" not in ScormAttempt.objects.get().scos["SCO-1"]["cmi"]


def test_a_closed_attempt_refuses_commits(client, module, learner):
    client.force_login(learner)
    runtime = play(client, module)
    ScormAttempt.objects.update(status=ScormAttempt.Status.CLOSED)
    response = send(client, runtime, core(lesson_location="x"))
    assert response.status_code == 409 and response.json()["result"] is False


def test_scorm_12_is_done_when_passed_or_completed_with_the_mastery_score(
    client, module, learner, django_capture_on_commit_callbacks
):
    client.force_login(learner)
    runtime = play(client, module)
    send(client, runtime, core(lesson_status="completed", score={"raw": "70"}), sequence=1)
    attempt = ScormAttempt.objects.get()
    assert attempt.lesson_status == "failed" and attempt.status == ScormAttempt.Status.OPEN  # 70 < mastery 80
    assert not Completion.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):  # the certificate is queued once the commit is
        response = send(client, runtime, core(lesson_status="completed", score={"raw": "85"}), sequence=2)
    assert response["X-Course-Completed"] == "1"
    attempt.refresh_from_db()
    assert attempt.lesson_status == "passed" and attempt.status == ScormAttempt.Status.DONE
    completion = Completion.objects.get(user=learner)
    assert hasattr(completion, "certificate")  # the certificate follows, as for any completed course
    assert ModuleProgress.objects.filter(module_id=module.pk).exists()


@pytest.mark.parametrize(
    ("statuses", "done"),
    [
        ({"completion_status": "completed", "success_status": "failed"}, False),
        ({"completion_status": "incomplete", "success_status": "passed"}, False),
        ({"completion_status": "completed", "success_status": "unknown"}, True),
        ({"completion_status": "completed", "success_status": "passed"}, True),
    ],
)
def test_scorm_2004_is_done_when_completed_and_passed_where_success_is_reported(
    client, training_manager, django_capture_on_commit_callbacks, statuses, done
):
    module = scorm_module()
    ready_package(module, package_2004(), training_manager, django_capture_on_commit_callbacks)
    user = UserFactory()
    learning_services.enrol(user, module.get_parent().specific)
    client.force_login(user)
    runtime = play(client, module)
    assert runtime["version"] == "2004" and runtime["cmi"]["learner_name"] == user.get_full_name()
    send(client, runtime, {**statuses, "session_time": "PT1M30S", "score": {"scaled": "0.5"}})
    attempt = ScormAttempt.objects.get()
    assert attempt.total_seconds == 90 and attempt.score_scaled == 0.5
    assert (attempt.status == ScormAttempt.Status.DONE) is done
    assert Completion.objects.filter(user=user).exists() is done


def test_scorm_2004_applies_the_manifests_passing_score_and_suspend_data_limit(
    client, training_manager, django_capture_on_commit_callbacks
):
    module = scorm_module()
    ready_package(module, package_2004(scaled_passing_score=0.8), training_manager, django_capture_on_commit_callbacks)
    user = UserFactory()
    learning_services.enrol(user, module.get_parent().specific)
    client.force_login(user)
    runtime = play(client, module)
    assert runtime["cmi"]["scaled_passing_score"] == "0.8"
    assert send(client, runtime, {"suspend_data": "x" * 64_001}).status_code == 400
    assert send(client, runtime, {"suspend_data": "x" * 64_000}, sequence=2).status_code == 200
    send(
        client,
        runtime,
        {"completion_status": "completed", "success_status": "passed", "score": {"scaled": "0.7"}},
        sequence=3,
    )
    assert ScormAttempt.objects.get().success_status == "failed"


def test_a_two_sco_package_is_done_when_both_are_and_the_learner_chooses_between_them(
    client, training_manager, django_capture_on_commit_callbacks
):
    module = scorm_module()
    ready_package(module, package_12(TWO_SCOS), training_manager, django_capture_on_commit_callbacks)
    user = UserFactory()
    learning_services.enrol(user, module.get_parent().specific)
    client.force_login(user)
    html = client.get(module.url).content.decode()
    assert '<nav class="scorm-items" aria-label="Parts of this module">' in html
    assert 'href="?item=SCO-2">Responding safely</a>' in html
    first = play(client, module)
    send(client, first, core(lesson_status="passed"))
    assert ScormAttempt.objects.get().status == ScormAttempt.Status.OPEN
    second = play(client, module)  # the first unfinished SCO opens by itself
    assert second["sco"] == "SCO-2" and play(client, module, item="SCO-1")["sco"] == "SCO-1"
    send(client, second, core(lesson_status="completed"), session="s2")
    assert ScormAttempt.objects.get().status == ScormAttempt.Status.DONE
    assert Completion.objects.filter(user=user).exists()


def test_learners_mid_attempt_keep_their_version_after_a_new_upload_or_its_withdrawal(
    client, module, learner, training_manager, django_capture_on_commit_callbacks
):
    client.force_login(learner)
    play(client, module)
    first = ScormAttempt.objects.get().package
    second = ready_package(module, package_2004(), training_manager, django_capture_on_commit_callbacks)
    services.withdraw_package(first)
    runtime = play(client, module)
    assert runtime["version"] == "1.2"
    assert client.get(f"/learning/scorm/packages/{first.pk}/sco1/index.html").status_code == 200
    newcomer = UserFactory()
    learning_services.enrol(newcomer, module.get_parent().specific)
    client.force_login(newcomer)
    assert play(client, module)["version"] == "2004"
    assert ScormAttempt.objects.get(enrolment__user=newcomer).package == second


def test_knowledge_checks_and_scorm_modules_mix_in_one_course(
    client, training_manager, django_capture_on_commit_callbacks
):
    course = make_course("mixed-course")
    check = knowledge_check(question("Who can be a victim?", [("Anyone", True), ("Only women", False)]), pass_mark=100)
    quiz = ModulePageFactory(parent=course, title="The law", check=check)
    module = scorm_module(course)
    ready_package(module, package_12(), training_manager, django_capture_on_commit_callbacks)
    user = UserFactory()
    learning_services.enrol(user, course)
    client.force_login(user)
    assert client.get(module.url).url == quiz.url  # modules in order: the check comes first
    client.post(quiz.url, {"action": "check", **_answers(client, quiz)})
    runtime = play(client, module)
    send(client, runtime, core(lesson_status="passed"))
    assert Completion.objects.filter(user=user, course=course).exists()


def _answers(client, quiz) -> dict:
    html = client.get(quiz.url).content.decode()
    start = html.index('name="block_id" value="') + len('name="block_id" value="')
    block_id = html[start : html.index('"', start)]
    start = html.index('name="submission_key" value="') + len('name="submission_key" value="')
    key = html[start : html.index('"', start)]
    return {"block_id": block_id, "submission_key": key, "question_1": "0"}


def test_the_vendored_runtime_is_the_npm_package_pinned_in_package_json():
    from pathlib import Path

    from django.conf import settings

    base = Path(settings.BASE_DIR)
    assert json.loads((base / "package.json").read_text())["dependencies"]["scorm-again"] == "3.4.3"
    vendored = (base / "static/vendor/scorm-again/scorm-again.min.js").read_bytes()
    assert b"Scorm2004API" in vendored and b"Scorm12API" in vendored
    installed = base / "node_modules/scorm-again/dist/scorm-again.min.js"
    if installed.exists():  # `make vendor-js` copies it; the two must not drift apart
        assert installed.read_bytes() == vendored


def test_a_commit_costs_a_fixed_number_of_queries_however_much_was_kept_before(
    client, module, learner, django_assert_num_queries
):
    client.force_login(learner)
    runtime = play(client, module)
    for sequence in range(1, 4):
        send(client, runtime, core(lesson_location=str(sequence), session_time="00:00:10"), sequence=sequence)
    # The session, the user, the transaction's savepoint, the locked attempt (with its package and enrolment),
    # the save, the savepoint's release.
    with django_assert_num_queries(6):
        send(client, runtime, core(lesson_location="9", session_time="00:00:20"), sequence=9)


def test_managers_see_each_attempts_version_status_score_and_time_in_a_fixed_number_of_queries(
    client, module, learner, training_manager, django_assert_num_queries
):
    client.force_login(learner)
    runtime = play(client, module)
    send(client, runtime, core(lesson_status="incomplete", session_time="00:04:05", score={"raw": "40"}))
    client.force_login(training_manager)
    url = f"/admin/scorm/modules/{module.pk}/attempts/"
    client.get(url)  # warm the per-process caches (Wagtail's site settings, menus)
    html = client.get(url).content.decode()
    assert "<td>Sam Learner</td>" in html and "<td>incomplete</td>" in html and "<td>40%</td>" in html
    assert "<td>0:04:05</td>" in html
    for _ in range(3):
        other = UserFactory()
        learning_services.enrol(other, module.get_parent().specific)
        services.open_attempt(other.enrolments.get(), module)
    with django_assert_num_queries(QUERIES_FOR_ATTEMPTS_PAGE):
        client.get(url)


QUERIES_FOR_ATTEMPTS_PAGE = 13  # the session and user, Wagtail's admin (menus, settings), one for the attempts
