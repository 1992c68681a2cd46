"""The retention schedule: each rule, people on hold skipped, a run cut short finished by the next, and
``apply_retention --dry-run`` counting without changing anything."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.models import User
from courses.models import Completion
from privacy import erasure, retention, services
from privacy.models import RetentionNotice, RetentionRun
from reports import services as report_services
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()
LONG_AGO = NOW - datetime.timedelta(days=365 * 7)


def unclaimed(**fields):
    """An account made by an import of history: inactive, never signed in, no usable password."""
    person = UserFactory(is_active=False, verified=False, **fields)
    person.set_unusable_password()
    person.date_joined = LONG_AGO
    person.save()
    return person


def unused(**fields):
    person = UserFactory(**fields)
    User.objects.filter(pk=person.pk).update(last_login=LONG_AGO, date_joined=LONG_AGO)
    return User.objects.get(pk=person.pk)


def test_unclaimed_imported_accounts_without_recent_activity_are_anonymised(courses):
    old = unclaimed()
    Completion.objects.create(
        user=old, course=courses["awareness"], completed_on=LONG_AGO.date(), completed_at=LONG_AGO
    )
    recent = unclaimed()
    Completion.objects.create(user=recent, course=courses["awareness"], completed_on=NOW.date(), completed_at=NOW)
    counts = retention.apply(now=NOW)
    assert counts["unclaimed_accounts"] == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.erased_at is not None and old.full_name.startswith("Erased person")
    assert recent.erased_at is None
    assert Completion.objects.filter(user=old).count() == 1  # still counted


def test_unused_accounts_are_told_first_and_closed_after_the_notice_period(settings):
    person = unused()
    came_back = unused()
    mail.outbox.clear()
    first = retention.apply(now=NOW)
    assert (first["unused_accounts_told"], first["unused_accounts"]) == (2, 0)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([person.email, came_back.email])
    assert "30 days" in mail.outbox[0].body
    again = retention.apply(now=NOW + datetime.timedelta(days=1))
    assert (again["unused_accounts_told"], again["unused_accounts"]) == (0, 0)  # told once
    User.objects.filter(pk=came_back.pk).update(last_login=NOW + datetime.timedelta(days=2))
    later = NOW + datetime.timedelta(days=settings.RETENTION_UNUSED_ACCOUNT_NOTICE_DAYS + 1)
    closing = retention.apply(now=later)
    assert closing["unused_accounts"] == 1
    person.refresh_from_db()
    came_back.refresh_from_db()
    assert person.erased_at is not None and came_back.erased_at is None
    assert not RetentionNotice.objects.exists()


def test_people_on_legal_hold_are_skipped_by_retention(dpo):
    held = unclaimed()
    services.place_hold(held, by=dpo, reason="Litigation")
    assert retention.apply(dry_run=True, now=NOW)["unclaimed_accounts"] == 0
    retention.apply(now=NOW)
    held.refresh_from_db()
    assert held.erased_at is None


def test_unused_api_tokens_are_revoked_and_old_audit_entries_deleted(training_manager):
    lead = UserFactory()
    token, _secret = report_services.create_api_token(lead, "Old dashboard")
    token.created_at = NOW - datetime.timedelta(days=400)
    token.save()
    fresh, _secret = report_services.create_api_token(lead, "New dashboard")
    ModelLogEntry.objects.filter(object_id=str(token.pk)).update(timestamp=LONG_AGO)
    counts = retention.apply(now=NOW)
    token.refresh_from_db()
    fresh.refresh_from_db()
    assert token.revoked_at is not None and fresh.revoked_at is None
    assert counts["audit_entries"] == 1
    assert not ModelLogEntry.objects.filter(object_id=str(token.pk), action=report_services.TOKEN_CREATE).exists()


def test_a_run_cut_short_is_finished_by_the_next_and_nobody_is_half_anonymised(monkeypatch):
    people = [unclaimed() for _ in range(3)]
    names = {p.pk: p.full_name for p in people}
    calls = {"n": 0}
    original = erasure.STEPS

    def dies_on_the_second_person(user, pseudonym):
        calls["n"] += 1
        if calls["n"] == 2:
            raise SystemExit("the worker was killed")

    monkeypatch.setattr(erasure, "STEPS", (*original, erasure.Step(("x",), dies_on_the_second_person)))
    with pytest.raises(SystemExit):
        retention.apply(now=NOW)
    states = [User.objects.get(pk=p.pk) for p in people]
    erased = [p for p in states if p.erased_at]
    untouched = [p for p in states if not p.erased_at]
    assert len(erased) == 1
    assert all(p.full_name == names[p.pk] and p.email.endswith("@example.org") for p in untouched)
    monkeypatch.setattr(erasure, "STEPS", original)
    retention.apply(now=NOW)
    assert User.objects.filter(pk__in=names, erased_at__isnull=False).count() == 3


def test_the_dry_run_prints_what_would_go_by_rule_and_changes_nothing():
    person = unclaimed()
    out = io.StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    text = out.getvalue()
    assert "dry run, nothing changed" in text
    assert "unclaimed_accounts: 1" in text and "audit_entries: 0" in text
    person.refresh_from_db()
    assert person.erased_at is None and not RetentionRun.objects.exists()
    call_command("apply_retention", stdout=io.StringIO())
    person.refresh_from_db()
    assert person.erased_at is not None
    run = RetentionRun.objects.get()
    assert run.counts["unclaimed_accounts"] == 1
    assert ModelLogEntry.objects.filter(action=services.RETENTION_RUN).exists()


def test_the_beat_schedule_runs_retention_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["privacy-apply-retention"]
    assert entry["task"] == "privacy.tasks.apply_retention"
    from privacy import tasks

    assert tasks.apply_retention.name == "privacy.tasks.apply_retention"
