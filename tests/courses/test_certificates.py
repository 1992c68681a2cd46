"""Certificates: issue, codes, the PDF (read back with pypdf, its QR code decoded by zxing-cpp), robustness."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import IntegrityError, OperationalError, transaction
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.generic import BooleanObject

from courses.certificates import codes as certificate_codes
from courses.certificates import services as certificates
from courses.certificates import tasks
from courses.models import Certificate, Completion
from tests.courses.certificate_helpers import (
    certificate_of,
    complete,
    make_course,
    page_count,
    pdf_text,
    qr_codes,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CODE_PATTERN = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$")


@pytest.fixture
def issued(django_capture_on_commit_callbacks):
    """Complete a course as the site does and return the certificate its task issued."""

    def issue(user=None, course=None, on=None) -> Certificate:
        user = user or UserFactory(full_name="Priya Natarajan")
        course = course or make_course(title="Domestic abuse awareness", certificate_validity_months=36)
        completion = complete(user, course, on, capture=django_capture_on_commit_callbacks)
        return certificate_of(completion)

    return issue


def stored_pdf(certificate: Certificate) -> bytes:
    with default_storage.open(certificate.pdf.name, "rb") as handle:
        return handle.read()


# --- Issue ---------------------------------------------------------------------------------------------


def test_completing_a_course_issues_one_certificate_with_its_pdf_and_a_readable_code(issued, mailoutbox):
    certificate = issued(on=datetime.date(2025, 3, 12))

    assert Certificate.objects.count() == 1
    assert CODE_PATTERN.match(certificate.display_code)
    assert certificate.code == certificate.display_code.replace("-", "")
    assert certificate.holder_name == "Priya Natarajan"
    assert certificate.course_title == "Domestic abuse awareness"
    assert str(certificate.cpd_hours) == "1.5"
    assert certificate.issued_on == datetime.date(2025, 3, 12)
    assert certificate.expires_on == datetime.date(2028, 3, 12)
    assert certificate.pdf.name == f"certificates/{certificate.code}-1.pdf"
    assert stored_pdf(certificate).startswith(b"%PDF-1.7")
    assert [message.subject for message in mailoutbox] == ["Your certificate for Domestic abuse awareness is ready"]


def test_codes_have_80_random_bits_and_differ_between_certificates():
    codes = {certificate_codes.generate_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(len(code) == 16 and set(code) <= set(certificate_codes.ALPHABET) for code in codes)
    assert len(certificate_codes.ALPHABET) ** certificate_codes.LENGTH >= 2**80
    assert not set("ILOU") & set(certificate_codes.ALPHABET)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("7KQ2-9XHM-B4TD-0RWE", "7KQ29XHMB4TD0RWE"),
        ("7kq2 9xhm b4td 0rwe", "7KQ29XHMB4TD0RWE"),
        ("  7KQ29XHMB4TDORWE ", "7KQ29XHMB4TD0RWE"),  # O typed for zero
        ("7KQ2–9XHM—B4TD‐0RWE", "7KQ29XHMB4TD0RWE"),  # typographic dashes
        ("IKQ2-9XHM-B4TD-0RWE", "1KQ29XHMB4TD0RWE"),  # I and L read as one
        ("lKQ2-9XHM-B4TD-0RWE", "1KQ29XHMB4TD0RWE"),
    ],
)
def test_codes_are_matched_ignoring_case_spaces_dashes_and_lookalike_letters(typed, expected):
    assert certificate_codes.normalise_code(typed) == expected


@pytest.mark.parametrize(
    "typed",
    ["", "7KQ2-9XHM-B4TD", "7KQ2-9XHM-B4TD-0RWE-1", "7KQ2-9XHM-B4TD-0RWU", "<script>alert(1)</script>", "X" * 10_000],
)
def test_text_that_cannot_be_a_code_is_not_one(typed):
    assert certificate_codes.normalise_code(typed) is None


@given(st.text(max_size=200))
def test_normalising_any_text_gives_a_valid_code_or_nothing_and_never_fails(text):
    code = certificate_codes.normalise_code(text)
    assert code is None or re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{16}", code)


@given(st.text(alphabet=certificate_codes.ALPHABET, min_size=16, max_size=16))
def test_a_formatted_code_reads_back_as_itself(code):
    assert certificate_codes.normalise_code(certificate_codes.format_code(code)) == code
    assert certificate_codes.normalise_code(certificate_codes.format_code(code).lower()) == code


@pytest.mark.parametrize(
    ("issued_on", "months", "expires_on"),
    [
        (datetime.date(2025, 3, 12), 36, datetime.date(2028, 3, 12)),
        (datetime.date(2025, 1, 31), 1, datetime.date(2025, 2, 28)),
        (datetime.date(2024, 1, 31), 1, datetime.date(2024, 2, 29)),
        (datetime.date(2024, 2, 29), 12, datetime.date(2025, 2, 28)),
        (datetime.date(2025, 8, 31), 10, datetime.date(2026, 6, 30)),
        (datetime.date(2025, 3, 12), None, None),
    ],
)
def test_expiry_is_the_validity_in_calendar_months_clamped_at_the_months_end(issued_on, months, expires_on):
    assert certificates.expiry_date(issued_on, months) == expires_on


def test_a_course_without_a_validity_gives_a_certificate_that_never_expires(issued):
    certificate = issued(course=make_course(certificate_validity_months=None))
    assert certificate.expires_on is None
    assert certificate.status() == Certificate.Status.VALID
    assert "Does not expire" in pdf_text(stored_pdf(certificate))


def test_running_the_task_again_changes_nothing(issued, mailoutbox):
    certificate = issued()
    pdf_before = stored_pdf(certificate)

    tasks.issue_certificate.delay(certificate.completion_id)
    tasks.issue_certificate.delay(certificate.completion_id)

    assert Certificate.objects.count() == 1
    again = certificate_of(certificate.completion)
    assert (again.code, again.pdf.name, stored_pdf(again)) == (certificate.code, certificate.pdf.name, pdf_before)
    assert len(mailoutbox) == 1


def test_the_database_allows_one_certificate_per_completion(issued):
    certificate = issued()
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            completion=certificate.completion,
            code=certificate_codes.generate_code(),
            holder_name="Someone",
            course_title="A course",
            issued_on=certificate.issued_on,
        )


def test_the_database_refuses_a_code_that_is_not_normalised(issued):
    certificate = issued()
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.filter(pk=certificate.pk).update(code="7kq2-9xhm-b4td-0rwe")


def test_losing_the_race_to_issue_returns_the_winners_certificate(monkeypatch):
    user = UserFactory()
    completion = complete(user, make_course())  # its task has not run
    winner = {}
    real_generate = certificate_codes.generate_code

    def another_worker_wins_meanwhile():
        # Between our "is there one already?" and our INSERT, another worker issues the certificate.
        if not winner:
            winner["certificate"] = Certificate.objects.create(
                completion=completion,
                code=real_generate(),
                holder_name=user.full_name,
                course_title=completion.course.title,
                issued_on=completion.completed_on,
            )
        return real_generate()

    monkeypatch.setattr(certificates, "generate_code", another_worker_wins_meanwhile)

    certificate = certificates.issue_certificate(completion)

    assert certificate.pk == winner["certificate"].pk
    assert Certificate.objects.filter(completion=completion).count() == 1


def test_a_code_that_is_already_taken_is_drawn_again(issued, monkeypatch):
    taken = issued().code
    draws = iter([taken, "7KQ29XHMB4TD0RWE"])
    monkeypatch.setattr(certificates, "generate_code", lambda: next(draws))

    certificate = certificates.issue_certificate(complete(UserFactory(), make_course()))

    assert certificate.code == "7KQ29XHMB4TD0RWE"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_issuing_at_once_make_one_certificate(monkeypatch):
    """Two threads, two database connections, both past the 'already issued?' check before either inserts."""
    import threading

    from django.db import connection, connections

    if connection.vendor == "sqlite":
        pytest.skip("needs a database with concurrent writers (PostgreSQL); the single-thread race test covers SQLite")
    completion = complete(UserFactory(), make_course())
    barrier = threading.Barrier(2, timeout=10)
    real_generate = certificate_codes.generate_code

    def generate_after_both_checked():
        barrier.wait()
        return real_generate()

    monkeypatch.setattr(certificates, "generate_code", generate_after_both_checked)
    results, errors = [], []

    def issue():
        try:
            results.append(certificates.issue_certificate(Completion.objects.get(pk=completion.pk)).pk)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert not errors
    assert len(results) == 2 and results[0] == results[1]
    assert Certificate.objects.filter(completion=completion).count() == 1


def test_completing_the_course_again_issues_a_new_certificate(issued):
    user = UserFactory()
    course = make_course(certificate_validity_months=12)
    first = issued(user, course, datetime.date(2023, 5, 1))
    second = issued(user, course, datetime.date(2024, 4, 20))

    assert first.pk != second.pk and first.code != second.code
    assert second.expires_on == datetime.date(2025, 4, 20)
    assert Certificate.objects.filter(completion__user=user).count() == 2


# --- The PDF -------------------------------------------------------------------------------------------


def test_the_pdf_shows_the_name_course_dates_hours_and_code(issued):
    certificate = issued(on=datetime.date(2025, 3, 12))
    text = pdf_text(stored_pdf(certificate))

    for expected in (
        "Cambridgeshire & Peterborough DASV Partnership",
        "Certificate of completion",
        "Priya Natarajan",
        "Domestic abuse awareness",
        "Completed on 12 March 2025",
        "CPD hours 1.5",
        "Valid until 12 March 2028",
        f"Verification code {certificate.display_code}",
    ):
        assert expected in text


def test_the_qr_code_opens_the_certificates_verification_page(issued):
    certificate = issued()
    assert qr_codes(stored_pdf(certificate)) == [f"http://testserver/certificates/verify/{certificate.display_code}/"]


def test_the_qr_code_uses_the_public_site_address(issued, settings):
    settings.SITE_URL = "https://learning.dasv-partnership.example/"
    certificate = issued()
    assert qr_codes(stored_pdf(certificate)) == [
        f"https://learning.dasv-partnership.example/certificates/verify/{certificate.display_code}/"
    ]


def test_the_pdf_is_a4_landscape_on_one_page(issued):
    data = stored_pdf(issued())
    page = PdfReader(io.BytesIO(data)).pages[0]
    width_mm, height_mm = (float(v) * 25.4 / 72 for v in (page.mediabox.width, page.mediabox.height))
    assert (round(width_mm), round(height_mm)) == (297, 210)
    assert page_count(data) == 1


def test_the_pdf_is_tagged_for_accessibility_with_its_language_and_title(issued):
    reader = PdfReader(io.BytesIO(stored_pdf(issued())))
    catalog = reader.trailer["/Root"]

    assert catalog["/Lang"] == "en-GB"
    assert catalog["/MarkInfo"]["/Marked"] == BooleanObject(True)
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == BooleanObject(True)
    assert reader.metadata.title == "Certificate of completion: Domestic abuse awareness"
    assert b"pdfuaid:part" in catalog["/Metadata"].get_object().get_data()

    roles, alternative_texts = [], []

    def walk(element):
        element = element.get_object()
        if "/S" in element:
            roles.append(element["/S"])
        if "/Alt" in element:
            alternative_texts.append(element["/Alt"])
        kids = element.get("/K")
        if kids is None:
            return
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, dict):
                walk(kid)

    walk(catalog["/StructTreeRoot"])
    assert "/H1" in roles and "/H2" in roles and "/Table" in roles and "/Figure" in roles
    assert "QR code that opens this certificate's verification page" in alternative_texts


def test_the_pdf_is_the_same_document_whenever_it_is_rendered_again(issued):
    certificate = issued()
    first = stored_pdf(certificate)

    assert certificates.render_certificate_pdf(certificate) == first
    # Lost from storage and rendered again by the task: byte for byte the same file.
    default_storage.delete(certificate.pdf.name)
    Certificate.objects.filter(pk=certificate.pk).update(pdf="")
    tasks.render_certificate.delay(certificate.pk)
    certificate.refresh_from_db()
    assert stored_pdf(certificate) == first
    reader = PdfReader(io.BytesIO(first))
    assert reader.metadata["/CreationDate"] == f"D:{certificate.issued_on:%Y%m%d}"


@pytest.mark.parametrize(
    "name",
    [
        "محمد بن عبد الله الهاشمي",  # Arabic, right to left, joined letters
        "דוד בן-גוריון",  # Hebrew
        "Siobhán O'Connor-Ní Bhriain",  # accents and an apostrophe
        "Zoë Łukasiewicz-Nguyễn Þórðardóttir",
        "Anne-Marie " + "Featherstonehaugh-" * 6 + "Cholmondeley-Marjoribanks Ó Súilleabháin Ngata",  # 120 characters
    ],
)
def test_names_in_any_script_and_up_to_120_characters_print_in_full_on_one_page(issued, name):
    name = name[:120]
    certificate = issued(user=UserFactory(full_name=name))
    data = stored_pdf(certificate)

    assert certificate.holder_name == name
    assert " ".join(name.split()) in pdf_text(data).replace("- ", "-")
    assert page_count(data) == 1
    assert qr_codes(data)  # the name never pushes the QR code off the page


def test_the_partnership_logo_and_name_come_from_the_site_settings(issued, demo_site):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from home.models import SiteSettings

    site_settings = SiteSettings.for_site(demo_site)
    site_settings.partnership_name = "Fenland Safer Communities Partnership"
    site_settings.logo = Image.objects.create(title="Logo", file=get_test_image_file())
    site_settings.save()

    certificate = issued()
    reader = PdfReader(io.BytesIO(stored_pdf(certificate)))

    assert "Fenland Safer Communities Partnership" in pdf_text(stored_pdf(certificate))
    images = list(reader.pages[0].images)
    assert len(images) == 1
    assert qr_codes(stored_pdf(certificate))


# --- Robustness ----------------------------------------------------------------------------------------


class WorkerKilled(BaseException):
    """Stands in for SIGKILL: not an Exception, so nothing catches it."""


class StorageWithSave:
    """The media storage, with ``save`` replaced (the services' view of it only)."""

    def __init__(self, save):
        self.save = save

    def __getattr__(self, name):
        return getattr(default_storage, name)


def test_a_worker_killed_while_storing_the_pdf_leaves_no_half_certificate(
    monkeypatch, django_capture_on_commit_callbacks
):
    completion = complete(UserFactory(full_name="Jo Wright"), make_course())
    real_save = default_storage.save

    def half_written_then_killed(name, content, *args, **kwargs):
        real_save(name, io.BytesIO(content.read()[:500]))
        raise WorkerKilled

    monkeypatch.setattr(certificates, "default_storage", StorageWithSave(half_written_then_killed))
    with pytest.raises(WorkerKilled):
        tasks.issue_certificate.delay(completion.pk)

    certificate = certificate_of(completion)
    assert not certificate.pdf  # the row never points at the half-written file
    assert default_storage.size(certificates.pdf_name(certificate)) == 500

    # acks_late: the broker hands the task to a worker again, which finishes the job.
    monkeypatch.setattr(certificates, "default_storage", default_storage)
    tasks.issue_certificate.delay(completion.pk)

    certificate = certificate_of(completion)
    assert certificate.pdf.name == certificates.pdf_name(certificate)
    assert stored_pdf(certificate) == certificates.render_certificate_pdf(certificate)
    assert "Jo Wright" in pdf_text(stored_pdf(certificate))


def test_the_certificate_task_is_acknowledged_late_and_retried_with_backoff():
    for task in (tasks.issue_certificate, tasks.render_certificate, tasks.send_certificate_reminders):
        assert task.acks_late is True
        assert task.reject_on_worker_lost is True
        assert OperationalError in task.autoretry_for and OSError in task.autoretry_for
        assert task.retry_backoff and task.retry_jitter
        assert task.max_retries >= 5


def test_a_transient_storage_failure_is_retried_until_the_certificate_is_stored(monkeypatch, mailoutbox):
    completion = complete(UserFactory(), make_course())
    real_save = default_storage.save
    failures = []

    def flaky_save(*args, **kwargs):
        if not failures:
            failures.append("timed out")
            raise TimeoutError("storage timed out")
        return real_save(*args, **kwargs)

    monkeypatch.setattr(certificates, "default_storage", StorageWithSave(flaky_save))
    # Run as a worker would (not re-raising), so that Celery's retry runs the task again.
    result = tasks.issue_certificate.apply(args=[completion.pk], throw=False)

    assert result.successful()
    assert failures == ["timed out"]
    assert certificate_of(completion).pdf
    assert len(mailoutbox) == 1


def test_the_ready_email_is_sent_once_and_not_for_a_revoked_certificate(issued, mailoutbox, training_manager):
    certificate = issued()
    assert len(mailoutbox) == 1
    assert f"/certificates/{certificate.pk}/download/" in mailoutbox[0].body
    assert certificate.display_code in mailoutbox[0].body

    assert certificates.notify_certificate_ready(certificate) is False
    other = issued(user=UserFactory())
    Certificate.objects.filter(pk=other.pk).update(ready_notified_at=None)
    certificates.revoke_certificate(other, by=training_manager, reason="Issued in error")
    assert certificates.notify_certificate_ready(other) is False
    assert len(mailoutbox) == 2  # one each for the two completions, none again


def test_issue_missing_certificates_queues_completions_without_one_and_certificates_without_a_pdf(issued, capsys):
    completions = [complete(UserFactory(), make_course()) for _ in range(2)]  # their tasks were lost
    imported = issued()
    Certificate.objects.filter(pk=imported.pk).update(pdf="")  # as if imported without its file

    call_command("issue_missing_certificates")

    assert capsys.readouterr().out.strip() == (
        "Queued 2 completions without a certificate and 1 certificate without a PDF."
    )
    assert all(certificate_of(completion).pdf for completion in completions)
    imported.refresh_from_db()
    assert imported.pdf

    call_command("issue_missing_certificates")
    assert capsys.readouterr().out.strip() == (
        "Queued 0 completions without a certificate and 0 certificates without a PDF."
    )
