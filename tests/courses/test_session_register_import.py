"""Importing a paper sign-in sheet: the register page's upload and ``manage.py import_register``."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from courses.models import Booking, BookingStatusChange, DateAttendance
from tests.courses.live_sessions import DAY, book, trainer, training_session
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

HEADER = "email,full_name,organisation,district,date,attended\n"


@pytest.fixture
def world():
    now = timezone.now()
    teacher = trainer()
    session = training_session(starts=[now - 3 * DAY, now - 2 * DAY], trainers=[teacher])
    OrganisationFactory(name="Fenland District Council")
    booked = book(session, UserFactory(email="booked@fenland.gov.uk"))
    first, second = (timezone.localdate(d.starts_at).isoformat() for d in session.dates.order_by("starts_at"))
    return {"session": session, "teacher": teacher, "booked": booked, "first": first, "second": second}


def sheet(world, *rows: str) -> bytes:
    return (HEADER + "".join(row + "\n" for row in rows)).encode()


def good_sheet(world) -> bytes:
    return sheet(
        world,
        f"booked@fenland.gov.uk,,,,{world['first']},yes",
        f"booked@fenland.gov.uk,,,,{world['second']},no",
        f"walk.in@fenland.gov.uk,Walk In,Fenland District Council,Fenland,{world['first']},YES",
    )


def test_the_command_imports_a_sheet_with_walk_ins_as_inactive_accounts(world, tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_bytes(good_sheet(world))
    out = io.StringIO()

    call_command("import_register", str(world["session"].pk), str(path), stdout=out)

    assert "3 rows: 2 present, 1 absent; 1 people added to the session (1 new to the platform)" in out.getvalue()
    walk_in = User.objects.get(email="walk.in@fenland.gov.uk")
    assert not walk_in.is_active and walk_in.full_name == "Walk In"
    booking = Booking.objects.get(user=walk_in, session=world["session"])
    assert booking.status == Booking.Status.BOOKED
    assert BookingStatusChange.objects.get(booking=booking).note == "Added from an imported sign-in sheet"
    marks = {
        (a.booking.user.email, timezone.localdate(a.session_date.starts_at).isoformat()): a.present
        for a in DateAttendance.objects.select_related("booking__user", "session_date")
    }
    assert marks == {
        ("booked@fenland.gov.uk", world["first"]): True,
        ("booked@fenland.gov.uk", world["second"]): False,
        ("walk.in@fenland.gov.uk", world["first"]): True,
    }
    assert all(a.via == DateAttendance.Via.IMPORT for a in DateAttendance.objects.all())
    # The same file again changes nothing.
    call_command("import_register", str(world["session"].pk), str(path), stdout=io.StringIO())
    assert DateAttendance.objects.count() == 3 and Booking.objects.count() == 2


def test_a_bad_sheet_writes_nothing_and_names_every_bad_line(world, tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_bytes(
        sheet(
            world,
            f"booked@fenland.gov.uk,,,,{world['first']},yes",
            "booked@fenland.gov.uk,,,,2020-01-01,yes",
            f"not-an-email,,,,{world['first']},yes",
            f"nobody@fenland.gov.uk,,,,{world['first']},yes",
            f"booked@fenland.gov.uk,,,,{world['second']},maybe",
        )
    )
    err = io.StringIO()

    with pytest.raises(CommandError, match="nothing was written"):
        call_command("import_register", str(world["session"].pk), str(path), stderr=err)

    problems = err.getvalue()
    assert "Line 3: 2020-01-01 is not a date of this session" in problems
    assert "Line 4: “not-an-email” is not a valid email address." in problems
    assert "Line 5: full_name is empty (needed for someone without an account)." in problems
    assert "Line 6: attended must be “yes” or “no”, not “maybe”." in problems
    assert "Line 2" not in problems
    assert not DateAttendance.objects.exists()
    assert not User.objects.filter(email="nobody@fenland.gov.uk").exists()


def test_the_command_refuses_an_unknown_session(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_bytes(HEADER.encode())
    with pytest.raises(CommandError, match="no session with the id 999999"):
        call_command("import_register", "999999", str(path))


def test_the_register_page_takes_the_same_upload(world, client):
    client.force_login(world["teacher"])
    url = reverse("session_registers:register", args=[world["session"].dates.order_by("starts_at").first().pk])

    bad = client.post(
        url,
        {"action": "import", "file": SimpleUploadedFile("sheet.csv", sheet(world, "x@y.org,,,,2020-01-01,yes"))},
    )
    assert bad.status_code == 200
    page = bad.content.decode()
    assert "Nothing was imported" in page and "Line 2:" in page
    assert not DateAttendance.objects.exists()

    good = client.post(url, {"action": "import", "file": SimpleUploadedFile("sheet.csv", good_sheet(world))})
    assert good.status_code == 302
    assert DateAttendance.objects.count() == 3
    assert DateAttendance.objects.filter(marked_by=world["teacher"]).count() == 3
