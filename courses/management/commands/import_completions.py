"""Import completion history from a CSV file: ``python manage.py import_completions FILE.csv``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from courses.learning import importing


class Command(BaseCommand):
    help = (
        "Import completions from a CSV with the columns " + ",".join(importing.COLUMNS) + " (course = the course "
        "page's slug, completed_on = YYYY-MM-DD). All or nothing: if any row is bad, nothing is written and every "
        "bad row is listed on stderr with its line number. The certificates of the imported completions are "
        "queued for the worker (with eager tasks, the embedded default, they are rendered by this command)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The CSV file (UTF-8, with or without a byte order mark).")
        parser.add_argument(
            "--without-certificates",
            action="store_true",
            help="Do not queue certificates (they can be queued later with issue_missing_certificates).",
        )

    def handle(self, *args, file: Path, without_certificates: bool = False, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from error
        try:
            summary = importing.import_completions(data, queue_certificates=not without_certificates)
        except importing.CompletionImportRejected as rejected:
            for problem in rejected.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{file.name} was not imported ({len(rejected.problems)} problem(s) listed above); nothing was written."
            ) from rejected
        self.stdout.write(str(summary))
        if summary.certificates_queued:
            self.stdout.write(importing.CERTIFICATES_NOTE)
        elif summary.imported:
            self.stdout.write(
                "No certificates were queued: run `python manage.py issue_missing_certificates` for them."
            )
