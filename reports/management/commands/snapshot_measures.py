"""python manage.py snapshot_measures --period 2025-26-Q1 [--force] (or --due, as the scheduled task does)"""

from django.core.management.base import BaseCommand, CommandError

from reports import periods as p
from reports import services


class Command(BaseCommand):
    help = (
        "Freeze a financial quarter's (or year's) measures, so the figures reported stay the figures on file. "
        "Freezing again needs --force and is recorded in the audit trail."
    )

    def add_arguments(self, parser):
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--period", help="A financial quarter (2025-26-Q1) or year (2025-26) that has ended.")
        target.add_argument("--due", action="store_true", help="Freeze whatever the schedule would freeze today.")
        parser.add_argument("--force", action="store_true", help="Freeze again a period already frozen.")

    def handle(self, *args, period, due, force, **options):
        if due:
            frozen = services.freeze_due()
            if not frozen:
                self.stdout.write("Nothing is due for freezing.")
            for snapshot in frozen:
                self.stdout.write(self.style.SUCCESS(f"Froze {snapshot.period}."))
            return
        try:
            snapshot = services.freeze(p.parse_period(period), force=force)
        except (p.PeriodError, services.FreezeError) as error:
            raise CommandError(str(error)) from None
        again = (
            f" (frozen {snapshot.times_frozen} times; recorded in the audit trail)" if snapshot.times_frozen > 1 else ""
        )
        self.stdout.write(self.style.SUCCESS(f"Froze the figures for {snapshot.period}{again}."))
