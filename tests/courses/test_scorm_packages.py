"""A training manager uploads a SCORM package: it is checked and unpacked in the worker, with a progress page,
and refused with a clear message when it breaks a rule (the packages are real ZIPs built in the tests)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from django.core.files.storage import default_storage
from django.utils.html import escape

from courses.models import ScormPackage
from courses.scorm import manifest
from home.models import BackgroundJob
from tests.courses.scorm_helpers import scorm_module, upload
from tests.courses.scorm_packages import (
    TWO_SCOS,
    build_zip,
    manifest_12,
    manifest_2004,
    package_12,
    package_2004,
    sco_files,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager_client(client, training_manager):
    client.force_login(training_manager)
    return client


def test_a_scorm_12_package_is_checked_unpacked_and_becomes_version_1(
    manager_client, training_manager, django_capture_on_commit_callbacks
):
    module = scorm_module()
    response, job, package = upload(
        manager_client, module, package_12(mastery_score=80), django_capture_on_commit_callbacks
    )
    html = response.content.decode()
    assert job.status == BackgroundJob.Status.DONE and job.owner == training_manager
    assert escape("Version 1 of “Coercive control (e-learning)” is ready: SCORM 1.2.") in html
    package.refresh_from_db()
    assert package.status == ScormPackage.Status.READY and package.version_number == 1
    assert package.scorm_version == manifest.SCORM_12 and package.title == "Coercive control"
    assert package.file_count == 3
    [item] = package.items
    assert item["identifier"] == "SCO-1" and item["launch"] == "sco1/index.html" and item["mastery_score"] == 80
    with default_storage.open(f"scorm/{package.pk}/sco1/index.html") as stored:
        assert b"Recognising coercive control" in stored.read()
    assert not job.upload  # the ZIP itself is not kept once unpacked


@pytest.mark.parametrize(
    ("edition", "expected"),
    [
        ("2004 3rd Edition", manifest.SCORM_2004_3),
        ("2004 4th Edition", manifest.SCORM_2004_4),
        ("CAM 1.3", manifest.SCORM_2004_2),
    ],
)
def test_a_scorm_2004_package_is_read_with_its_edition_rules_and_items(
    manager_client, django_capture_on_commit_callbacks, edition, expected
):
    module = scorm_module()
    content = package_2004(TWO_SCOS, edition=edition, scaled_passing_score=0.7, completion_threshold=0.8)
    _, job, package = upload(manager_client, module, content, django_capture_on_commit_callbacks)
    package.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE
    assert package.scorm_version == expected
    assert [(i["identifier"], i["title"], i["launch"]) for i in package.items] == [
        ("SCO-1", "Recognising coercive control", "sco1/index.html"),
        ("SCO-2", "Responding safely", "sco2/index.html"),
    ]
    assert all(i["scaled_passing_score"] == 0.7 and i["completion_threshold"] == 0.8 for i in package.items)


def test_a_new_upload_makes_a_new_version(manager_client, django_capture_on_commit_callbacks):
    module = scorm_module()
    upload(manager_client, module, package_12(), django_capture_on_commit_callbacks)
    _, _, second = upload(manager_client, module, package_2004(), django_capture_on_commit_callbacks)
    assert [p.version_number for p in ScormPackage.objects.filter(module=module)] == [2, 1]
    assert second.storage_prefix != ScormPackage.objects.get(module=module, version_number=1).storage_prefix
    index = manager_client.get("/admin/scorm/").content.decode()
    assert "Version 2: Ready, SCORM 2004 3rd edition" in index and "Version 1: Ready, SCORM 1.2" in index


def _refused(client, content: bytes, capture, name="package.zip") -> str:
    module = scorm_module()
    response, job, package = upload(client, module, content, capture, name=name)
    package.refresh_from_db()
    assert job.status == BackgroundJob.Status.FAILED
    assert package.status == ScormPackage.Status.REFUSED
    assert not default_storage.exists(f"scorm/{package.pk}/imsmanifest.xml")  # nothing unpacked
    html = response.content.decode()
    assert "The package was refused" in html
    return job.result["message"]


MANIFEST = manifest_12()
FILES = sco_files()


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (FILES, "There is no imsmanifest.xml at the root of the ZIP."),
        (
            {f"course/{name}": content for name, content in {"imsmanifest.xml": MANIFEST, **FILES}.items()},
            "There is no imsmanifest.xml at the root of the ZIP (there is one at course/imsmanifest.xml",
        ),
        ({"imsmanifest.xml": "<manifest><organizations>", **FILES}, "imsmanifest.xml is not well-formed XML"),
        (
            {"imsmanifest.xml": '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa">]><manifest>&a;</manifest>'},
            "The manifest uses XML entities, which are not allowed.",
        ),
        ({"imsmanifest.xml": MANIFEST.replace("1.2</schemaversion>", "0.9</schemaversion>"), **FILES}, "0.9"),
        ({"imsmanifest.xml": MANIFEST}, "The launch file of “Recognising coercive control” (sco1/index.html) is not"),
        (
            {"imsmanifest.xml": MANIFEST.replace('href="sco1/index.html"', 'href="../outside.html"'), **FILES},
            "is outside the package",
        ),
        ({"cmi5.xml": "<courseStructure/>", "index.html": "x"}, "This is a cmi5 package"),
        ({"course.au": "x", "course.crs": "x", "index.html": "x"}, "This is an AICC package"),
        ({"imsmanifest.xml": MANIFEST, "../../etc/evil.sh": "x", **FILES}, "leaves the package"),
        ({"imsmanifest.xml": MANIFEST, "/etc/evil.sh": "x", **FILES}, "leaves the package"),
    ],
    ids=[
        "no manifest",
        "manifest in a folder",
        "malformed",
        "entities",
        "unknown version",
        "launch file missing",
        "launch outside",
        "cmi5",
        "aicc",
        "dot-dot path",
        "absolute path",
    ],
)
def test_a_package_that_breaks_a_rule_is_refused_with_a_clear_message(
    manager_client, django_capture_on_commit_callbacks, files, expected
):
    assert expected in _refused(manager_client, build_zip(files), django_capture_on_commit_callbacks)


def test_a_symbolic_link_in_the_package_is_refused(manager_client, django_capture_on_commit_callbacks):
    content = build_zip({"imsmanifest.xml": MANIFEST, **FILES}, symlinks={"sco1/passwd": "/etc/passwd"})
    message = _refused(manager_client, content, django_capture_on_commit_callbacks)
    assert message == "The package contains a symbolic link (sco1/passwd), which is not allowed."


def test_a_zip_bomb_is_refused_by_its_compression_ratio(manager_client, django_capture_on_commit_callbacks):
    content = build_zip({"imsmanifest.xml": MANIFEST, **FILES, "sco1/padding.bin": b"\0" * (20 * 1024 * 1024)})
    assert len(content) < 100_000
    message = _refused(manager_client, content, django_capture_on_commit_callbacks)
    assert "times its compressed size, which marks a ZIP bomb" in message


def test_too_many_files_or_too_many_bytes_are_refused(manager_client, settings, django_capture_on_commit_callbacks):
    # The limits are settings (10,000 files and 500 MB by default); a test package stays small.
    assert settings.SCORM_MAX_FILES == 10_000 and settings.SCORM_MAX_UNPACKED_BYTES == 500 * 1024 * 1024
    settings.SCORM_MAX_FILES = 3
    content = build_zip({"imsmanifest.xml": MANIFEST, **FILES, "extra.txt": "x"})
    assert _refused(manager_client, content, django_capture_on_commit_callbacks) == (
        "The package has 4 files; at most 3 are allowed."
    )
    settings.SCORM_MAX_FILES, settings.SCORM_MAX_UNPACKED_BYTES = 10_000, 2 * 1024 * 1024
    content = build_zip({"imsmanifest.xml": MANIFEST, **FILES, "video.mp4": bytes(range(256)) * 12_000})
    assert "unpacks to 3 MB; at most 2 MB is allowed" in _refused(
        manager_client, content, django_capture_on_commit_callbacks
    )


def test_a_file_that_is_not_a_zip_is_refused(manager_client, django_capture_on_commit_callbacks):
    assert _refused(manager_client, b"not a zip", django_capture_on_commit_callbacks) == (
        "The file is not a readable ZIP."
    )


def test_the_upload_form_asks_for_a_zip(manager_client):
    module = scorm_module()
    response = manager_client.post(f"/admin/scorm/modules/{module.pk}/upload/", {})
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    assert not ScormPackage.objects.exists()


@pytest.mark.parametrize("role", [[], ["Trainers"], ["Partner leads"]])
def test_only_training_managers_upload_packages(client, role):
    module = scorm_module()
    client.force_login(UserFactory(groups=role))
    for url in ("/admin/scorm/", f"/admin/scorm/modules/{module.pk}/upload/"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert urlparse(response.get("Location", "")).path != url
    assert not ScormPackage.objects.exists()


def test_the_manifest_reader_keeps_xml_base_and_item_parameters():
    xml = manifest_12().replace('href="sco1/index.html">', 'href="index.html" xml:base="sco1/">', 1)
    xml = xml.replace('identifierref="RES-SCO-1"', 'identifierref="RES-SCO-1" parameters="?page=2"')
    parsed = manifest.parse(xml.encode(), files={"sco1/index.html"})
    assert parsed.items[0].launch == "sco1/index.html?page=2"


def test_a_2004_manifest_without_a_version_is_read_from_its_namespace():
    xml = manifest_2004().replace("<schemaversion>2004 3rd Edition</schemaversion>", "")
    assert manifest.parse(xml.encode()).version == manifest.SCORM_2004_2
