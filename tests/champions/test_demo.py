"""load_demo gives a newcomer a living champion network, and running it again changes nothing."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from champions import agreements
from champions.models import (
    ChampionActivity,
    ChampionCheckIn,
    ChampionContact,
    ChampionProfile,
    ChampionStatus,
    NetworkAttendance,
    NetworkEvent,
)

pytestmark = pytest.mark.django_db


def test_the_demo_has_at_least_forty_champions_spread_across_the_county(client):
    call_command("load_demo", stdout=io.StringIO())

    listed = ChampionProfile.objects.filter(status=ChampionStatus.ACTIVE, visible_in_directory=True)
    assert listed.count() >= 40
    assert listed.values("user__district").distinct().count() >= 6
    assert listed.values("user__organisation__sector").distinct().count() >= 8
    assert listed.values("specialisms").distinct().count() == 8
    assert listed.values("languages").distinct().count() >= 8
    assert NetworkEvent.objects.count() >= 3
    assert NetworkAttendance.objects.count() >= 20
    assert ChampionContact.objects.count() >= 10
    assert ChampionActivity.objects.count() >= 20
    # Everyone approved has the history that says so, with the place copied.
    assert all(p.status_changes.filter(to_status="active").exists() for p in listed)

    demo_champion = ChampionProfile.objects.get(user__email="champion@demo.dasv-learning.example")
    assert demo_champion.in_directory

    # Applicants: one whose line manager agreed (ready to approve), one still waiting for the manager.
    applicants = ChampionProfile.objects.filter(status=ChampionStatus.APPLIED)
    outcomes = sorted(agreements.current_agreement(p).outcome for p in applicants)
    assert outcomes == ["agreed", "waiting"]
    assert all(p.status_changes.get(to_status="active").agreement.allows_approval for p in listed)
    # Yearly check-ins: some asked and waiting, one confirmed, one unanswered and hidden (still active).
    assert ChampionCheckIn.objects.filter(confirmed_at=None, hidden_at=None).count() >= 2
    assert ChampionCheckIn.objects.exclude(confirmed_at=None).count() == 1
    (hidden,) = ChampionProfile.objects.exclude(unconfirmed_since=None)
    assert hidden.status == ChampionStatus.ACTIVE and not hidden.in_directory
    assert demo_champion.share_contact_details

    client.force_login(demo_champion.user)
    response = client.get("/champions/directory/", follow=True)
    assert response.status_code == 200
    # Everyone listed but the champion hidden for not confirming their check-in.
    assert response.context["results"].paginator.count == listed.count() - 1


def test_loading_the_demo_twice_creates_nothing_the_second_time():
    call_command("load_demo", stdout=io.StringIO())
    counts = [ChampionProfile.objects.count(), NetworkEvent.objects.count(), ChampionContact.objects.count()]
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "nothing changed" in out.getvalue()
    assert [ChampionProfile.objects.count(), NetworkEvent.objects.count(), ChampionContact.objects.count()] == counts


SEASON_OF_MONTH = {1: "Winter", 2: "Winter", 3: "Spring", 4: "Spring", 5: "Spring", 6: "Summer", 7: "Summer"}
SEASON_OF_MONTH |= {8: "Summer", 9: "Autumn", 10: "Autumn", 11: "Autumn", 12: "Winter"}
# A job title with one of these words belongs only in organisations of these sector groups.
TITLE_WORDS_BY_SECTOR_GROUP = [
    (("police", "constable", "sergeant", "detective"), {"police"}),
    (("nurse", "midwife", "health visitor", "paramedic", "pharmacist", "general practitioner", "gp "), {"nhs"}),
    (("ward manager", "health care assistant", "emergency medical technician"), {"nhs"}),
    (("firefighter", "fire safety", "watch manager"), {"fire"}),
    (("probation", "youth offending"), {"justice"}),
    (("imam", "mosque", "priest", "chaplain"), {"faith"}),
    (("idva", "isva", "domestic violence adviser", "refuge", "counsellor"), {"specialist"}),
    (("head of year", "pastoral lead", "designated safeguarding lead", "student welfare"), {"education"}),
    (("tenancy", "housing"), {"local_authority", "housing_association"}),
    (("social worker", "social care", "early help"), {"local_authority"}),
]


def test_the_demo_network_tells_a_believable_year():
    call_command("load_demo", stdout=io.StringIO())
    today = timezone.localdate()

    events = list(NetworkEvent.objects.order_by("starts_at"))
    for event in events:
        day = timezone.localtime(event.starts_at).date()
        named = [season for season in ("Winter", "Spring", "Summer", "Autumn") if season in event.title]
        assert named in ([], [SEASON_OF_MONTH[day.month]]), f"{event.title} on {day}"
        assert day.weekday() < 5 and not (day.month == 12 and day.day >= 24), f"{event.title} on {day}"
    past = [e for e in events if e.starts_at.date() < today]
    assert sum(e.kind == "forum" for e in past) >= 4  # a forum each season of the last year
    assert min(e.starts_at.date() for e in past) >= today - datetime.timedelta(days=366)
    assert any(e.starts_at.date() >= today for e in events) and all(e.attendances.exists() for e in past)
    assert not NetworkAttendance.objects.filter(event__starts_at__gte=timezone.now()).exists()

    people = User.objects.exclude(job_title="").select_related("organisation__sector")
    assert people.count() >= 50
    for person in people:
        title = person.job_title.lower()
        for words, groups in TITLE_WORDS_BY_SECTOR_GROUP:
            if any(word in title for word in words):
                assert person.organisation.sector.group in groups, f"{person.job_title} at {person.organisation}"
