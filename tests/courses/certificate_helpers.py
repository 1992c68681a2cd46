"""Helpers for the certificate tests: a course, a completion recorded as the site records one, PDF readers."""

from __future__ import annotations

import datetime
import io

import pypdfium2
import zxingcpp
from django.utils import timezone
from pypdf import PdfReader
from wagtail.models import Site

from courses.learning import services
from courses.models import Certificate, Completion, CourseIndexPage, CoursePage
from tests.factories import CoursePageFactory


def catalogue() -> CourseIndexPage:
    existing = CourseIndexPage.objects.first()
    if existing:
        return existing
    root = Site.objects.get(is_default_site=True).root_page
    return root.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))


def make_course(**fields) -> CoursePage:
    """A published course (36 months' validity and 1.5 CPD hours unless given)."""
    fields.setdefault("cpd_hours", "1.5")
    return CoursePageFactory(parent=catalogue(), **fields)


def complete(user, course: CoursePage, on: datetime.date | None = None, *, capture=None) -> Completion:
    """Record a completion through the courses service; with ``capture`` (pytest-django's
    ``django_capture_on_commit_callbacks``), its certificate task runs as the transaction commits."""
    when = timezone.make_aware(datetime.datetime.combine(on, datetime.time(12))) if on else None
    if capture is None:
        return services.record_completion(user, course, completed_at=when)
    with capture(execute=True):
        return services.record_completion(user, course, completed_at=when)


def certificate_of(completion: Completion) -> Certificate:
    return Certificate.objects.select_related("completion__user", "completion__course").get(completion=completion)


def pdf_text(data: bytes) -> str:
    """The text of every page, whitespace collapsed (a long name wraps over lines)."""
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def qr_codes(data: bytes) -> list[str]:
    """What the QR codes on page 1 say, decoded by zxing-cpp from a 2x rendering by pdfium."""
    document = pypdfium2.PdfDocument(data)
    try:
        image = document[0].render(scale=2).to_pil()
    finally:
        document.close()
    return [result.text for result in zxingcpp.read_barcodes(image)]


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)
