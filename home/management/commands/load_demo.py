"""Load the demo content a newcomer needs to try the platform. Safe to run again.

Each app that has demo content provides ``<app>/demo.py`` with
``load(stdout) -> int`` (the number of things it created). Apps are loaded
bottom-up (home, accounts, courses, champions, reports) so that each can use
what the ones below it made; this command imports none of them directly.
"""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

APPS_IN_ORDER = ["home", "accounts", "courses", "champions", "reports"]


class Command(BaseCommand):
    help = "Load demo content (site pages, organisations, one user per role, ...). Idempotent."

    def handle(self, *args, **options):
        created = 0
        with transaction.atomic():
            for app_label in APPS_IN_ORDER:
                try:
                    module = import_module(f"{app_label}.demo")
                except ModuleNotFoundError as error:
                    if error.name != f"{app_label}.demo":
                        raise
                    continue
                created += module.load(self.stdout)
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {created} objects created."))
        else:
            self.stdout.write("Demo content already loaded: nothing changed.")
