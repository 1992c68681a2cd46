"""Verification codes: 80 random bits, written in Crockford's base 32 in four groups of four.

Crockford's alphabet has no I, L, O or U, so a code read aloud or typed from paper is hard to get wrong,
and what people do type by mistake is forgiven: case, spaces and dashes are ignored, O is read as zero
and I or L as one. Codes are stored normalised (16 characters, upper case, no separators; a database
constraint holds to that) and shown in groups: ``7KQ2-9XHM-B4TD-0RWE``.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 16  # 16 characters of 5 bits: 80 bits from the operating system's secure random source.
GROUP = 4
# Anything longer than a code with generous separators is not a code; it is not even looked at.
MAX_INPUT_LENGTH = 64

_SEPARATORS = re.compile(r"[\s\-\u00ad\u2010-\u2015\u2212]+")
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_NORMALISED = re.compile(rf"[{ALPHABET}]{{{LENGTH}}}")
# Part of a code, as a training manager searching the admin types it: at least one group's worth, so that a
# short word (a name, a course) does not also match every code that happens to contain its letters.
MIN_PART_LENGTH = GROUP
_PART = re.compile(rf"[{ALPHABET}]{{{MIN_PART_LENGTH},{LENGTH}}}")


def generate_code() -> str:
    """A new random code, normalised."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise_code(raw: str | None) -> str | None:
    """The stored form of a code as someone typed it, or None if it cannot be a code."""
    if not raw or len(raw) > MAX_INPUT_LENGTH:
        return None
    code = _SEPARATORS.sub("", raw).upper().translate(_LOOKALIKES)
    return code if _NORMALISED.fullmatch(code) else None


def normalise_code_part(raw: str | None) -> str | None:
    """Part of a code (four characters or more) in its stored form, forgiven like a whole code; else None.

    ``"4z1w"``, ``"4Z1W-B"`` and ``"4 z 1 w"`` all become the stored characters, so a substring search on the
    stored code finds them wherever the dashes fall.
    """
    if not raw or len(raw) > MAX_INPUT_LENGTH:
        return None
    part = _SEPARATORS.sub("", raw).upper().translate(_LOOKALIKES)
    return part if _PART.fullmatch(part) else None


def format_code(code: str) -> str:
    """A stored code as people read it, in groups of four."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))
