import pytest
from django.urls import reverse

from accounts.models import District, Organisation
from tests.factories import IncompleteUserFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

PROFILE = "/accounts/profile/"


def test_profile_page_needs_sign_in(client):
    response = client.get(PROFILE)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_completing_the_profile(client):
    user = IncompleteUserFactory()
    organisation = OrganisationFactory(name="Fenland District Council")
    client.force_login(user)
    page = client.get(PROFILE).content.decode()
    assert "Complete your profile" in page
    assert "Fenland District Council" in page
    response = client.post(
        PROFILE,
        {
            "full_name": "  Jo Bloggs ",
            "job_title": "Housing officer",
            "organisation": organisation.pk,
            "district": District.objects.get(slug="fenland").pk,
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.profile_is_complete
    assert user.full_name == "Jo Bloggs"
    assert user.organisation == organisation


def test_profile_returns_to_next_after_completion(client):
    user = IncompleteUserFactory()
    client.force_login(user)
    response = client.post(
        PROFILE,
        {
            "full_name": "Jo",
            "job_title": "Nurse",
            "organisation": OrganisationFactory().pk,
            "district": District.objects.get(slug="countywide").pk,
            "next": "/get-help-now/",
        },
    )
    assert response.url == "/get-help-now/"


def test_profile_never_redirects_off_site(client):
    user = IncompleteUserFactory()
    client.force_login(user)
    response = client.post(
        PROFILE,
        {
            "full_name": "Jo",
            "job_title": "Nurse",
            "organisation": OrganisationFactory().pk,
            "district": District.objects.get(slug="countywide").pk,
            "next": "https://evil.example/",
        },
    )
    assert response.url == "/"


@pytest.mark.parametrize("missing", ["organisation", "district", "job_title", "full_name"])
def test_profile_without_a_required_field_is_refused_and_nothing_is_saved(client, missing):
    user = IncompleteUserFactory(full_name="Original Name")
    client.force_login(user)
    data = {
        "full_name": "New Name",
        "job_title": "Nurse",
        "organisation": OrganisationFactory().pk,
        "district": District.objects.get(slug="fenland").pk,
    }
    data[missing] = ""
    response = client.post(PROFILE, data)
    assert response.status_code == 200
    assert missing in response.context["form"].errors
    assert f'id="id_{missing}_error"' in response.content.decode()
    user.refresh_from_db()
    assert user.full_name == "Original Name"
    assert not user.profile_is_complete


def test_an_organisation_that_does_not_exist_is_refused(client):
    user = IncompleteUserFactory()
    client.force_login(user)
    response = client.post(
        PROFILE,
        {"full_name": "Jo", "job_title": "Nurse", "organisation": 999999, "district": "abc"},
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"organisation", "district"}


def test_organisations_are_grouped_by_sector_in_the_picker(client):
    user = IncompleteUserFactory()
    OrganisationFactory(name="Zeta Police Force")
    client.force_login(user)
    html = client.get(PROFILE).content.decode()
    assert '<optgroup label="Police">' in html
    assert Organisation.objects.count() >= 1


def test_incomplete_profile_banner_is_shown_on_other_pages(client, demo_site):
    client.force_login(IncompleteUserFactory())
    html = client.get("/").content.decode()
    assert "Your profile is not complete" in html
