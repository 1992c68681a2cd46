"""The retention schedule: what is kept how long (the settings ``RETENTION_*``), applied daily by beat.

Each rule finds what has passed its time and applies the same anonymisation as an approved erasure
(``erasure.erase_person``), one person per transaction, so a run stopped halfway has erased some people
wholly and the rest not at all, and the next run finishes the job. People on legal hold are skipped by every
rule. ``apply(dry_run=True)`` counts without changing anything (``manage.py apply_retention --dry-run``).

The privacy notice (``privacy_notice``) is written from ``schedule()``, so it cannot say something else.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry

from accounts.models import User
from champions.models import ChampionActivity, ChampionContact, ChampionStatusChange, NetworkAttendance
from courses.models import Completion, Enrolment
from home.links import site_url
from reports.models import PartnerApiToken

from . import selectors
from .erasure import ErasureRefused, erase_person
from .models import RetentionNotice, RetentionRun, SubjectAccessExport
from .services import RETENTION_RUN

logger = logging.getLogger(__name__)

YEAR = datetime.timedelta(days=365)


@dataclass(frozen=True)
class Rule:
    key: str
    what: str
    kept_for: str
    then: str


def schedule() -> list[Rule]:
    """The schedule as people read it (the README's table and the privacy notice say the same)."""
    s = settings
    return [
        Rule(
            "unclaimed_accounts",
            "Accounts made for imported training history that were never claimed",
            f"{s.RETENTION_UNCLAIMED_ACCOUNT_YEARS} years after the last activity",
            "anonymised: the training still counts, against a pseudonym",
        ),
        Rule(
            "unused_accounts",
            "Accounts nobody has signed in to",
            f"{s.RETENTION_UNUSED_ACCOUNT_YEARS} years after the last sign-in (you are emailed "
            f"{s.RETENTION_UNUSED_ACCOUNT_NOTICE_DAYS} days before)",
            "anonymised: the training still counts, against a pseudonym",
        ),
        Rule(
            "contact_senders",
            "Who sent a champion a message through the directory (the text is never kept)",
            f"{s.RETENTION_CONTACT_SENDER_YEARS} years",
            "no longer shown to the champion or in their data export; the contact stays counted",
        ),
        Rule(
            "subject_access_exports",
            "Downloads of your data (subject-access exports)",
            f"{s.SUBJECT_ACCESS_EXPORT_DAYS} days",
            "deleted",
        ),
        Rule(
            "unused_api_tokens",
            "Partner API tokens not used",
            f"{s.RETENTION_UNUSED_TOKEN_DAYS} days",
            "revoked",
        ),
        Rule("audit_entries", "Audit log entries", f"{s.RETENTION_AUDIT_YEARS} years", "deleted"),
    ]


def _not_held(people: QuerySet[User]) -> QuerySet[User]:
    return people.filter(erased_at__isnull=True, is_superuser=False).exclude(pk__in=selectors.held_person_ids())


def _active_since(cutoff: datetime.datetime) -> Q:
    """People with any activity on or after the cutoff (the last activity is what the rule counts from)."""
    day = cutoff.date()
    return (
        Q(Exists(Completion.objects.filter(user=OuterRef("pk"), completed_at__gte=cutoff)))
        | Q(Exists(Enrolment.objects.filter(user=OuterRef("pk"), enrolled_at__gte=cutoff)))
        | Q(Exists(ChampionStatusChange.objects.filter(user=OuterRef("pk"), changed_on__gte=day)))
        | Q(Exists(ChampionActivity.objects.filter(user=OuterRef("pk"), activity_date__gte=day)))
        | Q(Exists(NetworkAttendance.objects.filter(user=OuterRef("pk"), recorded_at__gte=cutoff)))
        | Q(Exists(ChampionContact.objects.filter(sender=OuterRef("pk"), sent_at__gte=cutoff)))
    )


def unclaimed_accounts(now: datetime.datetime) -> QuerySet[User]:
    cutoff = now - settings.RETENTION_UNCLAIMED_ACCOUNT_YEARS * YEAR
    return _not_held(
        User.objects.filter(
            is_active=False,
            last_login__isnull=True,
            password__startswith=UNUSABLE_PASSWORD_PREFIX,
            date_joined__lt=cutoff,
        )
    ).exclude(_active_since(cutoff))


def unused_accounts(now: datetime.datetime) -> QuerySet[User]:
    """Claimed accounts with no sign-in (or, never signed in, made) before the cutoff."""
    cutoff = now - settings.RETENTION_UNUSED_ACCOUNT_YEARS * YEAR
    return _not_held(
        User.objects.filter(Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff))
    ).exclude(password__startswith=UNUSABLE_PASSWORD_PREFIX, last_login__isnull=True, is_active=False)


def _notice_due(now: datetime.datetime) -> datetime.datetime:
    return now - datetime.timedelta(days=settings.RETENTION_UNUSED_ACCOUNT_NOTICE_DAYS)


def contacts_past_sender_period(now: datetime.datetime) -> QuerySet[ChampionContact]:
    return ChampionContact.objects.filter(sent_at__lt=now - settings.RETENTION_CONTACT_SENDER_YEARS * YEAR)


def expired_exports(now: datetime.datetime) -> QuerySet[SubjectAccessExport]:
    return SubjectAccessExport.objects.filter(expires_at__lte=now).exclude(file="")


def unused_tokens(now: datetime.datetime) -> QuerySet[PartnerApiToken]:
    cutoff = now - datetime.timedelta(days=settings.RETENTION_UNUSED_TOKEN_DAYS)
    return PartnerApiToken.objects.filter(revoked_at__isnull=True).filter(
        Q(last_used_at__lt=cutoff) | Q(last_used_at__isnull=True, created_at__lt=cutoff)
    )


def _old_audit(model, now: datetime.datetime):
    cutoff = now - settings.RETENTION_AUDIT_YEARS * YEAR
    held = list(selectors.held_person_ids().values_list("person_id", flat=True))
    entries = model.objects.filter(timestamp__lt=cutoff)
    if held and model is ModelLogEntry:
        entries = entries.exclude(user_id__in=held).exclude(object_id__in=[str(pk) for pk in held])
    elif held:
        entries = entries.exclude(user_id__in=held)
    return entries


def _erase_each(people: QuerySet[User], limit: int | None) -> int:
    erased = 0
    for pk in list(people.values_list("pk", flat=True)[:limit]):
        try:
            erase_person(User(pk=pk))
        except ErasureRefused:  # held or erased since the query: skip
            continue
        erased += 1
    return erased


def _warn_unused(now: datetime.datetime, dry_run: bool) -> tuple[int, int]:
    """Email people whose account is due to close (once), and close the ones told long enough ago.

    Returns (told now, closed now). Someone who signs in after being told is not closed: their notice is
    removed once they are no longer due.
    """
    due = unused_accounts(now)
    notified = RetentionNotice.objects.filter(rule="unused_accounts")
    if dry_run:
        return due.exclude(pk__in=notified.values("person_id")).count(), due.filter(
            pk__in=notified.filter(notified_at__lte=_notice_due(now)).values("person_id")
        ).count()
    notified.exclude(person__in=due).delete()
    told = 0
    for person in due.exclude(pk__in=notified.values("person_id")):
        RetentionNotice.objects.create(person=person, rule="unused_accounts", notified_at=now)
        body = render_to_string(
            "privacy/email/account_closing.txt",
            {"person": person, "days": settings.RETENTION_UNUSED_ACCOUNT_NOTICE_DAYS, "site_url": site_url()},
        )
        EmailMessage(
            "Your DASV Learning account will be closed", body, settings.DEFAULT_FROM_EMAIL, [person.email]
        ).send(fail_silently=True)
        told += 1
    closing = due.filter(pk__in=notified.filter(notified_at__lte=_notice_due(now)).values("person_id"))
    closed = _erase_each(closing, None)
    RetentionNotice.objects.filter(person__erased_at__isnull=False).delete()
    return told, closed


def apply(*, dry_run: bool = False, now: datetime.datetime | None = None, limit: int | None = None) -> dict[str, int]:
    """Apply every rule (or only count, with ``dry_run``); recorded as a RetentionRun in the audit log.

    ``limit`` caps the people anonymised by each rule in one run (the rest wait for the next).
    """
    now = now or timezone.now()
    counts: dict[str, int] = {}
    run = None if dry_run else RetentionRun.objects.create(started_at=now)
    if dry_run:
        counts["unclaimed_accounts"] = unclaimed_accounts(now).count()
    else:
        counts["unclaimed_accounts"] = _erase_each(unclaimed_accounts(now), limit)
    counts["unused_accounts_told"], counts["unused_accounts"] = _warn_unused(now, dry_run)
    counts["contact_senders"] = contacts_past_sender_period(now).count()
    exports = expired_exports(now)
    counts["subject_access_exports"] = exports.count()
    tokens = unused_tokens(now)
    counts["unused_api_tokens"] = tokens.count()
    old_entries = _old_audit(ModelLogEntry, now)
    old_page_entries = _old_audit(PageLogEntry, now)
    counts["audit_entries"] = old_entries.count() + old_page_entries.count()
    if not dry_run:
        from . import export

        for record in exports:
            export.expire(record)
        tokens.update(revoked_at=now)
        with transaction.atomic():
            old_entries.delete()
            old_page_entries.delete()
        run.finished_at, run.counts = timezone.now(), counts
        run.save()
        log(run, RETENTION_RUN, title=str(run), data={"counts": counts})
    logger.info("Retention%s: %s", " (dry run)" if dry_run else "", counts)
    return counts
