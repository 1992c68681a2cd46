"""Reads of SCORM packages and attempts, for the player, the admin screens and the learning record."""

from __future__ import annotations

from django.db.models import QuerySet

from ..learning.models import Enrolment
from .models import ScormAttempt, ScormModulePage, ScormPackage


def current_package(module: ScormModulePage) -> ScormPackage | None:
    """The version new attempts get: the newest ready one not withdrawn."""
    return (
        ScormPackage.objects.filter(module=module, status=ScormPackage.Status.READY, withdrawn_at__isnull=True)
        .order_by("-version_number")
        .first()
    )


def scorm_modules() -> QuerySet[ScormModulePage]:
    return ScormModulePage.objects.select_related().order_by("path")


def packages_by_module(modules) -> dict[int, list[ScormPackage]]:
    by_module: dict[int, list[ScormPackage]] = {module.pk: [] for module in modules}
    for package in ScormPackage.objects.filter(module__in=list(by_module)).order_by("-version_number"):
        by_module[package.module_id].append(package)
    return by_module


def attempt_may_read(user, package: ScormPackage) -> bool:
    """Whether the person may fetch the package's files: staff who manage courses, or a learner with an
    attempt on this version (so a withdrawn version still plays for them)."""
    if user.has_perm("courses.change_scormpackage"):
        return True
    return ScormAttempt.objects.filter(package=package, enrolment__user=user).exists()


def attempts_at(module: ScormModulePage, *, limit: int) -> list[ScormAttempt]:
    """The module's attempts, newest first, with the learner and version (one query, however many)."""
    return list(
        ScormAttempt.objects.filter(package__module=module)
        .select_related("package", "enrolment__user")
        .order_by("-started_at")[:limit]
    )


def attempts_of(enrolment: Enrolment) -> list[ScormAttempt]:
    return list(enrolment.scorm_attempts.select_related("package").order_by("-started_at"))
