"""python manage.py load_content — load every data file: the sources and the urgent box
(clinical/data/), the checker's knowledge base (checker/data/), the pages
(education/data/pages/) and the checklist (checklist/data/).

Creates what is missing and updates rows staff never touched; a row staff edited, added or
deleted stays as they left it. Safe to run as often as you like: a second run changes nothing.
A broken row stops it before anything is written, naming the file, the line and the reason.
"""

from django.core.management.base import BaseCommand, CommandError

from clinical.loading import ContentError, load_content


class Command(BaseCommand):
    help = "Load the site's content from its data files, keeping every staff edit."

    def handle(self, *args, **options):
        try:
            report = load_content()
        except ContentError as error:
            raise CommandError(
                "Nothing was loaded. Fix these rows and run load_content again:\n"
                + "\n".join(f"  {line}" for line in str(error).splitlines())
            ) from None
        for line in report.lines():
            self.stdout.write(line)
        if not report.changed:
            self.stdout.write("Everything was already up to date.")
