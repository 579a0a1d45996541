"""Read the FDA NDC Directory's product.txt (from ndctext.zip). Pure Python, no Django.

The file: tab-separated, one header row, latin-1 (a file saved as UTF-8 is read as UTF-8),
about 115,000 products. Columns are found by their header, never by position. A row is used when NDC_EXCLUDE_FLAG is N and its
ENDMARKETINGDATE (if any) has not passed. PHARM_CLASSES holds values such as
"Opioid Agonist [EPC]", separated by commas; a value may hold a comma itself
("Analgesics, Opioid [CS]"), so values are split after their closing bracket, and matched whole.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import BinaryIO

from checker.importers.core import (
    BOM,
    LATIN1,
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

LIST_NAME = "FDA NDC Directory"
REQUIRED = ("PROPRIETARYNAME", "SUBSTANCENAME", "PHARM_CLASSES")
# Read when the file has them: files from before the FDA added NDC_EXCLUDE_FLAG list only
# current products, so without it every row counts.
OPTIONAL = (
    "NDC_EXCLUDE_FLAG",
    "PROPRIETARYNAMESUFFIX",
    "NONPROPRIETARYNAME",
    "DEASCHEDULE",
    "ENDMARKETINGDATE",
    "PRODUCTNDC",
)
# The FDA's kinds of class: established pharmacologic class, mechanism of action,
# physiologic effect, chemical structure, MeSH chemical/ingredient, and EXT.
_CLASS_VALUE = re.compile(
    r"^[^\[\],][^\[\]]*\[(EPC|MoA|PE|CS|Chemical/Ingredient|EXT)\]$", re.IGNORECASE
)
_CLASS_SPLIT = re.compile(r"(?<=\])\s*,\s*")
_SCHEDULES = frozenset({"CI", "CII", "CIII", "CIIIN", "CIV", "CV"})
_DATE = re.compile(r"^\d{8}$")


def read_product_file(
    source: Path | BinaryIO,
    *,
    classes: ClassMap,
    today: date | None = None,
    file_name: str | None = None,
) -> FileReading:
    """Every current product of product.txt, with what its classes say. A row that cannot be
    read is a Problem with its line number, and none of it is used."""
    if isinstance(source, Path):
        with source.open("rb") as stream:
            return read_product_file(
                stream, classes=classes, today=today, file_name=file_name or source.name
            )
    today = today or date.today()
    reading = FileReading(list_name=LIST_NAME, file_name=file_name or "product.txt", region="us")
    encoding = LATIN1
    if source.seekable():
        start = source.tell()
        encoding = sniff_encoding(source)
        source.seek(start)
    lines = iter_lines(source)
    header = _read_header(next(lines, (1, b""))[1], encoding)
    columns = {name: position for position, name in enumerate(header)}
    for number, raw in lines:
        if raw is None:
            reading.problems.append(_problem(reading, number, "the line is too long to be a row"))
            continue
        if not raw.strip():
            continue
        reading.rows += 1
        try:
            text = decode_line(raw, encoding)
        except TextError as error:
            reading.problems.append(_problem(reading, number, str(error)))
            continue
        values = text.split("\t")
        if len(values) != len(header):
            reading.problems.append(
                _problem(
                    reading,
                    number,
                    f"it has {len(values)} columns where the header has {len(header)}",
                )
            )
            continue
        row = {name: values[position].strip() for name, position in columns.items()}
        outcome = _product(row, number, reading, classes=classes, today=today)
        if isinstance(outcome, Product):
            reading.products.append(outcome)
        elif outcome:
            reading.problems.append(_problem(reading, number, outcome))
    return reading


def _read_header(raw: bytes | None, encoding: str) -> list[str]:
    if not raw:
        raise FileError("The file is empty: it should start with the NDC Directory's header row.")
    try:
        text = decode_line(raw.removeprefix(BOM), encoding)
    except TextError as error:
        raise FileError(f"The header row cannot be read: {error}.") from error
    header = [name.strip().upper() for name in text.split("\t")]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise FileError(
            "This is not the NDC Directory's product.txt: it has no column "
            + ", ".join(missing)
            + ". Download ndctext.zip from the FDA and give its product.txt."
        )
    return header


def _problem(reading: FileReading, number: int, reason: str) -> Problem:
    return Problem(file=reading.file_name, line=number, reason=reason)


def _product(
    row: dict[str, str], number: int, reading: FileReading, *, classes: ClassMap, today: date
) -> Product | str | None:
    """The row's product; a reason (str) when the row is bad; None when it is skipped."""
    flag = row.get("NDC_EXCLUDE_FLAG", "N").upper()
    if flag != "N":
        reading.skip("excluded from the directory (NDC_EXCLUDE_FLAG is not N)")
        return None
    end = row.get("ENDMARKETINGDATE", "")
    if end:
        if not _DATE.match(end):
            return f"ENDMARKETINGDATE {end!r} is not a date written YYYYMMDD"
        try:
            ended = date(int(end[:4]), int(end[4:6]), int(end[6:]))
        except ValueError:
            return f"ENDMARKETINGDATE {end!r} is not a date written YYYYMMDD"
        if ended < today:
            reading.skip("no longer marketed (ENDMARKETINGDATE has passed)")
            return None
    class_text = row["PHARM_CLASSES"]
    values = [value for value in _CLASS_SPLIT.split(class_text) if value] if class_text else []
    unknown = [value for value in values if not _CLASS_VALUE.match(value)]
    if unknown:
        return f"unknown class {unknown[0]!r} in PHARM_CLASSES (an FDA class ends in [EPC], [MoA], [PE], [CS] or [Chemical/Ingredient])"
    schedule = row.get("DEASCHEDULE", "").upper()
    if schedule and schedule not in _SCHEDULES:
        return f"DEASCHEDULE {schedule!r} is not a schedule (CI to CV)"
    substances = tuple(s.strip() for s in row["SUBSTANCENAME"].split(";") if s.strip())
    groups = classes.ndc_groups(values)
    if not substances:
        if groups:
            return "it has a class of ours but no SUBSTANCENAME"
        reading.skip("no active ingredient listed")
        return None
    name = display_name(
        " ".join(
            part for part in (row["PROPRIETARYNAME"], row.get("PROPRIETARYNAMESUFFIX", "")) if part
        )
    )
    for value, what in [(name, "product name"), *((s, "substance name") for s in substances)]:
        too_long = check_length(value, what)
        if too_long:
            return too_long
    ndc = row.get("PRODUCTNDC", "")
    where = (
        f"NDC {ndc} ({reading.file_name} line {number})"
        if ndc
        else f"{reading.file_name} line {number}"
    )
    return Product(name=name, substances=substances, groups=groups, where=where, schedule=schedule)
