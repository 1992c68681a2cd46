"""SCORM modules: the module page, the package versions uploaded to it, and each learner's attempts.

A SCORM module is a page type (a ModulePage with a package), not a StreamField block: progress, locking and
completion are kept per module page, so a module that *is* a package fits them unchanged, and the player
needs the whole page (a frame and the package's navigation), not a block among others.
"""

from __future__ import annotations

from http import HTTPMethod

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.panels import HelpPanel

from ..catalogue.models import ModulePage
from ..learning.models import Enrolment
from .manifest import VERSION_LABELS


class ScormModulePage(ModulePage):
    """A module whose content is a SCORM package (uploaded from the "SCORM packages" screen of the admin)."""

    content_panels = ModulePage.content_panels + [
        HelpPanel(
            content="<p>The introduction above is shown before the package. Upload the package's ZIP on the "
            "<strong>Learning › SCORM packages</strong> screen once this page is saved; each upload is a new "
            "version, and learners in the middle of an attempt keep theirs.</p>"
        )
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []
    template = "courses/scorm/player.html"
    # Played, not posted to: commits go to the attempt's endpoint (courses.scorm.views.commit).
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]

    class Meta:
        verbose_name = "SCORM module"

    def clean(self):
        super().clean()
        if any(block.block_type == "knowledge_check" for block in self.body):
            raise ValidationError({"body": "A SCORM module is marked by its package: remove the knowledge check."})


class ScormPackage(models.Model):
    """One uploaded version of a module's package; its files are in media storage under ``storage_prefix``."""

    class Status(models.TextChoices):
        CHECKING = "checking", "Being checked"
        READY = "ready", "Ready"
        REFUSED = "refused", "Refused"

    module = models.ForeignKey(ScormModulePage, on_delete=models.PROTECT, related_name="packages")
    version_number = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.CHECKING)
    scorm_version = models.CharField(max_length=10, choices=list(VERSION_LABELS.items()), blank=True)
    title = models.CharField(max_length=255, blank=True)
    manifest = models.JSONField(default=dict, blank=True, help_text="The parsed manifest (courses.scorm.manifest).")
    file_name = models.CharField(max_length=255)
    file_count = models.PositiveIntegerField(default=0)
    unpacked_bytes = models.BigIntegerField(default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)
    # Withdrawn, not deleted: attempts started on this version still play it.
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["module", "-version_number"]
        constraints = [
            models.UniqueConstraint(fields=["module", "version_number"], name="one_scorm_version_number_per_module")
        ]
        indexes = [models.Index(fields=["module", "status"])]

    def __str__(self) -> str:
        return f"{self.module} v{self.version_number}"

    @property
    def storage_prefix(self) -> str:
        return f"scorm/{self.pk}/"

    @property
    def is_2004(self) -> bool:
        return self.scorm_version.startswith("2004")

    @property
    def items(self) -> list[dict]:
        return list(self.manifest.get("items", []))

    @property
    def scos(self) -> list[dict]:
        """The items that report progress (SCOs); assets are shown but count as seen."""
        return [item for item in self.items if item["is_sco"]]


class ScormAttempt(models.Model):
    """A learner's attempt at a module's package: the CMI data of each SCO, as the runtime last committed it.

    ``scos`` maps each item identifier to ``{"cmi": {...}, "sessions": {session id: seconds}, "sequence": n}``:
    the whole data model as the runtime sends it, and the time of each player session kept apart, so the total
    time is their sum and a repeated commit of a session replaces its own time, never adds to it.
    """

    class Status(models.TextChoices):
        OPEN = "open", "In progress"
        DONE = "done", "Done"
        CLOSED = "closed", "Closed"

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="scorm_attempts")
    package = models.ForeignKey(ScormPackage, on_delete=models.PROTECT, related_name="attempts")
    number = models.PositiveSmallIntegerField(default=1)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    scos = models.JSONField(default=dict, blank=True)
    # Summaries of the SCOs' data, for the learning record and the managers' views.
    score_scaled = models.FloatField(null=True, blank=True)
    lesson_status = models.CharField(max_length=20, blank=True, help_text="1.2: cmi.core.lesson_status.")
    completion_status = models.CharField(max_length=20, blank=True, help_text="2004: cmi.completion_status.")
    success_status = models.CharField(max_length=20, blank=True, help_text="2004: cmi.success_status.")
    total_seconds = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(default=timezone.now)
    committed_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "package", "number"], name="one_scorm_attempt_number"),
            models.UniqueConstraint(
                fields=["enrolment", "package"], condition=Q(status="open"), name="one_open_scorm_attempt"
            ),
        ]
        indexes = [models.Index(fields=["enrolment", "status"])]

    def __str__(self) -> str:
        return f"{self.enrolment} – {self.package} attempt {self.number}"

    @property
    def score_percent(self) -> int | None:
        return round(self.score_scaled * 100) if self.score_scaled is not None else None

    @property
    def reported_status(self) -> str:
        """The status as the package reported it: 1.2's lesson status, or 2004's completion and success."""
        if self.lesson_status:
            return self.lesson_status
        return ", ".join(s for s in (self.completion_status, self.success_status) if s and s != "unknown")

    @property
    def time_text(self) -> str:
        hours, rest = divmod(self.total_seconds, 3600)
        return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
