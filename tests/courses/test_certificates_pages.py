"""The certificate pages as people use them: public verification, and the holder's download."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone

from courses.certificates import services as certificates
from courses.models import Certificate, Completion
from tests.courses.certificate_helpers import certificate_of, complete, make_course, pdf_text, qr_codes
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

VERIFY = "/certificates/verify/"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Verification is rate-limited per address in the cache: start each test with a clean count."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def holder():
    return UserFactory(
        full_name="Aoife O'Sullivan",
        email="aoife.osullivan@cambs.police.example",
        job_title="Detective constable",
        organisation=OrganisationFactory(name="Cambridgeshire Constabulary"),
    )


@pytest.fixture
def certificate(holder, django_capture_on_commit_callbacks) -> Certificate:
    course = make_course(title="Stalking and harassment", certificate_validity_months=36)
    completion = complete(holder, course, datetime.date(2025, 2, 3), capture=django_capture_on_commit_callbacks)
    return certificate_of(completion)


def verify_page(client, code: str, **extra):
    return client.get(f"{VERIFY}{code}/", **extra)


# --- Public verification -------------------------------------------------------------------------------


def test_anyone_can_check_a_valid_certificate_and_sees_only_the_name_course_and_dates(client, certificate):
    response = verify_page(client, certificate.display_code)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Valid" in page and "valid until 3 February 2028" in page
    assert "Aoife O&#x27;Sullivan" in page
    assert "Stalking and harassment" in page
    assert "3 February 2025" in page
    for private in ("aoife.osullivan", "cambs.police", "Cambridgeshire Constabulary", "Detective constable"):
        assert private not in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_a_code_is_found_however_it_is_typed(client, certificate):
    typed = certificate.display_code.lower().replace("-", " ").replace("0", "o")
    response = client.get(VERIFY, {"code": f"  {typed} "})
    assert response.status_code == 302
    assert response.url == f"{VERIFY}{certificate.display_code}/"

    assert verify_page(client, certificate.code.lower()).status_code == 200


def test_the_verification_form_explains_a_code_that_cannot_be_one(client):
    response = client.get(VERIFY, {"code": "not a code"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Error: Check a certificate" in page
    assert "Enter the verification code as it is printed on the certificate: 16 letters and numbers" in page
    assert 'aria-invalid="true" aria-describedby="id_code_helptext id_code_error"' in page


def test_the_verification_form_is_labelled(client):
    page = client.get(VERIFY).content.decode()
    assert '<label class="label" for="id_code">Verification code</label>' in page


def test_an_expired_certificate_says_so(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_on=datetime.date(2020, 1, 6), expires_on=datetime.date(2023, 1, 6)
    )
    page = verify_page(client, certificate.display_code).content.decode()
    assert "Expired" in page and "it expired on 6 January 2023" in page


def test_a_revoked_certificate_says_so_without_the_reason(client, certificate, training_manager):
    certificates.revoke_certificate(certificate, by=training_manager, reason="Completed by someone else")
    page = verify_page(client, certificate.display_code).content.decode()
    assert "Revoked" in page and "no longer valid" in page
    assert "someone else" not in page


def test_a_reissued_certificate_is_noted(client, certificate, training_manager):
    certificates.reissue_certificate(
        certificate, by=training_manager, reason="Name misspelt", holder_name="Aoife Ní Shúilleabháin"
    )
    page = verify_page(client, certificate.display_code).content.decode()
    assert f"Reissued on {timezone.localdate():%-d %B %Y}" in page
    assert "Aoife Ní Shúilleabháin" in page


@pytest.mark.parametrize(
    "code",
    [
        "ZZZZ-ZZZZ-ZZZZ-ZZZZ",  # well-formed, but no such certificate
        "not-a-code",
        "<script>alert(1)</script>",
        "%00%ff",
        "ÆØÅ-😀-ﷺ",
        "A" * 10_240,
    ],
)
def test_an_unknown_or_odd_code_gets_the_friendly_not_found_page(client, certificate, code):
    response = verify_page(client, code)
    assert response.status_code == 404
    page = response.content.decode()
    assert "Certificate not found" in page
    assert 'name="code"' in page  # a form to try again


def test_verification_is_rate_limited_per_client_address(client, certificate, settings):
    settings.CERTIFICATE_VERIFICATIONS_PER_MINUTE = 3
    for _ in range(3):
        assert verify_page(client, certificate.display_code, REMOTE_ADDR="203.0.113.7").status_code == 200

    refused = verify_page(client, certificate.display_code, REMOTE_ADDR="203.0.113.7")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1
    assert "Too many checks" in refused.content.decode()
    assert client.get(VERIFY, {"code": certificate.code}, REMOTE_ADDR="203.0.113.7").status_code == 429
    # Another address is not held back.
    assert verify_page(client, certificate.display_code, REMOTE_ADDR="198.51.100.20").status_code == 200


# --- The holder's download -----------------------------------------------------------------------------


def test_the_holder_downloads_their_certificate(client, holder, certificate):
    client.force_login(holder)
    response = client.get(f"/certificates/{certificate.pk}/download/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="certificate-stalking-and-harassment-')
    data = b"".join(response.streaming_content)
    assert "Aoife O'Sullivan" in pdf_text(data)
    assert qr_codes(data) == [f"http://testserver/certificates/verify/{certificate.display_code}/"]


def test_someone_elses_certificate_is_not_found(client, certificate):
    client.force_login(UserFactory())
    assert client.get(f"/certificates/{certificate.pk}/download/").status_code == 404
    assert client.get("/certificates/999999/download/").status_code == 404


def test_downloading_needs_signing_in(client, certificate):
    response = client.get(f"/certificates/{certificate.pk}/download/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_a_revoked_certificate_is_not_served_and_the_page_says_why(client, holder, certificate, training_manager):
    certificates.revoke_certificate(certificate, by=training_manager, reason="Issued in error")
    client.force_login(holder)
    response = client.get(f"/certificates/{certificate.pk}/download/")

    assert response.status_code == 410
    assert response["Content-Type"].startswith("text/html")
    assert "This certificate has been revoked" in response.content.decode()


def test_a_certificate_without_its_pdf_says_it_is_being_prepared_and_queues_it(
    client, holder, certificate, django_capture_on_commit_callbacks
):
    Certificate.objects.filter(pk=certificate.pk).update(pdf="", rendered_at=None)  # imported history, say
    client.force_login(holder)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(f"/certificates/{certificate.pk}/download/")

    assert response.status_code == 200
    assert "Your certificate is being prepared" in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.pdf  # the queued rendering ran (eagerly, in tests)
    assert client.get(f"/certificates/{certificate.pk}/download/")["Content-Type"] == "application/pdf"


def test_opening_it_again_while_it_is_prepared_does_not_queue_it_twice(client, holder, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(pdf="", rendered_at=None)
    client.force_login(holder)
    client.get(f"/certificates/{certificate.pk}/download/")  # queued (its task runs at commit, not here)
    queued_at = Certificate.objects.get(pk=certificate.pk).render_queued_at
    assert queued_at is not None

    client.get(f"/certificates/{certificate.pk}/download/")
    assert Certificate.objects.get(pk=certificate.pk).render_queued_at == queued_at


def test_a_pdf_lost_from_storage_is_rendered_again(client, holder, certificate, django_capture_on_commit_callbacks):
    default_storage.delete(certificate.pdf.name)
    client.force_login(holder)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(f"/certificates/{certificate.pk}/download/")

    assert "Your certificate is being prepared" in response.content.decode()
    assert default_storage.exists(Certificate.objects.get(pk=certificate.pk).pdf.name)


# --- The link on My learning and the course page -------------------------------------------------------


def link_html(completion: Completion) -> str:
    return " ".join(render_to_string("courses/_certificate_link.html", {"completion": completion}).split())


def test_the_certificate_link_shows_download_preparing_revoked_or_expired(holder, certificate, training_manager):
    completion = Completion.objects.select_related("certificate").get(pk=certificate.completion_id)
    html = link_html(completion)
    assert f'href="/certificates/{certificate.pk}/download/"' in html and "Download certificate" in html
    assert certificate.display_code in html

    Certificate.objects.filter(pk=certificate.pk).update(pdf="")
    completion = Completion.objects.select_related("certificate").get(pk=certificate.completion_id)
    assert "Being prepared" in link_html(completion)

    Certificate.objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name, expires_on=datetime.date(2025, 3, 1))
    completion = Completion.objects.select_related("certificate").get(pk=certificate.completion_id)
    assert "Expired" in link_html(completion) and "Download certificate" in link_html(completion)

    certificates.revoke_certificate(certificate, by=training_manager, reason="Issued in error")
    completion = Completion.objects.select_related("certificate").get(pk=certificate.completion_id)
    assert "Revoked" in link_html(completion) and "Download certificate" not in link_html(completion)

    no_certificate_yet = complete(holder, make_course())
    assert "Being prepared" in link_html(Completion.objects.select_related("certificate").get(pk=no_certificate_yet.pk))


@pytest.mark.parametrize("count", [1, 12])
def test_the_certificate_links_of_many_completions_need_no_queries(count, django_assert_num_queries):
    user = UserFactory()
    for _ in range(count):
        certificates.issue_certificate(complete(user, make_course()))
    completions = list(Completion.objects.filter(user=user).select_related("certificate"))

    with django_assert_num_queries(0):
        for completion in completions:
            link_html(completion)
