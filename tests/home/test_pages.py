import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


def test_home_page_has_skip_link_quick_exit_and_sign_in(client, demo_site):
    html = client.get("/").content.decode()
    assert '<a class="skip-link" href="#main">Skip to main content</a>' in html
    assert "data-exit-this-page" in html
    assert 'href="/accounts/login/"' in html
    assert '<main id="main"' in html
    assert 'lang="en-GB"' in html


def test_header_shows_the_signed_in_person(client, demo_site, professional):
    client.force_login(professional)
    html = client.get("/").content.decode()
    assert "Sign out" in html
    assert "Your profile" in html
    assert 'href="/accounts/login/"' not in html


def test_get_help_now_page_lists_national_helplines(client, demo_site):
    response = client.get("/get-help-now/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "0808 2000 247" in html
    assert "999" in html
    assert 'href="tel:08082000247"' in html
    # Linked from every page.
    assert 'href="/get-help-now/"' in client.get("/").content.decode()


def test_unknown_url_gets_the_styled_404_page(client, demo_site):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert "Skip to main content" in html


@override_settings(DEBUG=False, ROOT_URLCONF="tests.home.urls_error")
def test_server_error_gets_a_styled_500_page_that_leaks_nothing():
    client = Client(raise_request_exception=False)
    response = client.get("/broken/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert "hunter2" not in html
    assert "Traceback" not in html
    assert "RuntimeError" not in html


def test_health_reports_database_and_worker(client):
    from home.services import record_heartbeat

    assert client.get("/health/").json() == {"database": "ok", "worker_last_seen": None}
    record_heartbeat()
    assert client.get("/health/").json()["worker_last_seen"] is not None


def test_heartbeat_task_runs_eagerly_by_default():
    from home.models import WorkerHeartbeat
    from home.tasks import record_heartbeat

    record_heartbeat.delay("eager")
    assert WorkerHeartbeat.objects.filter(name="eager").exists()


def test_pages_are_not_frameable_but_previews_are(client, demo_site):
    assert client.get("/").headers["X-Frame-Options"] == "DENY"
