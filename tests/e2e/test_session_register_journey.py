"""A trainer keeps a register on a tablet and shows the check-in code; a learner checks in from a phone.

Axe checks the register (before and after marking), the check-in code screen and the learner's check-in page;
the page fixture fails on any Content-Security-Policy violation (the code's refresh script is a static file).
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from courses.models import DateAttendance
from courses.sessions import checkin_codes
from tests.courses.live_sessions import book, trainer, training_session
from tests.e2e.staff import sign_in_with_code
from tests.factories import DEFAULT_PASSWORD, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TABLET = {"width": 820, "height": 1180}
PHONE = {"width": 390, "height": 844}


def check_accessible(page, assert_accessible) -> None:
    """axe, once Wagtail's messages have finished fading in (mid-fade their text is too faint for axe)."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('.messages > ul')].every(ul => getComputedStyle(ul).opacity === '1')"
    )
    assert_accessible(page)


def test_a_trainer_marks_the_register_and_a_learner_checks_in_by_qr_code(page, demo_site, assert_accessible):
    teacher = trainer(full_name="Tess Trainer")
    session = training_session(
        starts=[timezone.now() - datetime.timedelta(minutes=5)], trainers=[teacher], title="Spring cohort"
    )
    police = OrganisationFactory(name="Cambridgeshire Constabulary")
    priya = book(session, UserFactory(full_name="Priya Shah", organisation=police))
    dan = book(session, UserFactory(full_name="Dan Okafor", organisation=police))
    date = session.dates.get()

    page.set_viewport_size(TABLET)
    sign_in_with_code(page, teacher.email)
    page.get_by_role("link", name="My sessions").first.click()
    expect(page.get_by_role("cell", name=re.compile("Spring cohort"))).to_be_visible()
    page.get_by_role("link", name=re.compile("Register for")).click()
    expect(page.get_by_role("cell", name="Priya Shah").first).to_be_visible()
    expect(page.get_by_role("cell", name="Cambridgeshire Constabulary").first).to_be_visible()
    check_accessible(page, assert_accessible)

    page.get_by_role("radiogroup", name="Dan Okafor").get_by_label("Absent").check()
    page.get_by_role("button", name="Save the register").click()
    expect(page.get_by_text("Register saved: 1 person marked.")).to_be_visible()
    check_accessible(page, assert_accessible)
    assert DateAttendance.objects.get(booking=dan).present is False

    page.get_by_role("link", name="Show the check-in code").click()
    code_image = page.get_by_role("img", name=re.compile("Check-in code for"))
    expect(code_image).to_be_visible()
    check_accessible(page, assert_accessible)

    # Priya scans the code with her phone (the code the screen shows: made by the same signer).
    phone = page.context.browser.new_context(base_url=page.url.split("/admin/")[0], viewport=PHONE)
    try:
        learner = phone.new_page()
        learner.goto(checkin_codes.check_in_url(checkin_codes.make_code(date)).replace("http://testserver", ""))
        expect(learner).to_have_url(re.compile(r"/accounts/login/"))
        learner.get_by_label("Email").fill(priya.user.email)
        learner.get_by_label("Password", exact=True).fill(DEFAULT_PASSWORD)
        learner.get_by_role("button", name=re.compile(r"^\s*Sign In\s*$", re.IGNORECASE)).click()
        expect(learner.get_by_role("heading", level=1, name="Check in")).to_be_visible()
        assert_accessible(learner)
        learner.get_by_role("button", name="Check in").click()
        expect(learner.get_by_text("You are checked in. Thank you.")).to_be_visible()
        assert_accessible(learner)
    finally:
        phone.close()
    attendance = DateAttendance.objects.get(booking=priya)
    assert attendance.present is True and attendance.via == DateAttendance.Via.QR
