"""Only superusers grant the superuser flag and staff roles; training managers manage learners' accounts;
trainers do not list people or read their email addresses (issue 9, findings 2 and 3)."""

import pytest
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import STAFF_GROUPS, TRAINERS, TRAINING_MANAGERS
from courses.learning import services
from tests.courses.course_pages import course
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

USERS = "/admin/users/"
NEW_PASSWORD = "another-Strong-passphrase-43"


def new_person(**extra) -> dict:
    person = {
        "email": "new.person@example.org",
        "full_name": "New Person",
        "job_title": "Nurse",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }
    return {**person, **extra}


def edit_data(person: User, **extra) -> dict:
    data = {
        "email": person.email,
        "full_name": person.full_name,
        "job_title": person.job_title,
        "organisation": person.organisation_id or "",
        "district": person.district_id or "",
        "is_active": "on",
    }
    return {**data, **extra}


def test_the_staff_roles_are_the_groups_the_migrations_create():
    assert set(STAFF_GROUPS) <= set(Group.objects.values_list("name", flat=True))


def test_a_manager_posting_a_new_user_with_the_superuser_flag_and_a_staff_role_creates_a_learner(
    client, training_manager
):
    client.force_login(training_manager)
    managers = Group.objects.get(name=TRAINING_MANAGERS)
    response = client.post(f"{USERS}new/", new_person(is_superuser="on", groups=[managers.pk]))
    assert response.status_code == 302, response.content.decode()[:2000]
    person = User.objects.get(email="new.person@example.org")
    assert not person.is_superuser
    assert not person.groups.exists()


def test_a_managers_user_forms_offer_neither_the_superuser_flag_nor_roles(client, training_manager):
    learner = UserFactory()
    client.force_login(training_manager)
    for url in (f"{USERS}new/", f"{USERS}edit/{learner.pk}/"):
        html = client.get(url).content.decode()
        assert 'name="full_name"' in html
        assert 'name="is_superuser"' not in html
        assert 'name="groups"' not in html


def test_a_manager_editing_a_learner_cannot_give_them_a_role_or_the_superuser_flag(client, training_manager):
    learner = UserFactory(full_name="Old Name")
    client.force_login(training_manager)
    managers = Group.objects.get(name=TRAINING_MANAGERS)
    response = client.post(
        f"{USERS}edit/{learner.pk}/", edit_data(learner, full_name="New Name", is_superuser="on", groups=[managers.pk])
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    learner.refresh_from_db()
    assert learner.full_name == "New Name"
    assert not learner.is_superuser
    assert not learner.groups.exists()


@pytest.mark.parametrize("staff", ["superuser", TRAINING_MANAGERS, TRAINERS])
def test_a_manager_cannot_open_edit_or_delete_a_staff_members_account(client, training_manager, staff):
    other = UserFactory(is_superuser=True) if staff == "superuser" else UserFactory(groups=[staff])
    original_email = other.email
    client.force_login(training_manager)
    assert client.get(f"{USERS}edit/{other.pk}/").status_code == 404
    response = client.post(
        f"{USERS}edit/{other.pk}/",
        edit_data(other, email="taken.over@example.org", password1=NEW_PASSWORD, password2=NEW_PASSWORD),
    )
    assert response.status_code == 404
    assert client.post(f"{USERS}delete/{other.pk}/").status_code == 404
    for view in ("history", "history-results", "usage"):
        assert client.get(f"{USERS}{view}/{other.pk}/").status_code == 404, view
    # Copying an account would copy its roles: Wagtail's copy view asks the permission policy.
    response = client.get(f"{USERS}copy/{other.pk}/")
    assert response.status_code in (302, 403, 404) and 'name="email"' not in response.content.decode()
    other.refresh_from_db()
    assert other.email == original_email
    assert other.check_password(DEFAULT_PASSWORD)
    assert not other.check_password(NEW_PASSWORD)


def test_a_manager_cannot_edit_their_own_roles_through_the_users_screen(client, training_manager):
    client.force_login(training_manager)
    response = client.post(f"{USERS}edit/{training_manager.pk}/", edit_data(training_manager, is_superuser="on"))
    assert response.status_code == 404
    training_manager.refresh_from_db()
    assert not training_manager.is_superuser


def test_the_users_list_shows_a_manager_learners_only(client, training_manager):
    UserFactory(full_name="Listed Learner", email="listed.learner@example.org")
    UserFactory(full_name="Hidden Trainer", email="hidden.trainer@example.org", groups=[TRAINERS])
    UserFactory(full_name="Hidden Admin", email="hidden.admin@example.org", is_superuser=True)
    client.force_login(training_manager)
    html = client.get(USERS).content.decode()
    assert "listed.learner@example.org" in html
    assert "hidden.trainer@example.org" not in html
    assert "hidden.admin@example.org" not in html


def test_a_manager_cannot_bulk_assign_a_role_or_deactivate_a_superuser(client, training_manager):
    learner = UserFactory()
    admin = UserFactory(is_superuser=True)
    managers = Group.objects.get(name=TRAINING_MANAGERS)
    client.force_login(training_manager)
    # Wagtail's admin turns the refusal into its "no permission" redirect to the dashboard.
    response = client.post(f"/admin/bulk/accounts/user/assign_role/?id={learner.pk}", {"role": managers.pk})
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert not learner.groups.exists()
    response = client.post(f"/admin/bulk/accounts/user/set_active_state/?id={admin.pk}", {"mark_as_active": "False"})
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    admin.refresh_from_db()
    assert admin.is_active


def test_a_manager_may_still_deactivate_a_learner_in_bulk(client, training_manager):
    learner = UserFactory()
    client.force_login(training_manager)
    response = client.post(f"/admin/bulk/accounts/user/set_active_state/?id={learner.pk}", {"mark_as_active": "False"})
    assert response.status_code == 302
    learner.refresh_from_db()
    assert not learner.is_active


def test_a_superuser_grants_the_superuser_flag_and_a_staff_role(client):
    admin = UserFactory(is_superuser=True)
    learner = UserFactory()
    trainers = Group.objects.get(name=TRAINERS)
    client.force_login(admin)
    html = client.get(f"{USERS}edit/{learner.pk}/").content.decode()
    assert 'name="is_superuser"' in html
    assert 'name="groups"' in html
    response = client.post(f"{USERS}edit/{learner.pk}/", edit_data(learner, is_superuser="on", groups=[trainers.pk]))
    assert response.status_code == 302, response.content.decode()[:2000]
    learner.refresh_from_db()
    assert learner.is_superuser
    assert list(learner.groups.values_list("name", flat=True)) == [TRAINERS]
    response = client.post(f"{USERS}new/", new_person(groups=[trainers.pk]))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.get(email="new.person@example.org").groups.filter(name=TRAINERS).exists()


def test_a_superuser_reads_an_accounts_history(client):
    admin = UserFactory(is_superuser=True)
    client.force_login(admin)
    assert client.get(f"{USERS}history/{UserFactory(groups=[TRAINERS]).pk}/").status_code == 200


def test_a_superuser_edits_another_superusers_email(client):
    admin = UserFactory(is_superuser=True)
    other = UserFactory(is_superuser=True)
    client.force_login(admin)
    response = client.post(f"{USERS}edit/{other.pk}/", edit_data(other, email="moved@example.org", is_superuser="on"))
    assert response.status_code == 302, response.content.decode()[:2000]
    other.refresh_from_db()
    assert other.email == "moved@example.org"


def test_a_trainer_cannot_open_the_users_list_or_a_persons_account(client):
    trainer = UserFactory(groups=[TRAINERS])
    learner = UserFactory(email="private.learner@example.org")
    client.force_login(trainer)
    for url in (USERS, f"{USERS}edit/{learner.pk}/", f"{USERS}history/{learner.pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert "private.learner@example.org" not in response.content.decode()
    assert "private.learner@example.org" not in client.get("/admin/", follow=True).content.decode()


def test_a_trainer_sees_enrolled_learners_names_and_organisations_but_not_their_emails(client):
    trainer = UserFactory(groups=[TRAINERS])
    learner = UserFactory(full_name="Enrolled Learner", email="enrolled.learner@example.org")
    stalking = course("stalking-and-harassment", "Stalking and harassment")
    services.enrol(learner, stalking)
    client.force_login(trainer)
    url = f"/admin/learning/courses/{stalking.pk}/enrolments/"
    html = client.get(url).content.decode()
    assert "Enrolled Learner" in html
    assert learner.organisation.name in html
    assert "enrolled.learner@example.org" not in html
    # Nor can a trainer test an address by searching for it.
    assert "Enrolled Learner" not in client.get(url, {"q": "enrolled.learner@"}).content.decode()
    assert "Enrolled Learner" in client.get(url, {"q": "Enrolled"}).content.decode()


def test_a_manager_still_sees_enrolled_learners_emails(client, training_manager):
    learner = UserFactory(full_name="Enrolled Learner", email="enrolled.learner@example.org")
    stalking = course("stalking-and-harassment", "Stalking and harassment")
    services.enrol(learner, stalking)
    client.force_login(training_manager)
    html = client.get(f"/admin/learning/courses/{stalking.pk}/enrolments/").content.decode()
    assert "enrolled.learner@example.org" in html
