"""The privacy notice and the README say what the retention settings say; officers read the audit log."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from privacy import retention, services
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_notice_is_built_from_the_retention_settings(client, settings):
    page = client.get("/your-data/notice/").content.decode()
    for rule in retention.schedule():
        assert rule.kept_for in page.replace("&#x27;", "'")
    assert "only the cookies it needs" in page
    settings.RETENTION_AUDIT_YEARS = 9
    assert "9 years" in client.get("/your-data/notice/").content.decode()


def test_the_readme_table_is_the_schedule():
    readme = (Path(django_settings.BASE_DIR) / "README.md").read_text()
    section = readme.split("### Retention schedule", 1)[1]
    for rule in retention.schedule():
        assert f"| {rule.what} | {rule.kept_for} | {rule.then} |" in section, rule.key


def test_every_page_links_the_privacy_notice(client, demo_site):
    assert 'href="/your-data/notice/"' in client.get("/").content.decode()


def test_officers_read_who_did_what_and_when(client, dpo, professional, training_manager):
    services.request_export(professional, by=professional)
    request = services.request_erasure(professional)
    services.refuse_erasure(request, by=dpo, reason="An open complaint")
    hold = services.place_hold(professional, by=dpo, reason="Investigation")
    services.lift_hold(hold, by=dpo, reason="Closed")
    client.force_login(dpo)
    page = client.get("/admin/privacy/audit/").content.decode()
    for message in (
        "Subject-access export made",
        "Erasure requested",
        "Erasure request refused",
        "Placed on legal hold",
        "Legal hold lifted",
    ):
        assert message in page, message
    assert "Dana Protection" in page
    assert "Data protection" in client.get("/admin/").content.decode()  # the menu
    client.force_login(training_manager)
    assert client.get("/admin/privacy/audit/").status_code in (302, 403)


def test_the_audit_page_costs_the_same_queries_however_many_entries(client, dpo):
    client.force_login(dpo)

    def queries(people: int) -> int:
        for _ in range(people):
            person = UserFactory()
            services.place_hold(person, by=dpo, reason="Investigation")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/admin/privacy/audit/").status_code == 200
        return len(captured)

    assert queries(2) == queries(8)


def test_the_request_list_costs_the_same_queries_however_many_requests(client, dpo):
    client.force_login(dpo)

    def queries(people: int) -> int:
        for _ in range(people):
            services.request_erasure(UserFactory())
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/admin/privacy/requests/").status_code == 200
        return len(captured)

    assert queries(2) == queries(8)
