"""Actions that change accounts and organisations."""

from __future__ import annotations

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
