"""Two-step sign-in for staff: no admin, dashboard, partner pages or API tokens without an authenticator app.

Learners are never asked, and staff keep the learner site while they have not set it up.
"""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.messages import get_messages

from accounts.roles import STAFF_GROUPS
from reports.models import PartnerApiToken
from tests.factories import DEFAULT_PASSWORD, UserFactory, totp_code

pytestmark = pytest.mark.django_db

SET_UP = "/accounts/2fa/totp/activate/"
STAFF = [*[{"groups": [name]} for name in STAFF_GROUPS], {"is_superuser": True}]
STAFF_IDS = [*STAFF_GROUPS, "superuser"]


def staff_member(totp: bool, **kwargs):
    return UserFactory(totp=totp, job_title="Staff", **kwargs)


@pytest.mark.parametrize("role", STAFF, ids=STAFF_IDS)
@pytest.mark.parametrize("path", ["/admin/", "/admin/measures/", "/partners/", "/partners/api-tokens/"])
def test_staff_without_two_step_sign_in_are_sent_to_set_it_up(client, role, path):
    client.force_login(staff_member(totp=False, **role))
    response = client.get(path)
    assert response.status_code == 302
    assert response.url == SET_UP
    assert any("needs two-step sign-in" in str(m) for m in get_messages(response.wsgi_request))


def test_a_partner_lead_without_two_step_sign_in_cannot_create_an_api_token(client):
    lead = staff_member(totp=False, groups=["Partner leads"])
    client.force_login(lead)
    response = client.post("/partners/api-tokens/", {"name": "Police dashboard"})
    assert response.url == SET_UP
    assert not PartnerApiToken.objects.filter(user=lead).exists()


def test_staff_with_two_step_sign_in_get_in(client):
    manager = staff_member(totp=True, groups=["Training managers"])
    client.force_login(manager)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/measures/").status_code == 200
    lead = staff_member(totp=True, groups=["Partner leads"])
    client.force_login(lead)
    assert client.get("/partners/").status_code == 200
    response = client.post("/partners/api-tokens/", {"name": "Police dashboard"})
    assert response.status_code in (200, 302)
    assert PartnerApiToken.objects.filter(user=lead).count() == 1


def test_staff_without_two_step_sign_in_still_use_the_learner_site_and_can_sign_out(client):
    client.force_login(staff_member(totp=False, groups=["Trainers"]))
    for path in ["/learning/", "/accounts/profile/", "/accounts/2fa/", "/static/css/site.css"]:
        assert client.get(path).status_code == 200, path
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_learners_are_never_asked(client, professional):
    client.force_login(professional)
    assert client.get("/learning/").status_code == 200
    # No admin or partner pages for them, but for their role, not for want of an authenticator app.
    assert client.get("/partners/").status_code == 403
    assert client.get("/admin/").url.startswith("/accounts/login/")


def test_removing_the_authenticator_app_sends_staff_back_to_set_it_up(client):
    manager = staff_member(totp=True, groups=["Training managers"])
    client.force_login(manager)
    assert client.get("/admin/").status_code == 200
    Authenticator.objects.filter(user=manager).delete()
    assert client.get("/admin/").url == SET_UP


def test_staff_set_up_two_step_sign_in_see_recovery_codes_and_reach_the_admin(client):
    manager = staff_member(totp=False, groups=["Training managers"])
    # Signed in through the one sign-in (a fresh sign-in, so allauth does not ask for the password again).
    client.post("/accounts/login/", {"login": manager.email, "password": DEFAULT_PASSWORD})
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == SET_UP
    page = response.content.decode()
    assert "<h1>Set up two-step sign-in</h1>" in page
    assert 'src="data:image/svg+xml;base64,' in page  # the QR code
    secret = re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', page).group(1)

    response = client.post(SET_UP, {"code": "000000"})
    assert response.status_code == 200
    assert "Incorrect code" in response.content.decode()

    response = client.post(SET_UP, {"code": totp_code(secret)})
    assert response.url == "/accounts/2fa/recovery-codes/"
    response = client.get(response.url)
    # Each code in its own <code>: the static files' version hash (?v=...) can be eight digits too.
    codes = re.findall(r"<code>(\d{8})</code>", response.content.decode())
    assert len(codes) == 10
    assert client.get("/admin/").status_code == 200
