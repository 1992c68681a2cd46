"""The three-month follow-up: has what was learned been used in practice, and how confident is the learner now?

``FOLLOW_UP_DAYS`` (90) after a completion the learner gets one email with a signed link (it works for
``FOLLOW_UP_LINK_DAYS``, 30) to a short form: used it (not yet / once / several times), confidence now (1-5)
and an optional short example that must identify nobody. They may skip it. The follow-up row is made before
the email is sent, one per completion (a constraint), so nobody is asked twice about the same completion.
Imported history is never followed up (it happened before the platform, often long ago).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from home.links import absolute_url
from home.text import single_line

from .models import Completion, FollowUp

SALT = "courses.follow-up"
# A completion missed by the nightly task (the worker down) is still followed up within this many days.
CATCH_UP_DAYS = 14


class FollowUpError(Exception):
    """The follow-up cannot be answered (a bad or expired link, already answered, someone else's): shown."""


def link_token(follow_up: FollowUp) -> str:
    return signing.dumps(follow_up.pk, salt=SALT, compress=False)


def follow_up_url(follow_up: FollowUp) -> str:
    return absolute_url(reverse("courses:follow_up", kwargs={"token": link_token(follow_up)}))


def follow_up_for_link(token: str, user: User) -> FollowUp:
    """The signed-in person's follow-up the link names; FollowUpError for a bad, expired or someone else's link."""
    try:
        pk = signing.loads(token, salt=SALT, max_age=datetime.timedelta(days=settings.FOLLOW_UP_LINK_DAYS))
    except signing.SignatureExpired:
        raise FollowUpError("This link has expired: follow-up questions can be answered for 30 days.") from None
    except signing.BadSignature:
        raise FollowUpError("This link is not valid: copy the whole link from the email.") from None
    follow_up = FollowUp.objects.select_related("completion__course").filter(pk=pk, completion__user=user).first()
    if follow_up is None:
        raise FollowUpError("This follow-up is not yours: sign in as the person it was sent to.")
    return follow_up


def answer(follow_up: FollowUp, *, used: str, confidence_now: int, example: str = "") -> FollowUp:
    """Keep the answer (once: a second answer, or an answer after skipping, changes nothing)."""
    example = example.strip()
    if len(example) > FollowUp.EXAMPLE_MAX_LENGTH:
        raise FollowUpError(f"Keep the example to {FollowUp.EXAMPLE_MAX_LENGTH} characters.")
    if used not in FollowUp.Used.values or not 1 <= int(confidence_now) <= 5:
        raise FollowUpError("Choose one answer to each question.")
    updated = FollowUp.objects.filter(pk=follow_up.pk, answered_at__isnull=True, skipped_at__isnull=True).update(
        answered_at=timezone.now(), used=used, confidence_now=confidence_now, example=example
    )
    if not updated:
        raise FollowUpError("You have already answered (or skipped) this follow-up. Thank you.")
    follow_up.refresh_from_db()
    return follow_up


def skip(follow_up: FollowUp) -> FollowUp:
    """The learner would rather not answer: nothing more is asked about this completion."""
    FollowUp.objects.filter(pk=follow_up.pk, answered_at__isnull=True, skipped_at__isnull=True).update(
        skipped_at=timezone.now()
    )
    follow_up.refresh_from_db()
    return follow_up


def send_follow_ups(today: datetime.date | None = None) -> int:
    """Email each completion's follow-up once it is ``FOLLOW_UP_DAYS`` old; returns how many were sent.

    Completions from ``FOLLOW_UP_DAYS`` to ``FOLLOW_UP_DAYS + CATCH_UP_DAYS`` days ago without a follow-up,
    of people who use their account, not imported. Each follow-up row is made before its email, and only
    a row this run made is emailed, so two runs (or two workers) never send the same one twice.
    """
    today = today or timezone.localdate()
    latest = today - datetime.timedelta(days=settings.FOLLOW_UP_DAYS)
    due = (
        Completion.objects.filter(
            completed_on__lte=latest,
            completed_on__gt=latest - datetime.timedelta(days=CATCH_UP_DAYS),
            user__is_active=True,
        )
        .exclude(source=Completion.Source.IMPORT)
        .exclude(Exists(FollowUp.objects.filter(completion_id=OuterRef("pk"))))
        .select_related("user", "course")
    )
    made = []
    for completion in due.iterator(chunk_size=500):
        try:
            with transaction.atomic():
                made.append(FollowUp.objects.create(completion=completion))
        except IntegrityError:
            continue  # another run made it (and sends it)
    _email(made)
    return len(made)


def _email(follow_ups: list[FollowUp]) -> None:
    if not follow_ups:
        return
    messages = []
    for follow_up in follow_ups:
        completion = follow_up.completion
        context = {
            "person": completion.user,
            "course": completion.course,
            "completion": completion,
            "url": follow_up_url(follow_up),
            "link_days": settings.FOLLOW_UP_LINK_DAYS,
        }
        subject = single_line(render_to_string("courses/email/follow_up_subject.txt", context))
        messages.append(
            EmailMessage(subject, render_to_string("courses/email/follow_up.txt", context), to=[completion.user.email])
        )
    with get_connection() as connection:
        connection.send_messages(messages)
