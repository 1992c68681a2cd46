"""Reads about certificates: look-ups by code and by holder, exports, and what the daily task must do."""

from __future__ import annotations

import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet

from accounts.models import User

from ..catalogue.models import CoursePage
from ..catalogue.selectors import live_courses
from ..learning.models import Completion
from .codes import normalise_code
from .models import Certificate


def valid_certificates(user: User, on: datetime.date | None = None) -> QuerySet[Certificate]:
    """The user's certificates that are neither revoked nor expired on the given day (today by default)."""
    return Certificate.objects.valid_on(on).filter(completion__user=user)


def valid_champion_certificate(user: User, on: datetime.date | None = None) -> Certificate | None:
    """The user's valid certificate of a champion-training course with the latest expiry, or None."""
    certificates = valid_certificates(user, on).filter(completion__course__is_champion_training=True)
    return certificates.select_related("completion__course").order_by("-expires_on").first()


def champion_training_courses() -> QuerySet[CoursePage]:
    return live_courses().filter(is_champion_training=True)


def champion_certificate_holders(on: datetime.date | None = None) -> QuerySet:
    """Ids of the users holding a valid champion-training certificate on the day (for the nightly champion lapse)."""
    return (
        Certificate.objects.valid_on(on)
        .filter(completion__course__is_champion_training=True)
        .values("completion__user_id")
    )


def _with_course_and_holder(queryset: QuerySet[Certificate]) -> QuerySet[Certificate]:
    return queryset.select_related("completion__course", "completion__user")


def certificate_by_code(raw_code: str) -> Certificate | None:
    """The certificate with this code, however it was typed (case, spaces, dashes, O for 0), or None."""
    code = normalise_code(raw_code)
    if code is None:
        return None
    return Certificate.objects.select_related("completion").filter(code=code).first()


def certificate_of(user: User, certificate_id: int) -> Certificate | None:
    """The certificate if ``user`` holds it, else None (whether it exists or not: nothing is confirmed)."""
    return _with_course_and_holder(Certificate.objects.filter(pk=certificate_id, completion__user=user)).first()


def certificate_for_rendering(certificate_id: int) -> Certificate | None:
    return _with_course_and_holder(Certificate.objects.filter(pk=certificate_id)).first()


def completion_for_issue(completion_id: int) -> Completion | None:
    """The completion with its course, holder and certificate (if any), in one query."""
    return Completion.objects.select_related("course", "user", "certificate").filter(pk=completion_id).first()


def certificate_of_completion(completion: Completion) -> Certificate | None:
    return _with_course_and_holder(Certificate.objects.filter(completion=completion)).first()


def completions_without_certificate() -> QuerySet[Completion]:
    """Completions that have no certificate yet (a lost task, or imported history), oldest first."""
    return Completion.objects.filter(certificate__isnull=True).order_by("completed_at", "pk")


def certificates_without_pdf() -> QuerySet[Certificate]:
    """Certificates whose PDF has not been stored yet (being rendered, lost, or imported without one)."""
    return Certificate.objects.filter(pdf="").order_by("pk")


def certificates_for_export(
    course: CoursePage, start: datetime.date, end: datetime.date, *, include_revoked: bool = False
) -> QuerySet[Certificate]:
    """The course's certificates for completions from ``start`` to ``end`` (inclusive), by completion date."""
    queryset = Certificate.objects.filter(
        completion__course=course, completion__completed_on__gte=start, completion__completed_on__lte=end
    )
    if not include_revoked:
        queryset = queryset.filter(revoked_at__isnull=True)
    return _with_course_and_holder(queryset).order_by("completion__completed_on", "pk")


def _renewed() -> Exists:
    """The holder completed the same course again later (so there is no point reminding them)."""
    return Exists(
        Completion.objects.filter(
            user=OuterRef("completion__user"),
            course=OuterRef("completion__course"),
            completed_on__gt=OuterRef("completion__completed_on"),
        )
    )


def certificates_due_reminder(days: int, today: datetime.date) -> QuerySet[Certificate]:
    """Certificates owed their ``days``-before-expiry reminder today.

    Those expiring from today to ``days`` days ahead (and, for the 60-day reminder, after the 14-day one
    takes over), not revoked, not yet reminded, held by an active account, and not already renewed by a
    later completion of the course. A day the task missed is caught up the next day.
    """
    if days not in Certificate.REMINDER_DAYS:
        raise ValueError(f"No reminder is sent {days} days before expiry.")
    field = f"reminder_{days}_sent_at"
    window = Q(expires_on__gte=today, expires_on__lte=today + datetime.timedelta(days=days))
    shorter = [d for d in Certificate.REMINDER_DAYS if d < days]
    if shorter:
        window &= Q(expires_on__gt=today + datetime.timedelta(days=max(shorter)))
    queryset = (
        Certificate.objects.filter(window, revoked_at__isnull=True, completion__user__is_active=True)
        .filter(**{f"{field}__isnull": True})
        .exclude(_renewed())
    )
    return _with_course_and_holder(queryset).order_by("expires_on", "pk")


def certificates_newly_expired(today: datetime.date) -> QuerySet[Certificate]:
    """Certificates whose expiry date has passed and that the daily task has not marked yet."""
    return Certificate.objects.filter(expires_on__lt=today, expired_at__isnull=True)
