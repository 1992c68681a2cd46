"""Who may assign learning: training managers anyone, partner leads their own organisation's staff."""

from django.db import migrations

PERMISSIONS = {
    "Training managers": [("add", "assignment"), ("view", "assignment"), ("change", "assignment")],
    "Partner leads": [("assign_own_organisation", "assignment")],
}


def _codename(action: str, model: str) -> str:
    return action if action.startswith("assign_") else f"{action}_{model}"


def grant(apps, schema_editor):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    create_permissions(global_apps.get_app_config("courses"), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, permissions in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for action, model in permissions:
            group.permissions.add(
                Permission.objects.get(content_type__app_label="courses", codename=_codename(action, model))
            )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, permissions in PERMISSIONS.items():
        codenames = [_codename(action, model) for action, model in permissions]
        for group in Group.objects.filter(name=group_name):
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label="courses", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [("courses", "0007_assignments"), ("accounts", "0003_roles")]

    operations = [migrations.RunPython(grant, revoke)]
