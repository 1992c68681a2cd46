"""The renewal window: how long before its expiry a certificate is due for renewal (one setting, read here only).

The same window for the holder (My learning, taking the course again) and for their partner lead's staff list.
Validity itself is ``Certificate.objects.valid_on`` (queries) and ``Certificate.is_valid_on`` (Python).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone


def renewal_window_days() -> int:
    """How many days before its expiry a certificate is due for renewal: ``CERTIFICATE_RENEWAL_WINDOW_DAYS``."""
    return settings.CERTIFICATE_RENEWAL_WINDOW_DAYS


def renewal_due_before(today: datetime.date | None = None) -> datetime.date:
    """The last expiry day that makes a certificate due for renewal today (today by default)."""
    return (today or timezone.localdate()) + datetime.timedelta(days=renewal_window_days())
