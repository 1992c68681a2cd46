"""Sessions, assigned learning, follow-ups, SCORM and champion agreements in the subject-access export and
in erasure: the person's own records exported, their free text erased, every counted fact (and so every
figure) kept."""

import io
import json
import zipfile

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from champions.models import ChampionCheckIn, ManagerAgreement
from courses.models import Assignment, Booking, BookingStatusChange, CalendarFeed, DateAttendance, FollowUp
from privacy import erasure
from privacy.models import SubjectAccessExport
from reports import measures as m
from reports.periods import year_containing
from tests.courses.live_sessions import book, training_session
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MEASURES = ("bookings", "attended", "assigned", "completed_on_time", "follow_up_rate", "applied_in_practice")


@pytest.fixture
def learner_with_training(champion_person):
    """The champion of the privacy fixtures, with a booking (cancelled once, then booked and attended), a
    calendar feed, an assignment met by their completion, an answered follow-up and a yearly check-in."""
    person = champion_person
    completion = person.completions.get()
    session = training_session()
    booking = book(session, person, cancel_reason="My child is ill that week", outcome_note="Left early, carer")
    staff = UserFactory(full_name="Register Keeper")
    BookingStatusChange.objects.create(
        booking=booking, from_status="booked", to_status="booked", changed_by=staff, note="Phoned about her son"
    )
    DateAttendance.objects.create(booking=booking, session_date=session.dates.get(), present=True, marked_by=staff)
    CalendarFeed.objects.create(user=person)
    today = timezone.localdate()
    Assignment.objects.create(
        user=person,
        course=completion.course,
        due_on=today,
        assigned_by=staff,
        satisfied_by=completion,
        satisfied_on=today,
    )
    FollowUp.objects.create(
        completion=completion,
        answered_at=timezone.now(),
        used="once",
        confidence_now=4,
        example="Helped Mrs Smith at the clinic",
    )
    ChampionCheckIn.objects.create(profile=person.champion_profile, due_on=today)
    ManagerAgreement.objects.filter(profile__user=person).update(comment="Happy to", note="Signed at supervision")
    return person, session


def figures(period) -> dict:
    return {(name, by): m.measure(name).function(period, by) for name in MEASURES for by in ("none", "organisation")}


def export_json(client, person) -> dict:
    client.force_login(person)
    client.post("/your-data/export/")
    record = SubjectAccessExport.objects.get(person=person)
    with default_storage.open(record.file.name, "rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    data = {name[:-5]: json.loads(archive.read(name)) for name in archive.namelist() if name.endswith(".json")}
    data["summary"] = archive.read("summary.html").decode()
    return data


def test_the_export_holds_bookings_feed_assignments_follow_ups_and_agreements(client, learner_with_training):
    person, _session = learner_with_training
    feed = CalendarFeed.objects.get(user=person)
    data = export_json(client, person)
    (booking,) = data["bookings"]
    assert booking["cancel_reason"] == "My child is ill that week"
    assert [c["by"] for c in booking["status_history"]] == ["you", "staff"]  # never the staff member's name
    assert [a["present"] for a in booking["attendance"]] == [True]
    assert data["calendar_feed"][0]["created_at"]
    (assignment,) = data["assignments"]
    assert assignment["done_on"] == timezone.localdate().isoformat()
    assert data["follow_ups"][0]["example"] == "Helped Mrs Smith at the clinic"
    agreements = data["champion_agreements"][0]
    assert agreements["line_manager_agreements"][0]["comment"] == "Happy to"
    assert len(agreements["yearly_check_ins"]) == 1
    assert data["scorm_attempts"] == []
    everything = json.dumps(data)
    assert feed.token not in everything and "Register Keeper" not in everything
    assert "My child is ill that week" in data["summary"] and "Helped Mrs Smith" in data["summary"]


def test_erasure_removes_the_free_text_and_resets_the_feed_and_keeps_every_figure(learner_with_training):
    person, session = learner_with_training
    period = year_containing(timezone.localtime(session.starts_at).date())
    before = figures(period)
    old_token = CalendarFeed.objects.get(user=person).token
    agreement_before = ManagerAgreement.objects.get(profile__user=person)
    erasure.erase_person(person)

    booking = Booking.objects.get(user=person)
    assert (booking.cancel_reason, booking.outcome_note) == ("", "")
    assert not BookingStatusChange.objects.filter(booking=booking).exclude(note="").exists()
    assert DateAttendance.objects.filter(booking=booking, present=True).count() == 1
    feed = CalendarFeed.objects.get(user=person)
    assert feed.token != old_token and feed.reset_at is not None
    follow_up = FollowUp.objects.get(completion__user=person)
    assert (follow_up.example, follow_up.used, follow_up.confidence_now) == ("", "once", 4)
    assert Assignment.objects.get(user=person).satisfied_on == timezone.localdate()
    agreement = ManagerAgreement.objects.get(profile__user=person)
    assert agreement_before.manager_name not in (agreement.manager_name, agreement.manager_email)
    assert (agreement.comment, agreement.note, agreement.outcome) == ("", "", agreement_before.outcome)
    assert figures(period) == before


def test_the_fixture_is_counted_by_the_measures(learner_with_training):
    """So the figures compared above are not all zero."""
    _person, session = learner_with_training
    counted = figures(year_containing(timezone.localtime(session.starts_at).date()))
    assert counted[("bookings", "none")].total == 1
    assert counted[("assigned", "none")].total == 1


def test_erasure_drops_the_learners_name_and_comments_from_scorm_data_and_keeps_scores():
    saved = {
        "sco-1": {
            "cmi": {
                "core": {"student_name": "Priya Champion", "lesson_status": "passed", "score": {"raw": "80"}},
                "comments": "My manager made me do this",
            },
            "sessions": {"a": 120},
            "done": True,
        },
        "sco-2": {"cmi": {"learner_name": "Priya Champion", "comments_from_learner": [{"comment": "x"}]}},
    }
    scrubbed = erasure._scrub_cmi(saved)
    assert "Priya" not in json.dumps(scrubbed) and "manager made me" not in json.dumps(scrubbed)
    assert scrubbed["sco-1"]["cmi"]["core"] == {"lesson_status": "passed", "score": {"raw": "80"}}
    assert scrubbed["sco-1"]["sessions"] == {"a": 120} and scrubbed["sco-1"]["done"] is True
