"""Generate the measures benchmark's data in PostgreSQL: 1,000,000 completions of 200,000 people, fast.

Four financial years (April 2022 to March 2026, sixteen quarters) of:

- 400 organisations (60% partners) across the fixed sectors, and 20 course pages (four specialist DA, one
  champion training) with their topics;
- 200,000 people, each with a work district; every person completes a different number of distinct
  courses (five on average, pairs of people balanced so the total is exactly 1,000,000); one completion in
  ten is recorded under another organisation and district (people move job);
- an enrolment for every completion, plus 200,000 more (withdrawn, or still in progress), and an
  evaluation for three completions in ten;
- 4,000 champions with their status history (approval, lapsing, renewal), 40,000 logged activities,
  20,000 directory contacts and 300 network events with 15,000 attendances.

Reference rows go through the ORM (and Wagtail's page tree); the big tables go in with PostgreSQL's COPY
through psycopg's ``cursor.copy()``, ids assigned here so that rows can point at each other, then the
sequences are moved past them and the tables vacuumed and analysed (as autovacuum would do soon after).
Call ``generate()`` after ``django.setup()`` against an empty, migrated database.
"""

from __future__ import annotations

import datetime
import os
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager

FIRST_DAY = datetime.date(2022, 4, 1)
LAST_DAY = datetime.date(2026, 3, 31)
DAYS = (LAST_DAY - FIRST_DAY).days + 1
COURSES = 20
UTC = datetime.UTC
VERBOSE = bool(os.environ.get("BENCH_VERBOSE"))


BIG_TABLES = (
    "accounts_user",
    "courses_enrolment",
    "courses_completion",
    "courses_evaluation",
    "champions_championstatuschange",
    "champions_championactivity",
    "champions_championcontact",
    "champions_networkattendance",
)


def _copy(cursor, table: str, columns: list[str], rows: Iterator[tuple]) -> int:
    count = 0
    started = time.monotonic()
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    if VERBOSE:
        print(f"    {table}: {count:,} rows in {time.monotonic() - started:.1f} s", flush=True)
    return count


@contextmanager
def bulk_loading(cursor, tables=BIG_TABLES):
    """Load as pg_restore does: secondary indexes dropped during COPY and built afterwards, and the foreign-key
    triggers off (the generator makes consistent rows). Unique and primary-key indexes stay."""
    cursor.execute(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = ANY(%s) AND NOT EXISTS "
        "(SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
        [list(tables)],
    )
    indexes = cursor.fetchall()
    for name, _definition in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    # Unique constraints that no foreign key relies on are rebuilt afterwards too (one sort, not a million
    # random inserts); primary keys stay, and ids are written in order, so their indexes only append.
    cursor.execute(
        "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
        "WHERE c.contype = 'u' AND c.conrelid::regclass::text = ANY(%s) AND NOT EXISTS "
        "(SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)",
        [list(tables)],
    )
    constraints = cursor.fetchall()
    for table, name, _definition in constraints:
        cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    cursor.execute("SET session_replication_role = replica")
    try:
        yield
    finally:
        cursor.execute("SET session_replication_role = DEFAULT")
        started = time.monotonic()
        cursor.execute("SET maintenance_work_mem = '256MB'")
        for _name, definition in indexes:
            cursor.execute(definition)
        for table, name, definition in constraints:
            cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        if VERBOSE:
            print(
                f"    rebuilt {len(indexes)} indexes and {len(constraints)} unique constraints in "
                f"{time.monotonic() - started:.1f} s",
                flush=True,
            )


def _stamp(day: datetime.date, seconds: int) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, tzinfo=UTC) + datetime.timedelta(seconds=seconds)


def reference_data(rng: random.Random, organisations: int) -> tuple[list[tuple[int, int]], list[int], list, list[int]]:
    """Organisations (id, sector id), district ids, courses (id, specialist, champion) and topic ids."""
    from wagtail.models import Page

    from accounts.models import District, Organisation, Sector
    from courses.models import CourseIndexPage, CoursePage, Topic

    sectors = list(Sector.objects.values_list("pk", flat=True))
    Organisation.objects.bulk_create(
        Organisation(
            name=f"Benchmark organisation {n:03d}", sector_id=rng.choice(sectors), is_partner=rng.random() < 0.6
        )
        for n in range(organisations)
    )
    orgs = list(Organisation.objects.values_list("pk", "sector_id"))
    districts = list(District.objects.values_list("pk", flat=True))
    topics = list(Topic.objects.values_list("pk", flat=True))
    catalogue = Page.get_first_root_node().add_child(instance=CourseIndexPage(title="Courses", slug="bench-courses"))
    courses = []
    for n in range(COURSES):
        page = catalogue.add_child(
            instance=CoursePage(
                title=f"Benchmark course {n:02d}",
                slug=f"bench-course-{n:02d}",
                summary="A generated course.",
                counts_as_specialist_da=n % 5 == 0,
                is_champion_training=n == 1,
            )
        )
        page.topics.set(rng.sample(topics, k=1 + n % 3))
        page.save()
        courses.append((page.pk, page.counts_as_specialist_da, page.is_champion_training))
    return orgs, districts, courses, topics


def generate(completions: int = 1_000_000, people: int = 200_000, organisations: int = 400, seed: int = 2026) -> dict:
    """Load the data; returns counts and the seconds it took."""
    from django.db import connection

    started = time.monotonic()
    rng = random.Random(seed)
    orgs, districts, courses, topics = reference_data(rng, organisations)
    if VERBOSE:
        print(f"    reference data in {time.monotonic() - started:.1f} s", flush=True)
    weights = [3, 2, 3, 4, 3, 4, 6, 1]  # the six districts, Countywide, Outside the area
    district_weights = weights[: len(districts)] + [1] * (len(districts) - len(weights))
    counts: dict[str, int] = {}

    with connection.cursor() as django_cursor, bulk_loading(django_cursor.cursor):
        cursor = django_cursor.cursor  # psycopg's own cursor, for COPY
        cursor.execute("SELECT COALESCE(MAX(id), 0) FROM accounts_user")
        first_user = cursor.fetchone()[0] + 1

        # People: where they work today.
        person_org = [rng.randrange(len(orgs)) for _ in range(people)]
        person_district = rng.choices(districts, weights=district_weights, k=people)
        joined = _stamp(FIRST_DAY, 0)

        def user_rows():
            for i in range(people):
                org_id = orgs[person_org[i]][0]
                yield (
                    first_user + i,
                    "!",
                    False,
                    f"person{i}@bench.example",
                    f"Person {i}",
                    "Practitioner",
                    org_id,
                    person_district[i],
                    False,
                    True,
                    joined,
                )

        counts["people"] = _copy(
            cursor,
            "accounts_user",
            [
                "id",
                "password",
                "is_superuser",
                "email",
                "full_name",
                "job_title",
                "organisation_id",
                "district_id",
                "is_staff",
                "is_active",
                "date_joined",
            ],
            user_rows(),
        )

        # How many distinct courses each person completes: five on average, exactly `completions` in all.
        per_person = [completions // people] * people
        for i in range(0, people - 1, 2):
            shift = rng.randint(-4, 4)
            per_person[i] += shift
            per_person[i + 1] -= shift
        per_person[-1] += completions - sum(per_person)

        completion_rows, enrolment_rows, evaluation_rows = [], [], []
        enrolment_id = completion_id = 0
        course_ids = [c[0] for c in courses]
        # Dates and times made once and reused: millions of rows share fewer than 1,500 days.
        days = [FIRST_DAY + datetime.timedelta(days=d) for d in range(DAYS)]
        nine_am = [_stamp(day, 32_400) for day in days]
        ten_am = [_stamp(day, 36_000) for day in days]
        minutes = [datetime.timedelta(seconds=60 * m) for m in range(333)]
        course_range = range(len(courses))
        randrange, random_ = rng.randrange, rng.random
        for i in range(people):
            user_id = first_user + i
            taken = rng.sample(course_range, k=min(per_person[i], len(courses)))
            for index in taken:
                d = randrange(DAYS)
                day = days[d]
                if random_() < 0.1:  # recorded somewhere else: they worked elsewhere then
                    org_index, district = randrange(len(orgs)), districts[randrange(len(districts))]
                else:
                    org_index, district = person_org[i], person_district[i]
                org_id, sector_id = orgs[org_index]
                enrolment_id += 1
                completion_id += 1
                enrolled = nine_am[max(0, d - randrange(60))]
                finished = ten_am[d] + minutes[randrange(333)]
                enrolment_rows.append(
                    (enrolment_id, user_id, course_ids[index], "completed", "self", enrolled, finished)
                )
                completion_rows.append(
                    (
                        completion_id,
                        user_id,
                        course_ids[index],
                        enrolment_id,
                        day,
                        finished,
                        "online",
                        org_id,
                        sector_id,
                        district,
                    )
                )
                if random_() < 0.3:
                    before = 1 + randrange(4)
                    evaluation_rows.append(
                        (
                            completion_id,
                            completion_id,
                            before,
                            min(5, before + randrange(4)),
                            2 + randrange(4),
                            "",
                            finished + minutes[60],
                        )
                    )
            if len(taken) < len(courses):
                # Everyone has one more enrolment that has not been completed: in progress, or withdrawn.
                index = rng.choice([c for c in range(len(courses)) if c not in taken])
                enrolment_id += 1
                status = "active" if rng.random() < 0.5 else "withdrawn"
                enrolled = _stamp(FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS)), 32_400)
                enrolment_rows.append((enrolment_id, user_id, course_ids[index], status, "self", enrolled, None))

        # A live platform appends records as they happen, so the tables are in time order on disk (and ids
        # grow with time): sort each by its date and number it in that order, keeping the links between them.
        enrolment_rows.sort(key=lambda row: row[5])
        new_enrolment = [0] * (enrolment_id + 1)
        for new_id, row in enumerate(enrolment_rows, start=1):
            new_enrolment[row[0]] = new_id
        enrolment_rows = [(new_enrolment[row[0]], *row[1:]) for row in enrolment_rows]
        completion_rows.sort(key=lambda row: row[5])
        new_completion = [0] * (completion_id + 1)
        for new_id, row in enumerate(completion_rows, start=1):
            new_completion[row[0]] = new_id
        completion_rows = [
            (new_completion[row[0]], row[1], row[2], new_enrolment[row[3]], *row[4:]) for row in completion_rows
        ]
        evaluation_rows = sorted(
            ((new_completion[row[1]], *row[2:]) for row in evaluation_rows), key=lambda row: row[-1]
        )
        evaluation_rows = [(n, *row) for n, row in enumerate(evaluation_rows, start=1)]
        del new_enrolment, new_completion

        counts["enrolments"] = _copy(
            cursor,
            "courses_enrolment",
            ["id", "user_id", "course_id", "status", "source", "enrolled_at", "completed_at"],
            iter(enrolment_rows),
        )
        del enrolment_rows
        counts["completions"] = _copy(
            cursor,
            "courses_completion",
            [
                "id",
                "user_id",
                "course_id",
                "enrolment_id",
                "completed_on",
                "completed_at",
                "source",
                "organisation_id",
                "sector_id",
                "district_id",
            ],
            iter(completion_rows),
        )
        counts["evaluations"] = _copy(
            cursor,
            "courses_evaluation",
            ["id", "completion_id", "confidence_before", "confidence_after", "usefulness", "comment", "submitted_at"],
            iter(evaluation_rows),
        )
        counts.update(_champions(cursor, rng, first_user, people, person_org, person_district, orgs, districts, topics))
        del completion_rows, evaluation_rows

        for table in (
            "accounts_user",
            "courses_enrolment",
            "courses_completion",
            "courses_evaluation",
            "champions_championprofile",
            "champions_championstatuschange",
            "champions_championactivity",
            "champions_championcontact",
            "champions_networkevent",
            "champions_networkattendance",
        ):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")
    # VACUUM cannot run in a transaction: a separate autocommit statement per table.
    vacuum_started = time.monotonic()
    with connection.cursor() as cursor:
        for table in ("accounts_user", "courses_enrolment", "courses_completion", "courses_evaluation"):
            cursor.execute(f"VACUUM (ANALYZE) {table}")
        cursor.execute("ANALYZE")
    if VERBOSE:
        print(f"    vacuumed and analysed in {time.monotonic() - vacuum_started:.1f} s", flush=True)
    counts["seconds"] = round(time.monotonic() - started, 1)
    return counts


def _champions(cursor, rng, first_user, people, person_org, person_district, orgs, districts, topics) -> dict[str, int]:
    """Champions and their network: status history, activity, contacts, events and attendance."""
    champions = min(4000, people // 10)
    chosen = rng.sample(range(people), k=champions)
    applied = _stamp(FIRST_DAY, 0)
    profiles = [
        (n + 1, first_user + i, "active", applied, applied, "", "", True, False, "", "", "")
        for n, i in enumerate(chosen)
    ]
    counts = {
        "champions": _copy(
            cursor,
            "champions_championprofile",
            [
                "id",
                "user_id",
                "status",
                "applied_at",
                "status_changed_at",
                "decline_reason",
                "bio",
                "visible_in_directory",
                "share_contact_details",
                "work_email",
                "work_phone",
                "search_text",
            ],
            iter(profiles),
        )
    }

    def place(i):
        org_id, sector_id = orgs[person_org[i]]
        return org_id, sector_id, person_district[i]

    changes = []
    change_id = 0
    for n, i in enumerate(chosen):
        profile_id = n + 1
        org_id, sector_id, district = place(i)
        day = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS - 30))
        history = [("", "applied", day), ("applied", "active", day + datetime.timedelta(days=rng.randrange(1, 30)))]
        if rng.random() < 0.3:
            lapsed = history[-1][2] + datetime.timedelta(days=rng.randrange(90, 700))
            if lapsed <= LAST_DAY:
                history.append(("active", "lapsed", lapsed))
                renewed = lapsed + datetime.timedelta(days=rng.randrange(10, 200))
                if rng.random() < 0.5 and renewed <= LAST_DAY:
                    history.append(("lapsed", "active", renewed))
        for from_status, to_status, on in history:
            change_id += 1
            changes.append(
                (
                    change_id,
                    org_id,
                    sector_id,
                    district,
                    profile_id,
                    first_user + i,
                    from_status,
                    to_status,
                    _stamp(on, 43_200),
                    on,
                    "",
                )
            )
    counts["status_changes"] = _copy(
        cursor,
        "champions_championstatuschange",
        [
            "id",
            "organisation_id",
            "sector_id",
            "district_id",
            "profile_id",
            "user_id",
            "from_status",
            "to_status",
            "changed_at",
            "changed_on",
            "reason",
        ],
        iter(changes),
    )

    def activities():
        for n in range(40_000):
            k = rng.randrange(champions)
            org_id, sector_id, district = place(chosen[k])
            on = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
            yield (
                n + 1,
                org_id,
                sector_id,
                district,
                k + 1,
                first_user + chosen[k],
                on,
                "colleagues_briefed",
                rng.choice(topics) if rng.random() < 0.7 else None,
                rng.randint(1, 40),
                "",
                _stamp(on, 50_000),
            )

    counts["activities"] = _copy(
        cursor,
        "champions_championactivity",
        [
            "id",
            "organisation_id",
            "sector_id",
            "district_id",
            "champion_id",
            "user_id",
            "activity_date",
            "kind",
            "topic_id",
            "people_reached",
            "note",
            "logged_at",
        ],
        activities(),
    )

    def contacts():
        for n in range(20_000):
            sender = rng.randrange(people)
            org_id, sector_id, district = place(sender)
            on = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
            yield (
                n + 1,
                org_id,
                sector_id,
                district,
                first_user + sender,
                rng.randrange(champions) + 1,
                _stamp(on, 40_000),
                on,
            )

    counts["contacts"] = _copy(
        cursor,
        "champions_championcontact",
        ["id", "organisation_id", "sector_id", "district_id", "sender_id", "champion_id", "sent_at", "sent_on"],
        contacts(),
    )

    events = []
    for n in range(300):
        on = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
        events.append(
            (
                n + 1,
                f"Champion forum {n}",
                "forum",
                _stamp(on, 36_000),
                _stamp(on, 43_200),
                "Online",
                "",
                rng.choice(districts),
                "",
            )
        )
    counts["events"] = _copy(
        cursor,
        "champions_networkevent",
        ["id", "title", "kind", "starts_at", "ends_at", "venue", "online_link", "district_id", "description"],
        iter(events),
    )

    def attendance():
        n = 0
        for event_id, *_rest in events:
            for k in rng.sample(range(champions), k=50):
                n += 1
                org_id, sector_id, district = place(chosen[k])
                yield (
                    n,
                    org_id,
                    sector_id,
                    district,
                    event_id,
                    first_user + chosen[k],
                    "register",
                    _stamp(FIRST_DAY, 0),
                )

    counts["attendances"] = _copy(
        cursor,
        "champions_networkattendance",
        ["id", "organisation_id", "sector_id", "district_id", "event_id", "user_id", "source", "recorded_at"],
        attendance(),
    )
    return counts
