"""Courses and modules (Wagtail pages), and the learning records around them.

The records (enrolment, progress, attempts, completion, certificate,
evaluation) are plain models so that they survive a page being edited, and
keep, on each completion, the organisation, sector and district the learner
had *at that moment*: a figure reported for last quarter must never change
when somebody moves job.
"""

from __future__ import annotations

import datetime
from http import HTTPMethod

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import ModuleStreamBlock


class Topic(models.Model):
    """The VAWG types a course covers (reference data, loaded by a migration)."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=40, unique=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class Level(models.TextChoices):
    AWARENESS = "awareness", "Awareness"
    PRACTITIONER = "practitioner", "Practitioner"
    SPECIALIST = "specialist", "Specialist"


class Delivery(models.TextChoices):
    ELEARNING = "elearning", "E-learning"
    VIRTUAL = "virtual", "Virtual classroom"
    FACE_TO_FACE = "face_to_face", "Face-to-face"
    BLENDED = "blended", "Blended"


class CourseIndexPage(Page):
    """The catalogue: lists, filters and searches the courses below it."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["courses.CoursePage"]
    max_count = 1
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]

    def get_context(self, request, *args, **kwargs):
        from . import views

        return views.catalogue_context(request, self)

    def serve(self, request, *args, **kwargs):
        from . import views

        request.is_preview = False
        return views.catalogue(request, self)


class CoursePage(Page):
    summary = models.TextField(max_length=400, help_text="One or two sentences for the catalogue.")
    topics = ParentalManyToManyField(Topic, blank=True, related_name="courses")
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.AWARENESS, db_index=True)
    delivery = models.CharField(max_length=20, choices=Delivery.choices, default=Delivery.ELEARNING, db_index=True)
    duration_minutes = models.PositiveIntegerField(default=60, help_text="About how long it takes, in minutes.")
    cpd_hours = models.DecimalField(
        "CPD hours", max_digits=4, decimal_places=1, default=1, validators=[MinValueValidator(0)]
    )
    learning_outcomes = models.TextField(
        blank=True, help_text="One outcome per line, each starting with a verb (e.g. 'Recognise ...')."
    )
    certificate_validity_months = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text="How long the certificate is valid. Blank: it never expires. Three years (36) is usual for "
        "domestic abuse and safeguarding training.",
    )
    counts_as_specialist_da = models.BooleanField(
        "counts as specialist domestic abuse training",
        default=False,
        help_text="Completions count towards the 'specialist domestic abuse training' measure.",
    )
    is_champion_training = models.BooleanField(
        default=False, help_text="A valid certificate of this course lets someone become a Domestic Abuse Champion."
    )
    prerequisites = ParentalManyToManyField(
        "self", symmetrical=False, blank=True, related_name="required_by", help_text="Courses to complete first."
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("level"),
                FieldPanel("delivery"),
                FieldPanel("duration_minutes"),
                FieldPanel("cpd_hours"),
            ],
            heading="About the course",
        ),
        FieldPanel("learning_outcomes"),
        MultiFieldPanel(
            [
                FieldPanel("certificate_validity_months"),
                FieldPanel("counts_as_specialist_da"),
                FieldPanel("is_champion_training"),
                FieldPanel("prerequisites", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Certificates, measures and prerequisites",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("learning_outcomes"),
        index.AutocompleteField("title"),
        index.FilterField("level"),
        index.FilterField("delivery"),
        index.RelatedFields("topics", [index.SearchField("name"), index.FilterField("slug")]),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS, HTTPMethod.POST]  # POST: enrol

    @property
    def outcomes(self) -> list[str]:
        return [line.strip() for line in self.learning_outcomes.splitlines() if line.strip()]

    @property
    def duration_text(self) -> str:
        """About how long it takes, in words: "45 minutes", "1 hour 30 minutes", "6 hours"."""
        hours, minutes = divmod(self.duration_minutes or 0, 60)
        parts = []
        if hours:
            parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
        if minutes or not hours:
            parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
        return " ".join(parts)

    @property
    def certificate_validity_text(self) -> str:
        months = self.certificate_validity_months
        if not months:
            return "Does not expire"
        if months % 12 == 0:
            years = months // 12
            return f"{years} year{'s' if years != 1 else ''}"
        return f"{months} month{'s' if months != 1 else ''}"

    def get_context(self, request, *args, **kwargs):
        from . import views

        return views.course_context(request, self)

    def serve(self, request, *args, **kwargs):
        """GET shows the course; POST enrols the signed-in professional."""
        from . import views

        request.is_preview = False
        if request.method == "POST":
            return views.enrol(request, self)
        return views.course(request, self)


class ModulePage(Page):
    """One step of a course; modules are taken in the order of the page tree."""

    body = StreamField(ModuleStreamBlock())

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []
    # POST: mark the module done, or submit its knowledge check.
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS, HTTPMethod.POST]

    @property
    def knowledge_check(self):
        """The module's knowledge-check block (at most one), or None."""
        for block in self.body:
            if block.block_type == "knowledge_check":
                return block
        return None

    def get_context(self, request, *args, **kwargs):
        """An editor's preview: every module open, answers not recorded."""
        from . import views

        return views.module_context(request, self, None)

    def serve(self, request, *args, **kwargs):
        """Enrolled learners only, in order; POST marks the module done or submits its knowledge check."""
        from . import views

        request.is_preview = False
        return views.module(request, self)


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


class CertificateQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date | None = None) -> CertificateQuerySet:
        """Valid on the day (today by default): not revoked, and never expiring or expiring that day or later.

        The one place the rule is written for queries; ``Certificate.is_valid_on`` is the same rule in Python.
        """
        day = day or timezone.localdate()
        return self.filter(revoked_at__isnull=True).filter(Q(expires_on__isnull=True) | Q(expires_on__gte=day))


class Certificate(models.Model):
    """Exactly one per completion; verifiable by anyone with its code.

    The holder's name, the course title and the CPD hours are copied at issue (and at a reissue after a
    name correction), so that the certificate says what was certified whatever is edited later, and a
    re-rendering of the same certificate is the same document. ``revision`` counts the renderings a
    reissue asks for; the PDF of each revision has its own file name, so a file is never half-replaced.
    """

    # The daily task reminds the holder this many days before expiry (each once).
    REMINDER_DAYS = (60, 14)

    class Status(models.TextChoices):
        VALID = "valid", "Valid"
        EXPIRED = "expired", "Expired"
        REVOKED = "revoked", "Revoked"

    completion = models.OneToOneField(Completion, on_delete=models.PROTECT, related_name="certificate")
    code = models.CharField(
        max_length=32, unique=True, help_text="Verification code, stored without separators, upper case."
    )
    holder_name = models.CharField(max_length=150, default="", help_text="The name on the certificate.")
    course_title = models.CharField(max_length=255, default="", help_text="The course title on the certificate.")
    cpd_hours = models.DecimalField("CPD hours", max_digits=4, decimal_places=1, default=0)
    issued_on = models.DateField()
    expires_on = models.DateField(null=True, blank=True, db_index=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.TextField(blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reissued_at = models.DateTimeField(null=True, blank=True)
    revision = models.PositiveSmallIntegerField(default=1, help_text="1 when issued, one more at each reissue.")
    pdf = models.FileField(upload_to="certificates/", blank=True, max_length=200)
    rendered_at = models.DateTimeField(null=True, blank=True)
    render_queued_at = models.DateTimeField(
        null=True, blank=True, help_text="When a rendering was last asked for (so that one is not asked twice)."
    )
    ready_notified_at = models.DateTimeField(
        null=True, blank=True, help_text="When the holder was emailed that the certificate is ready."
    )
    reminder_60_sent_at = models.DateTimeField(null=True, blank=True)
    reminder_14_sent_at = models.DateTimeField(null=True, blank=True)
    expired_at = models.DateTimeField(null=True, blank=True, help_text="When the daily task marked it expired.")

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[0-9A-HJKMNP-TV-Z]{16}$"), name="certificate_code_normalised"
            ),
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(expires_on__gt=models.F("issued_on")),
                name="certificate_expires_after_issue",
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True, revoked_reason="")
                | (Q(revoked_at__isnull=False) & ~Q(revoked_reason="")),
                name="certificate_revoked_with_reason",
            ),
            models.CheckConstraint(condition=Q(revision__gte=1), name="certificate_revision_from_1"),
            models.CheckConstraint(
                condition=~Q(holder_name="") & ~Q(course_title=""), name="certificate_names_what_it_certifies"
            ),
        ]
        indexes = [models.Index(fields=["issued_on"])]

    def __str__(self) -> str:
        return f"Certificate {self.display_code}"

    @property
    def display_code(self) -> str:
        """The code as people read it: groups of four, e.g. ``7KQ2-9XHM-B4TD-0RWE``."""
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def is_expired(self, on: datetime.date | None = None) -> bool:
        """Expired on the given day (today by default): the expiry date has passed."""
        return self.expires_on is not None and self.expires_on < (on or timezone.localdate())

    def is_valid_on(self, day: datetime.date | None = None) -> bool:
        """Valid on the day (today by default): the rule of ``Certificate.objects.valid_on``, in Python.

        Valid on its expiry day itself; invalid from the day after, and whenever it is revoked.
        """
        return not self.is_revoked and not self.is_expired(day)

    def status(self, on: datetime.date | None = None) -> str:
        """Revoked, expired or valid on the given day (today by default)."""
        if self.is_revoked:
            return self.Status.REVOKED
        if self.is_expired(on):
            return self.Status.EXPIRED
        return self.Status.VALID

    @property
    def current_status(self) -> str:
        return self.status()

    @property
    def is_ready(self) -> bool:
        """Its PDF has been rendered and stored."""
        return bool(self.pdf)

    @property
    def holder_removed(self) -> bool:
        """The holder had their personal data erased: the certificate still exists (it was issued), but its
        public page names nobody (the name on it is a pseudonym since the erasure)."""
        return self.completion.user.erased_at is not None


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
