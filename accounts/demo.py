"""Demo organisations of the partnership, and one demo user per role."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from .models import District, Organisation, OrganisationDomain, Sector, User

DEMO_PASSWORD = "demo-Learning-2026"

ALL = "*"  # serves every district
ORGANISATIONS = [
    # name, sector slug, districts served (slugs, or ALL), email domains, is_partner
    ("Cambridgeshire Constabulary", "police", ALL, ["cambs.police.uk"], True),
    ("Probation Service – Cambridgeshire and Peterborough", "probation-justice", ALL, [], True),
    (
        "Cambridgeshire County Council – Children's Services",
        "la-childrens-social-care",
        ALL,
        ["cambridgeshire.gov.uk"],
        True,
    ),
    ("Cambridgeshire County Council – Adult Social Care", "la-adult-social-care", ALL, [], True),
    ("Peterborough City Council", "la-other", ["peterborough"], ["peterborough.gov.uk"], True),
    ("Cambridge City Council – Housing", "la-housing", ["cambridge-city"], ["cambridge.gov.uk"], True),
    ("East Cambridgeshire District Council", "la-housing", ["east-cambridgeshire"], ["eastcambs.gov.uk"], True),
    ("Fenland District Council", "la-housing", ["fenland"], ["fenland.gov.uk"], True),
    ("Huntingdonshire District Council", "la-housing", ["huntingdonshire"], ["huntingdonshire.gov.uk"], True),
    ("South Cambridgeshire District Council", "la-housing", ["south-cambridgeshire"], ["scambs.gov.uk"], True),
    (
        "Cambridge University Hospitals NHS Foundation Trust",
        "nhs-acute",
        ["cambridge-city", "south-cambridgeshire"],
        ["cuh.nhs.uk"],
        True,
    ),
    (
        "North West Anglia NHS Foundation Trust",
        "nhs-acute",
        ["peterborough", "huntingdonshire", "fenland"],
        ["nwangliaft.nhs.uk"],
        True,
    ),
    ("Cambridgeshire and Peterborough NHS Foundation Trust", "nhs-mental-health", ALL, ["cpft.nhs.uk"], True),
    ("Cambridgeshire Community Services NHS Trust", "nhs-community", ALL, ["cambscommunityservices.nhs.uk"], True),
    ("East of England Ambulance Service NHS Trust", "nhs-ambulance", ALL, ["eastamb.nhs.uk"], True),
    ("Granta Medical Practices", "nhs-primary-care", ["south-cambridgeshire"], ["granta.example.nhs.uk"], False),
    ("Fenland Primary Care Network", "nhs-primary-care", ["fenland"], ["fenlandpcn.example.nhs.uk"], False),
    (
        "NHS Cambridgeshire and Peterborough Integrated Care Board",
        "integrated-care-board",
        ALL,
        ["cpicb.example.nhs.uk"],
        True,
    ),
    ("Cambridgeshire and Peterborough Fire and Rescue Service", "fire-rescue", ALL, ["cambsfire.gov.uk"], True),
    ("Cambridge Regional College", "education", ["cambridge-city", "huntingdonshire"], ["camre.ac.uk"], False),
    ("Peterborough Secondary Schools Partnership", "education", ["peterborough"], ["pssp.example.sch.uk"], False),
    (
        "Fenland and East Cambs Primary Schools Trust",
        "education",
        ["fenland", "east-cambridgeshire"],
        ["fectrust.example.sch.uk"],
        False,
    ),
    ("Sanctuary Housing", "housing-association", ALL, ["sanctuary-housing.co.uk"], True),
    ("Clarion Housing", "housing-association", ["peterborough", "huntingdonshire"], ["clarionhg.com"], False),
    (
        "Cambridge Women's Aid",
        "specialist-dasv",
        ["cambridge-city", "south-cambridgeshire", "east-cambridgeshire"],
        ["cambridgewa.org.uk"],
        True,
    ),
    ("Refuge – Cambridgeshire IDVA Service", "specialist-dasv", ALL, ["refuge.org.uk"], True),
    ("Cambridge Rape Crisis Centre", "specialist-dasv", ALL, ["cambridgerapecrisis.org.uk"], True),
    ("Peterborough Rape Crisis Care Group", "specialist-dasv", ["peterborough"], ["prccg.org.uk"], True),
    ("Cambridgeshire ISVA Service", "specialist-dasv", ALL, ["cambsisva.example.org.uk"], True),
    (
        "Citizens Advice Cambridge and District",
        "voluntary-community",
        ["cambridge-city", "south-cambridgeshire"],
        ["cambridgecab.org.uk"],
        False,
    ),
    ("Age UK Cambridgeshire and Peterborough", "voluntary-community", ALL, ["ageukcap.org.uk"], False),
    ("Cambridge Central Mosque", "faith", ["cambridge-city"], ["cambridgecentralmosque.org"], False),
    ("Diocese of Ely", "faith", ALL, ["elydiocese.org"], False),
    ("Fenland Business Network", "business", ["fenland"], ["fenlandbusiness.example.co.uk"], False),
]

DEMO_USERS = [
    # email, name, job title, organisation, district slug, group, superuser
    (
        "learner@demo.dasv-learning.example",
        "Priya Shah",
        "Health visitor",
        "Cambridgeshire Community Services NHS Trust",
        "fenland",
        None,
        False,
    ),
    (
        "champion@demo.dasv-learning.example",
        "Daniel Okafor",
        "Neighbourhood officer",
        "Huntingdonshire District Council",
        "huntingdonshire",
        None,
        False,
    ),
    (
        "trainer@demo.dasv-learning.example",
        "Megan Hughes",
        "Domestic abuse trainer",
        "Cambridge Women's Aid",
        "countywide",
        "Trainers",
        False,
    ),
    (
        "manager@demo.dasv-learning.example",
        "Sam Whitfield",
        "DASV training manager",
        "Cambridgeshire County Council – Children's Services",
        "countywide",
        "Training managers",
        False,
    ),
    (
        "partner@demo.dasv-learning.example",
        "Fiona Gallagher",
        "Safeguarding lead",
        "Cambridgeshire Constabulary",
        "countywide",
        "Partner leads",
        False,
    ),
    (
        "admin@demo.dasv-learning.example",
        "Platform Administrator",
        "Platform administrator",
        "Cambridgeshire County Council – Children's Services",
        "countywide",
        None,
        True,
    ),
]


def load(stdout) -> int:
    created = 0
    districts = {d.slug: d for d in District.objects.all()}
    sectors = {s.slug: s for s in Sector.objects.all()}
    for name, sector_slug, served, domains, is_partner in ORGANISATIONS:
        organisation, was_created = Organisation.objects.get_or_create(
            name=name, defaults={"sector": sectors[sector_slug], "is_partner": is_partner}
        )
        if not was_created:
            continue
        created += 1
        slugs = [s for s in districts if s != "outside-the-area"] if served == ALL else served
        organisation.districts_served.set([districts[s] for s in slugs])
        organisation.save()
        for domain in domains:
            OrganisationDomain.objects.get_or_create(organisation=organisation, domain=domain)
    if created:
        stdout.write(f"  created {created} organisations")

    organisations = {o.name: o for o in Organisation.objects.all()}
    new_users = []
    for email, full_name, job_title, organisation, district, group, superuser in DEMO_USERS:
        if User.objects.filter(email=email).exists():
            continue
        user = User.objects.create_user(
            email=email,
            password=DEMO_PASSWORD,
            full_name=full_name,
            job_title=job_title,
            organisation=organisations[organisation],
            district=districts[district],
            is_superuser=superuser,
            is_staff=superuser,
        )
        if group:
            user.groups.add(Group.objects.get(name=group))
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        new_users.append(user)
        created += 1
    if new_users:
        stdout.write(f"  demo users (password for all: {DEMO_PASSWORD}):")
        for user in new_users:
            role = "administrator" if user.is_superuser else (user.groups.first() or "professional")
            stdout.write(f"    {user.email:42} {role}")
    return created
