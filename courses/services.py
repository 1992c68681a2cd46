"""Actions on learning records: enrolment, progress, knowledge checks, completion.

Views, admin screens, imports and tasks call these; nothing else writes the
records, so the rules live in one place.
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import District, Organisation, User

from .models import Completion, CoursePage, Enrolment


class EnrolmentError(Exception):
    """A rule stops this enrolment; the message is shown to the person."""


def missing_prerequisites(user: User, course: CoursePage) -> list[CoursePage]:
    """Prerequisite courses the user has not completed."""
    required = list(course.prerequisites.all())
    if not required:
        return []
    done = set(Completion.objects.filter(user=user, course__in=required).values_list("course_id", flat=True))
    return [c for c in required if c.pk not in done]


@transaction.atomic
def enrol(user: User, course: CoursePage, *, source: str = Enrolment.Source.SELF, by: User | None = None) -> Enrolment:
    """Enrol a person on a course, or return their enrolment if they are already on it.

    Self-enrolment needs a complete profile and every prerequisite completed;
    the error names what is missing. Enrolling twice returns the same
    enrolment (the database allows one active enrolment per person and course).
    """
    existing = Enrolment.objects.filter(user=user, course=course, status=Enrolment.Status.ACTIVE).first()
    if existing:
        return existing
    if source == Enrolment.Source.SELF:
        if not user.profile_is_complete:
            raise EnrolmentError("Complete your profile (organisation, work district and job title) to enrol.")
        missing = missing_prerequisites(user, course)
        if missing:
            names = ", ".join(f"“{c.title}”" for c in missing)
            raise EnrolmentError(f"Complete {names} before you enrol on “{course.title}”.")
    try:
        with transaction.atomic():
            return Enrolment.objects.create(user=user, course=course, source=source, enrolled_by=by)
    except IntegrityError:
        # Two requests at once (a double click): the other one won.
        return Enrolment.objects.get(user=user, course=course, status=Enrolment.Status.ACTIVE)


@transaction.atomic
def withdraw(enrolment: Enrolment) -> Enrolment:
    """Withdraw an active enrolment (its progress is kept)."""
    if enrolment.status == Enrolment.Status.ACTIVE:
        enrolment.status = Enrolment.Status.WITHDRAWN
        enrolment.withdrawn_at = timezone.now()
        enrolment.save(update_fields=["status", "withdrawn_at"])
    return enrolment


def record_completion(
    user: User,
    course: CoursePage,
    *,
    completed_at: datetime.datetime | None = None,
    enrolment: Enrolment | None = None,
    organisation: Organisation | None = None,
    district: District | None = None,
    source: str = Completion.Source.ONLINE,
) -> Completion:
    """Record that a person completed a course, copying where they work *now*.

    Pass ``organisation`` and ``district`` to record other values (imported
    history records the row's, not today's profile). The sector is the
    organisation's. One completion per enrolment, and per person, course and
    day; calling again returns the existing completion. The certificate is
    queued once the transaction commits.
    """
    completed_at = completed_at or timezone.now()
    organisation = organisation if organisation is not None else user.organisation
    district = district if district is not None else user.district
    with transaction.atomic():
        if enrolment is not None and enrolment.status != Enrolment.Status.COMPLETED:
            enrolment.status = Enrolment.Status.COMPLETED
            enrolment.completed_at = completed_at
            enrolment.save(update_fields=["status", "completed_at"])
        completion, _ = Completion.objects.get_or_create(
            user=user,
            course=course,
            completed_on=timezone.localdate(completed_at),
            defaults={
                "enrolment": enrolment,
                "completed_at": completed_at,
                "source": source,
                "organisation": organisation,
                "sector_id": organisation.sector_id if organisation else None,
                "district": district,
            },
        )
        transaction.on_commit(lambda: _queue_certificate(completion.pk))
    return completion


def _queue_certificate(completion_id: int) -> None:
    # Imported here: the task module imports the certificate services, which import this app's models.
    from .tasks import issue_certificate

    issue_certificate.delay(completion_id)
