"""The demo courses that ``load_demo`` builds: loading twice changes nothing, every knowledge check can be passed,
and the demo learner and champion have learning to show."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command

from courses.demo import correct_answers, demo_courses
from courses.learning import services
from courses.models import (
    Completion,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    ModulePage,
    ModuleProgress,
    QuizAttempt,
)

pytestmark = pytest.mark.django_db
COURSES = [course.fields | {"modules": course.modules} for course in demo_courses()]

LEARNER = "learner@demo.dasv-learning.example"
CHAMPION = "champion@demo.dasv-learning.example"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (CourseIndexPage, CoursePage, ModulePage, Enrolment, ModuleProgress, QuizAttempt, Completion)
    }


def load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_loading_the_demo_twice_changes_nothing(db):
    first = load_demo()
    assert "created 9 courses and 32 modules" in first
    loaded = counts()
    assert loaded["CourseIndexPage"] == 1 and loaded["CoursePage"] == len(COURSES)
    assert loaded["ModulePage"] == sum(len(course["modules"]) for course in COURSES)
    assert "Demo content already loaded: nothing changed." in load_demo()
    assert counts() == loaded
    catalogue = CourseIndexPage.objects.get()
    assert (catalogue.slug, catalogue.title, catalogue.get_parent().specific_class.__name__) == (
        "courses",
        "Courses",
        "HomePage",
    )
    champion_course = CoursePage.objects.get(slug="domestic-abuse-champion-training")
    assert champion_course.is_champion_training
    assert set(champion_course.prerequisites.values_list("slug", flat=True)) == {
        "domestic-abuse-awareness",
        "dash-risk-identification-and-marac",
    }
    assert set(champion_course.topics.values_list("slug", flat=True)) >= {"domestic_abuse", "sexual_violence"}


def test_every_demo_knowledge_check_can_be_passed_with_its_correct_answers(db):
    load_demo()
    modules = list(ModulePage.objects.all())
    checks = [module.knowledge_check for module in modules if module.knowledge_check]
    assert len(checks) == len(modules)
    for check in checks:
        right = correct_answers(check.value)
        marking = services.mark_answers(check.value, right)
        assert marking.passed and marking.score_percent == 100, check.value["title"]
        # ... and answering every question with its first wrong option does not pass.
        wrong = {
            index: [next(i for i, option in enumerate(question["options"]) if not option["correct"])]
            for index, question in enumerate(check.value["questions"])
        }
        assert not services.mark_answers(check.value, wrong).passed


def test_the_demo_people_have_learning_to_show(client, db):
    load_demo()
    learner = Enrolment.objects.filter(user__email=LEARNER)
    assert set(learner.values_list("course__slug", "status")) == {
        ("domestic-abuse-awareness", "completed"),
        ("coercive-and-controlling-behaviour", "active"),
    }
    assert set(Completion.objects.filter(user__email=CHAMPION).values_list("course__slug", flat=True)) == {
        "domestic-abuse-awareness",
        "dash-risk-identification-and-marac",
        "domestic-abuse-champion-training",
    }
    client.force_login(learner.first().user)
    overview = client.get("/learning/").context["overview"]
    assert [(item.course.slug, item.percent) for item in overview.in_progress] == [
        ("coercive-and-controlling-behaviour", 33)
    ]
    module = client.get(f"/learning/continue/{overview.in_progress[0].course.pk}/").url
    assert client.get(module).status_code == 200
    assert client.get("/courses/").status_code == 200
