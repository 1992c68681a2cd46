"""Import a paper sign-in sheet: ``python manage.py import_register SESSION_ID FILE.csv``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from courses.sessions import register_import
from courses.sessions.models import TrainingSession


class Command(BaseCommand):
    help = (
        "Import a session's attendance from a CSV with the columns " + ",".join(register_import.COLUMNS) + " (date = "
        "one of the session's dates, YYYY-MM-DD; attended = yes or no). All or nothing: if any line is bad, nothing "
        "is written and every bad line is listed on stderr with its line number. People without an account get an "
        "inactive one that they claim by signing up."
    )

    def add_arguments(self, parser):
        parser.add_argument("session_id", type=int, help="The session's id (in its admin address).")
        parser.add_argument("file", type=Path, help="The CSV file (UTF-8, with or without a byte order mark).")

    def handle(self, *args, session_id: int, file: Path, **options):
        session = TrainingSession.objects.filter(pk=session_id).first()
        if session is None:
            raise CommandError(f"There is no session with the id {session_id}.")
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from error
        try:
            summary = register_import.import_register(session, data, by=None)
        except register_import.RegisterImportRejected as rejected:
            for problem in rejected.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{file.name} was not imported ({len(rejected.problems)} problem(s) listed above); nothing was written."
            ) from rejected
        self.stdout.write(f"{session}: {summary}.")
