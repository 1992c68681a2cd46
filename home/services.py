from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.core.cache import cache
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.utils import timezone

from .models import BackgroundJob, WorkerHeartbeat


def record_heartbeat(name: str = "worker") -> WorkerHeartbeat:
    """Note that a worker is alive now (the beat schedule calls this every five minutes)."""
    heartbeat, _ = WorkerHeartbeat.objects.update_or_create(name=name, defaults={"seen_at": timezone.now()})
    return heartbeat


# --- Background jobs ---------------------------------------------------------------------------------------
#
# The app whose work it is creates the job (``create_job``), queues its own Celery task with the job's id,
# and in the task calls ``start_job``, reports through a ``JobProgress``, and ends with ``finish_job`` or
# ``fail_job``. The owner's page reads the job (``home.selectors``).


def create_job(
    kind: str,
    owner,
    title: str,
    *,
    upload: File | None = None,
    return_url: str = "",
    return_label: str = "",
) -> BackgroundJob:
    """Record a job for ``owner``; an uploaded file is saved to media storage first.

    Media storage, not the web node's disk: the worker that runs the job may be on another machine.
    """
    job = BackgroundJob(kind=kind, owner=owner, title=title[:200], return_url=return_url, return_label=return_label)
    if upload is not None:
        job.upload.save(f"{job.pk}.upload", upload, save=False)
    job.save()
    return job


def start_job(job_id) -> BackgroundJob | None:
    """Mark the job running (again, if a worker died and the task was delivered again); None if it is gone."""
    job = BackgroundJob.objects.filter(pk=job_id).first()
    if job is None:
        return None
    job.status, job.started_at, job.finished_at = BackgroundJob.Status.RUNNING, timezone.now(), None
    job.stage, job.done, job.total = "Starting", 0, 0
    job.save(update_fields=["status", "started_at", "finished_at", "stage", "done", "total"])
    cache.delete(progress_key(job.pk))
    return job


def progress_key(job_id) -> str:
    return f"background-job-progress:{job_id}"


class JobProgress:
    """Counts for the job's page: a stage ("Checking rows") and how far through it the work is.

    Written to the job's row and to the cache. The row is what a page reads; but work inside one
    transaction (an all-or-nothing import) updates its row invisibly to other connections until it
    commits, so the cache (shared, e.g. Redis, in production) carries those counts meanwhile.
    Updates are spaced out (every ``every`` items) so that reporting costs nothing next to the work.
    """

    def __init__(self, job: BackgroundJob | None, every: int = 1000):
        self.job, self.every = job, max(1, every)
        self._last = -1

    def stage(self, label: str, total: int = 0) -> None:
        self._last = -1
        self._write(label[:100], 0, total)

    def advance(self, done: int, *, force: bool = False) -> None:
        if self.job is None:
            return
        if force or done >= self.job.total or done - max(self._last, 0) >= self.every:
            self._write(self.job.stage, done, self.job.total)

    def _write(self, stage: str, done: int, total: int) -> None:
        if self.job is None:
            return
        self._last = done
        self.job.stage, self.job.done, self.job.total = stage, done, total
        BackgroundJob.objects.filter(pk=self.job.pk).update(stage=stage, done=done, total=total)
        cache.set(progress_key(self.job.pk), {"stage": stage, "done": done, "total": total}, timeout=6 * 3600)

    def __call__(self, stage: str, done: int, total: int) -> None:
        """For work that reports as ``progress(stage, done, total)``."""
        if self.job is None:
            return
        if stage != self.job.stage or total != self.job.total:
            self.stage(stage, total)
        self.advance(done)


def finish_job(
    job: BackgroundJob,
    *,
    message: str,
    figures: Iterable[tuple[str, int | str]] = (),
    file_name: str = "",
    stored_file: str = "",
    content: File | None = None,
    keep_for: datetime.timedelta | None = None,
) -> BackgroundJob:
    """End the job: what it did (``message`` and ``figures``) and, if it made one, its file for download.

    ``content`` is saved to media storage under the job's name; ``stored_file`` names a file already
    stored elsewhere (kept by its own record, so the job never deletes it). ``keep_for`` sets when the
    job's own file is deleted.
    """
    job.result = {"message": message, "figures": [[label, value] for label, value in figures]}
    if content is not None:
        job.file.save(f"job-files/{job.pk}/{file_name or 'download'}", content, save=False)
        job.expires_at = timezone.now() + keep_for if keep_for else None
    elif stored_file:
        job.file.name = stored_file
        job.expires_at = None
    job.file_name = file_name
    return _end(job, BackgroundJob.Status.DONE)


def fail_job(
    job: BackgroundJob, *, message: str, heading: str = "", problems: Iterable[tuple[int | None, str]] = ()
) -> BackgroundJob:
    """End the job without a result: why, and for a refused file every problem with its line (None: the file)."""
    job.result = {
        "heading": heading,
        "message": message,
        "problems": [{"line": line, "message": text} for line, text in problems],
    }
    return _end(job, BackgroundJob.Status.FAILED)


def _end(job: BackgroundJob, status: str) -> BackgroundJob:
    job.status, job.finished_at = status, timezone.now()
    job.save()
    cache.delete(progress_key(job.pk))
    return job


UNEXPECTED_FAILURE = (
    "Something went wrong and the work was not finished (the error is in the worker's log). "
    "Try again; if it fails again, tell the platform's administrators."
)


@contextmanager
def failing_on_error(job: BackgroundJob) -> Iterator[None]:
    """Run a job's work; if it raises, end the job as failed (so its page does not wait for ever) and re-raise.

    Re-raised so that the error is logged and a transient one is retried by the task (which starts the
    job again).
    """
    try:
        yield
    except Exception:
        job.refresh_from_db(fields=["status"])
        if not job.is_finished:
            fail_job(job, message=UNEXPECTED_FAILURE)
        raise


def discard_upload(job: BackgroundJob) -> None:
    """Delete the file a job has read: an uploaded file of people's records is not kept once imported."""
    if job.upload:
        job.upload.delete(save=False)
        BackgroundJob.objects.filter(pk=job.pk).update(upload="")


def delete_expired_job_files(now: datetime.datetime | None = None) -> int:
    """Delete the files of jobs whose time is up (daily, from beat); the jobs stay, saying it has expired."""
    now = now or timezone.now()
    count = 0
    for job in BackgroundJob.objects.filter(expires_at__lte=now).exclude(file=""):
        default_storage.delete(job.file.name)
        BackgroundJob.objects.filter(pk=job.pk).update(file="")
        count += 1
    return count
