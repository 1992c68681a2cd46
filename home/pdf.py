"""What every PDF the platform publishes adds to WeasyPrint's PDF/UA tagging (certificates, board reports)."""

from __future__ import annotations

# HTML's scope attribute as PDF's /Scope. WeasyPrint takes a header cell without scope="row" as a column header
# when it links data cells to their headers, so the same default is written here.
PDF_SCOPES = {"row": "/Row", "rowgroup": "/Row", "col": "/Column", "colgroup": "/Column"}


def scope_header_cells(document, pdf) -> None:
    """A WeasyPrint ``finisher``: give every tagged header cell (/TH) the /Scope its HTML ``scope`` says.

    WeasyPrint links each data cell to its headers (/Headers on the /TD, /ID on the /TH) but writes no
    /Scope on the header cells themselves, which PDF/UA checkers (pdfua's UA-15-003) and some screen readers
    look for to tell row headers from column headers. WeasyPrint keeps each cell's structure element on its
    layout box (``box.mark``) until the file is written, so the attribute is added there.
    """
    for page in document.pages:
        for box in _boxes(page._page_box):
            mark = getattr(box, "mark", None)
            if box.element_tag != "th" or mark is None or box.element is None:
                continue
            scope = (box.element.get("scope") or "").strip().lower()
            mark["A"]["Scope"] = PDF_SCOPES.get(scope, "/Column")


def _boxes(box):
    """Every box under ``box``, through the placeholders of positioned boxes, as WeasyPrint's tagging walks them."""
    from weasyprint.layout.absolute import AbsolutePlaceholder

    if isinstance(box, AbsolutePlaceholder):
        box = box._box
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)
