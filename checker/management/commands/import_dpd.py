"""`manage.py import_dpd DIR`: new names from Health Canada's Drug Product Database extract
(the folder allfiles.zip was unzipped into, or the zip itself).

A dry run unless --apply is given. See checker/importers/dpd.py for how the files are read."""

from pathlib import Path

from checker import imports
from checker.management.commands._import_command import ImportCommand


class Command(ImportCommand):
    help = (
        "Read Health Canada's Drug Product Database extract (drug.txt, ingred.txt, ther.txt, "
        "status.txt) and say which names, ingredients and groups it would add to the checker; "
        "--apply adds them."
    )
    list_name = "dpd"
    path_help = "The folder allfiles.zip was unzipped into, or allfiles.zip itself."

    def read(self, path: Path):
        return imports.read_dpd_folder(path)
