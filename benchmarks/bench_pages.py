"""Benchmark the learner-facing pages served by gunicorn, against a bare Django view in the same run.

    make bench ONLY=pages                                                          # SQLite (a throwaway file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres make bench ONLY=pages   # PostgreSQL (a scratch db)

It builds a fresh database (a temporary SQLite file, or a scratch PostgreSQL database created next to the
one in DATABASE_URL and dropped at the end), runs ``migrate`` and ``load_demo``, signs the demo learner in
(a session cookie), and starts gunicorn the way production runs it: ``lms.wsgi`` with production settings
(benchmarks/settings.py adds only the bare view), DEBUG off, 2 sync workers on 127.0.0.1, persistent
database connections (CONN_MAX_AGE, as a deployment sets it), static files by WhiteNoise, and the cache
from CACHE_URL (per-process locmem by default). Then it drives each page with
``wrk -t2 -c16 -d10s --latency`` (Debian's wrk), interleaved over several rounds because the machine is
shared and noisy:

- ``/bench/bare/``: a Django view returning "ok" through the whole middleware stack (the baseline);
- the catalogue and a course page, as an anonymous visitor;
- a module page with its knowledge check, as the signed-in demo learner.

It prints the median requests/s, p50 and p99 of each, and each page's ratio to the bare view, and exits
non-zero if a target is missed: catalogue and course page >= 50% of the bare view, module page >= 15%,
every p99 under 100 ms. Before measuring, it checks that every URL answers 200 with the page expected
(not a redirect to the sign-in page), and that wrk saw no errors.

Settings: BENCH_SECONDS (10), BENCH_ROUNDS (3), BENCH_CONNECTIONS (16), BENCH_THREADS (2), BENCH_WORKERS (2).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

from harness import WRK, WRK_MISSING, environment, fetch, gunicorn, scratch_database, wrk

ROOT = Path(__file__).resolve().parent.parent
SECONDS = int(os.environ.get("BENCH_SECONDS", 10))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 3))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 16))
THREADS = int(os.environ.get("BENCH_THREADS", 2))
WORKERS = int(os.environ.get("BENCH_WORKERS", 2))

# name -> minimum ratio to the bare view's requests/s
TARGET_RATIOS = {"catalogue (anonymous)": 0.50, "course page (anonymous)": 0.50, "module page (signed in)": 0.15}
TARGET_P99_MS = 100.0

# Run inside the benchmark's Django environment: sign the demo learner in and find the pages to measure.
SETUP = r"""
import json
import django

django.setup()
from django.conf import settings
from django.test import Client

from accounts.models import User
from courses.learning import selectors
from courses.models import CourseIndexPage, CoursePage, Enrolment

learner = User.objects.get(email="learner@demo.dasv-learning.example")
enrolment = Enrolment.objects.filter(user=learner, status=Enrolment.Status.ACTIVE).select_related("course").first()
module = selectors.learner_course_state(learner, enrolment.course).resume_module()
course = CoursePage.objects.live().get(slug="domestic-abuse-awareness")
client = Client()
client.force_login(learner)
print(json.dumps({
    "catalogue": CourseIndexPage.objects.live().first().get_url(),
    "course": course.get_url(),
    "course_title": course.title,
    "module": module.url,
    "module_title": module.title,
    "cookie": f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}",
}))
"""


def prepare(env: dict[str, str], log) -> dict:
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput"], ["load_demo"]):
        subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True, stdout=log, stderr=log)
    result = subprocess.run(
        [sys.executable, "-c", SETUP], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    if not Path(WRK).exists():
        print(WRK_MISSING)
        return 1
    workdir = Path(tempfile.mkdtemp(prefix="bench_pages_"))
    database_url, drop_database = scratch_database(workdir, f"bench_pages_{os.getpid()}")
    env = environment(database_url, workdir)
    log_path = workdir / "server.log"
    try:
        with open(log_path, "w") as log:
            started = time.monotonic()
            pages = prepare(env, log)
            print(
                f"Database ({urlparse(database_url).scheme}) migrated and demo loaded "
                f"in {time.monotonic() - started:.0f} s"
            )
            with gunicorn(env, log, WORKERS) as port:
                targets = [
                    ("bare view", "/bench/bare/", None, b"ok"),
                    ("catalogue (anonymous)", pages["catalogue"], None, b"courses"),
                    ("course page (anonymous)", pages["course"], None, pages["course_title"].encode()),
                    ("module page (signed in)", pages["module"], pages["cookie"], pages["module_title"].encode()),
                ]
                sizes = {}
                for name, path, cookie, expected in targets:
                    status, body = fetch(port, path, cookie)
                    if status != 200 or expected not in body:
                        raise RuntimeError(f"{name}: GET {path} answered {status}, not the page expected")
                    sizes[name] = len(body)
                for _name, path, cookie, _ in targets:  # warm up every worker's caches
                    wrk(f"http://127.0.0.1:{port}{path}", 2, THREADS, CONNECTIONS, cookie)
                runs: dict[str, list[dict]] = {name: [] for name, *_ in targets}
                for round_number in range(1, ROUNDS + 1):
                    for name, path, cookie, _ in targets:
                        result = wrk(f"http://127.0.0.1:{port}{path}", SECONDS, THREADS, CONNECTIONS, cookie)
                        runs[name].append(result)
                        print(
                            f"  round {round_number} {name:26} {result['rps']:8.0f} req/s  "
                            f"p50 {result['p50_ms']:6.1f} ms  p99 {result['p99_ms']:6.1f} ms",
                            flush=True,
                        )
    except Exception:
        print(log_path.read_text()[-5000:] if log_path.exists() else "")
        raise
    finally:
        drop_database()
        shutil.rmtree(workdir, ignore_errors=True)

    summary = {}
    for name, results in runs.items():
        summary[name] = {
            "rps": statistics.median(r["rps"] for r in results),
            "p50_ms": statistics.median(r["p50_ms"] for r in results),
            "p99_ms": statistics.median(r["p99_ms"] for r in results),
            "errors": sum(r["errors"] for r in results),
            "bytes_per_response": statistics.median(r["bytes_per_response"] for r in results),
        }
    bare = summary["bare view"]["rps"]
    missed = []
    print(
        f"\nMedians of {ROUNDS} rounds of wrk -t{THREADS} -c{CONNECTIONS} -d{SECONDS}s, gunicorn with {WORKERS} "
        f"sync workers, {urlparse(database_url).scheme}:"
    )
    print(f"  {'page':26} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'vs bare':>8} {'target':>8}")
    for name, figures in summary.items():
        ratio = figures["rps"] / bare if bare else 0.0
        figures["ratio_to_bare"] = ratio
        target = TARGET_RATIOS.get(name)
        print(
            f"  {name:26} {figures['rps']:8.0f} {figures['p50_ms']:8.1f} {figures['p99_ms']:8.1f} "
            f"{ratio:7.0%} {f'>= {target:.0%}' if target else '':>8}"
        )
        if target and ratio < target:
            missed.append(f"{name}: {ratio:.0%} of the bare view (target {target:.0%})")
        if figures["p99_ms"] >= TARGET_P99_MS:
            missed.append(f"{name}: p99 {figures['p99_ms']:.1f} ms (target < {TARGET_P99_MS:.0f} ms)")
        if figures["errors"]:
            missed.append(f"{name}: {figures['errors']} errors or non-2xx/3xx responses")
        # Every response should be the page itself (a redirect would be a few hundred bytes).
        if figures["bytes_per_response"] < 0.8 * sizes[name]:
            missed.append(f"{name}: responses of {figures['bytes_per_response']:.0f} bytes, not the page")
    results_dir = ROOT / "benchmarks" / "results"
    results_dir.mkdir(exist_ok=True)
    (results_dir / "bench_pages.json").write_text(json.dumps(summary, indent=2))
    if missed:
        print("\nMissed:\n  " + "\n  ".join(missed))
        return 1
    print("\nAll targets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
