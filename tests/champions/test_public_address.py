"""Champion emails link to the address the site is served on (SITE_URL), whatever port that is."""

from __future__ import annotations

import pytest
from django.core import mail

from champions import services

pytestmark = pytest.mark.django_db

PUBLIC = "http://127.0.0.1:8101"


def test_the_approval_email_links_to_the_champion_page_on_the_public_address(settings, make_champion):
    settings.SITE_URL = PUBLIC
    mail.outbox.clear()

    make_champion()

    (message,) = mail.outbox
    assert message.subject == "You are now a Domestic Abuse Champion"
    assert f"{PUBLIC}/champions/me/" in message.body
    assert "127.0.0.1:8000" not in message.body and "testserver" not in message.body


def test_the_lapsed_email_links_to_the_training_and_the_champion_page_on_the_public_address(
    settings, make_champion, champion_course
):
    settings.SITE_URL = PUBLIC + "/"  # a trailing slash makes no double slash
    profile = make_champion()
    mail.outbox.clear()

    services.lapse(profile)

    (message,) = mail.outbox
    assert f"- {champion_course.title}: {PUBLIC}{champion_course.url}\n" in message.body
    assert f"{PUBLIC}/champions/me/" in message.body
    assert "//champions" not in message.body and "testserver" not in message.body
