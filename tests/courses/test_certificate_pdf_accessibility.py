"""The certificate PDF passes the independent PDF/UA-1 checker (pdfua), its table's headers scoped to rows."""

from __future__ import annotations

import io

from pypdf import PdfReader

from courses.certificates import pdf
from tests.courses.test_certificate_pdf_bytes import DOCUMENT
from tests.pdf_checks import pdfua_problems


def header_cell_scopes(data: bytes) -> list[str]:
    """The /Scope of every /TH structure element, in the order of the structure tree."""
    scopes = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, list):
            for kid in node:
                walk(kid)
            return
        if not hasattr(node, "get"):
            return
        if node.get("/S") == "/TH":
            scopes.append(str(node["/A"].get("/Scope")))
        if "/K" in node:
            walk(node["/K"])

    walk(PdfReader(io.BytesIO(data)).trailer["/Root"]["/StructTreeRoot"])
    return scopes


def test_the_certificate_pdf_has_no_pdfua_errors_or_warnings():
    data = pdf.render_pdf(DOCUMENT)

    assert pdfua_problems(data) == []


def test_each_row_header_of_the_details_table_says_it_heads_its_row():
    scopes = header_cell_scopes(pdf.render_pdf(DOCUMENT))

    # Completed on, CPD hours, Issued on, Valid until, Verification code
    assert scopes == ["/Row"] * 5
