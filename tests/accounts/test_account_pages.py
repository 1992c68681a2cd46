"""The allauth pages render in the site's own layout, for visitors and for signed-in people."""

import pytest

from tests.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "heading"),
    [("/accounts/signup/", "Create an account"), ("/accounts/login/", "Sign in"), ("/accounts/password/reset/", "")],
)
def test_entrance_pages_use_the_site_layout(client, demo_site, url, heading):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Skip to main content" in html
    assert "Exit this page" in html
    assert f"<h1>{heading}" in html or not heading


@pytest.mark.parametrize(
    "url", ["/accounts/email/", "/accounts/password/change/", "/accounts/2fa/", "/accounts/logout/"]
)
def test_account_management_pages_render_for_a_signed_in_professional(client, demo_site, professional, url):
    client.force_login(professional)
    response = client.get(url)
    assert response.status_code == 200
    assert "Skip to main content" in response.content.decode()


def test_a_wrong_password_gets_an_error_summary_and_no_session(client, demo_site, professional):
    response = client.post("/accounts/login/", {"login": professional.email, "password": "wrong-" + DEFAULT_PASSWORD})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert "_auth_user_id" not in client.session
