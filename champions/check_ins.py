"""The yearly check-in: each year on the anniversary of their approval, an active champion confirms that they
are still in the role and that their details are right.

The daily task (``champions.tasks.run_yearly_check_ins``) emails each champion whose anniversary has come a
signed link to their check-in page; they sign in and confirm with one button (a link in an email is never
itself the confirmation: mail scanners open links). No answer within ``CHECK_IN_ANSWER_DAYS`` days: the
champion is hidden from the directory (``ChampionProfile.unconfirmed_since``) and told so. They stay active
(hiding is not lapsing, so ``active_champions`` and the status history are unchanged) and reappear as soon
as they confirm. Each email goes once: the check-in row (one per champion and anniversary) and the
``hidden_at`` stamp are claimed in the transaction that sends it.
"""

from __future__ import annotations

import datetime
import logging
import smtplib
from dataclasses import dataclass

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from home.links import absolute_url

from . import services
from .models import ChampionCheckIn, ChampionProfile, ChampionStatus, ChampionStatusChange

logger = logging.getLogger(__name__)

CHECK_IN_ANSWER_DAYS = 30
CHECK_IN_SALT = "champions.yearly-check-in"


class CheckInError(services.ChampionError):
    """The check-in cannot be confirmed (already confirmed, someone else's, or no longer a champion)."""


def anniversary_on_or_before(approved_on: datetime.date, today: datetime.date) -> datetime.date | None:
    """The latest anniversary (one year or more after ``approved_on``) on or before ``today``, or None.

    Someone approved on 29 February has their anniversary on 28 February in other years.
    """
    for year in (today.year, today.year - 1):
        if year <= approved_on.year:
            continue
        try:
            day = approved_on.replace(year=year)
        except ValueError:
            day = datetime.date(year, 2, 28)
        if day <= today:
            return day
    return None


def _latest_approval_day(profile_ref: str) -> Subquery:
    """The day of the profile's latest approval of an application (``profile_ref``: the outer profile's id)."""
    return Subquery(
        ChampionStatusChange.objects.filter(
            profile=OuterRef(profile_ref), from_status=ChampionStatus.APPLIED, to_status=ChampionStatus.ACTIVE
        )
        .order_by("-changed_at", "-pk")
        .values("changed_on")[:1]
    )


def _active_with_approval_day():
    """Active champions with ``approved_on``: the day of their latest approval of an application."""
    return ChampionProfile.objects.filter(status=ChampionStatus.ACTIVE).annotate(approved_on=_latest_approval_day("pk"))


def _of_current_approval(check_ins_qs):
    """Check-ins of the champion's current term: one left unanswered before they stepped down and were approved
    again belongs to the old term, and neither hides them nor asks them anything now."""
    return check_ins_qs.filter(due_on__gt=_latest_approval_day("profile"))


def due_check_ins(today: datetime.date) -> list[tuple[ChampionProfile, datetime.date]]:
    """Active champions whose anniversary came in the last ``CHECK_IN_ANSWER_DAYS`` days and who were not asked.

    The window lets a missed day (a worker down overnight) catch up, without asking about a year long past.
    Reads every active champion's approval day in one query (a network has hundreds, not millions).
    """
    earliest = today - datetime.timedelta(days=CHECK_IN_ANSWER_DAYS - 1)
    asked = set(ChampionCheckIn.objects.filter(due_on__gte=earliest).values_list("profile_id", "due_on"))
    due = []
    for profile in _active_with_approval_day().select_related("user").order_by("pk"):
        if profile.approved_on is None:
            continue
        anniversary = anniversary_on_or_before(profile.approved_on, today)
        if anniversary is not None and anniversary >= earliest and (profile.pk, anniversary) not in asked:
            due.append((profile, anniversary))
    return due


def link_for(check_in: ChampionCheckIn) -> str:
    token = signing.Signer(salt=CHECK_IN_SALT).sign(str(check_in.pk))
    return absolute_url(reverse("champions:check_in", args=[token]))


def check_in_from_token(token: str, user: User) -> ChampionCheckIn | None:
    """The signed-in champion's check-in a link is for; None when the link was altered or is someone else's."""
    try:
        pk = int(signing.Signer(salt=CHECK_IN_SALT).unsign(token or ""))
    except (signing.BadSignature, ValueError):
        return None
    return (
        ChampionCheckIn.objects.select_related("profile__user__organisation", "profile__user__district")
        .filter(pk=pk, profile__user=user)
        .first()
    )


def open_check_in(profile: ChampionProfile) -> ChampionCheckIn | None:
    """The champion's latest unanswered check-in, if any (their page shows it)."""
    return _of_current_approval(profile.check_ins.filter(confirmed_at__isnull=True)).order_by("-due_on").first()


def send_check_ins(today: datetime.date | None = None, *, notify: bool = True) -> int:
    """Ask each champion whose anniversary has come; returns how many were asked. Each is asked once.

    The check-in is created in the transaction that emails it: if the mail server refuses, nothing is kept
    and tomorrow's run asks again; if two runs race, the unique constraint lets one through.
    """
    today = today or timezone.localdate()
    asked = 0
    for profile, due_on in due_check_ins(today):
        try:
            with transaction.atomic():
                check_in = ChampionCheckIn.objects.create(profile=profile, due_on=due_on)
                if notify:
                    services._send(
                        profile.user.email,
                        "Your yearly Domestic Abuse Champion check-in: are you still in the role?",
                        "champions/email/check_in.txt",
                        {
                            "profile": profile,
                            "link": link_for(check_in),
                            "answer_by": due_on + datetime.timedelta(days=CHECK_IN_ANSWER_DAYS),
                        },
                    )
        except IntegrityError:
            continue  # another run asked them first
        except (OSError, smtplib.SMTPException) as error:
            logger.warning("Could not email the yearly check-in to champion %s: %s", profile.pk, error)
            continue
        asked += 1
    return asked


def hide_unanswered(today: datetime.date | None = None, *, notify: bool = True) -> int:
    """Hide from the directory the champions who did not answer within the window, and tell them; returns how many.

    Each check-in is hidden (and its email sent) once: the ``hidden_at`` stamp is claimed by a conditional
    UPDATE in the transaction that sends the email.
    """
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=CHECK_IN_ANSWER_DAYS)
    unanswered = _of_current_approval(
        ChampionCheckIn.objects.filter(
            confirmed_at__isnull=True,
            hidden_at__isnull=True,
            due_on__lte=cutoff,
            profile__status=ChampionStatus.ACTIVE,
        )
    ).select_related("profile__user")
    hidden = 0
    for check_in in unanswered.order_by("pk"):
        try:
            with transaction.atomic():
                claimed = ChampionCheckIn.objects.filter(pk=check_in.pk, hidden_at__isnull=True).update(
                    hidden_at=timezone.now()
                )
                if not claimed:
                    continue
                ChampionProfile.objects.filter(pk=check_in.profile_id, unconfirmed_since__isnull=True).update(
                    unconfirmed_since=today
                )
                if notify:
                    services._send(
                        check_in.profile.user.email,
                        "You are hidden from the champion directory until you confirm your role",
                        "champions/email/check_in_hidden.txt",
                        {"profile": check_in.profile, "link": link_for(check_in)},
                    )
        except (OSError, smtplib.SMTPException) as error:
            logger.warning("Could not email champion %s that they are hidden: %s", check_in.profile_id, error)
            continue
        hidden += 1
    return hidden


@dataclass
class CheckInRun:
    asked: int
    hidden: int


def run_daily(today: datetime.date | None = None) -> CheckInRun:
    """The daily run: ask the champions whose anniversary has come, then hide those who did not answer in time."""
    today = today or timezone.localdate()
    return CheckInRun(asked=send_check_ins(today), hidden=hide_unanswered(today))


@transaction.atomic
def confirm(check_in: ChampionCheckIn, *, by: User, at: datetime.datetime | None = None) -> ChampionCheckIn:
    """The champion confirms they are still in the role and their details are right; back in the directory.

    Confirming answers every unanswered check-in of theirs (an older one forgotten is answered too).
    """
    at = at or timezone.now()
    check_in = ChampionCheckIn.objects.select_for_update().select_related("profile").get(pk=check_in.pk)
    profile = check_in.profile
    if profile.user_id != by.pk:
        raise CheckInError("This check-in is not yours.")
    if check_in.confirmed_at is not None:
        raise CheckInError(
            f"You already confirmed this check-in on {timezone.localtime(check_in.confirmed_at):%-d %B %Y}. "
            "Nothing has been changed."
        )
    if profile.status != ChampionStatus.ACTIVE:
        raise CheckInError(
            f"You are no longer an active champion ({profile.get_status_display().lower()}), so there is "
            "nothing to confirm."
        )
    profile.check_ins.filter(confirmed_at__isnull=True).update(confirmed_at=at)
    ChampionProfile.objects.filter(pk=profile.pk).update(unconfirmed_since=None)
    check_in.refresh_from_db()
    return check_in
