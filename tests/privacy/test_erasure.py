"""Erasure: asked for on the account page, decided by a data protection officer in the admin, and what it
leaves: an account nobody can sign in to, no name anywhere, every counted record still counted."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from wagtail.models import ModelLogEntry

from accounts.models import User
from champions import selectors as champion_selectors
from champions.models import ChampionActivity, ChampionContact, ChampionProfile, NetworkAttendance
from courses.models import Certificate, Completion, Evaluation
from privacy import erasure, services
from privacy.models import ErasureRequest
from reports.models import PartnerApiToken
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def ask_to_be_erased(client, person):
    client.force_login(person)
    return client.post("/your-data/erase/", {"confirm": "on"})


def test_a_person_asks_for_erasure_from_their_data_page_and_it_waits_for_a_decision(client, professional):
    client.force_login(professional)
    assert "Download your data, or ask for it to be erased" in client.get("/accounts/profile/").content.decode()
    unconfirmed = client.post("/your-data/erase/", {})
    assert unconfirmed.status_code == 302
    assert not ErasureRequest.objects.exists()
    response = client.post("/your-data/erase/", {"confirm": "on"}, follow=True)
    assert "sent to the partnership" in response.content.decode()
    request = ErasureRequest.objects.get()
    assert (request.person, request.status, request.channel) == (professional, "pending", "account")
    # Asking again while one waits makes no second request.
    client.post("/your-data/erase/", {"confirm": "on"})
    assert ErasureRequest.objects.count() == 1
    assert "You asked on" in client.get("/your-data/").content.decode()


def test_approval_anonymises_the_person_and_keeps_every_counted_record(
    client, champion_person, dpo, django_capture_on_commit_callbacks
):
    person = champion_person
    address = person.email
    counts_before = {
        (model, field): model.objects.filter(**{field: person}).count()
        for model, field in [
            (Completion, "user"),
            (ChampionActivity, "user"),
            (NetworkAttendance, "user"),
            (ChampionContact, "sender"),
        ]
    }
    certificate = Certificate.objects.get(completion__user=person)
    ask_to_be_erased(client, person)
    request = ErasureRequest.objects.get()
    client.force_login(dpo)
    page = client.get(f"/admin/privacy/requests/{request.pk}/")
    assert page.status_code == 200 and "Priya Champion" in page.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/privacy/requests/{request.pk}/", {"action": "approve"})
    assert response.status_code == 302

    person.refresh_from_db()
    pseudonym = f"Erased person {person.pk:04d}"
    assert person.full_name == pseudonym and person.job_title == ""
    assert person.email.endswith("@erased.invalid") and person.erased_at is not None
    assert not person.is_active and not person.has_usable_password()
    assert not EmailAddress.objects.filter(user=person).exists()
    profile = ChampionProfile.objects.get(user=person)
    assert (profile.bio, profile.work_phone, profile.visible_in_directory) == ("", "", False)
    assert not champion_selectors.in_directory().filter(pk=profile.pk).exists()
    assert Evaluation.objects.get(completion__user=person).comment == ""
    assert Evaluation.objects.get(completion__user=person).confidence_after == 4  # counted: kept
    assert ChampionActivity.objects.get(user=person).note == ""
    assert PartnerApiToken.objects.get(user=person).revoked_at is not None
    certificate.refresh_from_db()
    assert certificate.holder_name == pseudonym and certificate.holder_removed
    for model, field in counts_before:
        assert model.objects.filter(**{field: person}).count() == counts_before[(model, field)]
    assert ErasureRequest.objects.get().status == "erased"
    # Told at the address they had.
    assert [(m.to, m.subject) for m in mail.outbox] == [([address], "Your data has been erased")]
    assert ModelLogEntry.objects.filter(action=services.ERASURE_APPROVED, user=dpo).exists()


def test_the_erased_person_cannot_sign_in_and_their_certificate_page_names_nobody(client, champion_person, dpo):
    person = champion_person
    email = person.email
    certificate = Certificate.objects.get(completion__user=person)
    services.approve_erasure(services.request_erasure(person), by=dpo)
    client.logout()
    response = client.post("/accounts/login/", {"login": email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 200  # the form again, with an error: no sign-in
    assert "_auth_user_id" not in client.session
    page = client.get(f"/certificates/verify/{certificate.display_code}/").content.decode()
    assert "asked for their personal data to be removed" in page
    assert "Priya Champion" not in page and "Erased person" not in page
    assert "Genuine certificate".lower() in page.lower()


def test_an_erased_persons_open_session_ends(client, champion_person, dpo):
    client.force_login(champion_person)
    assert client.get("/your-data/").status_code == 200
    services.approve_erasure(services.request_erasure(champion_person), by=dpo)
    assert client.get("/your-data/").status_code == 302  # sent to sign in


def test_refusal_needs_a_reason_is_audited_and_the_person_is_told(
    client, professional, dpo, django_capture_on_commit_callbacks
):
    request = services.request_erasure(professional)
    client.force_login(dpo)
    empty = client.post(f"/admin/privacy/requests/{request.pk}/", {"action": "refuse", "reason": " "})
    assert empty.status_code == 200 and "This field is required" in empty.content.decode()
    assert ErasureRequest.objects.get().status == "pending"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/privacy/requests/{request.pk}/", {"action": "refuse", "reason": "An open complaint"})
    request.refresh_from_db()
    assert (request.status, request.refusal_reason, request.decided_by) == ("refused", "An open complaint", dpo)
    assert mail.outbox[0].to == [professional.email] and "An open complaint" in mail.outbox[0].body
    entry = ModelLogEntry.objects.get(action=services.ERASURE_REFUSED)
    assert entry.user == dpo and entry.data["person"] == professional.pk
    professional.refresh_from_db()
    assert professional.erased_at is None and professional.is_active
    # Deciding twice is refused with a message, nothing changed.
    response = client.post(f"/admin/privacy/requests/{request.pk}/", {"action": "approve"}, follow=True)
    assert "already been decided" in response.content.decode()
    professional.refresh_from_db()
    assert professional.erased_at is None


def test_a_superuser_cannot_be_erased(dpo):
    superuser = UserFactory(is_superuser=True, is_staff=True, full_name="Root Admin")
    request = services.request_erasure(superuser, recorded_by=dpo)
    with pytest.raises(services.PrivacyError, match="superuser"):
        services.approve_erasure(request, by=dpo)
    superuser.refresh_from_db()
    assert superuser.full_name == "Root Admin" and ErasureRequest.objects.get().status == "pending"


def test_a_person_on_legal_hold_is_not_erased_until_the_hold_is_lifted(client, professional, dpo):
    client.force_login(dpo)
    response = client.post(
        f"/admin/privacy/people/{professional.pk}/", {"action": "hold", "reason": "Open investigation 42"}
    )
    assert response.status_code == 302
    request = services.request_erasure(professional)
    answer = client.post(f"/admin/privacy/requests/{request.pk}/", {"action": "approve"}, follow=True)
    assert "on legal hold (Open investigation 42)" in answer.content.decode()
    professional.refresh_from_db()
    assert professional.erased_at is None
    client.post(f"/admin/privacy/people/{professional.pk}/", {"action": "lift", "reason": "Investigation closed"})
    client.post(f"/admin/privacy/requests/{request.pk}/", {"action": "approve"})
    professional.refresh_from_db()
    assert professional.erased_at is not None
    actions = list(ModelLogEntry.objects.filter(action__startswith="privacy.hold").values_list("action", flat=True))
    assert sorted(actions) == [services.HOLD_LIFTED, services.HOLD_PLACED]


def test_erasing_twice_is_refused(professional, dpo):
    services.approve_erasure(services.request_erasure(professional), by=dpo)
    with pytest.raises(services.PrivacyError, match="already been erased"):
        services.request_erasure(professional)
    with pytest.raises(erasure.ErasureRefused, match="already been erased"):
        erasure.erase_person(professional)


def test_a_dpo_records_a_request_received_by_post(client, professional, dpo):
    client.force_login(dpo)
    response = client.post(f"/admin/privacy/people/{professional.pk}/", {"action": "record_request"})
    request = ErasureRequest.objects.get()
    assert response["Location"] == f"/admin/privacy/requests/{request.pk}/"
    assert (request.channel, request.recorded_by) == ("post", dpo)


def test_only_data_protection_officers_decide(client, professional, training_manager):
    request = services.request_erasure(professional)
    client.force_login(training_manager)
    assert client.get(f"/admin/privacy/requests/{request.pk}/").status_code in (302, 403)
    client.post(f"/admin/privacy/requests/{request.pk}/", {"action": "approve"})
    professional.refresh_from_db()
    assert professional.erased_at is None
    client.force_login(professional)
    client.post(f"/admin/privacy/requests/{request.pk}/", {"action": "approve"})
    professional.refresh_from_db()
    assert professional.erased_at is None


def test_a_dpo_without_two_step_sign_in_is_refused(client, professional):
    from accounts.roles import DATA_PROTECTION_OFFICERS

    officer = UserFactory(groups=[DATA_PROTECTION_OFFICERS], totp=False)
    request = services.request_erasure(professional)
    client.force_login(officer)
    response = client.post(f"/admin/privacy/requests/{request.pk}/", {"action": "approve"})
    assert response.status_code == 302 and "totp" in response["Location"]
    professional.refresh_from_db()
    assert professional.erased_at is None


def test_an_erasure_that_fails_halfway_changes_nothing(professional, monkeypatch):
    name = professional.full_name

    def broken(user, pseudonym):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(erasure, "STEPS", (*erasure.STEPS[:3], erasure.Step(("x",), broken)))
    with pytest.raises(RuntimeError):
        erasure.erase_person(professional)
    fresh = User.objects.get(pk=professional.pk)
    assert (fresh.full_name, fresh.erased_at, fresh.is_active) == (name, None, True)
    assert EmailAddress.objects.filter(user=fresh).exists()
