"""`manage.py import_ndc PATH`: new names from the FDA NDC Directory (product.txt or ndctext.zip).

A dry run unless --apply is given. See checker/importers/ndc.py for how the file is read."""

from pathlib import Path

from checker import imports
from checker.management.commands._import_command import ImportCommand


class Command(ImportCommand):
    help = (
        "Read the FDA NDC Directory's product.txt (or ndctext.zip) and say which names, "
        "ingredients and groups it would add to the checker; --apply adds them."
    )
    list_name = "ndc"
    path_help = "product.txt from the FDA's ndctext.zip, or the zip itself."

    def read(self, path: Path):
        return imports.read_ndc_file(path)
