"""The champion role agreement: an applicant's line manager agrees to release them for the role.

Applying names the line manager (name and work email). The manager is emailed a signed link to a page with
the role agreement (the text is a site setting) where they agree or decline, without an account. The link
works once and for ``AGREEMENT_LINK_DAYS`` days. A training manager can approve an application only once the
manager has agreed, or after recording an agreement signed on paper, with a note; the approval's status
change keeps the agreement it was made on (``ChampionStatusChange.agreement``).

The link carries the agreement's id signed with the site's secret (``django.core.signing``), so it cannot be
guessed or altered; whether it has expired or been used is read from the agreement itself, so a new link
(sent again by a training manager) extends it and an answered one can never be answered again.
"""

from __future__ import annotations

import datetime
import logging
import smtplib

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from home.links import absolute_url
from home.text import has_control_characters

from . import services
from .models import ChampionProfile, ChampionStatus, ManagerAgreement

logger = logging.getLogger(__name__)

AGREEMENT_LINK_DAYS = 30
AGREEMENT_SALT = "champions.manager-agreement"
MANAGER_NAME_MAX = 150
COMMENT_MAX = 500
PAPER_NOTE_MAX = 1000

Outcome = ManagerAgreement.Outcome


class AgreementLinkError(services.ChampionError):
    """The link is not one the platform made, has expired, or was used already (the message says which)."""


def role_agreement_text() -> str:
    """The role agreement as the site settings hold it now (the default site's; links belong to no request)."""
    from wagtail.models import Site

    from home.models import CHAMPION_ROLE_AGREEMENT_DEFAULT, SiteSettings

    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    text = SiteSettings.for_site(site).champion_role_agreement if site else ""
    return text.strip() or CHAMPION_ROLE_AGREEMENT_DEFAULT


def clean_manager_details(user: User, name: str, email: str) -> tuple[str, str]:
    """The line manager's name and work email as they are kept, or a ChampionError saying what is wrong."""
    name = " ".join((name or "").split())
    email = (email or "").strip().lower()
    if not name:
        raise services.ChampionError("Enter your line manager's name.")
    if len(name) > MANAGER_NAME_MAX or has_control_characters(name):
        raise services.ChampionError(f"Enter your line manager's name in {MANAGER_NAME_MAX} characters or fewer.")
    if not email:
        raise services.ChampionError("Enter your line manager's work email address.")
    try:
        validate_email(email)
    except ValidationError:
        raise services.ChampionError(
            "Enter your line manager's work email address, like name@organisation.org."
        ) from None
    if email == user.email.lower():
        raise services.ChampionError("Enter your line manager's email address, not your own.")
    return name, email


def link_for(agreement: ManagerAgreement) -> str:
    """The absolute address of the agreement page, signed: the only way to it."""
    token = signing.Signer(salt=AGREEMENT_SALT).sign(str(agreement.pk))
    return absolute_url(reverse("champions:agreement", args=[token]))


def agreement_from_token(token: str) -> ManagerAgreement:
    """The agreement a link is for, or AgreementLinkError when the link was altered or is not one of ours."""
    try:
        pk = int(signing.Signer(salt=AGREEMENT_SALT).unsign(token or ""))
    except (signing.BadSignature, ValueError):
        raise AgreementLinkError(
            "This link is not complete or has been changed. Open the link in the email exactly as it was sent, "
            "or ask the applicant to contact the training team."
        ) from None
    agreement = (
        ManagerAgreement.objects.select_related("profile__user__organisation", "recorded_by").filter(pk=pk).first()
    )
    if agreement is None:
        raise AgreementLinkError("This agreement no longer exists. Ask the applicant to contact the training team.")
    return agreement


def request_agreement(
    profile: ChampionProfile,
    *,
    manager_name: str,
    manager_email: str,
    at: datetime.datetime | None = None,
    notify: bool = True,
) -> ManagerAgreement:
    """Ask the line manager to agree: a new agreement, emailed (after the transaction commits) with its link.

    Called by ``services.apply`` for each new application; an earlier unanswered request for the same
    profile is left as it is (its link shows it was replaced).
    """
    at = at or timezone.now()
    agreement = ManagerAgreement.objects.create(
        profile=profile,
        manager_name=manager_name,
        manager_email=manager_email,
        requested_at=at,
        expires_at=at + datetime.timedelta(days=AGREEMENT_LINK_DAYS),
    )
    if notify:
        transaction.on_commit(lambda: _email_manager(agreement.pk))
    return agreement


def _email_manager(agreement_pk: int) -> None:
    agreement = ManagerAgreement.objects.select_related("profile__user__organisation").get(pk=agreement_pk)
    applicant = agreement.profile.user
    try:
        services._send(
            agreement.manager_email,
            f"{applicant.full_name} has applied to be a Domestic Abuse Champion: please agree or decline",
            "champions/email/agreement_request.txt",
            {
                "agreement": agreement,
                "applicant": applicant,
                "link": link_for(agreement),
                "days": AGREEMENT_LINK_DAYS,
            },
            reply_to=[applicant.email],
        )
    except (OSError, smtplib.SMTPException) as error:
        # The application stands; a training manager sees the request waiting and can send it again.
        logger.warning("Could not email the line manager for agreement %s: %s", agreement_pk, error)


def current_agreement(profile: ChampionProfile) -> ManagerAgreement | None:
    """The agreement of the profile's latest application (the newest request)."""
    return profile.agreements.select_related("recorded_by").order_by("-requested_at", "-pk").first()


def is_current(agreement: ManagerAgreement) -> bool:
    current = current_agreement(agreement.profile)
    return current is not None and current.pk == agreement.pk and agreement.profile.status == ChampionStatus.APPLIED


def link_problem(agreement: ManagerAgreement, now: datetime.datetime | None = None) -> str | None:
    """Why this agreement can no longer be answered through its link, or None."""
    if agreement.outcome != Outcome.WAITING:
        when = timezone.localtime(agreement.answered_at)
        return (
            f"This agreement was already answered on {when:%-d %B %Y}: "
            f"{agreement.get_outcome_display().lower()}. Nothing has been changed."
        )
    if not is_current(agreement):
        return "This application has been replaced or closed, so this link no longer works. Nothing has been changed."
    if agreement.is_expired(now):
        return (
            f"This link expired on {timezone.localtime(agreement.expires_at):%-d %B %Y}. Nothing has been changed: "
            "ask the applicant or the training team to send you a new one."
        )
    return None


@transaction.atomic
def answer(
    agreement: ManagerAgreement,
    *,
    agreed: bool,
    comment: str = "",
    at: datetime.datetime | None = None,
    notify: bool = True,
) -> ManagerAgreement:
    """The line manager agrees or declines through the link: once only, before it expires.

    The role agreement's text is copied onto the answer. A decline may carry a short comment, which the
    training manager reads; the applicant is emailed either way.
    """
    at = at or timezone.now()
    agreement = ManagerAgreement.objects.select_for_update().select_related("profile__user").get(pk=agreement.pk)
    if problem := link_problem(agreement, at):
        raise AgreementLinkError(problem)
    comment = " ".join((comment or "").split())
    if len(comment) > COMMENT_MAX:
        raise services.ChampionError(f"Keep your comment to {COMMENT_MAX} characters or fewer.")
    agreement.outcome = Outcome.AGREED if agreed else Outcome.DECLINED
    agreement.answered_at = at
    agreement.agreement_text = role_agreement_text()
    agreement.comment = "" if agreed else comment
    agreement.save(update_fields=["outcome", "answered_at", "agreement_text", "comment"])
    applicant = agreement.profile.user
    if notify:
        transaction.on_commit(
            lambda: _tell_applicant(applicant.email, applicant.full_name, agreement.manager_name, agreed)
        )
    return agreement


def _tell_applicant(email: str, full_name: str, manager_name: str, agreed: bool) -> None:
    try:
        services._send(
            email,
            f"Your line manager has {'agreed to' if agreed else 'declined'} your Domestic Abuse Champion role",
            "champions/email/agreement_answered.txt",
            {"full_name": full_name, "manager_name": manager_name, "agreed": agreed},
        )
    except (OSError, smtplib.SMTPException) as error:
        logger.warning("Could not tell an applicant about their manager's answer: %s", error)


@transaction.atomic
def record_paper_agreement(
    profile: ChampionProfile, *, by: User, note: str, at: datetime.datetime | None = None
) -> ManagerAgreement:
    """A training manager records that the line manager agreed on paper, with a note (where the form is kept)."""
    at = at or timezone.now()
    note = (note or "").strip()
    if not note:
        raise services.ChampionError(
            "Add a note about the paper agreement: who signed it, when, and where the form is kept."
        )
    if len(note) > PAPER_NOTE_MAX:
        raise services.ChampionError(f"Keep the note to {PAPER_NOTE_MAX:,} characters or fewer.")
    profile = ChampionProfile.objects.select_for_update().get(pk=profile.pk)
    if profile.status != ChampionStatus.APPLIED:
        raise services.ChampionError("A paper agreement can be recorded only for an application.")
    agreement = current_agreement(profile)
    if agreement is not None and agreement.allows_approval:
        raise services.ChampionError("The line manager has already agreed: approve the application.")
    if agreement is None or agreement.outcome != Outcome.WAITING:
        agreement = ManagerAgreement(
            profile=profile,
            manager_name=agreement.manager_name if agreement else "",
            manager_email=agreement.manager_email if agreement else "",
            requested_at=at,
            expires_at=at,
        )
    agreement.outcome = Outcome.PAPER
    agreement.answered_at = at
    agreement.agreement_text = role_agreement_text()
    agreement.note = note
    agreement.recorded_by = by
    agreement.save()
    return agreement


@transaction.atomic
def send_again(profile: ChampionProfile, *, at: datetime.datetime | None = None) -> ManagerAgreement:
    """A training manager sends the manager a fresh link (the old one expired, or the email went astray)."""
    at = at or timezone.now()
    agreement = current_agreement(profile)
    if profile.status != ChampionStatus.APPLIED or agreement is None:
        raise services.ChampionError("There is no application waiting for a line manager.")
    agreement = ManagerAgreement.objects.select_for_update().get(pk=agreement.pk)
    if agreement.outcome != Outcome.WAITING:
        raise services.ChampionError("The line manager has already answered: nothing was sent.")
    agreement.expires_at = at + datetime.timedelta(days=AGREEMENT_LINK_DAYS)
    agreement.save(update_fields=["expires_at"])
    transaction.on_commit(lambda: _email_manager(agreement.pk))
    return agreement


def approval_problem(profile: ChampionProfile) -> str | None:
    """Why the line manager's agreement does not yet allow approving this application, or None."""
    agreement = current_agreement(profile)
    if agreement is None:
        return "no line manager has been asked to agree to the role. Record a paper agreement to approve."
    if agreement.allows_approval:
        return None
    if agreement.outcome == Outcome.DECLINED:
        return (
            f"their line manager, {agreement.manager_name}, declined the role agreement. "
            "Approve only after recording a paper agreement, or decline the application."
        )
    if agreement.is_expired():
        return (
            f"their line manager, {agreement.manager_name}, has not agreed and the link expired. "
            "Send the link again, or record a paper agreement."
        )
    return (
        f"their line manager, {agreement.manager_name}, has not agreed to the role yet. "
        "Wait for their answer, or record a paper agreement."
    )


def text_blocks(text: str) -> list[tuple[str, list[str]]]:
    """The agreement text as paragraphs and lists, to show as HTML without trusting it as HTML.

    Blank lines separate blocks; a block whose lines start with "- " is a list. Returns ("p", [text]) or
    ("ul", [items]) pairs.
    """
    blocks: list[tuple[str, list[str]]] = []
    for chunk in (text or "").replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            blocks.append(("ul", [line[2:].strip() for line in lines]))
        else:
            blocks.append(("p", [" ".join(lines)]))
    return blocks
