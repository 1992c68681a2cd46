"""Reads about learning records: statuses, progress, My learning, the learning record."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import connection, models
from django.db.models import Case, F, Max, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.models import User

from ..catalogue.models import CoursePage, ModulePage
from ..catalogue.selectors import CourseOutline, ModuleOutline, course_outline
from .models import Assignment, Completion, Enrolment, ModuleProgress, QuizAttempt


class CourseState(models.TextChoices):
    """A course as the signed-in person stands with it (shown in the catalogue, course page, My learning)."""

    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"
    RENEWAL_DUE = "renewal_due", "Renewal due"
    EXPIRED = "expired", "Expired"


RENEWABLE_STATES = (CourseState.RENEWAL_DUE, CourseState.EXPIRED)


def certificate_state(certificate, today: datetime.date | None = None) -> str:
    """COMPLETED, RENEWAL_DUE (expires within the renewal window) or EXPIRED (no longer valid: also when revoked).

    A completion without a certificate yet, or whose certificate never expires, is COMPLETED. The rule is the
    certificate's own (``Certificate.standing_on``), reached through the completion, never imported here.
    """
    if certificate is None:
        return CourseState.COMPLETED
    standing = certificate.standing_on(today)
    return {"renewal_due": CourseState.RENEWAL_DUE, "expired": CourseState.EXPIRED}.get(standing, CourseState.COMPLETED)


def _certificate_of(completion: Completion):
    """The completion's certificate, or None before it is issued."""
    return getattr(completion, "certificate", None)


@dataclass
class CourseStatus:
    """Where a person stands with one course."""

    state: str
    percent: int = 0
    enrolment_id: int | None = None
    completion: Completion | None = None

    @property
    def certificate(self) -> object | None:
        return _certificate_of(self.completion) if self.completion else None

    @property
    def can_retake(self) -> bool:
        return self.state in RENEWABLE_STATES


def _live_module_ids_by_course(courses: Iterable[CoursePage]) -> dict[int, set[int]]:
    """The ids of each course's live modules, in one query whatever the number of courses."""
    courses = list(courses)
    if not courses:
        return {}
    by_path = {course.path: course.pk for course in courses}
    steplen = ModulePage.steplen
    condition = Q()
    for course in courses:
        condition |= Q(path__startswith=course.path, depth=course.depth + 1)
    result: dict[int, set[int]] = {course.pk: set() for course in courses}
    for module_id, path in ModulePage.objects.live().filter(condition).values_list("id", "path"):
        course_id = by_path.get(path[:-steplen])
        if course_id is not None:
            result[course_id].add(module_id)
    return result


def _percent(done: set[int], modules: set[int]) -> int:
    return (len(done & modules) * 100 // len(modules)) if modules else 0


def course_statuses(user: User, courses: Iterable[CoursePage]) -> dict[int, CourseStatus]:
    """Each course's status for the person, in four queries whatever the number of courses."""
    courses = list(courses)
    if not user.is_authenticated or not courses:
        return {course.pk: CourseStatus(CourseState.NOT_STARTED) for course in courses}
    ids = [course.pk for course in courses]
    active = dict(
        Enrolment.objects.filter(user=user, course_id__in=ids, status=Enrolment.Status.ACTIVE).values_list(
            "course_id", "id"
        )
    )
    latest_completion: dict[int, Completion] = {}
    for completion in (
        Completion.objects.filter(user=user, course_id__in=ids)
        .select_related("certificate")
        .order_by("-completed_on", "-completed_at")
    ):
        latest_completion.setdefault(completion.course_id, completion)
    done = _done_modules_by_enrolment(active.values())
    modules = _live_module_ids_by_course(c for c in courses if c.pk in active) if active else {}
    today = timezone.localdate()
    statuses = {}
    for course in courses:
        completion = latest_completion.get(course.pk)
        if course.pk in active:
            enrolment_id = active[course.pk]
            percent = _percent(done.get(enrolment_id, set()), modules.get(course.pk, set()))
            statuses[course.pk] = CourseStatus(CourseState.IN_PROGRESS, percent, enrolment_id, completion)
        elif completion is not None:
            statuses[course.pk] = CourseStatus(
                certificate_state(_certificate_of(completion), today), 100, completion.enrolment_id, completion
            )
        else:
            statuses[course.pk] = CourseStatus(CourseState.NOT_STARTED)
    return statuses


def _done_modules_by_enrolment(enrolment_ids: Iterable[int]) -> dict[int, set[int]]:
    enrolment_ids = list(enrolment_ids)
    result: dict[int, set[int]] = {}
    if enrolment_ids:
        for enrolment_id, module_id in ModuleProgress.objects.filter(enrolment_id__in=enrolment_ids).values_list(
            "enrolment_id", "module_id"
        ):
            result.setdefault(enrolment_id, set()).add(module_id)
    return result


# --- The catalogue ------------------------------------------------------------------------------------------


class LearnerFingerprint(NamedTuple):
    """Everything about a learner's progress that their module page shows; changes whenever that changes."""

    enrolment_id: int
    status: str
    last_module_id: int | None
    progress_count: int
    latest_progress_id: int | None
    attempts_on_module: int
    latest_attempt_id: int | None


def learner_fingerprint(user: User, course_id: int, module_id: int) -> LearnerFingerprint | None:
    """The fingerprint of the learner's current enrolment on the course, or None if not enrolled.

    One plain SQL statement: this runs on every view of a module page (it is what the cached copy of
    the page is keyed by), and building the same query with the ORM costs several times more than
    running it.
    """
    enrolments = Enrolment._meta.db_table
    progress = ModuleProgress._meta.db_table
    attempts = QuizAttempt._meta.db_table
    sql = f"""
        SELECT e.id, e.status, e.last_module_id,
            (SELECT COUNT(*) FROM {progress} p WHERE p.enrolment_id = e.id),
            (SELECT MAX(p.id) FROM {progress} p WHERE p.enrolment_id = e.id),
            (SELECT COUNT(*) FROM {attempts} a WHERE a.enrolment_id = e.id AND a.module_id = %s),
            (SELECT MAX(a.id) FROM {attempts} a WHERE a.enrolment_id = e.id AND a.module_id = %s)
        FROM {enrolments} e
        WHERE e.user_id = %s AND e.course_id = %s AND e.status IN (%s, %s)
        ORDER BY CASE WHEN e.status = %s THEN 0 ELSE 1 END, e.enrolled_at DESC
        LIMIT 1
    """  # table names from the models; every value is a parameter
    active, completed = Enrolment.Status.ACTIVE.value, Enrolment.Status.COMPLETED.value
    with connection.cursor() as cursor:
        cursor.execute(sql, [module_id, module_id, user.pk, course_id, active, completed, active])
        row = cursor.fetchone()
    if row is None:
        return None
    enrolment_id, status, last_module_id, progress_count, latest_progress, attempt_count, latest_attempt = row
    return LearnerFingerprint(
        enrolment_id, status, last_module_id, progress_count or 0, latest_progress, attempt_count or 0, latest_attempt
    )


def _active_first():
    return Case(When(status=Enrolment.Status.ACTIVE, then=Value(0)), default=Value(1))


@dataclass
class LearnerCourseState:
    """A learner's current (or, once completed, latest) enrolment on a course and what they have done."""

    outline: CourseOutline
    enrolment: Enrolment | None
    done: set[int] = field(default_factory=set)

    @property
    def is_enrolled(self) -> bool:
        return self.enrolment is not None

    @property
    def is_completed(self) -> bool:
        return self.enrolment is not None and self.enrolment.status == Enrolment.Status.COMPLETED

    def is_done(self, module_id: int) -> bool:
        return module_id in self.done

    def is_unlocked(self, module_id: int) -> bool:
        """Modules open in order; once a course is completed, every module can be revisited."""
        if self.is_completed:
            return True
        for module in self.outline.modules:
            if module.id == module_id:
                return True
            if module.id not in self.done:
                return False
        return False

    def first_unfinished(self) -> ModuleOutline | None:
        return next((m for m in self.outline.modules if m.id not in self.done), None)

    def resume_module(self) -> ModuleOutline | None:
        """Where "Continue where you left off" goes: the first unfinished module, else the last one visited."""
        module = self.first_unfinished()
        if module is not None or not self.outline.modules:
            return module
        last = self.enrolment.last_module_id if self.enrolment else None
        return next((m for m in self.outline.modules if m.id == last), self.outline.modules[0])

    @property
    def all_done(self) -> bool:
        return all(module.id in self.done for module in self.outline.modules)

    def module_rows(self) -> list[dict]:
        """The outline with each module's status for this learner, for the module lists."""
        rows = []
        for module in self.outline.modules:
            if module.id in self.done:
                status = "done"
            elif self.is_enrolled and self.is_unlocked(module.id):
                status = "available"
            else:
                status = "locked" if self.is_enrolled else "not_enrolled"
            rows.append({"module": module, "status": status})
        return rows


def learner_course_state(user: User, course: CoursePage, outline: CourseOutline | None = None) -> LearnerCourseState:
    """The learner's active enrolment (else their latest completed one) and the modules they have done.

    A module is done when its progress is recorded and, if it has a knowledge check, that check was passed.
    Three queries at most, whatever the number of modules.
    """
    outline = outline or course_outline(course)
    if not user.is_authenticated:
        return LearnerCourseState(outline, None)
    enrolment = (
        Enrolment.objects.filter(
            user=user, course=course, status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED]
        )
        .order_by(_active_first(), "-enrolled_at")
        .first()
    )
    if enrolment is None:
        return LearnerCourseState(outline, None)
    progressed = set(ModuleProgress.objects.filter(enrolment=enrolment).values_list("module_id", flat=True))
    passed = set(
        QuizAttempt.objects.filter(enrolment=enrolment, passed=True)
        .order_by()
        .values_list("module_id", flat=True)
        .distinct()
    )
    checks = {m.id for m in outline.modules if m.has_check}
    done = {module_id for module_id in progressed if module_id not in checks or module_id in passed}
    return LearnerCourseState(outline, enrolment, done)


# --- My learning --------------------------------------------------------------------------------------------


@dataclass
class InProgressCourse:
    course: CoursePage
    enrolment: Enrolment
    percent: int


@dataclass
class CompletedCourse:
    completion: Completion
    state: str

    @property
    def course(self) -> CoursePage:
        return self.completion.course

    @property
    def certificate(self) -> object | None:
        return _certificate_of(self.completion)


@dataclass
class LearningOverview:
    in_progress: list[InProgressCourse]
    renewal_due: list[CompletedCourse]
    completed: list[CompletedCourse]


def learning_overview(user: User) -> LearningOverview:
    """A person's courses in progress, completions (latest first) and courses due for renewal.

    Renewal due: the latest completion of a course whose certificate has expired, or expires within
    the renewal window, and which they have not started again. Five queries whatever the numbers.
    """
    enrolments = list(
        Enrolment.objects.filter(user=user, status=Enrolment.Status.ACTIVE)
        .select_related("course")
        .defer("course__learning_outcomes")
        .order_by("-enrolled_at")
    )
    done = _done_modules_by_enrolment(e.pk for e in enrolments)
    modules = _live_module_ids_by_course(e.course for e in enrolments)
    in_progress = [
        InProgressCourse(e.course, e, _percent(done.get(e.pk, set()), modules.get(e.course_id, set())))
        for e in enrolments
    ]
    active_courses = {e.course_id for e in enrolments}
    today = timezone.localdate()
    completed, renewal_due, seen = [], [], set()
    for completion in (
        Completion.objects.filter(user=user)
        .select_related("course", "certificate")
        .order_by("-completed_on", "-completed_at")
    ):
        item = CompletedCourse(completion, certificate_state(_certificate_of(completion), today))
        completed.append(item)
        latest = completion.course_id not in seen
        seen.add(completion.course_id)
        if latest and item.state in RENEWABLE_STATES and completion.course_id not in active_courses:
            renewal_due.append(item)
    return LearningOverview(in_progress, renewal_due, completed)


@dataclass
class WelcomeBack:
    """What a signed-in person sees first on the home page: where to pick up, and their courses in progress."""

    resume: InProgressCourse | None  # the active enrolment they worked on most recently
    in_progress: list[InProgressCourse]  # the most recently worked on first, at most WELCOME_COURSES
    more_in_progress: int  # how many more there are (in My learning)
    assigned: list[Assignment] = field(default_factory=list)  # not done yet, soonest due first
    renewal_due: list[CompletedCourse] = field(default_factory=list)  # certificates expiring soon or expired
    certificates: int = 0  # courses whose latest certificate is valid today
    today: datetime.date | None = None


WELCOME_COURSES = 3


def welcome_back(user: User) -> WelcomeBack:
    """The signed-in home page's "Welcome back" (the learner's dashboard): five queries however many courses,
    assignments and certificates the person has.

    Courses in progress, what is assigned and when it is due (overdue first), certificates held, and those
    due for renewal (the latest completion of a course, not started again).

    Most recent is by the last module finished on the enrolment, or its start if none is finished yet.
    """
    enrolments = list(
        Enrolment.objects.filter(user=user, status=Enrolment.Status.ACTIVE)
        .select_related("course")
        .defer("course__learning_outcomes")
        .annotate(last_activity=Coalesce(Max("module_progress__completed_at"), F("enrolled_at")))
        .order_by("-last_activity", "-pk")
    )
    shown = enrolments[:WELCOME_COURSES]
    done = _done_modules_by_enrolment(e.pk for e in shown)
    modules = _live_module_ids_by_course(e.course for e in shown)
    in_progress = [
        InProgressCourse(e.course, e, _percent(done.get(e.pk, set()), modules.get(e.course_id, set()))) for e in shown
    ]
    today = timezone.localdate()
    assigned = list(
        Assignment.objects.filter(user=user, satisfied_by__isnull=True)
        .select_related("course", "assigned_by")
        .defer("course__learning_outcomes")
        .order_by("due_on", "pk")
    )
    for assignment in assigned:
        assignment.overdue = assignment.due_on < today
    active_courses = {e.course_id for e in enrolments}
    renewal_due, certificates, seen = [], 0, set()
    for completion in (
        Completion.objects.filter(user=user)
        .select_related("course", "certificate")
        .defer("course__learning_outcomes")
        .order_by("-completed_on", "-completed_at")
    ):
        if completion.course_id in seen:
            continue  # only the latest completion of each course counts
        seen.add(completion.course_id)
        item = CompletedCourse(completion, certificate_state(_certificate_of(completion), today))
        if item.state in RENEWABLE_STATES:
            if completion.course_id not in active_courses:
                renewal_due.append(item)
        elif item.certificate is not None:
            certificates += 1
    return WelcomeBack(
        in_progress[0] if in_progress else None,
        in_progress,
        len(enrolments) - len(shown),
        assigned=assigned,
        renewal_due=renewal_due,
        certificates=certificates,
        today=today,
    )


def learning_record(user: User) -> QuerySet[Completion]:
    """The person's own completions for their downloadable learning record, latest first (one query)."""
    return (
        Completion.objects.filter(user=user)
        .select_related("course", "organisation", "district", "certificate")
        .order_by("-completed_on", "-completed_at")
    )


def completion_for(user: User, completion_id: int) -> Completion | None:
    """One of the person's own completions (with its course), or None."""
    return Completion.objects.filter(user=user, pk=completion_id).select_related("course").first()


def active_enrolment(user: User, course: CoursePage) -> Enrolment | None:
    return Enrolment.objects.filter(user=user, course=course, status=Enrolment.Status.ACTIVE).first()


def attempt_count(enrolment: Enrolment, module: ModulePage) -> int:
    """How many times the enrolment has submitted this module's knowledge check."""
    return QuizAttempt.objects.filter(enrolment=enrolment, module=module).count()


def attempt_for(enrolment: Enrolment, module: ModulePage, attempt_id: int) -> QuizAttempt | None:
    """One of the enrolment's attempts at this module's knowledge check, or None."""
    return QuizAttempt.objects.filter(pk=attempt_id, enrolment=enrolment, module=module).first()
