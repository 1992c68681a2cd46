"""One sign-in: every address that ever took a password goes through allauth's sign-in, or nowhere.

The probe found Wagtail's /admin/login/ and the Django admin's /django-admin/login/ checking passwords with
no rate limit, no second step and no verified address, and /admin/password_reset/ sending every reset email
asked for. Each check below is made through every one of those routes, as a person (or an attacker) would.
"""

import pytest
from django.core import mail
from django.core.cache import cache

from lms.settings import base
from tests.accounts.test_claim import imported_person, sign_up  # noqa: F401 (a fixture)
from tests.factories import DEFAULT_PASSWORD, UserFactory, totp_code

pytestmark = pytest.mark.django_db

ALLAUTH_LOGIN = "/accounts/login/"
# Each route with the names its form gave the fields (Wagtail's and Django's admin used "username").
LOGIN_ROUTES = {
    "allauth": (ALLAUTH_LOGIN, "login"),
    "wagtail-admin": ("/admin/login/", "username"),
    "django-admin": ("/django-admin/login/", "username"),
}
RESET_ROUTES = {
    "allauth": "/accounts/password/reset/",
    "wagtail-admin": "/admin/password_reset/",
}
WRONG_PASSWORD = "not-the-Right-one-00"


@pytest.fixture(autouse=True)
def rate_limits(settings):
    """allauth's rate limits as production has them (the test settings turn them off), from a clean slate."""
    settings.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS
    cache.clear()
    yield
    cache.clear()


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def post_password(client, route: str, email: str, password: str):
    path, login_field = LOGIN_ROUTES[route]
    return client.post(path, {login_field: email, "password": password})


@pytest.fixture
def superuser():
    """The account most worth a side door; is_staff as `createsuperuser` makes it, so the Django admin took it."""
    return UserFactory(is_superuser=True, is_staff=True, totp=False)


def test_the_right_password_signs_in_through_allauth(client, superuser):
    response = post_password(client, "allauth", superuser.email, DEFAULT_PASSWORD)
    assert response.status_code == 302
    assert signed_in(client)


@pytest.mark.parametrize("route", LOGIN_ROUTES)
def test_after_forty_wrong_passwords_the_right_one_does_not_sign_in(client, superuser, route):
    for _ in range(40):
        post_password(client, route, superuser.email, WRONG_PASSWORD)
    response = post_password(client, route, superuser.email, DEFAULT_PASSWORD)
    assert not signed_in(client)
    if route == "allauth":
        # Locked for the account (five in five minutes) and for the connection (ten a minute).
        assert response.status_code == 429
        assert "Too many attempts from your connection" in response.content.decode()


def test_wrong_passwords_anywhere_cannot_get_round_the_lock(client, superuser):
    for _ in range(5):
        post_password(client, "allauth", superuser.email, WRONG_PASSWORD)
    for route in ("wagtail-admin", "django-admin"):
        post_password(client, route, superuser.email, DEFAULT_PASSWORD)
        assert not signed_in(client), route
    response = post_password(client, "allauth", superuser.email, DEFAULT_PASSWORD)
    assert not signed_in(client)
    assert "Too many failed login attempts" in response.content.decode()


@pytest.mark.parametrize("route", LOGIN_ROUTES)
def test_a_password_alone_does_not_sign_in_someone_with_two_step_sign_in(client, route):
    person = UserFactory(is_superuser=True, is_staff=True)  # staff have TOTP set up
    response = post_password(client, route, person.email, DEFAULT_PASSWORD)
    assert not signed_in(client)
    if route == "allauth":
        assert response.url == "/accounts/2fa/authenticate/"
        response = client.post(response.url, {"code": totp_code()})
        assert signed_in(client)


@pytest.mark.parametrize("route", LOGIN_ROUTES)
def test_someone_who_signed_up_with_an_imported_address_gets_no_session_before_verifying(
    client,
    imported_person,  # noqa: F811
    route,
):
    from tests.accounts.test_claim import NEW_PASSWORD

    sign_up(client, imported_person.email)
    assert not signed_in(client)
    mail.outbox.clear()
    response = post_password(client, route, imported_person.email, NEW_PASSWORD)
    assert not signed_in(client)
    if route == "allauth":
        # Sent to verify the address instead; the imported record stays out of reach.
        assert response.url == "/accounts/confirm-email/"
        assert client.get("/learning/").status_code == 302


@pytest.mark.parametrize("route", RESET_ROUTES)
def test_twenty_five_reset_requests_for_one_address_do_not_send_twenty_five_emails(client, professional, route):
    for _ in range(25):
        client.post(RESET_ROUTES[route], {"email": professional.email})
    assert len(mail.outbox) <= 5
    assert all(message.to == [professional.email] for message in mail.outbox)


def test_the_admin_sign_in_address_sends_people_to_the_one_sign_in(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=%2Fadmin%2Fpages%2F"
    # A next address elsewhere is dropped, not followed after signing in.
    response = client.get("/admin/login/?next=https://evil.example/")
    assert response.url == "/accounts/login/?next=%2Fadmin%2F"


def test_the_admin_sends_signed_out_people_to_the_one_sign_in(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/?next=/admin/")


def test_the_admins_password_reset_sends_people_to_the_sites_own(client):
    response = client.get("/admin/password_reset/")
    assert response.status_code == 302
    assert response.url == "/accounts/password/reset/"


def test_there_is_no_django_admin(client, superuser):
    client.force_login(superuser)
    assert client.get("/django-admin/").status_code == 404
    assert client.get("/django-admin/login/").status_code == 404


def test_the_admins_account_settings_change_neither_password_nor_email(client):
    """Both are changed through allauth (rate limits, a verified new address, an email to the person)."""
    manager = UserFactory(groups=["Training managers"])
    client.force_login(manager)
    page = client.get("/admin/account/").content.decode()
    assert 'name="password-new_password1"' not in page
    assert 'name="name_email-email"' not in page
    client.post("/admin/account/", {"name_email-email": "someone.else@example.org", "password-old_password": "x"})
    manager.refresh_from_db()
    assert manager.email != "someone.else@example.org"
