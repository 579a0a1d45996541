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

import hashlib
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from functools import cached_property

from django.conf import settings

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
    # every (name, kind) it knows, ingredients and known misspellings included
    known_names: tuple[tuple[str, str], ...] = ()
    must_warn_extra: tuple[str, ...] = ()  # checker/data/must_warn.csv

    @cached_property
    def readings(self) -> dict[str, must_warn.Reading]:
        """How this engine answers every name it knows and every must-warn typed form, read
        once (about a fifth of a second) and kept as long as the engine."""
        return must_warn.read_all(
            self.index, self.rules, names=self.known_names, extra=self.must_warn_extra
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


@dataclass
class CheckedReport(rules.Report):
    """A rules.Report from the engine's knowledge base. Its findings_as_typed (kept by
    rules.evaluate) are the order the JSON answer lists them in."""


_engine: Engine | None = None
_lock = threading.Lock()


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


def get_engine() -> Engine:
    global _engine
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


def _build(version: str | None) -> Engine:
    from checker.datafiles import read_must_warn, read_words
    from checker.models import (
        CheckerSettings,
        Ingredient,
        InteractionGroup,
        Name,
        ScreeningQuestion,
    )
    from clinical.models import UrgentHelp

    ingredient_names = dict(Ingredient.objects.values_list("id", "name"))
    records = [
        matching.NameRecord(name=name, ingredients=(name,), kind="generic")
        for name in ingredient_names.values()
    ]
    name_ingredients: dict[int, list[str]] = {}
    for name_id, ingredient_id in Name.ingredients.through.objects.order_by("pk").values_list(
        "name_id", "ingredient_id"
    ):
        # A row staff add between these queries waits for the next rebuild, no crash.
        if ingredient_id in ingredient_names:
            name_ingredients.setdefault(name_id, []).append(ingredient_names[ingredient_id])
    for name_id, name, kind, region, everyday, read_as, two_meanings in Name.objects.values_list(
        "id", "name", "kind", "region", "everyday_word", "read_as", "two_meanings"
    ):
        if name_ingredients.get(name_id):
            records.append(
                matching.NameRecord(
                    name=name,
                    ingredients=tuple(name_ingredients[name_id]),
                    kind=kind,
                    region=tuple(code.strip() for code in region.split(";") if code.strip()),
                    everyday=everyday,
                    read_as=read_as,
                    two_meanings=two_meanings,
                )
            )

    group_ingredients: dict[int, set[str]] = {}
    for ingredient_id, group_id in Ingredient.groups.through.objects.values_list(
        "ingredient_id", "interactiongroup_id"
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
    known = {r.name.casefold(): (r.name, r.kind) for r in records}
    return Engine(
        # The reading guards are part of the release (checker/data/words.yaml), not staff data.
        index=matching.build_index(records, words=read_words()),
        rules=group_rules,
        questions=questions,
        dose_context=checker_settings.dose_context,
        urgent_heading=urgent.heading,
        urgent_signs=tuple(urgent.sign_list),
        urgent_action=urgent.action,
        version=version,
        built_at=time.monotonic(),
        known_names=tuple(known.values()),
        must_warn_extra=tuple(row.name for row in read_must_warn()),
    )


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
    """Read each entry and evaluate it with the screening answers. Nothing is stored or logged.
    `names` shows ingredients by the region's names on the page (the JSON keeps US names)."""
    engine = get_engine()
    matches = [engine.index.match(entry) for entry in entries]
    report = rules.evaluate(
        matches=matches,
        answers=answers or {},
        rules=engine.rules,
        questions=engine.questions,
        dose_context=engine.dose_context,
        names=names,
    )
    return CheckedReport(**{f.name: getattr(report, f.name) for f in fields(report)})


def name_suggestions() -> list[str]:
    return list(get_engine().suggestions)


def suggestions_file() -> tuple[str, str]:
    """(version, text): every name to suggest, one a line, and a version named by the content.

    The checker page links it by version and its script fetches it only when the patient
    starts typing, so the page itself stays small; the same file serves every patient."""
    engine = get_engine()
    return engine.suggestions_version, engine.suggestions_text


def screening_questions() -> list[rules.Question]:
    return list(get_engine().questions)


def urgent_help() -> dict:
    """The words of the urgent "when to get help" box (clinical.UrgentHelp), as staff wrote them."""
    engine = get_engine()
    return {
        "heading": engine.urgent_heading,
        "items": list(engine.urgent_signs),
        "action": engine.urgent_action,
    }


def confirmed_entry(text: str, *, part: int = 0, choice: int = 0) -> str | None:
    """The entry with the patient's choice put in: the guess of product `part` (from 1; 0 for
    an entry of one product) when `choice` is 0, else its reading number `choice` of a name
    with two meanings. Read again, it is an exact reading. None when there is nothing to
    confirm (the entry or the knowledge base changed)."""
    return get_engine().index.confirmed_text(text, part=part, choice=choice)


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
