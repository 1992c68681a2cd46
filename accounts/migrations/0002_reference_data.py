"""The districts and sectors of DESIGN.md. Reports group by these, so they are data, not choices."""

from django.db import migrations

DISTRICTS = [
    # name, slug, ONS name, ONS code
    ("Cambridge City", "cambridge-city", "Cambridge", "E07000008"),
    ("East Cambridgeshire", "east-cambridgeshire", "", "E07000009"),
    ("Fenland", "fenland", "", "E07000010"),
    ("Huntingdonshire", "huntingdonshire", "", "E07000011"),
    ("South Cambridgeshire", "south-cambridgeshire", "", "E07000012"),
    ("Peterborough", "peterborough", "", "E06000031"),
    ("Countywide", "countywide", "", ""),
    ("Outside the area", "outside-the-area", "", ""),
]

SECTORS = [
    # name, slug, group
    ("Police", "police", "police"),
    ("Probation and justice", "probation-justice", "justice"),
    ("Local authority: children's social care", "la-childrens-social-care", "local_authority"),
    ("Local authority: adult social care", "la-adult-social-care", "local_authority"),
    ("Local authority: housing", "la-housing", "local_authority"),
    ("Local authority: other", "la-other", "local_authority"),
    ("NHS: acute", "nhs-acute", "nhs"),
    ("NHS: mental health", "nhs-mental-health", "nhs"),
    ("NHS: community", "nhs-community", "nhs"),
    ("NHS: ambulance", "nhs-ambulance", "nhs"),
    ("NHS: primary care", "nhs-primary-care", "nhs"),
    ("Integrated care board", "integrated-care-board", "nhs"),
    ("Education", "education", "education"),
    ("Fire and rescue", "fire-rescue", "fire"),
    ("Housing association", "housing-association", "housing_association"),
    ("Specialist DA/SV service", "specialist-dasv", "specialist"),
    ("Other voluntary and community", "voluntary-community", "voluntary"),
    ("Faith", "faith", "faith"),
    ("Business", "business", "business"),
]


def load(apps, schema_editor):
    District = apps.get_model("accounts", "District")
    Sector = apps.get_model("accounts", "Sector")
    for order, (name, slug, ons_name, ons_code) in enumerate(DISTRICTS):
        District.objects.update_or_create(
            slug=slug, defaults={"name": name, "ons_name": ons_name, "ons_code": ons_code, "sort_order": order}
        )
    for order, (name, slug, group) in enumerate(SECTORS):
        Sector.objects.update_or_create(slug=slug, defaults={"name": name, "group": group, "sort_order": order})


def unload(apps, schema_editor):
    apps.get_model("accounts", "District").objects.filter(slug__in=[d[1] for d in DISTRICTS]).delete()
    apps.get_model("accounts", "Sector").objects.filter(slug__in=[s[1] for s in SECTORS]).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
