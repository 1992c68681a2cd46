"""Load the demo content a newcomer needs to try the platform. Safe to run again.

Each app that has demo content provides ``<app>/demo.py`` with
``load(stdout) -> int`` (the number of records it created, saying what they
are on ``stdout``). Apps are loaded bottom-up (home, accounts, courses,
champions, reports) so that each can use what the ones below it made; this
command imports none of them directly.

The demo's certificates email their holders: here each email is one line of
the output (nothing is sent), and the worker's log line per task is left out.
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from home.email_backends import one_line_per_email

APPS_IN_ORDER = ["home", "accounts", "courses", "champions", "reports"]


@contextmanager
def _without_task_log() -> Iterator[None]:
    # "Task courses.tasks.issue_certificate[...] succeeded in 0.08s" once per certificate tells a newcomer nothing.
    logger = logging.getLogger("celery.app.trace")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


class Command(BaseCommand):
    help = "Load demo content (site pages, organisations, one user per role, ...). Idempotent."

    def handle(self, *args, **options):
        created = 0
        # The transaction innermost: the certificates' tasks (and their emails) run as it commits, still quietly.
        with one_line_per_email(self.stdout), _without_task_log(), transaction.atomic():
            for app_label in APPS_IN_ORDER:
                try:
                    module = import_module(f"{app_label}.demo")
                except ModuleNotFoundError as error:
                    if error.name != f"{app_label}.demo":
                        raise
                    continue
                created += module.load(self.stdout)
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {created} records created in all."))
        else:
            self.stdout.write("Demo content already loaded: nothing changed.")
