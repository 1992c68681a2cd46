"""The VAWG topics of DESIGN.md, used to tag courses, filter the catalogue and break measures down."""

from django.db import migrations

TOPICS = [
    ("domestic_abuse", "Domestic abuse"),
    ("sexual_violence", "Sexual violence"),
    ("fgm", "Female genital mutilation (FGM)"),
    ("forced_marriage", "Forced marriage"),
    ("trafficking_prostitution", "Trafficking and prostitution"),
    ("child_sexual_exploitation", "Child sexual exploitation"),
    ("stalking_harassment", "Stalking and harassment"),
    ("honour_based_abuse", "Honour-based abuse"),
]


def load(apps, schema_editor):
    Topic = apps.get_model("courses", "Topic")
    for order, (slug, name) in enumerate(TOPICS):
        Topic.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": order})


def unload(apps, schema_editor):
    apps.get_model("courses", "Topic").objects.filter(slug__in=[slug for slug, _ in TOPICS]).delete()


class Migration(migrations.Migration):
    dependencies = [("courses", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
