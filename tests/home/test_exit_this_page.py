"""'Exit this page': the button and skip link go through /exit/, which ends the session and redirects."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Site

from home.models import QUICK_EXIT_DEFAULT, SiteSettings

pytestmark = pytest.mark.django_db


def _settings() -> SiteSettings:
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


def test_every_page_has_the_exit_button_and_skip_link_pointing_at_the_sites_own_exit(client, demo_site):
    html = client.get("/").content.decode()
    assert (
        '<a class="skip-link" href="/exit/" rel="nofollow noreferrer" data-exit-this-page-skiplink>Exit this page</a>'
        in html
    )
    assert 'class="exit-this-page__button" href="/exit/"' in html
    assert '<span class="visually-hidden">Emergency</span> Exit this page' in html
    # The skip link to the exit comes before everything else on the page.
    assert html.index("data-exit-this-page-skiplink") < html.index('href="#main"') < html.index("site-header")
    assert "js/exit-this-page.js" in html


def test_exit_ends_a_signed_in_session_and_redirects_to_the_default_target(client, demo_site, professional):
    client.force_login(professional)
    client.get("/learning/")
    assert "_auth_user_id" in client.session

    response = client.get("/exit/")

    assert response.status_code == 302
    assert response.url == "https://www.bbc.co.uk/weather" == QUICK_EXIT_DEFAULT
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response.headers["Cache-Control"]
    assert "_auth_user_id" not in client.session
    # Back on the site, the person is signed out.
    assert client.get("/learning/").status_code == 302


def test_exit_flushes_a_visitors_session_too(client, demo_site):
    session = client.session
    session["something"] = "kept by the visit"
    session.save()
    old_key = session.session_key

    client.get("/exit/")

    assert "something" not in client.session
    assert client.session.session_key != old_key


def test_exit_goes_to_the_address_the_site_setting_names(client, demo_site):
    site_settings = _settings()
    site_settings.quick_exit_url = "https://www.metoffice.gov.uk/"
    site_settings.save()

    assert client.get("/exit/").url == "https://www.metoffice.gov.uk/"


def test_exit_ignores_any_target_in_the_request(client, demo_site):
    for query in ("?next=https://evil.example/", "?url=//evil.example/", "?redirect_to=https://evil.example/"):
        response = client.get("/exit/" + query)
        assert response.url == QUICK_EXIT_DEFAULT


@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", "ftp://files.example.org/", "data:text/html,hi", "//www.bbc.co.uk/weather"]
)
def test_the_setting_accepts_only_web_addresses(demo_site, address):
    site_settings = _settings()
    site_settings.quick_exit_url = address
    with pytest.raises(ValidationError) as error:
        site_settings.full_clean()
    assert "quick_exit_url" in error.value.message_dict


@pytest.mark.parametrize("address", ["javascript:alert(1)", "ftp://files.example.org/", ""])
def test_a_non_web_address_stored_past_the_form_falls_back_to_the_default(client, demo_site, address):
    SiteSettings.objects.filter(pk=_settings().pk).update(quick_exit_url=address)

    assert client.get("/exit/").url == QUICK_EXIT_DEFAULT


def test_the_setting_is_edited_in_the_admin_and_a_bad_address_changes_nothing(client, demo_site):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/home/sitesettings/{site.pk}/"
    form = client.get(url)
    assert form.status_code == 200
    assert "Exit this page address" in form.content.decode()

    data = {
        "partnership_name": "A partnership",
        "quick_exit_url": "javascript:alert(1)",
        "footer_text": "",
        "contact_email": "",
        "champion_role_agreement": "Time released for network meetings.",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Enter a valid URL." in response.content.decode()
    assert _settings().quick_exit_url == QUICK_EXIT_DEFAULT

    response = client.post(url, {**data, "quick_exit_url": "https://www.metoffice.gov.uk/"})
    assert response.status_code == 302
    assert _settings().quick_exit_url == "https://www.metoffice.gov.uk/"


def test_the_safety_page_says_what_the_exit_does_not_do_and_links_to_guidance(client, demo_site):
    home = client.get("/").content.decode()
    assert 'href="/staying-safe-online/"' in home  # linked from the footer of every page

    response = client.get("/staying-safe-online/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Staying safe online</h1>" in html
    assert "It does not clear your browsing history." in html
    assert 'href="https://www.womensaid.org.uk/cover-your-tracks-online/"' in html
    assert 'href="https://refugetechsafety.org/"' in html
