"""The staff roles, and who may grant them.

Roles are groups (accounts.0003_roles creates them; each app's migrations give them permissions). A person
in one of ``STAFF_GROUPS``, or with the superuser flag, is *staff*: they see other people's personal data or
the partnership's figures, so they must sign in with two steps (accounts.middleware.StaffTwoStepMiddleware),
and only a superuser may grant or remove a staff role or the flag, or edit or delete a staff member's
account, because whoever can change a staff member's email or password can become them. A new staff role
must be added here.
"""

from __future__ import annotations

from django.db.models import Q

TRAINING_MANAGERS = "Training managers"
TRAINERS = "Trainers"
PARTNER_LEADS = "Partner leads"
# Answer subject-access and erasure requests and place legal holds (the privacy app; its migration creates it).
DATA_PROTECTION_OFFICERS = "Data protection officers"
STAFF_GROUPS: tuple[str, ...] = (TRAINING_MANAGERS, TRAINERS, PARTNER_LEADS, DATA_PROTECTION_OFFICERS)

# Matches the users who are staff (for ``User.objects.filter``).
STAFF_Q = Q(is_superuser=True) | Q(groups__name__in=STAFF_GROUPS)


def is_staff_member(user) -> bool:
    """Whether the person holds a staff role or the superuser flag (anonymous visitors do not; one query
    unless the groups are prefetched)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or user.groups.filter(name__in=STAFF_GROUPS).exists()
