"""Demo courses: the catalogue page, the courses of ``demo_content.py``, and some learning for two demo people.

The demo learner has one course completed and one in progress; the demo champion has completed the
champion training course and its prerequisites (so that a training manager can approve them as a
Domestic Abuse Champion). All of it goes through the same services a learner's clicks do. Safe to run
again: what exists is left alone.
"""

from __future__ import annotations

from decimal import Decimal

from accounts.models import User
from home.models import HomePage

from . import services
from .demo_content import COURSES
from .models import CourseIndexPage, CoursePage, Enrolment, ModulePage, Topic

CATALOGUE_INTRO = (
    "<p>Free training for everyone who works with people affected by domestic abuse and sexual violence across "
    "Cambridgeshire and Peterborough. Start with <b>Domestic abuse awareness</b>; the practitioner courses build "
    "on it.</p>"
)
LEARNER_EMAIL = "learner@demo.dasv-learning.example"
CHAMPION_EMAIL = "champion@demo.dasv-learning.example"
# Whole courses each person has completed (in this order: prerequisites first), and one the learner has started.
COMPLETED = {
    LEARNER_EMAIL: ["domestic-abuse-awareness"],
    CHAMPION_EMAIL: [
        "domestic-abuse-awareness",
        "dash-risk-identification-and-marac",
        "domestic-abuse-champion-training",
    ],
}
STARTED = {LEARNER_EMAIL: ("coercive-and-controlling-behaviour", 1)}  # course slug, modules done


def correct_answers(check: dict) -> dict[int, list[int]]:
    """The right answers to a knowledge check (question index -> correct option indexes)."""
    return {
        index: [i for i, option in enumerate(question["options"]) if option["correct"]]
        for index, question in enumerate(check["questions"])
    }


def load(stdout) -> int:
    home = HomePage.objects.first()
    if home is None:
        return 0
    created = 0
    index = CourseIndexPage.objects.first()
    if index is None:
        index = home.add_child(instance=CourseIndexPage(title="Courses", slug="courses", intro=CATALOGUE_INTRO))
        index.save_revision().publish()
        created += 1
        stdout.write("  created the course catalogue")
    courses, new_courses, new_modules = _load_courses(index)
    created += new_courses + new_modules
    if new_courses or new_modules:
        stdout.write(f"  created {new_courses} courses and {new_modules} modules")
    learning = _load_learning(courses)
    if learning:
        stdout.write(f"  recorded {learning} demo enrolments, attempts and completions")
    return created + learning


def _load_courses(index: CourseIndexPage) -> tuple[dict[str, CoursePage], int, int]:
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    courses: dict[str, CoursePage] = {}
    created_courses: list[dict] = []
    new_modules = 0
    for data in COURSES:
        course = CoursePage.objects.descendant_of(index).filter(slug=data["slug"]).first()
        if course is None:
            course = index.add_child(
                instance=CoursePage(
                    title=data["title"],
                    slug=data["slug"],
                    summary=data["summary"],
                    level=data["level"],
                    delivery=data["delivery"],
                    duration_minutes=data["duration_minutes"],
                    cpd_hours=Decimal(data["cpd_hours"]),
                    learning_outcomes="\n".join(data["learning_outcomes"]),
                    certificate_validity_months=data["certificate_validity_months"],
                    counts_as_specialist_da=data["counts_as_specialist_da"],
                    is_champion_training=data["is_champion_training"],
                )
            )
            created_courses.append(data)
        courses[data["slug"]] = course
        for module_data in data["modules"]:
            if ModulePage.objects.child_of(course).filter(slug=module_data["slug"]).exists():
                continue
            body = [{"type": block_type, "value": value} for block_type, value in module_data["body"]]
            module = course.add_child(
                instance=ModulePage(title=module_data["title"], slug=module_data["slug"], body=body)
            )
            module.save_revision().publish()
            new_modules += 1
    # Topics and prerequisites once every course exists; only on courses made now, so an editor's changes stay.
    for data in created_courses:
        course = courses[data["slug"]]
        course.topics.set([topics[slug] for slug in data["topics"]])
        course.prerequisites.set([courses[slug] for slug in data["prerequisites"]])
        course.save_revision().publish()
    return courses, len(created_courses), new_modules


def _load_learning(courses: dict[str, CoursePage]) -> int:
    created = 0
    for email, slugs in COMPLETED.items():
        person = User.objects.filter(email=email).first()
        if person is None:
            continue
        for slug in slugs:
            if slug in courses and not Enrolment.objects.filter(user=person, course=courses[slug]).exists():
                created += _take(person, courses[slug])
    for email, (slug, modules_done) in STARTED.items():
        person = User.objects.filter(email=email).first()
        if person and slug in courses and not Enrolment.objects.filter(user=person, course=courses[slug]).exists():
            created += _take(person, courses[slug], modules=modules_done)
    return created


def _take(person: User, course: CoursePage, *, modules: int | None = None) -> int:
    """Enrol the person and work through the course's modules (all, or the first few), passing every check."""
    enrolment = services.enrol(person, course)
    created = 1
    for module in ModulePage.objects.child_of(course).live().order_by("path")[:modules]:
        check = module.knowledge_check
        if check is None:
            completion = services.mark_module_done(enrolment, module)
        else:
            outcome = services.submit_knowledge_check(
                enrolment,
                module,
                block_id=check.id,
                answers=correct_answers(check.value),
                submission_key=services.new_submission_key(person.pk, module.pk),
            )
            completion = outcome.completion
            created += 1  # the attempt
        created += 1  # the module's progress
        created += completion is not None
    return created
