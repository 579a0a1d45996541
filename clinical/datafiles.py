"""Reading the data files (YAML and CSV) with the line each row is on, so a mistake is reported
as "file, line: reason". Pure Python, no Django: the loader, the data-check tests and the
benchmark all read the files through here and the apps' own datafiles modules.

    rows = read_yaml_list(path)          # a list of mappings, each with .line
    row.text("title")                    # a required string, or DataError naming file and line
    read_csv(path, header=[...])         # [(line number, {column: value})]
"""

from __future__ import annotations

import csv
import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent  # the project: every app's data/ is under it
SOURCES_FILE = ROOT / "clinical" / "data" / "sources.yaml"
URGENT_HELP_FILE = ROOT / "clinical" / "data" / "urgent_help.yaml"


class DataError(Exception):
    """A data file that cannot be loaded: which file, which line, and why."""

    def __init__(self, path: Path | str, line: int | None, reason: str) -> None:
        self.path = Path(path)
        self.line = line
        self.reason = reason
        super().__init__(str(self))

    def __str__(self) -> str:
        where = _relative(self.path) + (f", line {self.line}" if self.line else "")
        return f"{where}: {self.reason}"


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


class Row(dict):
    """A mapping read from a file, that knows its file and line and checks its own fields."""

    path: Path
    line: int

    def error(self, reason: str, line: int | None = None) -> DataError:
        return DataError(self.path, line or self.line, reason)

    def only(self, *allowed: str) -> None:
        unknown = sorted(set(self) - set(allowed))
        if unknown:
            raise self.error(f"unknown field {unknown[0]!r} (fields here: {', '.join(allowed)})")

    def text(self, name: str, *, required: bool = True, max_length: int | None = None) -> str:
        value = self.get(name)
        if value is None or value == "":
            if required:
                raise self.error(f"{name!r} is missing or empty")
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.error(f"{name!r} must be text")
        value = str(value).strip()
        if max_length is not None and len(value) > max_length:
            raise self.error(f"{name!r} is longer than {max_length} characters")
        return value

    def flag(self, name: str) -> bool:
        value = self.get(name, False)
        if not isinstance(value, bool):
            raise self.error(f"{name!r} must be true or false")
        return value

    def number(self, name: str, default: int) -> int:
        value = self.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.error(f"{name!r} must be a whole number, 0 or more")
        return value

    def keys_list(self, name: str, *, known: set[str] | None = None, what: str = "") -> list[str]:
        value = self.get(name, [])
        if value is None:
            value = []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(f"{name!r} must be a list, like [a, b]")
        if known is not None:
            for item in value:
                if item not in known:
                    raise self.error(f"{name!r} names {item!r}, which is not {what}")
        return list(dict.fromkeys(value))

    def date(self, name: str) -> datetime.date | None:
        value = self.get(name)
        if value in (None, ""):
            return None
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError:
            raise self.error(f"{name!r} must be a date like 2026-11-29") from None

    def mapping(self, name: str) -> Row:
        value = self.get(name)
        if value is None:
            empty = Row()
            empty.path, empty.line = self.path, self.line
            return empty
        if not isinstance(value, Row):
            raise self.error(f"{name!r} must be a set of fields")
        return value

    def rows(self, name: str) -> list[Row]:
        value = self.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, Row) for v in value):
            raise self.error(f"{name!r} must be a list of entries, each with its fields")
        return value


@dataclass(frozen=True)
class Review:
    """A review record as the data files give it: the dates only. Who reviewed a text is the
    clinic's to say (clinical.Reviewer, chosen in the admin), never a data file's."""

    last_reviewed: datetime.date | None = None
    next_review_due: datetime.date | None = None

    def fields(self) -> dict[str, Any]:
        return {"last_reviewed": self.last_reviewed, "next_review_due": self.next_review_due}


def read_review(row: Row) -> Review:
    review = row.mapping("review")
    review.only("last_reviewed", "next_review_due")
    return Review(
        last_reviewed=review.date("last_reviewed"),
        next_review_due=review.date("next_review_due"),
    )


def _loader(path: Path) -> type[yaml.SafeLoader]:
    class Loader(yaml.SafeLoader):
        pass

    def construct_mapping(loader, node):
        loader.flatten_mapping(node)
        row = Row()
        row.path, row.line = path, node.start_mark.line + 1
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in row:
                raise DataError(path, key_node.start_mark.line + 1, f"{key!r} is given twice")
            row[key] = loader.construct_object(value_node, deep=True)
        return row

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return Loader


def read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataError(path, None, f"cannot be read ({error.strerror})") from None
    try:
        return yaml.load(text, Loader=_loader(path))  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise DataError(
            path, mark.line + 1 if mark else None, f"not valid YAML: {error.problem}"
        ) from None


def read_yaml_list(path: Path) -> list[Row]:
    data = read_yaml(path)
    if not isinstance(data, list) or not all(isinstance(row, Row) for row in data):
        raise DataError(path, 1, "must be a list of entries, each starting with '- '")
    return data


def read_yaml_mapping(path: Path) -> Row:
    data = read_yaml(path)
    if not isinstance(data, Row):
        raise DataError(path, 1, "must be a set of fields (name: value)")
    return data


def read_csv(path: Path, *, header: list[str]) -> list[tuple[int, dict[str, str]]]:
    """The rows of a CSV file with this exact header, each with its line number."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataError(path, None, f"cannot be read ({error.strerror})") from None
    reader = csv.reader(text.splitlines())
    rows = []
    for number, values in enumerate(reader, start=1):
        if number == 1:
            if values != header:
                raise DataError(path, 1, f"the header must be: {','.join(header)}")
            continue
        if not any(value.strip() for value in values):
            continue
        if len(values) != len(header):
            raise DataError(
                path, number, f"has {len(values)} columns; every row needs {len(header)}"
            )
        rows.append(
            (number, {name: value.strip() for name, value in zip(header, values, strict=True)})
        )
    return rows


# --- The clinical core's own files -------------------------------------------------------------


@dataclass(frozen=True)
class SourceRow:
    key: str
    title: str
    publisher: str
    url: str
    date: str
    note: str
    line: int


def read_sources(path: Path = SOURCES_FILE) -> list[SourceRow]:
    rows: list[SourceRow] = []
    seen: set[str] = set()
    for row in read_yaml_list(path):
        row.only("key", "title", "publisher", "url", "date", "note")
        key = row.text("key", max_length=80)
        if not key.replace("-", "").isalnum() or key != key.lower():
            raise row.error(f"key {key!r} must be lowercase letters, numbers and dashes")
        if key in seen:
            raise row.error(f"key {key!r} is used by an earlier source")
        seen.add(key)
        url = row.text("url", required=False, max_length=500)
        if url and not url.startswith(("https://", "http://")):
            raise row.error("'url' must start with https://")
        rows.append(
            SourceRow(
                key=key,
                title=row.text("title", max_length=300),
                publisher=row.text("publisher", required=False, max_length=200),
                url=url,
                date=row.text("date", required=False, max_length=60),
                note=row.text("note", required=False),
                line=row.line,
            )
        )
    return rows


@dataclass(frozen=True)
class UrgentHelpRow:
    heading: str
    signs: tuple[str, ...]
    action: str


def read_urgent_help(path: Path = URGENT_HELP_FILE) -> UrgentHelpRow:
    row = read_yaml_mapping(path)
    row.only("heading", "signs", "action")
    signs = row.keys_list("signs")
    if not signs:
        raise row.error("'signs' needs at least one sign")
    return UrgentHelpRow(
        heading=row.text("heading", max_length=200),
        signs=tuple(signs),
        action=row.text("action", max_length=300),
    )
