"""The champion's part of the signed-in home page (the learner's dashboard), so home never imports champions."""

from django import template
from django.utils import timezone

from champions import selectors
from champions.models import ChampionProfile, ChampionStatus

register = template.Library()

DASHBOARD_EVENTS = 3
# A champion who has logged nothing for this long is reminded to log what they have done.
ACTIVITY_REMINDER_DAYS = 30


@register.inclusion_tag("champions/_dashboard.html", takes_context=True)
def champion_dashboard(context):
    """For a champion: their status, and if active the next network events and a reminder to log activity.

    One query for everyone else; three for an active champion.
    """
    user = context["request"].user
    profile = ChampionProfile.objects.filter(user=user).only("pk", "status", "status_changed_at").first()
    if profile is None:
        return {"profile": None}
    active = profile.status == ChampionStatus.ACTIVE
    last_activity = None
    events = []
    if active:
        events = list(selectors.upcoming_network_events(limit=DASHBOARD_EVENTS))
        last_activity = profile.activities.order_by("-activity_date").values_list("activity_date", flat=True).first()
    today = timezone.localdate()
    return {
        "profile": profile,
        "active": active,
        "events": events,
        "last_activity": last_activity,
        "remind_to_log": active and (last_activity is None or (today - last_activity).days >= ACTIVITY_REMINDER_DAYS),
    }
