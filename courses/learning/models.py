"""The learning records around the course pages.

The records (enrolment, progress, attempts, completion, certificate,
evaluation) are plain models so that they survive a page being edited, and
keep, on each completion, the organisation, sector and district the learner
had *at that moment*: a figure reported for last quarter must never change
when somebody moves job.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from ..catalogue.models import CoursePage, ModulePage


class Enrolment(models.Model):
    """A person taking a course, once per occasion (a renewal is a new enrolment)."""

    class Status(models.TextChoices):
        ACTIVE = "active", "In progress"
        COMPLETED = "completed", "Completed"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class Source(models.TextChoices):
        SELF = "self", "Self-enrolled"
        MANAGER = "manager", "Enrolled by a training manager"
        IMPORT = "import", "Imported"
        BOOKING = "booking", "Booked on a session"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="enrolments")
    course = models.ForeignKey(CoursePage, on_delete=models.PROTECT, related_name="enrolments")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.SELF)
    enrolled_at = models.DateTimeField(default=timezone.now, db_index=True)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    last_module = models.ForeignKey(
        ModulePage, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", help_text="Where to resume."
    )

    class Meta:
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], condition=Q(status="active"), name="one_active_enrolment_per_course"
            ),
        ]
        indexes = [models.Index(fields=["course", "enrolled_at"]), models.Index(fields=["user", "status"])]

    def __str__(self) -> str:
        return f"{self.user} on {self.course}"


class ModuleProgress(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="module_progress")
    module = models.ForeignKey(ModulePage, on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["enrolment", "module"], name="one_progress_per_module")]

    def __str__(self) -> str:
        return f"{self.module} done"


class QuizAttempt(models.Model):
    """Every submission of a knowledge check is kept, passed or not."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="quiz_attempts")
    module = models.ForeignKey(ModulePage, on_delete=models.CASCADE, related_name="+")
    block_id = models.CharField(max_length=64, help_text="The StreamField id of the knowledge-check block.")
    answers = models.JSONField(help_text="Question index -> chosen option indexes.")
    score_percent = models.PositiveSmallIntegerField(validators=[MaxValueValidator(100)])
    passed = models.BooleanField()
    submission_key = models.CharField(
        max_length=64, help_text="One per rendered form, so a double click records one attempt."
    )
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["submitted_at"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "submission_key"], name="one_attempt_per_submission"),
            models.CheckConstraint(condition=Q(score_percent__lte=100), name="attempt_score_at_most_100"),
        ]
        indexes = [models.Index(fields=["enrolment", "module"])]

    def __str__(self) -> str:
        return f"{self.score_percent}% on {self.module}"


class Completion(models.Model):
    """A person completed a course on one occasion.

    ``organisation``, ``sector`` and ``district`` are copied when the
    completion is recorded (or, for imported history, from the import row),
    and the measures count them, never the person's current profile.
    """

    class Source(models.TextChoices):
        ONLINE = "online", "Online modules"
        ATTENDANCE = "attendance", "Session attendance"
        IMPORT = "import", "Imported history"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="completions")
    course = models.ForeignKey(CoursePage, on_delete=models.PROTECT, related_name="completions")
    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.PROTECT, null=True, blank=True, related_name="completion"
    )
    completed_on = models.DateField(db_index=True)
    completed_at = models.DateTimeField(default=timezone.now)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.ONLINE)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sector = models.ForeignKey("accounts.Sector", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    district = models.ForeignKey("accounts.District", on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-completed_on"]
        constraints = [
            # One completion per person, course and day: importing the same history twice adds nothing.
            models.UniqueConstraint(fields=["user", "course", "completed_on"], name="one_completion_per_day"),
        ]
        indexes = [
            models.Index(fields=["completed_on", "user"]),
            models.Index(fields=["course", "completed_on"]),
            models.Index(fields=["district", "completed_on"]),
            models.Index(fields=["sector", "completed_on"]),
            models.Index(fields=["organisation", "completed_on"]),
            models.Index(fields=["user", "course"]),
        ]

    def __str__(self) -> str:
        return f"{self.user} completed {self.course} on {self.completed_on}"


class Evaluation(models.Model):
    """The learner's view after completing: so the programme can show its objectives are met."""

    SCALE = [MinValueValidator(1), MaxValueValidator(5)]

    completion = models.OneToOneField(Completion, on_delete=models.CASCADE, related_name="evaluation")
    confidence_before = models.PositiveSmallIntegerField(validators=SCALE)
    confidence_after = models.PositiveSmallIntegerField(validators=SCALE)
    usefulness = models.PositiveSmallIntegerField(validators=SCALE)
    comment = models.TextField(blank=True, max_length=1000)
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(confidence_before__gte=1, confidence_before__lte=5)
                & Q(confidence_after__gte=1, confidence_after__lte=5)
                & Q(usefulness__gte=1, usefulness__lte=5),
                name="evaluation_scores_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"Evaluation of {self.completion}"


class Assignment(models.Model):
    """A course someone must take by a date: set by a training manager, or a partner lead for their own staff.

    ``source`` says how the person was chosen (by name or address, or as one of an organisation's, a
    sector's or a district's staff), so a list can say why someone has it. An assignment is *open* until
    a completion of its course satisfies it (``satisfied_by``); a person has at most one open assignment
    per course (the constraint), so assigning twice never makes two, and the earlier due date is kept.
    With ``recurs_on_renewal`` a new assignment is made when the completion's certificate comes up for
    renewal, due on the day it expires.
    """

    class Source(models.TextChoices):
        DIRECT = "direct", "Chosen by name or email"
        ORGANISATION = "organisation", "Staff of an organisation"
        SECTOR = "sector", "Staff of a sector"
        DISTRICT = "district", "Staff of a district"
        RENEWAL = "renewal", "Renewal of an earlier assignment"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="assignments")
    due_on = models.DateField(db_index=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.DIRECT)
    recurs_on_renewal = models.BooleanField(default=False)
    satisfied_by = models.ForeignKey(
        Completion, on_delete=models.SET_NULL, null=True, blank=True, related_name="assignments_satisfied"
    )
    satisfied_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], condition=Q(satisfied_by__isnull=True), name="one_open_assignment_per_course"
            ),
        ]
        indexes = [
            models.Index(fields=["user", "satisfied_by"]),
            models.Index(fields=["course", "due_on"]),
        ]
        permissions = [("assign_own_organisation", "Can assign courses to their own organisation's staff")]

    def __str__(self) -> str:
        return f"{self.course} for {self.user} by {self.due_on}"

    @property
    def is_open(self) -> bool:
        return self.satisfied_by_id is None

    def is_overdue_on(self, day) -> bool:
        return self.is_open and day > self.due_on

    @property
    def done_on_time(self) -> bool:
        return self.satisfied_on is not None and self.satisfied_on <= self.due_on


class AssignmentReminder(models.Model):
    """A reminder email sent about an open assignment: one row per kind, so each is sent exactly once."""

    class Kind(models.TextChoices):
        BEFORE = "before", "Due in 14 days"
        DUE = "due", "Due today"
        OVERDUE_1 = "overdue_1", "Overdue (first reminder)"
        OVERDUE_2 = "overdue_2", "Overdue (second reminder)"
        OVERDUE_3 = "overdue_3", "Overdue (last reminder)"

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assignment", "kind"], name="one_reminder_of_each_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.assignment}"


class FollowUp(models.Model):
    """Three months after a completion (``FOLLOW_UP_DAYS``), one short question: has the learning been used?

    One per completion (the constraint), so the email is sent exactly once. The learner may answer once, or
    skip it; ``example`` is short and must identify nobody (the form says so).
    """

    class Used(models.TextChoices):
        NOT_YET = "not_yet", "Not yet"
        ONCE = "once", "Once"
        SEVERAL = "several", "Several times"

    EXAMPLE_MAX_LENGTH = 500

    completion = models.OneToOneField(Completion, on_delete=models.CASCADE, related_name="follow_up")
    sent_at = models.DateTimeField(default=timezone.now, db_index=True)
    answered_at = models.DateTimeField(null=True, blank=True, db_index=True)
    skipped_at = models.DateTimeField(null=True, blank=True)
    used = models.CharField(max_length=10, choices=Used.choices, blank=True)
    confidence_now = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    example = models.TextField(blank=True, max_length=EXAMPLE_MAX_LENGTH)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(confidence_now__isnull=True) | Q(confidence_now__gte=1, confidence_now__lte=5),
                name="follow_up_confidence_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"Follow-up of {self.completion}"

    @property
    def is_closed(self) -> bool:
        return self.answered_at is not None or self.skipped_at is not None
