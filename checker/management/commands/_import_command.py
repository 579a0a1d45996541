"""What import_ndc and import_dpd share: a dry run by default, --apply to make the changes."""

from __future__ import annotations

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from checker import imports
from checker.importers.core import FileError, FileReading


class ImportCommand(BaseCommand):
    list_name = ""  # "ndc" or "dpd"
    path_help = ""

    def add_arguments(self, parser):
        parser.add_argument("path", help=self.path_help)
        parser.add_argument(
            "--apply",
            action="store_true",
            help="Make the changes. Without it nothing is changed: the command only says what it would do.",
        )
        parser.add_argument(
            "--date",
            help="The file's date (YYYY-MM-DD), for the history and the source. Default: the "
            "date the file was last changed.",
        )

    def read(self, path: Path) -> FileReading:
        raise NotImplementedError

    def handle(self, *args, path, apply, date, **options):
        path = Path(path)
        if not path.exists():
            raise CommandError(f"There is no {path}.")
        file_date = self._date(path, date)
        try:
            reading = self.read(path)
        except FileError as error:
            raise CommandError(str(error)) from error
        proposal = imports.propose_now(reading)
        self.stdout.write("\n".join(proposal.lines()))
        if not apply:
            if proposal.changes:
                self.stdout.write(
                    f"\nDry run: nothing was changed. Run again with --apply to make these "
                    f"{len(proposal.changes)} changes."
                )
            return
        if not proposal.changes:
            return
        source = imports.source_for(self.list_name, file_name=path.name, file_date=file_date)
        command = imports.LISTS[self.list_name]["command"]
        applied, _ = imports.apply(
            proposal.changes,
            source=source,
            reason=f"{command}: {path.name} of {file_date:%Y-%m-%d}",
        )
        self.stdout.write("\n" + "\n".join(applied.lines()))
        self.stdout.write(f"Each change's history names {path.name} of {file_date:%Y-%m-%d}.")

    @staticmethod
    def _date(path: Path, given: str | None) -> datetime.date:
        if given:
            try:
                return datetime.date.fromisoformat(given)
            except ValueError as error:
                raise CommandError(f"--date {given!r} is not a date written YYYY-MM-DD.") from error
        return datetime.date.fromtimestamp(path.stat().st_mtime)
