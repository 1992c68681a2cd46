"""A real Celery worker for tests about the worker (registered in tests/conftest.py through pytest_plugins).

Use it as::

    @pytest.mark.worker
    @pytest.mark.django_db(transaction=True, serialized_rollback=True)
    def test_something(celery_worker):
        some_task.delay(...)          # goes through Redis to the worker process
        wait_until(lambda: ..., "what should have happened")

A test that kills a worker uses ``celery_processes`` instead, to start workers (and a real beat) of its own,
with its own environment (a short visibility timeout, say), so that the session's worker lives on.

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


def _require_services() -> str:
    """The broker's URL; skip (or fail, in CI's services run) without Redis and PostgreSQL."""
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
    return broker


def _celery_env(broker: str, queue: str, **extra: str) -> dict[str, str]:
    """The environment of a worker or beat process of the tests: the test database, this run's queue."""
    from django.db import connection

    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "CELERY_BROKER_URL": broker,
        # What the worker or beat queues goes to this run's queue too (lms/settings/test.py).
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        # pytest-django has renamed the database to the test one by now (test_<name>).
        "DATABASE_URL": _database_url(connection.settings_dict),
        **extra,
    }


def _worker_command(node: str, queue: str) -> list[str]:
    return [
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


def _start_celery(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    with log.open("ab") as log_file:
        return subprocess.Popen(
            command, cwd=settings.BASE_DIR, env=env, stdin=subprocess.DEVNULL, stdout=log_file, stderr=log_file
        )


def wait_for_worker(worker: "WorkerProcess") -> None:
    """Until the worker answers a ping (it is consuming its queue); fail at once if it exits."""
    from lms.celery import app

    def ready():
        if worker.process.poll() is not None:
            pytest.fail(f"The Celery worker exited with code {worker.process.returncode}:\n{worker.output()}")
        return (app.control.inspect(destination=[worker.node], timeout=1.0).ping() or {}).get(worker.node)

    wait_until(
        ready, f"the Celery worker {worker.node} to answer a ping", WORKER_START_TIMEOUT, 0.1, details=worker.output
    )


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()  # a warm shutdown: the current task finishes first
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _delete_queue(queue: str) -> None:
    """Leave nothing of this run's queue on the shared broker (a channel removes only bindings it knows)."""
    from lms.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1)
        bound = app.amqp.queues[queue].bind(conn.default_channel)
        bound.declare()
        bound.delete()


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
    broker = _require_services()
    token = uuid.uuid4().hex[:10]
    node = f"pytest-{token}@{socket.gethostname()}"
    queue = f"pytest-{token}"
    env = _celery_env(broker, queue)
    log = tmp_path_factory.mktemp("celery-worker") / "worker.log"
    process = _start_celery(_worker_command(node, queue), env, log)
    worker = WorkerProcess(node, queue, process, log)
    started = False
    try:
        wait_for_worker(worker)
        started = True
        yield worker
    finally:
        _stop(process)
        if started:
            # Leave nothing of this run's queue on the shared broker (a channel removes only bindings it knows).
            _delete_queue(queue)


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


class CeleryProcesses:
    """Workers and a beat of one test's own, on a queue of its own, started with extra environment."""

    def __init__(self, broker: str, directory: Path, extra_env: dict[str, str]):
        self.token = uuid.uuid4().hex[:10]
        self.queue = f"pytest-{self.token}"
        self.directory = directory
        self.env = _celery_env(broker, self.queue, **extra_env)
        self.processes: list[subprocess.Popen] = []
        self.workers = 0

    def start_worker(self) -> WorkerProcess:
        """A new worker on this test's queue, once it answers a ping."""
        self.workers += 1
        node = f"pytest-{self.token}-{self.workers}@{socket.gethostname()}"
        log = self.directory / f"worker-{self.workers}.log"
        process = _start_celery(_worker_command(node, self.queue), self.env, log)
        self.processes.append(process)
        worker = WorkerProcess(node, self.queue, process, log)
        wait_for_worker(worker)
        return worker

    def start_beat(self) -> subprocess.Popen:
        """A real ``celery beat``, sending the schedule in the settings (as the environment sets it)."""
        command = [sys.executable, "-m", "celery", "-A", "lms", "beat", "--loglevel=INFO"]
        command.append(f"--schedule={self.directory / 'beat-schedule'}")
        process = _start_celery(command, self.env, self.directory / "beat.log")
        self.processes.append(process)
        return process

    def logs(self) -> str:
        return "\n".join(f"{log.name}:\n{_log_tail(log)}" for log in sorted(self.directory.glob("*.log")))


@pytest.fixture
def celery_processes(django_db_setup, tmp_path):
    """Start real workers and beat for this test (``start(**env)``); stop them and empty the queue after.

    For tests that kill a worker: the session's worker (``celery_worker``) must survive for the others. Tasks
    the test itself queues go to the same queue.
    """
    from lms.celery import app

    broker = _require_services()
    made: list[CeleryProcesses] = []

    def start(**extra_env: str) -> CeleryProcesses:
        processes = CeleryProcesses(broker, tmp_path, extra_env)
        made.append(processes)
        app.conf.update(task_always_eager=False, task_routes={"*": {"queue": processes.queue}})
        return processes

    saved = {key: app.conf[key] for key in ("task_always_eager", "task_routes")}
    try:
        yield start
    finally:
        app.conf.update(saved)
        for processes in made:
            for process in processes.processes:
                _stop(process)
            _delete_queue(processes.queue)
