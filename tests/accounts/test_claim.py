"""Claiming an account made by importing someone's training history, by signing up with its address."""

import io
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from courses.models import Completion
from tests.courses.course_pages import course
from tests.factories import DEFAULT_PASSWORD, OrganisationFactory, UserFactory, district

pytestmark = pytest.mark.django_db

SIGNUP = "/accounts/signup/"
NEW_PASSWORD = "my-Own-passphrase-31"


@pytest.fixture
def imported_person(tmp_path):
    """Pat exists only in the training records imported from the old system."""
    OrganisationFactory(name="Fenland District Council")
    course("domestic-abuse-awareness")
    path = tmp_path / "history.csv"
    path.write_text(
        "email,full_name,organisation,district,course,completed_on\n"
        "pat.jones@fenland.gov.uk,Pat Jones,Fenland District Council,Fenland,domestic-abuse-awareness,2022-09-14\n"
    )
    call_command("import_completions", str(path), stdout=io.StringIO())
    return User.objects.get(email="pat.jones@fenland.gov.uk")


def sign_up(client, email, full_name="Patricia Jones"):
    return client.post(
        SIGNUP, {"email": email, "full_name": full_name, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )


def confirmation_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", message.body).group(1)


def test_an_imported_person_cannot_sign_in_before_claiming_their_account(client, imported_person):
    assert not imported_person.is_active
    assert not client.login(email="pat.jones@fenland.gov.uk", password="")


def test_signing_up_with_an_imported_address_claims_that_account_and_keeps_its_history(client, imported_person):
    response = sign_up(client, "Pat.Jones@Fenland.gov.uk")

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    # No second account: the imported one now has the password and name given at sign-up, and is active.
    assert User.objects.filter(email="pat.jones@fenland.gov.uk").count() == 1
    person = User.objects.get(email="pat.jones@fenland.gov.uk")
    assert person.pk == imported_person.pk
    assert person.is_active
    assert person.full_name == "Patricia Jones"
    assert person.check_password(NEW_PASSWORD)
    # Where the import placed them stays on the profile, and the history stays attached.
    assert person.organisation.name == "Fenland District Council"
    assert person.district == district("fenland")
    assert Completion.objects.filter(user=person).count() == 1

    # The normal verification email; verifying signs them in.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["pat.jones@fenland.gov.uk"]
    client.post(confirmation_link(mail.outbox[0]))
    assert EmailAddress.objects.get(user=person).verified
    client.logout()
    response = client.post("/accounts/login/", {"login": "pat.jones@fenland.gov.uk", "password": NEW_PASSWORD})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == person.pk


def test_an_imported_address_once_claimed_is_already_registered(client, imported_person):
    sign_up(client, "pat.jones@fenland.gov.uk")
    client.logout()
    response = sign_up(client, "pat.jones@fenland.gov.uk", full_name="Someone Else")
    assert response.status_code == 200
    assert response.context["form"].errors["email"] == ["A user is already registered with this email address."]
    assert User.objects.get(email="pat.jones@fenland.gov.uk").full_name == "Patricia Jones"


def test_an_account_a_manager_deactivated_is_not_claimable(client):
    UserFactory(email="left@example.org", is_active=False)
    response = sign_up(client, "left@example.org")
    assert response.status_code == 200
    assert response.context["form"].errors["email"] == ["A user is already registered with this email address."]
    assert len(mail.outbox) == 0
    assert not User.objects.get(email="left@example.org").check_password(NEW_PASSWORD)


def test_claiming_still_needs_a_strong_password_and_a_name(client, imported_person):
    response = client.post(
        SIGNUP,
        {"email": "pat.jones@fenland.gov.uk", "full_name": "", "password1": "password", "password2": "password"},
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"full_name", "password1"}
    imported_person.refresh_from_db()
    assert not imported_person.is_active
    assert not imported_person.has_usable_password()


def test_signing_up_with_a_new_address_still_creates_a_new_account(client, imported_person):
    response = sign_up(client, "someone.new@example.org", full_name="Someone New")
    assert response.status_code == 302
    assert User.objects.get(email="someone.new@example.org").pk != imported_person.pk
    assert User.objects.count() == 2


def test_an_active_persons_password_is_unaffected_by_an_import(client, tmp_path):
    UserFactory(email="active@example.org")
    OrganisationFactory(name="Fenland District Council")
    course("domestic-abuse-awareness")
    path = tmp_path / "history.csv"
    path.write_text(
        "email,full_name,organisation,district,course,completed_on\n"
        "active@example.org,Ac Tive,Fenland District Council,Fenland,domestic-abuse-awareness,2022-09-14\n"
    )
    call_command("import_completions", str(path), stdout=io.StringIO())
    assert client.login(email="active@example.org", password=DEFAULT_PASSWORD)
