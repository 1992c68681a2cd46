"""Languages champions can support colleagues in: English, BSL and the languages most spoken locally."""

from django.db import migrations

LANGUAGES = [
    ("english", "English"),
    ("british-sign-language", "British Sign Language"),
    ("polish", "Polish"),
    ("lithuanian", "Lithuanian"),
    ("latvian", "Latvian"),
    ("romanian", "Romanian"),
    ("bulgarian", "Bulgarian"),
    ("russian", "Russian"),
    ("ukrainian", "Ukrainian"),
    ("portuguese", "Portuguese"),
    ("spanish", "Spanish"),
    ("italian", "Italian"),
    ("french", "French"),
    ("arabic", "Arabic"),
    ("kurdish", "Kurdish"),
    ("farsi", "Farsi"),
    ("pashto", "Pashto"),
    ("turkish", "Turkish"),
    ("urdu", "Urdu"),
    ("punjabi", "Punjabi"),
    ("bengali", "Bengali"),
    ("gujarati", "Gujarati"),
    ("tamil", "Tamil"),
    ("mandarin", "Mandarin"),
    ("cantonese", "Cantonese"),
    ("somali", "Somali"),
    ("tigrinya", "Tigrinya"),
    ("welsh", "Welsh"),
]


def load(apps, schema_editor):
    Language = apps.get_model("champions", "Language")
    for order, (slug, name) in enumerate(LANGUAGES):
        Language.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": order})


def unload(apps, schema_editor):
    apps.get_model("champions", "Language").objects.filter(slug__in=[slug for slug, _ in LANGUAGES]).delete()


class Migration(migrations.Migration):
    dependencies = [("champions", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
