"""Reads for data protection: holds, requests, exports, the audit of personal data, and finding a person."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.models import User

from .models import ErasureRequest, LegalHold, RetentionRun, SubjectAccessExport


def open_hold(user: User) -> LegalHold | None:
    return LegalHold.objects.filter(person=user, lifted_at__isnull=True).first()


def held_person_ids() -> QuerySet:
    return LegalHold.objects.filter(lifted_at__isnull=True).values("person_id")


def holds_of(user: User) -> QuerySet[LegalHold]:
    return LegalHold.objects.filter(person=user).select_related("placed_by", "lifted_by")


def pending_request(user: User) -> ErasureRequest | None:
    return ErasureRequest.objects.filter(person=user, status=ErasureRequest.Status.PENDING).first()


def requests_of(user: User) -> QuerySet[ErasureRequest]:
    return ErasureRequest.objects.filter(person=user).select_related("decided_by", "recorded_by")


def erasure_requests(status: str | None = None) -> QuerySet[ErasureRequest]:
    requests = ErasureRequest.objects.select_related("person", "decided_by", "recorded_by")
    return requests.filter(status=status) if status else requests


def exports_for(user: User) -> QuerySet[SubjectAccessExport]:
    """The exports ``user`` may download: the ones they asked for (of themselves, or as an officer)."""
    return SubjectAccessExport.objects.filter(requested_by=user).select_related("person")


def export_for_download(user: User, export_id) -> SubjectAccessExport | None:
    """The export if ``user`` asked for it, else None (whether it exists or not)."""
    return SubjectAccessExport.objects.filter(pk=export_id, requested_by=user).select_related("person").first()


def find_people(query: str, limit: int = 50) -> QuerySet[User]:
    """People whose name or address contains the query (a data protection officer answering a letter)."""
    query = (query or "").strip()
    if not query:
        return User.objects.none()
    return (
        User.objects.filter(Q(email__icontains=query) | Q(full_name__icontains=query))
        .select_related("organisation")
        .order_by("full_name", "email")[:limit]
    )


def privacy_content_types() -> list[ContentType]:
    from .models import ErasureRequest, LegalHold, RetentionRun, SubjectAccessExport

    return list(
        ContentType.objects.get_for_models(ErasureRequest, LegalHold, SubjectAccessExport, RetentionRun).values()
    )


def audit_entries() -> QuerySet[ModelLogEntry]:
    """Every audit entry of data protection work (exports, requests, decisions, holds, retention runs)."""
    return (
        ModelLogEntry.objects.filter(content_type__in=privacy_content_types())
        .select_related("user")
        .order_by("-timestamp", "-pk")
    )


def audit_entries_about(user: User) -> QuerySet[ModelLogEntry]:
    """Audit entries by the person, about their account, or about data protection work for them."""
    user_type = ContentType.objects.get_for_model(User)
    about_privacy = Q(content_type__in=privacy_content_types(), data__person=user.pk)
    return ModelLogEntry.objects.filter(
        Q(user=user) | Q(content_type=user_type, object_id=str(user.pk)) | about_privacy
    ).order_by("timestamp", "pk")


def last_retention_run() -> RetentionRun | None:
    return RetentionRun.objects.filter(dry_run=False).first()


def live_exports(now=None) -> QuerySet[SubjectAccessExport]:
    return SubjectAccessExport.objects.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now or timezone.now()))
