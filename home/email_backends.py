"""An email backend that prints one line per message, for commands whose output a person reads.

``load_demo`` issues certificates, and each certificate emails its holder: with the console backend of
the embedded default that printed every message in full. Inside :func:`one_line_per_email` each message is
a line ("email to x@example.org: Your certificate ... is ready") and nothing is sent; everywhere else
EMAIL_BACKEND is unchanged.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.mail.backends.base import BaseEmailBackend
from django.test.utils import override_settings

_local = threading.local()


class OneLineEmailBackend(BaseEmailBackend):
    """Write "email to <recipients>: <subject>" for each message to the stream of the enclosing command."""

    def send_messages(self, email_messages) -> int:
        stream = getattr(_local, "stream", None) or sys.stdout
        for message in email_messages:
            recipients = ", ".join(message.recipients()) or "(nobody)"
            stream.write(f"  email to {recipients}: {message.subject}\n")
        return len(email_messages)


@contextmanager
def one_line_per_email(stream) -> Iterator[None]:
    """While inside, every email is one line on ``stream`` instead of being sent."""
    previous = getattr(_local, "stream", None)
    _local.stream = stream
    try:
        with override_settings(EMAIL_BACKEND=f"{__name__}.OneLineEmailBackend"):
            yield
    finally:
        _local.stream = previous
