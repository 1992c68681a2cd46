"""Benchmark the champion directory: 10,000 champions and 50,000 professionals, a filtered search's first page.

    make bench ONLY=directory                                                        # PostgreSQL if DATABASE_URL
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres make bench ONLY=directory   # says so, else SQLite

It builds a fresh database (on PostgreSQL the scratch database ``dasv_bench_directory``, created next to the
one in DATABASE_URL and dropped at the end; otherwise a temporary SQLite file), migrates it, loads the demo
site and organisations, publishes a ChampionDirectoryPage, and generates the network with bulk inserts
(benchmarks/directory_data.py). The search measured is what a professional does: district + specialism +
a word of text, sorted by relevance, first page.

1. Queries: the search's query count with 100 champions, then with 10,000; they must be equal.
2. Through Django's test client (in this process, production settings): the median and p90 of
   BENCH_REQUESTS requests of the filtered search, of the unfiltered first page, and of two baselines
   measured in the same run: a bare Django view (``/bench/bare/``) and the home page as a signed-in
   professional sees it (an ordinary Wagtail page of this site), with each page's ratio to them. The
   machine is shared: the ratio to the home page says whether the directory is slow or the machine busy.
3. Under gunicorn (``lms.wsgi``, production settings as benchmarks/settings.py gives them, 2 sync workers,
   persistent connections): ``wrk -t2 -c2 -d{BENCH_SECONDS}s --latency`` on the same URLs (one connection
   per worker, so the latency is a request's, not a queue's), signed in with a session cookie: requests/s,
   p50 (the median latency) and p99.
4. On PostgreSQL, the plan of the search's main query (which indexes it uses).

Target: the filtered search's median latency under 100 ms, through the test client and under gunicorn, with
a constant number of queries. It exits non-zero when a target is missed. Results also go to
benchmarks/results/bench_directory.json.

Settings: BENCH_CHAMPIONS (10000), BENCH_PROFESSIONALS (50000), BENCH_REQUESTS (60), BENCH_SECONDS (10),
BENCH_WORKERS (2).
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlparse

from harness import WRK, environment, fetch, gunicorn, scratch_database, wrk

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHAMPIONS = int(os.environ.get("BENCH_CHAMPIONS", 10_000))
PROFESSIONALS = int(os.environ.get("BENCH_PROFESSIONALS", 50_000))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", 60))
SECONDS = int(os.environ.get("BENCH_SECONDS", 10))
WORKERS = int(os.environ.get("BENCH_WORKERS", 2))
SCRATCH_DB = "dasv_bench_directory"
TARGET_MS = 100.0
SEARCH = {"district": "fenland", "specialism": "domestic_abuse", "q": "nurse", "sort": "relevance"}


def build_site() -> tuple[str, object]:
    """Migrate, load the demo site and organisations, publish the directory; returns its URL and a viewer."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from accounts import demo as accounts_demo
    from champions.models import ChampionDirectoryPage
    from home import demo as home_demo
    from home.models import HomePage

    home_demo.load(io.StringIO())
    accounts_demo.load(io.StringIO())
    page = HomePage.objects.get().add_child(
        instance=ChampionDirectoryPage(title="Champion directory", slug="champion-directory")
    )
    page.save_revision().publish()
    from accounts.models import District, Organisation, User

    viewer = User.objects.create_user(
        email="viewer@bench.example",
        full_name="Bench Viewer",
        job_title="Social worker",
        organisation=Organisation.objects.order_by("pk").first(),
        district=District.objects.get(slug="fenland"),
    )
    return page.url, viewer


def timed(client, url: str, params: dict | None, expected: bytes, n: int) -> list[float]:
    """Milliseconds per request (after five to warm up), checking each answer is the page expected."""
    times = []
    for i in range(n + 5):
        started = time.perf_counter()
        response = client.get(url, params or {})
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200 or expected not in response.content:
            raise RuntimeError(f"GET {url} {params} answered {response.status_code}, not the page expected")
        if i >= 5:
            times.append(elapsed)
    return times


def query_count(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, SEARCH)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, SEARCH)
    assert response.status_code == 200
    return len(queries.captured_queries)


def search_matches() -> int:
    from champions.forms import DirectoryFilters
    from champions.selectors import directory_filter_options, search_directory

    return search_directory(DirectoryFilters.parse(SEARCH, directory_filter_options())).count()


def explain() -> list[str]:
    """The PostgreSQL plan of the search's page query (rows and total together), to show which indexes it uses."""
    from django.db import connection
    from django.db.models import Count, Window

    from champions.forms import DirectoryFilters
    from champions.selectors import directory_filter_options, search_directory

    query = DirectoryFilters.parse(SEARCH, directory_filter_options())
    page = search_directory(query).annotate(total_matches=Window(Count("pk")))[:20]
    sql, params = page.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN ANALYZE {sql}", params)
        return [row[0] for row in cursor.fetchall()]


def python_loop(port: int, path: str, cookie: str, seconds: int) -> dict:
    """Without wrk: one client in a loop (the median latency is what the target is about)."""
    times, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.perf_counter()
        status, _ = fetch(port, path, cookie)
        times.append((time.perf_counter() - started) * 1000)
        if status != 200:
            return {"rps": 0.0, "p50_ms": 0.0, "p99_ms": 0.0, "errors": 1}
    times.sort()
    return {
        "rps": len(times) / seconds,
        "p50_ms": statistics.median(times),
        "p99_ms": times[int(len(times) * 0.99) - 1],
        "errors": 0,
    }


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="bench_directory_"))
    database_url, drop_database = scratch_database(workdir, SCRATCH_DB)
    env = environment(database_url, workdir)
    os.environ.update(env)
    try:
        return run(env, database_url, workdir)
    finally:
        from django.db import connections

        connections.close_all()
        drop_database()
        shutil.rmtree(workdir, ignore_errors=True)


def run(env: dict[str, str], database_url: str, workdir: Path) -> int:
    import warnings

    import django

    # WhiteNoise serves from the app folders here (no collectstatic): its warning about STATIC_ROOT is noise.
    warnings.filterwarnings("ignore", message="No directory at")

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from benchmarks.directory_data import generate

    vendor = urlparse(database_url).scheme
    started = time.monotonic()
    url, viewer = build_site()
    print(f"Database ({vendor}) migrated, demo site and organisations loaded in {time.monotonic() - started:.0f} s")
    started = time.monotonic()
    client = Client()
    client.force_login(viewer)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"

    small = generate(champions=100, professionals=500)
    queries_small = query_count(client, url)
    made = generate(champions=CHAMPIONS - 100, professionals=PROFESSIONALS - 500, start=small["people"])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"Generated in {time.monotonic() - started:.0f} s: {CHAMPIONS:,} champions and "
        f"{PROFESSIONALS:,} professionals ({small['status_changes'] + made['status_changes']:,} status changes)",
        flush=True,
    )
    queries_large = query_count(client, url)
    found = search_matches()
    print(
        f"Search {urlencode(SEARCH)}: {found} champions match, {min(found, 20)} on the first page; "
        f"{queries_small} queries with 100 champions, {queries_large} with {CHAMPIONS:,}",
        flush=True,
    )
    if not found:
        raise RuntimeError("The search found nobody: the benchmark would measure an empty page.")

    client_ms = {
        "bare view": timed(client, "/bench/bare/", None, b"ok", REQUESTS),
        "home page": timed(client, "/", None, b"Champion directory", REQUESTS),
        "directory, first page": timed(client, url, None, b"champions", REQUESTS),
        "filtered search": timed(client, url, SEARCH, b"champions found", REQUESTS),
    }
    summary: dict[str, dict] = {"test client": {}, "gunicorn": {}}
    bare = statistics.median(client_ms["bare view"])
    home_page = statistics.median(client_ms["home page"])
    print(f"\nThrough the test client, {REQUESTS} requests each (production settings, {vendor}):")
    print(f"  {'page':24} {'median ms':>10} {'p90 ms':>8} {'vs bare':>8} {'vs home':>8}")
    for name, times in client_ms.items():
        median = statistics.median(times)
        p90 = statistics.quantiles(times, n=10)[-1]
        summary["test client"][name] = {
            "median_ms": median,
            "p90_ms": p90,
            "ratio_to_bare": median / bare,
            "ratio_to_home_page": median / home_page,
        }
        print(f"  {name:24} {median:10.1f} {p90:8.1f} {median / bare:7.1f}x {median / home_page:7.1f}x")

    if connection.vendor == "postgresql":
        plan = explain()
        used = sorted(set(re.findall(r"(?:Index|Bitmap Index) Scan (?:Backward )?(?:using|on) (\w+)", "\n".join(plan))))
        print(f"\nPlan of the page query: {plan[-1].strip()}; indexes used: {', '.join(used) or 'none'}")
        summary["indexes_used"] = used
    connection.close()

    log_path = workdir / "gunicorn.log"
    try:
        with open(log_path, "w") as log, gunicorn(env, log, WORKERS) as port:
            search_path = f"{url}?{urlencode(SEARCH)}"
            targets = [
                ("bare view", "/bench/bare/", b"ok"),
                ("home page", "/", b"Champion directory"),
                ("filtered search", search_path, b"champions found"),
            ]
            for name, path, expected in targets:
                status, body = fetch(port, path, cookie)
                if status != 200 or expected not in body:
                    raise RuntimeError(f"gunicorn: {name} answered {status}, not the page expected")
            use_wrk = Path(WRK).exists()
            tool = f"wrk -t{WORKERS} -c{WORKERS} (one connection per worker)" if use_wrk else "one Python client"
            print(f"\nUnder gunicorn ({WORKERS} sync workers), {tool} for {SECONDS} s each:")
            print(f"  {'page':24} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
            for name, path, _ in targets:
                if use_wrk:
                    wrk(f"http://127.0.0.1:{port}{path}", 2, WORKERS, WORKERS, cookie)  # warm every worker
                    result = wrk(f"http://127.0.0.1:{port}{path}", SECONDS, WORKERS, WORKERS, cookie)
                else:
                    result = python_loop(port, path, cookie, SECONDS)
                summary["gunicorn"][name] = result
                print(f"  {name:24} {result['rps']:8.0f} {result['p50_ms']:8.1f} {result['p99_ms']:8.1f}")
    except Exception:
        print(log_path.read_text()[-5000:] if log_path.exists() else "")
        raise

    summary.update(
        database=vendor,
        champions=CHAMPIONS,
        professionals=PROFESSIONALS,
        matches=found,
        queries={"100 champions": queries_small, f"{CHAMPIONS} champions": queries_large},
    )
    results_dir = ROOT / "benchmarks" / "results"
    results_dir.mkdir(exist_ok=True)
    (results_dir / "bench_directory.json").write_text(json.dumps(summary, indent=2))

    missed = []
    if queries_small != queries_large:
        missed.append(f"query count grew from {queries_small} to {queries_large}")
    search_client = summary["test client"]["filtered search"]["median_ms"]
    search_server = summary["gunicorn"]["filtered search"]["p50_ms"]
    if search_client >= TARGET_MS:
        missed.append(f"test client median {search_client:.1f} ms (target < {TARGET_MS:.0f} ms)")
    if search_server >= TARGET_MS:
        missed.append(f"gunicorn median {search_server:.1f} ms (target < {TARGET_MS:.0f} ms)")
    if summary["gunicorn"]["filtered search"]["errors"]:
        missed.append("errors or non-2xx responses under gunicorn")
    if missed:
        print("\nMissed:\n  " + "\n  ".join(missed))
        return 1
    print(f"\nTarget met: filtered search median < {TARGET_MS:.0f} ms with a constant {queries_large} queries.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
