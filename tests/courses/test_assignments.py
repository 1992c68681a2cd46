"""Assigned learning: training managers and partner leads assign courses with due dates (issue 14)."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import User
from courses.learning import assignments, services
from courses.models import Assignment, AssignmentReminder
from home.models import BackgroundJob
from tests.courses.course_pages import course
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

ASSIGN = "/admin/learning/assign/"
LIST = "/admin/learning/assignments/"


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def awareness():
    return course("domestic-abuse-awareness", "Domestic abuse awareness")


class Committing:
    """A test client whose requests run their on-commit work (queueing the job), as they do outside a test."""

    def __init__(self, client, capture):
        self.client, self.capture = client, capture

    def get(self, *args, **kwargs):
        return self.client.get(*args, **kwargs)

    def post(self, *args, **kwargs):
        with self.capture(execute=True):
            return self.client.post(*args, **kwargs)


@pytest.fixture
def committing(client, django_capture_on_commit_callbacks):
    return Committing(client, django_capture_on_commit_callbacks)


@pytest.fixture
def manager_client(committing, training_manager):
    committing.client.force_login(training_manager)
    return committing


def assign_form(course_page, **fields) -> dict:
    return {"course": course_page.pk, "due_on": in_days(30).isoformat(), "assign_to": "people", **fields}


def test_a_manager_assigns_pasted_addresses_and_a_newcomer_gets_an_account_to_claim_and_an_invitation(
    manager_client, training_manager, awareness
):
    priya = UserFactory(full_name="Priya Shah", email="priya.shah@cpft.nhs.uk")
    response = manager_client.post(
        ASSIGN, assign_form(awareness, emails="priya.shah@cpft.nhs.uk\nNew.Person@Example.org")
    )
    job = BackgroundJob.objects.get()
    assert response.status_code == 302 and response.url == f"/admin/jobs/{job.pk}/"
    assert job.status == BackgroundJob.Status.DONE
    assert "Assigned to 2 people (including 1 invited to sign up)" in job.result["message"]

    newcomer = User.objects.get(email="new.person@example.org")
    assert not newcomer.is_active and not newcomer.has_usable_password()
    assert set(Assignment.objects.values_list("user__email", flat=True)) == {priya.email, newcomer.email}
    assignment = Assignment.objects.get(user=priya)
    assert assignment.due_on == in_days(30)
    assert assignment.assigned_by == training_manager
    assert assignment.source == Assignment.Source.DIRECT

    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {priya.email, newcomer.email}
    assert "Create one with this email address" in by_address[newcomer.email].body
    assert "/accounts/signup/" in by_address[newcomer.email].body
    assert "Create one" not in by_address[priya.email].body
    assert "/courses/domestic-abuse-awareness/" in by_address[priya.email].body

    listing = manager_client.get(LIST).content.decode()
    assert "Priya Shah" in listing and "new.person@example.org" in listing and "(invited)" in listing


def test_assigning_the_same_course_twice_keeps_one_assignment_with_the_earlier_due_date_and_says_so(
    manager_client, awareness
):
    priya = UserFactory(email="priya@example.org")
    manager_client.post(ASSIGN, assign_form(awareness, emails=priya.email, due_on=in_days(40).isoformat()))
    manager_client.post(ASSIGN, assign_form(awareness, emails=priya.email, due_on=in_days(20).isoformat()))
    manager_client.post(ASSIGN, assign_form(awareness, emails=priya.email, due_on=in_days(60).isoformat()))

    assert Assignment.objects.get(user=priya).due_on == in_days(20)
    messages = list(BackgroundJob.objects.order_by("created_at").values_list("result", flat=True))
    assert "1 already had this course assigned" in messages[1]["message"]
    assert "(1 brought forward)" in messages[1]["message"]
    assert "(0 brought forward)" in messages[2]["message"]


def test_a_due_date_in_the_past_is_refused_and_nothing_is_assigned(manager_client, awareness):
    priya = UserFactory()
    response = manager_client.post(ASSIGN, assign_form(awareness, emails=priya.email, due_on=in_days(-1).isoformat()))
    assert response.status_code == 200
    assert "The due date is in the past" in response.content.decode()
    assert not Assignment.objects.exists() and not BackgroundJob.objects.exists()


def test_a_bad_address_list_is_refused_naming_every_bad_line(manager_client, awareness):
    UserFactory(email="left@example.org", is_active=False, last_login=timezone.now())
    upload = SimpleUploadedFile("people.csv", b"email\nnot-an-address\nleft@example.org\n", content_type="text/csv")
    html = manager_client.post(ASSIGN, assign_form(awareness, file=upload)).content.decode()
    assert "Line 2: “not-an-address” is not a valid email address." in html
    assert "Line 3: the account for left@example.org is closed." in html
    assert not Assignment.objects.exists() and not User.objects.filter(email="not-an-address").exists()


def test_a_manager_assigns_a_district_and_a_sector_reaching_everyone_working_there(
    manager_client, training_manager, awareness
):
    from tests.factories import district, sector

    User.objects.filter(pk=training_manager.pk).update(district=district("peterborough"))
    in_fenland = UserFactory(district=district("fenland"))
    UserFactory(district=district("peterborough"))
    manager_client.post(ASSIGN, assign_form(awareness, assign_to="district", district=district("fenland").pk))
    assert list(Assignment.objects.values_list("user", flat=True)) == [in_fenland.pk]
    assert Assignment.objects.get().source == Assignment.Source.DISTRICT

    police = OrganisationFactory(sector=sector("police"))
    officer = UserFactory(organisation=police)
    manager_client.post(ASSIGN, assign_form(awareness, assign_to="sector", sector=sector("police").pk))
    assert Assignment.objects.filter(user=officer, source=Assignment.Source.SECTOR).exists()


def test_choosing_a_district_is_required_to_assign_one(manager_client, awareness):
    html = manager_client.post(ASSIGN, assign_form(awareness, assign_to="district")).content.decode()
    assert "Choose the district." in html
    assert not BackgroundJob.objects.exists()


def test_people_without_the_permission_cannot_assign_in_the_admin(committing, awareness):
    client = committing
    trainer = UserFactory(groups=["Trainers"])
    client.client.force_login(trainer)
    assert client.get(ASSIGN).status_code == 302  # Wagtail's "no permission"
    client.post(ASSIGN, assign_form(awareness, emails=trainer.email))
    assert not Assignment.objects.exists()


# --- Partner leads -------------------------------------------------------------------------------------------


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Fenland District Council")


@pytest.fixture
def partner_lead(organisation):
    return UserFactory(groups=["Partner leads"], organisation=organisation)


def test_a_partner_lead_assigns_a_course_to_everyone_at_their_organisation(
    committing, partner_lead, organisation, awareness
):
    client = committing
    staff = [UserFactory(organisation=organisation) for _ in range(3)]
    elsewhere = UserFactory()
    client.client.force_login(partner_lead)
    response = client.post(
        f"/learning/assign/{organisation.pk}/",
        {"course": awareness.pk, "due_on": in_days(14).isoformat(), "assign_to": "organisation"},
    )
    assert response.status_code == 302 and response.url == f"/partners/staff/{organisation.pk}/"
    job = BackgroundJob.objects.get()
    assert "Assigned to 4 people" in job.result["message"]  # the lead is on the staff too
    assigned = set(Assignment.objects.values_list("user", flat=True))
    assert assigned == {person.pk for person in staff} | {partner_lead.pk}
    assert elsewhere.pk not in assigned


def test_a_partner_lead_cannot_assign_to_another_organisation_or_to_addresses_outside_their_own(
    client, partner_lead, organisation, awareness
):
    other = OrganisationFactory()
    outsider = UserFactory(organisation=other, email="someone@other.example.org")
    client.force_login(partner_lead)
    form = {"course": awareness.pk, "due_on": in_days(14).isoformat(), "assign_to": "organisation"}
    assert client.get(f"/learning/assign/{other.pk}/").status_code == 404
    assert client.post(f"/learning/assign/{other.pk}/", form).status_code == 404

    response = client.post(
        f"/learning/assign/{organisation.pk}/", {**form, "assign_to": "people", "emails": outsider.email}
    )
    assert response.status_code == 400
    assert f"{outsider.email} is not on {organisation.name}" in response.content.decode()
    assert not Assignment.objects.exists()


def test_learners_cannot_use_the_partner_leads_assign_page(client, organisation, awareness):
    learner = UserFactory(organisation=organisation)
    client.force_login(learner)
    assert client.get(f"/learning/assign/{organisation.pk}/").status_code == 403


def test_the_staff_list_shows_assigned_due_overdue_and_done_per_person(client, partner_lead, organisation, awareness):
    person = UserFactory(organisation=organisation, full_name="Aisha Khan")
    other_course = course("stalking", "Stalking")
    assignments.assign(awareness, user_ids=[person.pk], due_on=in_days(5), by=partner_lead)
    assignments.assign(other_course, user_ids=[person.pk], due_on=in_days(1), by=partner_lead)
    Assignment.objects.filter(course=other_course).update(due_on=in_days(-3))  # now overdue
    services.record_completion(person, awareness)
    client.force_login(partner_lead)
    html = client.get(f"/partners/staff/{organisation.pk}/").content.decode()
    row = html[html.index("Aisha Khan") :]
    row = row[: row.index("</tr>")]
    assert "<td>2</td>" in row  # assigned
    assert "<td>0</td>" in row  # due (not overdue)
    assert '<strong class="tag tag--red">1</strong>' in row  # overdue
    assert "1 (1 on time)" in row  # done
    assert f'href="/learning/assign/{organisation.pk}/"' in html


# --- Completion and reminders -------------------------------------------------------------------------------


def test_a_completion_satisfies_the_open_assignment_on_time_or_late(awareness):
    person = UserFactory()
    assignments.assign(awareness, user_ids=[person.pk], due_on=in_days(0), by=None)
    completion = services.record_completion(person, awareness, completed_at=timezone.now())
    assignment = Assignment.objects.get()
    assert assignment.satisfied_by == completion and assignment.done_on_time
    # A new assignment of the same course can be made once the first is met.
    assignments.assign(awareness, user_ids=[person.pk], due_on=in_days(3), by=None)
    assert Assignment.objects.filter(satisfied_by__isnull=True).count() == 1


@pytest.mark.parametrize(
    ("days_after_due", "kind"),
    [(-15, None), (-14, "before"), (-1, "before"), (0, "due"), (6, "due"), (7, "overdue_1"), (14, "overdue_2")]
    + [(21, "overdue_3"), (90, "overdue_3")],
)
def test_which_reminder_is_owed(days_after_due, kind):
    due = datetime.date(2026, 3, 1)
    assert assignments.reminder_kind(due, due + datetime.timedelta(days=days_after_due)) == kind


def test_reminders_are_sent_14_days_before_on_the_day_then_weekly_three_times_each_exactly_once(awareness):
    person = UserFactory(email="learner@example.org")
    due = in_days(20)
    assignments.assign(awareness, user_ids=[person.pk], due_on=due, by=None)
    mail.outbox.clear()
    sent_on = {}
    for offset in range(-20, 60):
        day = due + datetime.timedelta(days=offset)
        for _ in range(2):  # the task run twice in a night sends nothing more
            if assignments.send_reminders(day):
                sent_on[offset] = mail.outbox[-1].subject
    assert list(sent_on) == [-14, 0, 7, 14, 21]
    assert sent_on[0].startswith("Due today:") and sent_on[21].startswith("Overdue:")
    assert "last reminder" in mail.outbox[-1].body
    assert len(mail.outbox) == 5
    assert AssignmentReminder.objects.count() == 5


def test_a_done_assignment_and_an_unclaimed_account_get_no_reminders(awareness):
    done, invited = UserFactory(), UserFactory(is_active=False)
    assignments.assign(awareness, user_ids=[done.pk, invited.pk], due_on=in_days(1), by=None)
    services.record_completion(done, awareness)
    mail.outbox.clear()
    assert assignments.send_reminders(in_days(1)) == 0 and mail.outbox == []


def test_the_reminder_task_is_on_the_beat_schedule(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "courses.tasks.send_assignment_reminders" in tasks


def test_a_recurring_assignment_is_made_again_when_its_certificate_comes_up_for_renewal_once(awareness, settings):
    from courses.certificates.renewals import renew_recurring_assignments
    from tests.reports.conftest import certificate

    settings.CERTIFICATE_RENEWAL_WINDOW_DAYS = 60
    person, manager = UserFactory(), UserFactory(full_name="Sam Manager")
    assignments.assign(awareness, user_ids=[person.pk], due_on=in_days(0), by=manager, recurs_on_renewal=True)
    completion = services.record_completion(person, awareness)
    expires = in_days(45)
    certificate(completion, expires)
    assert renew_recurring_assignments(in_days(-30)) == 0  # expires in 75 days: not due yet
    assert renew_recurring_assignments() == 1
    renewal = Assignment.objects.get(satisfied_by__isnull=True)
    assert renewal.due_on == expires and renewal.source == Assignment.Source.RENEWAL
    assert renewal.recurs_on_renewal and renewal.assigned_by == manager
    assert renew_recurring_assignments() == 0  # once
