"""Assignments that recur: when the certificate that met one comes up for renewal, the course is assigned again.

Here, not in learning, because "comes up for renewal" is the certificates' rule (``rules.renewal_due_before``);
learning's ``assignments.assign`` makes the new assignment, with its rules (one open assignment per person and
course, the earlier due date kept) and its email.
"""

from __future__ import annotations

import datetime
from itertools import groupby

from django.db.models import Exists, OuterRef
from django.utils import timezone

from accounts.models import User

from ..catalogue.models import CoursePage
from ..learning import assignments
from ..learning.models import Assignment
from .rules import renewal_due_before


def renew_recurring_assignments(today: datetime.date | None = None) -> int:
    """Assign again every recurring assignment whose certificate is now due for renewal; returns how many.

    The new assignment is due on the day the certificate expires (today, if that has passed), by whoever
    set the first, and recurs in turn. Each assignment is renewed once: one that already has a later
    assignment of the same course for the same person is left alone, so running this again changes nothing.
    """
    today = today or timezone.localdate()
    later = Assignment.objects.filter(
        user_id=OuterRef("user_id"), course_id=OuterRef("course_id"), pk__gt=OuterRef("pk")
    )
    due = (
        Assignment.objects.filter(
            recurs_on_renewal=True,
            satisfied_by__isnull=False,
            satisfied_by__certificate__revoked_at__isnull=True,
            satisfied_by__certificate__expires_on__lte=renewal_due_before(today),
        )
        .exclude(Exists(later))
        .values_list("course_id", "assigned_by_id", "satisfied_by__certificate__expires_on", "user_id")
        .order_by("course_id", "assigned_by_id", "satisfied_by__certificate__expires_on")
    )
    rows = list(due)
    courses = CoursePage.objects.in_bulk({row[0] for row in rows})
    managers = User.objects.in_bulk({row[1] for row in rows if row[1]})
    renewed = 0
    for (course_id, by_id, expires_on), group in groupby(rows, key=lambda row: row[:3]):
        result = assignments.assign(
            courses[course_id],
            user_ids=[row[3] for row in group],
            due_on=max(expires_on, today),
            by=managers.get(by_id),
            source=Assignment.Source.RENEWAL,
            recurs_on_renewal=True,
        )
        renewed += result.assigned
    return renewed
