"""Demo courses: the catalogue page, the courses in ``fixtures/demo/``, and some learning for two demo people.

Each course is one Markdown file (``courses.course_files`` describes the format), read in file-name order
and checked with the blocks' own validation before any page is made, so that a mistake in a file stops
``load_demo`` with the file, line and problem, and changes nothing.

The demo learner has one course completed and one in progress; the demo champion has completed the
champion training course and its prerequisites (so that a training manager can approve them as a
Domestic Abuse Champion). All of it goes through the same services a learner's clicks do. Safe to run
again: what exists is left alone.

:func:`add_to_history` gives the imported demo history (reports/demo.py) what an import cannot: the
enrolments that were never finished (some still in progress, some withdrawn) and the learners' evaluations,
so that the dashboard's completion rate and confidence uplift look like a real year's.
"""

from __future__ import annotations

import datetime
import random
from collections import Counter
from pathlib import Path

from django.core.files import File
from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.documents import get_document_model

from accounts.models import User
from home.models import HomePage

from .catalogue.course_files import CourseFile, CourseFileError, read_course_folder, validate_body
from .learning import services
from .models import Completion, CourseIndexPage, CoursePage, Delivery, Enrolment, Evaluation, Level, ModulePage, Topic

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
COURSES_FOLDER = Path(__file__).resolve().parent / "fixtures" / "demo"


def demo_courses(folder: Path | None = None) -> list[CourseFile]:
    """The course files of ``folder`` (the demo's by default), read and each module body checked by its blocks.

    Needs no database. Raises ``CommandError`` naming the file, the line and the problem.
    """
    folder = folder or COURSES_FOLDER
    try:
        courses = read_course_folder(folder)
        for course in courses:
            for module in course.modules:
                validate_body(module.body, f"{course.path.name}, module “{module.title}” (line {module.line})")
    except CourseFileError as error:
        raise CommandError(f"Demo course files in {folder}: {error}") from error
    return courses


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
    courses, new_courses, new_modules = load_courses(index)
    created += new_courses + new_modules
    if new_courses or new_modules:
        stdout.write(f"  created {new_courses} courses and {new_modules} modules")
    learning = _load_learning(courses)
    if learning:
        stdout.write(
            f"  recorded the demo learner's and champion's learning: {learning['enrolments']} enrolments, "
            f"{learning['modules']} modules done, {learning['attempts']} knowledge checks passed and "
            f"{learning['completions']} completions"
        )
    from .sessions import demo as sessions_demo

    return created + learning.total() + sessions_demo.load(stdout)


def load_courses(index: CourseIndexPage, folder: Path | None = None) -> tuple[dict[str, CoursePage], int, int]:
    """Make the courses and modules of the course files (see :func:`demo_courses`) that the catalogue lacks.

    Returns every course by slug, and how many courses and modules were made. Checks every file, and every
    level, topic, prerequisite and document they name, before making anything.
    """
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    courses: dict[str, CoursePage] = {}
    created_courses: list[CourseFile] = []
    new_modules = 0
    course_files = demo_courses(folder)
    _check_references(course_files, topics)
    for course_file in course_files:
        data = course_file.fields
        course = CoursePage.objects.descendant_of(index).filter(slug=data["slug"]).first()
        if course is None:
            fields = {key: value for key, value in data.items() if key not in ("topics", "prerequisites")}
            fields["learning_outcomes"] = "\n".join(data["learning_outcomes"])
            course = index.add_child(instance=CoursePage(**fields))
            created_courses.append(course_file)
        courses[data["slug"]] = course
        for module_file in course_file.modules:
            if ModulePage.objects.child_of(course).filter(slug=module_file.slug).exists():
                continue
            body = [_with_document(block, course_file.path.parent) for block in module_file.body]
            module = course.add_child(instance=ModulePage(title=module_file.title, slug=module_file.slug, body=body))
            module.save_revision().publish()
            new_modules += 1
    # Topics and prerequisites once every course exists; only on courses made now, so an editor's changes stay.
    for course_file in created_courses:
        data = course_file.fields
        course = courses[data["slug"]]
        course.topics.set([topics[slug] for slug in data["topics"]])
        course.prerequisites.set([courses[slug] for slug in data["prerequisites"]])
        course.save_revision().publish()
    return courses, len(created_courses), new_modules


def _check_references(course_files: list[CourseFile], topics: dict[str, Topic]) -> None:
    """Every level, delivery, topic, prerequisite and document a course file names exists."""
    slugs = {course_file.fields["slug"] for course_file in course_files}
    for course_file in course_files:
        fields = course_file.fields
        choices = ((fields["level"], Level.values), (fields["delivery"], Delivery.values))
        unknown = [value for value, allowed in choices if value not in allowed]
        unknown += [slug for slug in fields["topics"] if slug not in topics]
        unknown += [slug for slug in fields["prerequisites"] if slug not in slugs]
        unknown += [
            block["value"]["document"]
            for module in course_file.modules
            for block in module.body
            if block["type"] == "document" and not _is_file_in(course_file.path.parent, block["value"]["document"])
        ]
        if unknown:
            raise CommandError(
                f"{course_file.path}: no such level, delivery, topic, demo course or document: {', '.join(unknown)}"
            )


def _is_file_in(folder: Path, name: str) -> bool:
    path = (folder / name).resolve()
    return path.is_relative_to(folder.resolve()) and path.is_file()


def _with_document(block: dict, folder: Path) -> dict:
    """A document block names a file beside the course files: find that document (by its content) or add it."""
    if block["type"] != "document":
        return block
    path = folder / block["value"]["document"]
    Document = get_document_model()
    with path.open("rb") as handle:
        document = Document(title=block["value"]["title"] or path.stem.replace("-", " ").capitalize())
        document.file = File(handle, name=path.name)
        document._set_document_file_metadata()
        existing = Document.objects.filter(file_hash=document.file_hash).first()
        if existing is None:
            document.save()
        else:
            document = existing
    return {"type": "document", "value": {"document": document.pk, "title": block["value"]["title"]}}


def _load_learning(courses: dict[str, CoursePage]) -> Counter:
    created = Counter()
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


def _take(person: User, course: CoursePage, *, modules: int | None = None) -> Counter:
    """Enrol the person and work through the course's modules (all, or the first few), passing every check.

    Returns what was recorded: enrolments, modules (progress), attempts (knowledge checks), completions.
    """
    enrolment = services.enrol(person, course)
    created = Counter(enrolments=1)
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
            created["attempts"] += 1
        created["modules"] += 1
        created["completions"] += completion is not None
    return created


# Of the people in the imported history, this share also started a course they have not finished; of those
# started more than IN_PROGRESS_DAYS ago, WITHDRAWN_SHARE withdrew (the rest stalled). This share of the
# completions has an evaluation, sent within a few days of completing.
UNFINISHED_SHARE = 0.55
IN_PROGRESS_DAYS = 75
WITHDRAWN_SHARE = 0.6
EVALUATED_SHARE = 0.6


def add_to_history(people: list[User], since: datetime.date, until: datetime.date) -> Counter:
    """Unfinished enrolments from ``since`` to ``until`` (the history's span) and evaluations of completions.

    Made through the learning services and then dated in the past, as the history is. Nothing is added if any
    of these people already has an unfinished enrolment or an evaluation (the demo ran before). Returns counts
    of "in progress", "withdrawn" and "evaluations".
    """
    added = Counter()
    ids = [person.pk for person in people]
    if (
        Enrolment.objects.filter(user_id__in=ids).exclude(status=Enrolment.Status.COMPLETED).exists()
        or Evaluation.objects.filter(completion__user_id__in=ids).exists()
    ):
        return added
    rng = random.Random(2027)  # the same history on every run
    courses = list(CoursePage.objects.live().filter(is_champion_training=False).order_by("pk"))
    taken = set(Enrolment.objects.filter(user_id__in=ids).values_list("user_id", "course_id"))
    span = (until - since).days
    for person in people:
        choices = [course for course in courses if (person.pk, course.pk) not in taken]
        if not choices or rng.random() >= UNFINISHED_SHARE:
            continue
        # More recent than not: people who start and do not finish are mostly still at it.
        started_on = until - datetime.timedelta(days=int(span * rng.random() ** 1.5))
        enrolment = services.enrol(person, rng.choice(choices), source=Enrolment.Source.MANAGER)
        Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=_at(started_on))
        if (until - started_on).days > IN_PROGRESS_DAYS and rng.random() < WITHDRAWN_SHARE:
            services.withdraw(enrolment)
            withdrawn_on = min(until, started_on + datetime.timedelta(days=rng.randrange(14, 60)))
            Enrolment.objects.filter(pk=enrolment.pk).update(withdrawn_at=_at(withdrawn_on, 16))
            added["withdrawn"] += 1
        else:
            added["in progress"] += 1
    completions = Completion.objects.filter(user_id__in=ids).order_by("pk")
    for completion in completions:
        if rng.random() >= EVALUATED_SHARE:
            continue
        before = rng.choice([1, 2, 2, 3, 3, 3, 4])
        evaluation = services.submit_evaluation(
            completion,
            confidence_before=before,
            confidence_after=min(5, before + rng.choice([0, 1, 1, 1, 2, 2])),
            usefulness=rng.choice([3, 4, 4, 5, 5]),
        )
        sent_on = min(until, completion.completed_on + datetime.timedelta(days=rng.choice([0, 0, 1, 2, 5])))
        Evaluation.objects.filter(pk=evaluation.pk).update(submitted_at=_at(sent_on, 17))
        added["evaluations"] += 1
    return added


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=timezone.get_default_timezone())
