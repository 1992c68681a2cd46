"""QR check-in codes: a signed, short-lived token for one date, shown by the trainer and scanned by learners.

The trainer's screen asks for a new code every ``PERIOD`` seconds; a code is accepted for ``VALID_FOR``
seconds after it was made (the one on screen, and the one just before it for someone who scanned as it
changed), so a photo of the screen passed round later, or sent to someone at home, does not work. The
token is signed with the site's secret (Django's ``signing``, salted for this use), so nobody can make one
for a date, and it names its date, so a code for one date never checks anyone in to another.
"""

from __future__ import annotations

import io
import time

import segno
from django.core import signing
from django.urls import reverse

from home.links import absolute_url

from .models import SessionDate

SALT = "courses.sessions.check-in"
PERIOD = 30
VALID_FOR = 2 * PERIOD


class CodeRefused(Exception):
    """The code cannot be used; the message is shown to the person who scanned it."""


class _Signer(signing.TimestampSigner):
    """Django's timestamp signer, dated ``at`` (a Unix time) instead of now when given."""

    def __init__(self, *, at: float | None = None, **kwargs):
        self.at = at
        super().__init__(**kwargs)

    def timestamp(self) -> str:
        return signing.b62_encode(int(time.time() if self.at is None else self.at))


def make_code(session_date: SessionDate, *, at: float | None = None) -> str:
    """A new code for the date (``at``: the Unix time to date it, now by default)."""
    return _Signer(salt=SALT, at=at).sign_object({"date": session_date.pk}, compress=False)


def check_in_url(code: str) -> str:
    return absolute_url(reverse("session_pages:check_in", kwargs={"code": code}))


def read_code(code: str, *, max_age: int = VALID_FOR) -> int:
    """The date id a code was made for; CodeRefused if it is not one of ours or has expired."""
    try:
        payload = signing.TimestampSigner(salt=SALT).unsign_object(code, max_age=max_age)
    except signing.SignatureExpired:
        raise CodeRefused(
            "This code has expired: they change every 30 seconds. Scan the code on the trainer's screen again."
        ) from None
    except signing.BadSignature:
        raise CodeRefused("This is not a check-in code of this site. Scan the code on the trainer's screen.") from None
    date_id = payload.get("date") if isinstance(payload, dict) else None
    if not isinstance(date_id, int):
        raise CodeRefused("This is not a check-in code of this site. Scan the code on the trainer's screen.")
    return date_id


def qr_svg(url: str, *, title: str) -> bytes:
    """The QR code of a check-in URL, as an SVG image."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="svg", scale=8, border=4, title=title, xmldecl=True)
    return buffer.getvalue()
