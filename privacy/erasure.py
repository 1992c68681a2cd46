"""Erasure: a person's personal data removed, every counted fact about them kept.

``erase_person`` is the one place an account is anonymised: an approved request and the retention schedule
both call it. In one transaction per person (a run stopped halfway leaves each person either untouched or
wholly anonymised), it replaces the name with a pseudonym ("Erased person 0042"), the address with one that
cannot receive mail, clears the job title and every piece of free text written by or about them (bio,
evaluation comments, activity notes, status-change reasons), takes the champion out of the directory,
revokes tokens, deletes their sign-in addresses, authenticators and exports, and locks the account.

What is *not* touched is what the measures count: the user row itself (so distinct counts stay distinct:
each erased person is still one person), their organisation and work district on the account (enrolments
count where the profile says they work), and every completion, enrolment, certificate, evaluation score,
status change, attendance, contact and activity with its dates and the place copied onto it. No figure,
live or frozen, can move (``tests/privacy/test_figures_never_move.py`` holds it to that).

``STEPS`` says which user foreign key each step covers; the model-graph test checks that every model with a
foreign key to the user is covered by a step (and by the export) or listed in ``coverage.EXCLUDED``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.models import User
from champions import selectors as champion_selectors
from champions.models import ChampionActivity, ChampionProfile, ChampionStatusChange, ManagerAgreement
from courses.models import (
    Booking,
    BookingStatusChange,
    CalendarFeed,
    Certificate,
    Evaluation,
    FollowUp,
    ScormAttempt,
)
from courses.sessions.models import new_feed_token
from home.models import BackgroundJob
from reports.models import PartnerApiToken

from .models import SubjectAccessExport

logger = logging.getLogger(__name__)

PSEUDONYM = "Erased person {number:04d}"
ERASED_EMAIL_DOMAIN = "erased.invalid"  # RFC 2606: never delivered, never anyone's


class ErasureRefused(Exception):
    """The person may not be erased (a superuser, on hold, already erased): the message says why."""


def pseudonym_for(user: User) -> str:
    """The name an erased person carries from then on: unique (it is their account's number), meaningless."""
    return PSEUDONYM.format(number=user.pk)


def refusal_reason(user: User) -> str | None:
    """Why ``user`` cannot be erased now, or None if they can."""
    from . import selectors

    if user.erased_at is not None:
        return "This person's data has already been erased."
    if user.is_superuser:
        return "A superuser cannot be erased: a superuser must first remove the superuser flag."
    hold = selectors.open_hold(user)
    if hold is not None:
        return f"This person is on legal hold ({hold.reason}); lift the hold first."
    return None


@dataclass(frozen=True)
class Step:
    """One part of an erasure, and the user foreign keys ("app_label.Model.field") whose records it handles."""

    covers: tuple[str, ...]
    run: object  # Callable[[User, str], None]


def _account(user: User, pseudonym: str) -> None:
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.groups.clear()
    user.user_permissions.clear()
    user.full_name = pseudonym
    user.email = f"erased-{user.pk}@{ERASED_EMAIL_DOMAIN}"
    user.job_title = ""
    user.is_active = False
    user.is_staff = False
    user.set_unusable_password()  # also ends every session: the session's auth hash no longer matches
    user.erased_at = timezone.now()
    user.save()


def _wagtail_user_records(user: User, pseudonym: str) -> None:
    from wagtail.admin.models import EditingSession
    from wagtail.models import PageSubscription
    from wagtail.users.models import UserProfile

    UserProfile.objects.filter(user=user).delete()  # admin preferences, and an avatar if one was uploaded
    EditingSession.objects.filter(user=user).delete()
    PageSubscription.objects.filter(user=user).delete()
    try:
        from wagtail.admin.models import FormState
        from wagtail.models import APIToken
    except ImportError:  # pragma: no cover - older Wagtail
        return
    FormState.objects.filter(user=user).delete()
    APIToken.objects.filter(user=user).delete()


def _learning(user: User, pseudonym: str) -> None:
    # Enrolments, progress, attempts and completions hold no personal data beyond the person: kept as they
    # are. The evaluation's scores are counted (confidence uplift); its comment is free text.
    Evaluation.objects.filter(completion__user=user).exclude(comment="").update(comment="")
    certificates = list(Certificate.objects.filter(completion__user=user).exclude(pdf="").values_list("pdf", flat=True))
    # The certificate still exists (and its public page says so); the name on it is the pseudonym, and the
    # PDF with the old name is deleted (a later rendering prints the pseudonym).
    Certificate.objects.filter(completion__user=user).update(holder_name=pseudonym, pdf="", rendered_at=None)
    transaction.on_commit(lambda: _delete_files(certificates))
    # A follow-up's answers are counted (learning used, confidence now); its example is free text.
    FollowUp.objects.filter(completion__user=user).exclude(example="").update(example="")
    # Assignments (course, due and done dates) hold nothing but counted facts: kept as they are.
    for attempt in ScormAttempt.objects.filter(enrolment__user=user).only("pk", "scos"):
        scos = _scrub_cmi(attempt.scos)
        if scos != attempt.scos:
            ScormAttempt.objects.filter(pk=attempt.pk).update(scos=scos)


# What a SCORM package saves that names the learner or is their own words; statuses, scores and times stay.
_CMI_FREE_TEXT = ("learner_name", "comments", "comments_from_learner")


def _scrub_cmi(scos: dict) -> dict:
    cleaned = {}
    for identifier, state in (scos or {}).items():
        state = dict(state)
        cmi = {k: v for k, v in (state.get("cmi") or {}).items() if k not in _CMI_FREE_TEXT}
        if isinstance(cmi.get("core"), dict):
            cmi["core"] = {k: v for k, v in cmi["core"].items() if k != "student_name"}
        state["cmi"] = cmi
        cleaned[identifier] = state
    return cleaned


def _sessions(user: User, pseudonym: str) -> None:
    # Bookings, their status changes and attendance are counted: kept against the pseudonymous person. The
    # free text on them (why they cancelled, the trainer's note on the outcome, a note on a change) is not.
    bookings = Booking.objects.filter(user=user)
    bookings.exclude(cancel_reason="", outcome_note="").update(cancel_reason="", outcome_note="")
    BookingStatusChange.objects.filter(booking__user=user).exclude(note="").update(note="")
    # The feed's old address stops working: a new token nobody knows.
    CalendarFeed.objects.filter(user=user).update(token=new_feed_token(), reset_at=timezone.now())


def _champion(user: User, pseudonym: str) -> None:
    profile = ChampionProfile.objects.filter(user=user).first()
    if profile is not None:
        profile.bio = profile.work_email = profile.work_phone = profile.decline_reason = profile.search_text = ""
        profile.visible_in_directory = profile.share_contact_details = False
        profile.save()
        profile.languages.clear()
        transaction.on_commit(champion_selectors.forget_directory_filter_options)
    # Status changes, attendance and contacts are counted, with the place copied onto them: kept. Their free
    # text (a decline or lapse reason, an activity note) is not.
    ChampionStatusChange.objects.filter(user=user).exclude(reason="").update(reason="")
    ChampionActivity.objects.filter(user=user).exclude(note="").update(note="")
    # The line manager named on the application is a third party: their name and address go, with the
    # comments and notes; the outcome and dates (what the approval rested on) stay.
    ManagerAgreement.objects.filter(profile__user=user).update(
        manager_name="Erased", manager_email=f"erased-manager-{user.pk}@{ERASED_EMAIL_DOMAIN}", comment="", note=""
    )


def _tokens(user: User, pseudonym: str) -> None:
    PartnerApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())


def _files(user: User, pseudonym: str) -> None:
    names = [name for name in BackgroundJob.objects.filter(owner=user).values_list("file", flat=True) if name]
    BackgroundJob.objects.filter(owner=user).delete()
    exports = SubjectAccessExport.objects.filter(person=user) | SubjectAccessExport.objects.filter(requested_by=user)
    names += [name for name in exports.values_list("file", flat=True) if name]
    exports.delete()
    transaction.on_commit(lambda: _delete_files(names))


def _audit(user: User, pseudonym: str) -> None:
    # Entries *about* the account carry its name as their label: the pseudonym instead. Entries *by* it point
    # at the user row, which now carries only the pseudonym.
    from django.contrib.contenttypes.models import ContentType

    ModelLogEntry.objects.filter(content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)).update(
        label=pseudonym
    )


def _delete_files(names: list[str]) -> None:
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:  # pragma: no cover - storage trouble: the row no longer names it anyway
            logger.warning("Could not delete %s after an erasure.", name)


STEPS: tuple[Step, ...] = (
    Step(
        (
            "accounts.User_groups.user",
            "accounts.User_user_permissions.user",
            "account.EmailAddress.user",
            "mfa.Authenticator.user",
        ),
        _account,
    ),
    Step(
        (
            "wagtailusers.UserProfile.user",
            "wagtailadmin.EditingSession.user",
            "wagtailadmin.FormState.user",
            "wagtailcore.APIToken.user",
            "wagtailcore.PageSubscription.user",
        ),
        _wagtail_user_records,
    ),
    Step(("courses.Enrolment.user", "courses.Completion.user", "courses.Assignment.user"), _learning),
    Step(("courses.Booking.user", "courses.CalendarFeed.user"), _sessions),
    Step(
        (
            "champions.ChampionProfile.user",
            "champions.ChampionStatusChange.user",
            "champions.ChampionContact.sender",
            "champions.NetworkAttendance.user",
            "champions.ChampionActivity.user",
        ),
        _champion,
    ),
    Step(("reports.PartnerApiToken.user",), _tokens),
    Step(
        ("home.BackgroundJob.owner", "privacy.SubjectAccessExport.person", "privacy.SubjectAccessExport.requested_by"),
        _files,
    ),
    Step(("wagtailcore.ModelLogEntry.user",), _audit),
)


def covered_fields() -> set[str]:
    return {field for step in STEPS for field in step.covers}


def erase_person(user: User) -> User:
    """Anonymise one person, all or nothing. Raises ``ErasureRefused`` for a superuser, a person on hold or
    one already erased (checked again inside the transaction, on the locked row, so two runs cannot both
    erase)."""
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        reason = refusal_reason(locked)
        if reason:
            raise ErasureRefused(reason)
        pseudonym = pseudonym_for(locked)
        for step in STEPS:
            step.run(locked, pseudonym)
    return locked
