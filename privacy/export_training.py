"""Subject-access sections for live sessions, SCORM, assigned learning, follow-ups and champion agreements.

Kept apart from ``export`` so neither module grows past the size limit; ``export.SECTIONS`` lists these
builders beside its own. Each returns the person's *own* records; what staff did to other people's records
(who marked a register, who assigned a course) is in ``coverage.EXCLUDED`` with its reason. The calendar
feed's token is a secret and never exported: only that the feed exists and when it was last reset.
"""

from __future__ import annotations

from accounts.models import User
from champions.models import ChampionCheckIn, ManagerAgreement
from courses.models import Assignment, Booking, CalendarFeed, FollowUp, ScormAttempt


def _when(value):
    from .export import _when as when

    return when(value)


def bookings(person: User) -> list[dict]:
    rows = (
        Booking.objects.filter(user=person)
        .select_related("session__course")
        .prefetch_related("status_changes", "attendances__session_date")
        .order_by("created_at", "pk")
    )
    return [
        {
            "session": str(b.session),
            "status": b.get_status_display(),
            "booked_at": _when(b.booked_at),
            "cancelled_at": _when(b.cancelled_at),
            "cancel_reason": b.cancel_reason,
            "outcome_note": b.outcome_note,
            "status_history": [
                {
                    "from": c.from_status,
                    "to": c.to_status,
                    "at": _when(c.changed_at),
                    "by": "you" if c.changed_by_id == person.pk else ("staff" if c.changed_by_id else "the platform"),
                    "note": c.note,
                }
                for c in b.status_changes.all()
            ],
            "attendance": [
                {
                    "date": _when(a.session_date.starts_at),
                    "present": a.present,
                    "recorded": a.get_via_display(),
                    "at": _when(a.marked_at),
                }
                for a in b.attendances.all()
            ],
        }
        for b in rows
    ]


def calendar_feed(person: User) -> list[dict]:
    # That the feed exists and when it was made or reset: never the token, which is the feed's password.
    return [
        {"created_at": _when(f.created_at), "reset_at": _when(f.reset_at)}
        for f in CalendarFeed.objects.filter(user=person)
    ]


def scorm_attempts(person: User) -> list[dict]:
    rows = (
        ScormAttempt.objects.filter(enrolment__user=person)
        .select_related("package", "enrolment__course")
        .order_by("started_at", "pk")
    )
    return [
        {
            "course": a.enrolment.course.title,
            "package": a.package.title or a.package.file_name,
            "attempt": a.number,
            "status": a.get_status_display(),
            "started_at": _when(a.started_at),
            "last_saved_at": _when(a.committed_at),
            "done_at": _when(a.done_at),
            "score_scaled": a.score_scaled,
            "total_seconds": a.total_seconds,
            # The CMI data each part of the package saved, as the package sent it.
            "data_saved_by_the_package": a.scos,
        }
        for a in rows
    ]


def assignments(person: User) -> list[dict]:
    rows = (
        Assignment.objects.filter(user=person)
        .select_related("course")
        .prefetch_related("reminders")
        .order_by("due_on", "pk")
    )
    return [
        {
            "course": a.course.title,
            "due_on": _when(a.due_on),
            "why_you": a.get_source_display(),
            "assigned_at": _when(a.created_at),
            "done_on": _when(a.satisfied_on),
            "renews": a.recurs_on_renewal,
            "reminders_sent": [{"kind": r.get_kind_display(), "sent_at": _when(r.sent_at)} for r in a.reminders.all()],
        }
        for a in rows
    ]


def follow_ups(person: User) -> list[dict]:
    rows = FollowUp.objects.filter(completion__user=person).select_related("completion__course").order_by("sent_at")
    return [
        {
            "course": f.completion.course.title,
            "sent_at": _when(f.sent_at),
            "answered_at": _when(f.answered_at),
            "skipped_at": _when(f.skipped_at),
            "used_the_learning": f.get_used_display() if f.used else None,
            "confidence_now": f.confidence_now,
            "example": f.example,
        }
        for f in rows
    ]


def champion_agreements(person: User) -> list[dict]:
    agreements = ManagerAgreement.objects.filter(profile__user=person).order_by("requested_at", "pk")
    check_ins = ChampionCheckIn.objects.filter(profile__user=person).order_by("due_on", "pk")
    return [
        {
            "line_manager_agreements": [
                {
                    "manager_name": a.manager_name,
                    "manager_email": a.manager_email,
                    "requested_at": _when(a.requested_at),
                    "outcome": a.get_outcome_display(),
                    "answered_at": _when(a.answered_at),
                    "comment": a.comment,
                    "note": a.note,
                    "agreement_text": a.agreement_text,
                }
                for a in agreements
            ],
            "yearly_check_ins": [
                {
                    "due_on": _when(c.due_on),
                    "sent_at": _when(c.sent_at),
                    "confirmed_at": _when(c.confirmed_at),
                    "hidden_at": _when(c.hidden_at),
                }
                for c in check_ins
            ],
        }
    ]
