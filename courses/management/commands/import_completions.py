"""Import completion history from a CSV file: ``python manage.py import_completions FILE.csv``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from courses import importing


class Command(BaseCommand):
    help = (
        "Import completions from a CSV with the columns " + ",".join(importing.COLUMNS) + " (course = the course "
        "page's slug, completed_on = YYYY-MM-DD). All or nothing: if any row is bad, nothing is written and every "
        "bad row is listed on stderr with its line number."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The CSV file (UTF-8, with or without a byte order mark).")

    def handle(self, *args, file: Path, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from error
        try:
            summary = importing.import_completions(data)
        except importing.CompletionImportRejected as rejected:
            for problem in rejected.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{file.name} was not imported ({len(rejected.problems)} problem(s) listed above); nothing was written."
            ) from rejected
        self.stdout.write(str(summary))
        if summary.imported:
            self.stdout.write(importing.CERTIFICATES_NOTE)
