"""The champion measure inputs that reports read (the contract in champions/selectors.py)."""

import datetime

import pytest
from django.utils import timezone

from champions import selectors, services
from champions.models import ChampionActivity, ChampionStatus
from tests.champions.conftest import MANAGER, certify
from tests.factories import OrganisationFactory, UserFactory, district

pytestmark = pytest.mark.django_db

TZ = timezone.get_default_timezone()
KEYS = {"user_id", "organisation_id", "sector_id", "district_id"}


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=TZ)


D = datetime.date


def test_active_champions_on_a_day_come_from_the_status_history(make_champion, training_manager):
    profile = make_champion(at=at(D(2025, 4, 10)), expires_on=D(2025, 9, 30))
    services.lapse_expired_champions(today=D(2025, 10, 1))
    profile.refresh_from_db()
    assert profile.status == ChampionStatus.LAPSED

    def active_on(day):
        return [row["user_id"] for row in selectors.active_champions_on(day)]

    assert active_on(D(2025, 4, 9)) == []
    assert active_on(D(2025, 4, 10)) == [profile.user_id]
    assert active_on(D(2025, 9, 30)) == [profile.user_id]
    assert active_on(D(2025, 10, 1)) == []


def test_the_place_counted_is_the_one_copied_when_the_champion_became_active(make_champion):
    profile = make_champion(at=at(D(2025, 4, 10)))
    first_organisation = profile.user.organisation
    user = profile.user
    user.organisation = OrganisationFactory()
    user.district = district("peterborough")
    user.save()

    (row,) = selectors.active_champions_on(D(2025, 6, 30))
    assert set(row) >= KEYS
    assert row["organisation_id"] == first_organisation.pk
    assert row["sector_id"] == first_organisation.sector_id
    assert row["district_id"] == district("fenland").pk


def test_an_application_that_was_never_approved_is_not_active(champion_course):
    user = UserFactory()
    certify(user, champion_course, completed_on=D(2025, 4, 1))
    services.apply(user, at=at(D(2025, 4, 2)), **MANAGER)
    assert list(selectors.active_champions_on(D(2025, 6, 30))) == []
    assert list(selectors.new_champions(D(2025, 4, 1), D(2025, 6, 30))) == []


def test_new_champions_include_a_renewal_after_lapsing(make_champion, champion_course):
    profile = make_champion(at=at(D(2025, 4, 10)), expires_on=D(2025, 5, 31))
    services.lapse_expired_champions(today=D(2025, 6, 1))
    certify(profile.user, champion_course, completed_on=D(2025, 6, 20))
    result = services.lapse_expired_champions(today=D(2025, 6, 21))
    assert [p.pk for p in result.restored] == [profile.pk]

    rows = list(selectors.new_champions(D(2025, 4, 1), D(2025, 6, 30)))
    assert [(r["user_id"], r["became_active_on"]) for r in rows] == [
        (profile.user_id, D(2025, 4, 10)),
        (profile.user_id, D(2025, 6, 21)),
    ]
    assert list(selectors.new_champions(D(2025, 7, 1), D(2025, 9, 30))) == []


def test_network_access_counts_a_champion_active_on_any_day_of_the_period(make_champion):
    # Active from before the quarter, lapsed in its middle: still counted for that quarter.
    lapsing = make_champion(at=at(D(2025, 1, 15)), expires_on=D(2025, 5, 14))
    services.lapse_expired_champions(today=D(2025, 5, 15))
    # Became active and lapsed before the quarter: not counted.
    gone = make_champion(at=at(D(2024, 6, 1)), expires_on=D(2025, 1, 31))
    services.lapse_expired_champions(today=D(2025, 2, 1))

    rows = list(selectors.champion_network_access(D(2025, 4, 1), D(2025, 6, 30)))
    assert [(r["user_id"], r["via"]) for r in rows] == [(lapsing.user_id, "active")]
    assert set(rows[0]) >= KEYS | {"via"}
    assert gone.user_id not in {r["user_id"] for r in selectors.champion_network_access(D(2025, 4, 1), D(2025, 6, 30))}


def test_network_access_has_one_row_per_person_and_way(make_champion, training_manager):
    champion = make_champion(at=at(D(2025, 4, 2)))
    sender = UserFactory()
    services.contact_champion(sender, champion, "Hello", at=at(D(2025, 4, 20)))
    services.contact_champion(sender, champion, "Hello again", at=at(D(2025, 5, 20)))
    services.contact_champion(sender, champion, "Outside the period", at=at(D(2025, 7, 2)))
    event = _event(D(2025, 5, 5))
    later_event = _event(D(2025, 6, 5))
    services.set_register(event, [champion.user, sender], by=training_manager)
    services.set_register(later_event, [champion.user], by=training_manager)

    rows = sorted((r["user_id"], r["via"]) for r in selectors.champion_network_access(D(2025, 4, 1), D(2025, 6, 30)))
    assert rows == sorted(
        [
            (champion.user_id, "active"),
            (champion.user_id, "attended"),
            (sender.pk, "attended"),
            (sender.pk, "contacted"),
        ]
    )


def test_network_access_copies_the_senders_place_at_the_time_of_contact(make_champion):
    champion = make_champion(at=at(D(2025, 4, 2)))
    sender = UserFactory()
    first_organisation = sender.organisation
    services.contact_champion(sender, champion, "Hello", at=at(D(2025, 4, 20)))
    sender.organisation = OrganisationFactory()
    sender.save()

    (row,) = [r for r in selectors.champion_network_access(D(2025, 4, 1), D(2025, 6, 30)) if r["via"] == "contacted"]
    assert row["user_id"] == sender.pk
    assert row["organisation_id"] == first_organisation.pk
    assert row["district_id"] == sender.district_id


def test_champion_activity_rows_carry_people_reached_topic_and_date(make_champion):
    from courses.models import Topic

    champion = make_champion(at=at(D(2025, 4, 2)))
    topic = Topic.objects.get(slug="stalking_harassment")
    services.log_activity(
        champion, activity_date=D(2025, 5, 1), kind=ChampionActivity.Kind.BRIEFED, people_reached=12, topic=topic
    )
    services.log_activity(champion, activity_date=D(2025, 7, 1), kind=ChampionActivity.Kind.ADVISED, people_reached=1)

    rows = list(selectors.champion_activity(D(2025, 4, 1), D(2025, 6, 30)))
    assert len(rows) == 1
    assert set(rows[0]) >= KEYS | {"people_reached", "topic_id", "activity_date"}
    assert (rows[0]["user_id"], rows[0]["people_reached"], rows[0]["topic_id"], rows[0]["activity_date"]) == (
        champion.user_id,
        12,
        topic.pk,
        D(2025, 5, 1),
    )


def _event(day: datetime.date):
    from champions.models import NetworkEvent

    return NetworkEvent.objects.create(
        title=f"Champion forum {day}",
        starts_at=at(day, 10),
        ends_at=at(day, 12),
        venue="Huntingdon Library",
    )
