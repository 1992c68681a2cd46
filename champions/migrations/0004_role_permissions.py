"""What training managers may do with the champion network (roles are groups; see accounts.0003_roles)."""

from django.db import migrations

PERMISSIONS = {
    "Training managers": [
        ("championprofile", ["view", "approve"]),
        ("championstatuschange", ["view"]),
        ("championcontact", ["view"]),
        ("championactivity", ["view"]),
        ("networkevent", ["add", "change", "delete", "view"]),
        ("networkattendance", ["add", "change", "delete", "view"]),
    ],
}


def grant(apps, schema_editor):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    create_permissions(global_apps.get_app_config("champions"), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, models in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for model, actions in models:
            for action in actions:
                group.permissions.add(
                    Permission.objects.get(content_type__app_label="champions", codename=f"{action}_{model}")
                )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, models in PERMISSIONS.items():
        codenames = [f"{action}_{model}" for model, actions in models for action in actions]
        for group in Group.objects.filter(name=group_name):
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label="champions", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [("champions", "0003_directory_search_index"), ("accounts", "0003_roles")]

    operations = [migrations.RunPython(grant, revoke)]
