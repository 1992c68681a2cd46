"""Two-step sign-in (allauth.mfa's TOTP): who has it, for the middleware that requires it of staff.

Whether someone has TOTP is kept in the shared cache for an hour, so that admin and partner pages cost
no extra query: it is set when they sign in and dropped whenever one of their authenticators is saved
or deleted (accounts.signal_handlers), by any route.
"""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from django.core.cache import cache

CACHE_SECONDS = 60 * 60


def _cache_key(user_id: int) -> str:
    return f"accounts:two-step:{user_id}"


def has_two_step(user) -> bool:
    """The person has an authenticator app (TOTP) set up."""
    key = _cache_key(user.pk)
    if cache.get(key):
        return True
    found = Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists()
    if found:
        cache.set(key, True, CACHE_SECONDS)
    return found


def remember(user) -> None:
    """Look again (on sign-in): what is cached may be from before a change made elsewhere."""
    forget(user.pk)
    has_two_step(user)


def forget(user_id: int) -> None:
    cache.delete(_cache_key(user_id))
