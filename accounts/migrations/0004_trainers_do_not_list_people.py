"""Trainers no longer list people (and their email addresses) in the admin's Users screen.

Until the platform records who teaches what, a trainer's only view of people is a course's enrolments, with
names and organisations but no email addresses (courses.admin_views shows addresses only to holders of
``accounts.view_user``).
"""

from django.db import migrations

PERMISSION = ("accounts", "user", "view_user")


def _permission(apps):
    Permission = apps.get_model("auth", "Permission")
    app_label, model, codename = PERMISSION
    return Permission.objects.filter(
        content_type__app_label=app_label, content_type__model=model, codename=codename
    ).first()


def revoke(apps, schema_editor):
    permission = _permission(apps)
    if permission:
        for group in apps.get_model("auth", "Group").objects.filter(name="Trainers"):
            group.permissions.remove(permission)


def grant(apps, schema_editor):
    permission = _permission(apps)
    if permission:
        for group in apps.get_model("auth", "Group").objects.filter(name="Trainers"):
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_roles")]

    operations = [migrations.RunPython(revoke, grant)]
