"""Sign-up, email verification, sign-in and profile completion, driven through the test client."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import DEFAULT_PASSWORD, OrganisationDomainFactory, UserFactory, district

pytestmark = pytest.mark.django_db

SIGNUP = "/accounts/signup/"


def sign_up(client, email="alex.morgan@example.org", password=DEFAULT_PASSWORD, **extra):
    data = {"email": email, "full_name": "Alex Morgan", "password1": password, "password2": password, **extra}
    return client.post(SIGNUP, data)


def confirmation_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", message.body).group(1)


def test_sign_up_sends_a_verification_email_and_verifying_leads_to_the_profile(client):
    response = sign_up(client)
    assert response.status_code == 302
    user = User.objects.get(email="alex.morgan@example.org")
    assert user.full_name == "Alex Morgan"
    assert not user.profile_is_complete
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["alex.morgan@example.org"]

    link = confirmation_link(mail.outbox[0])
    assert client.get(link).status_code == 200
    response = client.post(link)
    # Verified and signed in, and asked straight away where they work.
    assert response.status_code == 302
    assert response.url == reverse("accounts:profile")
    assert "Complete your profile" in client.get(response.url).content.decode()


def test_unverified_account_cannot_sign_in(client):
    sign_up(client)
    client.logout()
    response = client.post("/accounts/login/", {"login": "alex.morgan@example.org", "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")


def test_new_account_is_placed_in_the_organisation_owning_its_email_domain(client):
    domain = OrganisationDomainFactory(domain="cambs.police.uk")
    sign_up(client, email="Officer.Jones@CAMBS.police.uk")
    user = User.objects.get()
    assert user.email == "officer.jones@cambs.police.uk"
    assert user.organisation == domain.organisation


def test_subdomain_matches_its_parent_organisation_domain(client):
    domain = OrganisationDomainFactory(domain="nhs-trust.example.org")
    sign_up(client, email="nurse@mail.nhs-trust.example.org")
    assert User.objects.get().organisation == domain.organisation


def test_unknown_domain_leaves_the_organisation_empty(client):
    OrganisationDomainFactory(domain="cambs.police.uk")
    sign_up(client, email="someone@gmail.example")
    assert User.objects.get().organisation is None


@pytest.mark.parametrize("email", ["taken@example.org", "TAKEN@Example.org", " Taken@example.ORG "])
def test_sign_up_with_a_taken_email_in_any_case_is_refused_next_to_the_field(client, email):
    UserFactory(email="taken@example.org")
    response = sign_up(client, email=email)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["email"] == ["A user is already registered with this email address."]
    assert User.objects.count() == 1
    assert len(mail.outbox) == 0
    html = response.content.decode()
    assert 'class="error-message" id="id_email_error"' in html


def test_sign_up_with_a_malformed_email_is_refused(client):
    response = sign_up(client, email="not-an-email")
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert not User.objects.exists()


@pytest.mark.parametrize("password", ["password", "12345678901", "short1"])
def test_sign_up_with_a_weak_password_is_refused(client, password):
    response = sign_up(client, password=password)
    assert response.status_code == 200
    assert "password1" in response.context["form"].errors
    assert not User.objects.exists()


def test_sign_up_without_a_name_is_refused(client):
    response = sign_up(client, full_name="")
    assert "full_name" in response.context["form"].errors
    assert not User.objects.exists()


def test_emails_are_unique_whatever_their_case_even_outside_forms():
    UserFactory(email="someone@example.org")
    with pytest.raises(Exception):  # noqa: B017 - IntegrityError, whichever database
        User.objects.create(email="SOMEONE@example.org", full_name="Someone Else")


def test_sign_in_is_by_email_in_any_case(client):
    UserFactory(email="priya@example.org")
    response = client.post("/accounts/login/", {"login": "PRIYA@example.org", "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert response.url == "/"


def test_sign_in_with_an_incomplete_profile_goes_to_the_profile(client):
    from tests.factories import IncompleteUserFactory

    IncompleteUserFactory(email="new@example.org")
    response = client.post("/accounts/login/", {"login": "new@example.org", "password": DEFAULT_PASSWORD})
    assert response.url == reverse("accounts:profile")


def test_sign_out(client, professional):
    client.force_login(professional)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_link_that_sets_a_new_password(client, professional):
    client.post("/accounts/password/reset/", {"email": professional.email})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/[^\s]+/)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    response = client.post(form_url, {"password1": "a-New-passphrase-99", "password2": "a-New-passphrase-99"})
    assert response.status_code == 302
    professional.refresh_from_db()
    assert professional.check_password("a-New-passphrase-99")


def test_password_change(client, professional):
    client.force_login(professional)
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": DEFAULT_PASSWORD, "password1": "another-Passphrase-7", "password2": "another-Passphrase-7"},
    )
    assert response.status_code == 302
    professional.refresh_from_db()
    assert professional.check_password("another-Passphrase-7")


def test_district_is_where_people_work(db):
    assert district("peterborough").ons_code == "E06000031"
