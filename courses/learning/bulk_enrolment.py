"""Training managers' bulk tools: enrol a list of people on a course, see a course's enrolments, withdraw some.

Actions (``enrol_people``, ``withdraw_enrolments``) and the reads behind the
screens (``course_enrolments``, ``courses_with_enrolment_counts``) for the
Wagtail admin views in ``admin_views``. The rules are those of
``services.enrol_many`` and ``services.withdraw_many`` (one active enrolment per
person and course; withdrawing keeps the progress), which this module calls.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Lower
from django.template.loader import render_to_string

from accounts.models import User
from home.links import page_url
from home.text import clean_search_text, single_line

from ..catalogue.models import CoursePage
from . import services
from .models import Enrolment

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


@dataclass(frozen=True)
class EnrolmentResult:
    enrolled: int
    already_enrolled: int


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


def enrol_people(course: CoursePage, people: Iterable[User], *, by: User) -> EnrolmentResult:
    """Enrol everyone given on the course, as a training manager; each newly enrolled person is emailed.

    People already on the course (an active enrolment) are counted, not
    enrolled again. The enrolments record the manager and the source
    "manager"; no profile or prerequisite is required, as with
    ``services.enrol`` for a manager. All or nothing.
    """
    people = {user.pk: user for user in people}
    try:
        with transaction.atomic():
            done = services.enrol_many(course, people.values(), source=Enrolment.Source.MANAGER, by=by)
    except IntegrityError as error:
        # The one-active-enrolment constraint: someone enrolled one of them at the same moment.
        raise AddressListRejected(
            [AddressProblem("Some of these people were enrolled by someone else at the same moment; try again.")]
        ) from error
    newly_enrolled = [people[enrolment.user_id] for enrolment in done.enrolments]
    transaction.on_commit(lambda: _email_enrolled(course, newly_enrolled, by=by))
    return EnrolmentResult(enrolled=len(done.enrolments), already_enrolled=done.already_enrolled)


def _email_enrolled(course: CoursePage, people: list[User], *, by: User) -> None:
    """Tell each person they were enrolled, with a link to the course on the site's public address (one
    connection for them all)."""
    if not people:
        return
    course_url = page_url(course)
    subject = single_line(render_to_string("courses/email/enrolled_by_manager_subject.txt", {"course": course}))
    messages = []
    for person in people:
        context = {"person": person, "course": course, "course_url": course_url, "manager": by}
        body = render_to_string("courses/email/enrolled_by_manager.txt", context)
        messages.append(EmailMessage(subject, body, to=[person.email]))
    with get_connection() as connection:
        connection.send_messages(messages)


def withdraw_enrolments(course: CoursePage, enrolment_ids: Iterable[int]) -> int:
    """Withdraw the given active enrolments on the course (their progress is kept); returns how many.

    Ids that are not active enrolments on this course are ignored, so a
    second click of the same confirmation withdraws nothing more.
    """
    return services.withdraw_many(Enrolment.objects.filter(course=course, pk__in=list(enrolment_ids)))


def course_enrolments(
    course: CoursePage, *, status: str = "", search: str = "", search_emails: bool = True
) -> QuerySet[Enrolment]:
    """A course's enrolments, newest first, with the person, their organisation and who enrolled them.

    ``search`` matches names, and email addresses only if ``search_emails`` (someone who may not see the
    addresses must not be able to test one by searching)."""
    enrolments = (
        Enrolment.objects.filter(course=course)
        .select_related("user__organisation", "enrolled_by")
        .order_by("-enrolled_at", "-pk")
    )
    if status:
        enrolments = enrolments.filter(status=status)
    if search:
        matches = Q(user__full_name__icontains=search)
        if search_emails:
            matches |= Q(user__email__icontains=search)
        enrolments = enrolments.filter(matches)
    return enrolments


def active_enrolments(course: CoursePage, enrolment_ids: Iterable[int]) -> QuerySet[Enrolment]:
    """The given enrolments that are active on the course (what a withdrawal would change)."""
    return (
        Enrolment.objects.filter(course=course, pk__in=list(enrolment_ids), status=Enrolment.Status.ACTIVE)
        .select_related("user")
        .order_by("user__full_name", "pk")
    )


def courses_with_enrolment_counts() -> QuerySet[CoursePage]:
    """Every course page (live or not), by title, with its active and completed enrolment counts."""
    return CoursePage.objects.annotate(
        active_count=Count("enrolments", filter=Q(enrolments__status=Enrolment.Status.ACTIVE)),
        completed_count=Count("enrolments", filter=Q(enrolments__status=Enrolment.Status.COMPLETED)),
    ).order_by("title")


def find_people(search: str, *, limit: int = 50) -> list[User]:
    """Active people whose name or email contains the search, for the enrol screen's picker."""
    search = clean_search_text(search)
    if not search:
        return []
    return list(
        User.objects.filter(is_active=True)
        .filter(Q(full_name__icontains=search) | Q(email__icontains=search))
        .select_related("organisation")
        .order_by("full_name", "email")[:limit]
    )
