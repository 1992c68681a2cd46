"""Rebuild every champion's directory search text so that it holds their organisation's sector and sector group.

The search text now says what kind of agency the champion works for ("police", "NHS"), which the
organisation's name often does not. This copies ``champions.services.refresh_search_text`` as it is at this
migration, on the historical models, so that later changes to the service do not change what it does.
Reversing it leaves the longer text in place: searching a text with more words in it is harmless.
"""

from django.db import migrations

BATCH = 500


def _text(*parts) -> str:
    words = []
    for part in parts:
        for text in [part] if isinstance(part, str) else part:
            if text:
                words.append(" ".join(text.split()))
    return " ".join(words).lower()


def rebuild_search_text(apps, schema_editor):
    ChampionProfile = apps.get_model("champions", "ChampionProfile")
    Sector = apps.get_model("accounts", "Sector")
    groups = dict(Sector._meta.get_field("group").choices)
    profiles = ChampionProfile.objects.select_related("user__organisation__sector").prefetch_related(
        "specialisms", "languages", "districts"
    )
    changed = []
    for profile in profiles.iterator(chunk_size=BATCH):
        user = profile.user
        organisation = user.organisation
        place = []
        if organisation is not None:
            sector = organisation.sector
            group = groups.get(sector.group, "")
            place = [organisation.name, sector.name, *([group] if group and group != sector.name else [])]
        text = _text(
            user.full_name,
            user.job_title,
            place,
            profile.bio,
            [topic.name for topic in profile.specialisms.all()],
            [language.name for language in profile.languages.all()],
            [district.name for district in profile.districts.all()],
        )
        if text != profile.search_text:
            profile.search_text = text
            changed.append(profile)
        if len(changed) >= BATCH:
            ChampionProfile.objects.bulk_update(changed, ["search_text"])
            changed = []
    ChampionProfile.objects.bulk_update(changed, ["search_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_roles"),
        ("champions", "0004_role_permissions"),
    ]

    operations = [migrations.RunPython(rebuild_search_text, migrations.RunPython.noop)]
