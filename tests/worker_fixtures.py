"""A real Celery worker for tests about the worker (registered in tests/conftest.py through pytest_plugins).

Use it as::

    @pytest.mark.worker
    @pytest.mark.django_db(transaction=True, serialized_rollback=True)
    def test_something(celery_worker):
        some_task.delay(...)          # goes through Redis to the worker process
        wait_until(lambda: ..., "what should have happened")

The worker is a separate process (``celery -A lms worker --pool=solo``) on the broker in CELERY_BROKER_URL,
writing to the test database pytest-django created, so it needs PostgreSQL: a second process cannot see
SQLite's in-memory test database. Tests must be transactional so that what they write is committed and
visible to the worker (and what the worker writes, to them); serialized rollback restores the migrations'
reference data afterwards for the tests that follow.

Without a Redis broker or on SQLite the tests are skipped; with CI=true and REQUIRE_SERVICES=1 they fail
instead, so the services run of CI cannot pass without having run them.
"""

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings

WORKER_START_TIMEOUT = 60
TASK_TIMEOUT = 30


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("CI") == "true" and os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(f"CI=true and REQUIRE_SERVICES=1, so not skipping: {reason}", pytrace=False)
    pytest.skip(reason)


def wait_until(
    condition: Callable[[], object],
    what: str,
    timeout: float = TASK_TIMEOUT,
    interval: float = 0.2,
    details: Callable[[], str] | None = None,
):
    """Poll ``condition`` until it returns something truthy (and return that), or fail after ``timeout`` s.

    ``details``, if given, is called on failure for more to show (a worker's log, say).
    """
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            more = f"\n{details()}" if details else ""
            pytest.fail(f"Timed out after {timeout:.0f} s waiting for {what}{more}", pytrace=False)
        time.sleep(interval)


def _database_url(settings_dict: dict) -> str:
    user = quote(settings_dict.get("USER") or "", safe="")
    password = settings_dict.get("PASSWORD") or ""
    credentials = f"{user}:{quote(password, safe='')}@" if password else (f"{user}@" if user else "")
    # An empty HOST means the local socket; a HOST that is a socket directory must be quoted.
    host = quote(settings_dict.get("HOST") or "", safe="")
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{credentials}{host}{port}/{quote(settings_dict['NAME'], safe='')}"


def _log_tail(path: Path, lines: int = 40) -> str:
    text = path.read_text(errors="replace") if path.exists() else ""
    return "\n".join(text.splitlines()[-lines:]) or "(no output)"


class WorkerProcess:
    def __init__(self, node: str, queue: str, process: subprocess.Popen, log: Path):
        self.node, self.queue, self.process, self.log = node, queue, process, log

    def output(self) -> str:
        """The end of the worker's log."""
        return f"worker {self.node} log (last lines):\n{_log_tail(self.log)}"


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, tmp_path_factory):
    """Start one real worker for the session, against the test database; stop it before the database goes.

    It has its own node name and queue, so that several test runs sharing one Redis (another developer, a
    pytest-xdist worker) never take each other's tasks.
    """
    from django.db import connection

    from lms.celery import app

    broker = app.conf.broker_url or ""
    if not broker.startswith("redis://"):
        _skip_or_fail(f"needs a real broker: CELERY_BROKER_URL=redis://... (it is {broker!r})")
    if connection.vendor != "postgresql":
        _skip_or_fail(
            f"needs PostgreSQL (DATABASE_URL=postgres://...): a worker process cannot reach the {connection.vendor} "
            "test database"
        )

    token = uuid.uuid4().hex[:10]
    node = f"pytest-{token}@{socket.gethostname()}"
    queue = f"pytest-{token}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "CELERY_BROKER_URL": broker,
        # Tasks queued by the worker's own tasks come back to it, not to the shared default queue.
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        # pytest-django has renamed the database to the test one by now (test_<name>).
        "DATABASE_URL": _database_url(connection.settings_dict),
    }
    log = tmp_path_factory.mktemp("celery-worker") / "worker.log"
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "lms",
        "worker",
        "--pool=solo",
        "--concurrency=1",
        "--loglevel=INFO",
        f"--hostname={node}",
        f"--queues={queue}",
        # Start at once and talk to nobody else's workers.
        "--without-mingle",
        "--without-gossip",
    ]
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            command, cwd=settings.BASE_DIR, env=env, stdin=subprocess.DEVNULL, stdout=log_file, stderr=log_file
        )
    worker = WorkerProcess(node, queue, process, log)
    started = False
    try:

        def ready():
            if process.poll() is not None:
                pytest.fail(f"The Celery worker exited with code {process.returncode}:\n{worker.output()}")
            return (app.control.inspect(destination=[node], timeout=1.0).ping() or {}).get(node)

        wait_until(
            ready, f"the Celery worker {node} to answer a ping", WORKER_START_TIMEOUT, 0.1, details=worker.output
        )
        started = True
        yield worker
    finally:
        process.terminate()  # a warm shutdown: the current task finishes first
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if started:
            # Leave nothing of this run's queue on the shared broker (a channel removes only bindings it knows).
            with app.connection_for_write() as conn:
                conn.ensure_connection(max_retries=1)
                bound = app.amqp.queues[queue].bind(conn.default_channel)
                bound.declare()
                bound.delete()


@pytest.fixture
def celery_worker(celery_worker_process):
    """The session's real worker, with this test's tasks sent to it through the broker instead of run eagerly."""
    from lms.celery import app

    saved = {key: app.conf[key] for key in ("task_always_eager", "task_routes")}
    # Every task to this worker's own queue. Through update(): only that makes Celery rebuild its task router.
    app.conf.update(task_always_eager=False, task_routes={"*": {"queue": celery_worker_process.queue}})
    try:
        yield celery_worker_process
    finally:
        app.conf.update(saved)
