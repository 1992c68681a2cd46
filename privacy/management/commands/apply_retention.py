"""python manage.py apply_retention [--dry-run]: the retention schedule, as beat applies it daily."""

from django.core.management.base import BaseCommand

from privacy import retention

LABELS = {
    "unclaimed_accounts": "unclaimed imported accounts anonymised",
    "unused_accounts_told": "unused accounts told they will close",
    "unused_accounts": "unused accounts anonymised (told long enough ago)",
    "contact_senders": "contacts whose sender is no longer shown",
    "subject_access_exports": "expired subject-access exports deleted",
    "unused_api_tokens": "unused API tokens revoked",
    "audit_entries": "audit entries deleted",
}


class Command(BaseCommand):
    help = "Apply the retention schedule (RETENTION_* settings). With --dry-run, print what would go, by rule."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count only; change nothing.")

    def handle(self, *args, dry_run, **options):
        counts = retention.apply(dry_run=dry_run)
        heading = "Would apply (dry run, nothing changed):" if dry_run else "Applied:"
        self.stdout.write(heading)
        for rule, count in counts.items():
            label = LABELS.get(rule, rule)
            if dry_run:
                label = label.replace(" anonymised", " to anonymise").replace(" deleted", " to delete")
                label = label.replace(" revoked", " to revoke").replace(" told", " to tell")
            self.stdout.write(f"  {rule}: {count} ({label})")
