"""Importing completion history: the training people did before this platform, from a CSV file.

The file has a header row naming the columns (any order; other columns are
ignored)::

    email,full_name,organisation,district,course,completed_on

``course`` is the course page's slug, ``completed_on`` a date written
``YYYY-MM-DD``; ``organisation`` and ``district`` are matched by name, in any
case, ignoring surrounding spaces (a district may also be given by its ONS
code or ONS name).

An import is all or nothing: the whole file is checked first, and if any row
is bad nothing is written and every bad row is reported with its line number
(the header is line 1). Then, in one transaction, it follows the rules of
``services.record_completion`` for imported history, in bulk:

- one completion per person, course and day: a completion that is already
  recorded is counted as "already present" and left alone, so importing the
  same file twice adds nothing the second time;
- each completion records the organisation (and that organisation's
  sector) and the district given in its row, whatever the person's profile
  says today;
- each completion gets its own enrolment (source "import", status
  "completed"), dated at the completion, so every completion has the same
  shape and an old completion never counts as an enrolment started today;
- people not yet known get an inactive account they can claim by signing up
  with the same address (``accounts.services.create_unclaimed_accounts``).

Once the import has committed, it queues the certificate of every completion
it wrote (``certificates.queue_certificates``: one worker task each, as for a
completion made online; holders whose account is not claimed yet get no email).

In the admin an upload runs as a background job (``start_import`` stores the
file in media storage and queues ``tasks.import_completions_job``; the job's
page shows the rows checked and written, then the summary or every bad line).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, connection, transaction
from django.db.models.functions import Lower
from django.utils import timezone

from accounts.models import District, Organisation, User
from accounts.services import UnclaimedPerson, create_unclaimed_accounts
from home import services as jobs
from home.dates import EARLIEST_RECORD_DATE
from home.models import BackgroundJob
from home.text import has_control_characters

from ..catalogue.models import CoursePage
from .models import Completion, Enrolment
from .signals import completions_recorded

COLUMNS = ("email", "full_name", "organisation", "district", "course", "completed_on")
JOB_KIND = "courses.import_completions"
CERTIFICATES_NOTE = (
    "The certificates of the imported completions are queued: the worker issues them, and people with "
    "an account get theirs by email as it is ready (a scheduled sweep catches any that a lost task missed)."
)
MAX_FILE_BYTES = 50 * 1024 * 1024

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BATCH = 2000
_IN_CHUNK = 500  # SQLite allows 999 parameters in a query
# A completion imported with only a date is recorded at midday, so that it falls on that date in any zone.
_MIDDAY = datetime.time(12, 0)


@dataclass(frozen=True)
class ImportProblem:
    """One reason a file was refused: about a line (header = line 1), or about the whole file (``line`` None)."""

    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}" if self.line else self.message


class CompletionImportRejected(Exception):
    """The file was refused and nothing was written; ``problems`` lists every reason."""

    def __init__(self, problems: list[ImportProblem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s); nothing was imported")


# How an import reports how far it has got: (stage, done, total), e.g. ("Checking rows", 4000, 100000).
Progress = Callable[[str, int, int], None]
CHECKING = "Checking rows"
WRITING = "Writing completions"
_REPORT_EVERY = 1000


@dataclass(frozen=True)
class ImportSummary:
    imported: int
    new_people: int
    already_present: int
    checked: int = 0
    certificates_queued: int = 0

    def __str__(self) -> str:
        return (
            f"imported {self.imported} completions, {self.new_people} new people, "
            f"{self.already_present} already present"
        )


@dataclass
class _Row:
    line: int
    email: str
    full_name: str
    organisation_id: int
    sector_id: int
    district_id: int
    course_id: int
    completed_on: datetime.date


def _normalise_name(value: str) -> str:
    return " ".join(value.split()).casefold()


def import_completions(
    data: bytes,
    *,
    today: datetime.date | None = None,
    progress: Progress | None = None,
    queue_certificates: bool = True,
) -> ImportSummary:
    """Check a completions CSV and, if every row is good, record all of it in one transaction.

    Raises ``CompletionImportRejected`` (and writes nothing) if the file or
    any row is bad. ``today`` is the latest completion date allowed (today,
    in the site's time zone, by default). ``progress`` is told the rows
    checked, then the completions written. The certificates of the new
    completions are queued after the commit, unless ``queue_certificates`` is
    False (demo history, benchmarks: the certificates would be rendered in
    the same process when tasks run eagerly).
    """
    report = progress or (lambda stage, done, total: None)
    rows = _read_and_check(data, today or timezone.localdate(), report)
    try:
        with transaction.atomic():
            summary, completion_ids = _write(rows, report)
            if queue_certificates:
                queued = completions_recorded.send(sender=Completion, completion_ids=completion_ids)
                summary = dataclasses.replace(summary, certificates_queued=sum(count for _, count in queued))
            return summary
    except IntegrityError as error:
        # Only a concurrent change can get here (the file was checked against the database above).
        raise CompletionImportRejected(
            [ImportProblem(f"The records changed while the file was being imported ({error}); try again.")]
        ) from error


def _decode(data: bytes) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise CompletionImportRejected(
            [ImportProblem(f"The file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; split it into parts.")]
        )
    if not data.strip():
        raise CompletionImportRejected([ImportProblem("The file is empty.")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CompletionImportRejected(
            [
                ImportProblem(
                    f"The file is not UTF-8 text (the first character that is not is on line {line}). "
                    "Save it from your spreadsheet as “CSV UTF-8 (comma delimited)” and try again."
                )
            ]
        ) from error
    if "\x00" in text:
        raise CompletionImportRejected(
            [ImportProblem("The file is not a CSV file (it contains binary data). Upload a .csv file.")]
        )
    return text


def _parse(text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the non-blank rows with the line each starts on."""
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
        raise CompletionImportRejected(
            [ImportProblem(f"The file is not valid CSV from line {previous_end + 1}: {error}.")]
        ) from error
    return header or [], rows


def _check_header(header: list[str]) -> None:
    problems = []
    present = set(header)
    missing = [c for c in COLUMNS if c not in present]
    if missing and len(missing) == len(COLUMNS):
        problems.append(
            ImportProblem(
                "The first line must be a header naming the columns " + ",".join(COLUMNS) + "; this file's first "
                "line names none of them. Is it a CSV file of completions?"
            )
        )
    elif missing:
        problems.append(ImportProblem("The file is missing the column(s): " + ", ".join(missing) + "."))
    for column in COLUMNS:
        if header.count(column) > 1:
            problems.append(ImportProblem(f"The column “{column}” appears more than once in the header."))
    if problems:
        raise CompletionImportRejected(problems)


def _lookups() -> tuple[dict, dict, dict, set]:
    organisations = {
        _normalise_name(name): (pk, sector_id)
        for pk, name, sector_id in Organisation.objects.values_list("pk", "name", "sector_id")
    }
    districts: dict[str, int] = {}
    for pk, name, ons_name, ons_code in District.objects.values_list("pk", "name", "ons_name", "ons_code"):
        for key in (ons_code, ons_name, name):  # the name wins if one district's name is another's ONS name
            if key:
                districts[_normalise_name(key)] = pk
    courses: dict[str, int] = {}
    ambiguous: set[str] = set()
    for pk, slug in CoursePage.objects.values_list("pk", "slug"):
        key = slug.lower()
        if key in courses:
            ambiguous.add(key)
        courses[key] = pk
    return organisations, districts, courses, ambiguous


def _check_date(value: str, today: datetime.date) -> tuple[datetime.date | None, str | None]:
    if not _DATE.fullmatch(value):
        return None, f"completed_on “{value}” is not a date written YYYY-MM-DD."
    try:
        day = datetime.date(int(value[:4]), int(value[5:7]), int(value[8:]))
    except ValueError:
        return None, f"completed_on “{value}” is not a real date."
    if day > today:
        return None, f"completed_on {value} is in the future."
    if day < EARLIEST_RECORD_DATE:
        return None, f"completed_on {value} is before {EARLIEST_RECORD_DATE.year}: check the year."
    return day, None


def _read_and_check(data: bytes, today: datetime.date, report: Progress) -> list[_Row]:
    header, raw_rows = _parse(_decode(data))
    report(CHECKING, 0, len(raw_rows))
    _check_header(header)
    index = {column: header.index(column) for column in COLUMNS}
    width = len(header)
    organisations, districts, courses, ambiguous_courses = _lookups()
    valid_emails: dict[str, bool] = {}
    dates: dict[str, tuple[datetime.date | None, str | None]] = {}
    seen: dict[tuple[str, str, str], int] = {}
    problems: list[ImportProblem] = []
    rows: list[_Row] = []

    for checked, (line, cells) in enumerate(raw_rows):
        if checked % _REPORT_EVERY == 0:
            report(CHECKING, checked, len(raw_rows))
        if len(cells) < width:
            problems.append(ImportProblem(f"has {len(cells)} values but the header has {width} columns.", line))
            continue
        if len(cells) > width and any(cell.strip() for cell in cells[width:]):
            problems.append(ImportProblem(f"has {len(cells)} values but the header has {width} columns.", line))
            continue
        values = {column: cells[i].strip() for column, i in index.items()}
        empty = [column for column in COLUMNS if not values[column]]
        for column in empty:
            problems.append(ImportProblem(f"{column} is empty.", line))
        row_problems = len(empty)

        email = User.objects.normalize_email(values["email"])
        if email:
            if email not in valid_emails:
                try:
                    validate_email(email)
                    valid_emails[email] = len(email) <= 254
                except ValidationError:
                    valid_emails[email] = False
            if not valid_emails[email]:
                problems.append(ImportProblem(f"“{values['email']}” is not a valid email address.", line))
                row_problems += 1
        if len(values["full_name"]) > 150:
            problems.append(ImportProblem("full_name is longer than 150 characters.", line))
            row_problems += 1
        if has_control_characters(values["full_name"]):
            problems.append(ImportProblem("full_name has a line break, tab or other control character.", line))
            row_problems += 1

        organisation = organisations.get(_normalise_name(values["organisation"]))
        if values["organisation"] and organisation is None:
            problems.append(ImportProblem(f"there is no organisation called “{values['organisation']}”.", line))
            row_problems += 1
        district_id = districts.get(_normalise_name(values["district"]))
        if values["district"] and district_id is None:
            problems.append(ImportProblem(f"there is no district called “{values['district']}”.", line))
            row_problems += 1
        course_key = values["course"].lower()
        course_id = courses.get(course_key)
        if values["course"] and course_id is None:
            problems.append(ImportProblem(f"there is no course with the slug “{values['course']}”.", line))
            row_problems += 1
        elif course_key in ambiguous_courses:
            problems.append(ImportProblem(f"more than one course has the slug “{values['course']}”.", line))
            row_problems += 1
        completed_on = None
        if values["completed_on"]:
            if values["completed_on"] not in dates:
                dates[values["completed_on"]] = _check_date(values["completed_on"], today)
            completed_on, date_problem = dates[values["completed_on"]]
            if date_problem:
                problems.append(ImportProblem(date_problem, line))
                row_problems += 1

        if email and values["course"] and values["completed_on"]:
            key = (email, course_key, values["completed_on"])
            if key in seen:
                problems.append(
                    ImportProblem(f"repeats line {seen[key]} (same email, course and completion date).", line)
                )
                row_problems += 1
            else:
                seen[key] = line
        if not row_problems:
            rows.append(
                _Row(
                    line=line,
                    email=email,
                    full_name=values["full_name"],
                    organisation_id=organisation[0],
                    sector_id=organisation[1],
                    district_id=district_id,
                    course_id=course_id,
                    completed_on=completed_on,
                )
            )
    report(CHECKING, len(raw_rows), len(raw_rows))
    if problems:
        raise CompletionImportRejected(problems)
    if not rows:
        raise CompletionImportRejected([ImportProblem("The file has a header but no rows to import.")])
    return rows


def _chunks(items: list, size: int = _IN_CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _write(rows: list[_Row], report: Progress) -> tuple[ImportSummary, list[int]]:
    emails = sorted({row.email for row in rows})
    user_ids: dict[str, int] = {}
    for chunk in _chunks(emails):
        user_ids.update(
            User.objects.annotate(email_lower=Lower("email"))
            .filter(email_lower__in=chunk)
            .values_list("email_lower", "pk")
        )

    # Newcomers' profiles take the name and workplace of their latest record.
    latest: dict[str, _Row] = {}
    for row in rows:
        if row.email in user_ids:
            continue
        if row.email not in latest or row.completed_on >= latest[row.email].completed_on:
            latest[row.email] = row
    if latest:
        user_ids.update(
            create_unclaimed_accounts(
                UnclaimedPerson(row.email, row.full_name, row.organisation_id, row.district_id)
                for row in latest.values()
            )
        )

    existing_user_ids = sorted({user_ids[email] for email in emails if email not in latest})
    course_ids = {row.course_id for row in rows}
    present: set[tuple[int, int, datetime.date]] = set()
    for chunk in _chunks(existing_user_ids):
        present.update(
            Completion.objects.filter(user_id__in=chunk, course_id__in=course_ids).values_list(
                "user_id", "course_id", "completed_on"
            )
        )

    zone = ZoneInfo(settings.TIME_ZONE)
    new_rows = [row for row in rows if (user_ids[row.email], row.course_id, row.completed_on) not in present]
    new_rows.sort(key=lambda row: row.completed_on)  # ids in date order, and index inserts close together
    days = {row.completed_on for row in new_rows}
    moments = {day: datetime.datetime.combine(day, _MIDDAY, tzinfo=zone) for day in days}

    enrolments = _BulkInsert(Enrolment, ["user_id", "course_id", "enrolled_at", "completed_at"])
    enrolments.constants(status=Enrolment.Status.COMPLETED, source=Enrolment.Source.IMPORT)
    completions = _BulkInsert(
        Completion,
        [
            "user_id",
            "course_id",
            "enrolment_id",
            "completed_on",
            "completed_at",
            "organisation_id",
            "sector_id",
            "district_id",
        ],
    )
    completions.constants(source=Completion.Source.IMPORT)
    enrolled_at = {day: enrolments.prepare("enrolled_at", moment) for day, moment in moments.items()}
    completed_on = {day: completions.prepare("completed_on", day) for day in days}
    completed_at = {day: completions.prepare("completed_at", moment) for day, moment in moments.items()}

    completion_ids: list[int] = []
    report(WRITING, 0, len(new_rows))
    for batch_start in range(0, len(new_rows), enrolments.batch_size):
        batch = new_rows[batch_start : batch_start + enrolments.batch_size]
        enrolment_ids = enrolments.insert(
            [
                (user_ids[row.email], row.course_id, enrolled_at[row.completed_on], enrolled_at[row.completed_on])
                for row in batch
            ],
            returning_ids=True,
        )
        completion_ids += completions.insert(
            [
                (
                    user_ids[row.email],
                    row.course_id,
                    enrolment_id,
                    completed_on[row.completed_on],
                    completed_at[row.completed_on],
                    row.organisation_id,
                    row.sector_id,
                    row.district_id,
                )
                for row, enrolment_id in zip(batch, enrolment_ids, strict=True)
            ],
            returning_ids=True,
        )
        report(WRITING, batch_start + len(batch), len(new_rows))
    summary = ImportSummary(
        imported=len(new_rows), new_people=len(latest), already_present=len(rows) - len(new_rows), checked=len(rows)
    )
    return summary, completion_ids


class _BulkInsert:
    """Multi-row INSERTs of one model, with each distinct value prepared for the database once.

    Django's ``bulk_create`` prepares every field of every object (tens of
    microseconds each), which was most of the time of a 100,000-row import.
    Here the per-row columns are given already prepared (ids, and dates
    prepared once per distinct day with ``prepare``), and every other column
    gets the model field's default, prepared once, so a field added to the
    model later still gets its default.
    """

    def __init__(self, model, columns: list[str]):
        self.model = model
        self.fields = {field.attname: field for field in model._meta.concrete_fields if not field.primary_key}
        self.varying = columns
        self.fixed = {
            name: field.get_db_prep_save(field.get_default(), connection)
            for name, field in self.fields.items()
            if name not in columns
        }
        # SQLite binds one parameter per value (at most 999 a statement); PostgreSQL one array per column.
        limit = connection.features.max_query_params
        self.batch_size = max(1, min(_BATCH, limit // len(self.fields))) if limit else _BATCH

    def constants(self, **values) -> None:
        for name, value in values.items():
            self.fixed[name] = self.prepare(name, value)

    def prepare(self, name: str, value):
        return self.fields[name].get_db_prep_save(value, connection)

    def insert(self, rows: list[tuple], *, returning_ids: bool = False) -> list[int]:
        """Insert rows of the varying columns' prepared values; with ``returning_ids``, their new ids in order.

        PostgreSQL and SQLite 3.35+ return the ids in the order of the rows
        given (Django's ``bulk_create`` relies on the same).
        """
        if not rows:
            return []
        if returning_ids and not connection.features.can_return_rows_from_bulk_insert:  # pragma: no cover
            raise RuntimeError("Importing needs a database that returns ids from an INSERT (SQLite 3.35+).")
        quote = connection.ops.quote_name
        names = [*self.varying, *self.fixed]
        into = (
            f"INSERT INTO {quote(self.model._meta.db_table)} ({', '.join(quote(self.fields[n].column) for n in names)})"
        )
        returning = f" RETURNING {quote(self.model._meta.pk.column)}" if returning_ids else ""
        fixed = list(self.fixed.values())
        ids: list[int] = []
        with connection.cursor() as cursor:
            for start in range(0, len(rows), self.batch_size):
                batch = rows[start : start + self.batch_size]
                if connection.vendor == "postgresql":
                    # One array per column keeps the statement short: psycopg rewrites every placeholder of a
                    # statement on the client, which for a multi-row VALUES took most of the import's time.
                    arrays = ", ".join(f"%s::{self._type(name)}[]" for name in self.varying)
                    constants = "".join(f", %s::{self._type(name)}" for name in self.fixed)
                    sql = f"{into} SELECT v.*{constants} FROM unnest({arrays}) AS v"
                    params = [*fixed, *(list(column) for column in zip(*batch, strict=True))]
                else:
                    row = "(" + ", ".join(["%s"] * len(names)) + ")"
                    sql = f"{into} VALUES " + ", ".join([row] * len(batch))
                    params = [value for values in batch for value in (*values, *fixed)]
                cursor.execute(sql + returning, params)
                if returning_ids:
                    ids.extend(row[0] for row in cursor.fetchall())
        return ids

    def _type(self, name: str) -> str:
        return self.fields[name].db_type(connection)


# --- The import as a background job (the admin upload) ------------------------------------------------------


def start_import(upload, *, by: User, return_url: str = "") -> BackgroundJob:
    """Store an uploaded completions file and queue its import in the worker; the job's page follows it.

    100,000 rows take 10-17 s, too long for a request. The file goes to media storage so that a worker
    on another machine reads it; the task is queued once the job is committed. With eager tasks (the
    embedded default) the import has run by the time this returns.
    """
    job = jobs.create_job(
        JOB_KIND,
        by,
        f"Import of {upload.name}"[:200],
        upload=upload,
        return_url=return_url,
        return_label="Import another file",
    )
    job.result = {"file_name": upload.name}
    job.save(update_fields=["result"])
    transaction.on_commit(lambda: _queue_import(job.pk))
    return job


def _queue_import(job_id) -> None:
    from .tasks import import_completions_job

    import_completions_job.delay(str(job_id))


def run_import_job(job_id) -> BackgroundJob | None:
    """The import task's work: check and import the job's file, reporting progress, then delete the file.

    A refused file ends the job with every problem and writes nothing; the file is deleted either way
    (it holds people's records, and the manager has their own copy to correct).
    """
    job = jobs.start_job(job_id)
    if job is None:
        return None
    file_name = job.result.get("file_name") or "The file"
    if not job.upload:
        return jobs.fail_job(job, message="The uploaded file is no longer stored: upload it again.")
    with jobs.failing_on_error(job):
        with job.upload.open("rb") as handle:
            data = handle.read()
        try:
            summary = import_completions(data, progress=jobs.JobProgress(job, every=_REPORT_EVERY))
        except CompletionImportRejected as rejected:
            jobs.discard_upload(job)
            return jobs.fail_job(
                job,
                heading=f"{file_name} was not imported",
                message="Nothing was written. Correct these lines (the header is line 1) and upload the file again.",
                problems=[(problem.line, problem.message) for problem in rejected.problems],
            )
    jobs.discard_upload(job)
    message = f"{file_name}: {summary}."
    if summary.certificates_queued:
        message += " " + CERTIFICATES_NOTE
    return jobs.finish_job(
        job,
        message=message,
        figures=[
            ("Rows checked", f"{summary.checked:,}"),
            ("Completions written", f"{summary.imported:,}"),
            ("Already present (left alone)", f"{summary.already_present:,}"),
            ("New people (accounts to claim)", f"{summary.new_people:,}"),
            ("Certificates queued", f"{summary.certificates_queued:,}"),
        ],
    )
