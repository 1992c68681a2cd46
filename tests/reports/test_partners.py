"""Partner leads on the site: the partnership's suppressed figures, their own organisation's, staff, tokens."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from reports import services
from reports.models import PartnerApiToken
from tests.factories import OrganisationFactory, UserFactory, district
from tests.reports.conftest import D, certificate, complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Fenland Police Station")


@pytest.fixture
def partner_lead(organisation):
    return UserFactory(groups=["Partner leads"], organisation=organisation, job_title="Safeguarding lead")


@pytest.fixture
def signed_in(client, partner_lead):
    client.force_login(partner_lead)
    return client


def test_professionals_and_anonymous_people_cannot_see_partner_figures(client, professional):
    assert client.get("/partners/").status_code == 302  # to sign in
    client.force_login(professional)
    assert client.get("/partners/").status_code == 403
    assert client.get("/partners/api-tokens/").status_code == 403


def test_the_partnership_figures_are_suppressed_and_the_own_organisations_are_not(
    signed_in, organisation, courses, person
):
    for _ in range(3):
        complete(person(organisation=organisation, district=district("fenland")), courses["awareness"], D(2025, 5, 1))
    for _ in range(9):
        complete(person(district=district("peterborough")), courses["awareness"], D(2025, 5, 1))
    response = signed_in.get("/partners/?period=2025-26-Q1")
    assert response.status_code == 200
    by_district = response.context["by_district"]
    fenland = next(row for row in by_district["rows"] if row["key"] == "fenland")
    assert fenland["cells"][0]["text"] == "<5"
    own = response.context["own"]
    assert own["measures"][0]["text"] == "3"  # the partner lead's own staff, not suppressed
    text = response.content.decode()
    assert "Provisional" in text
    assert "Fenland Police Station" in text


def test_an_unknown_period_on_the_figures_page_shows_the_default_with_an_error(signed_in):
    response = signed_in.get("/partners/?period=1999-00-Q9")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_the_staff_list_shows_completions_and_certificates_due_for_renewal(signed_in, organisation, courses, person):
    today = timezone.localdate()
    someone = person(organisation=organisation, full_name="Alex Example")
    certificate(
        complete(someone, courses["awareness"], today - datetime.timedelta(days=1000)),
        today + datetime.timedelta(days=30),
    )
    certificate(
        complete(someone, courses["specialist"], today - datetime.timedelta(days=10)),
        today + datetime.timedelta(days=900),
    )
    person(full_name="Somebody Elsewhere")  # another organisation
    response = signed_in.get(f"/partners/staff/{organisation.pk}/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Alex Example" in text and "Somebody Elsewhere" not in text
    (row,) = [due for person_, due in response.context["people"] if person_ == someone]
    assert [c.completion.course.title for c in row] == ["Domestic abuse awareness"]


def test_the_renewal_window_setting_moves_renewal_due_on_the_staff_list(
    signed_in, organisation, courses, person, settings
):
    today = timezone.localdate()
    someone = person(organisation=organisation, full_name="Alex Example")
    expiring = certificate(
        complete(someone, courses["awareness"], today - datetime.timedelta(days=300)),
        today + datetime.timedelta(days=75),
    )
    for window, due in ((60, False), (75, True), (90, True), (74, False)):
        settings.CERTIFICATE_RENEWAL_WINDOW_DAYS = window
        response = signed_in.get(f"/partners/staff/{organisation.pk}/")
        (row,) = [due_ for person_, due_ in response.context["people"] if person_ == someone]
        assert row == ([expiring] if due else []), window
        assert f"when they expire within {window} days" in response.content.decode(), window
        download = b"".join(signed_in.get(f"/partners/staff/{organisation.pk}/download.csv").streaming_content)
        assert download.decode().strip().splitlines()[1].endswith(",yes" if due else ","), window


def test_the_staff_list_counts_people_as_it_marks_them(signed_in, organisation, partner_lead, person):
    # Issue 10, defect 5: "25 people with an account" over rows that mostly said "account not in use".
    from accounts.services import UnclaimedPerson, create_unclaimed_accounts

    person(organisation=organisation, full_name="Sam Signed-In", job_title="Sergeant", district=district("fenland"))
    create_unclaimed_accounts(
        [
            UnclaimedPerson(
                email=f"imported{n}@example.org",
                full_name=name,
                organisation_id=organisation.pk,
                district_id=district("south-cambridgeshire").pk,
            )
            for n, name in enumerate(["Amira Ahmed", "Ben Imported"])
        ]
    )
    closed = person(organisation=organisation, full_name="Cleo Left", job_title="Constable", district=None)
    closed.last_login = timezone.now()
    closed.is_active = False
    closed.save()

    response = signed_in.get(f"/partners/staff/{organisation.pk}/")
    html = response.content.decode()
    assert "Fenland Police Station: 5 people with training on record." in html  # the lead, Sam, 2 imported, Cleo
    assert "<li>2 use their accounts</li>" in html
    assert "<li>2 have not signed in yet: their training history was imported" in html
    assert "<li>1 account has been closed</li>" in html
    row = html.split("Amira Ahmed")[1].split("</th>")[0]
    assert '<strong class="tag tag--grey">not signed in yet</strong>' in row
    assert '<span class="hint">South Cambridgeshire</span>' in row  # no stray comma without a job title
    assert ", South" not in row and "account not in use" not in html
    assert '<span class="hint">Sergeant, Fenland</span>' in html
    cleo = html.split("Cleo Left")[1].split("</th>")[0]
    assert '<strong class="tag tag--grey">account closed</strong>' in cleo
    assert '<span class="hint">Constable</span>' in cleo
    sam = html.split("Sam Signed-In")[1].split("</th>")[0]
    assert "tag" not in sam


def test_another_organisations_staff_list_is_not_found(signed_in):
    other = OrganisationFactory()
    assert signed_in.get(f"/partners/staff/{other.pk}/").status_code == 404
    assert signed_in.get(f"/partners/staff/{other.pk}/download.csv").status_code == 404
    assert not ModelLogEntry.objects.filter(action=services.STAFF_LIST_DOWNLOAD).exists()


def test_the_staff_list_takes_the_same_queries_however_many_staff(
    signed_in, organisation, courses, person, django_assert_num_queries
):
    def load():
        return signed_in.get(f"/partners/staff/{organisation.pk}/")

    complete(person(organisation=organisation), courses["awareness"], D(2025, 5, 1))
    load()  # warm the session and permission caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert load().status_code == 200
    for _ in range(8):
        someone = person(organisation=organisation)
        certificate(complete(someone, courses["awareness"], D(2025, 5, 2)), D(2028, 5, 2))
        complete(someone, courses["specialist"], D(2025, 5, 3))
    with django_assert_num_queries(len(few.captured_queries)):
        assert load().status_code == 200


def test_downloading_the_staff_list_is_recorded_in_the_audit_trail(
    signed_in, organisation, partner_lead, courses, person
):
    complete(
        person(organisation=organisation, full_name='=HYPERLINK("http://evil")'), courses["awareness"], D(2025, 5, 1)
    )
    response = signed_in.get(f"/partners/staff/{organisation.pk}/download.csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in body  # written as text, never as a formula
    entry = ModelLogEntry.objects.get(action=services.STAFF_LIST_DOWNLOAD)
    assert entry.user_id == partner_lead.pk
    assert entry.object_id == str(organisation.pk)


def test_a_partner_lead_creates_a_token_sees_it_once_and_revokes_it(signed_in, partner_lead):
    response = signed_in.post("/partners/api-tokens/", {"name": "Police dashboard"})
    # Post, then redirect (issue 10, defect 4): reloading the page after creating a token made a second one.
    assert response.status_code == 302 and response.url == "/partners/api-tokens/"
    shown = signed_in.get(response.url)
    secret = shown.context["new_secret"]
    assert secret.startswith("dasv_")
    html = shown.content.decode()
    assert f'value="{secret}" size="{len(secret)}" readonly' in html  # wide enough for all of it
    assert "data-copy-source" in html and "js/copy-button.js" in html
    assert "no-store" in shown["Cache-Control"] or "max-age=0" in shown["Cache-Control"]
    # A reload shows it no more, and creates nothing.
    again = signed_in.get("/partners/api-tokens/")
    assert secret not in again.content.decode()
    assert again.context["new_secret"] is None
    token = PartnerApiToken.objects.get(user=partner_lead)
    assert f"dasv_{token.prefix}" in again.content.decode()
    assert secret not in str(dict(signed_in.session))  # nor is it kept in the session

    response = signed_in.post(f"/partners/api-tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert ModelLogEntry.objects.filter(action=services.TOKEN_REVOKE, object_id=str(token.pk)).exists()


def test_reloading_after_creating_a_token_creates_no_second_one(signed_in, partner_lead):
    response = signed_in.post("/partners/api-tokens/", {"name": "Police dashboard"}, follow=True)
    assert response.redirect_chain == [("/partners/api-tokens/", 302)]
    for _reload in range(2):
        signed_in.get("/partners/api-tokens/")
    assert PartnerApiToken.objects.filter(user=partner_lead).count() == 1


def test_a_token_needs_a_name(signed_in, partner_lead):
    response = signed_in.post("/partners/api-tokens/", {"name": ""})
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    assert not PartnerApiToken.objects.exists()


def test_nobody_can_revoke_someone_elses_token(signed_in):
    other = UserFactory(groups=["Partner leads"])
    token, _secret = services.create_api_token(other, "Theirs")
    assert signed_in.post(f"/partners/api-tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_header_links_partner_leads_to_their_figures(signed_in, professional, demo_site):
    assert 'href="/partners/">Partner figures' in signed_in.get("/").content.decode()
    signed_in.logout()
    signed_in.force_login(professional)
    assert 'href="/partners/"' not in signed_in.get("/").content.decode()
