"""The catalogue: live courses, filters and search, each course's status for the signed-in person, its speed
(a constant number of queries; anonymous visitors served from a cache that publishing refreshes)."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from courses.learning import services
from courses.models import Certificate, Completion, Enrolment, ModulePage, ModuleProgress
from tests.factories import CourseIndexPageFactory, CoursePageFactory, ModulePageFactory, UserFactory

pytestmark = pytest.mark.django_db

CATALOGUE = "/courses/"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def catalogue(demo_site):
    return CourseIndexPageFactory(parent=demo_site.root_page, intro="<p>Free training for the partnership.</p>")


def course_in(catalogue, title, *, modules=2, **fields):
    course = CoursePageFactory(parent=catalogue, title=title, **fields)
    for _ in range(modules):
        ModulePageFactory(parent=course)
    return course


@pytest.fixture
def courses(catalogue):
    return {
        "awareness": course_in(
            catalogue,
            "Domestic abuse awareness",
            summary="What domestic abuse is and how to respond.",
            topics=["domestic_abuse"],
            level="awareness",
            delivery="elearning",
        ),
        "coercive": course_in(
            catalogue,
            "Coercive and controlling behaviour",
            summary="Patterns of control, and the offence under section 76.",
            learning_outcomes="Explain section 76 of the Serious Crime Act 2015",
            topics=["domestic_abuse"],
            level="practitioner",
            delivery="virtual",
        ),
        "fgm": course_in(
            catalogue,
            "Forced marriage and FGM",
            summary="Recognise and respond to forced marriage and female genital mutilation.",
            topics=["forced_marriage", "fgm"],
            level="practitioner",
            delivery="face_to_face",
        ),
    }


def titles(response) -> list[str]:
    return [item["course"].title for item in response.context["courses"]]


def test_the_catalogue_lists_the_live_courses(client, catalogue, courses):
    draft = course_in(catalogue, "A course still being written")
    draft.unpublish()
    response = client.get(CATALOGUE)
    assert titles(response) == [
        "Coercive and controlling behaviour",
        "Domestic abuse awareness",
        "Forced marriage and FGM",
    ]
    html = response.content.decode()
    assert "3 courses" in html and "Free training for the partnership." in html
    assert f'href="{courses["fgm"].url}"' in html
    assert "Female genital mutilation (FGM)" in html


def test_the_navigation_leads_to_the_catalogue(client, catalogue):
    assert client.get("/learning/catalogue/").url == CATALOGUE
    assert 'href="/learning/catalogue/">Courses</a>' in client.get("/").content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?topic=fgm", ["Forced marriage and FGM"]),
        ("?topic=domestic_abuse", ["Coercive and controlling behaviour", "Domestic abuse awareness"]),
        ("?level=practitioner", ["Coercive and controlling behaviour", "Forced marriage and FGM"]),
        ("?delivery=virtual", ["Coercive and controlling behaviour"]),
        ("?topic=domestic_abuse&level=practitioner", ["Coercive and controlling behaviour"]),
        ("?level=specialist", []),
    ],
)
def test_the_catalogue_filters_by_topic_level_and_delivery(client, courses, query, expected):
    response = client.get(CATALOGUE + query)
    assert titles(response) == expected
    if not expected:
        assert "No courses match your search." in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "?topic=not-a-topic",
        "?level=expert&delivery=%3Cscript%3E",
        "?topic=fgm&topic=domestic_abuse&level=",
        "?q=" + "x" * 500,
        "?unknown=1&page=abc",
    ],
)
def test_unknown_filter_values_are_ignored_never_an_error(client, courses, query):
    response = client.get(CATALOGUE + query)
    assert response.status_code == 200
    assert "There is a problem" not in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_search_finds_courses_by_their_words(client, courses):
    assert titles(client.get(CATALOGUE + "?q=coercive")) == ["Coercive and controlling behaviour"]
    assert titles(client.get(CATALOGUE + "?q=section+76")) == ["Coercive and controlling behaviour"]
    assert titles(client.get(CATALOGUE + "?q=genital")) == ["Forced marriage and FGM"]
    assert titles(client.get(CATALOGUE + "?q=genital&level=awareness")) == []
    html = client.get(CATALOGUE + "?q=coercive").content.decode()
    assert 'value="coercive"' in html and "Clear the search and filters" in html


def _certificate(completion, expires_on):
    return Certificate.objects.create(
        completion=completion,
        code=f"{completion.pk:016d}",
        holder_name=completion.user.full_name,
        course_title=completion.course.title,
        issued_on=completion.completed_on,
        expires_on=expires_on,
    )


def test_each_course_shows_where_the_signed_in_person_stands(client, catalogue, courses):
    today = timezone.localdate()
    person = UserFactory()
    enrolment = services.enrol(person, courses["coercive"])
    first_module = ModulePage.objects.child_of(courses["coercive"]).order_by("path").first()
    ModuleProgress.objects.create(enrolment=enrolment, module=first_module)
    done = Completion.objects.create(user=person, course=courses["awareness"], completed_on=datetime.date(2026, 3, 2))
    _certificate(done, today + datetime.timedelta(days=400))
    due = course_in(catalogue, "Stalking and harassment")
    _certificate(
        Completion.objects.create(user=person, course=due, completed_on=today - datetime.timedelta(days=1000)),
        today + datetime.timedelta(days=20),
    )
    lapsed = course_in(catalogue, "Honour-based abuse")
    _certificate(
        Completion.objects.create(user=person, course=lapsed, completed_on=today - datetime.timedelta(days=1200)),
        today - datetime.timedelta(days=3),
    )
    client.force_login(person)
    response = client.get(CATALOGUE)
    states = {
        item["course"].title: (item["status"].state, item["status"].percent) for item in response.context["courses"]
    }
    assert states["Coercive and controlling behaviour"] == ("in_progress", 50)
    assert states["Domestic abuse awareness"][0] == "completed"
    assert states["Stalking and harassment"][0] == "renewal_due"
    assert states["Honour-based abuse"][0] == "expired"
    assert states["Forced marriage and FGM"][0] == "not_started"
    html = response.content.decode()
    assert "50% done" in html and "Completed</strong> on 2 March 2026" in html
    assert "Renewal due" in html and "Expired" in html and "Not started" in html


def test_anonymous_visitors_see_no_status(client, courses):
    html = client.get(CATALOGUE).content.decode()
    assert "Not started" not in html and "In progress" not in html


def _learner_with_history(courses: list) -> object:
    """Someone enrolled on half the courses (with some progress) and with a certified completion of the rest."""
    person = UserFactory()
    today = timezone.localdate()
    for number, course in enumerate(courses):
        if number % 2 == 0:
            enrolment = services.enrol(person, course, source=Enrolment.Source.MANAGER)
            module = ModulePage.objects.child_of(course).first()
            ModuleProgress.objects.create(enrolment=enrolment, module=module)
        else:
            completion = Completion.objects.create(user=person, course=course, completed_on=today)
            _certificate(completion, today + datetime.timedelta(days=30 + number))
    return person


@pytest.mark.parametrize("size", [1, 50])
def test_the_catalogue_runs_a_constant_number_of_queries(client, catalogue, size, django_assert_num_queries):
    made = [course_in(catalogue, f"Course {n}", topics=["domestic_abuse", "fgm"]) for n in range(size)]
    for _ in range(size):  # other people's learning is not read
        _learner_with_history(made)
    client.force_login(_learner_with_history(made))
    client.get(CATALOGUE)
    with django_assert_num_queries(20):
        response = client.get(CATALOGUE)
    assert len(response.context["courses"]) == size
    with django_assert_num_queries(21):  # the search is one more
        client.get(CATALOGUE + "?topic=fgm&level=awareness&q=course")
    client.logout()
    client.get(CATALOGUE)
    cache.clear()  # the page as an anonymous visitor, rendered
    with django_assert_num_queries(15):
        client.get(CATALOGUE)


def test_anonymous_visitors_get_the_catalogue_and_course_pages_from_the_cache(
    client, courses, django_assert_num_queries
):
    for url in (CATALOGUE, CATALOGUE + "?topic=fgm", courses["fgm"].url):
        first = client.get(url).content
        with django_assert_num_queries(0):
            again = client.get(url)
        assert again.content == first and again.status_code == 200
        assert "Cookie" in again["Vary"]
    # Searches, and made-up parameters, are rendered for each visitor rather than kept for everyone.
    client.get(CATALOGUE + "?q=coercive")
    with django_assert_num_queries(13):
        client.get(CATALOGUE + "?q=coercive")


def test_publishing_a_change_shows_at_once(client, catalogue, courses):
    course = courses["fgm"]
    assert "Forced marriage and FGM" in client.get(CATALOGUE).content.decode()
    assert "Forced marriage and FGM" in client.get(course.url).content.decode()
    course.title = "Forced marriage, FGM and honour"
    course.summary = "Rewritten for 2027."
    course.save_revision().publish()
    assert "Forced marriage, FGM and honour" in client.get(CATALOGUE).content.decode()
    html = client.get(course.url).content.decode()
    assert "Forced marriage, FGM and honour" in html and "Rewritten for 2027." in html
    module = ModulePage.objects.child_of(course).first()
    module.title = "A module renamed"
    module.save_revision().publish()
    assert "A module renamed" in client.get(course.url).content.decode()
    course.unpublish()
    assert "Forced marriage, FGM and honour" not in client.get(CATALOGUE).content.decode()
    assert client.get(course.url).status_code == 404


def test_signing_in_is_never_answered_with_the_anonymous_page(client, courses):
    anonymous = client.get(CATALOGUE).content.decode()
    assert "Sign in" in anonymous
    client.force_login(UserFactory())
    html = client.get(CATALOGUE).content.decode()
    assert "My learning" in html and "Not started" in html
