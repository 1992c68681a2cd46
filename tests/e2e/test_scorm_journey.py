"""SCORM modules in a real browser: a training manager uploads a package in the admin, and learners play small
real SCOs (tests/courses/scorm_packages.py) through the scorm-again runtime: leave halfway, come back at the
saved location, finish, and find the module done and the certificate issued. SCORM 1.2, SCORM 2004 3rd edition,
and a two-SCO package with choice navigation. axe checks the player page; the CSP is enforced throughout.
"""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from courses.learning import services as learning_services
from courses.models import Certificate, Completion, ScormAttempt, ScormPackage
from courses.scorm import services as scorm_services
from tests.courses.scorm_helpers import scorm_module
from tests.courses.scorm_packages import TWO_SCOS, package_12, package_2004
from tests.e2e.staff import sign_in_with_code
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def sign_in(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign In").click()


def learner_on(module):
    user = UserFactory(full_name="Alex Learner")
    learning_services.enrol(user, module.get_parent().specific)
    return user


def ready(module, content: bytes, manager):
    scorm_services.upload_package(module, SimpleUploadedFile("package.zip", content), manager)
    package = ScormPackage.objects.get(module=module)
    assert package.status == ScormPackage.Status.READY
    return package


def test_a_manager_uploads_a_package_and_sees_it_checked(page, training_manager):
    module = scorm_module()
    sign_in_with_code(page, training_manager.email, start="/admin/scorm/")
    page.get_by_role("link", name="Upload a package for Coercive control (e-learning)").click()
    page.get_by_label("SCORM package (ZIP)").set_input_files(
        {"name": "coercive-control.zip", "mimeType": "application/zip", "buffer": package_2004()}
    )
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_text("is ready: SCORM 2004 3rd edition")).to_be_visible()
    assert ScormPackage.objects.get(module=module).status == ScormPackage.Status.READY


@pytest.mark.parametrize("content", [package_12(mastery_score=80), package_2004()], ids=["scorm-1.2", "scorm-2004"])
def test_a_learner_leaves_halfway_resumes_where_they_were_and_finishes(
    page, training_manager, assert_accessible, content
):
    module = scorm_module()
    ready(module, content, training_manager)
    user = learner_on(module)
    sign_in(page, user.email)
    page.goto(module.url)
    sco = page.frame_locator("#scorm-content")
    expect(sco.get_by_text("Hello Alex Learner.")).to_be_visible()
    expect(sco.get_by_text("Page 1")).to_be_visible()
    assert_accessible(page)
    sco.get_by_role("button", name="Set an unknown element").click()
    expect(sco.locator("#last-error")).to_have_text(re.compile(r"^(401|201)$"))  # the runtime's error code
    sco.get_by_role("button", name="Next page").click()
    sco.get_by_role("button", name="Leave for now").click()
    expect(sco.get_by_text("You can come back later.")).to_be_visible()
    expect(page.locator("#scorm-status")).to_have_text("Your progress is saved.")

    page.goto("/learning/")  # away, then back
    page.goto(module.url)
    expect(sco.get_by_text("Page 2")).to_be_visible()
    expect(sco.get_by_text("Saved notes: seen=1,2")).to_be_visible()
    attempt = ScormAttempt.objects.get()
    stored = attempt.scos["SCO-1"]["cmi"]
    assert "no_such_element" not in str(stored)
    sco.get_by_role("button", name="Finish").click()
    expect(sco.get_by_text("Finished.")).to_be_visible()
    expect(page.locator("#scorm-status")).to_have_text("Your progress is saved.")

    attempt.refresh_from_db()
    assert attempt.status == ScormAttempt.Status.DONE and attempt.score_scaled == 0.9
    completion = Completion.objects.get(user=user)
    assert Certificate.objects.filter(completion=completion).exists()
    page.goto(module.url)
    expect(page.get_by_text("You have completed this course.")).to_be_visible()
    assert_accessible(page)


def test_a_two_sco_package_lets_the_learner_choose_each_part(page, training_manager, assert_accessible):
    module = scorm_module()
    ready(module, package_12(TWO_SCOS), training_manager)
    user = learner_on(module)
    sign_in(page, user.email)
    page.goto(module.url)
    parts = page.get_by_role("navigation", name="Parts of this module")
    expect(parts.get_by_text("Recognising coercive control")).to_have_attribute("aria-current", "page")
    assert_accessible(page)
    parts.get_by_role("link", name="Responding safely").click()
    sco = page.frame_locator("#scorm-content")
    expect(sco.get_by_role("heading", name="Responding safely")).to_be_visible()
    sco.get_by_role("button", name="Finish").click()
    expect(sco.get_by_text("Finished.")).to_be_visible()
    assert not Completion.objects.filter(user=user).exists()  # one part of two
    page.goto(module.url)  # the unfinished part opens
    expect(sco.get_by_role("heading", name="Recognising coercive control")).to_be_visible()
    expect(parts.get_by_text("Done")).to_have_count(1)
    sco.get_by_role("button", name="Finish").click()
    expect(sco.get_by_text("Finished.")).to_be_visible()
    expect(page.locator("#scorm-status")).to_have_text("Your progress is saved.")
    assert Completion.objects.filter(user=user).exists()
