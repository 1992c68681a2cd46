"""The yearly check-in: asked on the anniversary of approval (once), confirmed after signing in; unanswered in 30
days the champion is hidden from the directory (still active, still counted) and told so."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from champions import check_ins, services, tasks
from champions.models import ChampionCheckIn, ChampionStatus
from reports import measures
from reports.periods import quarter
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

D = datetime.date
APPROVED_ON = D(2025, 3, 10)
ANNIVERSARY = D(2026, 3, 10)


def at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(11), tzinfo=timezone.get_default_timezone())


def path_of(email) -> str:
    (link,) = re.findall(r"https?://\S+/champions/me/check-in/\S+/", email.body)
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


@pytest.fixture
def champion(make_champion, directory_page):
    return make_champion(at=at(APPROVED_ON), bio="Housing officer")


@pytest.mark.parametrize(
    ("approved_on", "today", "expected"),
    [
        (D(2025, 3, 10), D(2026, 3, 9), None),
        (D(2025, 3, 10), D(2026, 3, 10), D(2026, 3, 10)),
        (D(2025, 3, 10), D(2027, 1, 5), D(2026, 3, 10)),
        (D(2024, 2, 29), D(2025, 2, 28), D(2025, 2, 28)),
        (D(2024, 2, 29), D(2028, 3, 1), D(2028, 2, 29)),
    ],
)
def test_the_anniversary_of_approval(approved_on, today, expected):
    assert check_ins.anniversary_on_or_before(approved_on, today) == expected


def test_each_champion_is_asked_once_on_the_anniversary_of_their_approval(champion):
    mail.outbox.clear()
    assert check_ins.run_daily(ANNIVERSARY - datetime.timedelta(days=1)).asked == 0
    assert check_ins.run_daily(ANNIVERSARY).asked == 1
    (email,) = mail.outbox
    assert email.to == [champion.user.email]
    assert "yearly Domestic Abuse Champion check-in" in email.subject
    assert "9 April 2026" in email.body  # answer within 30 days
    assert path_of(email).startswith("/champions/me/check-in/")
    # The same day again, the next day and a fortnight on: nothing more is sent.
    for day in (ANNIVERSARY, ANNIVERSARY + datetime.timedelta(days=1), ANNIVERSARY + datetime.timedelta(days=14)):
        assert check_ins.run_daily(day).asked == 0
    assert len(mail.outbox) == 1
    assert ChampionCheckIn.objects.get().due_on == ANNIVERSARY


def test_a_missed_day_catches_up_but_a_long_past_anniversary_is_not_asked(make_champion):
    caught_up = make_champion(at=at(APPROVED_ON))
    long_past = make_champion(at=at(D(2025, 1, 5)))
    mail.outbox.clear()
    assert check_ins.run_daily(ANNIVERSARY + datetime.timedelta(days=3)).asked == 1
    assert [m.to for m in mail.outbox] == [[caught_up.user.email]]
    assert not ChampionCheckIn.objects.filter(profile=long_past).exists()


def test_only_active_champions_are_asked(champion):
    services._change_status(champion, ChampionStatus.LAPSED, reason=services.LAPSED_REASON)
    assert check_ins.run_daily(ANNIVERSARY).asked == 0


def test_the_champion_confirms_from_the_link_after_signing_in(client, champion):
    check_ins.run_daily(ANNIVERSARY)
    link = path_of(mail.outbox[-1])
    response = client.get(link)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    client.force_login(champion.user)
    page = client.get(link).content.decode()
    assert champion.user.full_name in page
    assert "Yes, I am still a champion and my details are right</button>" in page
    assert "Confirm you are still a champion" in client.get("/champions/me/").content.decode()

    response = client.post(link, follow=True)
    assert "you have confirmed you are still a Domestic Abuse Champion" in response.content.decode()
    confirmed_at = ChampionCheckIn.objects.get().confirmed_at
    assert confirmed_at is not None

    # Used twice: says so and changes nothing.
    response = client.post(link, follow=True)
    assert "You already confirmed this check-in on" in response.content.decode()
    assert ChampionCheckIn.objects.get().confirmed_at == confirmed_at
    assert "You confirmed this check-in on" in client.get(link).content.decode()


def test_a_check_in_link_that_is_someone_elses_or_altered_is_not_found(client, champion):
    check_ins.run_daily(ANNIVERSARY)
    link = path_of(mail.outbox[-1])
    client.force_login(UserFactory())
    assert client.get(link).status_code == 404
    assert client.post(link).status_code == 404
    client.force_login(champion.user)
    token = link.rstrip("/").rsplit("/", 1)[-1]
    assert client.get(f"/champions/me/check-in/{token[:-2]}xx/").status_code == 404
    assert client.post(f"/champions/me/check-in/{token.split(':')[0]}/").status_code == 404
    assert ChampionCheckIn.objects.get().confirmed_at is None


def test_no_answer_in_30_days_hides_the_champion_and_tells_them_once(client, champion, directory_page):
    check_ins.run_daily(ANNIVERSARY)
    link = path_of(mail.outbox[-1])
    assert check_ins.run_daily(ANNIVERSARY + datetime.timedelta(days=29)).hidden == 0
    mail.outbox.clear()
    assert check_ins.run_daily(ANNIVERSARY + datetime.timedelta(days=30)).hidden == 1
    (email,) = mail.outbox
    assert email.to == [champion.user.email]
    assert "hidden from the champion directory" in email.subject
    assert path_of(email) == link
    assert check_ins.run_daily(ANNIVERSARY + datetime.timedelta(days=31)).hidden == 0
    assert len(mail.outbox) == 1

    champion.refresh_from_db()
    assert champion.status == ChampionStatus.ACTIVE  # hidden, not lapsed
    assert champion.unconfirmed_since == ANNIVERSARY + datetime.timedelta(days=30)
    client.force_login(UserFactory())
    assert client.get(f"{directory_page.url}{champion.pk}/").status_code == 404
    assert "Housing officer" not in client.get(f"{directory_page.url}?q=housing").content.decode()

    # Confirming brings them back at once.
    client.force_login(champion.user)
    assert "You are hidden from the champion directory" in client.get("/champions/me/").content.decode()
    client.post(link)
    champion.refresh_from_db()
    assert champion.unconfirmed_since is None
    client.force_login(UserFactory())
    assert client.get(f"{directory_page.url}{champion.pk}/").status_code == 200


def test_hiding_leaves_active_champions_unchanged(champion):
    period = quarter(2026, 1)  # April-June 2026: the champion is hidden from 9 April
    before = measures.active_champions(period).total
    check_ins.run_daily(ANNIVERSARY)
    check_ins.run_daily(ANNIVERSARY + datetime.timedelta(days=30))
    champion.refresh_from_db()
    assert champion.unconfirmed_since is not None
    assert measures.active_champions(period).total == before == 1


def test_the_dashboard_and_the_champion_list_show_who_has_not_confirmed(client, champion, training_manager):
    check_ins.run_daily(ANNIVERSARY)
    check_ins.run_daily(ANNIVERSARY + datetime.timedelta(days=30))
    client.force_login(training_manager)
    page = client.get("/admin/measures/").content.decode()
    assert "Champions who have not confirmed their yearly check-in: <strong>1</strong>" in page
    listing = client.get("/admin/champions/?status=unconfirmed").content.decode()
    assert champion.user.full_name in listing
    assert "No: check-in not confirmed since 9 Apr 2026" in listing


def test_the_daily_task_is_scheduled_and_runs_the_check_ins(settings, make_champion):
    champion = make_champion(at=timezone.now() - datetime.timedelta(days=200))  # no anniversary yet
    entry = settings.CELERY_BEAT_SCHEDULE["champions-yearly-check-ins"]
    assert entry["task"] == "champions.tasks.run_yearly_check_ins"
    ChampionCheckIn.objects.create(profile=champion, due_on=timezone.localdate() - datetime.timedelta(days=40))
    mail.outbox.clear()
    assert tasks.run_yearly_check_ins.apply().get() == {"asked": 0, "hidden": 1}
    assert len(mail.outbox) == 1


def test_a_check_in_left_from_before_stepping_down_does_not_hide_a_champion_approved_again(champion, training_manager):
    from champions import agreements

    check_ins.run_daily(ANNIVERSARY)
    services.withdraw(champion, by=champion.user, at=at(ANNIVERSARY + datetime.timedelta(days=2)))
    services.apply(
        champion.user,
        manager_name="Morgan Manager",
        manager_email="morgan.manager@example.org",
        at=at(ANNIVERSARY + datetime.timedelta(days=5)),
    )
    agreements.answer(
        agreements.current_agreement(champion), agreed=True, at=at(ANNIVERSARY + datetime.timedelta(days=6))
    )
    services.approve(champion, by=training_manager, at=at(ANNIVERSARY + datetime.timedelta(days=7)))
    assert check_ins.run_daily(ANNIVERSARY + datetime.timedelta(days=40)).hidden == 0
    champion.refresh_from_db()
    assert champion.unconfirmed_since is None
    assert check_ins.open_check_in(champion) is None
