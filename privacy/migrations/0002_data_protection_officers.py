"""The Data protection officers role (a staff group: two-step sign-in required, granted by superusers only).

They open the admin, decide erasure requests, record requests received by post, place and lift legal holds,
make subject-access exports for a person, and read the audit log of that work.
"""

from django.db import migrations

GROUP = "Data protection officers"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("privacy", "erasurerequest", "view_erasurerequest"),
    ("privacy", "erasurerequest", "add_erasurerequest"),
    ("privacy", "erasurerequest", "decide_erasurerequest"),
    ("privacy", "erasurerequest", "view_privacy_audit"),
    ("privacy", "legalhold", "view_legalhold"),
    ("privacy", "legalhold", "add_legalhold"),
    ("privacy", "legalhold", "change_legalhold"),
    ("privacy", "subjectaccessexport", "add_subjectaccessexport"),
    ("privacy", "subjectaccessexport", "view_subjectaccessexport"),
    ("privacy", "retentionrun", "view_retentionrun"),
]


def create_role(apps, schema_editor):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    for label in ("privacy", "wagtailadmin"):
        create_permissions(global_apps.get_app_config(label), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, model, codename in PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, content_type__model=model, codename=codename)
        )


def remove_role(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_erasure_holds_exports_retention"), ("accounts", "0003_roles")]

    operations = [migrations.RunPython(create_role, remove_role)]
