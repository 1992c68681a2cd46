"""Roles are groups with permissions: Training managers, Trainers, Partner leads.

Later apps add their own permissions to these groups in their own migrations.
"""

from django.db import migrations

ROLES = {
    "Training managers": [
        ("wagtailadmin", "admin", "access_admin"),
        ("accounts", "organisation", "add_organisation"),
        ("accounts", "organisation", "change_organisation"),
        ("accounts", "organisation", "view_organisation"),
        ("accounts", "organisation", "view_partner_figures"),
        ("accounts", "district", "view_district"),
        ("accounts", "sector", "view_sector"),
        ("accounts", "user", "view_user"),
        ("accounts", "user", "change_user"),
        ("accounts", "user", "add_user"),
    ],
    "Trainers": [
        ("wagtailadmin", "admin", "access_admin"),
        ("accounts", "organisation", "view_organisation"),
        ("accounts", "user", "view_user"),
    ],
    "Partner leads": [
        ("accounts", "organisation", "view_partner_figures"),
    ],
}

# Training managers author course pages and their images and documents.
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
    ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
]


def ensure_permissions(apps):
    """Permissions are normally created after migrate; make sure they exist now."""
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, apps=apps, verbosity=0)


def create_roles(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    for name, perms in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, model, codename in perms:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, content_type__model=model, codename=codename)
            )

    managers = Group.objects.get(name="Training managers")
    root_page = Page.objects.filter(depth=1).first()
    if root_page:
        for codename in PAGE_PERMISSIONS:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=managers, page=root_page, permission=permission)
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection:
        for app_label, _model, codenames in COLLECTION_PERMISSIONS:
            for codename in codenames:
                permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
                GroupCollectionPermission.objects.get_or_create(
                    group=managers, collection=root_collection, permission=permission
                )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_reference_data"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
