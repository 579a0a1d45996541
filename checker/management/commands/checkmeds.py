"""Check medicine names from the command line: `python manage.py checkmeds --json "Norco 10/325" ibuprofen`.

With --json it prints exactly what POST /api/check answers (DESIGN.md's JSON); without it, one
plain line per name (tab-separated: name, level, ingredients, how it was read), and under a
name that holds several products ("Norco, metformin") one line per product, starting "  - ". Give "-" as the only name to read names from standard input, one a line.
Nothing is stored.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from checker import engine
from clinical.severity import Severity


class Command(BaseCommand):
    help = "Check medicine names against the checker's knowledge base."
    stealth_options = ("stdin",)  # tests pass a file here instead of the real standard input

    def add_arguments(self, parser):
        parser.add_argument(
            "names",
            nargs="+",
            metavar="NAME",
            help='A medicine name as typed, or "-" to read one name a line from standard input.',
        )
        parser.add_argument(
            "--json", action="store_true", help="Print the JSON that POST /api/check returns."
        )

    def handle(self, *args, names, **options):
        if names == ["-"]:
            stdin = options.get("stdin") or sys.stdin
            names = [line.rstrip("\r\n") for line in stdin if line.strip()]
        names = [name.replace("\x00", "") for name in names]
        if not any(name.strip() for name in names):
            raise CommandError("Give at least one medicine name.")
        report = engine.check_medicines(entries=names)
        if options["json"]:
            self.stdout.write(json.dumps(engine.report_as_json(report), indent=2))
            return
        for finding in report.findings_as_typed:
            self._write(finding)
            for part in finding.parts:  # several products in one name: one line each, below
                self._write(part, prefix="  - ")

    def _write(self, finding, *, prefix=""):
        read_as = ", ".join(finding.match.ingredients) or "not recognised"
        self.stdout.write(
            f"{prefix}{finding.match.input}\t{Severity.of(finding.severity).words}\t{read_as}\t{finding.explanation}"
        )
