"""The patient pages' data files (education/data/pages/*.yaml), read and checked. Pure Python.

One file a page: slug, title, order, status, summary, intro, sources (page-wide), review, and
sections, each with a key, heading, kind, intro, closing and items (key, text, detail, sources).
Keys never change once loaded: they are how `load_content` knows which row is which.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from clinical.datafiles import DataError, Review, Row, read_review, read_yaml_mapping

PAGES = Path(__file__).resolve().parent / "data" / "pages"
# TopicSection.Kind, as the data files may name them.
SECTION_KINDS = (
    "key_points", "conditions", "how_it_works", "side_effects", "long_term", "avoid",
    "before_starting", "withdrawal", "getting_help", "urgent_care", "immediate_care", "warning",
    "plain", "dose_schedule", "stop_before_surgery",
)  # fmt: skip
STATUSES = ("draft", "published")


@dataclass(frozen=True)
class ItemRow:
    key: str
    text: str
    detail: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class SectionRow:
    key: str
    heading: str
    kind: str
    intro: str
    closing: str
    items: tuple[ItemRow, ...]


@dataclass(frozen=True)
class PageRow:
    slug: str
    title: str
    order: int
    status: str
    summary: str
    intro: str
    sources: tuple[str, ...]
    review: Review
    sections: tuple[SectionRow, ...]
    path: Path


def _key(row: Row, taken: set[str], what: str) -> str:
    key = row.text("key", max_length=60)
    if not key.replace("-", "").isalnum() or key != key.lower():
        raise row.error(f"key {key!r} must be lowercase letters, numbers and dashes")
    if key in taken:
        raise row.error(f"key {key!r} is used by an earlier {what}")
    taken.add(key)
    return key


def _sources(row: Row, source_keys: set[str], *, required: bool) -> tuple[str, ...]:
    keys = row.keys_list("sources", known=source_keys, what="a key in clinical/data/sources.yaml")
    if required and not keys:
        raise row.error("'sources' must cite at least one source")
    return tuple(keys)


def read_page(path: Path, *, source_keys: set[str]) -> PageRow:
    page = read_yaml_mapping(path)
    page.only(
        "slug", "title", "order", "status", "summary", "intro", "sources", "review", "sections"
    )
    status = page.text("status")
    if status not in STATUSES:
        raise page.error(f"status {status!r} must be draft or published")
    review = read_review(page)
    if not (review.last_reviewed and review.next_review_due):
        raise page.error("a page needs a review: last_reviewed, next_review_due")
    sections, section_keys = [], set()
    for section in page.rows("sections"):
        section.only("key", "heading", "kind", "intro", "closing", "items")
        kind = section.text("kind")
        if kind not in SECTION_KINDS:
            raise section.error(f"kind {kind!r} must be one of {', '.join(SECTION_KINDS)}")
        items, item_keys = [], set()
        for item in section.rows("items"):
            item.only("key", "text", "detail", "sources")
            items.append(
                ItemRow(
                    key=_key(item, item_keys, "point of this section"),
                    text=item.text("text"),
                    detail=item.text("detail", required=False),
                    sources=_sources(item, source_keys, required=True),
                )
            )
        sections.append(
            SectionRow(
                key=_key(section, section_keys, "section of this page"),
                heading=section.text("heading", max_length=200),
                kind=kind,
                intro=section.text("intro", required=False),
                closing=section.text("closing", required=False),
                items=tuple(items),
            )
        )
    slug = page.text("slug", max_length=100)
    if slug != path.stem:
        raise page.error(f"slug {slug!r} must match the file's name ({path.stem}.yaml)")
    summary = page.text("summary")
    if len(summary) > 400:
        raise page.error("'summary' is longer than 400 characters")
    return PageRow(
        slug=slug,
        title=page.text("title", max_length=200),
        order=page.number("order", 0),
        status=status,
        summary=summary,
        intro=page.text("intro", required=False),
        sources=_sources(page, source_keys, required=False),
        review=review,
        sections=tuple(sections),
        path=path,
    )


def read_pages(*, source_keys: set[str], folder: Path = PAGES) -> list[PageRow]:
    pages = [read_page(path, source_keys=source_keys) for path in sorted(folder.glob("*.yaml"))]
    if not pages:
        raise DataError(folder, None, "has no pages (*.yaml)")
    return pages
