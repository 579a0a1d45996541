"""python manage.py import_content FILE — replace all staff-edited content with a file made
by export_content. All or nothing: a bad file changes nothing."""

from django.core.management.base import BaseCommand

from clinical.content_io import import_content


class Command(BaseCommand):
    help = "Replace all staff-edited content (sources, education, checker, checklist) with FILE's content."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        count = import_content(file)
        self.stderr.write(f"Loaded {count} rows from {file}.")
