"""Shared steps of the SCORM tests: a course with a SCORM module, and a package uploaded as a manager does."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from courses.models import CoursePage, ScormModulePage, ScormPackage
from home.models import BackgroundJob
from tests.courses.course_pages import course as make_course


def scorm_module(course=None, title: str = "Coercive control (e-learning)", slug: str | None = None):
    course = course or CoursePage.objects.filter(slug="domestic-abuse-awareness").first() or make_course()
    slug = slug or f"coercive-control-{ScormModulePage.objects.count() + 1}"
    module = ScormModulePage(
        title=title, slug=slug, body=[{"type": "paragraph", "value": "<p>Work through the e-learning below.</p>"}]
    )
    course.add_child(instance=module)
    return module


def upload(client, module, content: bytes, capture, name: str = "package.zip"):
    """Upload a ZIP on the module's upload screen; returns (the job page's response, the job, the package)."""
    with capture(execute=True):
        response = client.post(
            f"/admin/scorm/modules/{module.pk}/upload/",
            {"file": SimpleUploadedFile(name, content, content_type="application/zip")},
        )
    job = BackgroundJob.objects.order_by("-created_at").first()
    assert response.status_code == 302 and response.url == f"/admin/jobs/{job.pk}/", response
    package = ScormPackage.objects.filter(module=module).order_by("-version_number").first()
    return client.get(response.url), job, package


def ready_package(module, content: bytes, manager, capture) -> ScormPackage:
    """A package uploaded and checked, without going through the admin's pages (for the player's tests)."""
    from courses.scorm import services

    with capture(execute=True):
        services.upload_package(module, SimpleUploadedFile("package.zip", content), manager)
    package = ScormPackage.objects.filter(module=module).order_by("-version_number").first()
    assert package.status == ScormPackage.Status.READY, BackgroundJob.objects.order_by("-created_at").first().result
    return package
