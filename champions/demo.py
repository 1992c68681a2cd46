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

from allauth.account.models import EmailAddress
from django.db.models import Q
from django.utils import timezone

from accounts.models import District, Organisation, User
from courses import selectors as course_selectors
from courses.certificates import issue_certificate
from courses.models import Completion, CoursePage, Topic
from home.models import HomePage

from . import services
from .models import (
    ChampionActivity,
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

# 46 people: full name, job title. Organisations, districts and specialisms are spread over them in turn.
PEOPLE = [
    ("Aisha Rahman", "Housing officer"),
    ("Ben Carter", "Police sergeant"),
    ("Chloe Nguyen", "Health visitor"),
    ("Daniel Price", "Probation officer"),
    ("Eilidh Campbell", "Emergency department nurse"),
    ("Farhan Malik", "Community mental health nurse"),
    ("Grace Adeyemi", "Designated safeguarding lead"),
    ("Harry Whitmore", "Firefighter"),
    ("Ioana Popescu", "Tenancy sustainment officer"),
    ("Jack Thornton", "Neighbourhood policing officer"),
    ("Kasia Nowak", "Family support worker"),
    ("Liam O'Connor", "Paramedic"),
    ("Maya Patel", "GP practice manager"),
    ("Nadia Haddad", "Independent domestic violence adviser"),
    ("Oliver Grant", "Youth offending officer"),
    ("Priya Kaur", "Midwife"),
    ("Rebecca Hughes", "Social worker"),
    ("Samuel Osei", "Adult social care practitioner"),
    ("Tomasz Kowalski", "Housing options adviser"),
    ("Uma Chaudhry", "Pastoral lead"),
    ("Victoria Bell", "ISVA"),
    ("William Chen", "Pharmacist"),
    ("Yasmin Ali", "Outreach worker"),
    ("Zoe Fletcher", "School nurse"),
    ("Adam Brooks", "Community safety officer"),
    ("Bethany Moore", "Ward manager"),
    ("Callum Reid", "Detective constable"),
    ("Deborah Lewis", "Advice caseworker"),
    ("Emre Yilmaz", "Community chaplain"),
    ("Fiona Murray", "Early help practitioner"),
    ("Gabriel Santos", "Support worker"),
    ("Hannah Scott", "Team leader, housing"),
    ("Imran Hussain", "Imam and community leader"),
    ("Jessica Ward", "Practice nurse"),
    ("Kwame Mensah", "Probation service officer"),
    ("Laura Jenkins", "Family liaison officer"),
    ("Mohammed Farah", "Youth worker"),
    ("Natalia Ivanova", "Interpreter coordinator"),
    ("Owen Davies", "Fire safety officer"),
    ("Rosa Martinez", "Refuge support worker"),
    ("Sophie Turner", "Head of year"),
    ("Thomas Byrne", "HR business partner"),
    ("Agnieszka Wiśniewska", "Health care assistant"),
    ("Ravi Sharma", "Occupational therapist"),
    ("Elena Petrova", "Community development worker"),
    ("Jonah Feld", "Business owner"),
]
# Indexes into PEOPLE with a different story from the plain active, visible champion.
HIDDEN = {5, 17, 29}  # active, but chose not to appear in the directory
APPLIED = {44}  # waiting for a training manager's decision
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
EVENTS = [
    # title, kind, days from today, hours, venue, online, district slug, attendee indexes (into PEOPLE)
    (
        "Spring champion forum",
        "forum",
        -75,
        3,
        "Huntingdon Library, Princes Street",
        "",
        "huntingdonshire",
        range(0, 18),
    ),
    (
        "Briefing: the Domestic Abuse Act and coercive control",
        "briefing",
        -40,
        2,
        "",
        "https://meet.example.org/champions-briefing",
        "countywide",
        range(10, 30, 2),
    ),
    (
        "Group supervision for champions",
        "supervision",
        -12,
        2,
        "",
        "https://meet.example.org/champions-supervision",
        "countywide",
        [0, 3, 6, 9, 12, 15],
    ),
    ("Summer champion forum", "forum", 21, 3, "Fenland Hall, County Road, March", "", "fenland", []),
    (
        "Briefing: responding to stalking",
        "briefing",
        35,
        2,
        "",
        "https://meet.example.org/stalking-briefing",
        "countywide",
        [],
    ),
]


def load(stdout) -> int:
    course = course_selectors.champion_training_courses().order_by("pk").first()
    manager = User.objects.filter(email=MANAGER_EMAIL).first()
    if course is None or manager is None:
        stdout.write("  skipped the champion network: no champion-training course or demo manager yet")
        return 0
    created = _directory_page()
    today = timezone.localdate()
    new_people = _people(course, manager, today)
    created += new_people
    if new_people:
        stdout.write(f"  created {new_people} demo champions and applicants")
    created += _demo_champion(course, manager, today)
    events = _events(manager, today)
    created += events
    if events:
        stdout.write(f"  created {events} network events, with attendance")
    created += _contacts_and_activity(today)
    return created


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
    completion, _ = Completion.objects.get_or_create(
        user=user,
        course=course,
        completed_on=completed_on,
        defaults={
            "completed_at": _at(completed_on, 15),
            "source": Completion.Source.ONLINE,
            "organisation": user.organisation,
            "sector_id": user.organisation.sector_id if user.organisation else None,
            "district": user.district,
        },
    )
    issue_certificate(completion)


def _email(full_name: str) -> str:
    local = "".join(c for c in full_name.lower().replace(" ", ".") if c.isascii() and (c.isalnum() or c == "."))
    return f"{local}@{DEMO_DOMAIN}"


def _people(course: CoursePage, manager: User, today: datetime.date) -> int:
    if User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}").exists():
        return 0
    organisations = list(Organisation.objects.select_related("sector").prefetch_related("districts_served"))
    if not organisations:
        return 0
    districts = {d.slug: d for d in District.objects.all()}
    topics = {t.slug: t for t in Topic.objects.all()}
    languages = {lang.slug: lang for lang in Language.objects.all()}
    english = languages["english"]
    created = 0
    for n, (full_name, job_title) in enumerate(PEOPLE):
        organisation = organisations[(n * 7) % len(organisations)]
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
        created += 1
        # Trained at different times over the last three years, so the history has new champions every quarter.
        completed_on = today - datetime.timedelta(days=30 + (n * 23) % 1000)
        if n in LAPSED:
            completed_on = today - datetime.timedelta(days=3 * 365 + 40)
        _certify(user, course, completed_on)
        applied_at = _at(completed_on + datetime.timedelta(days=2))
        profile = services.apply(user, at=applied_at)
        created += 1
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
            expired_on = course_selectors.valid_champion_certificate(user, completed_on)
            lapse_day = expired_on.expires_on + datetime.timedelta(days=1) if expired_on else today
            services.lapse(profile, at=_at(lapse_day, 2), notify=False)
    return created


def _demo_champion(course: CoursePage, manager: User, today: datetime.date) -> int:
    """The demo champion user: an active champion in the directory, sharing their details with other champions."""
    user = User.objects.filter(email=CHAMPION_EMAIL).first()
    if user is None or ChampionProfile.objects.filter(user=user, status=ChampionStatus.ACTIVE).exists():
        return 0
    created = 0
    if course_selectors.valid_champion_certificate(user, today) is None:
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
    profile = services.apply(user, at=applied_at)  # a lapsed champion with a valid certificate is restored
    created += 1
    if profile.status == ChampionStatus.APPLIED:
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


def _events(manager: User, today: datetime.date) -> int:
    if NetworkEvent.objects.exists():
        return 0
    people = {u.email: u for u in User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}").select_related("organisation")}
    demo_champion = User.objects.filter(email=CHAMPION_EMAIL).first()
    districts = {d.slug: d for d in District.objects.all()}
    created = 0
    for title, kind, days, hours, venue, online, district_slug, attendee_indexes in EVENTS:
        starts_at = _at(today + datetime.timedelta(days=days), 10)
        event = NetworkEvent.objects.create(
            title=title,
            kind=kind,
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=hours),
            venue=venue,
            online_link=online,
            district=districts.get(district_slug),
            created_by=manager,
            description="For Domestic Abuse Champions across the partnership.",
        )
        created += 1
        attendees = [people[_email(PEOPLE[i][0])] for i in attendee_indexes if _email(PEOPLE[i][0]) in people]
        if attendees and demo_champion and days < 0 and kind != "supervision":
            attendees.append(demo_champion)
        if attendees:
            added, _ = services.set_register(event, attendees, by=manager)
            created += added
    return created


def _contacts_and_activity(today: datetime.date) -> int:
    """Some professionals contacted champions through the directory; champions logged what they did."""
    champions = list(
        ChampionProfile.objects.filter(status=ChampionStatus.ACTIVE, visible_in_directory=True)
        .select_related("user")
        .order_by("pk")
    )
    if not champions or ChampionContact.objects.exists():
        return 0
    senders = list(
        User.objects.filter(Q(email=LEARNER_EMAIL) | Q(email__endswith=f"@{DEMO_DOMAIN}"))
        .exclude(champion_profile__status=ChampionStatus.ACTIVE)
        .select_related("organisation")
    )
    created = 0
    # Contact records only: the demo sends no email, and a real message text is never stored anyway.
    for n, (sender, champion) in enumerate(zip(itertools.cycle(senders), champions[:18], strict=False)):
        sent_at = _at(today - datetime.timedelta(days=3 + n * 9), 11)
        contact = ChampionContact(sender=sender, champion=champion, sent_at=sent_at, sent_on=sent_at.date())
        contact.copy_place_from(sender)
        contact.save()
        created += 1
    topics = list(Topic.objects.order_by("sort_order"))
    kinds = [
        (ChampionActivity.Kind.BRIEFED, 12, "Team meeting briefing"),
        (ChampionActivity.Kind.ADVISED, 1, "Advised a colleague"),
        (ChampionActivity.Kind.AWARENESS_EVENT, 45, "Awareness stand in the staff canteen"),
    ]
    for n, champion in enumerate(champions[:30]):
        for k in range(1 + n % 3):
            kind, reached, note = kinds[(n + k) % len(kinds)]
            day = today - datetime.timedelta(days=5 + n * 7 + k * 11)
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
            created += 1
    return created
