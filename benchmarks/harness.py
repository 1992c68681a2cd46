"""What every HTTP benchmark shares: a scratch database, production settings, gunicorn, and wrk.

A benchmark script (run as ``python benchmarks/bench_*.py``, so this folder is on ``sys.path``) does::

    from harness import environment, gunicorn, scratch_database, wrk

    database_url, drop_database = scratch_database(workdir, "bench_pages")
    env = environment(database_url, workdir)
    with open(log_path, "w") as log, gunicorn(env, log, workers=2) as port:
        figures = wrk(f"http://127.0.0.1:{port}/bench/bare/", seconds=10, threads=2, connections=16)

gunicorn runs the site the way production does: ``lms.wsgi`` with production settings (benchmarks/settings.py
adds only the bare view ``/bench/bare/``), DEBUG off, sync workers on 127.0.0.1, persistent database
connections (CONN_MAX_AGE, as a deployment sets it), static files by WhiteNoise, the cache from CACHE_URL
(per-process locmem by default). wrk is Debian's (``apt-get install wrk``).

(Not named ``http.py``: with this folder first on ``sys.path`` it would hide the standard library's ``http``.)
"""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
WRK = shutil.which("wrk") or "/usr/bin/wrk"
WRK_MISSING = "wrk is not installed (Debian or Ubuntu: apt-get install wrk)."


def scratch_database(workdir: Path, name: str) -> tuple[str, Callable[[], None]]:
    """A DATABASE_URL for a new, empty database called ``name``, and a function that drops it afterwards.

    PostgreSQL when DATABASE_URL names a PostgreSQL server (the scratch database is created next to the one
    it names, after dropping any left over from an interrupted run); otherwise a SQLite file in ``workdir``.
    """
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{workdir / f'{name}.sqlite3'}", lambda: None
    import psycopg

    parts = urlparse(url)
    server = urlunparse(parts._replace(path="/postgres", scheme="postgresql"))

    def drop() -> None:
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    drop()
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunparse(parts._replace(path=f"/{name}")), drop


def environment(database_url: str, workdir: Path) -> dict[str, str]:
    """Production settings (plus the bare view) for gunicorn, for ``manage.py`` and for the script itself."""
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "SECURE_SSL_REDIRECT": "false",
            "DEBUG": "false",
            "DATABASE_URL": database_url,
            "CACHE_URL": os.environ.get("CACHE_URL", "locmemcache://"),
            "CONN_MAX_AGE": os.environ.get("CONN_MAX_AGE", "600"),
            "CELERY_BROKER_URL": "memory://",
            "EMAIL_URL": "consolemail://",
            "MEDIA_ROOT": str(workdir / "media"),
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
    )
    return env


def fetch(port: int, path: str, cookie: str | None = None, timeout: float = 30) -> tuple[int, bytes]:
    """One GET to the local server: its status and body."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_serving(port: int, server: subprocess.Popen, deadline_seconds: float = 60) -> None:
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


@contextlib.contextmanager
def gunicorn(env: dict[str, str], log: IO[str], workers: int) -> Iterator[int]:
    """Serve ``lms.wsgi`` with ``workers`` sync workers on a free local port (yielded) until the block ends."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "lms.wsgi", "--workers", str(workers), "--worker-class", "sync"]
        + ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    try:
        _wait_until_serving(port, server)
        yield port
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
SIZES = {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * UNITS[unit]


def wrk(url: str, seconds: int, threads: int, connections: int, cookie: str | None = None) -> dict:
    """Drive ``url`` with ``wrk --latency``: requests/s, p50 and p99 in ms, response size, and errors."""
    command = [WRK, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run([*command, url], check=True, capture_output=True, text=True).stdout
    requests_total = re.search(r"(\d+) requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB) read", output)
    requests = int(requests_total.group(1))
    size = float(requests_total.group(2)) * SIZES[requests_total.group(3)]
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = sum(int(n) for n in errors.groups()) if errors else 0
    non_2xx_count = int(non_2xx.group(1)) if non_2xx else 0
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)),
        "p99_ms": _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1)),
        "requests": requests,
        "bytes_per_response": size / max(requests, 1),
        "socket_errors": socket_errors,
        "non_2xx": non_2xx_count,
        "errors": socket_errors + non_2xx_count,
    }
