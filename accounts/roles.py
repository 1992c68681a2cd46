"""The staff roles, in one place.

Roles are groups with permissions (accounts.migrations.0003_roles). Members of these groups, and
superusers, see other people's personal data or the partnership's figures, so they must sign in with
two steps (accounts.two_step). A new staff role (the data protection officer's) joins this list.
"""

from __future__ import annotations

STAFF_GROUPS: list[str] = ["Training managers", "Trainers", "Partner leads"]


def is_staff_member(user) -> bool:
    """A superuser, or a member of a staff group (one query unless the groups are prefetched)."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=STAFF_GROUPS).exists()
