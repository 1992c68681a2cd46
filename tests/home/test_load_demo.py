import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.core.management import call_command

from accounts.models import Organisation, OrganisationDomain, User
from home.email_backends import one_line_per_email

pytestmark = pytest.mark.django_db


def run_load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_load_demo_creates_the_site_organisations_and_one_user_per_role():
    output = run_load_demo()
    assert "Demo content loaded" in output
    assert Organisation.objects.count() >= 25
    assert OrganisationDomain.objects.count() >= 20
    assert Organisation.objects.values("sector__group").distinct().count() >= 8
    for role in ["learner", "champion", "trainer", "manager", "partner"]:
        email = f"{role}@demo.dasv-learning.example"
        assert email in output
        user = User.objects.get(email=email)
        assert user.profile_is_complete
    assert "demo-Learning-2026" in output
    assert User.objects.get(email="manager@demo.dasv-learning.example").groups.filter(name="Training managers").exists()
    assert Group.objects.get(name="Partner leads").user_set.filter(email="partner@demo.dasv-learning.example")


def test_load_demo_is_idempotent():
    run_load_demo()
    counts = (User.objects.count(), Organisation.objects.count())
    output = run_load_demo()
    assert "Demo content already loaded: nothing changed." in output
    assert (User.objects.count(), Organisation.objects.count()) == counts


def test_demo_users_can_sign_in(client):
    run_load_demo()
    response = client.post(
        "/accounts/login/", {"login": "learner@demo.dasv-learning.example", "password": "demo-Learning-2026"}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


# Transactional: the certificates' tasks and their emails run when load_demo's transaction commits, as they do
# from a terminal (in an ordinary test the transaction never commits). The reference data is restored after.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_load_demo_prints_one_line_per_email_sends_none_and_its_counts_say_what_they_count(mailoutbox):
    from champions.models import NetworkAttendance, NetworkEvent
    from courses.models import Enrolment, Evaluation

    output = run_load_demo()
    lines = output.splitlines()

    assert (
        "  email to learner@demo.dasv-learning.example: Your certificate for Domestic abuse awareness is ready" in lines
    )
    emails = [line for line in lines if line.startswith("  email to ")]
    assert len([line for line in emails if ": Your certificate for " in line]) == 4  # the demo people's 4 certificates
    assert len(emails) == 8  # and 4 about their demo session bookings (booked, waitlisted, requested)
    assert not any(text in output for text in ("Content-Type", "Message-ID", "Dear ", "celery.app.trace"))
    assert mailoutbox == []  # printed, not sent

    events, attendances = map(int, re.search(r"created (\d+) network events and (\d+) attendances", output).groups())
    assert (events, attendances) == (NetworkEvent.objects.count(), NetworkAttendance.objects.count())
    champions = int(re.search(r"created (\d+) demo champions and applicants", output).group(1))
    assert champions == User.objects.filter(email__endswith="@champions.demo.dasv-learning.example").count()
    enrolments = int(re.search(r"learning: (\d+) enrolments", output).group(1))
    assert (
        enrolments
        == Enrolment.objects.filter(
            user__email__in=[f"{r}@demo.dasv-learning.example" for r in ("learner", "champion")]
        ).count()
    )
    in_progress, withdrawn, evaluations = map(
        int, re.search(r"(\d+) courses in progress, (\d+) withdrawn and (\d+) evaluations", output).groups()
    )
    assert withdrawn == Enrolment.objects.filter(status=Enrolment.Status.WITHDRAWN).count()
    assert evaluations == Evaluation.objects.count()
    history = Enrolment.objects.filter(user__email__startswith="history-", status=Enrolment.Status.ACTIVE)
    assert in_progress == history.count()

    again = run_load_demo()
    assert again.strip() == "Demo content already loaded: nothing changed."


def test_inside_one_line_per_email_a_message_is_a_line_and_outside_it_is_sent_as_configured(mailoutbox):
    stream = io.StringIO()
    with one_line_per_email(stream):
        send_mail("Your certificate is ready", "Dear Priya", None, ["priya@example.org", "copy@example.org"])
    assert stream.getvalue() == "  email to priya@example.org, copy@example.org: Your certificate is ready\n"
    assert mailoutbox == []

    send_mail("Sent for real", "Body", None, ["priya@example.org"])
    assert [message.subject for message in mailoutbox] == ["Sent for real"]
