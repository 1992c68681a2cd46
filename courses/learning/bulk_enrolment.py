"""Training managers' bulk tools: enrol a list of people on a course, see a course's enrolments, withdraw some.

Actions (``enrol_people``, ``withdraw_enrolments``) and the reads behind the
screens (``course_enrolments``, ``courses_with_enrolment_counts``) for the
Wagtail admin views in ``admin_views``. The rules are those of
``services.enrol_many`` and ``services.withdraw_many`` (one active enrolment per
person and course; withdrawing keeps the progress), which this module calls.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.template.loader import render_to_string

from accounts.models import User
from home.links import page_url
from home.text import clean_search_text, single_line

from ..catalogue.models import CoursePage
from . import services
from .addresses import AddressListRejected, AddressProblem
from .models import Enrolment

_IN_CHUNK = 500


@dataclass(frozen=True)
class EnrolmentResult:
    enrolled: int
    already_enrolled: int


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
