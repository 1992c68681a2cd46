"""The champion role agreement: the applicant names their line manager, who agrees or declines through an emailed
signed link without an account; a training manager approves only after that (or a paper agreement)."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from wagtail.models import Site

from champions import agreements, services
from champions.models import ChampionProfile, ChampionStatus, ManagerAgreement
from home.models import SiteSettings
from tests.champions.conftest import MANAGER, certify
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

APPLY = "/champions/me/apply/"
MINE = "/champions/me/"


def review_url(profile) -> str:
    return f"/admin/champions/{profile.pk}/"


def link_in(email) -> str:
    (link,) = re.findall(r"https?://\S+/champions/agreement/\S+/", email.body)
    return link


def path_of(link: str) -> str:
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


@pytest.fixture
def applicant(client, professional, champion_course, django_capture_on_commit_callbacks):
    """A certified professional who applied through the page; the manager's email is in the outbox."""
    certify(professional, champion_course)
    client.force_login(professional)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(APPLY, MANAGER, follow=True)
    assert "We have emailed your line manager the role agreement" in response.content.decode()
    return ChampionProfile.objects.get(user=professional)


@pytest.fixture
def manager_link(applicant) -> str:
    (email,) = [m for m in mail.outbox if m.to == [MANAGER["manager_email"]]]
    return path_of(link_in(email))


def test_applying_asks_for_the_line_manager_and_emails_them_a_signed_link(applicant, professional):
    (email,) = mail.outbox
    assert email.to == [MANAGER["manager_email"]]
    assert email.reply_to == [professional.email]
    assert professional.full_name in email.subject
    assert "every 9 to 10 weeks" in email.body
    assert "for 30 days" in email.body
    agreement = ManagerAgreement.objects.get(profile=applicant)
    assert (agreement.manager_name, agreement.manager_email) == (MANAGER["manager_name"], MANAGER["manager_email"])
    assert agreement.outcome == ManagerAgreement.Outcome.WAITING
    assert agreement.expires_at - agreement.requested_at == datetime.timedelta(days=30)
    assert link_in(email).startswith("http://testserver/champions/agreement/")


@pytest.mark.parametrize(
    ("details", "message"),
    [
        ({"manager_name": "", "manager_email": "m@example.org"}, "Enter your line manager&#x27;s name."),
        ({"manager_name": "Morgan", "manager_email": ""}, "Enter your line manager&#x27;s work email address."),
        ({"manager_name": "Morgan", "manager_email": "not-an-address"}, "like name@organisation.org"),
    ],
)
def test_applying_without_the_line_managers_details_is_refused_and_creates_nothing(
    client, professional, champion_course, details, message
):
    certify(professional, champion_course)
    client.force_login(professional)
    response = client.post(APPLY, details)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "<title>Error: " in page
    assert not ChampionProfile.objects.exists()
    assert not mail.outbox


def test_an_applicant_cannot_name_themselves_as_their_line_manager(client, professional, champion_course):
    certify(professional, champion_course)
    client.force_login(professional)
    response = client.post(APPLY, {"manager_name": "Me", "manager_email": professional.email.upper()}, follow=True)
    assert "not your own" in response.content.decode()
    assert not ChampionProfile.objects.exists()


def test_the_manager_reads_the_agreement_from_site_settings_and_agrees_without_an_account(
    applicant, manager_link, professional, django_capture_on_commit_callbacks
):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.champion_role_agreement = (
        "Released for network meetings every 9-10 weeks.\n\n- Cascading training to the team\n- Renewal time"
    )
    site_settings.save()
    manager = Client()  # no account, no session
    page = manager.get(manager_link).content.decode()
    assert professional.full_name in page
    assert "<p>Released for network meetings every 9-10 weeks.</p>" in page
    assert "<li>Cascading training to the team</li>" in page
    assert "I agree</button>" in page

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = manager.post(manager_link, {"decision": "agree"})
    assert response.status_code == 302 and response["Location"] == manager_link
    agreement = ManagerAgreement.objects.get(profile=applicant)
    assert agreement.outcome == ManagerAgreement.Outcome.AGREED
    assert agreement.answered_at is not None
    assert "every 9-10 weeks" in agreement.agreement_text
    (told,) = mail.outbox
    assert told.to == [professional.email]
    assert "has agreed" in told.body
    after = manager.get(manager_link).content.decode()
    assert "You agreed on" in after
    assert "I agree</button>" not in after

    # The text as agreed is kept: a later edit of the setting does not change what this manager agreed to.
    site_settings.champion_role_agreement = "Something else entirely."
    site_settings.save()
    assert "every 9-10 weeks" in manager.get(manager_link).content.decode()


def test_an_agreement_link_used_twice_changes_nothing_the_second_time(applicant, manager_link):
    manager = Client()
    manager.post(manager_link, {"decision": "agree"})
    answered_at = ManagerAgreement.objects.get(profile=applicant).answered_at
    response = manager.post(manager_link, {"decision": "decline", "comment": "Changed my mind"})
    assert response.status_code == 409
    assert "already answered on" in response.content.decode()
    agreement = ManagerAgreement.objects.get(profile=applicant)
    assert (agreement.outcome, agreement.answered_at, agreement.comment) == ("agreed", answered_at, "")


def test_an_expired_agreement_link_says_so_and_a_training_manager_sends_a_new_one(
    applicant, manager_link, client, training_manager, django_capture_on_commit_callbacks
):
    ManagerAgreement.objects.filter(profile=applicant).update(expires_at=timezone.now() - datetime.timedelta(hours=1))
    manager = Client()
    response = manager.get(manager_link)
    assert response.status_code == 410
    assert "This link expired on" in response.content.decode()
    assert manager.post(manager_link, {"decision": "agree"}).status_code == 410
    assert ManagerAgreement.objects.get(profile=applicant).outcome == "waiting"

    client.force_login(training_manager)
    page = client.get(review_url(applicant)).content.decode()
    assert "the link expired" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(review_url(applicant), {"action": "send_again"})
    assert response.status_code == 302
    (email,) = mail.outbox
    assert path_of(link_in(email)) == manager_link  # the same link, working again for 30 days
    assert manager.post(manager_link, {"decision": "agree"}).status_code == 302
    assert ManagerAgreement.objects.get(profile=applicant).outcome == "agreed"


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # the signature altered
        lambda token: str(int(token.split(":")[0]) + 1) + ":" + token.split(":")[1],  # another agreement's id
        lambda token: token.split(":")[0],  # no signature at all
    ],
)
def test_a_tampered_agreement_link_is_refused_and_changes_nothing(applicant, manager_link, tamper):
    token = manager_link.rstrip("/").rsplit("/", 1)[-1]
    bad = f"/champions/agreement/{tamper(token)}/"
    manager = Client()
    response = manager.get(bad)
    assert response.status_code == 400
    assert "not complete or has been changed" in response.content.decode()
    assert manager.post(bad, {"decision": "agree"}).status_code == 400
    assert ManagerAgreement.objects.get(profile=applicant).outcome == "waiting"


def test_the_manager_declines_with_a_comment_and_an_overlong_comment_is_refused(applicant, manager_link):
    manager = Client()
    response = manager.post(manager_link, {"decision": "decline", "comment": "x" * 501})
    assert response.status_code == 400
    assert "Keep your comment to 500 characters or fewer." in response.content.decode()
    assert ManagerAgreement.objects.get(profile=applicant).outcome == "waiting"

    manager.post(manager_link, {"decision": "decline", "comment": "We cannot spare the time this year."})
    agreement = ManagerAgreement.objects.get(profile=applicant)
    assert (agreement.outcome, agreement.comment) == ("declined", "We cannot spare the time this year.")


def test_a_training_manager_cannot_approve_before_the_manager_agrees(applicant, client, training_manager):
    client.force_login(training_manager)
    page = client.get(review_url(applicant)).content.decode()
    assert "has not agreed to the role yet" in page
    response = client.post(review_url(applicant), {"action": "approve"})
    assert response.status_code == 200
    assert "cannot be approved yet" in response.content.decode()
    applicant.refresh_from_db()
    assert applicant.status == ChampionStatus.APPLIED


def test_after_the_manager_agrees_the_approval_keeps_the_agreement_in_the_history(
    applicant, manager_link, client, training_manager
):
    Client().post(manager_link, {"decision": "agree"})
    client.force_login(training_manager)
    assert client.post(review_url(applicant), {"action": "approve"}).status_code == 302
    applicant.refresh_from_db()
    assert applicant.status == ChampionStatus.ACTIVE
    approval = applicant.status_changes.get(to_status="active")
    assert approval.agreement == ManagerAgreement.objects.get(profile=applicant)
    page = client.get(review_url(applicant)).content.decode()
    assert "Line manager's agreement: agreed through the emailed link (Morgan Manager" in page


def test_a_paper_agreement_needs_a_note_and_then_allows_approval(applicant, manager_link, client, training_manager):
    Client().post(manager_link, {"decision": "decline", "comment": "Not now"})
    client.force_login(training_manager)
    page = client.get(review_url(applicant)).content.decode()
    assert "declined the role agreement" in page
    assert client.post(review_url(applicant), {"action": "approve"}).status_code == 200

    response = client.post(review_url(applicant), {"action": "paper", "note": "  "})
    assert "Add a note about the paper agreement" in response.content.decode()
    assert ManagerAgreement.objects.filter(profile=applicant, outcome="paper").count() == 0

    note = "Signed form from the head of service, 3 March, kept in the HR file."
    assert client.post(review_url(applicant), {"action": "paper", "note": note}).status_code == 302
    paper = agreements.current_agreement(applicant)
    assert (paper.outcome, paper.note, paper.recorded_by) == ("paper", note, training_manager)
    assert ManagerAgreement.objects.filter(profile=applicant).count() == 2  # the decline is kept beside it

    assert client.post(review_url(applicant), {"action": "approve"}).status_code == 302
    approval = applicant.status_changes.get(to_status="active")
    assert approval.agreement == paper
    assert note in client.get(review_url(applicant)).content.decode()


def test_only_those_who_approve_may_record_a_paper_agreement(applicant, client):
    from accounts.roles import TRAINERS

    client.force_login(UserFactory(groups=[TRAINERS]))
    response = client.post(review_url(applicant), {"action": "paper", "note": "On paper"})
    assert response.status_code in (302, 403)
    assert not ManagerAgreement.objects.filter(profile=applicant, outcome="paper").exists()


def test_applying_again_replaces_the_old_link(applicant, manager_link, training_manager, professional):
    services.decline(applicant, by=training_manager, reason="Try again next year")
    services.apply(professional, manager_name="Nell New", manager_email="nell.new@example.org")
    response = Client().post(manager_link, {"decision": "agree"})
    assert response.status_code == 410
    assert "replaced or closed" in response.content.decode()
    assert ManagerAgreement.objects.get(profile=applicant, manager_name="Morgan Manager").outcome == "waiting"


def test_the_applicant_sees_whether_their_manager_has_agreed(applicant, manager_link, client):
    assert "We are waiting for their answer" in client.get(MINE).content.decode()
    Client().post(manager_link, {"decision": "agree"})
    assert "Morgan Manager has agreed." in client.get(MINE).content.decode()


def test_a_lapsed_champion_renewing_needs_no_new_agreement(client, make_champion, champion_course):
    champion = make_champion()
    services._change_status(champion, ChampionStatus.LAPSED, reason=services.LAPSED_REASON)
    client.force_login(champion.user)
    response = client.post(APPLY, follow=True)
    assert "active Domestic Abuse Champion again" in response.content.decode()
    assert champion.agreements.count() == 1
