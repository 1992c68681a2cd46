"""Importing a paper sign-in sheet into a session's registers, from a CSV file.

The file has a header row naming the columns (any order; other columns are ignored)::

    email,full_name,organisation,district,date,attended

``date`` is one of the session's dates, written ``YYYY-MM-DD`` (UK time); ``attended`` is ``yes`` or ``no``.
``full_name``, ``organisation`` and ``district`` are needed for people without an account (an inactive
one is made for them, which they claim by signing up with that address, as in the history import,
``courses.learning.importing``); for people with one they may be left empty.

All or nothing: the whole file is checked first, and if any line is bad nothing is written and every bad
line is reported with its line number (the header is line 1). Then, in one transaction: each person gets
a booking if they had none (someone who signed the sheet was there, so a seat is recorded for them,
whatever the capacity, with a status change saying it came from the sheet), and each row's mark is saved
for its date (``DateAttendance``, recorded as imported). Importing the same file again changes nothing.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone

from accounts.models import District, Organisation, User
from accounts.services import UnclaimedPerson, create_unclaimed_accounts
from home.text import has_control_characters

from .attendance import MARKING_OPENS_BEFORE
from .models import LIVE_STATUSES, SEAT_STATUSES, Booking, BookingStatusChange, DateAttendance, TrainingSession

COLUMNS = ("email", "full_name", "organisation", "district", "date", "attended")
MAX_FILE_BYTES = 2 * 1024 * 1024
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ANSWERS = {"yes": True, "no": False}
SHEET_NOTE = "Added from an imported sign-in sheet"


@dataclass(frozen=True)
class ImportProblem:
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}" if self.line else self.message


class RegisterImportRejected(Exception):
    """The file was refused and nothing was written; ``problems`` lists every reason."""

    def __init__(self, problems: list[ImportProblem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s); nothing was imported")


@dataclass(frozen=True)
class RegisterImportSummary:
    rows: int
    present: int
    absent: int
    bookings_added: int
    new_people: int

    def __str__(self) -> str:
        return (
            f"{self.rows} rows: {self.present} present, {self.absent} absent; "
            f"{self.bookings_added} people added to the session ({self.new_people} new to the platform)"
        )


@dataclass
class _Row:
    line: int
    email: str
    full_name: str
    organisation_id: int | None
    district_id: int | None
    date_id: int
    attended: bool


def _normalise(value: str) -> str:
    return " ".join(value.split()).casefold()


def _read(data: bytes) -> tuple[list[str], list[tuple[int, list[str]]]]:
    if len(data) > MAX_FILE_BYTES:
        raise RegisterImportRejected([ImportProblem("The file is larger than 2 MB: is it a sign-in sheet?")])
    if not data.strip():
        raise RegisterImportRejected([ImportProblem("The file is empty.")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise RegisterImportRejected(
            [ImportProblem(f"The file is not UTF-8 text (from line {line}). Save it as “CSV UTF-8” and try again.")]
        ) from error
    if "\x00" in text:
        raise RegisterImportRejected([ImportProblem("The file is not a CSV file (it contains binary data).")])
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    previous_end = 0
    try:
        for cells in reader:
            line, previous_end = previous_end + 1, reader.line_num
            if not "".join(cells).strip():
                continue
            if header is None:
                header = [cell.strip().lstrip("\ufeff").lower() for cell in cells]
            else:
                rows.append((line, cells))
    except csv.Error as error:
        raise RegisterImportRejected(
            [ImportProblem(f"The file is not valid CSV from line {previous_end + 1}: {error}.")]
        ) from error
    header = header or []
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise RegisterImportRejected(
            [
                ImportProblem(
                    "The header must name the columns " + ",".join(COLUMNS) + "; missing: " + ", ".join(missing) + "."
                )
            ]
        )
    if not rows:
        raise RegisterImportRejected([ImportProblem("The file has a header but no rows to import.")])
    return header, rows


def _check(session: TrainingSession, data: bytes, now: datetime.datetime) -> list[_Row]:
    header, raw_rows = _read(data)
    index = {column: header.index(column) for column in COLUMNS}
    dates = {timezone.localdate(d.starts_at).isoformat(): d for d in session.dates.all()}
    organisations = {_normalise(name): pk for pk, name in Organisation.objects.values_list("pk", "name")}
    districts: dict[str, int] = {}
    for pk, name, ons_name, ons_code in District.objects.values_list("pk", "name", "ons_name", "ons_code"):
        for key in (ons_code, ons_name, name):
            if key:
                districts[_normalise(key)] = pk
    emails = set()
    parsed = []
    problems: list[ImportProblem] = []
    for line, cells in raw_rows:
        if len(cells) < len(header):
            problems.append(ImportProblem(f"has {len(cells)} values but the header has {len(header)} columns.", line))
            continue
        values = {column: cells[i].strip() for column, i in index.items()}
        email = User.objects.normalize_email(values["email"])
        emails.add(email.lower())
        parsed.append((line, values, email))
    known = set(User.objects.annotate(e=Lower("email")).filter(e__in=sorted(emails)).values_list("e", flat=True))
    seen: dict[tuple[str, str], int] = {}
    rows = []
    for line, values, email in parsed:
        bad = len(problems)
        if not email:
            problems.append(ImportProblem("email is empty.", line))
        else:
            try:
                validate_email(email)
            except ValidationError:
                problems.append(ImportProblem(f"“{values['email']}” is not a valid email address.", line))
        is_new = email.lower() not in known
        for column in ("full_name", "organisation", "district"):
            if is_new and not values[column]:
                problems.append(ImportProblem(f"{column} is empty (needed for someone without an account).", line))
        if len(values["full_name"]) > 150 or has_control_characters(values["full_name"]):
            problems.append(ImportProblem("full_name is longer than 150 characters or has a control character.", line))
        organisation_id = organisations.get(_normalise(values["organisation"])) if values["organisation"] else None
        if values["organisation"] and organisation_id is None:
            problems.append(ImportProblem(f"there is no organisation called “{values['organisation']}”.", line))
        district_id = districts.get(_normalise(values["district"])) if values["district"] else None
        if values["district"] and district_id is None:
            problems.append(ImportProblem(f"there is no district called “{values['district']}”.", line))
        session_date = None
        if not _DATE.fullmatch(values["date"]):
            problems.append(ImportProblem(f"date “{values['date']}” is not a date written YYYY-MM-DD.", line))
        elif values["date"] not in dates:
            choices = ", ".join(dates) or "none"
            problems.append(
                ImportProblem(f"{values['date']} is not a date of this session (its dates: {choices}).", line)
            )
        else:
            session_date = dates[values["date"]]
            if now < session_date.starts_at - MARKING_OPENS_BEFORE:
                problems.append(ImportProblem(f"the session on {values['date']} has not started yet.", line))
        attended = ANSWERS.get(values["attended"].lower())
        if attended is None:
            problems.append(ImportProblem(f"attended must be “yes” or “no”, not “{values['attended']}”.", line))
        key = (email.lower(), values["date"])
        if email and key in seen:
            problems.append(ImportProblem(f"repeats line {seen[key]} (same email and date).", line))
        seen.setdefault(key, line)
        if len(problems) == bad:
            rows.append(_Row(line, email, values["full_name"], organisation_id, district_id, session_date.pk, attended))
    if problems:
        raise RegisterImportRejected(problems)
    return rows


def import_register(
    session: TrainingSession, data: bytes, *, by: User | None, now: datetime.datetime | None = None
) -> RegisterImportSummary:
    """Check a sign-in sheet and, if every line is good, record all of it in one transaction (see the module).

    Raises ``RegisterImportRejected`` (and writes nothing) for a bad file, a cancelled session, or a
    register already closed.
    """
    now = now or timezone.now()
    if session.is_cancelled:
        raise RegisterImportRejected([ImportProblem("This session was cancelled: there is no register to import.")])
    if session.register_closed_at is not None:
        raise RegisterImportRejected(
            [ImportProblem("The register of this session is closed: nothing can be imported.")]
        )
    rows = _check(session, data, now)
    with transaction.atomic():
        session = TrainingSession.objects.select_for_update().get(pk=session.pk)
        if session.register_closed_at is not None or session.is_cancelled:
            raise RegisterImportRejected([ImportProblem("The register was closed while the file was being checked.")])
        emails = sorted({row.email.lower() for row in rows})
        user_ids = dict(User.objects.annotate(e=Lower("email")).filter(e__in=emails).values_list("e", "pk"))
        newcomers = {}
        for row in rows:
            if row.email.lower() not in user_ids:
                newcomers[row.email.lower()] = UnclaimedPerson(
                    row.email, row.full_name, row.organisation_id, row.district_id
                )
        if newcomers:
            created = create_unclaimed_accounts(newcomers.values())
            user_ids.update({email.lower(): pk for email, pk in created.items()})
        bookings = {
            b.user_id: b
            for b in Booking.objects.filter(session=session, user_id__in=user_ids.values(), status__in=LIVE_STATUSES)
        }
        added = 0
        for user_id in sorted(set(user_ids.values())):
            booking = bookings.get(user_id)
            if booking is not None and booking.status in SEAT_STATUSES:
                continue
            if booking is None:
                booking = Booking.objects.create(
                    session=session, user_id=user_id, status=Booking.Status.BOOKED, booked_at=now
                )
                from_status = ""
            else:  # on the waitlist, or asking for a place, yet they came: the sheet gives them their seat
                from_status = booking.status
                booking.status, booking.waitlist_position, booking.booked_at = Booking.Status.BOOKED, None, now
                booking.status_changed_at = now
                booking.save(update_fields=["status", "waitlist_position", "booked_at", "status_changed_at"])
            BookingStatusChange.objects.create(
                booking=booking,
                from_status=from_status,
                to_status=Booking.Status.BOOKED,
                changed_by=by,
                changed_at=now,
                note=SHEET_NOTE,
            )
            bookings[user_id] = booking
            added += 1
        DateAttendance.objects.bulk_create(
            [
                DateAttendance(
                    booking=bookings[user_ids[row.email.lower()]],
                    session_date_id=row.date_id,
                    present=row.attended,
                    marked_by=by,
                    marked_at=now,
                    via=DateAttendance.Via.IMPORT,
                )
                for row in rows
            ],
            update_conflicts=True,
            unique_fields=["booking", "session_date"],
            update_fields=["present", "marked_by", "marked_at", "via"],
        )
    present = sum(1 for row in rows if row.attended)
    return RegisterImportSummary(len(rows), present, len(rows) - present, added, len(newcomers))
