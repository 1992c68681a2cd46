"""What each role may do with learning records (roles are groups; see accounts.0003_roles)."""

from django.db import migrations

PERMISSIONS = {
    "Training managers": [
        ("enrolment", ["add", "change", "view"]),
        ("completion", ["add", "view"]),
        ("certificate", ["change", "view"]),
        ("evaluation", ["view"]),
        ("quizattempt", ["view"]),
    ],
    "Trainers": [
        ("enrolment", ["view"]),
        ("completion", ["view"]),
    ],
}


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
                    Permission.objects.get(content_type__app_label="courses", codename=f"{action}_{model}")
                )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, models in PERMISSIONS.items():
        codenames = [f"{action}_{model}" for model, actions in models for action in actions]
        for group in Group.objects.filter(name=group_name):
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label="courses", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [("courses", "0002_topics"), ("accounts", "0003_roles")]

    operations = [migrations.RunPython(grant, revoke)]
