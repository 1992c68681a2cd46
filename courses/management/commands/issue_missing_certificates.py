"""Queue certificates for completions that have none, and renderings for certificates without a PDF.

For recovery (a task lost with its broker, a restore) and for history imported with
``import_completions --without-certificates`` (an import otherwise queues its own certificates).
"""

from django.core.management.base import BaseCommand

from courses.certificates import services as certificates


class Command(BaseCommand):
    help = "Queue the certificate of every completion without one, and the PDF of every certificate without one."

    def handle(self, *args, **options):
        issues, renderings = certificates.queue_missing_certificates()
        self.stdout.write(
            f"Queued {issues} completion{'' if issues == 1 else 's'} without a certificate "
            f"and {renderings} certificate{'' if renderings == 1 else 's'} without a PDF."
        )
