"""Subject access: a person downloads everything held about them (a ZIP: JSON per kind, a readable summary,
their certificate PDFs); an officer makes the same for a request by post; the link expires."""

import datetime
import io
import json
import zipfile

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from home.models import BackgroundJob
from privacy import retention, services
from privacy.models import SubjectAccessExport
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def download(client, person):
    client.force_login(person)
    response = client.post("/your-data/export/")
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200 and page["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(page.streaming_content)))


def test_a_person_downloads_everything_held_about_them(client, champion_person):
    person = champion_person
    archive = download(client, person)
    names = set(archive.namelist())
    certificate = person.completions.get().certificate
    assert f"certificates/{certificate.code}.pdf" in names
    assert archive.read(f"certificates/{certificate.code}.pdf").startswith(b"%PDF")
    profile = json.loads(archive.read("profile.json"))[0]
    assert (profile["email"], profile["full_name"], profile["job_title"]) == (person.email, "Priya Champion", "IDVA")
    assert "password" not in json.dumps(profile)
    completion = json.loads(archive.read("completions.json"))[0]
    assert completion["certificate"]["code"] == certificate.display_code
    assert completion["evaluation"]["comment"].startswith("The case studies")
    champion = json.loads(archive.read("champion.json"))[0]
    assert champion["profile"]["bio"] == "I support colleagues at the hospital."
    assert champion["activity"][0]["people_reached"] == 12 and champion["activity"][0]["note"] == "Briefed the ward"
    assert [c["champion"] for c in champion["champions_contacted"]] == ["Other Champion"]
    assert [c["from"] for c in champion["contacts_received"]] == ["Other Champion"]
    assert champion["network_events_attended"][0]["event"] == "Spring forum"
    assert "message" not in json.dumps(champion).lower()  # who and when: the text is never stored
    tokens = json.loads(archive.read("api_tokens.json"))
    assert [t["name"] for t in tokens] == ["My dashboard"] and "dasv_" not in json.dumps(tokens)
    summary = archive.read("summary.html").decode()
    assert "Priya Champion" in summary and certificate.display_code in summary
    audit = json.loads(archive.read("audit.json"))
    assert any(entry["action"] == services.EXPORT_CREATED for entry in audit)


def test_the_export_and_its_download_are_audited(client, professional):
    download(client, professional)
    actions = set(ModelLogEntry.objects.filter(user=professional).values_list("action", flat=True))
    assert {services.EXPORT_CREATED, services.EXPORT_DOWNLOADED} <= actions


def test_another_persons_export_is_not_found(client, professional):
    record = services.request_export(professional, by=professional)
    client.force_login(UserFactory())
    assert client.get(f"/your-data/exports/{record.pk}/").status_code == 404
    client.logout()
    assert client.get(f"/your-data/exports/{record.pk}/").status_code == 302  # sign in first


def test_an_expired_link_says_so_and_retention_deletes_the_file(client, professional, settings):
    record = services.request_export(professional, by=professional)
    assert record.expires_at - record.ready_at == datetime.timedelta(days=settings.SUBJECT_ACCESS_EXPORT_DAYS)
    SubjectAccessExport.objects.filter(pk=record.pk).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    client.force_login(professional)
    page = client.get(f"/your-data/exports/{record.pk}/")
    assert page.status_code == 410 and "This download has expired" in page.content.decode()
    name = record.file.name
    from django.core.files.storage import default_storage

    assert default_storage.exists(name)
    retention.apply()
    assert not default_storage.exists(name)
    assert client.get(f"/your-data/exports/{record.pk}/").status_code == 410


def test_a_dpo_makes_the_export_for_a_request_by_post_and_only_they_may_download_it(
    client, dpo, champion_person, settings
):
    client.force_login(dpo)
    response = client.post(f"/admin/privacy/people/{champion_person.pk}/", {"action": "export"}, follow=True)
    record = SubjectAccessExport.objects.get()
    assert (record.person, record.requested_by, record.channel) == (champion_person, dpo, "post")
    assert f"/your-data/exports/{record.pk}/" in response.content.decode()
    assert client.get(f"/your-data/exports/{record.pk}/")["Content-Type"] == "application/zip"
    client.force_login(champion_person)
    assert client.get(f"/your-data/exports/{record.pk}/").status_code == 404


def test_a_large_export_is_built_as_a_background_job_with_a_progress_page(
    client, dpo, champion_person, settings, django_capture_on_commit_callbacks
):
    settings.SUBJECT_ACCESS_STREAM_LIMIT = 0
    client.force_login(dpo)
    with django_capture_on_commit_callbacks(execute=True):  # the task runs in-process once committed
        response = client.post(f"/admin/privacy/people/{champion_person.pk}/", {"action": "export"})
    job = BackgroundJob.objects.get(kind=services.EXPORT_JOB_KIND)
    assert response["Location"] == f"/admin/jobs/{job.pk}/"
    page = client.get(response["Location"]).content.decode()  # eager: already done
    record = SubjectAccessExport.objects.get()
    assert record.status == "ready" and f"/your-data/exports/{record.pk}/" in page


def test_a_learners_large_export_shows_a_page_while_it_is_prepared(client, professional, settings):
    settings.SUBJECT_ACCESS_STREAM_LIMIT = -1
    client.force_login(professional)
    response = client.post("/your-data/export/")  # queued on commit, which the test never reaches: not run
    page = client.get(response["Location"])
    assert page.status_code == 200 and "Your data is being prepared" in page.content.decode()


def test_an_erased_person_has_nothing_left_to_export(professional, dpo):
    services.approve_erasure(services.request_erasure(professional), by=dpo)
    with pytest.raises(services.PrivacyError, match="nothing left"):
        services.request_export(professional, by=dpo)
