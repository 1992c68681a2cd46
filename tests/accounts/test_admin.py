"""Training managers keep organisations in the Wagtail admin; administrators edit people."""

import pytest

from accounts.models import District, Organisation, OrganisationDomain, User
from tests.factories import OrganisationFactory, UserFactory, sector

pytestmark = pytest.mark.django_db

ORGANISATIONS = "/admin/snippets/accounts/organisation/"


def test_training_manager_can_search_and_filter_organisations(client, training_manager):
    OrganisationFactory(name="Fenland Women's Aid", sector=sector("specialist-dasv"))
    OrganisationFactory(name="Peterborough Police Station", sector=sector("police"))
    client.force_login(training_manager)
    html = client.get(ORGANISATIONS, {"q": "Fenland"}).content.decode()
    assert "Fenland Women&#x27;s Aid" in html or "Fenland Women's Aid" in html
    assert "Peterborough Police Station" not in html
    html = client.get(ORGANISATIONS, {"sector": sector("police").pk}).content.decode()
    assert "Peterborough Police Station" in html
    assert "Fenland Women" not in html


def test_training_manager_adds_an_organisation_with_email_domains(client, training_manager):
    client.force_login(training_manager)
    fenland = District.objects.get(slug="fenland")
    response = client.post(
        ORGANISATIONS + "add/",
        {
            "name": "Fenland Foodbank",
            "sector": sector("voluntary-community").pk,
            "districts_served": [fenland.pk],
            "is_partner": "on",
            "email_domains-TOTAL_FORMS": "1",
            "email_domains-INITIAL_FORMS": "0",
            "email_domains-MIN_NUM_FORMS": "0",
            "email_domains-MAX_NUM_FORMS": "1000",
            "email_domains-0-domain": "@FenlandFoodbank.org.uk",
            "email_domains-0-id": "",
            "email_domains-0-ORDER": "1",
            "email_domains-0-DELETE": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    organisation = Organisation.objects.get(name="Fenland Foodbank")
    assert list(organisation.districts_served.all()) == [fenland]
    assert OrganisationDomain.objects.get(organisation=organisation).domain == "fenlandfoodbank.org.uk"


def test_a_professional_cannot_open_the_admin(client, professional):
    client.force_login(professional)
    response = client.get(ORGANISATIONS)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")  # the one sign-in, not Wagtail's own


def test_trainer_can_view_but_not_edit_organisations(client):
    trainer = UserFactory(groups=["Trainers"])
    organisation = OrganisationFactory()
    client.force_login(trainer)
    assert client.get(ORGANISATIONS).status_code == 200
    response = client.post(f"{ORGANISATIONS}edit/{organisation.pk}/", {"name": "Renamed"})
    assert response.status_code in (302, 403)
    organisation.refresh_from_db()
    assert organisation.name != "Renamed"


def test_administrator_edits_a_person_with_full_name_and_work_district(client):
    admin = UserFactory(is_superuser=True)
    person = UserFactory(full_name="Old Name")
    client.force_login(admin)
    edit_url = f"/admin/users/edit/{person.pk}/"
    form_html = client.get(edit_url).content.decode()
    assert 'name="full_name"' in form_html
    assert 'name="first_name"' not in form_html
    response = client.post(
        edit_url,
        {
            "email": person.email,
            "full_name": "New Name",
            "job_title": "Detective sergeant",
            "organisation": person.organisation_id,
            "district": District.objects.get(slug="peterborough").pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    person.refresh_from_db()
    assert person.full_name == "New Name"
    assert person.district.slug == "peterborough"
    assert User.objects.count() == 2
