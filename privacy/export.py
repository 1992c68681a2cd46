"""Subject access: a ZIP of everything the platform holds about one person.

One JSON file per kind of record (``SECTIONS``), a readable ``summary.html`` of the same, and the PDF of
each of their certificates. ``SECTIONS`` says which user foreign keys each file covers; the model-graph test
checks that every model with a foreign key to the user is in a section (and an erasure step) or listed in
``coverage.EXCLUDED`` with its reason. Secrets are never exported (API token hashes, authenticator
secrets, recovery codes, password hashes), nor anyone else's contact details.
"""

from __future__ import annotations

import datetime
import decimal
import json
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.models import User
from champions.models import (
    ChampionActivity,
    ChampionContact,
    ChampionProfile,
    ChampionStatusChange,
    NetworkAttendance,
)
from courses.models import Certificate, Completion, Enrolment
from home.models import BackgroundJob
from reports.models import PartnerApiToken

from . import export_training as training
from . import selectors
from .models import ErasureRequest, LegalHold, SubjectAccessExport


def _when(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


def _place(record) -> dict:
    return {
        "organisation": record.organisation.name if record.organisation_id else None,
        "sector": record.sector.name if record.sector_id else None,
        "district": record.district.name if record.district_id else None,
    }


def profile(person: User) -> list[dict]:
    emails = EmailAddress.objects.filter(user=person).order_by("email")
    authenticators = Authenticator.objects.filter(user=person).order_by("created_at")
    return [
        {
            "email": person.email,
            "full_name": person.full_name,
            "job_title": person.job_title,
            "organisation": person.organisation.name if person.organisation_id else None,
            "work_district": person.district.name if person.district_id else None,
            "account_active": person.is_active,
            "date_joined": _when(person.date_joined),
            "last_sign_in": _when(person.last_login),
            "roles": sorted(person.groups.values_list("name", flat=True)),
            "email_addresses": [{"email": e.email, "verified": e.verified, "primary": e.primary} for e in emails],
            # That two-step sign-in is on, and since when: never the secret or the recovery codes.
            "two_step_sign_in": [
                {"kind": a.type, "set_up": _when(a.created_at), "last_used": _when(a.last_used_at)}
                for a in authenticators
            ],
        }
    ]


def enrolments(person: User) -> list[dict]:
    rows = (
        Enrolment.objects.filter(user=person)
        .select_related("course", "enrolled_by")
        .prefetch_related("module_progress__module", "quiz_attempts__module")
        .order_by("enrolled_at")
    )
    return [
        {
            "course": e.course.title,
            "status": e.get_status_display(),
            "how": e.get_source_display(),
            "enrolled_at": _when(e.enrolled_at),
            "completed_at": _when(e.completed_at),
            "withdrawn_at": _when(e.withdrawn_at),
            "module_progress": [
                {"module": p.module.title, "completed_at": _when(p.completed_at)} for p in e.module_progress.all()
            ],
            "knowledge_check_attempts": [
                {
                    "module": a.module.title,
                    "submitted_at": _when(a.submitted_at),
                    "score_percent": a.score_percent,
                    "passed": a.passed,
                    "answers": a.answers,
                }
                for a in e.quiz_attempts.all()
            ],
        }
        for e in rows
    ]


def completions(person: User) -> list[dict]:
    rows = (
        Completion.objects.filter(user=person)
        .select_related("course", "organisation", "sector", "district", "certificate", "evaluation")
        .order_by("completed_on", "pk")
    )
    result = []
    for c in rows:
        # A missing one-to-one raises a subclass of AttributeError, which getattr's default catches.
        certificate = getattr(c, "certificate", None)
        evaluation = getattr(c, "evaluation", None)
        result.append(
            {
                "course": c.course.title,
                "completed_on": _when(c.completed_on),
                "how": c.get_source_display(),
                "counted_under": _place(c),
                "certificate": certificate
                and {
                    "code": certificate.display_code,
                    "name_on_it": certificate.holder_name,
                    "issued_on": _when(certificate.issued_on),
                    "expires_on": _when(certificate.expires_on),
                    "status": Certificate.Status(certificate.status()).label,
                    "file": f"certificates/{certificate.code}.pdf",
                },
                "evaluation": evaluation
                and {
                    "submitted_at": _when(evaluation.submitted_at),
                    "confidence_before": evaluation.confidence_before,
                    "confidence_after": evaluation.confidence_after,
                    "usefulness": evaluation.usefulness,
                    "comment": evaluation.comment,
                },
            }
        )
    return result


def champion(person: User) -> list[dict]:
    profile = (
        ChampionProfile.objects.filter(user=person).prefetch_related("specialisms", "languages", "districts").first()
    )
    history = (
        ChampionStatusChange.objects.filter(user=person)
        .select_related("organisation", "sector", "district")
        .order_by("changed_at")
    )
    activity = (
        ChampionActivity.objects.filter(user=person)
        .select_related("topic", "organisation", "sector", "district")
        .order_by("activity_date")
    )
    attendance = NetworkAttendance.objects.filter(user=person).select_related("event").order_by("recorded_at")
    sent = ChampionContact.objects.filter(sender=person).select_related("champion__user").order_by("sent_at")
    received = (
        ChampionContact.objects.filter(champion__user=person).select_related("sender").order_by("sent_at")
        if profile
        else ChampionContact.objects.none()
    )
    # The retention schedule: after RETENTION_CONTACT_SENDER_YEARS a champion is no longer told who wrote.
    sender_cutoff = timezone.now() - datetime.timedelta(days=365 * settings.RETENTION_CONTACT_SENDER_YEARS)
    return [
        {
            "profile": profile
            and {
                "status": profile.get_status_display(),
                "applied_at": _when(profile.applied_at),
                "bio": profile.bio,
                "work_email": profile.work_email,
                "work_phone": profile.work_phone,
                "visible_in_directory": profile.visible_in_directory,
                "shares_contact_details": profile.share_contact_details,
                "specialisms": [t.name for t in profile.specialisms.all()],
                "languages": [language.name for language in profile.languages.all()],
                "districts": [d.name for d in profile.districts.all()],
                "decline_reason": profile.decline_reason,
            },
            "status_history": [
                {
                    "from": h.from_status,
                    "to": h.to_status,
                    "on": _when(h.changed_on),
                    "reason": h.reason,
                    "counted_under": _place(h),
                }
                for h in history
            ],
            "activity": [
                {
                    "date": _when(a.activity_date),
                    "kind": a.get_kind_display(),
                    "topic": a.topic.name if a.topic_id else None,
                    "people_reached": a.people_reached,
                    "note": a.note,
                    "counted_under": _place(a),
                }
                for a in activity
            ],
            "network_events_attended": [
                {"event": n.event.title, "starts_at": _when(n.event.starts_at), "recorded_at": _when(n.recorded_at)}
                for n in attendance
            ],
            # Who and when only: the platform never stores a message's text.
            "champions_contacted": [{"champion": str(c.champion.user), "sent_at": _when(c.sent_at)} for c in sent],
            "contacts_received": [
                {"from": str(c.sender) if c.sent_at >= sender_cutoff else None, "sent_at": _when(c.sent_at)}
                for c in received
            ],
        }
    ]


def admin(person: User) -> list[dict]:
    """What the Wagtail admin keeps about a staff member: preferences, permissions, subscriptions, tokens."""
    from wagtail.admin.models import EditingSession
    from wagtail.models import PageSubscription
    from wagtail.users.models import UserProfile

    preferences = UserProfile.objects.filter(user=person).first()
    row = {
        "permissions": sorted(person.user_permissions.values_list("codename", flat=True)),
        "preferences": preferences
        and {
            "language": preferences.preferred_language,
            "time_zone": preferences.current_time_zone,
            "theme": preferences.theme,
            "submitted_notifications": preferences.submitted_notifications,
            "approved_notifications": preferences.approved_notifications,
            "rejected_notifications": preferences.rejected_notifications,
        },
        "page_subscriptions": [
            {"page": str(s.page), "comment_notifications": s.comment_notifications}
            for s in PageSubscription.objects.filter(user=person).select_related("page")
        ],
        "editing_sessions": [
            {"last_seen_at": _when(s.last_seen_at)} for s in EditingSession.objects.filter(user=person)
        ],
    }
    try:
        from wagtail.admin.models import FormState
        from wagtail.models import APIToken
    except ImportError:  # pragma: no cover - older Wagtail
        return [row]
    row["saved_admin_forms"] = FormState.objects.filter(user=person).count()
    row["admin_api_tokens"] = [
        {"name": t.name, "created_at": _when(t.created), "last_used_at": _when(t.last_used_at)}
        for t in APIToken.objects.filter(user=person)
    ]
    return [row]


def api_tokens(person: User) -> list[dict]:
    # Names and dates: never the secret, its hash or its first characters.
    return [
        {
            "name": t.name,
            "created_at": _when(t.created_at),
            "last_used_at": _when(t.last_used_at),
            "revoked_at": _when(t.revoked_at),
        }
        for t in PartnerApiToken.objects.filter(user=person).order_by("created_at")
    ]


def data_protection(person: User) -> list[dict]:
    requests = ErasureRequest.objects.filter(person=person).order_by("requested_at")
    holds = LegalHold.objects.filter(person=person).order_by("placed_at")
    exports = SubjectAccessExport.objects.filter(person=person).order_by("created_at")
    jobs = BackgroundJob.objects.filter(owner=person).order_by("created_at")
    return [
        {
            "erasure_requests": [
                {
                    "requested_at": _when(r.requested_at),
                    "status": r.get_status_display(),
                    "decided_at": _when(r.decided_at),
                    "reason_for_refusal": r.refusal_reason,
                }
                for r in requests
            ],
            "legal_holds": [
                {"placed_at": _when(h.placed_at), "reason": h.reason, "lifted_at": _when(h.lifted_at)} for h in holds
            ],
            "subject_access_exports": [
                {"created_at": _when(e.created_at), "how": e.get_channel_display()} for e in exports
            ],
            "background_jobs": [{"title": j.title, "created_at": _when(j.created_at)} for j in jobs],
        }
    ]


def audit(person: User) -> list[dict]:
    return [
        {
            "when": _when(entry.timestamp),
            "action": entry.action,
            "about": entry.label,
            "by": "you" if entry.user_id == person.pk else ("someone else" if entry.user_id else "the platform"),
        }
        for entry in selectors.audit_entries_about(person)
    ]


@dataclass(frozen=True)
class Section:
    """One JSON file of the export, the user foreign keys ("app_label.Model.field") whose records it holds."""

    name: str
    title: str
    covers: tuple[str, ...]
    build: Callable[[User], list[dict]]


SECTIONS: tuple[Section, ...] = (
    Section(
        "profile",
        "Your profile and sign-in",
        ("accounts.User_groups.user", "account.EmailAddress.user", "mfa.Authenticator.user"),
        profile,
    ),
    Section(
        "enrolments",
        "Enrolments, module progress and knowledge-check attempts",
        ("courses.Enrolment.user",),
        enrolments,
    ),
    Section("completions", "Completions, certificates and evaluations", ("courses.Completion.user",), completions),
    Section(
        "champion",
        "Champion profile, status history, activity, network events and contacts",
        (
            "champions.ChampionProfile.user",
            "champions.ChampionStatusChange.user",
            "champions.ChampionContact.sender",
            "champions.NetworkAttendance.user",
            "champions.ChampionActivity.user",
        ),
        champion,
    ),
    Section(
        "bookings",
        "Training session bookings, their history and your attendance",
        ("courses.Booking.user",),
        training.bookings,
    ),
    Section(
        "calendar_feed",
        "Your calendar feed (dates only, never its private address)",
        ("courses.CalendarFeed.user",),
        training.calendar_feed,
    ),
    # Reached through an enrolment, a completion or the champion profile, not a foreign key to the user.
    Section("scorm_attempts", "SCORM package attempts and the data they saved", (), training.scorm_attempts),
    Section(
        "assignments", "Courses assigned to you and their reminders", ("courses.Assignment.user",), training.assignments
    ),
    Section("follow_ups", "Three-month follow-ups and your answers", (), training.follow_ups),
    Section(
        "champion_agreements",
        "Your line manager's agreement to your champion role, and yearly check-ins",
        (),
        training.champion_agreements,
    ),
    Section(
        "admin",
        "The admin's preferences, permissions, subscriptions and tokens (staff only)",
        (
            "accounts.User_user_permissions.user",
            "wagtailusers.UserProfile.user",
            "wagtailadmin.EditingSession.user",
            "wagtailadmin.FormState.user",
            "wagtailcore.APIToken.user",
            "wagtailcore.PageSubscription.user",
        ),
        admin,
    ),
    Section("api_tokens", "Partner API tokens (names and dates)", ("reports.PartnerApiToken.user",), api_tokens),
    Section(
        "data_protection",
        "Requests, legal holds, exports and background jobs",
        ("home.BackgroundJob.owner", "privacy.SubjectAccessExport.person", "privacy.SubjectAccessExport.requested_by"),
        data_protection,
    ),
    Section("audit", "Audit entries about you", ("wagtailcore.ModelLogEntry.user",), audit),
)


def covered_fields() -> set[str]:
    return {field for section in SECTIONS for field in section.covers}


def record_count(person: User) -> int:
    """About how many records the export holds (to choose between building it now and in the worker)."""
    return (
        Enrolment.objects.filter(user=person).count()
        + Completion.objects.filter(user=person).count()
        + ChampionActivity.objects.filter(user=person).count()
        + ChampionContact.objects.filter(sender=person).count()
    )


def _certificates(person: User):
    return Certificate.objects.filter(completion__user=person).select_related("completion__course").order_by("pk")


def _certificate_pdf(certificate: Certificate) -> bytes:
    if certificate.pdf:
        try:
            with default_storage.open(certificate.pdf.name, "rb") as handle:
                return handle.read()
        except FileNotFoundError:
            pass
    from courses.certificates.services import render_certificate_pdf

    return render_certificate_pdf(certificate)


def build(record: SubjectAccessExport, progress=None) -> SubjectAccessExport:
    """Write the ZIP to media storage and mark the export ready until SUBJECT_ACCESS_EXPORT_DAYS from now."""
    person = User.objects.select_related("organisation", "district").get(pk=record.person_id)
    certificates = list(_certificates(person))
    steps = len(SECTIONS) + len(certificates) + 1
    if progress:
        progress.stage("Collecting records", steps)
    data = {}
    with tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024) as spool:
        with zipfile.ZipFile(spool, "w", zipfile.ZIP_DEFLATED) as archive:
            for done, section in enumerate(SECTIONS, 1):
                data[section.name] = section.build(person)
                archive.writestr(
                    f"{section.name}.json", json.dumps(data[section.name], indent=2, ensure_ascii=False, default=str)
                )
                if progress:
                    progress.advance(done)
            for done, certificate in enumerate(certificates, len(SECTIONS) + 1):
                archive.writestr(f"certificates/{certificate.code}.pdf", _certificate_pdf(certificate))
                if progress:
                    progress.advance(done)
            archive.writestr(
                "summary.html",
                render_to_string(
                    "privacy/export_summary.html",
                    {
                        "person": person,
                        "sections": [(s, data[s.name]) for s in SECTIONS],
                        "data": data,
                        "certificates": certificates,
                        "made_at": timezone.now(),
                    },
                ),
            )
        size = spool.tell()
        spool.seek(0)
        record.file.save(f"{record.pk}.zip", File(spool), save=False)
    now = timezone.now()
    record.status, record.ready_at, record.size = SubjectAccessExport.Status.READY, now, size
    record.expires_at = now + datetime.timedelta(days=settings.SUBJECT_ACCESS_EXPORT_DAYS)
    record.save()
    if progress:
        progress.advance(steps, force=True)
    return record


def file_name(record: SubjectAccessExport) -> str:
    return f"your-data-{timezone.localtime(record.created_at):%Y-%m-%d}.zip"


def read_zip_names(record: SubjectAccessExport) -> list[str]:
    with default_storage.open(record.file.name, "rb") as handle, zipfile.ZipFile(handle) as archive:
        return archive.namelist()


def expire(record: SubjectAccessExport) -> None:
    if record.file:
        default_storage.delete(record.file.name)
    SubjectAccessExport.objects.filter(pk=record.pk).update(file="")
