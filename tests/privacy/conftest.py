"""People with a little of everything the platform holds, made through the apps' own services."""

import pytest
from django.utils import timezone

from accounts.roles import DATA_PROTECTION_OFFICERS
from champions import services as champion_services
from champions.models import NetworkAttendance, NetworkEvent
from courses.models import Evaluation
from reports import services as report_services
from tests.champions.conftest import certify, champion_course, make_champion  # noqa: F401  (fixtures)
from tests.factories import UserFactory
from tests.reports.conftest import courses  # noqa: F401  (fixture)


@pytest.fixture
def dpo(db):
    return UserFactory(groups=[DATA_PROTECTION_OFFICERS], full_name="Dana Protection", job_title="DPO")


@pytest.fixture
def dpo_client(client, dpo):
    client.force_login(dpo)
    return client


@pytest.fixture
def champion_person(request):
    """An active champion in the directory with a bio, an evaluation comment, an activity note, a network
    event attended, a message sent to another champion and an API token."""
    champion = request.getfixturevalue("make_champion")
    profile = champion(
        UserFactory(full_name="Priya Champion", job_title="IDVA"),
        bio="I support colleagues at the hospital.",
        work_phone="07700 900123",
    )
    person = profile.user
    certificate = person.completions.get().certificate
    Evaluation.objects.create(
        completion=certificate.completion,
        confidence_before=2,
        confidence_after=4,
        usefulness=5,
        comment="The case studies about my own team were useful.",
    )
    champion_services.log_activity(
        profile,
        activity_date=timezone.localdate(),
        kind="colleagues_briefed",
        people_reached=12,
        note="Briefed the ward",
    )
    now = timezone.now()
    event = NetworkEvent.objects.create(
        title="Spring forum",
        venue="Town hall",
        starts_at=now - timezone.timedelta(days=3),
        ends_at=now - timezone.timedelta(days=3, hours=-2),
    )
    NetworkAttendance.objects.create(
        event=event,
        user=person,
        organisation=person.organisation,
        sector_id=person.organisation.sector_id,
        district=person.district,
    )
    other = champion(UserFactory(full_name="Other Champion"))
    champion_services.contact_champion(person, other, "Could we talk about the new referral form?")
    champion_services.contact_champion(other.user, profile, "Thank you for the briefing.")
    report_services.create_api_token(person, "My dashboard")
    return person


def certified(course, **user_fields):
    person = UserFactory(**user_fields)
    return person, certify(person, course)
