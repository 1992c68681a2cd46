"""What reports keep: frozen figures, board reports and partners' API tokens.

The measures themselves are computed from the other apps' records
(``reports.measures``); nothing here is written by another app.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class MeasureSnapshot(models.Model):
    """A period's figures, frozen so that the number sent to a board stays the number on file.

    One per financial quarter (or financial year); its tables, one per
    breakdown, are ``SnapshotTable`` rows. Freezing again (``--force``)
    replaces the tables, counts ``times_frozen`` up and is recorded in the
    audit trail.
    """

    period = models.CharField(max_length=20, unique=True, help_text="A financial quarter (2025-26-Q1) or year.")
    start = models.DateField()
    end = models.DateField()
    frozen_at = models.DateTimeField(default=timezone.now)
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Blank when the scheduled task froze it.",
    )
    times_frozen = models.PositiveSmallIntegerField(default=1)
    suppression_threshold = models.PositiveSmallIntegerField(
        default=5, help_text="The threshold in force when frozen (suppression is applied when figures are shown)."
    )
    evaluation = models.JSONField(
        default=dict, blank=True, help_text="The evaluation results of the period, for its board report."
    )

    class Meta:
        ordering = ["-start"]
        constraints = [models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="snapshot_end_after_start")]
        permissions = [
            ("view_measures", "Can view the measures dashboard and export its tables"),
            ("freeze_measures", "Can freeze a period's measures and create board reports"),
        ]

    def __str__(self) -> str:
        return f"Figures for {self.period}, frozen {timezone.localtime(self.frozen_at):%d %b %Y}"


class SnapshotTable(models.Model):
    """The frozen table of one breakdown: raw counts as JSON (suppression is applied when shown)."""

    snapshot = models.ForeignKey(MeasureSnapshot, on_delete=models.CASCADE, related_name="tables")
    by = models.CharField(max_length=20)
    data = models.JSONField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["snapshot", "by"], name="one_snapshot_table_per_breakdown")]

    def __str__(self) -> str:
        return f"{self.snapshot.period} by {self.by}"


class BoardReport(models.Model):
    """The PDF for a board: one quarter's figures, rendered by a Celery task."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Being prepared"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    period = models.CharField(max_length=20, db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    figures_status = models.CharField(
        max_length=12, blank=True, help_text="final (frozen figures) or provisional (live figures)."
    )
    requested_at = models.DateTimeField(default=timezone.now)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    rendered_at = models.DateTimeField(null=True, blank=True)
    pdf = models.FileField(upload_to="board-reports/", blank=True)
    error = models.TextField(blank=True)
    emailed_to = models.TextField(blank=True, help_text="Addresses it was emailed to, one a line.")

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"Board report {self.period}"


class PartnerApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class PartnerApiToken(models.Model):
    """A partner lead's key to the read-only API. Only a SHA-256 hash of the secret is kept.

    The token is shown once, when created; ``prefix`` (its first characters)
    lets its owner tell tokens apart afterwards.
    """

    PREFIX_LENGTH = 8

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_api_tokens")
    name = models.CharField(max_length=80, help_text="What it is for, e.g. “Police performance dashboard”.")
    prefix = models.CharField(max_length=PREFIX_LENGTH, unique=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = PartnerApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "revoked_at"], name="partner_token_user_idx")]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
