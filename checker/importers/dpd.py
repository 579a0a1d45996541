"""Read Health Canada's Drug Product Database extract (allfiles.zip). Pure Python, no Django.

Four of its files, comma-separated with every field quoted and no header row; the column order
is the extract's read-me (only the leading columns are used):
    drug.txt    DRUG_CODE, PRODUCT_CATEGORIZATION, CLASS, DRUG_IDENTIFICATION_NUMBER, BRAND_NAME,
                DESCRIPTOR, PEDIATRIC_FLAG, ACCESSION_NUMBER, NUMBER_OF_AIS, ...
    ingred.txt  DRUG_CODE, ACTIVE_INGREDIENT_CODE, INGREDIENT, ...
    ther.txt    DRUG_CODE, TC_ATC_NUMBER, TC_ATC, ...
    status.txt  DRUG_CODE, CURRENT_STATUS_FLAG, STATUS, ...
A product is used when it is for people (CLASS Human) and its current status is MARKETED. A bad
row in any file makes its whole product skipped, so no product is ever read with part of its
ingredients or without its class.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from checker.importers.core import (
    BOM,
    ClassMap,
    FileError,
    FileReading,
    Problem,
    Product,
    TextError,
    check_length,
    decode_line,
    display_name,
    iter_lines,
    sniff_encoding,
)

LIST_NAME = "Health Canada Drug Product Database"
FILES = ("drug.txt", "ingred.txt", "ther.txt", "status.txt")
# The fewest columns a row of each file must have to be read.
MIN_COLUMNS = {"drug.txt": 5, "ingred.txt": 3, "ther.txt": 3, "status.txt": 3}
CLASSES = frozenset({"human", "veterinary", "disinfectant", "radiopharmaceutical"})
_ATC = re.compile(r"^[A-Z](\d{2}([A-Z]([A-Z](\d{2})?)?)?)?$")
_DRUG_CODE = re.compile(r"^\d{1,12}$")
_LEADING_CODE = re.compile(rb'^"?(\d{1,12})"?,')
_RECORD_START = re.compile(rb'^"\d{1,12}","')
MAX_RECORD_BYTES = 16 * 1024

Opener = Callable[[str], BinaryIO]


@dataclass
class _Drug:
    code: str
    line: int
    name: str = ""
    din: str = ""
    active_count: int | None = None
    substances: list[str] = field(default_factory=list)
    atc: list[str] = field(default_factory=list)
    status: str | None = None


def read_extract_dir(folder: Path, *, classes: ClassMap) -> FileReading:
    """The extract unzipped in a folder."""

    def opener(name: str) -> BinaryIO:
        path = folder / name
        if not path.is_file():
            raise FileError(
                f"The folder has no {name}: unzip allfiles.zip from Health Canada there."
            )
        return path.open("rb")

    return read_extract(opener, classes=classes, label=folder.name or str(folder))


def read_extract(open_file: Opener, *, classes: ClassMap, label: str = "allfiles") -> FileReading:
    """Every marketed product for people in the extract, with what its ATC codes say."""
    reading = FileReading(list_name=LIST_NAME, file_name=label, region="ca")
    drugs: dict[str, _Drug] = {}
    bad: set[str] = set()
    counts: dict[str, int] = {}

    def report(name: str, number: int, reason: str, code: str | None) -> None:
        """A bad row; the product it belongs to is left out whole."""
        if code:
            bad.add(code)
            if code in drugs and name != "drug.txt":
                reason += f"; so {drugs[code].name} (DRUG_CODE {code}) is left out whole"
        reading.problems.append(Problem(name, number, reason))

    def rows(name: str):
        with open_file(name) as first_look:
            encoding = sniff_encoding(first_look)
        stream = open_file(name)
        try:
            for number, raw in _records(_without_bom(iter_lines(stream)), name, reading):
                counts[name] = counts.get(name, 0) + 1
                code = _LEADING_CODE.match(raw)
                code = code.group(1).decode("ascii") if code else None
                if raw.count(b'"') % 2:
                    report(name, number, "a quote is opened and never closed", code)
                    continue
                try:
                    values = _fields(decode_line(raw.replace(b"\n", b" "), encoding))
                except (TextError, csv.Error) as error:
                    report(name, number, str(error), code)
                    continue
                if len(values) < MIN_COLUMNS[name]:
                    report(
                        name,
                        number,
                        f"it has {len(values)} columns; a row of {name} needs at least "
                        f"{MIN_COLUMNS[name]}",
                        code,
                    )
                    continue
                values = [value.strip() for value in values]
                if not _DRUG_CODE.match(values[0]):
                    reading.problems.append(
                        Problem(name, number, f"DRUG_CODE {values[0][:20]!r} is not a number")
                    )
                    continue
                yield number, values
        finally:
            stream.close()

    for number, values in rows("drug.txt"):
        code, klass, din, brand = values[0], values[2], values[3], values[4]
        if klass.lower() not in CLASSES:
            report(
                "drug.txt",
                number,
                f"unknown class {klass[:40]!r} (Human, Veterinary, Disinfectant or Radiopharmaceutical)",
                code,
            )
            continue
        if klass.lower() != "human":
            reading.skip("not for people (CLASS is not Human)")
            bad.add(code)
            continue
        name = display_name(brand)
        too_long = check_length(name, "brand name")
        if too_long:
            report("drug.txt", number, too_long, code)
            continue
        active = values[8] if len(values) > 8 else ""
        drugs[code] = _Drug(
            code=code,
            line=number,
            name=name,
            din=din,
            active_count=int(active) if active.isdigit() else None,
        )

    for number, values in rows("ingred.txt"):
        code, substance = values[0], values[2]
        too_long = check_length(substance, "ingredient")
        if not substance or too_long:
            report("ingred.txt", number, too_long or "INGREDIENT is empty", code)
            continue
        if code in drugs:
            drugs[code].substances.append(substance)

    for number, values in rows("ther.txt"):
        code, atc = values[0], values[1].upper()
        if atc and not _ATC.match(atc):
            report("ther.txt", number, f"unknown class: {atc[:20]!r} is not an ATC code", code)
            continue
        if code in drugs and atc:
            drugs[code].atc.append(atc)

    for _number, values in rows("status.txt"):
        code, current, status = values[0], values[1].upper(), values[2].upper()
        if code in drugs and current == "Y":
            drugs[code].status = status

    reading.rows = counts.get("drug.txt", 0)
    for code, drug in drugs.items():
        if code in bad:
            continue  # its bad row is reported where it is
        if drug.status != "MARKETED":
            reading.skip("not marketed now (its current status is not MARKETED)")
            continue
        if not drug.substances:
            reading.problems.append(
                Problem(
                    "drug.txt", drug.line, f"{drug.name}: ingred.txt lists no ingredient for it"
                )
            )
            continue
        if drug.active_count is not None and drug.active_count != len(drug.substances):
            reading.problems.append(
                Problem(
                    "drug.txt",
                    drug.line,
                    f"{drug.name}: NUMBER_OF_AIS says {drug.active_count} ingredients, "
                    f"ingred.txt lists {len(drug.substances)}",
                )
            )
            continue
        groups: dict[tuple[str, str], None] = {}
        for atc in drug.atc:
            group = classes.atc_group(atc)
            if group:
                groups[(group, f"ATC {atc}")] = None
        where = (
            f"DIN {drug.din} (drug.txt line {drug.line})"
            if drug.din
            else f"drug.txt line {drug.line}"
        )
        reading.products.append(
            Product(
                name=drug.name,
                substances=tuple(dict.fromkeys(drug.substances)),
                groups=tuple(groups),
                where=where,
            )
        )
    return reading


def _without_bom(lines):
    """The lines, the first without the UTF-8 byte-order mark a UTF-8 file may start with."""
    for number, raw in lines:
        yield number, (raw.removeprefix(BOM) if number == 1 and raw else raw)


def _records(lines, name: str, reading: FileReading):
    """(line number, bytes) of each record. A quoted field may hold a line break (the extract
    has some), so a line whose quotes are not closed is joined with the lines after it, until
    they close or a line starts a new record ("12345",...): then it stays unclosed, and bad."""
    pending: tuple[int, bytes] | None = None
    for number, raw in lines:
        if raw is None:
            reading.problems.append(Problem(name, number, "the line is too long to be a row"))
            continue
        if pending is not None:
            start, joined = pending
            if _RECORD_START.match(raw) or len(joined) > MAX_RECORD_BYTES:
                yield pending  # never closed: reported as bad
                pending = None
            else:
                joined += b"\n" + raw
                if joined.count(b'"') % 2 == 0:
                    yield start, joined
                    pending = None
                else:
                    pending = (start, joined)
                continue
        if not raw.strip():
            continue
        if raw.count(b'"') % 2:
            pending = (number, raw)
            continue
        yield number, raw
    if pending is not None:
        yield pending


def _fields(text: str) -> list[str]:
    return next(csv.reader([text], strict=True), [])
