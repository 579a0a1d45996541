"""The Django side of the checker: builds the pure engine's index and rules from the database
once, keeps them until staff change drug data, and answers checks.

CONTRACT (views, the API, the checklist and the management command call only these):

    check_medicines(entries=["Norco 10/325", "ibuprofen"], answers={"alcohol": True}) -> rules.Report
    name_suggestions() -> list[str]      # for the <datalist>
    suggestions_file() -> tuple[str, str]   # (version, one name a line), served as a static file
    screening_questions() -> list[rules.Question]
    report_as_json(report) -> dict       # exactly DESIGN.md's JSON contract (+ its additions)
    confirmed_entry(text, part=0, choice=0) -> str | None   # "Did you mean X?" answered yes
    build_from_database() -> Engine      # a fresh engine from the rows as this transaction sees
                                         # them, never cached (the must-warn guard, previews)

How it stays fresh: every committed save or delete of a checker model bumps the "checker"
version (serving.versions, checker/signals.py), which all workers share. Each worker compares
that version with the one it built from, and rebuilds on its next request when they differ. As
a backstop for a cache that is not shared, a worker also rebuilds once its copy is
CHECKER_ENGINE_MAX_AGE seconds old. When the cache does not answer, the version is unknown: a
worker then builds from the database at most every CHECKER_DEGRADED_MAX_AGE seconds rather than
trusting what it built before. Between rebuilds a check runs no SQL at all.
"""

from __future__ import annotations

import contextvars
import hashlib
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache
from types import MappingProxyType

from django.conf import settings
from django.db import connections

from checker import matching, must_warn, rules
from serving import versions

VERSION = "checker"
DEFAULT_MAX_AGE_SECONDS = 300
# With the cache down, how long an index built from the database is used before the next
# build. A build takes a fraction of a second; a staff edit reaches the checker this fast.
DEFAULT_DEGRADED_MAX_AGE_SECONDS = 10


@dataclass(frozen=True)
class Engine:
    """Everything a check needs, built from the database in one go and never changed after."""

    index: matching.MatchIndex
    rules: tuple[rules.GroupRule, ...]
    questions: tuple[rules.Question, ...]
    dose_context: str
    urgent_heading: str
    urgent_signs: tuple[str, ...]
    urgent_action: str
    version: str | None  # None: built while the cache did not answer
    built_at: float
    # How each ingredient is named in the engine's language ({} in English: as stored).
    display_names: Mapping[str, str] = field(default_factory=dict)
    # every (name, kind) it knows, ingredients and known misspellings included
    known_names: tuple[tuple[str, str], ...] = ()
    must_warn_extra: tuple[str, ...] = ()  # checker/data/must_warn.csv

    @cached_property
    def readings(self) -> Mapping[str, must_warn.Reading]:
        """How this engine answers every name it knows and every must-warn typed form, read
        once (about a third of a second) and kept as long as the engine. An engine rebuilt
        from the same rows (the index, the rules and the names unchanged) reuses them."""
        from django.utils import translation

        return _readings_for(
            self.index,
            self.rules,
            self.known_names,
            self.must_warn_extra,
            translation.get_language(),  # the explanations are in the active language
        )

    @cached_property
    def suggestions(self) -> list[str]:
        return self.index.suggestions()

    @cached_property
    def suggestions_text(self) -> str:
        # One name a line: the smallest form a browser can read (no markup, no quoting).
        return "\n".join(self.suggestions) + "\n"

    @cached_property
    def suggestions_version(self) -> str:
        # Named by its content, so a browser may keep it for good: new names, new address.
        return hashlib.sha256(self.suggestions_text.encode()).hexdigest()[:16]


@lru_cache(maxsize=4)
def _readings_for(
    index: matching.MatchIndex,
    group_rules: tuple[rules.GroupRule, ...],
    names: tuple[tuple[str, str], ...],
    extra: tuple[str, ...],
    language: str | None,
) -> Mapping[str, must_warn.Reading]:
    # The same index object (matching.build_index gives one per input) and equal rules and
    # names read every name the same, so the answer is shared, read-only.
    return MappingProxyType(must_warn.read_all(index, group_rules, names=names, extra=extra))


@dataclass
class CheckedReport(rules.Report):
    """A rules.Report from the engine's knowledge base. Its findings_as_typed (kept by
    rules.evaluate) are the order the JSON answer lists them in."""

    # How each ingredient is named in the report's language and region (the checklist rows).
    display_names: Mapping[str, str] = field(default_factory=dict)


_engine: Engine | None = None
_lock = threading.Lock()
# An engine this request uses instead of the shared one: a staff preview of a draft
# (clinical/drafts.py), built from edits that are never committed and never shared.
_preview: contextvars.ContextVar[Engine | None] = contextvars.ContextVar(
    "checker_preview_engine", default=None
)


@contextmanager
def previewing(engine: Engine) -> Iterator[Engine]:
    """Checks inside this block use `engine` (from build_from_database()); no worker's shared
    engine is built or replaced."""
    token = _preview.set(engine)
    try:
        yield engine
    finally:
        _preview.reset(token)


def current_version() -> str | None:
    """The version every worker agrees on, or None when the cache does not answer."""
    return versions.current(VERSION)


def bump_version() -> None:
    """Tell every worker now that drug data changed, so each rebuilds on its next request.
    For data already committed (a loader, an import); a model save bumps on commit by itself
    (checker/signals.py)."""
    versions.bump_now(VERSION)


def bump_version_on_commit() -> None:
    """What every save or delete of checker data does: a new version once it commits."""
    versions.bump(VERSION)


def reset() -> None:
    """Forget this worker's built engine (tests use it; bump_version() is for data changes)."""
    global _engine
    with _lock:
        _engine = None
        _translated.clear()


def get_engine() -> Engine:
    global _engine
    preview = _preview.get()
    if preview is not None:
        return preview
    version = current_version()
    if version is None:
        max_age = getattr(settings, "CHECKER_DEGRADED_MAX_AGE", DEFAULT_DEGRADED_MAX_AGE_SECONDS)
    else:
        max_age = getattr(settings, "CHECKER_ENGINE_MAX_AGE", DEFAULT_MAX_AGE_SECONDS)
    engine = _engine
    if engine is not None and engine.version == version and _fresh(engine, max_age):
        return engine
    with _lock:
        engine = _engine
        if engine is None or engine.version != version or not _fresh(engine, max_age):
            engine = _build(version)
            _engine = engine
    return engine


def build_now() -> Engine:
    """An engine from the database as it is at this moment, for a program that must see its
    own writes before they commit (an import reads, writes, and reads again). The workers'
    engine is left as it is."""
    return _build(current_version() or "now")


def _fresh(engine: Engine, max_age: float) -> bool:
    return time.monotonic() - engine.built_at < max_age


def build_from_database() -> Engine:
    """An engine from the rows as the current transaction sees them, edits not yet committed
    included; never kept (the must-warn guard and the admin's previews build one per check)."""
    return _build(None)


def _release_files() -> tuple[matching.Words, tuple[str, ...]]:
    """words.yaml and must_warn.csv, parsed again only when either changes on disk: they come
    with a release, while a build follows every staff save."""
    from checker.datafiles import DATA

    stamps = []
    for name in ("words.yaml", "must_warn.csv"):
        stat = (DATA / name).stat()
        stamps.append((name, stat.st_mtime_ns, stat.st_size))
    return _read_release_files(tuple(stamps))


@lru_cache(maxsize=2)
def _read_release_files(_stamps: tuple) -> tuple[matching.Words, tuple[str, ...]]:
    from checker.datafiles import read_must_warn, read_words

    return read_words(), tuple(row.name for row in read_must_warn())


def _plain_rows(queryset, *fields: str) -> list[tuple]:
    """The rows of queryset.values_list(*fields), in its order, as the database gives them:
    the same SQL the ORM would run, without its per-row work (a rebuild reads about 7,000 names
    and 8,000 links, after every staff change). Booleans may come back as 0 and 1."""
    sql, params = queryset.values_list(*fields).query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


NAME_FIELDS = ("id", "name", "kind", "region", "everyday_word", "read_as", "two_meanings")
# The last name rows read, and what was made of them: a rebuild after a change elsewhere (a
# group's words, a question) reads the same rows and reuses the records and their index.
_last_names: tuple | None = None


def _names(ingredient_rows, link_rows, name_rows, words: matching.Words):
    """(records, known (name, kind) pairs, index) for these rows and word lists."""
    global _last_names
    key = (ingredient_rows, link_rows, name_rows, words)
    last = _last_names
    if last is not None and last[0] == key:
        return last[1]
    ingredient_names = dict(ingredient_rows)
    records = [
        matching.NameRecord(name=name, ingredients=(name,), kind="generic")
        for name in ingredient_names.values()
    ]
    name_ingredients: dict[int, list[str]] = {}
    for name_id, ingredient_id in link_rows:
        # A row staff add between these queries waits for the next rebuild, no crash.
        if ingredient_id in ingredient_names:
            name_ingredients.setdefault(name_id, []).append(ingredient_names[ingredient_id])
    for name_id, name, kind, region, everyday, read_as, two_meanings in name_rows:
        if name_ingredients.get(name_id):
            records.append(
                matching.NameRecord(
                    name=name,
                    ingredients=tuple(name_ingredients[name_id]),
                    kind=kind,
                    region=tuple(code.strip() for code in region.split(";") if code.strip()),
                    everyday=bool(everyday),
                    read_as=read_as,
                    two_meanings=bool(two_meanings),
                )
            )
    known = {r.name.casefold(): (r.name, r.kind) for r in records}
    # The reading guards are part of the release (checker/data/words.yaml), not staff data.
    made = (tuple(records), tuple(known.values()), matching.build_index(records, words=words))
    _last_names = (key, made)
    return made


def _build(version: str | None) -> Engine:
    from checker.models import (
        CheckerSettings,
        Ingredient,
        InteractionGroup,
        Name,
        ScreeningQuestion,
    )
    from clinical.models import UrgentHelp

    ingredient_rows = _plain_rows(Ingredient.objects.all(), "id", "name")
    ingredient_names = dict(ingredient_rows)
    words, must_warn_extra = _release_files()
    records, known, index = _names(
        ingredient_rows,
        _plain_rows(Name.ingredients.through.objects.order_by("pk"), "name_id", "ingredient_id"),
        _plain_rows(Name.objects.all(), *NAME_FIELDS),
        words,
    )

    group_ingredients: dict[int, set[str]] = {}
    for ingredient_id, group_id in _plain_rows(
        Ingredient.groups.through.objects.all(), "ingredient_id", "interactiongroup_id"
    ):
        if ingredient_id in ingredient_names:
            group_ingredients.setdefault(group_id, set()).add(ingredient_names[ingredient_id])

    group_rules = tuple(
        rules.GroupRule(
            slug=group.slug,
            level=group.level,
            label=group.label,
            headline=group.headline,
            what_could_happen=group.what_could_happen,
            what_to_do=group.what_to_do,
            tell_your_doctor=group.tell_your_doctor,
            ingredients=frozenset(group_ingredients.get(group.pk, ())),
            sources=_source_refs(group.sources.all()),
            urgent=group.urgent,
            products=frozenset(name.casefold() for name in group.product_names),
            instead_of=frozenset(group.instead_of_slugs),
            about_opioids=group.about_opioids,
        )
        for group in InteractionGroup.objects.prefetch_related("sources")
    )
    questions = tuple(
        rules.Question(
            slug=question.slug,
            text=question.text,
            hint=question.hint,
            yes_level=question.yes_level,
            yes_message=question.yes_message,
            tell_your_doctor=question.tell_your_doctor,
            sources=_source_refs(question.sources.all()),
            about_opioids=question.about_opioids,
        )
        for question in ScreeningQuestion.objects.prefetch_related("sources")
    )
    checker_settings = CheckerSettings.load()
    urgent = UrgentHelp.load() or UrgentHelp(heading="", signs="", action="")
    return Engine(
        index=index,
        rules=group_rules,
        questions=questions,
        dose_context=checker_settings.dose_context,
        urgent_heading=urgent.heading,
        urgent_signs=tuple(urgent.sign_list),
        urgent_action=urgent.action,
        version=version,
        built_at=time.monotonic(),
        known_names=known,
        must_warn_extra=must_warn_extra,
    )


# --- Other languages -------------------------------------------------------------------------

_translated: dict[str, tuple[Engine, Engine]] = {}  # language -> (English engine, translated)


def engine_for(language: str | None = None) -> Engine:
    """The engine with its texts (groups, questions, the dose sentence, the urgent box, the
    sources' titles) in `language` (the active language by default), English where a text has
    no translation. Names are read the same in every language: the index is shared."""
    from clinical import translation

    engine = get_engine()
    language = language or translation.current_language()
    if translation.is_default(language):
        return engine
    cached = _translated.get(language)
    if cached is not None and cached[0] is engine:
        return cached[1]
    translated = _translate(engine, language)
    with _lock:
        _translated[language] = (engine, translated)
    return translated


def _translate(engine: Engine, language: str) -> Engine:
    from dataclasses import replace

    from clinical import translation
    from clinical.models import Source, Translation

    rows = {
        (row.kind, row.key): row.texts
        for row in Translation.objects.filter(language=language).only("kind", "key", "texts")
    }

    def pick(kind: str, key: str, name: str, english: str) -> str:
        value = (rows.get((kind, key)) or {}).get(name, "").strip()
        return value or english

    source_titles = {
        source.url + "|" + source.title: pick("source", source.key, "title", source.title)
        for source in Source.objects.only("key", "title", "url")
    }

    def refs(sources):
        return tuple(
            replace(ref, title=source_titles.get(ref.url + "|" + ref.title, ref.title))
            for ref in sources
        )

    group_rules = tuple(
        replace(
            rule,
            **{
                name: pick("group", rule.slug, name, getattr(rule, name))
                for name in translation.GROUP_FIELDS
            },
            sources=refs(rule.sources),
        )
        for rule in engine.rules
    )
    questions = tuple(
        replace(
            question,
            **{
                name: pick("question", question.slug, name, getattr(question, name))
                for name in translation.QUESTION_FIELDS
            },
            sources=refs(question.sources),
        )
        for question in engine.questions
    )
    single = translation.SINGLE_KEY
    signs = tuple(
        pick("urgent_help", single, f"signs.{number}", sign)
        for number, sign in enumerate(engine.urgent_signs, start=1)
    )
    return replace(
        engine,
        display_names=_display_names(language),
        rules=group_rules,
        questions=questions,
        dose_context=pick("checker_settings", single, "dose_context", engine.dose_context),
        urgent_heading=pick("urgent_help", single, "heading", engine.urgent_heading),
        urgent_signs=signs,
        urgent_action=pick("urgent_help", single, "action", engine.urgent_action),
    )


# The regions whose local generic names are the language's own: an alias of one ingredient listed
# for one of them (checker/data/names.csv) is how a patient of that language knows it.
LANGUAGE_REGIONS = {"es": ("es", "mx")}


def _display_names(language: str) -> dict[str, str]:
    """Ingredient -> its name in the language: the first one-word, single-ingredient alias
    listed for the language's regions in the drug list (morphine -> morfina, acetaminophen ->
    acetaminofén); none when the language calls it by its English name (tramadol)."""
    from checker.models import Name

    regions = set(LANGUAGE_REGIONS.get(language, ()))
    names: dict[str, str] = {}
    if not regions:
        return names
    aliases = Name.objects.filter(kind="alias").exclude(region="").order_by("pk")
    same: set[str] = set()  # the language calls it by its English name ("tramadol")
    for alias in aliases.prefetch_related("ingredients"):
        ingredients = list(alias.ingredients.all())
        if len(ingredients) != 1 or not regions & set(alias.regions):
            continue
        english = ingredients[0].name
        key = matching.name_key(alias.name)
        if key == matching.name_key(english):
            same.add(english)
        elif " " not in key:  # the ingredient's own name: "morfina", not "tramadol gotas"
            names.setdefault(english, alias.name)
    for english in same:
        names.pop(english, None)
    from checker.datafiles import DATA

    chosen = DATA / language / "ingredient_names.yaml"
    if chosen.exists():
        import yaml

        names.update(yaml.safe_load(chosen.read_text(encoding="utf-8")) or {})
    return names


def _source_refs(sources: Iterable) -> tuple[rules.SourceRef, ...]:
    return tuple(
        rules.SourceRef(title=source.title, url=source.url, publisher=source.publisher)
        for source in sources
    )


# --- The contract --------------------------------------------------------------------------


def check_medicines(
    *,
    entries: Iterable[str],
    answers: Mapping[str, bool | None] | None = None,
    names: Mapping[str, str] | None = None,
) -> CheckedReport:
    """Read each entry and evaluate it with the screening answers, in the active language.
    Nothing is stored or logged. `names` shows ingredients by the region's names on the page
    (the JSON keeps US names); on a translated page the language's own names win."""
    engine = engine_for()
    matches = [_spoken(engine, engine.index.match(entry)) for entry in entries]
    shown = {**(names or {}), **engine.display_names} if engine.display_names else names
    report = rules.evaluate(
        matches=matches,
        answers=answers or {},
        rules=engine.rules,
        questions=engine.questions,
        dose_context=engine.dose_context,
        names=shown,
    )
    checked = CheckedReport(**{f.name: getattr(report, f.name) for f in fields(report)})
    checked.display_names = shown or {}
    return checked


def name_suggestions() -> list[str]:
    return list(get_engine().suggestions)


def suggestions_file() -> tuple[str, str]:
    """(version, text): every name to suggest, one a line, and a version named by the content.

    The checker page links it by version and its script fetches it only when the patient
    starts typing, so the page itself stays small; the same file serves every patient."""
    engine = get_engine()
    return engine.suggestions_version, engine.suggestions_text


def screening_questions() -> list[rules.Question]:
    return list(engine_for().questions)


def urgent_help() -> dict:
    """The words of the urgent "when to get help" box (clinical.UrgentHelp), as staff wrote them,
    in the active language."""
    engine = engine_for()
    return {
        "heading": engine.urgent_heading,
        "items": list(engine.urgent_signs),
        "action": engine.urgent_action,
    }


def _say(engine: Engine, name: str) -> str:
    """A suggestion ("Did you mean morphine?") in the engine's language ("morfina"), when that
    name reads as exactly the same medicine; else as it is."""
    spoken = engine.display_names.get(name)
    if not spoken:
        return name
    again = engine.index.match(spoken)
    original = engine.index.match(name)
    if (
        again.match == matching.MATCH_EXACT
        and set(again.ingredients) == set(original.ingredients)
        and not again.unmatched
        and not again.alternatives
    ):
        return spoken
    return name


def _spoken(engine: Engine, match: matching.Match) -> matching.Match:
    """The match with its suggestions named in the engine's language."""
    if not engine.display_names:
        return match
    from dataclasses import replace

    changes = {}
    if match.suggestion:
        changes["suggestion"] = _say(engine, match.suggestion)
    if match.alternatives:
        changes["alternatives"] = tuple(_spoken(engine, alt) for alt in match.alternatives)
    if match.parts:
        changes["parts"] = tuple(_spoken(engine, part) for part in match.parts)
    return replace(match, **changes) if changes else match


def confirmed_entry(text: str, *, part: int = 0, choice: int = 0) -> str | None:
    """The entry with the patient's choice put in: the guess of product `part` (from 1; 0 for
    an entry of one product) when `choice` is 0, else its reading number `choice` of a name
    with two meanings. Read again, it is an exact reading. None when there is nothing to
    confirm (the entry or the knowledge base changed)."""
    engine = engine_for()
    say = (lambda name: _say(engine, name)) if engine.display_names else None
    return engine.index.confirmed_text(text, part=part, choice=choice, say=say)


def report_as_json(report: rules.Report) -> dict:
    """DESIGN.md's JSON: one result per entry in the order typed, and the count per severity.

    Each result has input, recognized, match, matched_name, ingredients, groups, severity,
    message and tell_your_doctor; and, only when they apply:
    - unmatched: the parts not read as a medicine taken ["hc"], ["no codeine"];
    - alternatives: every reading of a name with two meanings, each {matched_name,
      ingredients, groups, severity}; the result itself is the most serious of them;
    - parts: one result (this same shape) per product, when the input names several; the
      result itself is then the most serious product, with every product's ingredients."""
    findings = getattr(report, "findings_as_typed", None) or report.findings
    return {
        "results": [_result_as_json(finding) for finding in findings],
        "summary": dict(report.summary),
    }


def _result_as_json(finding: rules.Finding) -> dict:
    result = {
        "input": finding.match.input,
        "recognized": finding.match.recognized,
        "match": finding.match.match,
        "matched_name": finding.match.matched_name,
        "ingredients": list(finding.match.ingredients),
        "groups": list(finding.groups),
        "severity": finding.severity,
        "message": finding.message or finding.headline,
        "tell_your_doctor": finding.tell_your_doctor,
    }
    if finding.match.unmatched:
        result["unmatched"] = list(finding.match.unmatched)
    if finding.alternatives:
        result["alternatives"] = [
            {
                "matched_name": reading.match.matched_name,
                "ingredients": list(reading.match.ingredients),
                "groups": list(reading.groups),
                "severity": reading.severity,
            }
            for reading in finding.alternatives
        ]
    if finding.parts:
        result["parts"] = [_result_as_json(part) for part in finding.parts]
    return result
