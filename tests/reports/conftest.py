"""Learning records for the reports tests, made directly (as an import would) with the place copied onto each."""

import datetime
import secrets

import pytest
from django.utils import timezone

from courses.models import Certificate, Completion, Enrolment, Evaluation
from tests.champions.conftest import champion_course, make_champion  # noqa: F401  (fixtures)
from tests.courses.course_pages import course
from tests.factories import UserFactory

TZ = timezone.get_default_timezone()
D = datetime.date


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=TZ)


def complete(user, course_page, on: datetime.date, *, organisation=None, district=None, enrolment=None) -> Completion:
    """A completion with the place copied from the user (or the one given, as imported history would)."""
    organisation = organisation or user.organisation
    return Completion.objects.create(
        user=user,
        course=course_page,
        completed_on=on,
        completed_at=at(on),
        enrolment=enrolment,
        organisation=organisation,
        sector_id=organisation.sector_id if organisation else None,
        district=district or user.district,
    )


def certificate(completion: Completion, expires_on: datetime.date | None) -> Certificate:
    return Certificate.objects.create(
        completion=completion,
        code=secrets.token_hex(8).upper(),
        holder_name=completion.user.full_name,
        course_title=completion.course.title,
        issued_on=completion.completed_on,
        expires_on=expires_on,
    )


def enrol(user, course_page, on: datetime.date, status=Enrolment.Status.ACTIVE) -> Enrolment:
    return Enrolment.objects.create(user=user, course=course_page, enrolled_at=at(on), status=status)


def evaluate(completion: Completion, before: int, after: int, usefulness: int = 4, on=None) -> Evaluation:
    return Evaluation.objects.create(
        completion=completion,
        confidence_before=before,
        confidence_after=after,
        usefulness=usefulness,
        submitted_at=at(on or completion.completed_on, 12),
    )


@pytest.fixture
def courses(db):
    """Three courses: awareness (domestic abuse), specialist (domestic abuse + stalking), champion training."""
    from courses.models import Topic

    awareness = course("da-awareness", "Domestic abuse awareness")
    awareness.topics.set([Topic.objects.get(slug="domestic_abuse")])
    awareness.save()
    specialist = course("da-specialist", "DASH risk assessment", counts_as_specialist_da=True)
    specialist.topics.set(Topic.objects.filter(slug__in=["domestic_abuse", "stalking_harassment"]))
    specialist.save()
    champion = course("champion-training", "DA Champion training", is_champion_training=True)
    return {"awareness": awareness, "specialist": specialist, "champion": champion}


@pytest.fixture
def person(db):
    return lambda **kwargs: UserFactory(**kwargs)
