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

import http.client
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
SECONDS = int(os.environ.get("BENCH_SECONDS", 10))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 3))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 16))
THREADS = int(os.environ.get("BENCH_THREADS", 2))
WORKERS = int(os.environ.get("BENCH_WORKERS", 2))
WRK = shutil.which("wrk") or "/usr/bin/wrk"

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
from courses import selectors
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


def scratch_database(workdir: Path) -> tuple[str, object]:
    """A DATABASE_URL for a new, empty database, and a function that drops it afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{workdir / 'bench_pages.sqlite3'}", lambda: None
    import psycopg

    parts = urlparse(url)
    name = f"bench_pages_{os.getpid()}"
    server = urlunparse(parts._replace(path="/postgres", scheme="postgresql"))
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return urlunparse(parts._replace(path=f"/{name}")), drop


def environment(database_url: str, workdir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "DEBUG": "false",
            "DATABASE_URL": database_url,
            "CACHE_URL": os.environ.get("CACHE_URL", "locmemcache://"),
            "CONN_MAX_AGE": os.environ.get("CONN_MAX_AGE", "600"),
            "CELERY_BROKER_URL": "memory://",
            "MEDIA_ROOT": str(workdir / "media"),
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
    )
    return env


def prepare(env: dict[str, str], log) -> dict:
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput"], ["load_demo"]):
        subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True, stdout=log, stderr=log)
    result = subprocess.run(
        [sys.executable, "-c", SETUP], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(port: int, path: str, cookie: str | None = None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def wait_until_serving(port: int, server: subprocess.Popen, deadline_seconds: float = 60) -> None:
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn exited; see its log above")
        try:
            if fetch(port, "/bench/bare/")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)  # polling a starting server, with a deadline
    raise RuntimeError(f"gunicorn did not answer within {deadline_seconds:.0f} s")


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * UNITS[unit]


def wrk(url: str, cookie: str | None, seconds: int) -> dict:
    command = [WRK, f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run([*command, url], check=True, capture_output=True, text=True).stdout
    requests_total = re.search(r"(\d+) requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB) read", output)
    size = float(requests_total.group(2)) * {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}[requests_total.group(3)]
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)),
        "p99_ms": _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1)),
        "requests": int(requests_total.group(1)),
        "bytes_per_response": size / max(int(requests_total.group(1)), 1),
        "socket_errors": sum(int(n) for n in errors.groups()) if errors else 0,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
    }


def main() -> int:
    if not Path(WRK).exists():
        print("wrk is not installed (Debian: apt-get install wrk).")
        return 1
    workdir = Path(tempfile.mkdtemp(prefix="bench_pages_"))
    database_url, drop_database = scratch_database(workdir)
    env = environment(database_url, workdir)
    log_path = workdir / "server.log"
    server = None
    try:
        with open(log_path, "w") as log:
            started = time.monotonic()
            pages = prepare(env, log)
            print(
                f"Database ({urlparse(database_url).scheme}) migrated and demo loaded "
                f"in {time.monotonic() - started:.0f} s"
            )
            port = free_port()
            server = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "lms.wsgi", "--workers", str(WORKERS), "--worker-class", "sync"]
                + ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=log,
            )
            wait_until_serving(port, server)
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
                wrk(f"http://127.0.0.1:{port}{path}", cookie, 2)
            runs: dict[str, list[dict]] = {name: [] for name, *_ in targets}
            for round_number in range(1, ROUNDS + 1):
                for name, path, cookie, _ in targets:
                    result = wrk(f"http://127.0.0.1:{port}{path}", cookie, SECONDS)
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
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        drop_database()
        shutil.rmtree(workdir, ignore_errors=True)

    summary = {}
    for name, results in runs.items():
        summary[name] = {
            "rps": statistics.median(r["rps"] for r in results),
            "p50_ms": statistics.median(r["p50_ms"] for r in results),
            "p99_ms": statistics.median(r["p99_ms"] for r in results),
            "errors": sum(r["socket_errors"] + r["non_2xx"] for r in results),
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
