"""Training managers may see partner API tokens, so their creation and revocation show in the audit trail."""

from django.db import migrations


def grant(apps, schema_editor):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    create_permissions(global_apps.get_app_config("reports"), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Training managers")
    group.permissions.add(Permission.objects.get(content_type__app_label="reports", codename="view_partnerapitoken"))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Training managers"):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="reports", codename="view_partnerapitoken")
        )


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_role_permissions")]

    operations = [migrations.RunPython(grant, revoke)]
