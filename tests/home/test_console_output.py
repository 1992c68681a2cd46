"""`make run` prints what a newcomer needs: no kombu warning, and a refused request once, as one line."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_an_eager_task_on_the_default_in_memory_broker_prints_no_kombu_warning():
    # What Celery does for every eager task: open a producer on the broker to serialise the arguments.
    code = (
        "import django; django.setup()\n"
        "from lms.celery import app\n"
        "with app.producer_or_acquire():\n"
        "    pass\n"
        "print(app.conf.broker_url, app.conf.task_always_eager)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("CELERY_")}
    env["DJANGO_SETTINGS_MODULE"] = "lms.settings.dev"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["memory://localhost/", "True"]
    assert "No hostname was supplied" not in result.stderr
    assert "WARNING" not in result.stderr


@contextlib.contextmanager
def console_output(logger_name: str):
    """What the console handlers that a record of ``logger_name`` reaches print, into one buffer."""
    buffer = io.StringIO()
    swapped = []
    logger = logging.getLogger(logger_name)
    while logger:
        for handler in logger.handlers:
            if type(handler) is logging.StreamHandler:  # not pytest's capturing handlers
                swapped.append((handler, handler.setStream(buffer)))
        logger = logger.parent if logger.propagate else None
    try:
        yield buffer
    finally:
        for handler, stream in swapped:
            handler.setStream(stream)


@pytest.mark.django_db
def test_a_refused_request_is_printed_once_as_one_line_without_a_traceback(client, professional, settings):
    settings.DEBUG = True  # as under `make run`, where Django's own console handler printed it a second time
    client.force_login(professional)

    with console_output("django.request") as output:
        assert client.get("/partners/").status_code == 403

    printed = output.getvalue()
    assert printed.count("Forbidden (Permission denied): /partners/") == 1
    assert "Traceback" not in printed
    assert len(printed.strip().splitlines()) == 1


def test_a_server_error_keeps_its_traceback():
    try:
        raise RuntimeError("the database went away")
    except RuntimeError as error:
        with console_output("django.request") as output:
            logging.getLogger("django.request").error(
                "Internal Server Error: /x/", exc_info=error, extra={"status_code": 500, "request": None}
            )

    assert output.getvalue().count("Internal Server Error: /x/") == 1
    assert "Traceback" in output.getvalue() and "RuntimeError: the database went away" in output.getvalue()
