"""Benchmark certificates: one PDF in a warm process, and 1,000 through a real Celery worker.

    make bench ONLY=certificates

1. Rendering. The median milliseconds to render one certificate PDF in a warm process (20 renders after
   a warm-up), for the site's renderer (``courses.pdf.render_pdf``: shipped fonts, stylesheet parsed once,
   cached font configuration) and for stock WeasyPrint on the same HTML (the same stylesheet inline, the
   system's fonts, ``HTML(string=...).write_pdf()`` with its defaults), interleaved in the same run.
   Target: the site's median under 60 ms.

2. Bulk issue. Certificates per second for 1,000 completions through a real worker with concurrency 2
   (prefork), from queueing the 1,000 tasks to the last PDF stored, each task doing what it does on the
   site: issue, render, store, email (to a dummy backend). Target: at least 25 per second.
   It needs Redis and PostgreSQL: the broker is CELERY_BROKER_URL, else redis://127.0.0.1:6379/14, with a
   queue of its own; the database is a scratch one created on the server of DATABASE_URL (else
   postgres://postgres@127.0.0.1:5432) and dropped at the end; files go to a temporary folder.

Prints the figures (and writes them to benchmarks/results/certificates.json); exits non-zero if a target
is missed or part 2 could not run. Both are wall-clock figures, so on a busy machine they suffer: the load
average is printed beside them, and the renderer's CPU time too. BENCH_CERTIFICATES (1000) and BENCH_RENDERS
(20) change the counts; BENCH_WORKER_LOG and BENCH_WORKER_LOGLEVEL keep the worker's log for a look.
"""

from __future__ import annotations

import datetime
import decimal
import io
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RENDERS = int(os.environ.get("BENCH_RENDERS", 20))
CERTIFICATES = int(os.environ.get("BENCH_CERTIFICATES", 1000))
RENDER_TARGET_MS = 60.0
RATE_TARGET = 25.0
DEFAULT_BROKER = "redis://127.0.0.1:6379/14"
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
BULK_TIMEOUT_S = 600


# --- Services ------------------------------------------------------------------------------------------


def broker_url() -> str:
    url = os.environ.get("CELERY_BROKER_URL", "")
    return url if url.startswith("redis://") else DEFAULT_BROKER


def redis_reachable(url: str) -> str | None:
    """None if Redis answers, else why not."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except Exception as error:
        return f"Redis at {url} is not reachable ({error})"
    return None


def scratch_postgres() -> tuple[str | None, object, str | None]:
    """(DATABASE_URL of a new empty database, a function that drops it, or why there is none)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = DEFAULT_POSTGRES
    try:
        import psycopg

        parts = urlparse(url)
        server = urlunparse(parts._replace(path="/postgres", scheme="postgresql"))
        name = f"bench_certificates_{os.getpid()}"
        with psycopg.connect(server, autocommit=True, connect_timeout=3) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
    except Exception as error:
        return None, lambda: None, f"PostgreSQL at {url} is not reachable ({error})"

    def drop():
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return urlunparse(parts._replace(path=f"/{name}")), drop, None


def set_up_django(database_url: str, broker: str, media_root: Path) -> dict[str, str]:
    """Configure this process (and return the environment for the worker) before Django starts."""
    environment = {
        "DJANGO_SETTINGS_MODULE": "lms.settings.base",
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": broker,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "MEDIA_ROOT": str(media_root),
        "EMAIL_URL": "dummymail://",
        "SITE_URL": "https://learning.dasv-partnership.example",
        "LOG_LEVEL": "WARNING",
        "DEBUG": "false",
    }
    os.environ.update(environment)
    import django

    django.setup()
    return environment


# --- Part 1: one rendering -----------------------------------------------------------------------------


def sample_document():
    from PIL import Image, ImageDraw

    from courses.certificates import pdf

    logo = Image.new("RGB", (600, 200), "#4c2c92")
    ImageDraw.Draw(logo).rectangle((40, 40, 160, 160), fill="#ffffff")
    buffer = io.BytesIO()
    logo.save(buffer, format="PNG")
    return pdf.CertificateDocument(
        holder_name="Siobhán O'Connor-Ní Bhriain",
        course_title="Domestic abuse awareness: recognising coercive and controlling behaviour",
        completed_on=datetime.date(2025, 3, 12),
        cpd_hours=decimal.Decimal("3.5"),
        issued_on=datetime.date(2025, 3, 12),
        expires_on=datetime.date(2028, 3, 12),
        code="7KQ2-9XHM-B4TD-0RWE",
        verification_url="https://learning.dasv-partnership.example/certificates/verify/7KQ2-9XHM-B4TD-0RWE/",
        verification_form_url="https://learning.dasv-partnership.example/certificates/verify/",
        partnership_name="Cambridgeshire & Peterborough DASV Partnership",
        logo=pdf.Logo(data=buffer.getvalue(), mime_type="image/png", alt="Partnership logo"),
    )


def measure_rendering() -> dict:
    from courses.certificates import pdf

    document = sample_document()
    ours_first = pdf.render_pdf(document)
    stock_first = pdf.render_pdf_stock(document)
    for _ in range(2):  # warm both
        pdf.render_pdf(document)
        pdf.render_pdf_stock(document)
    ours, stock, ours_cpu, stock_cpu = [], [], [], []
    for _ in range(RENDERS):  # interleaved, so that a noisy moment hits both alike
        started, started_cpu = time.perf_counter(), time.process_time()
        again = pdf.render_pdf(document)
        ours.append((time.perf_counter() - started) * 1000)
        ours_cpu.append((time.process_time() - started_cpu) * 1000)
        started, started_cpu = time.perf_counter(), time.process_time()
        pdf.render_pdf_stock(document)
        stock.append((time.perf_counter() - started) * 1000)
        stock_cpu.append((time.process_time() - started_cpu) * 1000)
    assert again == ours_first, "the site's renderer must give the same bytes every time"
    return {
        "renders": RENDERS,
        "ours_median_ms": statistics.median(ours),
        "ours_min_ms": min(ours),
        "ours_cpu_median_ms": statistics.median(ours_cpu),
        "stock_median_ms": statistics.median(stock),
        "stock_min_ms": min(stock),
        "stock_cpu_median_ms": statistics.median(stock_cpu),
        "load_average": os.getloadavg()[0],
        "ours_bytes": len(ours_first),
        "stock_bytes": len(stock_first),
    }


# --- Part 2: bulk issue through a real worker ----------------------------------------------------------


def make_completions(count: int) -> list[int]:
    """One course and ``count`` learners who completed it, inserted in bulk (no certificates yet)."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone
    from wagtail.models import Site

    from accounts.models import District, Organisation, Sector, User
    from courses.models import Completion, CourseIndexPage, CoursePage

    root = Site.objects.get(is_default_site=True).root_page
    index = root.add_child(instance=CourseIndexPage(title="Courses", slug="bench-courses"))
    course = index.add_child(
        instance=CoursePage(
            title="Domestic abuse awareness",
            slug="bench-domestic-abuse-awareness",
            summary="Recognising domestic abuse and responding safely.",
            cpd_hours=decimal.Decimal("1.5"),
            certificate_validity_months=36,
        )
    )
    organisation = Organisation.objects.create(name="Bench Organisation", sector=Sector.objects.first())
    district = District.objects.first()
    password = make_password(None)
    users = User.objects.bulk_create(
        User(
            email=f"learner{i}@bench.example",
            full_name=f"Learner Number {i} O'Brien-Łukasiewicz",
            job_title="Social worker",
            organisation=organisation,
            district=district,
            password=password,
        )
        for i in range(count)
    )
    today = timezone.localdate()
    completions = Completion.objects.bulk_create(
        Completion(
            user=user,
            course=course,
            completed_on=today,
            organisation=organisation,
            sector_id=organisation.sector_id,
            district=district,
        )
        for user in users
    )
    return [completion.pk for completion in completions]


def start_worker(environment: dict[str, str], queue: str, node: str, log: Path) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "lms",
        "worker",
        "--pool=prefork",
        "--concurrency=2",
        "--loglevel=" + os.environ.get("BENCH_WORKER_LOGLEVEL", "WARNING"),
        f"--hostname={node}",
        f"--queues={queue}",
        "--without-mingle",
        "--without-gossip",
    ]
    with log.open("wb") as log_file:
        return subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, **environment},
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=log_file,
        )


def wait_for(condition, what: str, timeout: float, interval: float = 0.1):
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


def measure_bulk(environment: dict[str, str], workdir: Path) -> dict:
    from courses.certificates import tasks
    from courses.models import Certificate
    from lms.celery import app

    completion_ids = make_completions(CERTIFICATES)
    token = uuid.uuid4().hex[:8]
    queue, node = f"bench-certificates-{token}", f"bench-certificates-{token}@{socket.gethostname()}"
    app.conf.update(task_always_eager=False, task_routes={"*": {"queue": queue}})
    log = Path(os.environ["BENCH_WORKER_LOG"]) if os.environ.get("BENCH_WORKER_LOG") else workdir / "worker.log"
    worker = start_worker(environment, queue, node, log)
    try:

        def worker_ready():
            if worker.poll() is not None:
                raise RuntimeError(f"the worker exited:\n{log.read_text(errors='replace')[-3000:]}")
            return (app.control.inspect(destination=[node], timeout=1.0).ping() or {}).get(node)

        wait_for(worker_ready, "the worker to start", 60)
        started = time.monotonic()
        for completion_id in completion_ids:
            tasks.issue_certificate.delay(completion_id)
        queued = time.monotonic() - started

        def all_stored():
            return Certificate.objects.exclude(pdf="").count() >= len(completion_ids)

        # Polled 4 times a second: often enough for the figure, rarely enough not to load the database.
        wait_for(all_stored, f"{len(completion_ids)} certificates to be stored", BULK_TIMEOUT_S, 0.25)
        elapsed = time.monotonic() - started
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
        with app.connection_for_write() as connection:
            bound = app.amqp.queues[queue].bind(connection.default_channel)
            bound.declare()
            bound.delete()
    stored = Certificate.objects.exclude(pdf="").count()
    files = sum(1 for _ in (Path(environment["MEDIA_ROOT"]) / "certificates").glob("*.pdf"))
    assert stored == files == len(completion_ids), (stored, files)
    return {
        "certificates": len(completion_ids),
        "seconds": elapsed,
        "per_second": len(completion_ids) / elapsed,
        "queueing_seconds": queued,
    }


# --- Main ----------------------------------------------------------------------------------------------


def main() -> int:
    results: dict = {}
    failures: list[str] = []
    broker = broker_url()
    with tempfile.TemporaryDirectory(prefix="bench-certificates-") as tmp:
        workdir = Path(tmp)
        why_not = redis_reachable(broker)
        database_url, drop, database_problem = scratch_postgres()
        why_not = why_not or database_problem
        try:
            environment = set_up_django(
                database_url or f"sqlite:///{workdir / 'bench.sqlite3'}", broker, workdir / "media"
            )

            rendering = measure_rendering()
            results["rendering"] = rendering
            ratio = rendering["stock_median_ms"] / rendering["ours_median_ms"]
            print(
                f"One certificate PDF, warm process, median of {RENDERS} renders (interleaved; "
                f"load average {rendering['load_average']:.1f} on {os.cpu_count()} CPUs):"
            )
            print(
                f"  site renderer:    {rendering['ours_median_ms']:7.1f} ms  (min {rendering['ours_min_ms']:.1f}, "
                f"CPU {rendering['ours_cpu_median_ms']:.1f})  {rendering['ours_bytes'] / 1024:.0f} KB, tagged PDF/UA-1"
            )
            print(
                f"  stock WeasyPrint: {rendering['stock_median_ms']:7.1f} ms  (min {rendering['stock_min_ms']:.1f}, "
                f"CPU {rendering['stock_cpu_median_ms']:.1f})  {rendering['stock_bytes'] / 1024:.0f} KB"
            )
            print(f"  stock / site: {ratio:.1f}x    target: site median < {RENDER_TARGET_MS:.0f} ms")
            if rendering["ours_median_ms"] >= RENDER_TARGET_MS:
                failures.append(f"rendering median {rendering['ours_median_ms']:.1f} ms >= {RENDER_TARGET_MS:.0f} ms")

            if why_not:
                print(f"\nBulk issue through a real worker: NOT MEASURED: {why_not}")
                failures.append("bulk issue not measured (needs Redis and PostgreSQL)")
            else:
                from django.core.management import call_command

                call_command("migrate", verbosity=0, interactive=False)
                bulk = measure_bulk(environment, workdir)
                results["bulk"] = bulk
                print(
                    f"\nBulk issue: {bulk['certificates']} certificates through a real worker (prefork, concurrency 2):"
                )
                print(
                    f"  {bulk['seconds']:.1f} s from queueing to the last PDF stored: {bulk['per_second']:.1f} "
                    f"certificates/s (queueing took {bulk['queueing_seconds']:.1f} s)"
                )
                print(f"  target: >= {RATE_TARGET:.0f} certificates/s (load average now {os.getloadavg()[0]:.1f})")
                if bulk["per_second"] < RATE_TARGET:
                    failures.append(f"bulk issue {bulk['per_second']:.1f}/s < {RATE_TARGET:.0f}/s")
        finally:
            from django.db import connections

            connections.close_all()
            drop()
    (ROOT / "benchmarks" / "results").mkdir(exist_ok=True)
    (ROOT / "benchmarks" / "results" / "certificates.json").write_text(json.dumps(results, indent=2))
    if failures:
        print("\nMISSED: " + "; ".join(failures))
        return 1
    print("\nAll certificate targets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
