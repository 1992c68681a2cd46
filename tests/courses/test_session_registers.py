"""Trainers' registers: My sessions, marking each date, closing the register, outcomes and completion."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.models import Booking, BookingStatusChange, Completion, DateAttendance, Enrolment
from tests.courses.live_sessions import DAY, book, face_to_face_course, trainer, training_session
from tests.factories import ModulePageFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def register_url(session_date) -> str:
    return reverse("session_registers:register", args=[session_date.pk])


def past_session(teacher, days=(3, 2), **fields):
    now = timezone.now()
    return training_session(starts=[now - d * DAY for d in days], trainers=[teacher], **fields)


def mark(client, session_date, marks: dict) -> object:
    data = {"action": "mark", **{f"mark-{booking.pk}": value for booking, value in marks.items()}}
    return client.post(register_url(session_date), data)


def test_my_sessions_lists_only_the_sessions_the_trainer_teaches(client):
    teacher = trainer()
    mine = training_session(trainers=[teacher], title="Spring cohort")
    training_session(title="Someone else's")
    client.force_login(teacher)

    page = client.get(reverse("session_registers:my_sessions")).content.decode()

    assert "Spring cohort" in page
    assert "Someone else" not in page
    assert register_url(mine.dates.get()) in page


def test_the_register_of_a_session_the_trainer_does_not_teach_is_a_404(client):
    teacher = trainer()
    other = training_session(trainers=[trainer()])
    client.force_login(teacher)
    date = other.dates.get()
    assert client.get(register_url(date)).status_code == 404
    assert client.post(register_url(date), {"action": "close"}).status_code == 404
    assert client.get(reverse("session_registers:qr", args=[date.pk])).status_code == 404


def test_a_learner_cannot_open_registers(client):
    learner = UserFactory()
    session = training_session()
    book(session, learner)
    client.force_login(learner)
    response = client.get(register_url(session.dates.get()))
    assert response.status_code in (302, 403)
    assert "Fenland Hall" not in response.content.decode()


def test_the_register_shows_every_booking_with_name_and_organisation(client):
    teacher = trainer()
    session = training_session(trainers=[teacher], starts=[timezone.now() + 10 * datetime.timedelta(minutes=1)])
    people = [
        UserFactory(full_name=f"Person {i}", organisation=OrganisationFactory(name=f"Agency {i}")) for i in range(3)
    ]
    for person in people:
        book(session, person)
    book(session, UserFactory(full_name="Waiting Person"), status=Booking.Status.WAITLISTED)
    client.force_login(teacher)

    page = client.get(register_url(session.dates.get())).content.decode()

    for i in range(3):
        assert f"Person {i}" in page and f"Agency {i}" in page
    assert "Waiting Person" not in page  # no seat, not on the register


def test_marking_opens_fifteen_minutes_before_the_start(client):
    teacher = trainer()
    session = training_session(trainers=[teacher], starts=[timezone.now() + 20 * datetime.timedelta(minutes=1)])
    booking = book(session)
    client.force_login(teacher)
    date = session.dates.get()

    response = mark(client, date, {booking: "present"})
    assert response.status_code == 302
    assert not DateAttendance.objects.exists()
    assert "The register opens at" in client.get(register_url(date)).content.decode()

    date.starts_at = timezone.now() + 14 * datetime.timedelta(minutes=1)
    date.save()
    mark(client, date, {booking: "present"})
    assert DateAttendance.objects.get(booking=booking, session_date=date).present is True


def test_marks_are_saved_and_can_be_corrected(client):
    teacher = trainer()
    session = past_session(teacher)
    first, second = book(session), book(session)
    date = session.dates.order_by("starts_at").first()
    client.force_login(teacher)

    mark(client, date, {first: "present", second: "absent"})
    mark(client, date, {second: "present"})

    marks = dict(DateAttendance.objects.filter(session_date=date).values_list("booking_id", "present"))
    assert marks == {first.pk: True, second.pk: True}
    assert DateAttendance.objects.get(booking=first).marked_by == teacher


def test_a_booking_of_another_session_cannot_be_marked(client):
    teacher = trainer()
    session = past_session(teacher)
    stranger = book(training_session())
    client.force_login(teacher)
    client.post(register_url(session.dates.first()), {"action": "mark", f"mark-{stranger.pk}": "present"})
    assert not DateAttendance.objects.exists()


def test_closing_the_register_gives_each_booking_its_outcome_and_completes_the_attended(
    client, django_capture_on_commit_callbacks
):
    teacher = trainer()
    session = past_session(teacher)
    everyday, someday, never = book(session), book(session), book(session)
    first, second = session.dates.order_by("starts_at")
    client.force_login(teacher)
    mark(client, first, {everyday: "present", someday: "present", never: "absent"})
    mark(client, second, {everyday: "present", someday: "absent"})

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(first), {"action": "close"})

    assert response.status_code == 302
    statuses = dict(Booking.objects.values_list("pk", "status"))
    assert statuses == {
        everyday.pk: Booking.Status.ATTENDED,
        someday.pk: Booking.Status.PARTLY_ATTENDED,
        never.pk: Booking.Status.NO_SHOW,
    }
    change = BookingStatusChange.objects.get(booking=someday, to_status=Booking.Status.PARTLY_ATTENDED)
    assert change.changed_by == teacher and change.from_status == Booking.Status.BOOKED
    completion = Completion.objects.get()
    assert completion.user == everyday.user
    assert completion.source == Completion.Source.ATTENDANCE
    assert completion.completed_on == timezone.localdate(session.ends_at)
    assert completion.organisation == everyday.user.organisation
    assert completion.enrolment.source == Enrolment.Source.BOOKING
    everyday.refresh_from_db()
    assert everyday.completion == completion
    # The certificate follows the completion, as for online learning.
    assert completion.certificate.code
    session.refresh_from_db()
    assert session.register_closed_at is not None and session.register_closed_by == teacher
    # Closed: marks can no longer change, and closing again is refused.
    mark(client, first, {never: "present"})
    assert DateAttendance.objects.get(booking=never, session_date=first).present is False
    client.post(register_url(first), {"action": "close"})
    assert Completion.objects.count() == 1


def test_the_trainer_may_record_why_someone_partly_attended(client):
    teacher = trainer()
    session = past_session(teacher)
    booking = book(session)
    first = session.dates.order_by("starts_at").first()
    client.force_login(teacher)
    mark(client, first, {booking: "present"})
    client.post(register_url(first), {"action": "close"})

    client.post(register_url(first), {"action": "note", "booking": booking.pk, "note": "Left at lunch: childcare."})

    booking.refresh_from_db()
    assert booking.status == Booking.Status.PARTLY_ATTENDED
    assert booking.outcome_note == "Left at lunch: childcare."
    assert not Completion.objects.exists()
    assert "Left at lunch: childcare." in client.get(register_url(first)).content.decode()


def test_the_register_cannot_close_before_the_last_date_has_ended(client):
    teacher = trainer()
    now = timezone.now()
    session = training_session(starts=[now - DAY, now + DAY], trainers=[teacher])
    book(session)
    client.force_login(teacher)
    client.post(register_url(session.dates.order_by("starts_at").first()), {"action": "close"})
    session.refresh_from_db()
    assert session.register_closed_at is None
    assert Booking.objects.get().status == Booking.Status.BOOKED


def test_attending_a_blended_course_completes_nothing_until_the_online_modules_are_done(client):
    blended = face_to_face_course("marac-referral", delivery="blended")
    ModulePageFactory(parent=blended, title="Before the day")
    teacher = trainer()
    session = past_session(teacher, days=(2,), course_page=blended)
    booking = book(session)
    client.force_login(teacher)
    mark(client, session.dates.get(), {booking: "present"})
    client.post(register_url(session.dates.get()), {"action": "close"})

    booking.refresh_from_db()
    assert booking.status == Booking.Status.ATTENDED
    assert not Completion.objects.exists()


def test_a_register_of_200_bookings_takes_as_many_queries_as_one_of_20(client):
    teacher = trainer()
    small, large = past_session(teacher), past_session(teacher)
    organisation = OrganisationFactory()
    for session, size in ((small, 20), (large, 200)):
        people = UserFactory.create_batch(size, organisation=organisation)
        Booking.objects.bulk_create(
            Booking(session=session, user=p, status=Booking.Status.BOOKED, booked_at=timezone.now()) for p in people
        )
        date = session.dates.order_by("starts_at").first()
        DateAttendance.objects.bulk_create(
            DateAttendance(booking=b, session_date=date, present=True) for b in session.bookings.all()[: size // 2]
        )
    client.force_login(teacher)
    counts = []
    for session in (small, large):
        url = register_url(session.dates.order_by("starts_at").first())
        client.get(url)  # warm the session and permission caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] == REGISTER_QUERIES, counts


# The session, role and menu lookups, the date, its bookings with their people and organisations, the marks.
REGISTER_QUERIES = 16
