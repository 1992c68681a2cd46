"""A name is one line: every form that sets a name refuses CR/LF, tabs, NUL and other control characters.

A name goes into email subjects (the champion contact relay) and onto certificates; a line break in one
made the relay raise ``BadHeaderError``.
"""

import pytest

from accounts.models import District, User
from tests.factories import DEFAULT_PASSWORD, IncompleteUserFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

HOSTILE_NAMES = ["Eve\r\nBcc: everyone@example.org", "Eve\nAttacker", "Eve\tTab", "Eve\x00Nul", "Eve\x1b[31mRed"]
MESSAGE = "Remove the line breaks, tabs or other control characters"


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_sign_up_refuses_a_name_with_control_characters_and_creates_no_account(client, name):
    response = client.post(
        "/accounts/signup/",
        {"email": "eve@example.org", "full_name": name, "password1": DEFAULT_PASSWORD, "password2": DEFAULT_PASSWORD},
    )
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert not User.objects.filter(email="eve@example.org").exists()


@pytest.mark.parametrize("field", ["full_name", "job_title"])
def test_the_profile_refuses_a_name_or_job_title_on_two_lines_and_saves_nothing(client, field):
    user = IncompleteUserFactory(full_name="Jo Bloggs")
    client.force_login(user)
    data = {
        "full_name": "Jo Bloggs",
        "job_title": "Housing officer",
        "organisation": OrganisationFactory().pk,
        "district": District.objects.get(slug="fenland").pk,
    }
    data[field] = data[field].replace(" ", "\r\n")
    response = client.post("/accounts/profile/", data)
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    user.refresh_from_db()
    assert user.full_name == "Jo Bloggs"
    assert user.job_title == ""


def test_the_admin_user_forms_refuse_a_name_on_two_lines(client):
    admin = UserFactory(is_superuser=True)
    person = UserFactory(full_name="Old Name")
    client.force_login(admin)
    data = {
        "email": person.email,
        "full_name": "New\r\nName",
        "job_title": "Detective sergeant",
        "organisation": person.organisation_id,
        "district": person.district_id,
        "is_active": "on",
    }
    response = client.post(f"/admin/users/edit/{person.pk}/", data)
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    person.refresh_from_db()
    assert person.full_name == "Old Name"

    data.update(email="new.person@example.org", password1=DEFAULT_PASSWORD, password2=DEFAULT_PASSWORD)
    response = client.post("/admin/users/new/", data)
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert not User.objects.filter(email="new.person@example.org").exists()


def test_a_name_with_ordinary_punctuation_and_accents_is_accepted(client):
    user = IncompleteUserFactory()
    client.force_login(user)
    response = client.post(
        "/accounts/profile/",
        {
            "full_name": "Siobhán O'Neill-Ndlovu",
            "job_title": "IDVA (high-risk)",
            "organisation": OrganisationFactory().pk,
            "district": District.objects.get(slug="fenland").pk,
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.full_name == "Siobhán O'Neill-Ndlovu"
