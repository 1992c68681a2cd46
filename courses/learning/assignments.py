"""Assigned learning: who must take which course by when, the reminders, and what satisfies an assignment.

Training managers assign a course to people (ticked, pasted or uploaded addresses), or to the staff of an
organisation, a sector or a district; partner leads to their own organisation's staff only. Someone with no
account gets an inactive one (``accounts.services.create_unclaimed_accounts``, as imported people do) and an
invitation: they claim it by signing up with that address, and the assignment is waiting for them. So
assigning never fails for a newcomer.

A person has at most one open assignment per course (a database constraint). Assigning the same course
again keeps that one assignment with the earlier of the two due dates, and the result counts how many were
already assigned, so the manager is told. A due date in the past is refused.

Assigning runs in the worker as a background job (``start_assignment``): an organisation of thousands, with
invitations to send, is too long for a request; the job's page shows its progress and then the figures.

A completion of the course satisfies the open assignment (``satisfy_assignments``, called by
``services.record_completion``), on time if completed by the due date.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import District, Organisation, Sector, User
from accounts.selectors import organisation_for_email
from accounts.services import UnclaimedPerson, create_unclaimed_accounts
from home import services as jobs
from home.links import absolute_url, page_url
from home.models import BackgroundJob
from home.text import single_line

from ..catalogue.models import CoursePage
from .addresses import AddressListRejected, AddressProblem
from .models import Assignment, AssignmentReminder, Completion

JOB_KIND = "courses.assign_course"
_IN_CHUNK = 500
_BATCH = 1000


class AssignmentError(Exception):
    """The assignment cannot be made as asked (a due date in the past, nobody to assign); nothing changed."""


# --- Who is assigned ---------------------------------------------------------------------------------------


def _assignable() -> QuerySet[User]:
    """People who can be assigned learning: accounts in use, and accounts waiting to be claimed (imported
    people, invited people), never a closed account (someone who has left)."""
    return User.objects.filter(Q(is_active=True) | Q(is_active=False, last_login__isnull=True))


def staff_of(source: str, target: Organisation | Sector | District) -> QuerySet[User]:
    """The people an organisation-, sector- or district-wide assignment reaches, where they work now."""
    field = {
        Assignment.Source.ORGANISATION: "organisation",
        Assignment.Source.SECTOR: "organisation__sector",
        Assignment.Source.DISTRICT: "district",
    }[source]
    return _assignable().filter(**{field: target})


@dataclass(frozen=True)
class ChosenPeople:
    """People named by address: the accounts found, and the addresses nobody has an account for yet."""

    user_ids: list[int]
    new_addresses: list[str]


def people_for_addresses(addresses: Sequence[tuple[int, str]], *, within: Organisation | None = None) -> ChosenPeople:
    """The accounts for these addresses, and the addresses to invite; ``AddressListRejected`` names every bad one.

    An address is bad if it is malformed or its account is closed. With ``within`` (a partner lead's own
    organisation) an account must be in that organisation, and a new address must be at one of its email
    domains: a partner lead assigns only their own staff.
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
    user_ids, new_addresses = [], []
    for email, line in wanted.items():
        user = found.get(email)
        if user is None:
            if within is not None and organisation_for_email(email) != within:
                problems.append(AddressProblem(f"{email} is not an address at {within.name}.", line))
            else:
                new_addresses.append(email)
        elif not user.is_active and user.last_login is not None:
            problems.append(AddressProblem(f"the account for {email} is closed.", line))
        elif within is not None and user.organisation_id != within.pk:
            problems.append(AddressProblem(f"{email} is not on {within.name}'s staff.", line))
        else:
            user_ids.append(user.pk)
    if problems:
        raise AddressListRejected(sorted(problems, key=lambda p: p.line or 0))
    return ChosenPeople(user_ids, new_addresses)


def check_due_date(due_on: datetime.date, today: datetime.date | None = None) -> None:
    """A due date must be today or later: an assignment already overdue when made helps nobody."""
    if due_on < (today or timezone.localdate()):
        raise AssignmentError("The due date is in the past: choose today or a later date.")


# --- Assigning ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssignmentResult:
    assigned: int  # new assignments
    already_assigned: int  # people who had an open assignment of the course (kept: one assignment each)
    brought_forward: int  # of those, how many had a later due date, now the earlier one given here
    invited: int  # people without an account, who were given one to claim and an invitation

    def __str__(self) -> str:
        text = f"Assigned to {self.assigned} {'person' if self.assigned == 1 else 'people'}"
        if self.invited:
            text += f" (including {self.invited} invited to sign up)"
        if self.already_assigned:
            text += (
                f"; {self.already_assigned} already had this course assigned, so each still has one assignment, "
                f"with the earlier due date ({self.brought_forward} brought forward)"
            )
        return text


def assign(
    course: CoursePage,
    *,
    user_ids: Iterable[int],
    due_on: datetime.date,
    by: User | None,
    source: str = Assignment.Source.DIRECT,
    recurs_on_renewal: bool = False,
    new_addresses: Iterable[str] = (),
    new_people_organisation: Organisation | None = None,
    progress: jobs.JobProgress | None = None,
) -> AssignmentResult:
    """Assign the course to these people (and invite the new addresses), due on ``due_on``. All or nothing.

    A person who already has an open assignment of the course keeps it, with the earlier due date. New
    addresses get an inactive account (in ``new_people_organisation``, or the organisation owning their
    address's domain) to claim by signing up. Once committed, each newly assigned person is emailed: an
    invitation to sign up if their account is not claimed yet, otherwise what is due and by when.
    """
    check_due_date(due_on)
    progress = progress or jobs.JobProgress(None)
    ids = list(dict.fromkeys(user_ids))
    new_addresses = list(dict.fromkeys(new_addresses))
    with transaction.atomic():
        if new_addresses:
            progress.stage("Creating accounts for new people", len(new_addresses))
            created = create_unclaimed_accounts(
                UnclaimedPerson(
                    email=email,
                    full_name="",
                    organisation_id=_organisation_id_for(email, new_people_organisation),
                    district_id=None,
                )
                for email in new_addresses
            )
            ids += [pk for pk in created.values() if pk not in ids]
        if not ids:
            raise AssignmentError("Nobody to assign: choose people, or an organisation, sector or district with staff.")
        progress.stage("Assigning", len(ids))
        already, brought_forward, new_ids = 0, 0, []
        for start in range(0, len(ids), _IN_CHUNK):
            chunk = ids[start : start + _IN_CHUNK]
            open_ones = dict(
                Assignment.objects.select_for_update()
                .filter(course=course, user_id__in=chunk, satisfied_by__isnull=True)
                .values_list("user_id", "due_on")
            )
            already += len(open_ones)
            later = [pk for pk, due in open_ones.items() if due > due_on]
            if later:
                brought_forward += Assignment.objects.filter(
                    course=course, user_id__in=later, satisfied_by__isnull=True
                ).update(due_on=due_on)
            now = timezone.now()
            fresh = [pk for pk in chunk if pk not in open_ones]
            Assignment.objects.bulk_create(
                [
                    Assignment(
                        user_id=pk,
                        course=course,
                        due_on=due_on,
                        assigned_by=by,
                        source=source,
                        recurs_on_renewal=recurs_on_renewal,
                        created_at=now,
                    )
                    for pk in fresh
                ],
                batch_size=_BATCH,
                ignore_conflicts=True,  # assigned at the same moment by someone else: theirs stands
            )
            new_ids += fresh
            progress.advance(start + len(chunk))
    transaction.on_commit(lambda: _email_assigned(course, new_ids, due_on=due_on, by=by))
    invited = len(new_addresses)
    return AssignmentResult(len(new_ids), already, brought_forward, invited)


def _organisation_id_for(email: str, given: Organisation | None) -> int | None:
    organisation = given or organisation_for_email(email)
    return organisation.pk if organisation else None


def _email_assigned(course: CoursePage, user_ids: list[int], *, due_on: datetime.date, by: User | None) -> None:
    """Tell each newly assigned person (one connection for them all): an invitation to sign up for an account
    nobody has claimed yet, otherwise the course and its due date."""
    if not user_ids:
        return
    context = {
        "course": course,
        "course_url": page_url(course),
        "signup_url": absolute_url(reverse("account_signup")),
        "due_on": due_on,
        "manager": by,
    }
    subject = single_line(render_to_string("courses/email/assigned_subject.txt", context))
    with get_connection() as connection:
        for start in range(0, len(user_ids), _IN_CHUNK):
            messages = []
            for person in User.objects.filter(pk__in=user_ids[start : start + _IN_CHUNK]).only(
                "email", "full_name", "is_active"
            ):
                body = render_to_string(
                    "courses/email/assigned.txt", {**context, "person": person, "invited": not person.is_active}
                )
                messages.append(EmailMessage(subject, body, to=[person.email]))
            connection.send_messages(messages)


# --- As a background job -----------------------------------------------------------------------------------


def start_assignment(
    course: CoursePage,
    *,
    by: User,
    due_on: datetime.date,
    source: str,
    recurs_on_renewal: bool = False,
    target: Organisation | Sector | District | None = None,
    chosen: ChosenPeople | None = None,
    return_url: str = "",
) -> BackgroundJob:
    """Record the assignment as a job and queue it for the worker; its page follows it, then gives the figures.

    The due date is checked now, so a refusal is shown on the form rather than on the job's page.
    """
    check_due_date(due_on)
    label = str(target) if target is not None else "chosen people"
    job = jobs.create_job(
        JOB_KIND, by, f"Assign “{course.title}” to {label}", return_url=return_url, return_label="Assign another course"
    )
    job.result = {
        "course_id": course.pk,
        "due_on": due_on.isoformat(),
        "source": source,
        "recurs_on_renewal": recurs_on_renewal,
        "target_id": target.pk if target is not None else None,
        "user_ids": chosen.user_ids if chosen else [],
        "new_addresses": chosen.new_addresses if chosen else [],
        "within_id": target.pk if isinstance(target, Organisation) else None,
    }
    job.save(update_fields=["result"])
    transaction.on_commit(lambda: _queue(job.pk))
    return job


def _queue(job_id) -> None:
    from .tasks import assign_course_job

    assign_course_job.delay(str(job_id))


_TARGETS = {
    Assignment.Source.ORGANISATION: Organisation,
    Assignment.Source.SECTOR: Sector,
    Assignment.Source.DISTRICT: District,
}


def run_assignment_job(job_id) -> BackgroundJob | None:
    """The worker's part: find the people (now, so an organisation's newest staff are included), assign, report."""
    job = jobs.start_job(job_id)
    if job is None:
        return None
    spec = dict(job.result)
    with jobs.failing_on_error(job):
        course = CoursePage.objects.filter(pk=spec["course_id"]).first()
        if course is None:
            return jobs.fail_job(job, message="The course no longer exists: nothing was assigned.")
        source = spec["source"]
        user_ids = list(spec.get("user_ids") or [])
        organisation = None
        if source in _TARGETS:
            target = _TARGETS[source].objects.filter(pk=spec["target_id"]).first()
            if target is None:
                return jobs.fail_job(job, message="That organisation, sector or district no longer exists.")
            user_ids += list(staff_of(source, target).values_list("pk", flat=True))
            organisation = target if isinstance(target, Organisation) else None
        try:
            result = assign(
                course,
                user_ids=user_ids,
                due_on=datetime.date.fromisoformat(spec["due_on"]),
                by=job.owner,
                source=source,
                recurs_on_renewal=bool(spec.get("recurs_on_renewal")),
                new_addresses=spec.get("new_addresses") or [],
                new_people_organisation=organisation,
                progress=jobs.JobProgress(job, every=500),
            )
        except AssignmentError as error:
            return jobs.fail_job(job, message=f"Nothing was assigned. {error}")
    return jobs.finish_job(
        job,
        message=f"“{course.title}”: {result}.",
        figures=[
            ("Newly assigned", f"{result.assigned:,}"),
            ("Invited to sign up", f"{result.invited:,}"),
            ("Already assigned (one assignment kept)", f"{result.already_assigned:,}"),
            ("Due date brought forward", f"{result.brought_forward:,}"),
        ],
    )


# --- Satisfying ----------------------------------------------------------------------------------------------


def satisfy_assignments(completion: Completion) -> int:
    """Mark the person's open assignment of the course as met by this completion (how many: 0 or 1)."""
    return Assignment.objects.filter(
        user_id=completion.user_id, course_id=completion.course_id, satisfied_by__isnull=True
    ).update(satisfied_by=completion, satisfied_on=completion.completed_on)


# --- Reminders -----------------------------------------------------------------------------------------------

REMINDER_DAYS_BEFORE = 14
OVERDUE_EVERY_DAYS = 7
_OVERDUE_KINDS = (
    AssignmentReminder.Kind.OVERDUE_1,
    AssignmentReminder.Kind.OVERDUE_2,
    AssignmentReminder.Kind.OVERDUE_3,
)


def reminder_kind(due_on: datetime.date, today: datetime.date) -> str | None:
    """Which reminder an open assignment due on ``due_on`` is owed today, if any.

    Fourteen days before the due date (until the day before), on it (for a week), then one a week
    while it is overdue, three at most. A missed night's reminder is sent the next night; one that a
    later reminder has overtaken is never sent late.
    """
    days = (today - due_on).days
    if days < -REMINDER_DAYS_BEFORE:
        return None
    if days < 0:
        return AssignmentReminder.Kind.BEFORE
    if days < OVERDUE_EVERY_DAYS:
        return AssignmentReminder.Kind.DUE
    return _OVERDUE_KINDS[min(days // OVERDUE_EVERY_DAYS, len(_OVERDUE_KINDS)) - 1]


def _window(kind: str, today: datetime.date) -> Q:
    """The due dates for which ``kind`` is the reminder owed today (the inverse of ``reminder_kind``)."""
    day = datetime.timedelta(days=1)
    if kind == AssignmentReminder.Kind.BEFORE:
        return Q(due_on__gt=today, due_on__lte=today + REMINDER_DAYS_BEFORE * day)
    if kind == AssignmentReminder.Kind.DUE:
        return Q(due_on__lte=today, due_on__gt=today - OVERDUE_EVERY_DAYS * day)
    number = _OVERDUE_KINDS.index(kind) + 1
    latest = Q(due_on__lte=today - number * OVERDUE_EVERY_DAYS * day)
    if number == len(_OVERDUE_KINDS):
        return latest
    return latest & Q(due_on__gt=today - (number + 1) * OVERDUE_EVERY_DAYS * day)


def send_reminders(today: datetime.date | None = None) -> int:
    """Email every reminder owed today, each exactly once; returns how many were sent.

    A reminder is recorded before it is sent, one row per assignment and kind (a unique constraint), so
    two workers, or the task run twice in a night, never send the same reminder twice. Only people who
    use their account are reminded (the others have their invitation).
    """
    today = today or timezone.localdate()
    sent = 0
    for kind in AssignmentReminder.Kind.values:
        owed = (
            Assignment.objects.filter(_window(kind, today), satisfied_by__isnull=True, user__is_active=True)
            .exclude(reminders__kind=kind)
            .select_related("user", "course")
        )
        recorded = []
        for assignment in owed.iterator(chunk_size=_IN_CHUNK):
            with transaction.atomic():
                _, created = AssignmentReminder.objects.get_or_create(assignment=assignment, kind=kind)
            if created:
                recorded.append(assignment)
        _email_reminders(recorded, kind, today)
        sent += len(recorded)
    return sent


def _email_reminders(assignments: list[Assignment], kind: str, today: datetime.date) -> None:
    if not assignments:
        return
    messages = []
    for assignment in assignments:
        context = {
            "assignment": assignment,
            "person": assignment.user,
            "course": assignment.course,
            "course_url": page_url(assignment.course),
            "kind": kind,
            "overdue": kind in _OVERDUE_KINDS,
            "last": kind == _OVERDUE_KINDS[-1],
            "today": today,
        }
        subject = single_line(render_to_string("courses/email/assignment_reminder_subject.txt", context))
        body = render_to_string("courses/email/assignment_reminder.txt", context)
        messages.append(EmailMessage(subject, body, to=[assignment.user.email]))
    with get_connection() as connection:
        connection.send_messages(messages)


# --- Reads ---------------------------------------------------------------------------------------------------


def assignment_list(
    *, course: CoursePage | None = None, status: str | None = None, today: datetime.date | None = None
) -> QuerySet[Assignment]:
    """Assignments for the managers' list, soonest due first, with the person, course and who assigned it.

    ``status``: "open" (not done), "overdue" (not done, due before today) or "done".
    """
    today = today or timezone.localdate()
    found = Assignment.objects.select_related("user__organisation", "course", "assigned_by", "satisfied_by")
    if course is not None:
        found = found.filter(course=course)
    if status == "open":
        found = found.filter(satisfied_by__isnull=True)
    elif status == "overdue":
        found = found.filter(satisfied_by__isnull=True, due_on__lt=today)
    elif status == "done":
        found = found.filter(satisfied_by__isnull=False)
    return found.order_by("due_on", "user__full_name", "pk")


def open_assignments_of(user: User) -> list[Assignment]:
    """The person's assignments not done yet, soonest due first, with the course and who assigned it (one query)."""
    return list(
        Assignment.objects.filter(user=user, satisfied_by__isnull=True)
        .select_related("course", "assigned_by")
        .defer("course__learning_outcomes")
        .order_by("due_on", "pk")
    )


@dataclass(frozen=True)
class AssignmentCounts:
    """One person's assignments for the staff list: how many, not done and due later, overdue, done."""

    assigned: int = 0
    due: int = 0
    overdue: int = 0
    done: int = 0
    done_on_time: int = 0


def assignment_counts(user_ids: Iterable[int], today: datetime.date | None = None) -> dict[int, AssignmentCounts]:
    """Each person's assignment counts, for a page of the staff list, in one query."""
    today = today or timezone.localdate()
    rows = (
        Assignment.objects.filter(user_id__in=list(user_ids))
        .values("user_id")
        .annotate(
            assigned=Count("pk"),
            due=Count("pk", filter=Q(satisfied_by__isnull=True, due_on__gte=today)),
            overdue=Count("pk", filter=Q(satisfied_by__isnull=True, due_on__lt=today)),
            done=Count("pk", filter=Q(satisfied_by__isnull=False)),
            done_on_time=Count("pk", filter=Q(satisfied_by__isnull=False, satisfied_on__lte=F("due_on"))),
        )
    )
    return {row.pop("user_id"): AssignmentCounts(**row) for row in rows}
