"""Build a large, realistic champion network fast, with bulk inserts (for bench_directory.py).

    from benchmarks.directory_data import generate
    generate(champions=10_000, professionals=50_000)

Needs a migrated database with the demo organisations (``accounts.demo``). Adds ~200 more organisations
across every sector, then people named with Faker (en_GB), each working for an organisation in one of the
districts it serves. The first ``champions`` of them have a champion profile: 85% active (four in five of
those listed in the directory), the rest applied, lapsed or withdrawn; one to three specialisms, English
plus up to two other languages, the districts they cover, a short bio, and their status history. The search
text is built by the same function the champion services use. Call it again with ``start`` past the people
already made to add more (emails stay unique).
"""

from __future__ import annotations

import datetime
import random

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

BATCH = 5_000
JOB_TITLES = [
    "Social worker",
    "Police constable",
    "Detective sergeant",
    "Health visitor",
    "Staff nurse",
    "Community mental health nurse",
    "Midwife",
    "GP",
    "Paramedic",
    "Housing officer",
    "Tenancy sustainment officer",
    "Probation officer",
    "Designated safeguarding lead",
    "Teacher",
    "Firefighter",
    "Support worker",
    "Outreach worker",
    "Family support worker",
    "Youth worker",
    "Team manager",
]
BIOS = [
    "I can talk through what you have noticed and help you decide what to do next.",
    "Happy to brief your team on coercive control and how to ask about abuse safely.",
    "Ask me about safety planning, DASH risk assessments and MARAC referrals.",
    "I run short awareness sessions for front-line colleagues.",
    "I support colleagues worried about a family they work with, and those affected themselves.",
    "",
]


def generate(champions: int, professionals: int, *, start: int = 0, seed: int = 2026) -> dict[str, int]:
    """Insert ``champions + professionals`` people (champions first); returns what was made."""
    from faker import Faker

    from accounts.models import District, Organisation, Sector, User
    from champions.models import ChampionProfile, ChampionStatus, ChampionStatusChange, Language
    from champions.services import organisation_search_words, search_text_for
    from courses.models import Topic

    rng = random.Random(seed + start)
    fake = Faker("en_GB")
    fake.seed_instance(seed + start)
    districts = list(District.objects.exclude(slug="outside-the-area"))
    countywide = next(d for d in districts if d.slug == "countywide")
    topics = list(Topic.objects.all())
    languages = list(Language.objects.all())
    english = next(lang for lang in languages if lang.slug == "english")
    others = [lang for lang in languages if lang.slug != "english"]

    with transaction.atomic():
        if start == 0:
            _more_organisations(rng, list(Sector.objects.all()), districts)
        organisations = list(Organisation.objects.select_related("sector").prefetch_related("districts_served"))
        served = {o.pk: list(o.districts_served.all()) or [countywide] for o in organisations}
        password = make_password(None)  # unusable: nobody signs in as a generated person
        now = timezone.now()

        people = []
        for n in range(start, start + champions + professionals):
            organisation = rng.choice(organisations)
            first, last = fake.first_name(), fake.last_name()
            people.append(
                User(
                    email=f"{first.lower()}.{last.lower().replace(' ', '')}.{n}@bench.example".replace("'", ""),
                    full_name=f"{first} {last}",
                    job_title=rng.choice(JOB_TITLES),
                    organisation=organisation,
                    district=rng.choice(served[organisation.pk]),
                    password=password,
                    date_joined=now,
                )
            )
        User.objects.bulk_create(people, batch_size=BATCH)
        if connection.vendor == "sqlite" or any(p.pk is None for p in people):
            emails = [p.email for p in people]
            ids = dict(User.objects.filter(email__in=emails).values_list("email", "pk"))
            for person in people:
                person.pk = ids[person.email]

        organisation_words = {o.pk: organisation_search_words(o) for o in organisations}
        profiles, plans = [], []
        for person in people[:champions]:
            roll = rng.random()
            status = (
                ChampionStatus.ACTIVE
                if roll < 0.85
                else ChampionStatus.APPLIED
                if roll < 0.90
                else ChampionStatus.LAPSED
                if roll < 0.95
                else ChampionStatus.WITHDRAWN
            )
            specialisms = rng.sample(topics, rng.randint(1, 3))
            spoken = [english, *rng.sample(others, rng.choice([0, 0, 0, 1, 2]))]
            covered = [person.district] + ([countywide] if rng.random() < 0.1 and person.district != countywide else [])
            bio = rng.choice(BIOS)
            approved_at = now - datetime.timedelta(days=rng.randint(10, 1000))
            profiles.append(
                ChampionProfile(
                    user=person,
                    status=status,
                    applied_at=approved_at - datetime.timedelta(days=5),
                    status_changed_at=approved_at,
                    bio=bio,
                    visible_in_directory=status == ChampionStatus.ACTIVE and rng.random() < 0.8,
                    search_text=search_text_for(
                        person.full_name,
                        person.job_title,
                        organisation_words[person.organisation_id],
                        bio,
                        [t.name for t in specialisms],
                        [lang.name for lang in spoken],
                        [d.name for d in covered],
                    ),
                )
            )
            plans.append((specialisms, spoken, covered, approved_at))
        ChampionProfile.objects.bulk_create(profiles, batch_size=BATCH)
        if connection.vendor == "sqlite" or any(p.pk is None for p in profiles):
            ids = dict(
                ChampionProfile.objects.filter(user_id__in=[p.user_id for p in profiles]).values_list("user_id", "pk")
            )
            for profile in profiles:
                profile.pk = ids[profile.user_id]

        through = (
            ChampionProfile.specialisms.through,
            ChampionProfile.languages.through,
            ChampionProfile.districts.through,
        )
        links = ([], [], [])
        changes = []
        for profile, (specialisms, spoken, covered, approved_at) in zip(profiles, plans, strict=True):
            links[0].extend(through[0](championprofile_id=profile.pk, topic_id=t.pk) for t in specialisms)
            links[1].extend(through[1](championprofile_id=profile.pk, language_id=lang.pk) for lang in spoken)
            links[2].extend(through[2](championprofile_id=profile.pk, district_id=d.pk) for d in covered)
            person = profile.user
            place = {
                "organisation_id": person.organisation_id,
                "sector_id": person.organisation.sector_id,
                "district_id": person.district_id,
            }
            history = [("", ChampionStatus.APPLIED, profile.applied_at)]
            if profile.status != ChampionStatus.APPLIED:
                history.append((ChampionStatus.APPLIED, ChampionStatus.ACTIVE, approved_at))
            if profile.status in (ChampionStatus.LAPSED, ChampionStatus.WITHDRAWN):
                history.append((ChampionStatus.ACTIVE, profile.status, approved_at + datetime.timedelta(days=5)))
            for from_status, to_status, at in history:
                changes.append(
                    ChampionStatusChange(
                        profile_id=profile.pk,
                        user_id=person.pk,
                        from_status=from_status,
                        to_status=to_status,
                        changed_at=at,
                        changed_on=timezone.localdate(at),
                        **place,
                    )
                )
        for model, rows in zip(through, links, strict=True):
            model.objects.bulk_create(rows, batch_size=BATCH)
        ChampionStatusChange.objects.bulk_create(changes, batch_size=BATCH)
    return {"people": len(people), "champions": len(profiles), "status_changes": len(changes)}


def _more_organisations(rng: random.Random, sectors: list, districts: list) -> None:
    """About 200 more organisations, a few per sector, each serving one to three districts."""
    from accounts.models import Organisation

    kinds = ["Trust", "Services", "Partnership", "Group", "Centre", "Network", "Association", "Practice"]
    places = ["Cambridge", "Ely", "Wisbech", "March", "Huntingdon", "St Ives", "St Neots", "Peterborough", "Soham"]
    made = []
    for n in range(200):
        sector = sectors[n % len(sectors)]
        made.append(
            Organisation(
                name=f"{rng.choice(places)} {sector.name.split('(')[0].strip()} {rng.choice(kinds)} {n}",
                sector=sector,
                is_partner=rng.random() < 0.5,
            )
        )
    Organisation.objects.bulk_create(made)
    made = list(Organisation.objects.filter(name__in=[o.name for o in made]))
    through = Organisation.districts_served.through
    through.objects.bulk_create(
        [
            through(organisation_id=o.pk, district_id=d.pk)
            for o in made
            for d in rng.sample(districts, rng.randint(1, 3))
        ]
    )
