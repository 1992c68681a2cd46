"""Reads about courses and learning records, for this app and the apps above it."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from accounts.models import User

from .models import Certificate, CoursePage


def live_courses() -> QuerySet[CoursePage]:
    return CoursePage.objects.live().public().order_by("title")


def valid_certificates(user: User, on: datetime.date | None = None) -> QuerySet[Certificate]:
    """The user's certificates that are neither revoked nor expired on the given day (today by default)."""
    on = on or timezone.localdate()
    return Certificate.objects.filter(completion__user=user, revoked_at__isnull=True).filter(
        Q(expires_on__isnull=True) | Q(expires_on__gte=on)
    )


def valid_champion_certificate(user: User, on: datetime.date | None = None) -> Certificate | None:
    """The user's valid certificate of a champion-training course with the latest expiry, or None."""
    certificates = valid_certificates(user, on).filter(completion__course__is_champion_training=True)
    return certificates.select_related("completion__course").order_by("-expires_on").first()


def champion_training_courses() -> QuerySet[CoursePage]:
    return live_courses().filter(is_champion_training=True)


def champion_certificate_holders(on: datetime.date | None = None) -> QuerySet:
    """Ids of the users holding a valid champion-training certificate on the day (for the nightly champion lapse)."""
    on = on or timezone.localdate()
    return (
        Certificate.objects.filter(revoked_at__isnull=True, completion__course__is_champion_training=True)
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=on))
        .values("completion__user_id")
    )
