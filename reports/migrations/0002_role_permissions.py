"""Training managers read the measures and freeze quarters (roles are groups; see accounts.0003_roles).

Partner leads need no permission here: their pages and the API check ``accounts.view_partner_figures``.
"""

from django.db import migrations

PERMISSIONS = {
    "Training managers": ["view_measures", "freeze_measures", "view_measuresnapshot", "view_boardreport"],
}


def grant(apps, schema_editor):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    create_permissions(global_apps.get_app_config("reports"), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for codename in codenames:
            group.permissions.add(Permission.objects.get(content_type__app_label="reports", codename=codename))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in PERMISSIONS.items():
        for group in Group.objects.filter(name=group_name):
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label="reports", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_snapshots_board_reports_tokens"), ("accounts", "0003_roles")]

    operations = [migrations.RunPython(grant, revoke)]
