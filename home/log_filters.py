"""Logging filters for the console: what a person running the site needs to read, once."""

from __future__ import annotations

import logging


class OneLineClientErrors(logging.Filter):
    """A refused request (a 4xx: 403 forbidden, 404, a bad form post) is logged as one line, without the
    traceback of the exception Django raised to refuse it: that is the site working, not failing. Server
    errors (5xx) and everything else keep their tracebacks."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if record.name.startswith("django.") and isinstance(status, int) and 400 <= status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
