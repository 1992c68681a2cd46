"""'Contact this champion': the message is relayed by email and only the fact of contact is kept."""

import pytest
from django.core import mail

from champions.models import ChampionContact
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def champion(make_champion):
    return make_champion(
        UserFactory(full_name="Chris Champion", email="chris@council.example.org"),
        work_email="chris.champion@council.example.org",
    )


@pytest.fixture
def sender(client):
    user = UserFactory(
        full_name="Sam Sender",
        email="sam.sender@school.example.org",
        job_title="Designated safeguarding lead",
        organisation=OrganisationFactory(name="Wisbech Grammar"),
    )
    client.force_login(user)
    return user


def contact_url(directory_page, champion) -> str:
    return f"{directory_page.url}{champion.pk}/contact/"


def test_a_message_is_emailed_to_the_champion_with_reply_to_the_sender(
    client, directory_page, champion, sender, mailoutbox
):
    mail.outbox.clear()
    text = "Could we talk about setting up a staff briefing on coercive control?"
    response = client.post(contact_url(directory_page, champion), {"message": text})

    assert response.status_code == 302
    assert response.url == f"{directory_page.url}{champion.pk}/"
    (email,) = mail.outbox
    assert email.to == ["chris.champion@council.example.org"]
    assert email.reply_to == ["sam.sender@school.example.org"]
    assert "Sam Sender" in email.subject
    assert "Sam Sender" in email.body
    assert "Wisbech Grammar" in email.body
    assert text in email.body
    page = client.get(response.url).content.decode()
    assert "Your message has been sent to Chris Champion" in page


def test_each_contact_is_recorded_with_the_senders_place_but_not_the_message(client, directory_page, champion, sender):
    text = "A distinctive sentence that must not be stored anywhere."
    client.post(contact_url(directory_page, champion), {"message": text})

    contact = ChampionContact.objects.get()
    assert (contact.sender, contact.champion) == (sender, champion)
    assert (contact.organisation, contact.sector, contact.district) == (
        sender.organisation,
        sender.organisation.sector,
        sender.district,
    )
    stored = [str(getattr(contact, f.attname)) for f in ChampionContact._meta.concrete_fields]
    assert not any("distinctive sentence" in value for value in stored)


@pytest.mark.parametrize(
    ("message", "error"),
    [
        ("", "Enter your message."),
        ("   \n  ", "Enter your message."),
        ("x" * 20 * 1024, "Ensure this value has at most 3000 characters"),
    ],
    ids=["empty", "blank", "20 KB"],
)
def test_an_empty_or_huge_message_is_refused_and_nothing_is_sent(
    client, directory_page, champion, sender, message, error
):
    mail.outbox.clear()
    response = client.post(contact_url(directory_page, champion), {"message": message})
    assert response.status_code == 200
    assert error in response.content.decode()
    assert mail.outbox == []
    assert not ChampionContact.objects.exists()


def test_a_champion_cannot_message_themselves(client, directory_page, champion):
    client.force_login(champion.user)
    mail.outbox.clear()
    page = client.get(contact_url(directory_page, champion)).content.decode()
    assert "you cannot send a message to yourself" in page
    response = client.post(contact_url(directory_page, champion), {"message": "Hello me"})
    assert response.status_code == 200
    assert "You cannot send a message to yourself." in response.content.decode()
    assert mail.outbox == []
    assert not ChampionContact.objects.exists()


def test_the_sixth_message_in_a_day_is_refused_with_a_clear_message(
    client, directory_page, make_champion, sender, settings
):
    assert settings.CHAMPION_CONTACT_DAILY_LIMIT == 5
    champions = [make_champion() for _ in range(3)]
    for n in range(5):
        response = client.post(contact_url(directory_page, champions[n % 3]), {"message": f"Message {n}"})
        assert response.status_code == 302
    mail.outbox.clear()

    response = client.post(contact_url(directory_page, champions[0]), {"message": "One too many"})
    assert response.status_code == 200
    assert "You have sent 5 messages to champions today, which is the daily limit." in response.content.decode()
    assert mail.outbox == []
    assert ChampionContact.objects.filter(sender=sender).count() == 5


def test_the_daily_limit_is_a_setting(client, directory_page, champion, sender, settings):
    settings.CHAMPION_CONTACT_DAILY_LIMIT = 1
    assert client.post(contact_url(directory_page, champion), {"message": "First"}).status_code == 302
    response = client.post(contact_url(directory_page, champion), {"message": "Second"})
    assert "You have sent 1 messages to champions today" in response.content.decode()


def test_a_failed_email_records_no_contact(client, directory_page, champion, sender, settings):
    settings.EMAIL_BACKEND = "tests.champions.failing_email.Backend"
    response = client.post(contact_url(directory_page, champion), {"message": "Hello"})
    assert response.status_code == 200
    assert "We could not send your message just now" in response.content.decode()
    assert not ChampionContact.objects.exists()


def test_the_contact_form_tells_people_not_to_identify_a_victim(client, directory_page, champion, sender):
    page = client.get(contact_url(directory_page, champion)).content.decode()
    assert "Do not include anything that identifies a victim or survivor" in page
    assert '<label class="label" for="id_message">Your message</label>' in page


def test_a_sender_whose_stored_name_has_a_line_break_is_relayed_on_one_subject_line(
    client, directory_page, champion, mailoutbox
):
    # Names are refused at every form now, but an older or imported name may still hold CR/LF:
    # the relay must send one subject line, never a second header.
    sender = UserFactory(full_name="Eve\r\nBcc: everyone@example.org")
    client.force_login(sender)
    mail.outbox.clear()
    response = client.post(contact_url(directory_page, champion), {"message": "Hello"})

    assert response.status_code == 302
    (email,) = mail.outbox
    assert "\n" not in email.subject and "\r" not in email.subject
    assert email.subject.startswith("A message from Eve Bcc: everyone@example.org through")
    headers = email.message()
    assert headers["Bcc"] is None and email.bcc == []
    assert headers["To"] == "chris.champion@council.example.org"
    assert ChampionContact.objects.filter(sender=sender).count() == 1
