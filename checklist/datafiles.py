"""The checklist's data file (checklist/data/checklist.yaml), read and checked. Pure Python.

checklist: title, introduction, opioid_warning, review; questions_to_ask, things_to_bring and
signs_to_watch: lists of lines, each with a key, text and sources (signs also a kind). The urgent
box's heading and action are the site's one urgent help (clinical/data/urgent_help.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from clinical.datafiles import Review, Row, read_review, read_yaml_mapping

CHECKLIST_FILE = Path(__file__).resolve().parent / "data" / "checklist.yaml"
SIGN_KINDS = ("side_effect", "withdrawal", "overdose")
LISTS = ("questions_to_ask", "things_to_bring", "signs_to_watch")


@dataclass(frozen=True)
class LineRow:
    key: str
    text: str
    sources: tuple[str, ...]
    kind: str = ""  # signs only


@dataclass(frozen=True)
class ChecklistData:
    title: str
    introduction: str
    opioid_warning: str
    review: Review
    lists: dict[str, tuple[LineRow, ...]]


def _lines(data: Row, name: str, *, source_keys: set[str]) -> tuple[LineRow, ...]:
    lines, keys = [], set()
    for row in data.rows(name):
        signs = name == "signs_to_watch"
        row.only("key", "text", "sources", *(["kind"] if signs else []))
        key = row.text("key", max_length=60)
        if key in keys:
            raise row.error(f"key {key!r} is used by an earlier line")
        keys.add(key)
        kind = row.text("kind") if signs else ""
        if signs and kind not in SIGN_KINDS:
            raise row.error(f"kind {kind!r} must be one of {', '.join(SIGN_KINDS)}")
        sources = row.keys_list(
            "sources", known=source_keys, what="a key in clinical/data/sources.yaml"
        )
        if not sources:
            raise row.error("'sources' must cite at least one source")
        lines.append(
            LineRow(
                key=key, text=row.text("text", max_length=300), sources=tuple(sources), kind=kind
            )
        )
    return tuple(lines)


def read_checklist(*, source_keys: set[str], path: Path = CHECKLIST_FILE) -> ChecklistData:
    data = read_yaml_mapping(path)
    data.only("checklist", *LISTS)
    head = data.mapping("checklist")
    head.only("title", "introduction", "opioid_warning", "review")
    review = read_review(head)
    if not (review.last_reviewed and review.next_review_due):
        raise head.error("the checklist needs a review: last_reviewed, next_review_due")
    return ChecklistData(
        title=head.text("title", max_length=120),
        introduction=head.text("introduction"),
        opioid_warning=head.text("opioid_warning"),
        review=review,
        lists={name: _lines(data, name, source_keys=source_keys) for name in LISTS},
    )
