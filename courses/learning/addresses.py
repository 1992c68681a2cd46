"""Lists of people by email address, as managers paste or upload them: parsed, checked, looked up.

All or nothing: every bad line is named (``AddressListRejected``), so a list is fixed and sent again whole.
Used by bulk enrolment and by assigned learning.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower

from accounts.models import User

MAX_ADDRESS_FILE_BYTES = 5 * 1024 * 1024
_SEPARATORS = re.compile(r"[,;\s]+")
_IN_CHUNK = 500


@dataclass(frozen=True)
class AddressProblem:
    """Why one address cannot be enrolled; ``line`` is its line in the list or file (None: the whole file)."""

    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}" if self.line else self.message


class AddressListRejected(Exception):
    """Some addresses cannot be enrolled; nobody was. ``problems`` names every one."""

    def __init__(self, problems: list[AddressProblem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s); nobody was enrolled")


def addresses_from_text(text: str) -> list[tuple[int, str]]:
    """Addresses with their line numbers, from a pasted list or a file's text.

    A list has one address per line (several on a line may be separated by
    commas or semicolons, as mail programs copy them); a CSV whose first line
    has an ``email`` column gives that column.
    """
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), None)
    if first is None:
        return []
    header = [cell.strip().lower() for cell in next(csv.reader([first]))]
    if "email" in header:
        column = header.index("email")
        reader = csv.reader(io.StringIO(text, newline=""))
        found: list[tuple[int, str]] = []
        previous_end, past_header = 0, False
        for cells in reader:
            line, previous_end = previous_end + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if not past_header:
                past_header = True
            elif len(cells) > column and cells[column].strip():
                found.append((line, cells[column].strip()))
        return found
    return [
        (number, address)
        for number, line in enumerate(lines, start=1)
        for address in _SEPARATORS.split(line.strip())
        if address
    ]


def addresses_from_file(data: bytes) -> list[tuple[int, str]]:
    """Addresses from an uploaded list or CSV file (UTF-8, with or without a byte order mark)."""
    if len(data) > MAX_ADDRESS_FILE_BYTES:
        raise AddressListRejected([AddressProblem("The file is larger than 5 MB.")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise AddressListRejected(
            [AddressProblem("The file is not UTF-8 text: save it as “CSV UTF-8” or plain text and try again.")]
        ) from error
    if "\x00" in text:
        raise AddressListRejected([AddressProblem("The file is not a text or CSV file.")])
    try:
        addresses = addresses_from_text(text)
    except csv.Error as error:
        raise AddressListRejected([AddressProblem(f"The file is not valid CSV: {error}.")]) from error
    if not addresses:
        raise AddressListRejected([AddressProblem("The file has no email addresses in it.")])
    return addresses


def people_for_addresses(addresses: Sequence[tuple[int, str]]) -> list[User]:
    """The active accounts with these addresses, or ``AddressListRejected`` naming every bad one.

    An address is bad if it is malformed, has no account, or its account is
    not active (someone who has left, or an imported person who has not
    signed up yet: enrolling them would email nobody who can sign in).
    """
    problems: list[AddressProblem] = []
    wanted: dict[str, int] = {}
    for line, raw in addresses:
        email = User.objects.normalize_email(raw)
        try:
            validate_email(email)
        except ValidationError:
            problems.append(AddressProblem(f"“{raw}” is not a valid email address.", line))
            continue
        wanted.setdefault(email, line)
    found: dict[str, User] = {}
    emails = list(wanted)
    for start in range(0, len(emails), _IN_CHUNK):
        for user in User.objects.annotate(email_lower=Lower("email")).filter(
            email_lower__in=emails[start : start + _IN_CHUNK]
        ):
            found[user.email_lower] = user
    for email, line in wanted.items():
        user = found.get(email)
        if user is None:
            problems.append(AddressProblem(f"nobody has an account with the address {email}.", line))
        elif not user.is_active:
            problems.append(
                AddressProblem(
                    f"the account for {email} is not active (they have not signed up yet, or have left).", line
                )
            )
    if problems:
        raise AddressListRejected(sorted(problems, key=lambda p: p.line or 0))
    return [found[email] for email in wanted]
