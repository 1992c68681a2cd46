"""Text people type that reaches the database or an email: search boxes and names.

PostgreSQL refuses text containing NUL, so ``?q=a%00b`` must never reach a query as it is; other
control characters (escape sequences, bells, line breaks in a one-line field) are never meant and
make a name unsafe in an email header. One home for the rule, used by every search and name field.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

# Unicode "Cc" (C0 and C1 controls, DEL) plus the line and paragraph separators, which break a
# header or a CSV row as a newline does.
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def has_control_characters(value: str) -> bool:
    return bool(CONTROL_CHARACTERS.search(value))


def _without_controls(value: str) -> str:
    # Line breaks and tabs separate words, so they become spaces; NUL, escapes and bells are dropped.
    return CONTROL_CHARACTERS.sub(lambda match: " " if match.group().isspace() else "", value)


def clean_search_text(value: str | None, max_length: int = 200) -> str:
    """Search text as it may be queried: no control characters, runs of spaces made one, trimmed."""
    return " ".join(_without_controls(value or "").split())[:max_length].strip()


def single_line(value: str) -> str:
    """Text safe for one line of an email header: no control characters, no line breaks."""
    return " ".join(_without_controls(value).split())


def validate_no_control_characters(value: str) -> None:
    """A field's validator: names and other one-line text must not contain line breaks, tabs or NUL."""
    if has_control_characters(value):
        raise ValidationError(
            "Remove the line breaks, tabs or other control characters: this must be a single line of text.",
            code="control_characters",
        )
