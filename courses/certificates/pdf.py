"""Certificate PDFs: HTML from a template, laid out by WeasyPrint, with the QR code inline as SVG.

Rendering knows nothing of the database: it takes a :class:`CertificateDocument` (what the page shows) and
returns the PDF's bytes. ``courses.certificates`` builds the document from a certificate and stores the file.

Speed. Stock WeasyPrint builds a font configuration, parses the stylesheet and finds and subsets the
system's fonts at every call. Here each thread keeps one :class:`_Renderer`: a FontConfiguration holding
the two small fonts shipped in ``static/fonts`` (a cut-down DejaVu Sans, see its README; the system's fonts
remain as a fallback for other scripts), the stylesheet parsed once against it, and an image cache for the
partnership's logo. What remains is WeasyPrint's own parsing, layout and drawing (about a quarter of it the QR code).
``make bench`` measures it against stock WeasyPrint on the same HTML (``benchmarks/bench_certificates.py``).

Sameness. The same certificate gives byte-identical PDFs: the creation and modification dates come from
the certificate (issue date, reissue time), the file identifier from its code and revision, and nothing
else in the document depends on the clock or on chance. One thing did, on machines without the
HarfBuzz subsetter (Debian's ``libharfbuzz-subset0``): WeasyPrint then subsets fonts with fontTools, which
stamps each subset font's ``head.modified`` with the current second when it saves it, so a re-rendering a
second later differed in the embedded font (and in its compressed length). fontTools takes that time from
``SOURCE_DATE_EPOCH`` when set (the reproducible-builds convention), so this module sets it, unless the
environment already does, to the shipped fonts' own date, the date HarfBuzz's subsetter keeps.

Accessibility. Tagged PDF/UA-1 (WeasyPrint's ``pdf_variant``) with ``lang="en-GB"``, a title, headings,
a table of the details (its header cells scoped to their rows), and alternative text for the logo and the QR
code. ``tests/pdf_checks.py`` runs the pdfua checker on it.
"""

from __future__ import annotations

import atexit
import base64
import dataclasses
import datetime
import decimal
import hashlib
import os
import threading
import unicodedata
from pathlib import Path

import segno
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.formats import date_format

from home.pdf import scope_header_cells

PDF_VARIANT = "pdf/ua-1"
LANGUAGE = "en-GB"
FONT_FACES = {
    "normal": "fonts/DejaVuSans-Certificate.ttf",
    "bold": "fonts/DejaVuSans-Bold-Certificate.ttf",
}
HTML_TEMPLATE = "courses/certificates/pdf.html"
CSS_TEMPLATE = "courses/certificates/pdf.css"
# The shipped fonts' head.modified (2023-03-10 08:35:35 UTC) as a Unix time: what fontTools writes into every
# font it saves instead of the time of the rendering. Set once at import, before any thread renders.
FONT_TIMESTAMP = 1678437335
os.environ.setdefault("SOURCE_DATE_EPOCH", str(FONT_TIMESTAMP))


@dataclasses.dataclass(frozen=True)
class Logo:
    """The partnership's logo as image bytes (PNG or JPEG), with its alternative text."""

    data: bytes
    mime_type: str
    alt: str

    @property
    def data_uri(self) -> str:
        return f"data:{self.mime_type};base64,{base64.b64encode(self.data).decode('ascii')}"


@dataclasses.dataclass(frozen=True)
class CertificateDocument:
    """Everything a certificate's page shows, and the values that make its PDF the same every time."""

    holder_name: str
    course_title: str
    completed_on: datetime.date
    cpd_hours: decimal.Decimal
    issued_on: datetime.date
    expires_on: datetime.date | None
    code: str
    verification_url: str
    partnership_name: str
    verification_form_url: str = ""
    logo: Logo | None = None
    reissued_at: datetime.datetime | None = None
    revision: int = 1

    @property
    def title(self) -> str:
        return f"Certificate of completion: {self.course_title}"

    @property
    def created(self) -> str:
        """The PDF's creation date (W3C format): the day it was issued."""
        return self.issued_on.isoformat()

    @property
    def modified(self) -> str:
        """The PDF's modification date: the reissue, if any, else the issue date."""
        if self.reissued_at is None:
            return self.created
        return self.reissued_at.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    @property
    def identifier(self) -> bytes:
        """The PDF file identifier: the same for a given code and revision, different across reissues."""
        return hashlib.sha256(f"{self.code}/{self.revision}".encode()).hexdigest()[:32].encode("ascii")


def qr_svg(url: str) -> str:
    """An inline SVG QR code for ``url`` with the standard quiet zone; its <title> is its alternative text."""
    qr = segno.make(url, error="m", micro=False)
    return qr.svg_inline(
        scale=1,
        border=4,
        omitsize=True,
        svgclass="qr",
        lineclass=None,
        title="QR code that opens this certificate's verification page",
    )


def font_files() -> dict[str, Path]:
    """The shipped font files by weight, found like any static file (so they work after collectstatic)."""
    found = {}
    for weight, name in FONT_FACES.items():
        path = finders.find(name)
        if not path:
            raise FileNotFoundError(f"The certificate font static/{name} is missing.")
        found[weight] = Path(path)
    return found


def stylesheet_source(*, shipped_fonts: bool = True) -> str:
    """The certificate's CSS. Without ``shipped_fonts``, it names the system's DejaVu Sans as stock setups do."""
    fonts = {weight: path.as_uri() for weight, path in font_files().items()} if shipped_fonts else None
    return render_to_string(CSS_TEMPLATE, {"fonts": fonts})


def text_direction(text: str) -> str:
    """ "rtl" or "ltr" from the first strongly directional character (HTML's dir=auto, which WeasyPrint lacks)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def _long_date(day: datetime.date | None) -> str:
    return date_format(day, "j F Y") if day else ""


def certificate_html(document: CertificateDocument, *, inline_css: str = "") -> str:
    """The certificate as HTML. ``inline_css`` puts a stylesheet in the page (for a stock rendering)."""
    context = {
        "doc": document,
        "lang": LANGUAGE,
        "completed_on": _long_date(document.completed_on),
        "issued_on": _long_date(document.issued_on),
        "expires_on": _long_date(document.expires_on),
        "reissued_on": _long_date(document.reissued_at.date()) if document.reissued_at else "",
        "cpd_hours": f"{document.cpd_hours.normalize():f}",
        "qr_svg": qr_svg(document.verification_url),
        "verify_url_display": document.verification_form_url.split("://", 1)[-1],
        "holder_dir": text_direction(document.holder_name),
        "course_dir": text_direction(document.course_title),
        "inline_css": inline_css,
    }
    return render_to_string(HTML_TEMPLATE, context)


class _Renderer:
    """What a process keeps between renderings: fonts, the parsed stylesheet and decoded images."""

    def __init__(self) -> None:
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        self.font_config = FontConfiguration()
        self.stylesheet = CSS(string=stylesheet_source(), font_config=self.font_config)
        self.image_cache: dict = {}

    def render(self, document: CertificateDocument) -> bytes:
        from weasyprint import HTML

        if len(self.image_cache) > 64:
            # Logos change rarely; never let the cache of old ones grow without bound.
            self.image_cache.clear()
        html = HTML(string=certificate_html(document), base_url=None)
        return html.write_pdf(
            stylesheets=[self.stylesheet],
            font_config=self.font_config,
            pdf_variant=PDF_VARIANT,
            pdf_identifier=document.identifier,
            cache=self.image_cache,
            finisher=scope_header_cells,
        )


_local = threading.local()
# Let go of the main thread's renderer before the interpreter tears down the C libraries its fonts use.
atexit.register(lambda: _local.__dict__.clear())


def _renderer() -> _Renderer:
    # One per thread: a FontConfiguration is not meant to be shared between threads.
    renderer = getattr(_local, "renderer", None)
    if renderer is None:
        renderer = _local.renderer = _Renderer()
    return renderer


def render_pdf(document: CertificateDocument) -> bytes:
    """The certificate's PDF (A4 landscape, tagged PDF/UA-1): the same bytes for the same document."""
    return _renderer().render(document)


def render_pdf_stock(document: CertificateDocument) -> bytes:
    """The same certificate as stock WeasyPrint renders it: the benchmark's baseline, not used by the site.

    The stylesheet is inline, the fonts are the system's, and every call starts from nothing.
    """
    from weasyprint import HTML

    html = certificate_html(document, inline_css=stylesheet_source(shipped_fonts=False))
    return HTML(string=html).write_pdf()
