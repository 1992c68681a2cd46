"""The certificate of a completion: its code, validity and PDF."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from ..learning.models import Completion
from .codes import format_code
from .rules import renewal_due_before


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

    class Standing(models.TextChoices):
        """Where the holder stands for taking the course again (see ``standing_on``)."""

        VALID = "valid", "Valid"
        RENEWAL_DUE = "renewal_due", "Renewal due"
        EXPIRED = "expired", "Expired"

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
        return format_code(self.code)

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

    def standing_on(self, day: datetime.date | None = None) -> str:
        """How the holder stands on the day (today by default): EXPIRED when no longer valid (also when revoked),
        RENEWAL_DUE when it expires within the renewal window, else VALID (also when it never expires)."""
        day = day or timezone.localdate()
        if not self.is_valid_on(day):
            return self.Standing.EXPIRED
        if self.expires_on is not None and self.expires_on <= renewal_due_before(day):
            return self.Standing.RENEWAL_DUE
        return self.Standing.VALID

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
