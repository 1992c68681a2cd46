"""Sessions in the Wagtail admin: managers all, trainers their own; refusals; moving dates tells those booked."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.catalogue.models import Delivery
from courses.models import SessionDate, TrainingSession
from courses.sessions import services
from tests.courses.certificate_helpers import make_course
from tests.courses.session_helpers import make_session
from tests.factories import UserFactory, district

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer(db):
    return UserFactory(groups=["Trainers"], job_title="Domestic abuse trainer")


def _local(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def form_data(session: TrainingSession | None = None, *, course=None, dates=None, **fields) -> dict:
    """What the admin's edit form posts: the session's fields and its dates as the inline formset."""
    start = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=20)
    existing = list(session.dates.all()) if session else []
    dates = (
        dates
        if dates is not None
        else [(d.starts_at, d.ends_at) for d in existing] or [(start, start + datetime.timedelta(hours=6))]
    )
    data = {
        "course": str(course.pk if course else session.course_id),
        "title": "",
        "district": str(session.district_id if session else district().pk),
        "venue_name": session.venue_name if session else "Fenland Hall",
        "venue_address": session.venue_address if session else "1 Market Place",
        "access_notes": "",
        "joining_url": session.joining_url if session else "",
        "capacity": str(session.capacity if session else 20),
        "waitlist_enabled": "on",
        "booking_opens_at": "",
        "booking_closes_at": "",
        "notes_for_learners": "",
        "dates-TOTAL_FORMS": str(len(dates)),
        "dates-INITIAL_FORMS": str(len(existing)),
        "dates-MIN_NUM_FORMS": "1",
        "dates-MAX_NUM_FORMS": "1000",
    }
    for index, (starts_at, ends_at) in enumerate(dates):
        data[f"dates-{index}-starts_at"] = _local(starts_at)
        data[f"dates-{index}-ends_at"] = _local(ends_at)
        data[f"dates-{index}-id"] = str(existing[index].pk) if index < len(existing) else ""
    for index in range(len(dates), len(existing)):
        data[f"dates-{index}-id"] = str(existing[index].pk)
    data.update(fields)
    return data


def test_a_training_manager_adds_a_session_with_two_dates_a_month_apart(client, training_manager):
    course = make_course(delivery=Delivery.BLENDED)
    client.force_login(training_manager)
    first = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=10)
    dates = [
        (first, first + datetime.timedelta(hours=6)),
        (first + datetime.timedelta(days=30), first + datetime.timedelta(days=30, hours=6)),
    ]

    response = client.post(reverse("training_sessions:add"), form_data(course=course, dates=dates))

    assert response.status_code == 302, response.content.decode()[:3000]
    session = TrainingSession.objects.get()
    assert session.dates.count() == 2
    assert (session.starts_at, session.ends_at) == (dates[0][0], dates[1][1])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"capacity": "0"}, "greater than or equal to 1"),
        ({"capacity": "100000"}, "less than or equal to 1000"),
        ({"joining_url": "ftp://files.example.org/x"}, "starting with https:// or http://"),
        ({"joining_url": "javascript:alert(1)"}, "starting with https:// or http://"),
        ({"_dates": "backwards"}, "A date must end after it starts"),
        ({"_dates": "overlap"}, "Two of the dates overlap"),
    ],
)
def test_bad_sessions_are_refused_with_a_message(client, training_manager, change, message):
    course = make_course(delivery=Delivery.FACE_TO_FACE)
    client.force_login(training_manager)
    start = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=10)
    dates = None
    kind = change.pop("_dates", None)
    if kind == "backwards":
        dates = [(start, start - datetime.timedelta(hours=1))]
    elif kind == "overlap":
        dates = [
            (start, start + datetime.timedelta(hours=6)),
            (start + datetime.timedelta(hours=5), start + datetime.timedelta(hours=8)),
        ]

    response = client.post(reverse("training_sessions:add"), form_data(course=course, dates=dates, **change))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not TrainingSession.objects.exists()


def test_capacity_below_the_number_booked_is_refused(client, training_manager):
    session = make_session(capacity=3)
    for _ in range(2):
        services.book(session, UserFactory())
    client.force_login(training_manager)

    response = client.post(reverse("training_sessions:edit", args=[session.pk]), form_data(session, capacity="1"))

    assert response.status_code == 200
    assert "2 people are booked: the capacity cannot be less than that." in response.content.decode()
    session.refresh_from_db()
    assert session.capacity == 3


def test_moving_a_date_raises_the_sequence_and_tells_those_booked(
    client, training_manager, mailoutbox, django_capture_on_commit_callbacks
):
    session = make_session(capacity=1)
    booked = services.book(session, UserFactory())
    services.book(session, UserFactory())
    mailoutbox.clear()
    client.force_login(training_manager)
    date = session.dates.get()
    later = [(date.starts_at + datetime.timedelta(days=1), date.ends_at + datetime.timedelta(days=1))]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("training_sessions:edit", args=[session.pk]), form_data(session, dates=later))

    assert response.status_code == 302
    session.refresh_from_db()
    assert session.sequence == 1
    assert session.starts_at == later[0][0]
    assert [m.to for m in mailoutbox] == [[booked.user.email]]
    assert mailoutbox[0].subject.startswith("Session changed")
    # Saving again without a change sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("training_sessions:edit", args=[session.pk]), form_data(session))
    session.refresh_from_db()
    assert session.sequence == 1 and len(mailoutbox) == 1


def test_a_session_with_bookings_is_not_deleted(client, training_manager):
    session = make_session()
    services.book(session, UserFactory())
    client.force_login(training_manager)

    response = client.post(reverse("training_sessions:delete", args=[session.pk]), follow=True)

    assert "This session has bookings, so it cannot be deleted. Cancel it instead." in response.content.decode()
    assert TrainingSession.objects.filter(pk=session.pk).exists()


def test_a_session_without_bookings_is_deleted(client, training_manager):
    session = make_session()
    client.force_login(training_manager)
    client.post(reverse("training_sessions:delete", args=[session.pk]))
    assert not TrainingSession.objects.exists()
    assert not SessionDate.objects.exists()


def test_trainers_see_and_edit_only_the_sessions_they_teach(client, trainer):
    theirs, others = make_session(title="Theirs"), make_session(title="Others")
    theirs.trainers.add(trainer)
    client.force_login(trainer)

    listing = client.get(reverse("training_sessions:index")).content.decode()
    assert "Theirs" in listing and "Others" not in listing
    assert client.get(reverse("training_sessions:edit", args=[theirs.pk])).status_code == 200
    assert client.get(reverse("training_sessions:edit", args=[others.pk])).status_code == 404
    response = client.post(reverse("training_sessions:edit", args=[others.pk]), form_data(others, capacity="5"))
    assert response.status_code == 404
    others.refresh_from_db()
    assert others.capacity == 20
    assert client.get(reverse("training_sessions:add")).status_code in (302, 403)
    assert client.post(reverse("training_sessions:delete", args=[theirs.pk])).status_code in (302, 403, 404)
    assert TrainingSession.objects.filter(pk=theirs.pk).exists()
