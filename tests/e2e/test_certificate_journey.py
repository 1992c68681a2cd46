"""A certificate from start to finish, in a real browser: a professional completes a course on the site, waits
for the certificate, downloads it, and its QR code (decoded from the PDF's rendering by zxing-cpp) opens the
public verification page; then an employer checks the code by typing it. axe checks the verification pages.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from courses.models import Certificate
from tests.courses.certificate_helpers import make_course, pdf_text, qr_codes
from tests.factories import DEFAULT_PASSWORD, ModulePageFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CERTIFICATE_WAIT_SECONDS = 60


def sign_in(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name=re.compile(r"^\s*Sign In\s*$", re.IGNORECASE)).click()


def wait_for_download_link(page):
    """Reload My learning until the certificate is ready (a worker may still be rendering it)."""
    deadline = time.monotonic() + CERTIFICATE_WAIT_SECONDS
    link = page.get_by_role("link", name=re.compile(r"^Download certificate"))
    while True:
        page.goto("/learning/")
        if link.count():
            return link
        assert time.monotonic() < deadline, "the certificate was not ready in time"
        expect(page.get_by_text("Being prepared").first).to_be_visible()
        page.wait_for_timeout(500)


def test_a_professional_completes_a_course_downloads_the_certificate_and_its_qr_code_verifies_it(
    page, live_server, settings, demo_site, assert_accessible, tmp_path
):
    # The QR code must lead back to this server.
    settings.SITE_URL = live_server.url
    course = make_course(title="Stalking and harassment", certificate_validity_months=36, cpd_hours="2")
    ModulePageFactory(parent=course, title="Recognising stalking")
    learner = UserFactory(full_name="Zoë O'Brien-Ní Dhomhnaill")

    sign_in(page, learner.email)
    page.goto(course.get_url())
    page.get_by_role("button", name="Enrol on this course").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Recognising stalking"))
    page.get_by_role("button", name="Mark as done and continue").click()
    expect(page.get_by_text("You have completed “Stalking and harassment”")).to_be_visible()

    link = wait_for_download_link(page)
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert re.fullmatch(r"certificate-stalking-and-harassment-[0-9A-Z-]{19}\.pdf", download.suggested_filename)
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    data = Path(saved).read_bytes()

    certificate = Certificate.objects.get(completion__user=learner)
    text = pdf_text(data)
    for expected in ("Zoë O'Brien-Ní Dhomhnaill", "Stalking and harassment", certificate.display_code, "CPD hours 2"):
        assert expected in text
    [qr_url] = qr_codes(data)
    assert qr_url == f"{live_server.url}/certificates/verify/{certificate.display_code}/"

    # Someone else (signed out) scans the QR code: it opens the certificate's public page.
    page.context.clear_cookies()
    page.goto(qr_url)
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Certificate {certificate.display_code}")
    expect(page.get_by_text("Valid", exact=True)).to_be_visible()
    expect(page.get_by_role("main").get_by_text("Zoë O'Brien-Ní Dhomhnaill", exact=True)).to_be_visible()
    expect(page.get_by_text(learner.email)).to_have_count(0)
    assert_accessible(page)

    # An employer types the code from the paper, in lower case with spaces.
    page.goto("/certificates/verify/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check a certificate")
    assert_accessible(page)
    page.get_by_label("Verification code").fill(certificate.display_code.lower().replace("-", " "))
    page.get_by_role("button", name="Check the certificate").click()
    expect(page).to_have_url(re.compile(rf"/certificates/verify/{certificate.display_code}/$"))
    expect(page.get_by_text("Stalking and harassment")).to_be_visible()

    # A mistyped code: the form says what is wrong; an unknown one gets the friendly page.
    page.goto("/certificates/verify/")
    page.get_by_label("Verification code").fill("not a code")
    page.get_by_role("button", name="Check the certificate").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.locator("#id_code_error")).to_contain_text("16 letters and numbers, such as")
    assert_accessible(page)
    page.goto("/certificates/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Certificate not found")
    assert_accessible(page)
