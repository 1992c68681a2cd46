"""The three-month follow-up: one email per completion, a signed expiring link, a short form (issue 14)."""

import datetime
import re

import pytest
from django.core import mail, signing
from django.utils import timezone

from courses.learning import follow_ups, services
from courses.models import Completion, Evaluation, FollowUp
from reports import measures as m
from reports.periods import Period
from tests.courses.course_pages import course
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def days_ago(days: int) -> datetime.datetime:
    """Midday, that many days ago in Europe/London (an hour's clock change never moves the day)."""
    day = timezone.localdate() - datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=timezone.get_default_timezone())


@pytest.fixture
def awareness():
    return course("domestic-abuse-awareness", "Domestic abuse awareness")


@pytest.fixture
def learner():
    return UserFactory(full_name="Priya Shah")


def link_in(message) -> str:
    return re.search(r"https?://\S+/learning/follow-up/\S+/", message.body).group(0).split("://", 1)[1].split("/", 1)[1]


def test_ninety_days_after_a_completion_one_email_is_sent_exactly_once(learner, awareness, settings):
    settings.FOLLOW_UP_DAYS = 90
    services.record_completion(learner, awareness, completed_at=days_ago(90))
    services.record_completion(learner, course("stalking"), completed_at=days_ago(89))  # not yet
    imported = services.record_completion(
        learner, course("fgm"), completed_at=days_ago(90), source=Completion.Source.IMPORT
    )
    mail.outbox.clear()
    assert follow_ups.send_follow_ups() == 1
    assert follow_ups.send_follow_ups() == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [learner.email]
    assert "Domestic abuse awareness" in mail.outbox[0].subject
    assert "/learning/follow-up/" in mail.outbox[0].body
    assert not FollowUp.objects.filter(completion=imported).exists()


def test_the_learner_answers_once_and_the_measures_count_it(client, learner, awareness):
    completion = services.record_completion(learner, awareness, completed_at=days_ago(90))
    Evaluation.objects.create(completion=completion, confidence_before=2, confidence_after=4, usefulness=4)
    follow_ups.send_follow_ups()
    path = "/" + link_in(mail.outbox[-1])
    client.force_login(learner)
    page = client.get(path).content.decode()
    assert "Do not write anything that could identify a person" in page
    response = client.post(path, {"used": "several", "confidence_now": "5", "example": "Asked the routine question."})
    assert response.status_code == 302
    follow_up = FollowUp.objects.get()
    assert follow_up.used == "several" and follow_up.confidence_now == 5

    again = client.post(path, {"used": "not_yet", "confidence_now": "1"}, follow=True)
    assert "already answered" in again.content.decode()
    follow_up.refresh_from_db()
    assert follow_up.used == "several"

    today = timezone.localdate()
    period = Period(today - datetime.timedelta(days=1), today, "recent")
    assert m.follow_up_rate(period).total == m.Ratio(1, 1)
    assert m.applied_in_practice(period).total == m.Ratio(1, 1)
    assert m.sustained_uplift(period).total == m.Mean(3, 1)


def test_free_text_over_the_limit_is_refused_and_nothing_is_kept(client, learner, awareness):
    services.record_completion(learner, awareness, completed_at=days_ago(90))
    follow_ups.send_follow_ups()
    path = "/" + link_in(mail.outbox[-1])
    client.force_login(learner)
    response = client.post(path, {"used": "once", "confidence_now": "3", "example": "x" * 501})
    assert response.status_code == 400
    assert "at most 500 characters" in response.content.decode()
    assert FollowUp.objects.get().answered_at is None


def test_the_follow_up_can_be_skipped(client, learner, awareness):
    services.record_completion(learner, awareness, completed_at=days_ago(90))
    follow_ups.send_follow_ups()
    path = "/" + link_in(mail.outbox[-1])
    client.force_login(learner)
    client.post(path, {"action": "skip"})
    follow_up = FollowUp.objects.get()
    assert follow_up.skipped_at is not None and follow_up.answered_at is None
    assert "We will not ask about this course again" in client.get(path).content.decode()


def test_someone_elses_tampered_or_expired_link_is_refused(client, learner, awareness, settings):
    services.record_completion(learner, awareness, completed_at=days_ago(90))
    follow_ups.send_follow_ups()
    path = "/" + link_in(mail.outbox[-1])
    client.force_login(UserFactory())
    response = client.post(path, {"used": "once", "confidence_now": "3"})
    assert response.status_code == 404 and "is not yours" in response.content.decode()

    client.force_login(learner)
    assert "not valid" in client.get(path.replace("/follow-up/", "/follow-up/x")).content.decode()
    token = path.rstrip("/").rsplit("/", 1)[1]
    settings.FOLLOW_UP_LINK_DAYS = 0
    with pytest.raises(follow_ups.FollowUpError, match="expired"):
        follow_ups.follow_up_for_link(token, learner)
    assert FollowUp.objects.get().answered_at is None
    assert signing.loads(token, salt=follow_ups.SALT) == FollowUp.objects.get().pk


def test_the_follow_up_task_is_on_the_beat_schedule(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "courses.tasks.send_follow_ups" in tasks
