"""ZIP exports of a course's certificates: streamed while the manager waits, or built by a background job.

A small export streams from the admin view (:func:`certificates_zip_chunks`); past
``CERTIFICATE_ZIP_STREAM_LIMIT`` certificates it is queued (:func:`queue_export`) and built by
``tasks.build_certificates_zip`` (:func:`build_export`) into a file kept for EXPORT_LINK_MAX_AGE.
"""

from __future__ import annotations

import csv
import datetime
import io
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.urls import reverse
from django.utils.text import slugify

from accounts.models import User
from home import services as jobs
from home.links import absolute_url
from home.models import BackgroundJob
from home.spreadsheets import formula_safe_row

from ..catalogue.models import CoursePage
from . import selectors, services
from .models import Certificate

# A ZIP built in the background is kept (and its link works) for this long.
EXPORT_LINK_MAX_AGE = datetime.timedelta(days=7)
EXPORT_JOB_KIND = "courses.certificates_zip"


@dataclass(frozen=True)
class ExportRequest:
    """Which certificates a training manager asked for."""

    course: CoursePage
    start: datetime.date
    end: datetime.date
    include_revoked: bool = False

    @property
    def filename(self) -> str:
        return f"certificates-{self.course.slug}-{self.start:%Y-%m-%d}-to-{self.end:%Y-%m-%d}.zip"

    def certificates(self):
        return selectors.certificates_for_export(
            self.course, self.start, self.end, include_revoked=self.include_revoked
        )


class _ChunkSink(io.RawIOBase):
    """A write-only, unseekable file for zipfile: what it is given is handed on in chunks."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._chunks.append(bytes(data))
        return len(data)

    def drain(self) -> Iterator[bytes]:
        chunks, self._chunks = self._chunks, []
        yield from chunks


def _archive_name(certificate: Certificate) -> str:
    holder = slugify(certificate.holder_name)[:60] or "certificate"
    return f"{certificate.completion.completed_on:%Y-%m-%d}-{holder}-{certificate.display_code}.pdf"


def certificates_zip_chunks(certificates: Iterable[Certificate]) -> Iterator[bytes]:
    """A ZIP of the certificates' PDFs and a ``certificates.csv`` listing them, as a stream of chunks.

    Built as it is sent: one PDF in memory at a time, whatever the number. PDFs are compressed
    already, so they are stored as they are.
    """
    sink = _ChunkSink()
    listing = io.StringIO()
    writer = csv.writer(listing)
    writer.writerow(["file", "code", "name", "course", "completed_on", "issued_on", "expires_on", "status"])
    with zipfile.ZipFile(sink, mode="w", compression=zipfile.ZIP_STORED) as archive:
        for certificate in certificates:
            name = _archive_name(certificate)
            archive.writestr(name, services.read_pdf(certificate))
            writer.writerow(
                formula_safe_row(
                    [
                        name,
                        certificate.display_code,
                        certificate.holder_name,
                        certificate.course_title,
                        certificate.completion.completed_on.isoformat(),
                        certificate.issued_on.isoformat(),
                        certificate.expires_on.isoformat() if certificate.expires_on else "",
                        Certificate.Status(certificate.status()).label,
                    ]
                )
            )
            yield from sink.drain()
        archive.writestr("certificates.csv", listing.getvalue(), compress_type=zipfile.ZIP_DEFLATED)
    yield from sink.drain()


def export_in_background(request: ExportRequest) -> bool:
    """Whether the export is too large to stream while the manager waits (it is then built by a task)."""
    limit = getattr(settings, "CERTIFICATE_ZIP_STREAM_LIMIT", 200)
    return request.certificates().count() > limit


def queue_export(request: ExportRequest, *, by: User, return_url: str = "") -> BackgroundJob:
    """Build the ZIP in the worker as a background job for ``by``, whose page shows progress, then the link."""
    from . import tasks

    job = jobs.create_job(
        EXPORT_JOB_KIND,
        by,
        f"Certificates ZIP: {request.course.title}, {request.start:%Y-%m-%d} to {request.end:%Y-%m-%d}",
        return_url=return_url,
        return_label="Download other certificates",
    )
    args = (str(job.pk), request.course.pk, request.start.isoformat(), request.end.isoformat(), request.include_revoked)
    transaction.on_commit(lambda: tasks.build_certificates_zip.delay(*args))
    return job


def _counted(items: Iterable[Certificate], progress: jobs.JobProgress) -> Iterator[Certificate]:
    for done, item in enumerate(items):
        progress.advance(done)
        yield item


def build_export(
    job_id, course_id: int, start: datetime.date, end: datetime.date, include_revoked: bool
) -> BackgroundJob | None:
    """The ZIP task's work: write the ZIP to media storage as the job's file, then email its owner the page.

    The file is kept for EXPORT_LINK_MAX_AGE (then deleted by ``home.services.delete_expired_job_files``).
    The email links to the job's page, which only the manager who asked can open.
    """
    job = jobs.start_job(job_id)
    if job is None:
        return None
    course = CoursePage.objects.filter(pk=course_id).first()
    if course is None:
        return jobs.fail_job(job, message="The course has been deleted since the ZIP was asked for.")
    request = ExportRequest(course, start, end, include_revoked)
    with jobs.failing_on_error(job):
        progress = jobs.JobProgress(job, every=20)
        progress.stage("Adding certificates to the ZIP", request.certificates().count())
        with tempfile.SpooledTemporaryFile(max_size=32 * 1024 * 1024) as spool:
            certificates = _counted(request.certificates().iterator(chunk_size=200), progress)
            for chunk in certificates_zip_chunks(certificates):
                spool.write(chunk)
            spool.seek(0)
            progress.advance(job.total, force=True)
            job = jobs.finish_job(
                job,
                message=f"The ZIP of {job.total:,} certificate{'' if job.total == 1 else 's'} is ready.",
                figures=[("Certificates", f"{job.total:,}")],
                file_name=request.filename,
                content=File(spool, name=request.filename),
                keep_for=EXPORT_LINK_MAX_AGE,
            )
        link = absolute_url(reverse("jobs:job", args=[job.pk]))
        owner = job.owner
        services.send_email(
            owner.email,
            "certificate_export_ready",
            {"manager": owner, "course_title": request.course.title, "request": request, "link": link},
        )
    return job
