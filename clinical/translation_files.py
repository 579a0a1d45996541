"""The data files of the other languages: <app>/data/<language>/..., mirroring the English files
by key (same slugs and keys, text fields only), read into clinical.Translation rows.

    clinical/data/es/sources.yaml        key, title_es, note
    clinical/data/es/urgent_help.yaml    heading, signs (same order as the English), action
    checker/data/es/groups.yaml          slug, label, headline, what_could_happen, what_to_do, tell_your_doctor
    checker/data/es/questions.yaml       slug, text, hint, yes_message, tell_your_doctor
    checker/data/es/settings.yaml        dose_context
    checklist/data/es/checklist.yaml     checklist (title, introduction, opioid_warning),
                                         questions_to_ask / things_to_bring / signs_to_watch by key
    education/data/es/pages/<slug>.yaml  slug, title, summary, intro, sections (key, heading,
                                         intro, closing, items (key, text, detail))

The English files have the same shape, so both are flattened the same way
(clinical.translation names the fields). A key the English does not have is an error naming the
file and line: a translation of nothing would never be shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from clinical.datafiles import ROOT, DataError, Row, read_yaml, read_yaml_list, read_yaml_mapping

SINGLE_KEY = "1"
CHECKLIST_KEY = "checklist"


@dataclass(frozen=True)
class TranslationRow:
    kind: str
    key: str
    language: str
    texts: dict[str, str]
    english: dict[str, str]  # the English file's texts, flattened the same way
    path: Path


def _s(value) -> str:
    return "" if value is None else str(value).strip()


def _page(data) -> dict[str, str]:
    texts = {"title": _s(data.get("title")), "summary": _s(data.get("summary"))}
    texts["intro"] = _s(data.get("intro"))
    for section in data.get("sections") or []:
        base = f"sections.{section.get('key')}"
        for name in ("heading", "intro", "closing"):
            texts[f"{base}.{name}"] = _s(section.get(name))
        for item in section.get("items") or []:
            texts[f"{base}.items.{item.get('key')}"] = _s(item.get("text"))
            if _s(item.get("detail")):
                texts[f"{base}.items.{item.get('key')}.detail"] = _s(item.get("detail"))
    return texts


def _by(rows, key: str, names: tuple[str, ...]) -> dict[str, dict[str, str]]:
    return {_s(row.get(key)): {name: _s(row.get(name)) for name in names} for row in rows}


def _checklist(data) -> dict[str, str]:
    top = data.get("checklist") or {}
    texts = {name: _s(top.get(name)) for name in ("title", "introduction", "opioid_warning")}
    for name in ("questions_to_ask", "things_to_bring", "signs_to_watch"):
        for line in data.get(name) or []:
            texts[f"{name}.{line.get('key')}"] = _s(line.get("text"))
    return texts


def _urgent(data) -> dict[str, str]:
    texts = {"heading": _s(data.get("heading")), "action": _s(data.get("action"))}
    for number, sign in enumerate(data.get("signs") or [], start=1):
        texts[f"signs.{number}"] = _s(sign)
    return texts


GROUP_FIELDS = ("label", "headline", "what_could_happen", "what_to_do", "tell_your_doctor")
QUESTION_FIELDS = ("text", "hint", "yes_message", "tell_your_doctor")


def _check(path: Path, line: int, kind: str, key: str, texts: dict, english: dict | None):
    if english is None:
        raise DataError(path, line, f"there is no English {kind} {key!r} to translate")
    unknown = sorted(name for name, value in texts.items() if value and name not in english)
    if unknown:
        raise DataError(
            path, line, f"{kind} {key!r}: {unknown[0]!r} is not a text of the English {kind}"
        )


def read_language(language: str, root: Path = ROOT) -> list[TranslationRow]:
    """Every translation in one language's data files, checked against the English files."""
    rows: list[TranslationRow] = []

    def add(kind, key, texts, english, path, line=1):
        _check(path, line, kind, key, texts, english)
        texts = {name: value for name, value in texts.items() if value}
        rows.append(TranslationRow(kind, key, language, texts, english or {}, path))

    # Sources: the Spanish title is a descriptive one (title_es); the note is the note's Spanish.
    path = root / "clinical" / "data" / language / "sources.yaml"
    if path.exists():
        english = {
            _s(r.get("key")): {"title": _s(r.get("title")), "note": _s(r.get("note"))}
            for r in read_yaml_list(root / "clinical" / "data" / "sources.yaml")
        }
        for row in read_yaml_list(path):
            row.only("key", "title_es", "note")
            key = row.text("key")
            texts = {"title": _s(row.get("title_es")), "note": _s(row.get("note"))}
            add("source", key, texts, english.get(key), path, row.line)

    path = root / "clinical" / "data" / language / "urgent_help.yaml"
    if path.exists():
        english = _urgent(read_yaml_mapping(root / "clinical" / "data" / "urgent_help.yaml"))
        add("urgent_help", SINGLE_KEY, _urgent(read_yaml_mapping(path)), english, path)

    for name, kind, fields in (
        ("groups", "group", GROUP_FIELDS),
        ("questions", "question", QUESTION_FIELDS),
    ):
        path = root / "checker" / "data" / language / f"{name}.yaml"
        if not path.exists():
            continue
        english = _by(read_yaml_list(root / "checker" / "data" / f"{name}.yaml"), "slug", fields)
        for row in read_yaml_list(path):
            row.only("slug", *fields)
            key = row.text("slug")
            add(kind, key, {f: _s(row.get(f)) for f in fields}, english.get(key), path, row.line)

    path = root / "checker" / "data" / language / "settings.yaml"
    if path.exists():
        english = {
            "dose_context": _s(
                read_yaml_mapping(root / "checker/data/settings.yaml").get("dose_context")
            )
        }
        data = read_yaml_mapping(path)
        add(
            "checker_settings",
            SINGLE_KEY,
            {"dose_context": _s(data.get("dose_context"))},
            english,
            path,
        )

    path = root / "checklist" / "data" / language / "checklist.yaml"
    if path.exists():
        english = _checklist(read_yaml(root / "checklist" / "data" / "checklist.yaml"))
        add("checklist", CHECKLIST_KEY, _checklist(read_yaml(path)), english, path)

    folder = root / "education" / "data" / language / "pages"
    if folder.exists():
        english_folder = root / "education" / "data" / "pages"
        for path in sorted(folder.glob("*.yaml")):
            data = read_yaml(path)
            if not isinstance(data, dict) or not _s(data.get("slug")):
                raise DataError(path, 1, "a page needs its English page's 'slug'")
            slug = _s(data.get("slug"))
            english_path = english_folder / f"{slug}.yaml"
            english = _page(read_yaml(english_path)) if english_path.exists() else None
            add("page", slug, _page(data), english, path)
    return rows


def read_all_languages(root: Path = ROOT) -> list[TranslationRow]:
    from django.conf import settings

    rows: list[TranslationRow] = []
    for code, _ in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE:
            rows += read_language(code, root)
    return rows


__all__ = ["Row", "TranslationRow", "read_all_languages", "read_language"]
