"""load_demo gives a newcomer a living champion network, and running it again changes nothing."""

import io

import pytest
from django.core.management import call_command

from champions.models import (
    ChampionActivity,
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
    assert demo_champion.share_contact_details

    client.force_login(demo_champion.user)
    response = client.get("/champions/directory/", follow=True)
    assert response.status_code == 200
    assert response.context["results"].paginator.count == listed.count()


def test_loading_the_demo_twice_creates_nothing_the_second_time():
    call_command("load_demo", stdout=io.StringIO())
    counts = [ChampionProfile.objects.count(), NetworkEvent.objects.count(), ChampionContact.objects.count()]
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "nothing changed" in out.getvalue()
    assert [ChampionProfile.objects.count(), NetworkEvent.objects.count(), ChampionContact.objects.count()] == counts
