"""The champion directory, driven through the test client as a professional would use it."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import District, Sector
from champions import services
from champions.models import ChampionStatus, Language
from courses.models import Topic
from tests.factories import IncompleteUserFactory, OrganisationFactory, UserFactory, district

pytestmark = pytest.mark.django_db

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A UK phone number as people write it: 10 or 11 digits, optionally with +44, spaces, brackets or dashes.
PHONE_RE = re.compile(r"(?:\+44\s?|\b0)(?:[\s()-]*\d){9,10}\b")


def topic(slug):
    return Topic.objects.get(slug=slug)


def language(slug):
    return Language.objects.get(slug=slug)


@pytest.fixture
def viewer(client):
    user = UserFactory(full_name="Viewing Professional")
    client.force_login(user)
    return user


def names(response) -> list[str]:
    return [champion.user.full_name for champion in response.context["results"]]


def test_the_directory_needs_sign_in(client, directory_page):
    response = client.get(directory_page.url)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_the_directory_sends_someone_without_a_complete_profile_to_finish_it(client, directory_page):
    client.force_login(IncompleteUserFactory())
    response = client.get(directory_page.url)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/profile/?next=")


def test_the_header_link_leads_to_the_directory(client, directory_page, viewer):
    response = client.get("/champions/directory/")
    assert response.status_code == 302
    assert response.url == directory_page.url


def test_only_active_champions_who_chose_to_be_visible_are_listed(client, directory_page, viewer, make_champion):
    make_champion(UserFactory(full_name="Visible Active"))
    make_champion(UserFactory(full_name="Hidden Active"), visible=False)
    lapsed = make_champion(UserFactory(full_name="Lapsed Champion"))
    services._change_status(lapsed, ChampionStatus.LAPSED, reason="test")
    withdrawn = make_champion(UserFactory(full_name="Withdrawn Champion"))
    services.withdraw(withdrawn, by=withdrawn.user)
    closed = make_champion(UserFactory(full_name="Closed Account"))
    closed.user.is_active = False
    closed.user.save()

    response = client.get(directory_page.url)
    assert response.status_code == 200
    assert names(response) == ["Visible Active"]
    page = response.content.decode()
    for hidden in ("Hidden Active", "Lapsed Champion", "Withdrawn Champion", "Closed Account"):
        assert hidden not in page


@pytest.mark.parametrize("status_change", ["hidden", "lapsed", "withdrawn", "applied"])
def test_a_champion_not_in_the_directory_has_no_page(client, directory_page, viewer, make_champion, status_change):
    champion = make_champion()
    if status_change == "hidden":
        champion.visible_in_directory = False
        champion.save()
    elif status_change == "lapsed":
        services._change_status(champion, ChampionStatus.LAPSED)
    elif status_change == "withdrawn":
        services.withdraw(champion, by=champion.user)
    else:
        services._change_status(champion, ChampionStatus.APPLIED)
    assert client.get(f"{directory_page.url}{champion.pk}/").status_code == 404
    assert client.get(f"{directory_page.url}{champion.pk}/contact/").status_code == 404


def test_an_unknown_champion_id_is_404(client, directory_page, viewer):
    assert client.get(f"{directory_page.url}999999/").status_code == 404


def test_search_finds_champions_by_name_organisation_and_text(client, directory_page, viewer, make_champion):
    make_champion(
        UserFactory(full_name="Aisha Rahman", organisation=OrganisationFactory(name="Fenland Housing Trust")),
        bio="I run staff briefings on coercive control.",
    )
    make_champion(UserFactory(full_name="Ben Carter", organisation=OrganisationFactory(name="Peterborough Schools")))

    assert names(client.get(directory_page.url, {"q": "aisha"})) == ["Aisha Rahman"]
    assert names(client.get(directory_page.url, {"q": "peterborough schools"})) == ["Ben Carter"]
    assert names(client.get(directory_page.url, {"q": "Coercive"})) == ["Aisha Rahman"]
    assert names(client.get(directory_page.url, {"q": "aisha peterborough"})) == []


def test_search_finds_champions_by_their_organisation_s_sector_and_sector_group(
    client, directory_page, viewer, make_champion
):
    constabulary = OrganisationFactory(name="Cambridgeshire Constabulary", sector=Sector.objects.get(slug="police"))
    trust = OrganisationFactory(
        name="Cambridgeshire Community Services", sector=Sector.objects.get(slug="nhs-community")
    )
    board = OrganisationFactory(name="The Care Board", sector=Sector.objects.get(slug="integrated-care-board"))
    make_champion(UserFactory(full_name="Dana Hill", job_title="Detective constable", organisation=constabulary))
    make_champion(UserFactory(full_name="Eve Stone", job_title="Response officer", organisation=constabulary))
    make_champion(UserFactory(full_name="Faye Lamb", job_title="Police sergeant (seconded)", organisation=trust))
    make_champion(UserFactory(full_name="Gus Rowe", job_title="Commissioning lead", organisation=board))

    # "police" finds the Constabulary's champions by their sector, and the seconded sergeant by her job title.
    assert sorted(names(client.get(directory_page.url, {"q": "police"}))) == ["Dana Hill", "Eve Stone", "Faye Lamb"]
    # A sector group finds every sector in it: the community trust and the integrated care board are both NHS.
    assert sorted(names(client.get(directory_page.url, {"q": "NHS"}))) == ["Faye Lamb", "Gus Rowe"]
    assert names(client.get(directory_page.url, {"q": "nhs community"})) == ["Faye Lamb"]
    assert names(client.get(directory_page.url, {"q": "constabulary response"})) == ["Eve Stone"]


def test_a_change_of_organisation_sector_or_sector_name_is_found_by_the_search(
    client, directory_page, viewer, make_champion
):
    organisation = OrganisationFactory(name="Fenland Partnership", sector=Sector.objects.get(slug="education"))
    make_champion(UserFactory(full_name="Hana Moss", organisation=organisation))
    assert names(client.get(directory_page.url, {"q": "education"})) == ["Hana Moss"]

    organisation.sector = Sector.objects.get(slug="fire-rescue")
    organisation.save()
    assert names(client.get(directory_page.url, {"q": "education"})) == []
    assert names(client.get(directory_page.url, {"q": "fire"})) == ["Hana Moss"]

    sector = Sector.objects.get(slug="fire-rescue")
    sector.name = "Fire and rescue service"
    sector.save()
    assert names(client.get(directory_page.url, {"q": "service"})) == ["Hana Moss"]


def test_filters_narrow_by_district_sector_organisation_specialism_and_language(
    client, directory_page, viewer, make_champion
):
    police = OrganisationFactory(name="Cambridgeshire Police", sector=Sector.objects.get(slug="police"))
    school = OrganisationFactory(name="Fenland School", sector=Sector.objects.get(slug="education"))
    make_champion(
        UserFactory(full_name="Fenland Stalking Polish", organisation=police),
        districts=[district("fenland")],
        specialisms=[topic("stalking_harassment")],
        languages=[language("polish")],
    )
    make_champion(
        UserFactory(full_name="Countywide FGM", organisation=school),
        districts=[district("countywide")],
        specialisms=[topic("fgm")],
    )
    make_champion(UserFactory(full_name="Peterborough Only", organisation=school), districts=[district("peterborough")])

    def found(**params):
        return sorted(names(client.get(directory_page.url, params)))

    # Countywide champions cover every district.
    assert found(district="fenland") == ["Countywide FGM", "Fenland Stalking Polish"]
    assert found(district="fenland", specialism="stalking_harassment") == ["Fenland Stalking Polish"]
    assert found(language="polish") == ["Fenland Stalking Polish"]
    assert found(sector="education") == ["Countywide FGM", "Peterborough Only"]
    assert found(organisation=str(police.pk)) == ["Fenland Stalking Polish"]
    assert found(district="peterborough", specialism="fgm") == ["Countywide FGM"]


@pytest.mark.parametrize(
    "params",
    [
        {"district": "atlantis"},
        {"sector": "pirates"},
        {"organisation": "not-a-number"},
        {"organisation": "99999999"},
        {"specialism": "<script>"},
        {"language": "klingon"},
        {"sort": "DROP TABLE"},
        {"page": "last-but-one"},
        {"page": "-3"},
        {"q": "x" * 5000},
        {"q": "'; --"},
        {"q": "%_%"},
    ],
)
def test_unknown_filter_values_never_break_the_directory(client, directory_page, viewer, make_champion, params):
    make_champion(UserFactory(full_name="Still Listed"))
    response = client.get(directory_page.url, params)
    assert response.status_code == 200
    if set(params) & {"district", "sector", "organisation", "specialism", "language"}:
        assert "We ignored the" in response.content.decode()
        assert names(response) == ["Still Listed"]


def test_an_ignored_filter_is_named_and_the_valid_ones_still_apply(client, directory_page, viewer, make_champion):
    make_champion(UserFactory(full_name="Fenland One"), districts=[district("fenland")])
    make_champion(UserFactory(full_name="Peterborough One"), districts=[district("peterborough")])
    response = client.get(directory_page.url, {"district": "fenland", "language": "klingon"})
    assert names(response) == ["Fenland One"]
    assert "We ignored the language filter" in response.content.decode()


def test_the_directory_is_paged(client, directory_page, viewer, make_champion):
    for n in range(23):
        make_champion(UserFactory(full_name=f"Champion {n:02d}"))
    first = client.get(directory_page.url, {"sort": "name"})
    assert len(names(first)) == 20
    assert "Page 1 of 2" in first.content.decode()
    second = client.get(directory_page.url, {"sort": "name", "page": 2})
    assert names(second) == ["Champion 20", "Champion 21", "Champion 22"]
    # Past the end: the last page. Not a number, or below one: the first.
    assert names(client.get(directory_page.url, {"sort": "name", "page": 9})) == names(second)
    assert "Page 2 of 2" in client.get(directory_page.url, {"sort": "name", "page": 9}).content.decode()
    for page in ("0", "-3", "two", ""):
        assert names(client.get(directory_page.url, {"sort": "name", "page": page})) == names(first)


def test_relevance_puts_a_name_match_before_a_bio_match_and_name_sort_is_alphabetical(
    client, directory_page, viewer, make_champion
):
    make_champion(UserFactory(full_name="Alex Morgan"), bio="I work closely with Jordan's team.")
    make_champion(UserFactory(full_name="Zoe Jordan"))
    assert names(client.get(directory_page.url, {"q": "jordan"})) == ["Zoe Jordan", "Alex Morgan"]
    assert names(client.get(directory_page.url, {"q": "jordan", "sort": "name"})) == ["Alex Morgan", "Zoe Jordan"]


def test_a_name_change_is_found_by_the_search(client, directory_page, viewer, make_champion):
    champion = make_champion(UserFactory(full_name="Maiden Name"))
    user = champion.user
    user.full_name = "Married Name"
    user.save()
    assert names(client.get(directory_page.url, {"q": "married"})) == ["Married Name"]
    assert names(client.get(directory_page.url, {"q": "maiden"})) == []


def _sharing_champion(make_champion):
    return make_champion(
        UserFactory(full_name="Sharing Champion", email="sharing.champion@police.example.org"),
        share_contact_details=True,
        work_email="s.champion@work.example.org",
        work_phone="01223 456789",
    )


def test_contact_details_are_shown_to_other_active_champions_when_shared(
    champion_client, directory_page, make_champion
):
    sharing = _sharing_champion(make_champion)
    page = champion_client.get(f"{directory_page.url}{sharing.pk}/").content.decode()
    assert "s.champion@work.example.org" in EMAIL_RE.findall(page)
    assert "01223 456789" in PHONE_RE.findall(page)


def test_contact_details_stay_hidden_from_champions_when_not_shared(champion_client, directory_page, make_champion):
    private = make_champion(UserFactory(full_name="Private Champion"), work_phone="01480 123456")
    page = champion_client.get(f"{directory_page.url}{private.pk}/").content.decode()
    assert private.user.email not in page
    assert not PHONE_RE.findall(page)


@pytest.mark.parametrize("viewer_kind", ["professional", "applicant", "lapsed champion"])
def test_no_champion_email_or_phone_appears_on_any_page_a_non_champion_can_load(
    client, directory_page, make_champion, champion_course, viewer_kind
):
    sharing = _sharing_champion(make_champion)
    if viewer_kind == "professional":
        viewer = UserFactory()
    elif viewer_kind == "applicant":
        from tests.champions.conftest import apply_with_agreement, certify

        viewer = UserFactory()
        certify(viewer, champion_course)
        apply_with_agreement(viewer)
    else:
        lapsed = make_champion(visible=False)
        services._change_status(lapsed, ChampionStatus.LAPSED)
        viewer = lapsed.user
    client.force_login(viewer)

    pages = [
        directory_page.url,
        f"{directory_page.url}?q=sharing",
        f"{directory_page.url}{sharing.pk}/",
        f"{directory_page.url}{sharing.pk}/contact/",
        "/champions/me/",
        "/accounts/profile/",
        "/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        emails = set(EMAIL_RE.findall(html)) - {viewer.email, "dasv.training@example.org"}
        assert not emails, f"{url} shows {emails}"
        assert not PHONE_RE.findall(html), f"{url} shows a phone number"


def test_the_directory_runs_the_same_number_of_queries_however_many_champions_match(
    client, directory_page, viewer, make_champion, django_assert_num_queries
):
    def add(n):
        for _ in range(n):
            make_champion(
                UserFactory(),
                bio="A champion",
                districts=[district("fenland")],
                specialisms=[topic("fgm"), topic("stalking_harassment")],
                languages=[language("polish"), language("urdu")],
            )

    add(2)
    client.get(directory_page.url)  # warm the site-root and settings caches
    with CaptureQueriesContext(connection) as small:
        client.get(directory_page.url, {"q": "champion", "district": "fenland", "specialism": "fgm"})
    expected = len(small.captured_queries)  # read now: the next request resets Django's query log
    assert expected
    add(25)
    client.get(directory_page.url)  # new organisations cleared the cached filter choices: warm them again
    with django_assert_num_queries(expected):
        response = client.get(directory_page.url, {"q": "champion", "district": "fenland", "specialism": "fgm"})
    assert len(response.context["results"]) == 20


def test_a_champion_page_runs_the_same_number_of_queries_however_much_the_champion_lists(
    client, directory_page, viewer, make_champion, django_assert_num_queries
):
    sparse = make_champion(specialisms=[topic("fgm")])
    full = make_champion(
        specialisms=list(Topic.objects.all()),
        languages=list(Language.objects.all()[:5]),
        districts=list(District.objects.all()),
        bio="Hello",
    )
    client.get(f"{directory_page.url}{sparse.pk}/")  # warm the site-root and settings caches
    with CaptureQueriesContext(connection) as baseline:
        assert client.get(f"{directory_page.url}{sparse.pk}/").status_code == 200
    expected = len(baseline.captured_queries)  # read now: the next request resets the log
    assert expected
    with django_assert_num_queries(expected):
        response = client.get(f"{directory_page.url}{full.pk}/")
    assert "Female genital mutilation" in response.content.decode()


def test_a_new_organisation_can_be_filtered_on_at_once(client, directory_page, viewer, make_champion):
    client.get(directory_page.url)  # the filter choices are now cached
    organisation = OrganisationFactory(name="Brand New Charity")
    make_champion(UserFactory(full_name="New Charity Champion", organisation=organisation))
    response = client.get(directory_page.url, {"organisation": organisation.pk})
    assert names(response) == ["New Charity Champion"]
    assert "Brand New Charity" in response.content.decode()
