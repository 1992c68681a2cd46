"""Actions on the champion network: the status lifecycle, profiles, contacts, events and activity.

Views, admin screens, the nightly task and the demo call these; nothing else
writes champion records, so every status change leaves a history row and
every measure record copies the person's place at that moment.

Renewal (a lapsed champion who holds a valid champion certificate again) is
restored to active **automatically by the nightly task**, and also at once
if they re-apply from their profile page; either way the history records a
move from lapsed to active with the reason "Champion training renewed".
"""

from __future__ import annotations

import csv
import datetime
import io
import logging
import smtplib
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.models import District, Organisation, SectorGroup, User
from courses.certificates import selectors as certificate_selectors
from courses.models import Topic
from home.dates import EARLIEST_RECORD_DATE, years_before
from home.links import page_url, site_url
from home.text import single_line

from .models import (
    ACTIVITY_NOTE_MAX,
    PEOPLE_REACHED_MAX,
    ChampionActivity,
    ChampionContact,
    ChampionProfile,
    ChampionStatus,
    ChampionStatusChange,
    Language,
    NetworkAttendance,
    NetworkEvent,
)

logger = logging.getLogger(__name__)

RENEWED_REASON = "Champion training renewed"
LAPSED_REASON = "Champion training certificate expired"
MESSAGE_MAX_CHARS = 3000


class ChampionError(Exception):
    """A rule stops this action; the message is shown to the person."""


# --- Status lifecycle -----------------------------------------------------------------------------------


def _change_status(
    profile: ChampionProfile,
    to_status: str,
    *,
    by: User | None = None,
    reason: str = "",
    at: datetime.datetime | None = None,
    first: bool = False,
    agreement=None,
) -> ChampionStatusChange:
    """Move the profile to ``to_status`` and record the change with the person's place copied."""
    at = at or timezone.now()
    user = profile.user
    change = ChampionStatusChange(
        profile=profile,
        user=user,
        from_status="" if first else profile.status,
        to_status=to_status,
        changed_at=at,
        changed_on=timezone.localdate(at),
        changed_by=by,
        reason=reason,
        agreement=agreement,
    )
    change.copy_place_from(user)
    change.save()
    profile.status = to_status
    profile.status_changed_at = at
    profile.save(update_fields=["status", "status_changed_at"])
    return change


def _champion_course_names() -> str:
    titles = [f"“{course.title}”" for course in certificate_selectors.champion_training_courses()]
    if not titles:
        return "the Domestic Abuse Champion training"
    return " or ".join(titles)


def _has_champion_certificate(user: User, on: datetime.date) -> bool:
    return certificate_selectors.valid_champion_certificate(user, on) is not None


@transaction.atomic
def apply(
    user: User,
    *,
    manager_name: str = "",
    manager_email: str = "",
    at: datetime.datetime | None = None,
    notify: bool = True,
) -> ChampionProfile:
    """Apply to become a champion; returns the profile (applied, or active again after a renewal).

    Needs a complete profile, a valid champion-training certificate (the
    error names the course) and, for a new application, the line manager's
    name and work email: they are emailed the role agreement to agree to
    (``champions.agreements``). Applying twice changes nothing. Someone
    declined or withdrawn applies again; a lapsed champion whose training is
    renewed is restored to active straight away (no second approval or agreement).
    ``notify=False`` (demo data) emails nobody.
    """
    from . import agreements

    at = at or timezone.now()
    today = timezone.localdate(at)
    if not user.profile_is_complete:
        raise ChampionError("Complete your profile (organisation, work district and job title) before you apply.")
    profile = ChampionProfile.objects.select_for_update().filter(user=user).first()
    if profile is not None and profile.status == ChampionStatus.ACTIVE:
        raise ChampionError("You are already an active Domestic Abuse Champion.")
    if profile is not None and profile.status == ChampionStatus.APPLIED:
        return profile
    if not _has_champion_certificate(user, today):
        raise ChampionError(
            f"You need a valid certificate of {_champion_course_names()} to become a Domestic Abuse Champion. "
            "Complete the course (or renew it, if your certificate has expired), then apply."
        )
    if profile is None or profile.status != ChampionStatus.LAPSED:
        manager_name, manager_email = agreements.clean_manager_details(user, manager_name, manager_email)
    if profile is None:
        profile = ChampionProfile.objects.create(user=user, applied_at=at, status_changed_at=at)
        if user.district_id:
            profile.districts.set([user.district_id])
        _change_status(profile, ChampionStatus.APPLIED, by=user, at=at, first=True)
    elif profile.status == ChampionStatus.LAPSED:
        _change_status(profile, ChampionStatus.ACTIVE, by=user, reason=RENEWED_REASON, at=at)
    else:
        profile.applied_at = at
        profile.decline_reason = ""
        profile.save(update_fields=["applied_at", "decline_reason"])
        _change_status(profile, ChampionStatus.APPLIED, by=user, at=at)
    if profile.status == ChampionStatus.APPLIED:
        agreements.request_agreement(
            profile, manager_name=manager_name, manager_email=manager_email, at=at, notify=notify
        )
    refresh_search_text(profile)
    return profile


@transaction.atomic
def approve(
    profile: ChampionProfile, *, by: User, at: datetime.datetime | None = None, notify: bool = True
) -> ChampionProfile:
    """A training manager approves an application: only while the applicant holds a valid champion certificate,
    and only once their line manager has agreed to the role (through the link, or on paper).

    The approval's history row keeps the agreement it was made on. The new champion is emailed
    (``notify=False`` for demo data, which must not email anyone).
    """
    from . import agreements

    at = at or timezone.now()
    profile = ChampionProfile.objects.select_for_update().select_related("user").get(pk=profile.pk)
    if profile.status != ChampionStatus.APPLIED:
        raise ChampionError(
            f"Only an application can be approved; this champion is {profile.get_status_display().lower()}."
        )
    if not _has_champion_certificate(profile.user, timezone.localdate(at)):
        raise ChampionError(
            f"{profile.user} cannot be approved: they do not hold a valid certificate of "
            f"{_champion_course_names()} (never completed, expired or revoked). "
            "Approve the application once they have completed or renewed the course."
        )
    if problem := agreements.approval_problem(profile):
        raise ChampionError(f"{profile.user} cannot be approved yet: {problem}")
    _change_status(
        profile,
        ChampionStatus.ACTIVE,
        by=by,
        reason="Application approved",
        at=at,
        agreement=agreements.current_agreement(profile),
    )
    if profile.unconfirmed_since is not None:
        # A new approval starts a new year of the role: an old unanswered check-in no longer hides them.
        profile.unconfirmed_since = None
        profile.save(update_fields=["unconfirmed_since"])
    if notify:
        _send(
            profile.user.email,
            "You are now a Domestic Abuse Champion",
            "champions/email/approved.txt",
            {"profile": profile},
        )
    return profile


@transaction.atomic
def decline(profile: ChampionProfile, *, by: User, reason: str, at: datetime.datetime | None = None) -> ChampionProfile:
    """A training manager declines an application, with a reason that is emailed to the applicant."""
    reason = (reason or "").strip()
    if not reason:
        raise ChampionError("Give the reason for declining: it is sent to the applicant.")
    profile = ChampionProfile.objects.select_for_update().select_related("user").get(pk=profile.pk)
    if profile.status != ChampionStatus.APPLIED:
        raise ChampionError(
            f"Only an application can be declined; this champion is {profile.get_status_display().lower()}."
        )
    profile.decline_reason = reason
    profile.save(update_fields=["decline_reason"])
    _change_status(profile, ChampionStatus.DECLINED, by=by, reason=reason, at=at)
    _send(
        profile.user.email,
        "Your Domestic Abuse Champion application",
        "champions/email/declined.txt",
        {"profile": profile, "reason": reason},
    )
    return profile


@transaction.atomic
def withdraw(
    profile: ChampionProfile, *, by: User, reason: str = "", at: datetime.datetime | None = None
) -> ChampionProfile:
    """The champion steps down (or withdraws their application); they leave the directory at once."""
    profile = ChampionProfile.objects.select_for_update().select_related("user").get(pk=profile.pk)
    if profile.status in (ChampionStatus.WITHDRAWN, ChampionStatus.DECLINED):
        raise ChampionError("There is nothing to withdraw.")
    _change_status(profile, ChampionStatus.WITHDRAWN, by=by, reason=reason.strip() or "Withdrew", at=at)
    return profile


def _renewal_context() -> dict:
    # Each course's own address on the public site (a page's ``url`` is relative, or another site's).
    courses = certificate_selectors.champion_training_courses()
    return {"courses": [{"title": course.title, "url": page_url(course)} for course in courses]}


@dataclass
class LapseResult:
    lapsed: list[ChampionProfile]
    restored: list[ChampionProfile]


def lapse_expired_champions(today: datetime.date | None = None) -> LapseResult:
    """The nightly run: lapse active champions without a valid champion certificate; restore renewed ones.

    Each lapsed champion is emailed how to renew; each restored one is told
    they are active again. Safe to run more than once a day. Pass ``today``
    to run it for another day (a catch-up, or a test moving time forward).
    """
    today = today or timezone.localdate()
    # Changes are stamped at midday of ``today`` when it is not the real today.
    at = timezone.now() if today == timezone.localdate() else _midday(today)
    holders = certificate_selectors.champion_certificate_holders(today)
    result = LapseResult(lapsed=[], restored=[])
    expired = ChampionProfile.objects.filter(status=ChampionStatus.ACTIVE).exclude(user_id__in=holders)
    for profile in expired.select_related("user__organisation"):
        lapse(profile, at=at)
        result.lapsed.append(profile)
    renewed = ChampionProfile.objects.filter(status=ChampionStatus.LAPSED, user_id__in=holders)
    for profile in renewed.select_related("user__organisation"):
        if restore_if_renewed(profile, today=today, at=at):
            result.restored.append(profile)
    return result


def lapse(profile: ChampionProfile, *, at: datetime.datetime | None = None, notify: bool = True) -> None:
    """Lapse one active champion whose champion certificate has expired, and email them how to renew.

    A failed email is logged, not raised: the nightly run carries on with the others.
    """
    with transaction.atomic():
        _change_status(profile, ChampionStatus.LAPSED, reason=LAPSED_REASON, at=at)
    if notify:
        try:
            _send(
                profile.user.email,
                "Your Domestic Abuse Champion status has lapsed: how to renew",
                "champions/email/lapsed.txt",
                {"profile": profile, **_renewal_context()},
            )
        except (OSError, smtplib.SMTPException) as error:
            logger.warning("Could not email lapsed champion %s: %s", profile.pk, error)


def restore_if_renewed(
    profile: ChampionProfile, *, today: datetime.date | None = None, at: datetime.datetime | None = None
) -> bool:
    """Restore a lapsed champion who holds a valid champion certificate again; True if restored."""
    today = today or timezone.localdate()
    if profile.status != ChampionStatus.LAPSED:
        return False
    if certificate_selectors.valid_champion_certificate(profile.user, today) is None:
        return False
    with transaction.atomic():
        _change_status(profile, ChampionStatus.ACTIVE, reason=RENEWED_REASON, at=at)
    try:
        _send(
            profile.user.email,
            "You are a Domestic Abuse Champion again",
            "champions/email/restored.txt",
            {"profile": profile},
        )
    except (OSError, smtplib.SMTPException) as error:
        logger.warning("Could not email restored champion %s: %s", profile.pk, error)
    return True


def _midday(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=timezone.get_default_timezone())


# --- The champion's profile ------------------------------------------------------------------------------


def search_text_for(*parts: str | Iterable[str]) -> str:
    """The directory's search text: every part (a string or several) lower-cased, spaces collapsed, in one line."""
    words = []
    for part in parts:
        for text in [part] if isinstance(part, str) else part:
            if text:
                words.append(" ".join(text.split()))
    return " ".join(words).lower()


def organisation_search_words(organisation: Organisation | None) -> list[str]:
    """What the directory's search finds a champion's organisation by: its name, its sector and sector group.

    The sector matters because people search by the kind of agency ("police", "NHS", "housing"), which the
    organisation's own name often does not say (Cambridgeshire Constabulary). The group is left out when it
    only repeats the sector's name.
    """
    if organisation is None:
        return []
    sector = organisation.sector
    group = SectorGroup(sector.group).label if sector.group in SectorGroup.values else ""
    return [organisation.name, sector.name, *([group] if group and group != sector.name else [])]


def refresh_search_text(profile: ChampionProfile) -> None:
    """Rebuild the lower-cased text the directory searches (name, job, organisation and its sector, bio, tags).

    It is kept on the champion's own row, so the search never joins to find it.
    """
    user = User.objects.select_related("organisation__sector").get(pk=profile.user_id)
    text = search_text_for(
        user.full_name,
        user.job_title,
        organisation_search_words(user.organisation),
        profile.bio,
        profile.specialisms.values_list("name", flat=True),
        profile.languages.values_list("name", flat=True),
        profile.districts.values_list("name", flat=True),
    )
    ChampionProfile.objects.filter(pk=profile.pk).update(search_text=text)
    profile.search_text = text


@transaction.atomic
def update_profile(
    profile: ChampionProfile,
    *,
    bio: str,
    specialisms: Iterable[Topic],
    languages: Iterable[Language],
    districts: Iterable[District],
    visible_in_directory: bool,
    share_contact_details: bool,
    work_email: str = "",
    work_phone: str = "",
) -> ChampionProfile:
    """The champion edits what the directory shows about them (visibility is their choice alone)."""
    if profile.status in (ChampionStatus.WITHDRAWN, ChampionStatus.DECLINED):
        raise ChampionError("Apply again to become a champion before you edit your champion profile.")
    profile.bio = bio.strip()
    profile.visible_in_directory = visible_in_directory
    profile.share_contact_details = share_contact_details
    profile.work_email = (work_email or "").strip().lower()
    profile.work_phone = " ".join((work_phone or "").split())
    profile.full_clean(exclude=["user", "specialisms", "languages", "districts"])
    profile.save(update_fields=["bio", "visible_in_directory", "share_contact_details", "work_email", "work_phone"])
    profile.specialisms.set(specialisms)
    profile.languages.set(languages)
    profile.districts.set(districts)
    refresh_search_text(profile)
    return profile


# --- Contact relay ---------------------------------------------------------------------------------------


@transaction.atomic
def contact_champion(
    sender: User, profile: ChampionProfile, message: str, *, at: datetime.datetime | None = None
) -> ChampionContact:
    """Relay a message to a champion by email (Reply-To: the sender) and record that contact was made.

    The message text is emailed and never stored. A sender may send
    ``CHAMPION_CONTACT_DAILY_LIMIT`` messages a day (Europe/London days).
    """
    at = at or timezone.now()
    today = timezone.localdate(at)
    message = (message or "").strip()
    if not message:
        raise ChampionError("Enter your message.")
    if len(message) > MESSAGE_MAX_CHARS:
        raise ChampionError(f"Your message must be {MESSAGE_MAX_CHARS:,} characters or fewer.")
    profile = ChampionProfile.objects.select_related("user").get(pk=profile.pk)
    if not profile.in_directory:
        raise ChampionError("This champion is not in the directory.")
    if profile.user_id == sender.pk:
        raise ChampionError("You cannot send a message to yourself.")
    # Lock the sender's row so two messages sent at once cannot both slip under the limit.
    User.objects.select_for_update().filter(pk=sender.pk).first()
    limit = settings.CHAMPION_CONTACT_DAILY_LIMIT
    if ChampionContact.objects.filter(sender=sender, sent_on=today).count() >= limit:
        raise ChampionError(
            f"You have sent {limit} messages to champions today, which is the daily limit. You can send more tomorrow."
        )
    sender = User.objects.select_related("organisation").get(pk=sender.pk)
    contact = ChampionContact(sender=sender, champion=profile, sent_at=at, sent_on=today)
    contact.copy_place_from(sender)
    contact.save()
    # Sent inside the transaction: if the mail server refuses it, no contact is recorded.
    try:
        _send(
            profile.contact_email,
            f"A message from {sender.full_name} through the Domestic Abuse Champion directory",
            "champions/email/contact.txt",
            {"sender": sender, "profile": profile, "message": message},
            reply_to=[sender.email],
        )
    except (OSError, smtplib.SMTPException) as error:
        logger.warning("Could not relay a message to champion %s: %s", profile.pk, error)
        raise ChampionError(
            "We could not send your message just now. Nothing was sent: please try again later."
        ) from error
    return contact


# --- Activity --------------------------------------------------------------------------------------------


ACTIVITY_YEARS_BACK = 2


def activity_date_problem(day: datetime.date, today: datetime.date | None = None) -> str | None:
    """Why a champion cannot log an activity on ``day`` in the form, or None: today or in the last two years.

    Older activity no longer says anything about the network today, and a far-off year is a typing mistake
    (the probe logged 0001-01-01).
    """
    today = today or timezone.localdate()
    earliest = years_before(today, ACTIVITY_YEARS_BACK)
    if day > today:
        return "The date of the activity cannot be in the future."
    if day < earliest:
        return f"The date of the activity must be in the last two years: {earliest:%-d %B %Y} or later."
    return None


@transaction.atomic
def log_activity(
    profile: ChampionProfile,
    *,
    activity_date: datetime.date,
    kind: str,
    people_reached: int,
    topic: Topic | None = None,
    note: str = "",
) -> ChampionActivity:
    """A champion logs what they did, as counts only (the note is short and must not identify anyone).

    The two-year window is the form's (``activity_date_problem``): this service also takes history
    (demo data, tests of past quarters), so it refuses only the future and dates before any record.
    """
    if profile.status != ChampionStatus.ACTIVE:
        raise ChampionError("Only active champions can log activity.")
    if activity_date > timezone.localdate():
        raise ChampionError("The date of the activity cannot be in the future.")
    if activity_date < EARLIEST_RECORD_DATE:
        raise ChampionError(f"The date of the activity must be in {EARLIEST_RECORD_DATE.year} or later.")
    if not 1 <= people_reached <= PEOPLE_REACHED_MAX:
        raise ChampionError(f"The number of people reached must be between 1 and {PEOPLE_REACHED_MAX:,}.")
    note = " ".join((note or "").split())
    if len(note) > ACTIVITY_NOTE_MAX:
        raise ChampionError(f"Keep the note to {ACTIVITY_NOTE_MAX} characters or fewer.")
    if kind not in ChampionActivity.Kind.values:
        raise ChampionError("Choose what kind of activity this was.")
    user = User.objects.select_related("organisation").get(pk=profile.user_id)
    activity = ChampionActivity(
        champion=profile,
        user=user,
        activity_date=activity_date,
        kind=kind,
        topic=topic,
        people_reached=people_reached,
        note=note,
    )
    activity.copy_place_from(user)
    activity.save()
    return activity


# --- Network events and attendance -----------------------------------------------------------------------


def _attendance_for(event: NetworkEvent, user: User, *, by: User | None, source: str) -> NetworkAttendance:
    attendance = NetworkAttendance(event=event, user=user, source=source, recorded_by=by)
    attendance.copy_place_from(user)
    return attendance


@transaction.atomic
def set_register(event: NetworkEvent, attended: Iterable[User], *, by: User) -> tuple[int, int]:
    """Make the register say exactly who attended: adds the ticked, removes the unticked. Returns (added, removed)."""
    wanted = {u.pk: u for u in attended}
    existing = set(event.attendances.values_list("user_id", flat=True))
    removed, _ = event.attendances.exclude(user_id__in=wanted).delete()
    new = [
        _attendance_for(event, user, by=by, source=NetworkAttendance.Source.REGISTER)
        for pk, user in wanted.items()
        if pk not in existing
    ]
    NetworkAttendance.objects.bulk_create(new)
    return len(new), removed


class ImportErrors(ChampionError):
    """Every problem in an import file, each naming its line; nothing was imported."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__(f"Nothing was imported: {len(errors)} problem{'s' if len(errors) != 1 else ''} in the file.")


IMPORT_MAX_BYTES = 2 * 1024 * 1024


@transaction.atomic
def import_attendance(event: NetworkEvent, data: bytes, *, by: User) -> int:
    """Mark attendance from a CSV file with an ``email`` column: all rows or none.

    Every bad row is reported with its line number (the header is line 1).
    People already marked are left as they are. Returns how many were added.
    """
    if len(data) > IMPORT_MAX_BYTES:
        raise ImportErrors(["The file is larger than 2 MB."])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportErrors(["The file is not UTF-8 text: save it as ‘CSV UTF-8’ and try again."]) from None
    reader = csv.DictReader(io.StringIO(text))
    headers = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
    if "email" not in headers:
        raise ImportErrors(["Line 1: the file needs a column headed ‘email’."])
    reader.fieldnames = headers
    errors: list[str] = []
    rows: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        email = (row.get("email") or "").strip().lower()
        if not email:
            if any((v or "").strip() for v in row.values() if isinstance(v, str)):
                errors.append(f"Line {line}: the email address is missing.")
            continue
        try:
            validate_email(email)
        except ValidationError:
            errors.append(f"Line {line}: ‘{email}’ is not an email address.")
            continue
        if email in rows:
            errors.append(f"Line {line}: {email} is already on line {rows[email]}.")
            continue
        rows[email] = line
    if not rows and not errors:
        errors.append("The file has no rows after the header.")
    users = {u.email.lower(): u for u in User.objects.filter(email__in=list(rows)).select_related("organisation")}
    for email, line in rows.items():
        if email not in users:
            errors.append(f"Line {line}: nobody has an account with the address {email}.")
    if errors:
        raise ImportErrors(sorted(errors, key=_line_number))
    existing = set(event.attendances.values_list("user_id", flat=True))
    new = [
        _attendance_for(event, user, by=by, source=NetworkAttendance.Source.IMPORT)
        for user in users.values()
        if user.pk not in existing
    ]
    NetworkAttendance.objects.bulk_create(new)
    return len(new)


def _line_number(error: str) -> int:
    try:
        return int(error.split(":")[0].removeprefix("Line "))
    except ValueError:
        return 0


# --- Email -----------------------------------------------------------------------------------------------


def _send(to: str, subject: str, template: str, context: dict, *, reply_to: list[str] | None = None) -> None:
    body = render_to_string(template, {**context, "base_url": site_url()})
    # The subject carries people's names: one line always, whatever an old or imported name contains
    # (a CR/LF would make Django refuse the header, and the message would never be sent).
    EmailMessage(subject=single_line(subject), body=body, to=[to], reply_to=reply_to).send()
