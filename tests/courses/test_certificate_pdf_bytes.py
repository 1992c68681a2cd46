"""A certificate's PDF is the same bytes on both of WeasyPrint's font subsetters, in any process, at any time.

WeasyPrint subsets fonts with HarfBuzz (``libharfbuzz-subset0``) when the library is there and with fontTools
when it is not; the fontTools path once stamped the clock into every embedded font. Both paths are tested on
any machine: the fontTools one by taking WeasyPrint's decision away from it, the HarfBuzz one where the
library is installed.
"""

from __future__ import annotations

import datetime
import decimal
import io
import logging
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from courses.certificates import pdf

ROOT = Path(__file__).resolve().parents[2]

DOCUMENT = pdf.CertificateDocument(
    holder_name="Priya Natarajan",
    course_title="Domestic abuse awareness",
    completed_on=datetime.date(2025, 3, 12),
    cpd_hours=decimal.Decimal("1.5"),
    issued_on=datetime.date(2025, 3, 12),
    expires_on=datetime.date(2028, 3, 12),
    code="4Z1WK7QPM2XB9RDT",
    verification_url="https://learning.example/certificates/verify/4Z1WK7QPM2XB9RDT/",
    verification_form_url="https://learning.example/certificates/verify/",
    partnership_name="County DASV Partnership",
)

# Renders a pickled CertificateDocument from stdin in a new interpreter and writes the PDF to stdout.
CHILD = """
import pickle, sys
import django
django.setup()
if sys.argv[1] == "fonttools":
    import weasyprint.pdf.fonts
    weasyprint.pdf.fonts.harfbuzz_subset = None
from courses.certificates import pdf
sys.stdout.buffer.write(pdf.render_pdf(pickle.loads(sys.stdin.buffer.read())))
"""

FALLBACK_WARNING = "Using fontTools instead of HarfBuzz-Subset"


def harfbuzz_subset_available() -> bool:
    from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

    return harfbuzz_subset is not None and bool(harfbuzz.hb_version_atleast(4, 1, 0))


@pytest.fixture(params=["harfbuzz", "fonttools"])
def subsetter(request, monkeypatch):
    """Which subsetter WeasyPrint uses: HarfBuzz (where installed) or the fontTools fallback (forced)."""
    if request.param == "fonttools":
        import weasyprint.pdf.fonts

        monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", None)
    elif not harfbuzz_subset_available():
        pytest.skip("libharfbuzz-subset (>= 4.1) is not installed: only the fontTools path can run here")
    return request.param


def render_in_new_process(document: pdf.CertificateDocument, subsetter: str) -> bytes:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test", "PYTHONHASHSEED": "12345"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    if env.get("SOURCE_DATE_EPOCH") == str(pdf.FONT_TIMESTAMP):
        del env["SOURCE_DATE_EPOCH"]  # the new process must pin fontTools' clock by itself
    result = subprocess.run(
        [sys.executable, "-c", CHILD, subsetter],
        input=pickle.dumps(document),
        capture_output=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def embedded_font_dates(data: bytes) -> set[int]:
    """The head.modified of every font embedded in the PDF."""
    dates = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            stream = descriptor.get_object()["/FontFile2"].get_object()
            dates.add(TTFont(io.BytesIO(stream.get_data()))["head"].modified)
    return dates


def test_the_pdf_is_the_same_bytes_whatever_the_clock_says(subsetter, monkeypatch, caplog):
    import fontTools.misc.timeTools

    caplog.set_level(logging.WARNING, logger="weasyprint")
    monkeypatch.setattr(fontTools.misc.timeTools.time, "time", lambda: 1767225600.0)  # 2026-01-01
    first = pdf.render_pdf(DOCUMENT)
    monkeypatch.setattr(fontTools.misc.timeTools.time, "time", lambda: 1924992000.0)  # 2031-01-01
    again = pdf.render_pdf(DOCUMENT)

    assert again == first
    assert (FALLBACK_WARNING in caplog.text) == (subsetter == "fonttools")  # the path named is the path taken
    shipped = TTFont(pdf.font_files()["normal"])["head"].modified
    assert embedded_font_dates(first) == {shipped}


def test_the_pdf_is_the_same_bytes_in_a_new_process(subsetter):
    here = pdf.render_pdf(DOCUMENT)
    elsewhere = render_in_new_process(DOCUMENT, subsetter)  # later, with a fresh font cache and hash seed

    assert elsewhere == here
    assert elsewhere.startswith(b"%PDF-1.7")
