"""What each role may do with training sessions: training managers everything, trainers their own (the
admin's permission policy narrows trainers to the sessions they teach)."""

from django.db import migrations

PERMISSIONS = {
    "Training managers": [
        ("trainingsession", ["add", "change", "delete", "view"]),
        ("trainingsession", ["approve_booking"]),
        ("booking", ["view"]),
    ],
    "Trainers": [
        ("trainingsession", ["change", "view"]),
        ("booking", ["view"]),
    ],
}


def _codename(model: str, action: str) -> str:
    return action if action == "approve_booking" else f"{action}_{model}"


def grant(apps, schema_editor):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    create_permissions(global_apps.get_app_config("courses"), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, models in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for model, actions in models:
            for action in actions:
                group.permissions.add(
                    Permission.objects.get(content_type__app_label="courses", codename=_codename(model, action))
                )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, models in PERMISSIONS.items():
        codenames = [_codename(model, action) for model, actions in models for action in actions]
        for group in Group.objects.filter(name=group_name):
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label="courses", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [("courses", "0010_training_sessions"), ("accounts", "0003_roles")]

    operations = [migrations.RunPython(grant, revoke)]
