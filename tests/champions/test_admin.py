"""Training managers in the Wagtail admin: network events, registers, attendance import, the activity log."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from champions import services
from champions.models import ChampionActivity, NetworkAttendance, NetworkEvent
from tests.factories import UserFactory, district

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(db):
    start = timezone.now().replace(microsecond=0) - datetime.timedelta(days=2)
    return NetworkEvent.objects.create(
        title="Autumn champion forum",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        online_link="https://meet.example.org/forum",
    )


def register_url(event) -> str:
    return f"/admin/champions/events/{event.pk}/register/"


def test_a_training_manager_creates_a_network_event(client, training_manager):
    client.force_login(training_manager)
    assert client.get("/admin/network_events/new/").status_code == 200
    response = client.post(
        "/admin/network_events/new/",
        {
            "title": "Briefing: the new stalking protection orders",
            "kind": "briefing",
            "starts_at": "2031-05-01 10:00",
            "ends_at": "2031-05-01 12:00",
            "venue": "Huntingdon Town Hall",
            "online_link": "",
            "district": district("huntingdonshire").pk,
            "description": "",
        },
    )
    assert response.status_code == 302
    created = NetworkEvent.objects.get()
    assert (created.kind, created.created_by, created.district.slug) == (
        "briefing",
        training_manager,
        "huntingdonshire",
    )
    assert timezone.localtime(created.starts_at).hour == 10


def test_an_event_without_a_place_or_ending_before_it_starts_is_refused(client, training_manager):
    client.force_login(training_manager)
    response = client.post(
        "/admin/network_events/new/",
        {"title": "Nowhere", "kind": "forum", "starts_at": "2031-05-01 10:00", "ends_at": "2031-05-01 09:00"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "The event must end after it starts." in page
    assert "Give a venue, an online link, or both." in page
    assert not NetworkEvent.objects.exists()


def test_the_events_listing_links_to_each_register(client, training_manager, event):
    client.force_login(training_manager)
    page = client.get("/admin/network_events/").content.decode()
    assert register_url(event) in page


def test_a_training_manager_ticks_who_attended(client, training_manager, event, make_champion):
    first, second, absent = make_champion(), make_champion(), make_champion()
    client.force_login(training_manager)
    page = client.get(register_url(event)).content.decode()
    for champion in (first, second, absent):
        assert escape(champion.user.full_name) in page  # names such as O'Brien are HTML-escaped

    client.post(register_url(event), {"action": "register", "attended": [first.user_id, second.user_id]})
    assert set(event.attendances.values_list("user_id", flat=True)) == {first.user_id, second.user_id}
    attendance = event.attendances.get(user=first.user)
    assert (attendance.organisation, attendance.district, attendance.recorded_by) == (
        first.user.organisation,
        first.user.district,
        training_manager,
    )

    # Unticking removes; ids of people not on the register are ignored.
    client.post(register_url(event), {"action": "register", "attended": [second.user_id, 999999, "x"]})
    assert list(event.attendances.values_list("user_id", flat=True)) == [second.user_id]


def test_the_register_runs_the_same_number_of_queries_for_more_champions(
    client, training_manager, event, make_champion, django_assert_num_queries
):
    make_champion()
    client.force_login(training_manager)
    client.get(register_url(event))
    with CaptureQueriesContext(connection) as baseline:
        client.get(register_url(event))
    expected = len(baseline.captured_queries)  # read now: the next request resets the log
    assert expected
    for _ in range(6):
        make_champion()
    with django_assert_num_queries(expected):
        client.get(register_url(event))


def upload(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("attendance.csv", text.encode(), content_type="text/csv")


def test_attendance_is_imported_from_a_csv_file(client, training_manager, event):
    people = [UserFactory(email=f"attendee{n}@example.org") for n in range(3)]
    client.force_login(training_manager)
    text = "Name,Email\nOne,ATTENDEE0@example.org\nTwo, attendee1@example.org \n\nThree,attendee2@example.org\n"
    response = client.post(register_url(event), {"action": "import", "file": upload(text)}, follow=True)
    assert "Imported: 3 attendees added." in response.content.decode()
    assert set(event.attendances.values_list("user_id", flat=True)) == {p.pk for p in people}
    assert set(event.attendances.values_list("source", flat=True)) == {"import"}


def test_a_bad_attendance_file_imports_nothing_and_names_every_bad_line(client, training_manager, event):
    UserFactory(email="known@example.org")
    client.force_login(training_manager)
    text = (
        "email\n"
        "known@example.org\n"  # line 2: fine
        "stranger@example.org\n"  # line 3: no account
        "not an email\n"  # line 4
        "known@example.org\n"  # line 5: repeated
    )
    response = client.post(register_url(event), {"action": "import", "file": upload(text)})
    page = response.content.decode()
    assert "Nothing was imported" in page
    assert "Line 3: nobody has an account with the address stranger@example.org." in page
    assert "Line 4: ‘not an email’ is not an email address." in page
    assert "Line 5: known@example.org is already on line 2." in page
    assert not NetworkAttendance.objects.exists()


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"name\nJo\n", "Line 1: the file needs a column headed"),
        (b"email\n", "The file has no rows after the header."),
        (b"\xff\xfe\x00e\x00m", "The file is not UTF-8 text"),
    ],
    ids=["no email column", "empty", "not utf-8"],
)
def test_an_unreadable_attendance_file_is_explained(client, training_manager, event, content, error):
    client.force_login(training_manager)
    file = SimpleUploadedFile("attendance.csv", content, content_type="text/csv")
    response = client.post(register_url(event), {"action": "import", "file": file})
    assert error in response.content.decode()
    assert not NetworkAttendance.objects.exists()


@pytest.mark.parametrize("who", ["professional", "trainer"])
def test_only_training_managers_can_mark_attendance(client, event, who, make_champion):
    champion = make_champion()
    client.force_login(champion.user if who == "professional" else UserFactory(groups=["Trainers"]))
    assert client.get(register_url(event)).status_code in (302, 403)
    response = client.post(register_url(event), {"action": "register", "attended": [champion.user_id]})
    assert response.status_code in (302, 403)
    assert client.post("/admin/network_events/new/", {"title": "x"}).status_code in (302, 403)
    assert not NetworkAttendance.objects.exists()


def _log(champion, day, reached, note=""):
    return services.log_activity(
        champion, activity_date=day, kind=ChampionActivity.Kind.BRIEFED, people_reached=reached, note=note
    )


def test_training_managers_see_and_export_the_activity_log(client, training_manager, make_champion):
    champion = make_champion()
    _log(champion, datetime.date(2026, 4, 10), 12, "Team meeting")
    _log(champion, datetime.date(2026, 7, 1), 3, '=HYPERLINK("http://evil")')
    client.force_login(training_manager)

    page = client.get("/admin/champions/activity/").content.decode()
    assert "Team meeting" in page
    assert "2 entries" in page
    filtered = client.get("/admin/champions/activity/", {"from": "2026-04-01", "to": "2026-06-30"})
    assert filtered.context["activities"].paginator.count == 1

    response = client.get("/admin/champions/activity/", {"export": "csv", "from": "2026-04-01"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["date", "champion", "champion_email"]
    assert [row[0] for row in rows[1:]] == ["2026-07-01", "2026-04-10"]
    assert rows[1][-1].startswith("'=")  # a formula is neutralised for spreadsheets
    assert rows[2][7] == "12"


def test_bad_dates_in_the_activity_log_filter_are_ignored_with_a_message(client, training_manager):
    client.force_login(training_manager)
    response = client.get("/admin/champions/activity/", {"from": "yesterday", "to": "2026-13-45"})
    assert response.status_code == 200
    assert "Ignored the From and To dates" in response.content.decode()


def test_the_activity_log_runs_the_same_number_of_queries_for_more_entries(
    client, training_manager, make_champion, django_assert_num_queries
):
    champion = make_champion()
    _log(champion, datetime.date(2026, 4, 10), 2)
    client.force_login(training_manager)
    client.get("/admin/champions/activity/")
    with CaptureQueriesContext(connection) as baseline:
        client.get("/admin/champions/activity/")
    expected = len(baseline.captured_queries)  # read now: the next request resets the log
    assert expected
    for n in range(10):
        _log(make_champion(), datetime.date(2026, 4, 11), n + 1)
    with django_assert_num_queries(expected):
        client.get("/admin/champions/activity/")


@pytest.mark.parametrize("who", ["professional", "trainer", "partner lead"])
def test_only_training_managers_can_read_the_activity_log(client, who, make_champion):
    groups = {"professional": [], "trainer": ["Trainers"], "partner lead": ["Partner leads"]}[who]
    client.force_login(UserFactory(groups=groups))
    for params in ({}, {"export": "csv"}):
        response = client.get("/admin/champions/activity/", params)
        assert response.status_code in (302, 403)
        assert not response.get("Content-Type", "").startswith("text/csv")


def test_outsiders_learn_nothing_from_admin_addresses_of_records_that_do_not_exist(client, make_champion):
    client.force_login(UserFactory(groups=["Trainers"]))  # can open the admin, but not these screens
    for url in ("/admin/champions/999999/", "/admin/champions/events/999999/register/"):
        response = client.get(url)
        # Wagtail turns a refusal into a redirect to the dashboard, the same for records that exist or not.
        assert (response.status_code, response.url) == (302, "/admin/")


def _breadcrumbs(html: str) -> list[str]:
    """The breadcrumbs' labels: the last is what Wagtail's slim header shows as the screen's title."""
    import re

    trail = html.split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", item.split(">", 1)[1])).strip() for item in trail.split("<li")[1:]
    ]


def test_the_champion_admin_screens_show_their_own_titles_not_home(client, training_manager, event):
    # Issue 10, defect 3: these screens showed "Home" as their visible title.
    from champions.models import ChampionProfile

    client.force_login(training_manager)
    profile = ChampionProfile.objects.create(user=UserFactory(full_name="Alex Applicant"))
    screens = {
        "/admin/champions/": ("Champions", "Champions"),
        "/admin/champions/activity/": ("Champion activity", "Champion activity"),
        f"/admin/champions/{profile.pk}/": ("Application: Alex Applicant", "Application: Alex Applicant"),
        register_url(event): (f"Register: {event}", f"Register: {event}"),
    }
    for url, (visible, title) in screens.items():
        html = client.get(url).content.decode()
        assert _breadcrumbs(html)[-1] == visible, url
        assert f"<title>{escape(title)} - " in html, url
    review = client.get(f"/admin/champions/{profile.pk}/").content.decode()
    assert _breadcrumbs(review) == ["Home", "Champions", "Application: Alex Applicant"]
    assert 'href="/admin/champions/"' in review.split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
