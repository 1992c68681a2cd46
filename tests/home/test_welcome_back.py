"""Signed-in people land on a home page that is useful to them: "Welcome back", continue where they left off,
their courses in progress, My learning, and for staff their tools (issue 10, defect 10)."""

import datetime

import pytest
from django.utils import timezone

from courses.learning import assignments, services
from courses.models import Enrolment, ModulePage, ModuleProgress
from tests.factories import DEFAULT_PASSWORD, CourseIndexPageFactory, CoursePageFactory, ModulePageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(demo_site):
    return CourseIndexPageFactory(parent=demo_site.root_page)


def course_in(catalogue, title, modules=4):
    course = CoursePageFactory(parent=catalogue, title=title)
    for _ in range(modules):
        ModulePageFactory(parent=course)
    return course


def _finish_first_module(enrolment, at):
    module = ModulePage.objects.child_of(enrolment.course).order_by("path").first()
    ModuleProgress.objects.create(enrolment=enrolment, module=module, completed_at=at)


def test_visitors_see_the_public_home_page(client, demo_site):
    html = client.get("/").content.decode()
    assert "Welcome back" not in html
    assert 'href="/accounts/signup/"' in html and "Training for everyone who works with people" in html


def test_signing_in_lands_on_welcome_back_with_continue_where_you_left_off(client, catalogue):
    learner = UserFactory(full_name="Priya Shah")
    older = services.enrol(learner, course_in(catalogue, "Stalking and harassment"))
    recent = services.enrol(learner, course_in(catalogue, "Domestic abuse awareness"))
    now = timezone.now()
    _finish_first_module(older, now - datetime.timedelta(days=1))  # worked on yesterday: the most recent
    Enrolment.objects.filter(pk=recent.pk).update(enrolled_at=now - datetime.timedelta(days=3))

    response = client.post("/accounts/login/", {"login": learner.email, "password": DEFAULT_PASSWORD}, follow=True)

    assert response.redirect_chain[-1][0] == "/"
    html = response.content.decode()
    assert "Welcome back, Priya Shah" in html
    continue_link = f'href="/learning/continue/{older.course_id}/">Continue where you left off'
    assert continue_link in html
    assert html.index("Stalking and harassment") < html.index("Domestic abuse awareness")
    assert "25% done" in html and "0% done" in html
    assert 'href="/learning/">My learning</a>' in html
    assert 'href="/accounts/signup/"' not in html
    assert "Your tools" not in html  # not staff


def test_continue_opens_the_next_module_of_that_course(client, catalogue):
    learner = UserFactory()
    enrolment = services.enrol(learner, course_in(catalogue, "Domestic abuse awareness", modules=3))
    _finish_first_module(enrolment, timezone.now())
    client.force_login(learner)
    second = ModulePage.objects.child_of(enrolment.course).order_by("path")[1]
    assert client.get(f"/learning/continue/{enrolment.course_id}/").url == second.url


def test_someone_with_nothing_in_progress_is_pointed_at_the_courses(client, catalogue, professional):
    client.force_login(professional)
    html = client.get("/").content.decode()
    assert "Welcome back" in html and "You have no courses in progress." in html
    assert "Continue where you left off" not in html


def test_more_courses_than_fit_are_counted_with_a_link_to_my_learning(client, catalogue, professional):
    for number in range(5):
        services.enrol(professional, course_in(catalogue, f"Course number {number}", modules=1))
    client.force_login(professional)
    html = client.get("/").content.decode()
    assert html.count('class="card"') == 3
    assert 'And 2 more in <a href="/learning/">My learning</a>.' in html


@pytest.mark.parametrize(
    ("groups", "links"),
    [
        (["Training managers"], ['href="/admin/">Admin</a>', 'href="/admin/measures/">Measures dashboard</a>']),
        (["Partner leads"], ['href="/partners/">Partner figures</a>']),
    ],
)
def test_staff_are_given_their_tools(client, catalogue, groups, links):
    client.force_login(UserFactory(groups=groups))
    html = client.get("/").content.decode()
    assert "Your tools" in html
    for link in links:
        assert link in html


@pytest.mark.parametrize("size", [1, 12])
def test_the_signed_in_home_page_takes_the_same_queries_however_many_courses(
    client, catalogue, professional, size, django_assert_num_queries
):
    today = timezone.localdate()
    for number in range(size):
        enrolment = services.enrol(professional, course_in(catalogue, f"Course {number}", modules=2))
        _finish_first_module(enrolment, timezone.now() - datetime.timedelta(hours=number))
        assigned = course_in(catalogue, f"Assigned course {number}", modules=1)
        assignments.assign(assigned, user_ids=[professional.pk], due_on=today, by=None)
        services.record_completion(professional, course_in(catalogue, f"Done course {number}", modules=1))
    client.force_login(professional)
    client.get("/")  # warm the session and site caches
    with django_assert_num_queries(16):  # 5 for "Welcome back" (the learner's dashboard), 1 for the champion block
        response = client.get("/")
    html = response.content.decode()
    assert "Continue where you left off" in html
    assert html.count("Assigned course") == size


def test_the_dashboard_shows_what_is_assigned_by_whom_and_when_it_is_due_overdue_first(client, catalogue):
    learner, lead = UserFactory(), UserFactory(full_name="Morgan Lead")
    today = timezone.localdate()
    later = course_in(catalogue, "Stalking and harassment", modules=1)
    sooner = course_in(catalogue, "Domestic abuse awareness", modules=1)
    assignments.assign(later, user_ids=[learner.pk], due_on=today + datetime.timedelta(days=30), by=lead)
    assignments.assign(sooner, user_ids=[learner.pk], due_on=today, by=lead)
    from courses.models import Assignment

    Assignment.objects.filter(course=sooner).update(due_on=today - datetime.timedelta(days=2))
    client.force_login(learner)
    html = client.get("/").content.decode()
    section = html[html.index("Assigned to you") :]
    assert section.index("Domestic abuse awareness") < section.index("Stalking and harassment")
    assert "Overdue</strong> was due" in section and "assigned by Morgan Lead" in section
    assert f'href="/learning/continue/{sooner.pk}/"' in section

    services.record_completion(learner, sooner)
    html = client.get("/").content.decode()
    assert "Domestic abuse awareness" not in html[html.index("Assigned to you") : html.index("Your certificates")]


def test_an_active_champion_sees_their_status_the_next_network_events_and_a_reminder_to_log_activity(
    client, make_champion, training_manager
):
    from champions.models import NetworkEvent

    champion = make_champion(visible=False)
    now = timezone.now()
    NetworkEvent.objects.create(
        title="Champion forum",
        starts_at=now + datetime.timedelta(days=9),
        ends_at=now + datetime.timedelta(days=9, hours=2),
        venue="Town hall",
        created_by=training_manager,
    )
    client.force_login(champion.user)
    html = client.get("/").content.decode()
    assert "Your champion role" in html and "<strong>Active</strong>" in html
    assert "Champion forum" in html
    assert "You have not logged any activity yet." in html and 'href="/champions/me/activity/new/"' in html


def test_people_who_are_not_champions_see_no_champion_block(client, catalogue, professional):
    client.force_login(professional)
    assert "Your champion role" not in client.get("/").content.decode()
