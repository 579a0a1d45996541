"""What `load_content` loads, in order: the sources and the urgent box, the checker's knowledge
base, the pages, the checklist. `read_all()` reads and checks every file first; each step it
returns writes one app's rows through clinical.loading.sync.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from checker.datafiles import CheckerData, read_checker_data
from checklist.datafiles import ChecklistData, read_checklist
from clinical.datafiles import (
    ROOT,
    DataError,
    SourceRow,
    UrgentHelpRow,
    read_sources,
    read_urgent_help,
)
from clinical.loading import ContentError, Planned, Report, sync
from clinical.translation_files import TranslationRow, read_all_languages
from education.datafiles import PageRow, read_pages
from education.markdown import render_markdown

Step = Callable[[Report], None]


def read_all(root: Path = ROOT) -> list[Step]:
    """Every data file under `root` (the project), checked; raises ContentError naming each
    broken file, line and reason."""
    try:
        sources = read_sources(root / "clinical" / "data" / "sources.yaml")
    except DataError as error:
        raise ContentError([error]) from None  # every other file cites these
    keys = {source.key for source in sources}
    errors: list[DataError] = []

    def attempt(read: Callable[[], Any]) -> Any:
        try:
            return read()
        except DataError as error:
            errors.append(error)
            return None

    urgent = attempt(lambda: read_urgent_help(root / "clinical" / "data" / "urgent_help.yaml"))
    checker = attempt(lambda: read_checker_data(source_keys=keys, data=root / "checker" / "data"))
    pages = attempt(
        lambda: read_pages(source_keys=keys, folder=root / "education" / "data" / "pages")
    )
    checklist = attempt(
        lambda: read_checklist(
            source_keys=keys, path=root / "checklist" / "data" / "checklist.yaml"
        )
    )
    translations = attempt(lambda: read_all_languages(root))
    if errors:
        raise ContentError(errors)
    state: dict[str, dict] = {}
    return [
        lambda report: write_sources(sources, urgent, report=report, state=state),
        lambda report: write_checker(checker, report=report, state=state),
        lambda report: write_pages(pages, report=report, state=state),
        lambda report: write_checklist(checklist, report=report, state=state),
        lambda report: write_translations(translations, report=report),
    ]


def write_translations(rows: list[TranslationRow], *, report) -> None:
    """The other languages' texts (<app>/data/<language>/), one Translation row per text and
    language. A translation is checked against the English of the data file it mirrors: its
    fingerprint of that English is kept while its own words stay the same, so an English text
    that changes later (in its file or by staff) shows "English changed since review"."""
    from clinical import translation
    from clinical.models import Translation

    existing = {(t.kind, t.key, t.language): t for t in Translation.objects.all()}
    planned = []
    for row in rows:
        key = (row.kind, row.key, row.language)
        old = existing.get(key)
        digest = (
            old.english_digest
            if old is not None and old.texts == row.texts and old.english_digest
            else translation.digest(row.english)
        )
        planned.append(
            Planned(
                key=key,
                fields={
                    "kind": row.kind,
                    "key": row.key,
                    "language": row.language,
                    "texts": row.texts,
                    "english_digest": digest,
                },
            )
        )
    sync(
        Translation,
        planned,
        key_of=lambda t: (t.kind, t.key, t.language),
        label="translations",
        source="<app>/data/<language>/",
        report=report,
    )
    # Rows were written in bulk, without save signals: set every flag from the English now.
    translation.refresh_english_changed()


def write_sources(sources: list[SourceRow], urgent: UrgentHelpRow, *, report, state) -> None:
    from clinical.models import Source, UrgentHelp

    state["sources"] = sync(
        Source,
        [
            Planned(
                key=row.key,
                fields={
                    "key": row.key,
                    "title": row.title,
                    "publisher": row.publisher,
                    "url": row.url,
                    "date": row.date,
                    "note": row.note,
                },
            )
            for row in sources
        ],
        key_of=lambda row: row.key,
        label="sources",
        source="clinical/data/sources.yaml",
        report=report,
    )
    sync(
        UrgentHelp,
        [
            Planned(
                key=1,
                fields={
                    "id": 1,
                    "heading": urgent.heading,
                    "signs": "\n".join(urgent.signs),
                    "action": urgent.action,
                },
            )
        ],
        key_of=lambda row: row.id,
        label="urgent help box",
        source="clinical/data/urgent_help.yaml",
        report=report,
    )


def write_checker(data: CheckerData, *, report, state) -> None:
    from checker.models import (
        CheckerSettings,
        Ingredient,
        InteractionGroup,
        Name,
        ScreeningQuestion,
    )

    sources = state["sources"]
    groups = sync(
        InteractionGroup,
        [
            Planned(
                key=row.slug,
                fields={
                    "slug": row.slug,
                    "level": row.level,
                    "label": row.label,
                    "headline": row.headline,
                    "what_could_happen": row.what_could_happen,
                    "what_to_do": row.what_to_do,
                    "tell_your_doctor": row.tell_your_doctor,
                    "urgent": row.urgent,
                    "about_opioids": row.about_opioids,
                    "order": row.order,
                    "products": "\n".join(row.products),
                    "instead_of": " ".join(row.instead_of),
                    "debatable": row.debatable,
                    **row.review.fields(),
                },
                links={"sources": [sources[key] for key in row.sources if key in sources]},
            )
            for row in data.groups
        ],
        key_of=lambda row: row.slug,
        label="interaction groups",
        source="checker/data/groups.yaml",
        report=report,
    )
    ingredients = sync(
        Ingredient,
        [
            Planned(
                key=row.name,
                fields={"name": row.name, "source_id": sources.get(row.source)},
                # A group staff deleted is not brought back through an ingredient.
                links={"groups": [groups[slug] for slug in row.groups if slug in groups]},
            )
            for row in data.ingredients
        ],
        key_of=lambda row: row.name,
        label="ingredients",
        source="checker/data/ingredients.yaml",
        report=report,
    )
    sync(
        Name,
        [
            Planned(
                key=row.key,
                fields={
                    "name": row.name,
                    "kind": row.kind,
                    "read_as": row.read_as,
                    "region": ";".join(row.region),
                    "everyday_word": row.everyday,
                    "two_meanings": row.two_meanings,
                    "source_id": sources.get(row.source),
                    "note": row.note,
                },
                links={
                    "ingredients": [ingredients[i] for i in row.ingredients if i in ingredients]
                },
            )
            for row in data.names
            # An ingredient staff deleted is not brought back through a name.
            if any(i in ingredients for i in row.ingredients)
        ],
        key_of=_name_key,
        owner_key=lambda key: key.split("|")[0],
        label="names",
        source="checker/data/names.csv",
        report=report,
    )
    sync(
        ScreeningQuestion,
        [
            Planned(
                key=row.slug,
                fields={
                    "slug": row.slug,
                    "order": row.order,
                    "text": row.text,
                    "hint": row.hint,
                    "yes_level": row.yes_level,
                    "yes_message": row.yes_message,
                    "tell_your_doctor": row.tell_your_doctor,
                    "about_opioids": row.about_opioids,
                    **row.review.fields(),
                },
                links={"sources": [sources[key] for key in row.sources if key in sources]},
            )
            for row in data.questions
        ],
        key_of=lambda row: row.slug,
        label="screening questions",
        source="checker/data/questions.yaml",
        report=report,
    )
    sync(
        CheckerSettings,
        [Planned(key=1, fields={"id": 1, "dose_context": data.dose_context})],
        key_of=lambda row: row.id,
        label="checker settings",
        source="checker/data/settings.yaml",
        report=report,
    )


def _name_key(row) -> str:
    """A name's key: its lowercase name, and for a name with two meanings its ingredients too.
    (A history version has no ingredients: it counts by its name, so a staff edit of one
    meaning keeps every meaning of that name as staff left it.)"""
    from checker.models import Name

    if isinstance(row, Name) and row.two_meanings:
        parts = sorted(row.ingredients.values_list("name", flat=True))
        return f"{row.name.lower()}|{'+'.join(parts)}"
    return row.name.lower()


def write_pages(pages: list[PageRow], *, report, state) -> None:
    from education.models import Item, Topic, TopicSection

    sources = state["sources"]
    topics = sync(
        Topic,
        [
            Planned(
                key=page.slug,
                fields={
                    "slug": page.slug,
                    "title": page.title,
                    "order": page.order,
                    "status": page.status,
                    "summary": page.summary,
                    "intro": page.intro,
                    "intro_html": render_markdown(page.intro),
                    **page.review.fields(),
                },
                links={"sources": [sources[key] for key in page.sources if key in sources]},
            )
            for page in pages
        ],
        key_of=lambda row: row.slug,
        label="pages",
        source="education/data/pages/",
        report=report,
    )
    planned_sections = []
    for page in pages:
        if page.slug not in topics:
            continue  # a page staff deleted stays deleted
        for number, section in enumerate(page.sections, start=1):
            planned_sections.append(
                Planned(
                    key=(topics[page.slug], section.key),
                    fields={
                        "topic_id": topics[page.slug],
                        "key": section.key,
                        "heading": section.heading,
                        "kind": section.kind,
                        "intro": section.intro,
                        "closing": section.closing,
                        "order": number * 10,
                    },
                )
            )
    sections = sync(
        TopicSection,
        planned_sections,
        key_of=lambda row: (row.topic_id, row.key),
        label="page sections",
        source="education/data/pages/",
        report=report,
    )
    planned_items = []
    for page in pages:
        for section in page.sections:
            section_id = sections.get((topics.get(page.slug), section.key))
            if section_id is None:
                continue
            for number, item in enumerate(section.items, start=1):
                planned_items.append(
                    Planned(
                        key=(section_id, item.key),
                        fields={
                            "section_id": section_id,
                            "key": item.key,
                            "text": item.text,
                            "detail": item.detail,
                            "order": number * 10,
                        },
                        links={"sources": [sources[k] for k in item.sources if k in sources]},
                    )
                )
    sync(
        Item,
        planned_items,
        key_of=lambda row: (row.section_id, row.key),
        label="page list points",
        source="education/data/pages/",
        report=report,
    )


def write_checklist(data: ChecklistData, *, report, state) -> None:
    from checklist.models import Checklist, QuestionToAsk, SignToWatch, ThingToBring

    sources = state["sources"]
    first = Checklist.objects.current()
    sync(
        Checklist,
        [
            Planned(
                key="checklist",
                fields={
                    **({"id": first.pk} if first else {}),
                    "title": data.title,
                    "introduction": data.introduction,
                    "opioid_warning": data.opioid_warning,
                    **data.review.fields(),
                },
            )
        ],
        # The site shows one checklist: the first row is it, whatever its id.
        key_of=lambda row: "checklist" if first is None or row.id == first.pk else row.id,
        label="checklist",
        source="checklist/data/checklist.yaml",
        report=report,
    )
    for model, name in (
        (QuestionToAsk, "questions_to_ask"),
        (ThingToBring, "things_to_bring"),
        (SignToWatch, "signs_to_watch"),
    ):
        sync(
            model,
            [
                Planned(
                    key=line.key,
                    fields={
                        "key": line.key,
                        "text": line.text,
                        "order": number * 10,
                        **({"kind": line.kind} if line.kind else {}),
                    },
                    links={"sources": [sources[k] for k in line.sources if k in sources]},
                )
                for number, line in enumerate(data.lists[name], start=1)
            ],
            key_of=lambda row: row.key,
            label=f"checklist {model._meta.verbose_name_plural}",
            source="checklist/data/checklist.yaml",
            report=report,
        )
