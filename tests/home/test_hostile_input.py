"""Hostile input from the probe: absurd page numbers and search text with NUL or control characters.

Every list that paginates and every free-text GET parameter that reaches the database is requested as the
role that can see it; none may answer with a 5xx. PostgreSQL rejects NUL in text and a page offset past a
64-bit integer, SQLite a page offset past its integer; both are tried (set DATABASE_URL for PostgreSQL).
"""

import pytest

from tests.courses.course_pages import course
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
HOSTILE_TEXT = "a\x00b\x1b[2J\x07"


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True, full_name="Site Admin")


@pytest.fixture
def site_pages(demo_site, make_champion):
    from champions.models import ChampionDirectoryPage

    make_champion(UserFactory(full_name="Priya Champion"))
    directory = demo_site.root_page.add_child(
        instance=ChampionDirectoryPage(title="Champion directory", slug="champion-directory")
    )
    a_course = course(title="Recognising domestic abuse")
    return {"directory": directory, "course": a_course, "catalogue": a_course.get_parent().specific}


def lists_for(pages, organisation) -> list[tuple[str, str]]:
    """(who, url) for every paginated list and free-text search the site has."""
    course_page = pages["course"]
    return [
        ("professional", pages["directory"].url),
        ("professional", pages["catalogue"].url),
        ("partner_lead", f"/partners/staff/{organisation.pk}/"),
        ("superuser", "/admin/champions/"),
        ("superuser", "/admin/champions/?status=all"),
        ("superuser", "/admin/champions/activity/"),
        ("superuser", f"/admin/learning/courses/{course_page.pk}/enrolments/"),
        ("superuser", "/admin/certificates/"),
        ("superuser", "/admin/certificates/results/"),
        ("superuser", "/admin/users/"),
        ("superuser", "/admin/snippets/accounts/organisation/"),
        ("superuser", "/admin/pages/search/"),
        ("superuser", f"/admin/pages/{course_page.get_parent().pk}/"),
        ("superuser", "/admin/measures/"),
        ("anonymous", "/certificates/verify/"),
    ]


@pytest.fixture
def clients(client, superuser, site_pages):
    from django.test import Client

    organisation = OrganisationFactory(name="Fenland District Council")
    people = {
        "professional": UserFactory(),
        "partner_lead": UserFactory(groups=["Partner leads"], organisation=organisation),
        "superuser": superuser,
    }
    made = {"anonymous": Client(raise_request_exception=False)}
    for role, person in people.items():
        made[role] = Client(raise_request_exception=False)
        made[role].force_login(person)
    return made, lists_for(site_pages, organisation)


@pytest.mark.parametrize(
    "query",
    [
        {"page": HUGE, "p": HUGE},
        {"page": "-" + HUGE, "p": "-" + HUGE},
        {"page": "1e400", "p": "nan"},
        {"q": HOSTILE_TEXT, "code": HOSTILE_TEXT},
        {"q": "\x00", "code": "\x00"},
    ],
    ids=["huge-page", "negative-page", "not-a-page", "nul-and-control-text", "only-nul"],
)
def test_no_list_or_search_answers_hostile_input_with_a_server_error(clients, query):
    made, urls = clients
    failures = []
    for role, url in urls:
        response = made[role].get(url, query)
        if response.status_code >= 500 or response.status_code in (401, 403):
            failures.append(f"{role} {url}?{query} -> {response.status_code}")
    assert not failures, failures


def test_a_page_number_past_the_end_of_the_directory_shows_its_last_page(clients):
    made, urls = clients
    directory_url = urls[0][1]
    response = made["professional"].get(directory_url, {"page": HUGE})
    assert response.status_code == 200
    assert [c.user.full_name for c in response.context["results"]] == ["Priya Champion"]
    assert response.context["results"].number == 1


def test_search_text_with_nul_and_control_characters_is_searched_without_them(clients):
    made, urls = clients
    directory_url = urls[0][1]
    response = made["professional"].get(directory_url, {"q": "Pri\x00ya"})
    assert response.status_code == 200
    assert [c.user.full_name for c in response.context["results"]] == ["Priya Champion"]


def test_the_catalogue_searches_text_with_control_characters_without_them(clients):
    made, urls = clients
    catalogue_url = urls[1][1]
    response = made["professional"].get(catalogue_url, {"q": "Recog\x00nising\x07"})
    assert response.status_code == 200
    assert [c["course"].title for c in response.context["courses"]] == ["Recognising domestic abuse"]
