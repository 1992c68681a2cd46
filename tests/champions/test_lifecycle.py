"""Applying, approval and decline in the admin, the nightly lapse, renewal and stepping down."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from champions import services, tasks
from champions.models import ChampionProfile, ChampionStatus, ChampionStatusChange
from tests.champions.conftest import MANAGER, apply_with_agreement, certify
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MINE = "/champions/me/"
APPLY = "/champions/me/apply/"


def review_url(profile) -> str:
    return f"/admin/champions/{profile.pk}/"


def test_the_profile_page_links_to_applying(client, professional):
    client.force_login(professional)
    page = client.get("/accounts/profile/").content.decode()
    assert 'href="/champions/me/">Apply to become a Domestic Abuse Champion</a>' in page


def test_applying_without_the_training_names_the_course_and_changes_nothing(client, professional, champion_course):
    client.force_login(professional)
    page = client.get(MINE).content.decode()
    assert "Domestic Abuse Champion Training" in page
    assert "Apply to become a Domestic Abuse Champion</button>" not in page

    response = client.post(APPLY, MANAGER, follow=True)
    assert "You need a valid certificate of “Domestic Abuse Champion Training”" in response.content.decode()
    assert not ChampionProfile.objects.exists()


def test_applying_with_an_expired_certificate_is_refused(client, professional, champion_course):
    certify(
        professional,
        champion_course,
        completed_on=datetime.date(2020, 1, 1),
        expires_on=datetime.date(2023, 1, 1),
    )
    client.force_login(professional)
    response = client.post(APPLY, MANAGER, follow=True)
    assert "renew it, if your certificate has expired" in response.content.decode()
    assert not ChampionProfile.objects.exists()


def test_a_certified_professional_applies_and_the_application_is_recorded(client, professional, champion_course):
    certify(professional, champion_course)
    client.force_login(professional)
    assert "Apply to become a Domestic Abuse Champion</button>" in client.get(MINE).content.decode()

    response = client.post(APPLY, MANAGER, follow=True)
    assert "Thank you for applying" in response.content.decode()
    profile = ChampionProfile.objects.get(user=professional)
    assert profile.status == ChampionStatus.APPLIED
    assert not profile.visible_in_directory
    assert list(profile.districts.all()) == [professional.district]
    change = ChampionStatusChange.objects.get(profile=profile)
    assert (change.from_status, change.to_status, change.changed_by) == ("", "applied", professional)
    assert change.organisation == professional.organisation

    # Applying twice changes nothing.
    client.post(APPLY, MANAGER)
    assert ChampionStatusChange.objects.filter(profile=profile).count() == 1


@pytest.fixture
def application(professional, champion_course):
    certify(professional, champion_course)
    return apply_with_agreement(professional)


def test_a_training_manager_approves_an_application_in_the_admin(client, training_manager, application):
    client.force_login(training_manager)
    listing = client.get("/admin/champions/").content.decode()
    assert application.user.full_name in listing
    mail.outbox.clear()

    response = client.post(review_url(application), {"action": "approve"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ChampionStatus.ACTIVE
    change = application.status_changes.latest("changed_at")
    assert (change.from_status, change.to_status, change.changed_by) == ("applied", "active", training_manager)
    (email,) = mail.outbox
    assert email.to == [application.user.email]
    assert "You are now a Domestic Abuse Champion" in email.subject


def test_the_admin_says_why_an_application_cannot_be_approved_without_a_valid_certificate(
    client, training_manager, application
):
    certificate = application.user.completions.get().certificate
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = "Issued in error"
    certificate.save()
    client.force_login(training_manager)

    page = client.get(review_url(application)).content.decode()
    assert "This application cannot be approved yet" in page
    response = client.post(review_url(application), {"action": "approve"})
    assert response.status_code == 200
    assert "cannot be approved: they do not hold a valid certificate of" in response.content.decode()
    application.refresh_from_db()
    assert application.status == ChampionStatus.APPLIED


def test_declining_needs_a_reason_which_is_emailed_to_the_applicant(client, training_manager, application):
    client.force_login(training_manager)
    mail.outbox.clear()
    response = client.post(review_url(application), {"action": "decline", "reason": ""})
    assert "Give the reason for declining" in response.content.decode()
    application.refresh_from_db()
    assert application.status == ChampionStatus.APPLIED
    assert mail.outbox == []

    reason = "Your manager has asked that you complete your probation period first."
    client.post(review_url(application), {"action": "decline", "reason": reason})
    application.refresh_from_db()
    assert application.status == ChampionStatus.DECLINED
    (email,) = mail.outbox
    assert reason in email.body
    assert application.status_changes.latest("changed_at").reason == reason


@pytest.mark.parametrize("who", ["professional", "trainer"])
def test_only_training_managers_can_review_applications(client, application, who):
    user = application.user if who == "professional" else UserFactory(groups=["Trainers"])
    client.force_login(user)
    for url in ("/admin/champions/", review_url(application)):
        assert client.get(url).status_code in (302, 403)
    response = client.post(review_url(application), {"action": "approve"})
    assert response.status_code in (302, 403)
    application.refresh_from_db()
    assert application.status == ChampionStatus.APPLIED


def test_the_champion_list_runs_the_same_number_of_queries_for_more_champions(
    client, training_manager, make_champion, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_champion()
    client.force_login(training_manager)
    client.get("/admin/champions/?status=active")
    with CaptureQueriesContext(connection) as baseline:
        client.get("/admin/champions/?status=active")
    expected = len(baseline.captured_queries)  # read now: the next request resets the log
    assert expected
    for _ in range(6):
        make_champion()
    with django_assert_num_queries(expected):
        response = client.get("/admin/champions/?status=active")
    assert len(response.context["champions"]) == 7


def test_the_nightly_task_lapses_expired_champions_and_tells_them_how_to_renew(make_champion, champion_course):
    today = timezone.localdate()
    expired = make_champion(
        expires_on=today - datetime.timedelta(days=1), at=timezone.now() - datetime.timedelta(days=400)
    )
    current = make_champion()
    mail.outbox.clear()

    assert tasks.lapse_expired_champions.delay().get() == {"lapsed": 1, "restored": 0}

    expired.refresh_from_db()
    current.refresh_from_db()
    assert (expired.status, current.status) == (ChampionStatus.LAPSED, ChampionStatus.ACTIVE)
    change = expired.status_changes.latest("changed_at")
    assert (change.from_status, change.to_status, change.changed_by) == ("active", "lapsed", None)
    (email,) = mail.outbox
    assert email.to == [expired.user.email]
    assert "how to renew" in email.subject
    assert champion_course.title in email.body
    assert champion_course.url in email.body
    # Running again the same day changes nothing.
    assert tasks.lapse_expired_champions.delay().get() == {"lapsed": 0, "restored": 0}


def test_a_renewed_champion_is_restored_by_the_nightly_run(make_champion, champion_course):
    champion = make_champion(expires_on=datetime.date(2031, 1, 31))
    services.lapse_expired_champions(today=datetime.date(2031, 2, 1))
    champion.refresh_from_db()
    assert champion.status == ChampionStatus.LAPSED

    certify(champion.user, champion_course, completed_on=datetime.date(2031, 2, 10))
    mail.outbox.clear()
    result = services.lapse_expired_champions(today=datetime.date(2031, 2, 11))
    assert [p.pk for p in result.restored] == [champion.pk]
    champion.refresh_from_db()
    assert champion.status == ChampionStatus.ACTIVE
    assert champion.visible_in_directory  # they come back as they were
    change = champion.status_changes.latest("changed_at")
    assert (change.from_status, change.to_status, change.reason) == ("lapsed", "active", services.RENEWED_REASON)
    assert "You are a Domestic Abuse Champion again" in mail.outbox[0].subject


def test_a_lapsed_champion_with_a_renewed_certificate_can_renew_at_once(client, make_champion, champion_course):
    champion = make_champion()
    services._change_status(champion, ChampionStatus.LAPSED, reason=services.LAPSED_REASON)
    client.force_login(champion.user)
    page = client.get(MINE).content.decode()
    assert "Your champion status has lapsed" in page
    assert "Renew my champion status now" in page  # their certificate (made by make_champion) is valid

    response = client.post(APPLY, MANAGER, follow=True)
    assert "you are an active Domestic Abuse Champion again" in response.content.decode()
    champion.refresh_from_db()
    assert champion.status == ChampionStatus.ACTIVE


def test_a_champion_steps_down_and_leaves_the_directory(client, make_champion, directory_page):
    champion = make_champion()
    client.force_login(champion.user)
    assert "Step down" in client.get("/champions/me/withdraw/").content.decode()
    response = client.post("/champions/me/withdraw/", follow=True)
    assert "You have stepped down" in response.content.decode()
    champion.refresh_from_db()
    assert champion.status == ChampionStatus.WITHDRAWN
    client.force_login(UserFactory())
    assert client.get(f"{directory_page.url}{champion.pk}/").status_code == 404


def test_someone_who_stepped_down_can_apply_again(client, make_champion):
    champion = make_champion()
    services.withdraw(champion, by=champion.user)
    client.force_login(champion.user)
    client.post(APPLY, MANAGER)
    champion.refresh_from_db()
    assert champion.status == ChampionStatus.APPLIED
