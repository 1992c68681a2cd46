"""Reads about accounts and organisations, for this app and the apps above it."""

from __future__ import annotations

from django.db.models import QuerySet
from django.db.models.functions import Lower

from .models import Organisation, OrganisationDomain, User
from .roles import STAFF_Q


def organisation_for_email(email: str) -> Organisation | None:
    """The organisation owning the address's domain, or its nearest parent domain.

    ``someone@mail.cambs.police.uk`` matches ``mail.cambs.police.uk`` first,
    then ``cambs.police.uk``; top-level suffixes alone never match.
    """
    _, _, domain = (email or "").strip().lower().rpartition("@")
    labels = domain.split(".")
    candidates = [".".join(labels[i:]) for i in range(len(labels) - 1)]
    if not candidates:
        return None
    matches = {
        d.domain: d.organisation
        for d in OrganisationDomain.objects.annotate(d=Lower("domain"))
        .filter(d__in=candidates)
        .select_related("organisation")
    }
    for candidate in candidates:
        if candidate in matches:
            return matches[candidate]
    return None


def organisations_by_sector():
    """Organisations for a picker, ordered by sector then name."""
    return Organisation.objects.select_related("sector").order_by("sector__sort_order", "sector__name", "name")


def accounts_managed_by(user: User) -> QuerySet[User]:
    """The accounts a person may manage in the admin: everyone's for a superuser, otherwise only accounts
    without a staff role or the superuser flag (whoever can change a staff member's email or password can
    become them; see accounts.roles)."""
    accounts = User._default_manager.all()
    if user.is_superuser:
        return accounts
    return accounts.exclude(pk__in=User._default_manager.filter(STAFF_Q).values("pk"))
