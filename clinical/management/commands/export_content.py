"""python manage.py export_content FILE — every page, medicine rule and checklist text staff
edit, with its version history, to a JSON file (a Django fixture)."""

from django.core.management.base import BaseCommand

from clinical.content_io import export_content


class Command(BaseCommand):
    help = "Write all staff-edited content (sources, education, checker, checklist) and its history to FILE."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Where to write the JSON, or - for standard output.")
        parser.add_argument(
            "--without-history", action="store_true", help="Only the current content."
        )

    def handle(self, *args, file, without_history, **options):
        if file == "-":
            export_content(self.stdout, with_history=not without_history)
            return
        with open(file, "w", encoding="utf-8") as stream:
            count = export_content(stream, with_history=not without_history)
        self.stderr.write(f"Wrote {count} rows to {file}.")
