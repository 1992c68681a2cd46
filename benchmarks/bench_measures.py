"""Benchmark the measures on PostgreSQL: 1,000,000 completions of 200,000 people, each figure beside hand-written SQL.

    make bench ONLY=measures

Creates the scratch database ``dasv_bench_measures`` on 127.0.0.1:5432 (user postgres; BENCH_PG_SERVER to
change), migrates it, loads it with ``generate_measures_data.generate()`` (COPY; the load must take under
two minutes) and drops it at the end. Then it times, as medians of several runs, each beside the best
hand-written SQL for the same figures measured in the same run:

1. ``professionals_trained`` for one quarter by district (rows and the distinct total): within 1.3x of the
   faster of two hand-written forms (two statements; one with GROUPING SETS);
2. all the measures for one quarter by district (the table the dashboard and the API show): under 300 ms;
3. the dashboard's eight-quarter series (live, nothing frozen): under 1.5 s;
4. the partner API call for a frozen quarter by district, through DRF's test client with a real token:
   under 50 ms;
5. a CSV export of every completion (1,000,000 rows) through the dashboard's streaming view, in a
   subprocess that reports its peak RSS: over 50,000 rows/s with peak RSS under 200 MB (beside
   PostgreSQL's own ``COPY ... TO STDOUT`` of the same rows).

It checks that the hand-written SQL gives the same figures, prints each figure, writes
benchmarks/results/bench_measures.json and exits non-zero when a target is missed.

Settings: BENCH_COMPLETIONS (1000000), BENCH_PEOPLE (200000), BENCH_REPEATS (7).
"""

from __future__ import annotations

import datetime
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATABASE = "dasv_bench_measures"
SERVER = os.environ.get("BENCH_PG_SERVER", "postgresql://postgres@127.0.0.1:5432")
COMPLETIONS = int(os.environ.get("BENCH_COMPLETIONS", 1_000_000))
PEOPLE = int(os.environ.get("BENCH_PEOPLE", 200_000))
REPEATS = int(os.environ.get("BENCH_REPEATS", 7))

LOAD_TARGET_S = 120.0
RATIO_TARGET = 1.3
ALL_MEASURES_TARGET_S = 0.300
SERIES_TARGET_S = 1.5
API_TARGET_S = 0.050
EXPORT_ROWS_PER_S_TARGET = 50_000
EXPORT_RSS_TARGET_MB = 200

LOCK_KEY = 20_252_601  # pg_advisory_lock key of this benchmark's scratch database
QUARTER = "2025-26-Q1"
EXPORT_FROM, EXPORT_TO = "2022-04-01", "2026-03-31"  # every completion generated


def median(fn, repeats: int = REPEATS, warmup: int = 1) -> tuple[float, object]:
    result = None
    for _ in range(warmup):
        result = fn()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def set_up_django() -> None:
    os.environ["DATABASE_URL"] = f"{SERVER}/{DATABASE}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.base"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    os.environ["PARTNER_API_RATE"] = "1000000/minute"  # the benchmark is not what the throttle is for
    import django

    django.setup()


def create_database() -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DATABASE}"')


def drop_database() -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


# --- Hand-written SQL -------------------------------------------------------------------------------------


def sql_rows(sql: str, params: dict) -> list[tuple]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def split_grouping(rows: list[tuple]) -> tuple[dict, object]:
    """Rows of (key, grouping flag, value...) from GROUPING SETS ((key), ()) -> (cells, total)."""
    cells, total = {}, None
    for key, is_total, *values in rows:
        value = values[0] if len(values) == 1 else tuple(values)
        if is_total:
            total = value
        else:
            cells[key] = value
    return cells, total


def params_for(period) -> dict:
    from home.dates import day_bounds

    lower, upper = day_bounds(period.start, period.end)
    return {"start": period.start, "end": period.end, "lower": lower, "upper": upper}


PEOPLE_BY_DISTRICT_TWO = (
    "SELECT district_id, COUNT(DISTINCT user_id) FROM courses_completion "
    "WHERE completed_on BETWEEN %(start)s AND %(end)s GROUP BY district_id",
    "SELECT COUNT(DISTINCT user_id) FROM courses_completion WHERE completed_on BETWEEN %(start)s AND %(end)s",
)
PEOPLE_BY_DISTRICT_GROUPING_SETS = (
    "SELECT district_id, GROUPING(district_id) = 1, COUNT(DISTINCT user_id) FROM courses_completion "
    "WHERE completed_on BETWEEN %(start)s AND %(end)s GROUP BY GROUPING SETS ((district_id), ())"
)


def hand_people_two(params) -> tuple[dict, int]:
    rows = sql_rows(PEOPLE_BY_DISTRICT_TWO[0], params)
    total = sql_rows(PEOPLE_BY_DISTRICT_TWO[1], params)[0][0]
    return dict(rows), total


def hand_people_grouping_sets(params) -> tuple[dict, int]:
    return split_grouping(sql_rows(PEOPLE_BY_DISTRICT_GROUPING_SETS, params))


LAST_CHANGE = (
    "SELECT DISTINCT ON (profile_id) id, profile_id, user_id, to_status, changed_on, district_id "
    "FROM champions_championstatuschange WHERE changed_on <= {day} {extra} "
    "ORDER BY profile_id, changed_on DESC, changed_at DESC, id DESC"
)
HAND_ALL_MEASURES = {
    "professionals_trained": PEOPLE_BY_DISTRICT_GROUPING_SETS,
    "specialist_da_trained": (
        "SELECT c.district_id, GROUPING(c.district_id) = 1, COUNT(DISTINCT c.user_id) FROM courses_completion c "
        "JOIN courses_coursepage p ON p.page_ptr_id = c.course_id AND p.counts_as_specialist_da "
        "WHERE c.completed_on BETWEEN %(start)s AND %(end)s GROUP BY GROUPING SETS ((c.district_id), ())"
    ),
    "completions": (
        "SELECT district_id, COUNT(*) FROM courses_completion WHERE completed_on BETWEEN %(start)s AND %(end)s "
        "GROUP BY district_id"
    ),
    "enrolments+completion_rate": (
        "SELECT u.district_id, COUNT(*), COUNT(*) FILTER (WHERE e.status = 'completed') "
        "FROM courses_enrolment e JOIN accounts_user u ON u.id = e.user_id "
        "WHERE e.enrolled_at >= %(lower)s AND e.enrolled_at < %(upper)s GROUP BY 1"
    ),
    "confidence_uplift": (
        "SELECT c.district_id, SUM(v.confidence_after - v.confidence_before), COUNT(*) FROM courses_evaluation v "
        "JOIN courses_completion c ON c.id = v.completion_id "
        "WHERE v.submitted_at >= %(lower)s AND v.submitted_at < %(upper)s GROUP BY c.district_id"
    ),
    "active_champions": (
        "SELECT district_id, GROUPING(district_id) = 1, COUNT(DISTINCT user_id) FROM ("
        + LAST_CHANGE.format(day="%(end)s", extra="")
        + ") last WHERE to_status = 'active' GROUP BY GROUPING SETS ((district_id), ())"
    ),
    "new_champions": (
        "SELECT district_id, GROUPING(district_id) = 1, COUNT(DISTINCT user_id) FROM champions_championstatuschange "
        "WHERE to_status = 'active' AND changed_on BETWEEN %(start)s AND %(end)s "
        "GROUP BY GROUPING SETS ((district_id), ())"
    ),
    "champion_network_accessed": (
        "WITH last_active AS ("
        + LAST_CHANGE.format(day="%(end)s", extra="AND to_status = 'active'")
        + "), at_start AS ("
        + LAST_CHANGE.format(day="%(start)s", extra="")
        + "), access AS ("
        "  SELECT user_id, district_id FROM last_active"
        "   WHERE changed_on >= %(start)s OR id IN (SELECT id FROM at_start)"
        "  UNION ALL SELECT * FROM (SELECT DISTINCT ON (a.user_id) a.user_id, a.district_id"
        "   FROM champions_networkattendance a JOIN champions_networkevent e ON e.id = a.event_id"
        "   WHERE e.starts_at >= %(lower)s AND e.starts_at < %(upper)s"
        "   ORDER BY a.user_id, e.starts_at DESC, a.id DESC) t"
        "  UNION ALL SELECT * FROM (SELECT DISTINCT ON (sender_id) sender_id, district_id"
        "   FROM champions_championcontact"
        "   WHERE sent_on BETWEEN %(start)s AND %(end)s ORDER BY sender_id, sent_at DESC, id DESC) s"
        "  UNION ALL SELECT c.user_id, c.district_id FROM courses_completion c"
        "   JOIN courses_coursepage p ON p.page_ptr_id = c.course_id AND p.is_champion_training"
        "   WHERE c.completed_on BETWEEN %(start)s AND %(end)s)"
        " SELECT district_id, GROUPING(district_id) = 1, COUNT(DISTINCT user_id) FROM access"
        " GROUP BY GROUPING SETS ((district_id), ())"
    ),
    "colleagues_reached": (
        "SELECT district_id, SUM(people_reached) FROM champions_championactivity "
        "WHERE activity_date BETWEEN %(start)s AND %(end)s GROUP BY district_id"
    ),
}


def hand_all_measures(params) -> dict:
    """Every measure by district, hand-written, as {measure: (cells, total)}."""
    out = {}
    for name, sql in HAND_ALL_MEASURES.items():
        rows = sql_rows(sql, params)
        if name in ("completions", "colleagues_reached"):
            cells = dict(rows)
            out[name] = (cells, sum(cells.values()))
        elif name == "enrolments+completion_rate":
            out["enrolments"] = ({k: n for k, n, _d in rows}, sum(n for _k, n, _d in rows))
            out["completion_rate"] = ({k: (d, n) for k, n, d in rows}, None)
        elif name == "confidence_uplift":
            out[name] = ({k: (s, n) for k, s, n in rows}, None)
        else:
            out[name] = split_grouping(rows)
    return out


def hand_series(quarters) -> dict:
    """Distinct people trained in each of the quarters, in one statement (financial quarters: shift 3 months)."""
    rows = sql_rows(
        "SELECT date_trunc('quarter', completed_on - interval '3 months')::date, COUNT(DISTINCT user_id) "
        "FROM courses_completion WHERE completed_on BETWEEN %(start)s AND %(end)s GROUP BY 1 ORDER BY 1",
        {"start": quarters[0].start, "end": quarters[-1].end},
    )
    return [n for _quarter, n in rows]


def hand_series_each(quarters) -> list[int]:
    return [hand_people_two(params_for(q))[1] for q in quarters]


# --- The export, in its own process (for its peak RSS) ---------------------------------------------------


def export_child() -> None:
    """Stream every completion through the dashboard's CSV view; print rows, seconds and peak RSS as JSON."""
    set_up_django()
    from django.test import Client

    from accounts.models import User

    manager = User.objects.get(email="bench-manager@bench.example")
    client = Client()
    client.force_login(manager)
    started = time.perf_counter()
    response = client.get(
        "/admin/measures/completions.csv", {"period": "custom", "start": EXPORT_FROM, "end": EXPORT_TO}
    )
    assert response.status_code == 200, response.status_code
    lines = 0
    size = 0
    before_mb = peak_rss_mb()
    for chunk in response.streaming_content:
        lines += chunk.count(b"\n")
        size += len(chunk)
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "rows": lines - 1,
                "seconds": seconds,
                "bytes": size,
                "rss_before_export_mb": before_mb,
                "peak_rss_mb": peak_rss_mb(),
            }
        )
    )


def peak_rss_mb() -> float:
    """This process's peak resident memory. Linux keeps ru_maxrss across exec, so a child started by a big
    parent would report the parent's peak: VmHWM belongs to the process's own address space."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def copy_baseline() -> tuple[float, int]:
    """PostgreSQL's own COPY of the same rows and columns to STDOUT, read by psycopg (the floor)."""
    from django.db import connection

    from reports.periods import period_from_input

    period = period_from_input(start=EXPORT_FROM, end=EXPORT_TO)
    query = (
        "COPY (SELECT c.completed_on, u.email, u.full_name, p.title, o.name, s.name, d.name, c.source "
        "FROM courses_completion c JOIN accounts_user u ON u.id = c.user_id "
        "JOIN wagtailcore_page p ON p.id = c.course_id "
        "LEFT JOIN accounts_organisation o ON o.id = c.organisation_id "
        "LEFT JOIN accounts_sector s ON s.id = c.sector_id LEFT JOIN accounts_district d ON d.id = c.district_id "
        f"WHERE c.completed_on BETWEEN '{period.start}' AND '{period.end}' ORDER BY c.completed_on, c.id) "
        "TO STDOUT WITH (FORMAT csv, HEADER)"
    )
    started = time.perf_counter()
    lines = 0
    with connection.cursor() as django_cursor, django_cursor.cursor.copy(query) as copy:
        for block in copy:
            lines += bytes(block).count(b"\n")
    return time.perf_counter() - started, lines - 1


# --- The run -----------------------------------------------------------------------------------------------


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--export-child":
        export_child()
        return 0
    import psycopg

    try:
        lock = psycopg.connect(f"{SERVER}/postgres", autocommit=True)
    except Exception as error:
        print(f"PostgreSQL is needed at {SERVER} (user postgres): {error}")
        return 1
    with lock:
        # One run at a time owns the scratch database: a second `make bench` waits here instead of dropping it.
        if not lock.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY]).fetchone()[0]:
            print(f"another run is using {DATABASE}: waiting for it to finish", flush=True)
            lock.execute("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
        create_database()
        try:
            return run()
        finally:
            from django.db import connections

            connections.close_all()
            drop_database()


def run() -> int:
    set_up_django()
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from rest_framework.test import APIClient

    from accounts.models import User
    from benchmarks.generate_measures_data import generate
    from reports import measures as m
    from reports import periods as p
    from reports import selectors, services
    from reports.tables import build_table

    results: dict[str, object] = {}
    failures: list[str] = []

    def check(ok: bool, message: str) -> None:
        if not ok:
            failures.append(message)

    started = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"migrated the scratch database {DATABASE} in {time.monotonic() - started:.0f} s")

    counts = generate(completions=COMPLETIONS, people=PEOPLE)
    print(
        f"loaded {counts['completions']:,} completions of {counts['people']:,} people in 400 organisations "
        f"({counts['enrolments']:,} enrolments, {counts['evaluations']:,} evaluations, {counts['champions']:,} "
        f"champions, {counts['activities']:,} activities) in {counts['seconds']:.1f} s "
        f"(target under {LOAD_TARGET_S:.0f} s)"
    )
    results["load"] = counts
    check(counts["seconds"] < LOAD_TARGET_S, f"load took {counts['seconds']:.1f} s")

    quarter = p.parse_period(QUARTER)
    params = params_for(quarter)

    # 1. professionals_trained by district beside hand-written SQL.
    ours_s, ours = median(lambda: m.professionals_trained(quarter, "district"))
    two_s, two = median(lambda: hand_people_two(params))
    sets_s, sets = median(lambda: hand_people_grouping_sets(params))
    best_s = min(two_s, sets_s)
    ratio = ours_s / best_s
    print(
        f"\n1. professionals_trained, {QUARTER} by district: median {ours_s * 1000:.1f} ms; hand-written SQL "
        f"{two_s * 1000:.1f} ms (two statements), {sets_s * 1000:.1f} ms (GROUPING SETS): ratio to the best "
        f"{ratio:.2f}x (target within {RATIO_TARGET}x)"
    )
    check((ours.rows, ours.total) == two == sets, "professionals_trained differs from the hand-written SQL")
    check(ratio <= RATIO_TARGET, f"professionals_trained is {ratio:.2f}x the hand-written SQL")
    results["professionals_trained_by_district"] = {
        "median_ms": ours_s * 1000,
        "hand_two_ms": two_s * 1000,
        "hand_grouping_sets_ms": sets_s * 1000,
        "ratio": ratio,
    }

    # 2. All the measures by district.
    all_s, table = median(lambda: build_table(quarter, "district"))
    hand_s, hand = median(lambda: hand_all_measures(params))
    print(
        f"2. all {len(m.MEASURES)} measures, {QUARTER} by district (the published table): median "
        f"{all_s * 1000:.1f} ms; hand-written SQL {hand_s * 1000:.1f} ms: ratio {all_s / hand_s:.2f}x "
        f"(target under {ALL_MEASURES_TARGET_S * 1000:.0f} ms)"
    )
    figures = m.compute(quarter, "district")
    for name in (
        "professionals_trained",
        "specialist_da_trained",
        "completions",
        "enrolments",
        "active_champions",
        "new_champions",
        "champion_network_accessed",
        "colleagues_reached",
    ):
        cells, total = hand[name]
        agrees = figures[name].rows == dict(cells.items()) and figures[name].total == total
        check(agrees, f"{name} by district differs from the hand-written SQL")
        if not agrees:
            print(f"   {name}: ours {figures[name].total} {figures[name].rows}; hand-written {total} {cells}")
    check(all_s < ALL_MEASURES_TARGET_S, f"all measures took {all_s * 1000:.0f} ms")
    results["all_measures_by_district"] = {"median_ms": all_s * 1000, "hand_ms": hand_s * 1000}
    del table

    # 3. The dashboard's eight-quarter series (nothing frozen yet: all live).
    last = p.parse_period("2025-26-Q4")
    quarters = p.quarters_ending_with(last, 8)
    series_s, series = median(lambda: selectors.series(last, 8, names=("professionals_trained",)), repeats=5)
    one_s, one = median(lambda: hand_series(quarters), repeats=5)
    each_s, each = median(lambda: hand_series_each(quarters), repeats=5)
    best_series = min(one_s, each_s)
    print(
        f"3. eight-quarter series of professionals_trained (the dashboard's chart): median {series_s * 1000:.0f} ms; "
        f"hand-written SQL {one_s * 1000:.0f} ms (one GROUP BY quarter), {each_s * 1000:.0f} ms (a statement a "
        f"quarter): ratio to the best {series_s / best_series:.2f}x (target under {SERIES_TARGET_S:.1f} s)"
    )
    check([pt.totals["professionals_trained"] for pt in series] == one == each, "the series differs from the SQL")
    check(series_s < SERIES_TARGET_S, f"the series took {series_s:.2f} s")
    results["eight_quarter_series"] = {
        "median_ms": series_s * 1000,
        "hand_one_ms": one_s * 1000,
        "hand_each_ms": each_s * 1000,
    }

    # 4. The API for a frozen quarter.
    freeze_started = time.perf_counter()
    services.freeze(quarter, today=datetime.date(2026, 4, 1))
    print(f"   (froze {QUARTER}, every breakdown, in {time.perf_counter() - freeze_started:.1f} s)")
    lead = User.objects.create_user(email="bench-lead@bench.example", full_name="Bench Lead", password=None)
    lead.groups.add(Group.objects.get(name="Partner leads"))
    _token, secret = services.create_api_token(lead, "Benchmark")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")

    def api_call():
        response = client.get("/api/v1/measures/", {"period": QUARTER, "by": "district"})
        assert response.status_code == 200, response.content
        return response

    api_s, response = median(api_call, repeats=max(REPEATS, 21), warmup=3)
    snapshot_sql = (
        "SELECT t.data FROM reports_snapshottable t JOIN reports_measuresnapshot s ON s.id = t.snapshot_id "
        "WHERE s.period = %(period)s AND t.by = %(by)s"
    )
    raw_s, _raw = median(lambda: sql_rows(snapshot_sql, {"period": QUARTER, "by": "district"}), repeats=21)
    body = response.json()
    print(
        f"4. partner API, frozen {QUARTER} by district (token, permission, snapshot, suppression, JSON): median "
        f"{api_s * 1000:.1f} ms; reading the snapshot row by hand {raw_s * 1000:.2f} ms "
        f"(target under {API_TARGET_S * 1000:.0f} ms)"
    )
    check(body["status"] == "final", "the API did not serve the frozen figures")
    check(api_s < API_TARGET_S, f"the API call took {api_s * 1000:.0f} ms")
    results["frozen_api_call"] = {"median_ms": api_s * 1000, "hand_snapshot_read_ms": raw_s * 1000}

    # 5. CSV export of every completion, streamed, in a subprocess (its peak RSS is the export's).
    manager = User.objects.create_user(email="bench-manager@bench.example", full_name="Bench Manager", password=None)
    manager.groups.add(Group.objects.get(name="Training managers"))
    copy_s, copy_rows = copy_baseline()
    child = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--export-child"], capture_output=True, text=True, cwd=ROOT
    )
    if child.returncode:
        print(child.stdout, child.stderr)
        failures.append("the export subprocess failed")
    else:
        export = json.loads(child.stdout.strip().splitlines()[-1])
        rate = export["rows"] / export["seconds"]
        print(
            f"5. CSV export of {export['rows']:,} completions through the dashboard's streaming view: "
            f"{export['seconds']:.1f} s, {rate:,.0f} rows/s, {export['bytes'] / 1e6:.0f} MB, peak RSS "
            f"{export['peak_rss_mb']:.0f} MB ({export['rss_before_export_mb']:.0f} MB before it); "
            f"PostgreSQL's COPY TO STDOUT of the same rows {copy_s:.1f} s "
            f"({copy_rows / copy_s:,.0f} rows/s): ratio {export['seconds'] / copy_s:.2f}x "
            f"(targets over {EXPORT_ROWS_PER_S_TARGET:,} rows/s, peak RSS under {EXPORT_RSS_TARGET_MB} MB)"
        )
        check(export["rows"] == counts["completions"], f"the export had {export['rows']} rows")
        check(rate > EXPORT_ROWS_PER_S_TARGET, f"the export ran at {rate:,.0f} rows/s")
        check(export["peak_rss_mb"] < EXPORT_RSS_TARGET_MB, f"the export peaked at {export['peak_rss_mb']:.0f} MB")
        results["export"] = {**export, "rows_per_s": rate, "copy_seconds": copy_s}

    results["failures"] = failures
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "bench_measures.json").write_text(json.dumps(results, indent=2, default=str))
    if failures:
        print("\nMISSED: " + "; ".join(failures))
        return 1
    print("\nAll measures targets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
