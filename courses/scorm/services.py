"""Actions on SCORM packages and attempts: upload and check a package, open an attempt, keep a commit.

A module is done when its package reports it by its rule (``cmi.is_done`` for every SCO); the module is then
marked done through learning's services, so course completion, the certificate and the measures follow
exactly as for any other module.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from home import services as jobs

from ..learning import services as learning_services
from ..learning.models import Completion, Enrolment
from . import cmi as cmi_model
from .manifest import ManifestError
from .models import ScormAttempt, ScormModulePage, ScormPackage
from .packages import PackageError, check, delete_files, unpack

JOB_KIND = "courses.scorm.import_package"


class ScormError(Exception):
    """The learner cannot play this module now; the message says why."""


# --- Packages ----------------------------------------------------------------------------------------------


def upload_package(module: ScormModulePage, upload: UploadedFile, by: User):
    """Keep the upload as the module's next version and queue its check; returns the job to follow."""
    from .tasks import import_package

    with transaction.atomic():
        latest = ScormPackage.objects.filter(module=module).aggregate(n=Max("version_number"))["n"] or 0
        package = ScormPackage.objects.create(
            module=module, version_number=latest + 1, file_name=upload.name[:255], uploaded_by=by
        )
        job = jobs.create_job(
            JOB_KIND,
            by,
            f"SCORM package {upload.name} for “{module.title}”",
            upload=upload,
            return_url=reverse("scorm_admin:index"),
            return_label="SCORM packages",
        )
        transaction.on_commit(lambda: import_package.delay(str(job.pk), package.pk))
    return job


def import_package(job_id, package_id: int) -> None:
    """Check the uploaded ZIP against the package rules, unpack it to media storage and make it the module's
    current version; a refused package is marked refused with the reason on the job's page."""
    job = jobs.start_job(job_id)
    package = ScormPackage.objects.filter(pk=package_id).first()
    if job is None or package is None:
        return
    progress = jobs.JobProgress(job, every=50)
    with jobs.failing_on_error(job):
        progress.stage("Checking the package")
        try:
            with job.upload.open("rb") as handle, zipfile.ZipFile(handle) as archive:
                checked = check(archive)
                progress.stage("Unpacking files", len(checked.members))
                try:
                    written = unpack(archive, checked, package.storage_prefix, progress)
                except PackageError:
                    delete_files(package.storage_prefix)
                    raise
        except (ManifestError, zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as error:
            message = str(error) if isinstance(error, ManifestError) else "The file is not a readable ZIP."
            ScormPackage.objects.filter(pk=package.pk).update(status=ScormPackage.Status.REFUSED)
            jobs.fail_job(job, heading="The package was refused", message=message)
            jobs.discard_upload(job)
            return
        manifest = checked.manifest
        ScormPackage.objects.filter(pk=package.pk).update(
            status=ScormPackage.Status.READY,
            scorm_version=manifest.version,
            title=manifest.title[:255],
            manifest=manifest.as_json(),
            file_count=len(checked.members),
            unpacked_bytes=written,
        )
        jobs.discard_upload(job)
        jobs.finish_job(
            job,
            message=f"Version {package.version_number} of “{package.module.title}” is ready: {manifest.version_label}.",
            figures=[
                ("Items", len(manifest.items)),
                ("SCOs", sum(1 for item in manifest.items if item.is_sco)),
                ("Files", len(checked.members)),
            ],
        )


@transaction.atomic
def withdraw_package(package: ScormPackage) -> None:
    """Stop offering a version to new attempts; attempts already on it keep playing it (its files stay)."""
    ScormPackage.objects.filter(pk=package.pk, withdrawn_at__isnull=True).update(withdrawn_at=timezone.now())


# --- Attempts ----------------------------------------------------------------------------------------------


def open_attempt(enrolment: Enrolment, module: ScormModulePage) -> ScormAttempt:
    """The learner's current attempt at the module (resumed on the version it began on), or a new one on the
    module's newest ready version."""
    current = (
        ScormAttempt.objects.filter(enrolment=enrolment, package__module=module)
        .exclude(status=ScormAttempt.Status.CLOSED)
        .select_related("package")
        .order_by("-started_at")
        .first()
    )
    if current is not None:
        return current
    from .selectors import current_package

    package = current_package(module)
    if package is None:
        raise ScormError("This module's package is not ready yet. Please try again later.")
    number = (ScormAttempt.objects.filter(enrolment=enrolment, package=package).aggregate(n=Max("number"))["n"]) or 0
    try:
        with transaction.atomic():
            return ScormAttempt.objects.create(enrolment=enrolment, package=package, number=number + 1)
    except IntegrityError:  # the same learner opened the player twice at once
        return ScormAttempt.objects.select_related("package").get(
            enrolment=enrolment, package=package, status=ScormAttempt.Status.OPEN
        )


def launch_data(attempt: ScormAttempt, item: dict, user: User) -> dict:
    """The CMI data the runtime starts a SCO with: the learner, the manifest's rules and, on a resume, what the
    SCO saved (location, suspend data, statuses, score, total time)."""
    version = cmi_model.family(attempt.package.scorm_version)
    state = attempt.scos.get(item["identifier"], {})
    saved = state.get("cmi", {})
    total = cmi_model.format_time(sum(state.get("sessions", {}).values()), version)
    name = user.get_full_name() or user.email
    if version == "1.2":
        core = saved.get("core") or {}
        data = {
            "core": {
                "student_id": str(user.pk),
                "student_name": name,
                "lesson_location": core.get("lesson_location", ""),
                "lesson_status": core.get("lesson_status") or "not attempted",
                "entry": "resume" if core.get("exit") == "suspend" else ("" if state else "ab-initio"),
                "credit": "credit",
                "lesson_mode": "normal",
                "total_time": total,
                "score": core.get("score") or {},
            },
            "suspend_data": saved.get("suspend_data", ""),
            "launch_data": "",
        }
        if item.get("mastery_score") is not None:
            data["student_data"] = {"mastery_score": str(item["mastery_score"])}
        return data
    data = {
        "learner_id": str(user.pk),
        "learner_name": name,
        "location": saved.get("location", ""),
        "suspend_data": saved.get("suspend_data", ""),
        "completion_status": saved.get("completion_status") or "unknown",
        "success_status": saved.get("success_status") or "unknown",
        "entry": "resume" if saved.get("exit") == "suspend" else ("" if state else "ab-initio"),
        "credit": "credit",
        "mode": "normal",
        "total_time": total,
        "score": saved.get("score") or {},
    }
    if saved.get("progress_measure") not in (None, ""):
        data["progress_measure"] = saved["progress_measure"]
    if item.get("completion_threshold") is not None:
        data["completion_threshold"] = str(item["completion_threshold"])
    if item.get("scaled_passing_score") is not None:
        data["scaled_passing_score"] = str(item["scaled_passing_score"])
    return data


@dataclass(frozen=True)
class CommitOutcome:
    attempt: ScormAttempt
    repeated: bool  # the same commit came again (a retry): nothing changed
    completion: Completion | None  # set when this commit completed the course


def commit(attempt_id: int, user: User, *, sco: str, session: str, sequence: int, data: dict) -> CommitOutcome:
    """Keep a SCO's CMI data as the runtime committed it.

    Only the attempt's owner may commit (anyone else: ScormAttempt.DoesNotExist, a 404); a closed attempt or an
    enrolment no longer in progress refuses it (ScormError). ``session`` names one player session and
    ``sequence`` counts its commits: a commit at or below the last sequence kept for the session is a repeat (a
    retried request) and changes nothing, and each session's time replaces its own entry, so time is never
    counted twice. Broken data raises cmi.CommitError and stores nothing.
    """
    with transaction.atomic():
        attempt = (
            ScormAttempt.objects.select_for_update()
            .select_related("package", "enrolment")
            .get(pk=attempt_id, enrolment__user=user)
        )
        if attempt.status == ScormAttempt.Status.CLOSED:
            raise ScormError("This attempt is closed.")
        if attempt.enrolment.status == Enrolment.Status.WITHDRAWN:
            raise ScormError("You are no longer enrolled on this course.")
        package = attempt.package
        item = next((item for item in package.items if item["identifier"] == sco), None)
        if item is None:
            raise cmi_model.CommitError(f"The package has no item “{sco}”.", 201)
        version = cmi_model.family(package.scorm_version)
        kept = cmi_model.clean(data, version)
        scos = dict(attempt.scos)
        state = dict(scos.get(sco) or {"cmi": {}, "sessions": {}, "sequences": {}})
        sequences = dict(state.get("sequences", {}))
        if session in sequences and sequence <= sequences[session]:
            return CommitOutcome(attempt, True, None)
        sequences[session] = sequence
        sessions = dict(state.get("sessions", {}))
        sessions[session] = cmi_model.session_time(kept, version)
        interactions = dict(state.get("interactions", {}))
        if kept.get("interactions"):
            interactions[session] = kept["interactions"]
        status = cmi_model.statuses(kept, item, version)
        done = state.get("done", False) or cmi_model.is_done(status, version)
        scos[sco] = {
            "cmi": kept,
            "sessions": sessions,
            "sequences": sequences,
            "interactions": interactions,
            "status": status,
            "score": cmi_model.scaled_score(kept, version),
            "done": done,
        }
        _summarise(attempt, scos, version)
        attempt.committed_at = timezone.now()
        completion = None
        finished = attempt.status == ScormAttempt.Status.OPEN and all(
            scos.get(s["identifier"], {}).get("done") for s in (package.scos or package.items)
        )
        if finished:
            attempt.status, attempt.done_at = ScormAttempt.Status.DONE, attempt.committed_at
        attempt.save()
        if finished and attempt.enrolment.status == Enrolment.Status.ACTIVE:
            try:
                completion = learning_services.mark_module_done(attempt.enrolment, package.module)
            except learning_services.LearningError:
                completion = None  # the module is recorded done by the attempt; the course's rule decides the rest
    return CommitOutcome(attempt, False, completion)


def _summarise(attempt: ScormAttempt, scos: dict, version: str) -> None:
    attempt.scos = scos
    states = list(scos.values())
    scores = [state["score"] for state in states if state.get("score") is not None]
    attempt.score_scaled = round(sum(scores) / len(scores), 4) if scores else None
    attempt.total_seconds = sum(sum(state.get("sessions", {}).values()) for state in states)
    if len(states) == 1:
        status = states[0]["status"]
    else:
        finished = all(state.get("done") for state in states) and len(states) == len(attempt.package.scos or [1])
        status = (
            {"lesson_status": "completed" if finished else "incomplete"}
            if version == "1.2"
            else {"completion_status": "completed" if finished else "incomplete", "success_status": "unknown"}
        )
    attempt.lesson_status = status.get("lesson_status", "")
    attempt.completion_status = status.get("completion_status", "")
    attempt.success_status = status.get("success_status", "")
