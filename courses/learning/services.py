"""Actions on learning records: enrolment, progress, knowledge checks, completion.

Views, admin screens, imports and tasks call these; nothing else writes the
records, so the rules live in one place.
"""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format

from accounts.models import District, Organisation, User

from ..catalogue.blocks import (
    REVIEW_AFTER_FAIL_DEFAULT,
    REVIEW_AFTER_PASS_DEFAULT,
    REVIEW_FEEDBACK,
    REVIEW_RIGHT_ANSWERS,
    REVIEW_WHICH_WRONG,
)
from ..catalogue.models import CoursePage, ModulePage
from . import assignments, selectors
from .models import Completion, Enrolment, Evaluation, ModuleProgress, QuizAttempt
from .signals import completions_recorded


class EnrolmentError(Exception):
    """A rule stops this enrolment; the message is shown to the person."""


def missing_prerequisites(user: User, course: CoursePage) -> list[CoursePage]:
    """Prerequisite courses the user has not completed."""
    required = list(course.prerequisites.all())
    if not required:
        return []
    done = set(Completion.objects.filter(user=user, course__in=required).values_list("course_id", flat=True))
    return [c for c in required if c.pk not in done]


@transaction.atomic
def enrol(user: User, course: CoursePage, *, source: str = Enrolment.Source.SELF, by: User | None = None) -> Enrolment:
    """Enrol a person on a course, or return their enrolment if they are already on it.

    Self-enrolment needs a complete profile and every prerequisite completed;
    the error names what is missing. Enrolling twice returns the same
    enrolment (the database allows one active enrolment per person and course).
    """
    existing = _active_enrolments(course, [user.pk]).get(user.pk)
    if existing:
        return existing
    if source == Enrolment.Source.SELF:
        if not user.profile_is_complete:
            raise EnrolmentError("Complete your profile (organisation, work district and job title) to enrol.")
        missing = missing_prerequisites(user, course)
        if missing:
            names = ", ".join(f"“{c.title}”" for c in missing)
            raise EnrolmentError(f"Complete {names} before you enrol on “{course.title}”.")
        _check_may_retake(user, course)
    try:
        with transaction.atomic():
            return _create_enrolments(course, [user.pk], source=source, by=by)[0]
    except IntegrityError:
        # Two requests at once (a double click): the other one won.
        return Enrolment.objects.get(user=user, course=course, status=Enrolment.Status.ACTIVE)


@dataclass(frozen=True)
class Enrolled:
    """What ``enrol_many`` did: the new enrolments, and how many people were on the course already."""

    enrolments: list[Enrolment]
    already_enrolled: int


@transaction.atomic
def enrol_many(
    course: CoursePage, people: Iterable[User], *, source: str = Enrolment.Source.MANAGER, by: User | None = None
) -> Enrolled:
    """Enrol many people on a course at once (a manager's list), in a few queries.

    The rules of ``enrol`` for someone other than the learner: no profile or
    prerequisite is required, and people already on the course (an active
    enrolment) are counted, not enrolled again. If someone else enrols one of
    them at the same moment, the one-active-enrolment constraint raises an
    ``IntegrityError`` and nobody is enrolled.
    """
    user_ids = list(dict.fromkeys(user.pk for user in people))
    already = _active_enrolments(course, user_ids)
    enrolments = _create_enrolments(course, [pk for pk in user_ids if pk not in already], source=source, by=by)
    return Enrolled(enrolments=enrolments, already_enrolled=len(already))


def _active_enrolments(course: CoursePage, user_ids: list[int]) -> dict[int, Enrolment]:
    """The active enrolments on the course of these people, by person (at most one each, by the constraint)."""
    if not user_ids:
        return {}
    return {
        enrolment.user_id: enrolment
        for enrolment in Enrolment.objects.filter(course=course, status=Enrolment.Status.ACTIVE, user_id__in=user_ids)
    }


def _create_enrolments(course: CoursePage, user_ids: list[int], *, source: str, by: User | None) -> list[Enrolment]:
    """Insert new active enrolments, recording how (``source``) and by whom each person was enrolled."""
    now = timezone.now()
    return Enrolment.objects.bulk_create(
        [Enrolment(user_id=pk, course=course, source=source, enrolled_by=by, enrolled_at=now) for pk in user_ids],
        batch_size=500,
    )


def _check_may_retake(user: User, course: CoursePage) -> None:
    """A completed course is taken again (a new occasion) only once its certificate has expired or is due."""
    latest = (
        Completion.objects.filter(user=user, course=course)
        .select_related("certificate")
        .order_by("-completed_on", "-completed_at")
        .first()
    )
    if latest is None:
        return
    certificate = getattr(latest, "certificate", None)  # the reverse one-to-one raises an AttributeError
    if selectors.certificate_state(certificate) not in selectors.RENEWABLE_STATES:
        raise EnrolmentError(
            f"You completed “{course.title}” on {date_format(latest.completed_on, 'j F Y')}. You can take it "
            "again when your certificate is due for renewal."
        )


@transaction.atomic
def withdraw(enrolment: Enrolment) -> Enrolment:
    """Withdraw an active enrolment (its progress is kept)."""
    if enrolment.status == Enrolment.Status.ACTIVE:
        withdrawn_at = timezone.now()
        if withdraw_many(Enrolment.objects.filter(pk=enrolment.pk), at=withdrawn_at):
            enrolment.status = Enrolment.Status.WITHDRAWN
            enrolment.withdrawn_at = withdrawn_at
    return enrolment


def withdraw_many(enrolments: QuerySet[Enrolment], *, at: datetime.datetime | None = None) -> int:
    """Withdraw the active enrolments among these (their progress is kept); returns how many.

    Enrolments that are not active are left alone, so withdrawing twice
    changes nothing more.
    """
    return enrolments.filter(status=Enrolment.Status.ACTIVE).update(
        status=Enrolment.Status.WITHDRAWN, withdrawn_at=at or timezone.now()
    )


def record_completion(
    user: User,
    course: CoursePage,
    *,
    completed_at: datetime.datetime | None = None,
    enrolment: Enrolment | None = None,
    organisation: Organisation | None = None,
    district: District | None = None,
    source: str = Completion.Source.ONLINE,
    queue_certificate: bool = True,
) -> Completion:
    """Record that a person completed a course, copying where they work *now*.

    Pass ``organisation`` and ``district`` to record other values (imported
    history records the row's, not today's profile). The sector is the
    organisation's. One completion per enrolment, and per person, course and
    day; calling again returns the existing completion. The certificate is
    queued once the transaction commits, unless ``queue_certificate`` is False
    (demo history, whose certificates are issued at once without rendering or
    emailing, as the demo does for its imported history).
    """
    completed_at = completed_at or timezone.now()
    organisation = organisation if organisation is not None else user.organisation
    district = district if district is not None else user.district
    with transaction.atomic():
        if enrolment is not None and enrolment.status != Enrolment.Status.COMPLETED:
            enrolment.status = Enrolment.Status.COMPLETED
            enrolment.completed_at = completed_at
            enrolment.save(update_fields=["status", "completed_at"])
        completion, _ = Completion.objects.get_or_create(
            user=user,
            course=course,
            completed_on=timezone.localdate(completed_at),
            defaults={
                "enrolment": enrolment,
                "completed_at": completed_at,
                "source": source,
                "organisation": organisation,
                "sector_id": organisation.sector_id if organisation else None,
                "district": district,
            },
        )
        # A completion (online, or a booked session's attendance) meets the person's assignment of the course.
        assignments.satisfy_assignments(completion)
        if queue_certificate:
            completions_recorded.send(sender=Completion, completion_ids=[completion.pk])
    return completion


# --- Learning: modules, knowledge checks, completion, evaluation --------------------------------------------


class LearningError(Exception):
    """The learner cannot do this (not enrolled, module locked, stale or tampered form); shown to them."""


SUBMISSION_SALT = "courses.knowledge-check.submission"


def new_submission_key(user_id: int, module_id: int) -> str:
    """A signed one-time key for one rendering of a knowledge-check form (a double click sends it twice)."""
    return signing.Signer(salt=SUBMISSION_SALT).sign(f"{user_id}.{module_id}.{secrets.token_hex(16)}")


def _submission_nonce(submission_key: str, user_id: int, module_id: int) -> str:
    try:
        value = signing.Signer(salt=SUBMISSION_SALT).unsign(submission_key or "")
        key_user, key_module, nonce = value.split(".")
    except (signing.BadSignature, ValueError):
        raise LearningError("This form has expired. Please answer the questions again.") from None
    if (key_user, key_module) != (str(user_id), str(module_id)):
        raise LearningError("This form has expired. Please answer the questions again.")
    return nonce


@dataclass(frozen=True)
class QuestionResult:
    number: int
    text: str
    chosen: tuple[str, ...]
    right: bool
    feedback: str
    right_answers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Marking:
    score_percent: int
    pass_mark: int
    passed: bool
    questions: tuple[QuestionResult, ...]

    @property
    def right_count(self) -> int:
        return sum(1 for question in self.questions if question.right)


@dataclass(frozen=True)
class Review:
    """What the learner is shown of a marked attempt besides the score, by the check's review options."""

    which_wrong: bool
    feedback: bool
    right_answers: bool

    @property
    def per_question(self) -> bool:
        return self.which_wrong or self.feedback or self.right_answers


def review_for(check: dict, passed: bool) -> Review:
    """The check's review options for a passed or a failed attempt (checks saved before they existed get the
    defaults: after a failure, which questions were wrong; after a pass, everything)."""
    if passed:
        chosen = check.get("review_after_pass", REVIEW_AFTER_PASS_DEFAULT)
    else:
        chosen = check.get("review_after_fail", REVIEW_AFTER_FAIL_DEFAULT)
    chosen = set(chosen or ())
    return Review(REVIEW_WHICH_WRONG in chosen, REVIEW_FEEDBACK in chosen, REVIEW_RIGHT_ANSWERS in chosen)


def mark_answers(check: dict, answers: dict) -> Marking:
    """Mark a knowledge check: each question is fully right (exactly the correct options) or wrong.

    ``answers`` maps each question's index (int or str) to the chosen option indexes. The score is the
    percentage of questions right, rounded down; the check is passed at or above its pass mark. Raises
    LearningError for an unanswered question, an option that does not exist, or two answers to a
    single-answer question.
    """
    questions = list(check["questions"])
    if not questions:
        raise LearningError("This knowledge check has no questions.")
    normalised = {str(key): value for key, value in answers.items()}
    results = []
    for index, question in enumerate(questions):
        number = index + 1
        options = list(question["options"])
        try:
            chosen = {int(choice) for choice in normalised.get(str(index)) or []}
        except (TypeError, ValueError):
            raise LearningError(f"Question {number}: choose one of the options given.") from None
        if not chosen:
            raise LearningError(f"Answer question {number}.")
        if not all(0 <= choice < len(options) for choice in chosen):
            raise LearningError(f"Question {number}: choose one of the options given.")
        if len(chosen) > 1 and not question["multiple"]:
            raise LearningError(f"Question {number}: choose one answer.")
        correct = {i for i, option in enumerate(options) if option["correct"]}
        results.append(
            QuestionResult(
                number=number,
                text=question["text"],
                chosen=tuple(options[i]["text"] for i in sorted(chosen)),
                right=chosen == correct,
                feedback=question["feedback"],
                right_answers=tuple(options[i]["text"] for i in sorted(correct)),
            )
        )
    score = sum(1 for result in results if result.right) * 100 // len(results)
    pass_mark = int(check["pass_mark"])
    return Marking(score, pass_mark, score >= pass_mark, tuple(results))


def _check_module_open(enrolment: Enrolment, module: ModulePage) -> selectors.LearnerCourseState:
    if enrolment.status != Enrolment.Status.ACTIVE:
        raise LearningError(
            "You have completed this course."
            if enrolment.status == Enrolment.Status.COMPLETED
            else "You are not enrolled on this course."
        )
    state = selectors.learner_course_state(enrolment.user, enrolment.course)
    if state.enrolment is None or state.enrolment.pk != enrolment.pk or state.outline.position(module.pk) is None:
        raise LearningError("This module is not part of a course you are enrolled on.")
    if not state.is_unlocked(module.pk):
        first = state.first_unfinished()
        raise LearningError(f"Finish “{first.title}” before you start “{module.title}”.")
    return state


def record_module_visit(enrolment: Enrolment, module_id: int) -> None:
    """Remember the module the learner opened last, for "Continue where you left off"."""
    if enrolment.status == Enrolment.Status.ACTIVE and enrolment.last_module_id != module_id:
        Enrolment.objects.filter(pk=enrolment.pk).update(last_module_id=module_id)
        enrolment.last_module_id = module_id


def _record_progress(enrolment: Enrolment, module: ModulePage) -> None:
    try:
        with transaction.atomic():
            ModuleProgress.objects.get_or_create(enrolment=enrolment, module=module)
    except IntegrityError:
        pass  # recorded by a simultaneous request


def mark_module_done(enrolment: Enrolment, module: ModulePage) -> Completion | None:
    """Mark a module without a knowledge check as done; returns the completion if that finished the course.

    Marking a module done twice changes nothing.
    """
    _check_module_open(enrolment, module)
    if module.knowledge_check is not None:
        raise LearningError("Pass the knowledge check to finish this module.")
    with transaction.atomic():
        _record_progress(enrolment, module)
        return complete_if_done(enrolment)


@dataclass(frozen=True)
class KnowledgeCheckOutcome:
    attempt: QuizAttempt
    marking: Marking
    completion: Completion | None  # set when this attempt completed the course
    duplicate: bool  # the same form was submitted before (a double click): nothing new was recorded


def submit_knowledge_check(
    enrolment: Enrolment, module: ModulePage, *, block_id: str, answers: dict, submission_key: str
) -> KnowledgeCheckOutcome:
    """Mark a learner's answers on the server and keep the attempt, passed or not.

    A pass records the module as done, and completes the course if it was the last thing left. The
    one-time ``submission_key`` of the rendered form makes a second submission of the same form (a
    double click) return the first attempt instead of recording another. A wrong block id (a stale or
    tampered form), an answer that is not an option, an unanswered question, or a module outside the
    learner's enrolment raise LearningError and write nothing.
    """
    _check_module_open(enrolment, module)
    check = module.knowledge_check
    if check is None or check.id != block_id:
        raise LearningError("This knowledge check has changed since you opened it. Please answer it again.")
    nonce = _submission_nonce(submission_key, enrolment.user_id, module.pk)
    existing = QuizAttempt.objects.filter(enrolment=enrolment, submission_key=nonce).first()
    if existing is not None:
        return KnowledgeCheckOutcome(existing, mark_answers(check.value, existing.answers), None, True)
    marking = mark_answers(check.value, answers)
    stored_answers = {str(int(k)): sorted(int(c) for c in v) for k, v in answers.items()}
    with transaction.atomic():
        try:
            with transaction.atomic():
                attempt = QuizAttempt.objects.create(
                    enrolment=enrolment,
                    module=module,
                    block_id=block_id,
                    answers=stored_answers,
                    score_percent=marking.score_percent,
                    passed=marking.passed,
                    submission_key=nonce,
                )
        except IntegrityError:
            attempt = QuizAttempt.objects.get(enrolment=enrolment, submission_key=nonce)
            return KnowledgeCheckOutcome(attempt, mark_answers(check.value, attempt.answers), None, True)
        completion = None
        if marking.passed:
            _record_progress(enrolment, module)
            completion = complete_if_done(enrolment)
    return KnowledgeCheckOutcome(attempt, marking, completion, False)


def complete_if_done(enrolment: Enrolment) -> Completion | None:
    """Record the completion of an active enrolment once every module is done and every check passed.

    Returns the completion when it is recorded by this call, None otherwise (not finished yet, or
    already completed): the completion is recorded exactly once per enrolment.
    """
    with transaction.atomic():
        # Serialise simultaneous requests of the same learner (select_for_update is a no-op on SQLite,
        # where writes are serialised anyway).
        locked = Enrolment.objects.select_for_update().select_related("course", "user").get(pk=enrolment.pk)
        if locked.status != Enrolment.Status.ACTIVE:
            return None
        state = selectors.learner_course_state(locked.user, locked.course)
        if state.enrolment is None or state.enrolment.pk != locked.pk:
            return None
        if not state.outline.modules or not state.all_done:
            return None
        completion = record_completion(locked.user, locked.course, enrolment=locked)
    enrolment.status = locked.status
    enrolment.completed_at = locked.completed_at
    return completion


def submit_evaluation(
    completion: Completion, *, confidence_before: int, confidence_after: int, usefulness: int, comment: str = ""
) -> Evaluation:
    """Keep the learner's evaluation of a completed course (one per completion)."""
    if Evaluation.objects.filter(completion=completion).exists():
        raise LearningError("You have already sent your feedback on this course. Thank you.")
    try:
        with transaction.atomic():
            return Evaluation.objects.create(
                completion=completion,
                confidence_before=confidence_before,
                confidence_after=confidence_after,
                usefulness=usefulness,
                comment=comment.strip()[:1000],
            )
    except IntegrityError:
        raise LearningError("You have already sent your feedback on this course. Thank you.") from None
