"""Benchmark data protection on the measures benchmark's data (1,000,000 completions of 200,000 people).

    make bench ONLY=privacy

Creates the scratch database ``dasv_bench_privacy`` on 127.0.0.1:5432 (BENCH_PG_SERVER to change), migrates
it, loads it with ``generate_measures_data.generate()``, freezes every quarter, and times:

1. a subject-access export (the whole ZIP, stored) for a person with 50 completions, each with its
   certificate and stored PDF: median under 2 s;
2. erasing 1,000 people (each in its own transaction, as an approved request or the retention schedule
   does): under 60 s; then every measure for every frozen quarter, by every breakdown, live and as frozen,
   must be what it was before (the benchmark checks it, and fails if anything moved).

Writes benchmarks/results/bench_privacy.json and exits non-zero when a target is missed or a figure moved.
Settings: BENCH_COMPLETIONS (1000000), BENCH_PEOPLE (200000), BENCH_ERASE (1000), BENCH_REPEATS (5).
"""

from __future__ import annotations

import datetime
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATABASE = "dasv_bench_privacy"
SERVER = os.environ.get("BENCH_PG_SERVER", "postgresql://postgres@127.0.0.1:5432")
COMPLETIONS = int(os.environ.get("BENCH_COMPLETIONS", 1_000_000))
PEOPLE = int(os.environ.get("BENCH_PEOPLE", 200_000))
ERASE = int(os.environ.get("BENCH_ERASE", 1000))
REPEATS = int(os.environ.get("BENCH_REPEATS", 5))
EXPORT_TARGET_S = 2.0
ERASE_TARGET_S = 60.0
LOCK_KEY = 20_261_301


def set_up_django() -> None:
    os.environ["DATABASE_URL"] = f"{SERVER}/{DATABASE}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.base"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["MEDIA_ROOT"] = str(ROOT / "benchmarks" / "results" / "privacy-media")
    import django

    django.setup()


def _admin_connection():
    import psycopg

    return psycopg.connect(f"{SERVER}/postgres", autocommit=True)


def person_with_fifty_completions():
    """A person with 50 completions of distinct courses over the years, each certified with a stored PDF."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from courses.certificates.services import issue_certificate, render_certificate_pdf
    from courses.models import Certificate, Completion, CoursePage
    from tests.factories import UserFactory

    person = UserFactory(full_name="Fifty Completions")
    courses = list(CoursePage.objects.all())
    day = datetime.date(2022, 4, 4)
    for n in range(50):
        Completion.objects.create(
            user=person,
            course=courses[n % len(courses)],
            completed_on=day + datetime.timedelta(days=20 * n),
            organisation=person.organisation,
            sector_id=person.organisation.sector_id,
            district=person.district,
        )
    pdf = None
    for completion in Completion.objects.filter(user=person).select_related("course", "user"):
        certificate = issue_certificate(completion)
        pdf = pdf or render_certificate_pdf(certificate)  # one rendering; the same bytes stored for each
        name = default_storage.save(f"certificates/bench-{certificate.code}.pdf", ContentFile(pdf))
        Certificate.objects.filter(pk=certificate.pk).update(pdf=name)
    return person


def every_frozen_figure(quarters) -> dict:
    from reports import measures as m
    from reports.selectors import reported

    figures = {}
    for quarter in quarters:
        for by in m.BREAKDOWNS:
            result = reported(quarter, by, with_live=True)
            figures[(quarter.label, by)] = (result.table, result.live)
    return figures


def run() -> int:
    set_up_django()
    from django.core.management import call_command

    from accounts.models import User
    from benchmarks.generate_measures_data import generate
    from privacy import erasure, services
    from reports import periods as p
    from reports import services as report_services

    failures: list[str] = []
    results: dict[str, object] = {}
    started = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    counts = generate(completions=COMPLETIONS, people=PEOPLE)
    print(f"migrated and loaded {counts['completions']:,} completions in {time.monotonic() - started:.0f} s")
    quarters = p.quarters_ending_with(p.parse_period("2025-26-Q4"), 16)
    started = time.monotonic()
    for quarter in quarters:
        report_services.freeze(quarter)
    print(f"froze {len(quarters)} quarters in {time.monotonic() - started:.0f} s")

    # 1. A subject-access export of 50 completions with their certificates.
    person = person_with_fifty_completions()
    times = []
    for _ in range(REPEATS):
        begun = time.perf_counter()
        record = services.request_export(person, by=person)
        times.append(time.perf_counter() - begun)
    export_s = statistics.median(times)
    print(
        f"\n1. subject-access export, 50 completions and certificates: median {export_s * 1000:.0f} ms, "
        f"{record.size / 1024:.0f} KiB (target under {EXPORT_TARGET_S:.0f} s)"
    )
    results["export_ms"] = export_s * 1000
    if export_s >= EXPORT_TARGET_S:
        failures.append(f"the export took {export_s:.2f} s")

    # 2. Erase 1,000 people; every frozen quarter's figures must be unchanged.
    before = every_frozen_figure(quarters)
    rng = random.Random(13)
    ids = list(User.objects.filter(is_superuser=False).values_list("pk", flat=True))
    chosen = rng.sample(ids, min(ERASE, len(ids)))
    begun = time.perf_counter()
    for pk in chosen:
        erasure.erase_person(User(pk=pk))
    erase_s = time.perf_counter() - begun
    print(
        f"2. erasing {len(chosen):,} people, one transaction each: {erase_s:.1f} s "
        f"({erase_s / len(chosen) * 1000:.0f} ms each; target under {ERASE_TARGET_S:.0f} s)"
    )
    results["erase_s"] = erase_s
    if erase_s >= ERASE_TARGET_S:
        failures.append(f"erasing took {erase_s:.1f} s")
    after = every_frozen_figure(quarters)
    moved = [key for key, value in before.items() if after[key] != value]
    print(
        f"   every measure of the {len(quarters)} frozen quarters by every breakdown, frozen and live: "
        f"{'unchanged' if not moved else f'{len(moved)} tables MOVED: {moved[:5]}'}"
    )
    results["tables_compared"], results["tables_moved"] = len(before), len(moved)
    if moved:
        failures.append(f"{len(moved)} tables moved")

    out = ROOT / "benchmarks" / "results" / "bench_privacy.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    for failure in failures:
        print(f"MISSED: {failure}")
    return 1 if failures else 0


def main() -> int:
    try:
        lock = _admin_connection()
    except Exception as error:
        print(f"PostgreSQL is needed at {SERVER} (user postgres): {error}")
        return 1
    with lock:
        lock.execute("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
        lock.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        lock.execute(f'CREATE DATABASE "{DATABASE}"')
        try:
            return run()
        finally:
            from django.db import connections

            connections.close_all()
            lock.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


if __name__ == "__main__":
    sys.exit(main())
