"""Who may use the champion network's admin screens: Wagtail permission policies on champions' models.

The screens (admin_views) and their menu items (wagtail_hooks) ask these, never ``has_perm`` with a string.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from .models import ChampionActivity, ChampionProfile, NetworkAttendance

# view: the champions and their applications; approve: approve or decline an application.
champion_policy = ModelPermissionPolicy(ChampionProfile)
# add: tick an event's register, or import its attendance.
attendance_policy = ModelPermissionPolicy(NetworkAttendance)
# view: the activity log and its export.
activity_policy = ModelPermissionPolicy(ChampionActivity)
