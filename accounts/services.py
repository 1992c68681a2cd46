"""Actions that change accounts and organisations."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import Exists, OuterRef
from django.utils import timezone

from .models import Organisation, User
from .selectors import organisation_for_email


def place_in_organisation_by_domain(user: User) -> Organisation | None:
    """Put a new account in the organisation that owns its email domain.

    Only fills an empty organisation: the person can still change it on their
    profile, and an existing choice is never overwritten.
    """
    if user.organisation_id:
        return user.organisation
    organisation = organisation_for_email(user.email)
    if organisation is not None:
        user.organisation = organisation
    return organisation


@dataclass(frozen=True)
class UnclaimedPerson:
    """Someone known only from imported training records."""

    email: str
    full_name: str
    organisation_id: int | None
    district_id: int | None


def unclaimed_account(email: str) -> User | None:
    """The account an import created for this address that nobody has claimed yet, or None.

    Unclaimed means: inactive, no usable password, never signed in, and no
    email address record (allauth makes one at sign-up). An account a
    manager deactivated is never unclaimed, so it cannot be taken over by
    signing up again.
    """
    email = User.objects.normalize_email(email)
    if not email:
        return None
    return (
        User.objects.filter(
            email=email, is_active=False, last_login__isnull=True, password__startswith=UNUSABLE_PASSWORD_PREFIX
        )
        .exclude(Exists(EmailAddress.objects.filter(user_id=OuterRef("pk"))))
        .first()
    )


def create_unclaimed_accounts(people: Iterable[UnclaimedPerson], *, batch_size: int = 1000) -> dict[str, int]:
    """Create inactive accounts, in bulk, for people met only in imported history.

    Each has no usable password and is inactive until the person claims it by
    signing up with the same address (see ``claim_account``); their name and
    the organisation and district of their latest record are on the profile.
    Returns the new accounts' ids by (normalised) email address.
    """
    now = timezone.now()
    users = [
        User(
            email=User.objects.normalize_email(person.email),
            full_name=person.full_name,
            organisation_id=person.organisation_id,
            district_id=person.district_id,
            is_active=False,
            date_joined=now,
            # What make_password(None) makes (an unusable password), from one call to the OS's random source
            # instead of forty: this runs for tens of thousands of people in one import.
            password=UNUSABLE_PASSWORD_PREFIX + secrets.token_urlsafe(30),
        )
        for person in people
    ]
    User.objects.bulk_create(users, batch_size=batch_size)
    emails = [user.email for user in users]
    ids: dict[str, int] = {}
    # Read the ids back rather than rely on the backend returning them from a bulk insert.
    for start in range(0, len(emails), 500):
        ids.update(User.objects.filter(email__in=emails[start : start + 500]).values_list("email", "id"))
    return ids


def claim_account(user: User) -> User:
    """Make an imported, unclaimed account a normal one: the person has just signed up with its address.

    The sign-up has set the password and name; this activates the account
    (the email address still has to be verified before they can sign in) and
    keeps everything imported for it, since it is the same row.
    """
    user.is_active = True
    user.date_joined = timezone.now()
    return user
