"""Benchmark ``import_completions``: 100,000 rows of history in under 60 s, on SQLite and on PostgreSQL.

    make bench ONLY=import                                                   # SQLite (a throwaway file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres make bench ONLY=import   # PostgreSQL

It builds a fresh database (a temporary SQLite file, or a scratch PostgreSQL
database created next to the one in DATABASE_URL and dropped at the end),
loads the demo organisations and one course page per demo course, and writes
a realistic CSV to a temporary folder: ~20,000 people across the demo
organisations (named with Faker, addresses at their organisation's domain),
five completions each on average over the last four years, some recorded
under an earlier employer, names and districts in mixed case and spacing as
spreadsheets have them.

Each repeat imports the file into the empty history, then imports it again
(which must add nothing), and removes what it imported. It prints the median
of each, rows per second, and the ratio to a baseline measured in the same
run: reading the same file with Python's csv module, the floor for any
importer on this machine. It exits non-zero if the median import takes 60 s
or more, or if the re-import adds anything.

Settings: BENCH_ROWS (100000), BENCH_PEOPLE (20000), BENCH_REPEATS (3).
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from harness import scratch_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ROWS = int(os.environ.get("BENCH_ROWS", 100_000))
PEOPLE = int(os.environ.get("BENCH_PEOPLE", 20_000))
REPEATS = int(os.environ.get("BENCH_REPEATS", 3))
TARGET_SECONDS = 60.0


def set_up_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.base")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def load_reference_data() -> list[str]:
    """The demo organisations, and a course page for each demo course (or a few generated ones); their slugs."""
    from wagtail.models import Page

    from accounts import demo as accounts_demo
    from courses.models import CourseIndexPage, CoursePage

    accounts_demo.load(io.StringIO())
    try:
        from courses.demo import demo_courses

        courses = [(c.fields["slug"], c.fields["title"], c.fields["summary"][:400]) for c in demo_courses()]
    except ImportError:
        courses = [(f"course-{i}", f"Course {i}", "A generated course.") for i in range(8)]
    root = Page.get_first_root_node()
    catalogue = root.add_child(instance=CourseIndexPage(title="Courses", slug="bench-courses"))
    for slug, title, summary in courses:
        catalogue.add_child(instance=CoursePage(title=title, slug=slug, summary=summary))
    return [slug for slug, _title, _summary in courses]


def write_history(path: Path, course_slugs: list[str]) -> None:
    """The realistic CSV described in the module docstring."""
    from faker import Faker

    from accounts.models import District, Organisation

    random.seed(2026)
    fake = Faker("en_GB")
    fake.seed_instance(2026)
    organisations = list(Organisation.objects.prefetch_related("districts_served", "email_domains"))
    countywide = District.objects.get(slug="countywide")
    today = datetime.date.today()
    first_day = today - datetime.timedelta(days=4 * 365)
    span = (today - first_day).days

    people = []
    emails = set()
    for n in range(PEOPLE):
        organisation = random.choice(organisations)
        domains = [d.domain for d in organisation.email_domains.all()] or ["nhs.net"]
        name = fake.name()
        local = ".".join(part.lower().strip(".'") for part in name.split()[-2:])
        email = f"{local}@{random.choice(domains)}"
        if email in emails:
            email = f"{local}{n}@{random.choice(domains)}"
        emails.add(email)
        districts = list(organisation.districts_served.all()) or [countywide]
        people.append((email, name, organisation, random.choice(districts)))

    seen = set()
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["email", "full_name", "organisation", "district", "course", "completed_on"])
        written = 0
        while written < ROWS:
            email, name, organisation, district = random.choice(people)
            if random.random() < 0.1:  # recorded under an earlier employer
                organisation = random.choice(organisations)
            course = random.choice(course_slugs)
            day = first_day + datetime.timedelta(days=random.randrange(span))
            key = (email, course, day)
            if key in seen:
                continue
            seen.add(key)
            organisation_name = organisation.name
            district_name = district.ons_code if district.ons_code and random.random() < 0.2 else district.name
            if random.random() < 0.05:
                organisation_name, district_name = f" {organisation_name.upper()} ", district_name.lower()
            writer.writerow([email, name, organisation_name, district_name, course, day.isoformat()])
            written += 1


def baseline(path: Path) -> float:
    started = time.perf_counter()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for _row in csv.DictReader(handle):
            pass
    return time.perf_counter() - started


def timed_import(path: Path) -> tuple[float, str]:
    from django.core.management import call_command

    out = io.StringIO()
    started = time.perf_counter()
    call_command("import_completions", str(path), "--without-certificates", stdout=out)
    return time.perf_counter() - started, out.getvalue().splitlines()[0]


def remove_imported() -> None:
    """Back to an empty history (raw deletes: the ORM's cascade collector would dominate the timing)."""
    from django.db import transaction

    from accounts.models import User
    from courses.models import Completion, Enrolment

    with transaction.atomic():
        Completion.objects.all()._raw_delete("default")
        Enrolment.objects.all()._raw_delete("default")
        User.objects.filter(is_active=False, last_login__isnull=True)._raw_delete("default")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        workdir = Path(folder)
        database_url, drop = scratch_database(workdir, f"bench_import_{os.getpid()}")
        try:
            return run(workdir, database_url)
        finally:
            drop()


def run(workdir: Path, database_url: str) -> int:
    set_up_django(database_url)
    from django.db import connections

    try:
        return measure(workdir)
    finally:
        connections.close_all()  # so that the scratch database can be dropped


def measure(workdir: Path) -> int:
    from django.db import connection

    started = time.perf_counter()

    slugs = load_reference_data()
    path = workdir / "history.csv"
    write_history(path, slugs)
    engine = connection.vendor
    size_mb = path.stat().st_size / 1e6
    print(
        f"{engine}: {ROWS:,} rows ({size_mb:.1f} MB), ~{PEOPLE:,} people, {len(slugs)} courses; "
        f"data generated in {time.perf_counter() - started:.0f} s"
    )

    imports, reimports, baselines, problems = [], [], [], []
    for repeat in range(1, REPEATS + 1):
        baselines.append(baseline(path))
        seconds, summary = timed_import(path)
        imports.append(seconds)
        if not summary.startswith(f"imported {ROWS} completions"):
            problems.append(f"import {repeat}: {summary}")
        again, summary_again = timed_import(path)
        reimports.append(again)
        if summary_again != f"imported 0 completions, 0 new people, {ROWS} already present":
            problems.append(f"re-import {repeat} added something: {summary_again}")
        print(
            f"  repeat {repeat}: import {seconds:.1f} s ({ROWS / seconds:,.0f} rows/s) [{summary}]; "
            f"re-import {again:.1f} s [{summary_again}]",
            flush=True,
        )
        if repeat < REPEATS:
            remove_imported()

    median_import = statistics.median(imports)
    median_reimport = statistics.median(reimports)
    median_baseline = statistics.median(baselines)
    print(f"baseline (csv module reads the file): median {median_baseline:.2f} s")
    print(
        f"import:    median {median_import:.1f} s, {ROWS / median_import:,.0f} rows/s, "
        f"{median_import / median_baseline:.0f}x the baseline (target < {TARGET_SECONDS:.0f} s)"
    )
    print(
        f"re-import: median {median_reimport:.1f} s, {ROWS / median_reimport:,.0f} rows/s, "
        f"{median_reimport / median_baseline:.0f}x the baseline (adds nothing)"
    )
    results = {
        "engine": engine,
        "rows": ROWS,
        "people": PEOPLE,
        "repeats": REPEATS,
        "import_seconds": imports,
        "reimport_seconds": reimports,
        "baseline_seconds": baselines,
        "median_import_seconds": median_import,
        "median_reimport_seconds": median_reimport,
        "rows_per_second": ROWS / median_import,
        "ratio_to_baseline": median_import / median_baseline,
        "problems": problems,
    }
    results_dir = Path(__file__).resolve().parent / "results"
    results_dir.mkdir(exist_ok=True)
    (results_dir / f"bench_import_{engine}.json").write_text(json.dumps(results, indent=2))

    if median_import >= TARGET_SECONDS:
        problems.append(f"median import {median_import:.1f} s is not under {TARGET_SECONDS:.0f} s")
    for problem in problems:
        print(f"MISSED: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
