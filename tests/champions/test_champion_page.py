"""The champion's own page, editing their directory profile, and logging activity as counts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from champions import services
from champions.models import ChampionActivity, NetworkEvent
from courses.models import Topic
from tests.factories import UserFactory, district

pytestmark = pytest.mark.django_db

MINE = "/champions/me/"
EDIT = "/champions/me/edit/"
LOG = "/champions/me/activity/new/"


def event(title: str, starts_at: datetime.datetime, **fields) -> NetworkEvent:
    fields.setdefault("venue", "Cambridge Guildhall")
    return NetworkEvent.objects.create(
        title=title, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=2), **fields
    )


def test_the_champion_page_shows_status_certificate_expiry_events_and_activity(client, make_champion, training_manager):
    champion = make_champion(expires_on=datetime.date(2029, 3, 31))
    past = event("Spring champion forum", timezone.now() - datetime.timedelta(days=30))
    upcoming = event("Summer supervision", timezone.now() + datetime.timedelta(days=14), kind="supervision")
    services.set_register(past, [champion.user], by=training_manager)
    services.log_activity(
        champion,
        activity_date=timezone.localdate(),
        kind=ChampionActivity.Kind.BRIEFED,
        people_reached=14,
        note="Team meeting",
    )
    client.force_login(champion.user)

    page = client.get(MINE).content.decode()
    assert "Active" in page
    assert "Valid until <time" in page and "31 March 2029" in page
    assert "Spring champion forum" in page
    assert "Summer supervision" in page  # upcoming, on the dashboard
    assert "Colleagues briefed (cascade training)" in page and ">14<" in page
    assert upcoming.get_kind_display() in page


def test_someone_who_is_not_a_champion_is_told_about_the_role(client, professional, champion_course):
    client.force_login(professional)
    page = client.get(MINE).content.decode()
    assert "Domestic Abuse Champions are the domestic abuse point of contact" in page
    assert "Domestic Abuse Champion Training" in page


def test_the_champion_page_runs_the_same_number_of_queries_with_more_history(
    client, make_champion, training_manager, django_assert_num_queries
):
    champion = make_champion()
    client.force_login(champion.user)
    client.get(MINE)
    with CaptureQueriesContext(connection) as baseline:
        client.get(MINE)
    expected = len(baseline.captured_queries)  # read now: the next request resets the log
    assert expected
    topics = list(Topic.objects.all())
    for n in range(8):
        services.set_register(
            event(f"Forum {n}", timezone.now() - datetime.timedelta(days=n + 1)), [champion.user], by=training_manager
        )
        event(f"Coming {n}", timezone.now() + datetime.timedelta(days=n + 1))
        services.log_activity(
            champion,
            activity_date=timezone.localdate(),
            kind=ChampionActivity.Kind.ADVISED,
            people_reached=1,
            topic=topics[n],
        )
    with django_assert_num_queries(expected):
        response = client.get(MINE)
    assert len(response.context["activities"]) == 8


def listed(client, directory_page) -> list[str]:
    return [champion.user.full_name for champion in client.get(directory_page.url).context["results"]]


def test_a_champion_is_not_in_the_directory_until_they_choose_to_be(client, make_champion, directory_page):
    champion = make_champion(UserFactory(full_name="Quiet Champion"), visible=False)
    client.force_login(champion.user)
    assert "No, colleagues cannot find you yet" in client.get(MINE).content.decode()
    assert listed(client, directory_page) == []

    form = client.get(EDIT).content.decode()
    assert 'name="visible_in_directory"' in form
    response = client.post(
        EDIT,
        {
            "bio": "Ask me about safety planning.",
            "specialisms": [Topic.objects.get(slug="domestic_abuse").pk],
            "districts": [district("fenland").pk],
            "visible_in_directory": "on",
        },
    )
    assert response.status_code == 302
    assert listed(client, directory_page) == ["Quiet Champion"]


def test_a_bad_phone_number_is_refused_and_nothing_is_saved(client, make_champion):
    champion = make_champion(visible=False)
    client.force_login(champion.user)
    response = client.post(EDIT, {"bio": "Changed", "work_phone": "call me maybe", "visible_in_directory": "on"})
    assert response.status_code == 200
    assert "Enter a phone number, like 01223 456789" in response.content.decode()
    champion.refresh_from_db()
    assert (champion.bio, champion.visible_in_directory) == ("", False)


def test_an_active_champion_logs_an_activity(client, make_champion):
    champion = make_champion()
    client.force_login(champion.user)
    page = client.get(LOG).content.decode()
    assert "never details of a victim or survivor" in page
    assert 'maxlength="200"' in page

    response = client.post(
        LOG,
        {
            "kind": "awareness_event",
            "activity_date": timezone.localdate().isoformat(),
            "topic": Topic.objects.get(slug="fgm").pk,
            "people_reached": "120",
            "note": "Assembly for staff",
        },
    )
    assert response.status_code == 302
    activity = ChampionActivity.objects.get()
    assert (activity.champion, activity.people_reached, activity.topic.slug, activity.note) == (
        champion,
        120,
        "fgm",
        "Assembly for staff",
    )
    assert (activity.organisation, activity.district) == (champion.user.organisation, champion.user.district)


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("people_reached", "-5", "must be at least 1"),
        ("people_reached", "0", "must be at least 1"),
        ("people_reached", "1001", "must be 1,000 or fewer"),
        ("people_reached", "99999999999999999999", "must be 1,000 or fewer"),
        ("people_reached", "lots", "Enter the number of people as a whole number"),
        ("note", "x" * 201, "at most 200 characters"),
        ("activity_date", "2999-01-01", "cannot be in the future"),
        ("activity_date", "31/02/2026", "Enter the date of the activity as a real date"),
        ("activity_date", "0001-01-01", "The date of the activity must be in the last two years"),
        ("activity_date", "", "Enter the date of the activity"),
        ("kind", "murder", "Choose what you did"),
        ("kind", "", "Choose what you did"),
        ("people_reached", "", "Enter the number of people reached"),
        ("topic", "999999", "Select a valid choice"),
    ],
)
def test_bad_activity_input_is_refused_and_nothing_is_logged(client, make_champion, field, value, error):
    champion = make_champion()
    client.force_login(champion.user)
    data = {"kind": "colleague_advised", "activity_date": timezone.localdate().isoformat(), "people_reached": "1"}
    data[field] = value
    response = client.post(LOG, data)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not ChampionActivity.objects.exists()


def test_the_database_refuses_an_absurd_number_reached(make_champion):
    from django.db import IntegrityError

    champion = make_champion()
    with pytest.raises(IntegrityError):
        ChampionActivity.objects.create(
            champion=champion,
            user=champion.user,
            activity_date=timezone.localdate(),
            kind=ChampionActivity.Kind.ADVISED,
            people_reached=5000,
        )


def test_someone_who_is_not_an_active_champion_cannot_log_activity(client, professional):
    client.force_login(professional)
    response = client.post(
        LOG, {"kind": "colleague_advised", "activity_date": timezone.localdate().isoformat(), "people_reached": "1"}
    )
    assert response.status_code == 302
    assert not ChampionActivity.objects.exists()


def test_an_activity_on_the_first_day_of_the_two_years_is_logged_and_the_day_before_is_refused(client, make_champion):
    from home.dates import years_before

    champion = make_champion()
    client.force_login(champion.user)
    earliest = years_before(timezone.localdate(), 2)
    data = {"kind": "colleague_advised", "people_reached": "1"}

    too_old = client.post(LOG, {**data, "activity_date": (earliest - datetime.timedelta(days=1)).isoformat()})
    assert too_old.status_code == 200
    assert f"must be in the last two years: {earliest:%-d %B %Y} or later" in too_old.content.decode()
    assert not ChampionActivity.objects.exists()

    assert client.post(LOG, {**data, "activity_date": earliest.isoformat()}).status_code == 302
    assert ChampionActivity.objects.get().activity_date == earliest


def test_the_service_refuses_an_activity_dated_the_year_one(make_champion):
    with pytest.raises(services.ChampionError, match="2000 or later"):
        services.log_activity(
            make_champion(), activity_date=datetime.date(1, 1, 1), kind="colleague_advised", people_reached=1
        )
    assert not ChampionActivity.objects.exists()


def test_the_activity_form_gives_the_date_as_a_date_input_understands_and_a_hint_that_matches(client, make_champion):
    champion = make_champion()
    client.force_login(champion.user)
    page = client.get(LOG).content.decode()
    today = timezone.localdate()
    assert f'type="date" name="activity_date" value="{today.isoformat()}"' in page
    assert "Today or a day in the last two years." in page
    assert "27 3 2026" not in page


def test_an_empty_activity_form_names_each_missing_field_in_the_error_summary(client, make_champion):
    champion = make_champion()
    client.force_login(champion.user)
    response = client.post(LOG, {"kind": "", "activity_date": "", "people_reached": ""})
    assert response.status_code == 200
    html = response.content.decode()
    summary = html.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    for message in ("Choose what you did", "Enter the date of the activity", "Enter the number of people reached"):
        assert message in summary
    assert "This field is required." not in html
