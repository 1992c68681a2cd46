"""Demo champion network: the directory page, 46 champions across districts, sectors and specialisms,
network events with attendance, contacts and activity. The demo champion (Daniel Okafor) becomes an
active, visible champion.

Every champion holds a certificate of the demo champion-training course, issued by the certificates
service for a completion dated in the past; approvals go through ``champions.services`` (without
emailing anyone), so the status history is as real as the measures need. Safe to run again: people,
events and the page that exist are left alone.
"""

from __future__ import annotations

import datetime
import itertools
import random

from allauth.account.models import EmailAddress
from django.db.models import Q
from django.utils import timezone

from accounts.models import District, Organisation, User
from courses.certificates import selectors as certificate_selectors
from courses.certificates.services import issue_certificate
from courses.learning import services as learning_services
from courses.models import Completion, CoursePage, Topic
from home.models import HomePage

from . import agreements, check_ins, services
from .models import (
    ChampionActivity,
    ChampionCheckIn,
    ChampionContact,
    ChampionDirectoryPage,
    ChampionProfile,
    ChampionStatus,
    Language,
    NetworkEvent,
)

DEMO_DOMAIN = "champions.demo.dasv-learning.example"
CHAMPION_EMAIL = "champion@demo.dasv-learning.example"
LEARNER_EMAIL = "learner@demo.dasv-learning.example"
MANAGER_EMAIL = "manager@demo.dasv-learning.example"
DIRECTORY_INTRO = (
    "<p>Find a Domestic Abuse Champion near you: a colleague trained to help you recognise and respond to "
    "domestic abuse, and to point you to the right specialist service.</p>"
)

# 46 people. Organisations, districts and specialisms are spread over them in turn; each person's job title
# is one that their organisation's sector has (JOB_TITLES), so nobody is a police sergeant at an NHS trust.
PEOPLE = [
    "Aisha Rahman",
    "Ben Carter",
    "Chloe Nguyen",
    "Daniel Price",
    "Eilidh Campbell",
    "Farhan Malik",
    "Grace Adeyemi",
    "Harry Whitmore",
    "Ioana Popescu",
    "Jack Thornton",
    "Kasia Nowak",
    "Liam O'Connor",
    "Maya Patel",
    "Nadia Haddad",
    "Oliver Grant",
    "Priya Kaur",
    "Rebecca Hughes",
    "Samuel Osei",
    "Tomasz Kowalski",
    "Uma Chaudhry",
    "Victoria Bell",
    "William Chen",
    "Yasmin Ali",
    "Zoe Fletcher",
    "Adam Brooks",
    "Bethany Moore",
    "Callum Reid",
    "Deborah Lewis",
    "Emre Yilmaz",
    "Fiona Murray",
    "Gabriel Santos",
    "Hannah Scott",
    "Imran Hussain",
    "Jessica Ward",
    "Kwame Mensah",
    "Laura Jenkins",
    "Mohammed Farah",
    "Natalia Ivanova",
    "Owen Davies",
    "Rosa Martinez",
    "Sophie Turner",
    "Thomas Byrne",
    "Agnieszka Wiśniewska",
    "Ravi Sharma",
    "Elena Petrova",
    "Jonah Feld",
]
JOB_TITLES = {
    "police": ["Police sergeant", "Detective constable", "Neighbourhood policing officer", "Police constable"],
    "probation-justice": ["Probation officer", "Probation service officer", "Youth offending officer"],
    "la-childrens-social-care": ["Social worker", "Family support worker", "Early help practitioner"],
    "la-adult-social-care": ["Adult social care practitioner", "Occupational therapist", "Social worker"],
    "la-housing": ["Housing options adviser", "Housing officer", "Tenancy sustainment officer"],
    "la-other": ["Community safety officer", "Community development worker", "Family support worker"],
    "nhs-acute": ["Emergency department nurse", "Midwife", "Ward manager", "Safeguarding nurse"],
    "nhs-mental-health": ["Community mental health nurse", "Occupational therapist", "Psychologist"],
    "nhs-community": ["Health visitor", "School nurse", "District nurse", "Health care assistant"],
    "nhs-ambulance": ["Paramedic", "Emergency medical technician", "Emergency call handler"],
    "nhs-primary-care": ["Practice nurse", "GP practice manager", "Pharmacist", "General practitioner"],
    "integrated-care-board": ["Designated nurse for safeguarding", "Safeguarding lead", "Commissioning manager"],
    "education": ["Designated safeguarding lead", "Head of year", "Pastoral lead", "Student welfare officer"],
    "fire-rescue": ["Firefighter", "Fire safety officer", "Watch manager"],
    "housing-association": ["Tenancy sustainment officer", "Housing officer", "Team leader, housing"],
    "specialist-dasv": ["Outreach worker", "Children and young people's worker", "Service manager"],
    "voluntary-community": ["Advice caseworker", "Support worker", "Volunteer coordinator"],
    "faith": ["Community chaplain", "Pastoral care coordinator"],
    "business": ["HR business partner", "Business owner", "Office manager"],
}
# Where the organisation's own work decides the title better than its sector (by a word in its name).
JOB_TITLES_BY_NAME = {
    "Women's Aid": ["Refuge support worker", "Outreach worker", "Independent domestic violence adviser"],
    "IDVA": ["Independent domestic violence adviser", "IDVA team leader"],
    "Rape Crisis": ["ISVA", "Counsellor", "Helpline support worker"],
    "ISVA": ["ISVA", "Children and young people's ISVA"],
    "Mosque": ["Imam and community leader", "Mosque welfare officer"],
    "Diocese": ["Parish priest", "Community chaplain"],
}


def job_titles_for(organisation: Organisation) -> list[str]:
    """The job titles a demo person may have at this organisation."""
    for word, titles in JOB_TITLES_BY_NAME.items():
        if word in organisation.name:
            return titles
    return JOB_TITLES[organisation.sector.slug]


# Indexes into PEOPLE with a different story from the plain active, visible champion.
HIDDEN = {5, 17, 29}  # active, but chose not to appear in the directory
APPLIED = {43, 44}  # waiting for a training manager's decision
CHECK_IN_ASKED = {7, 8}  # approved a year and 5 days ago: asked for their yearly check-in, not answered yet
CHECK_IN_LATE = {10, 11}  # approved a year and 40 days ago: 10 confirmed; 11 did not, so is hidden from the directory
MANAGER_WAITING = {44}  # ...and for their line manager's answer to the role agreement (43's manager agreed)
LAPSED = {45}  # certificate expired (completed more than three years ago)
SHARING = {0, 1, 2, 3, 6, 9, 13, 20, 27, 33}  # share work email and phone with other champions
LANGUAGE_SETS = [
    [],
    ["polish"],
    ["urdu", "punjabi"],
    [],
    ["portuguese"],
    ["lithuanian"],
    [],
    ["arabic", "kurdish"],
    ["romanian"],
    ["british-sign-language"],
    [],
    ["bengali"],
]
TOPIC_SETS = [
    ["domestic_abuse"],
    ["domestic_abuse", "stalking_harassment"],
    ["sexual_violence"],
    ["honour_based_abuse", "forced_marriage"],
    ["domestic_abuse", "child_sexual_exploitation"],
    ["fgm"],
    ["domestic_abuse", "sexual_violence"],
    ["trafficking_prostitution"],
    ["stalking_harassment"],
    ["domestic_abuse", "honour_based_abuse", "fgm"],
]
BIOS = [
    "I can talk through what you have noticed and help you decide what to do next, including a DASH "
    "risk assessment and a MARAC referral.",
    "Happy to brief your team on coercive control and how to ask about abuse safely.",
    "I support colleagues who are worried about a family they work with, and those affected themselves.",
    "Ask me about safety planning, and about the specialist services in the north of the county.",
    "I run short awareness sessions for front-line staff and can come to your team meeting.",
]
# A year of network events, some still to come: a forum each season, a briefing every two months and group
# supervision every six weeks, on a Tuesday to Thursday outside the Christmas break. Titles that name a season
# take it from the date.
FORUM_VENUES = [
    ("Huntingdon Library, Princes Street, Huntingdon", "huntingdonshire"),
    ("Fenland Hall, County Road, March", "fenland"),
    ("Cambridge Central Library, Lion Yard, Cambridge", "cambridge-city"),
    ("Peterborough Town Hall, Bridge Street, Peterborough", "peterborough"),
    ("The Maltings, Ship Lane, Ely", "east-cambridgeshire"),
]
BRIEFINGS = [
    "the Domestic Abuse Act and coercive control",
    "responding to stalking",
    "economic abuse",
    "honour-based abuse and forced marriage",
    "abuse of older people",
    "technology-facilitated abuse",
    "child to parent abuse",
]
SEASONS = {12: "Winter", 1: "Winter", 2: "Winter", 3: "Spring", 4: "Spring", 5: "Spring", 6: "Summer", 7: "Summer"}
SEASONS |= {8: "Summer", 9: "Autumn", 10: "Autumn", 11: "Autumn"}


def season(day: datetime.date) -> str:
    """The season of a day as people in the UK name it (meteorological: winter is December to February)."""
    return SEASONS[day.month]


def _meeting_day(day: datetime.date) -> datetime.date:
    """The first Tuesday, Wednesday or Thursday from ``day`` that is not in the Christmas and New Year break."""
    while day.weekday() not in (1, 2, 3) or (day.month, day.day) >= (12, 18) or (day.month, day.day) <= (1, 5):
        day += datetime.timedelta(days=1)
    return day


def event_plan(today: datetime.date) -> list[dict]:
    """The demo's network events, from a year ago to two months ahead, in date order."""
    plan = []
    first, last = today - datetime.timedelta(days=358), today + datetime.timedelta(days=60)
    taken: set[datetime.date] = set()

    def every(days: int, offset: int):
        day = first + datetime.timedelta(days=offset)
        while day <= last:
            meeting = _meeting_day(day)
            while meeting in taken:  # one event a day
                meeting = _meeting_day(meeting + datetime.timedelta(days=1))
            taken.add(meeting)
            yield meeting
            day += datetime.timedelta(days=days)

    for n, day in enumerate(every(91, 20)):
        venue, district = FORUM_VENUES[n % len(FORUM_VENUES)]
        plan.append(
            {"title": f"{season(day)} champion forum", "kind": "forum", "day": day, "hours": 3, "venue": venue}
            | {"online_link": "", "district": district}
        )
    for n, day in enumerate(every(61, 35)):
        plan.append(
            {"title": f"Briefing: {BRIEFINGS[n % len(BRIEFINGS)]}", "kind": "briefing", "day": day, "hours": 2}
            | {"venue": "", "online_link": "https://meet.example.org/champions-briefing", "district": "countywide"}
        )
    for day in every(56, 10):
        plan.append(
            {"title": "Group supervision for champions", "kind": "supervision", "day": day, "hours": 2}
            | {"venue": "", "online_link": "https://meet.example.org/champions-supervision", "district": "countywide"}
        )
    return sorted(plan, key=lambda event: (event["day"], event["title"]))


def load(stdout) -> int:
    course = certificate_selectors.champion_training_courses().order_by("pk").first()
    manager = User.objects.filter(email=MANAGER_EMAIL).first()
    if course is None or manager is None:
        stdout.write("  skipped the champion network: no champion-training course or demo manager yet")
        return 0
    created = _directory_page()
    today = timezone.localdate()
    people, profiles = _people(course, manager, today)
    created += people + profiles
    if people:
        stdout.write(f"  created {people} demo champions and applicants, each with a certificate and a profile")
    created += _demo_champion(course, manager, today)
    events, attendances = _events(manager, today)
    created += events + attendances
    if events:
        stdout.write(f"  created {events} network events and {attendances} attendances")
    contacts, activities = _contacts_and_activity(today)
    created += contacts + activities
    if contacts or activities:
        stdout.write(f"  recorded {contacts} contacts through the directory and {activities} champion activities")
    asked = _check_ins(today)
    created += asked
    if asked:
        stdout.write(f"  asked {asked} champions for their yearly check-in (one left unanswered and hidden)")
    return created


def _check_ins(today: datetime.date) -> int:
    """Yearly check-ins, without email: champions whose anniversary fell in the last 30 days are asked (among
    them CHECK_IN_ASKED); of CHECK_IN_LATE, asked 40 days ago, one confirmed and one did not, so is hidden."""
    if ChampionCheckIn.objects.exists():
        return 0
    asked = check_ins.send_check_ins(today, notify=False)
    late = ChampionProfile.objects.filter(
        user__email__in=[_email(PEOPLE[n]) for n in sorted(CHECK_IN_LATE)], status=ChampionStatus.ACTIVE
    ).order_by("pk")
    for n, profile in enumerate(late):
        approved_on = profile.status_changes.filter(to_status=ChampionStatus.ACTIVE).latest("changed_at").changed_on
        due_on = check_ins.anniversary_on_or_before(approved_on, today)
        check_in = ChampionCheckIn.objects.create(profile=profile, due_on=due_on, sent_at=_at(due_on, 8))
        if n == 0:
            check_ins.confirm(check_in, by=profile.user, at=_at(due_on + datetime.timedelta(days=3)))
        asked += 1
    check_ins.hide_unanswered(today, notify=False)
    return asked


def _directory_page() -> int:
    if ChampionDirectoryPage.objects.exists():
        return 0
    home = HomePage.objects.first()
    if home is None:
        return 0
    page = home.add_child(
        instance=ChampionDirectoryPage(title="Champion directory", slug="champion-directory", intro=DIRECTORY_INTRO)
    )
    page.save_revision().publish()
    return 1


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=timezone.get_default_timezone())


def _certify(user: User, course: CoursePage, completed_on: datetime.date) -> None:
    # Issued here, without the task's PDF and email: 46 renderings would make the demo slow, and nobody reads them.
    completion = learning_services.record_completion(
        user, course, completed_at=_at(completed_on, 15), queue_certificate=False
    )
    issue_certificate(completion)


MANAGER_NAMES = ["Helen Ashworth", "Marcus Doyle", "Sarah Lindqvist", "Tariq Hussain", "Joanne Fielding"]


def _line_manager(n: int, organisation: Organisation) -> dict[str, str]:
    """Each demo applicant's line manager (an address on the demo domain: nobody real is ever emailed)."""
    name = MANAGER_NAMES[n % len(MANAGER_NAMES)]
    return {"manager_name": name, "manager_email": _email(f"{name} {organisation.pk}")}


def _email(full_name: str) -> str:
    local = "".join(c for c in full_name.lower().replace(" ", ".") if c.isascii() and (c.isalnum() or c == "."))
    return f"{local}@{DEMO_DOMAIN}"


def _people(course: CoursePage, manager: User, today: datetime.date) -> tuple[int, int]:
    """The demo champions and applicants, each with a certificate and a profile: returns (people, profiles)."""
    if User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}").exists():
        return 0, 0
    organisations = list(Organisation.objects.select_related("sector").prefetch_related("districts_served"))
    if not organisations:
        return 0, 0
    districts = {d.slug: d for d in District.objects.all()}
    topics = {t.slug: t for t in Topic.objects.all()}
    languages = {lang.slug: lang for lang in Language.objects.all()}
    english = languages["english"]
    people = profiles = 0
    for n, full_name in enumerate(PEOPLE):
        organisation = organisations[(n * 7) % len(organisations)]
        titles = job_titles_for(organisation)
        job_title = titles[n % len(titles)]
        served = sorted(organisation.districts_served.all(), key=lambda d: d.sort_order) or [districts["countywide"]]
        work_district = served[n % len(served)]
        user = User.objects.create_user(
            email=_email(full_name),
            password=None,
            full_name=full_name,
            job_title=job_title,
            organisation=organisation,
            district=work_district,
        )
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        people += 1
        # Trained at different times over the last three years, so the history has new champions every quarter.
        completed_on = today - datetime.timedelta(days=30 + (n * 23) % 1000)
        if n in LAPSED:
            completed_on = today - datetime.timedelta(days=3 * 365 + 40)
        if n in CHECK_IN_ASKED | CHECK_IN_LATE:  # approved 7 days after completing (below)
            completed_on = today - datetime.timedelta(days=365 + 7 + (5 if n in CHECK_IN_ASKED else 40))
        _certify(user, course, completed_on)
        applied_at = _at(completed_on + datetime.timedelta(days=2))
        profile = services.apply(user, at=applied_at, notify=False, **_line_manager(n, organisation))
        profiles += 1
        if n in MANAGER_WAITING:
            continue
        agreements.answer(
            agreements.current_agreement(profile), agreed=True, at=applied_at + datetime.timedelta(days=1), notify=False
        )
        if n in APPLIED:
            continue
        profile = services.approve(profile, by=manager, at=applied_at + datetime.timedelta(days=5), notify=False)
        covered = [work_district] + (
            [districts["countywide"]] if n % 5 == 0 and work_district.slug != "countywide" else []
        )
        services.update_profile(
            profile,
            bio=BIOS[n % len(BIOS)],
            specialisms=[topics[slug] for slug in TOPIC_SETS[n % len(TOPIC_SETS)]],
            languages=[english, *(languages[slug] for slug in LANGUAGE_SETS[n % len(LANGUAGE_SETS)])],
            districts=covered,
            visible_in_directory=n not in HIDDEN,
            share_contact_details=n in SHARING,
            work_phone=f"01632 960{n:03d}" if n in SHARING else "",  # Ofcom's range for drama: never a real line
        )
        if n in LAPSED:
            expired_on = certificate_selectors.valid_champion_certificate(user, completed_on)
            lapse_day = expired_on.expires_on + datetime.timedelta(days=1) if expired_on else today
            services.lapse(profile, at=_at(lapse_day, 2), notify=False)
    return people, profiles


def _demo_champion(course: CoursePage, manager: User, today: datetime.date) -> int:
    """The demo champion user: an active champion in the directory, sharing their details with other champions."""
    user = User.objects.filter(email=CHAMPION_EMAIL).first()
    if user is None or ChampionProfile.objects.filter(user=user, status=ChampionStatus.ACTIVE).exists():
        return 0
    created = 0
    if certificate_selectors.valid_champion_certificate(user, today) is None:
        # The courses demo completed the course through its services; its certificate is issued when the
        # demo's transaction commits, so issue it now (the certificates service returns an existing one).
        completion = Completion.objects.filter(user=user, course=course).order_by("-completed_on").first()
        if completion is None:
            _certify(user, course, today - datetime.timedelta(days=60))
        else:
            issue_certificate(completion)
        created += 1
    completion = Completion.objects.filter(user=user, course=course).order_by("-completed_on").first()
    applied_at = max(completion.completed_at, timezone.now() - datetime.timedelta(days=58))
    # A lapsed champion with a valid certificate is restored; a new applicant names their line manager.
    profile = services.apply(
        user, at=applied_at, notify=False, manager_name="Sam Whitfield", manager_email=f"sam.whitfield@{DEMO_DOMAIN}"
    )
    created += 1
    if profile.status == ChampionStatus.APPLIED:
        agreement = agreements.current_agreement(profile)
        if agreement.outcome == agreement.Outcome.WAITING:
            agreements.answer(agreement, agreed=True, at=applied_at, notify=False)
        approved_at = min(applied_at + datetime.timedelta(days=3), timezone.now())
        profile = services.approve(profile, by=manager, at=approved_at, notify=False)
    districts = District.objects.filter(slug__in=["huntingdonshire", "countywide"])
    services.update_profile(
        profile,
        bio="Neighbourhood officer in Huntingdonshire. I can help you think through a worrying situation and "
        "make a referral, and I brief housing teams on spotting the signs of abuse.",
        specialisms=Topic.objects.filter(slug__in=["domestic_abuse", "stalking_harassment"]),
        languages=Language.objects.filter(slug__in=["english", "french"]),
        districts=districts,
        visible_in_directory=True,
        share_contact_details=True,
        work_phone="01632 960999",
    )
    return created


def _events(manager: User, today: datetime.date) -> tuple[int, int]:
    """The year's events (see :func:`event_plan`); past ones have a register of champions active by then.

    Returns (events, attendances) created.
    """
    if NetworkEvent.objects.exists():
        return 0, 0
    champions = list(ChampionProfile.objects.filter(status=ChampionStatus.ACTIVE).select_related("user").order_by("pk"))
    districts = {d.slug: d for d in District.objects.all()}
    share = {"forum": 0.5, "briefing": 0.3, "supervision": 0.15}  # of the champions active by the day
    events = attendances = 0
    for n, planned in enumerate(event_plan(today)):
        starts_at = _at(planned["day"], 10)
        event = NetworkEvent.objects.create(
            title=planned["title"],
            kind=planned["kind"],
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=planned["hours"]),
            venue=planned["venue"],
            online_link=planned["online_link"],
            district=districts.get(planned["district"]),
            created_by=manager,
            description="For Domestic Abuse Champions across the partnership.",
        )
        events += 1
        if planned["day"] >= today:
            continue
        active_then = [c.user for c in champions if c.status_changed_at < starts_at]
        rng = random.Random(n)  # the same registers on every machine
        wanted = max(3, round(len(active_then) * share[event.kind]))
        attendees = rng.sample(active_then, k=min(len(active_then), wanted))
        if attendees:
            added, _ = services.set_register(event, attendees, by=manager)
            attendances += added
    return events, attendances


def _contacts_and_activity(today: datetime.date) -> tuple[int, int]:
    """Over the year, professionals contacted champions through the directory, and champions logged what they
    did. Returns (contacts, activity logs) created."""
    champions = list(
        ChampionProfile.objects.filter(status=ChampionStatus.ACTIVE, visible_in_directory=True)
        .select_related("user")
        .order_by("pk")
    )
    if not champions or ChampionContact.objects.exists():
        return 0, 0
    senders = list(
        User.objects.filter(Q(email=LEARNER_EMAIL) | Q(email__endswith=f"@{DEMO_DOMAIN}"))
        .exclude(champion_profile__status=ChampionStatus.ACTIVE)
        .select_related("organisation")
    )
    contacts = activities = 0
    # Contact records only: the demo sends no email, and a real message text is never stored anyway.
    for n, (sender, champion) in enumerate(zip(itertools.cycle(senders), champions[:18], strict=False)):
        sent_at = _at(today - datetime.timedelta(days=3 + n * 19), 11)
        contact = ChampionContact(sender=sender, champion=champion, sent_at=sent_at, sent_on=sent_at.date())
        contact.copy_place_from(sender)
        contact.save()
        contacts += 1
    topics = list(Topic.objects.order_by("sort_order"))
    kinds = [
        (ChampionActivity.Kind.BRIEFED, 12, "Team meeting briefing"),
        (ChampionActivity.Kind.ADVISED, 1, "Advised a colleague"),
        (ChampionActivity.Kind.AWARENESS_EVENT, 45, "Awareness stand in the staff canteen"),
    ]
    for n, champion in enumerate(champions[:30]):
        for k in range(1 + n % 3):
            kind, reached, note = kinds[(n + k) % len(kinds)]
            day = today - datetime.timedelta(days=5 + n * 11 + k * 13)
            if day < timezone.localdate(champion.status_changed_at):
                continue
            services.log_activity(
                champion,
                activity_date=day,
                kind=kind,
                people_reached=reached + (n % 4),
                topic=topics[(n + k) % len(topics)],
                note=note,
            )
            activities += 1
    return contacts, activities
