"""The records of data protection work: erasure requests and their decisions, legal holds, subject-access
exports and retention runs.

Each is also written to Wagtail's audit log (``privacy.services``), where data protection officers read who
did what and when; these rows are what the screens and the rules work from.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Channel(models.TextChoices):
    ACCOUNT = "account", "From their account"
    POST = "post", "By post or email, recorded by a data protection officer"


class ErasureRequest(models.Model):
    """A person's request to have their personal data erased, and the data protection officer's decision."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for a decision"
        REFUSED = "refused", "Refused"
        ERASED = "erased", "Erased"

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.ACCOUNT)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    requested_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    refusal_reason = models.TextField(blank=True, max_length=2000)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=Q(status="pending"), name="one_pending_erasure_request_per_person"
            ),
            models.CheckConstraint(
                condition=~Q(status="refused") | ~Q(refusal_reason=""), name="erasure_refused_with_reason"
            ),
        ]
        permissions = [
            ("decide_erasurerequest", "Can approve or refuse erasure requests"),
            ("view_privacy_audit", "Can read the audit log of data protection work"),
        ]

    def __str__(self) -> str:
        return f"Erasure request {self.pk}"


class LegalHold(models.Model):
    """A person whose data must be kept (an open investigation, a claim): erasure and retention skip them."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(max_length=2000)
    placed_at = models.DateTimeField(default=timezone.now)
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    lift_reason = models.TextField(blank=True, max_length=2000)

    class Meta:
        ordering = ["-placed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["person"], condition=Q(lifted_at__isnull=True), name="one_open_hold"),
            models.CheckConstraint(condition=~Q(reason=""), name="legal_hold_has_reason"),
        ]

    def __str__(self) -> str:
        return f"Legal hold {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.lifted_at is None


class SubjectAccessExport(models.Model):
    """A ZIP of everything the platform holds about one person, downloadable until it expires."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Being prepared"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", help_text="Who may download it."
    )
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.ACCOUNT)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    created_at = models.DateTimeField(default=timezone.now)
    ready_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True, db_index=True)
    file = models.FileField(upload_to="subject-access/", max_length=200, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    job = models.ForeignKey("home.BackgroundJob", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Subject-access export {self.created_at:%Y-%m-%d %H:%M}"

    def is_expired(self, now=None) -> bool:
        return self.expires_at is not None and self.expires_at <= (now or timezone.now())


class RetentionRun(models.Model):
    """One application of the retention schedule: what each rule did (or, dry, would do)."""

    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    dry_run = models.BooleanField(default=False)
    counts = models.JSONField(default=dict, help_text="Rule -> how many records it applied to.")

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"Retention run {self.started_at:%Y-%m-%d %H:%M}"


class RetentionNotice(models.Model):
    """That a person was told their account will be closed for lack of use, so it is told once and the
    closing waits the notice period from this day."""

    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    rule = models.CharField(max_length=40)
    notified_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Retention notice {self.pk}"
