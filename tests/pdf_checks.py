"""Checks on the PDFs the platform publishes, shared by the certificate and board report tests."""

from __future__ import annotations

import tempfile
from pathlib import Path

from pdfua import Severity, validate


def pdfua_problems(pdf_bytes: bytes) -> list[str]:
    """What the independent PDF/UA-1 checker ``pdfua`` finds wrong: every error and warning, one line each.

    A line reads ``"UA-15-003 warning: Table has ... (page 1 /Table)"``; an empty list is a clean file.
    Rules the checker could not run on the file are not counted (pdfua 0.1.3's UA-14-001, empty headings,
    raises on the /K arrays WeasyPrint writes): test what they cover with pypdf.
    """
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "document.pdf"
        path.write_bytes(pdf_bytes)
        report = validate(str(path))
    return [
        f"{finding.rule_id} {finding.severity.name.lower()}: {finding.message} ({finding.location.describe()})"
        for finding in report.findings
        if finding.severity >= Severity.WARNING
    ]
