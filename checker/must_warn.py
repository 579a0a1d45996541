"""The names that must always warn, and what an edit would take from them. Pure Python.

A name warns as an opioid when the checker answers it in full: "Do not take together", the
urgent "When to get help now" box, a place in the printed checklist's opioid box, and the group
"opioid" in the JSON other programs read (DESIGN.md). The names that must keep warning are
every name and ingredient the checker knows that warns now, and the typed forms in
checker/data/must_warn.csv ("Norco 10/325", "oxycodon"). An edit that would take any part of
the warning from any of them is refused unless a pharmacist confirms it (checker/guard.py).

    before = read_all(index, rules, names=[("Norco", "brand"), ...], extra=["Norco 10/325"])
    impact = impact_of(before, after_index, after_rules)    # the edited engine's index and rules
    impact.silenced     # [Silenced(name, before, after, lost=("says “Do not take together”", ...))]
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from checker.matching import MatchIndex
from checker.rules import OPIOID, GroupRule, evaluate
from clinical.severity import Severity

# What a full opioid warning is made of, in the words the refusal screen uses.
SAYS_DO_NOT_TAKE = f"says “{Severity.AVOID.words}”"
SHOWS_URGENT_BOX = "shows the urgent “When to get help now” box"
IN_OPIOID_BOX = "is named in the printed checklist’s opioid box"
IN_CONTRACT_GROUP = f"is reported to other programs in the group “{OPIOID}”"

# The names a person knows best come first when a screen lists a few of many.
KIND_ORDER = ("brand", "generic", "combination", "alias", "street", "old_brand", "drink")


@dataclass(frozen=True)
class Reading:
    """How the checker answers one name, as far as the warning goes."""

    name: str
    severity: str
    groups: tuple[str, ...]
    opioid: bool  # listed first; named in the checklist's opioid box
    urgent: bool  # the urgent box shows
    explanation: str  # "You typed Norco: hydrocodone (an opioid) + acetaminophen"
    kind: str = ""

    @property
    def warning_parts(self) -> tuple[str, ...]:
        parts = []
        if self.severity == Severity.AVOID.value:
            parts.append(SAYS_DO_NOT_TAKE)
        if self.urgent:
            parts.append(SHOWS_URGENT_BOX)
        if self.opioid:
            parts.append(IN_OPIOID_BOX)
        if OPIOID in self.groups:
            parts.append(IN_CONTRACT_GROUP)
        return tuple(parts)

    @property
    def warns(self) -> bool:
        """The whole opioid warning, every part of it."""
        return len(self.warning_parts) == 4

    @property
    def level_words(self) -> str:
        return Severity.of(self.severity).words


@dataclass(frozen=True)
class Silenced:
    """A name that warns now and would not, in full, after the change."""

    name: str
    before: Reading
    after: Reading

    @property
    def lost(self) -> tuple[str, ...]:
        kept = set(self.after.warning_parts)
        return tuple(part for part in self.before.warning_parts if part not in kept)


@dataclass(frozen=True)
class Impact:
    """What a change does to the names that must warn (and, for a preview, to every name)."""

    silenced: tuple[Silenced, ...]
    checked: int  # how many must-warn names were read again
    changed: tuple[tuple[Reading, Reading | None], ...] = ()  # every answer that changes
    added: tuple[Reading, ...] = ()  # names the checker would newly know
    seconds: float = 0.0

    @property
    def safe_to_save(self) -> bool:
        return not self.silenced

    @property
    def token(self) -> str:
        """Names exactly this impact: a confirmation given for it is not valid for another."""
        text = "\n".join(f"{s.name}|{'|'.join(s.lost)}" for s in self.silenced)
        return hashlib.sha256(text.encode()).hexdigest()[:32]

    def examples(self, count: int = 8) -> list[str]:
        return [s.name for s in self.silenced[:count]]

    @property
    def summary(self) -> str:
        """ "882 names will stop warning, including Norco, OxyContin, Percocet …" """
        total = len(self.silenced)
        if not total:
            return "No name that must warn would stop warning."
        names = ", ".join(self.examples())
        more = " …" if total > len(self.examples()) else ""
        noun = "1 name" if total == 1 else f"{total} names"
        which = "including" if total > 1 else ":"
        if all(SAYS_DO_NOT_TAKE in s.lost for s in self.silenced):
            return f"{noun} will stop warning, {which} {names}{more}".replace(", :", ":")
        return f"{noun} will lose part of their opioid warning, {which} {names}{more}".replace(
            ", :", ":"
        )

    def lost_counts(self) -> list[tuple[str, int]]:
        """Each part of the warning, and how many names would lose it."""
        counts: dict[str, int] = {}
        for silenced in self.silenced:
            for part in silenced.lost:
                counts[part] = counts.get(part, 0) + 1
        order = (SAYS_DO_NOT_TAKE, SHOWS_URGENT_BOX, IN_OPIOID_BOX, IN_CONTRACT_GROUP)
        return [(part, counts[part]) for part in order if part in counts]


def read_names(
    index: MatchIndex, rules: Sequence[GroupRule], names: Iterable[tuple[str, str]]
) -> dict[str, Reading]:
    """How the checker answers each (name, kind), keyed by the name casefolded."""
    readings: dict[str, Reading] = {}
    pending = [(name, kind) for name, kind in names if name.casefold() not in readings]
    matches = [index.match(name) for name, _ in pending]
    report = evaluate(matches=matches, answers={}, rules=rules, questions=())
    # in the order read (a name with two meanings answers with another Match than it was read as)
    for (name, kind), finding in zip(pending, report.findings_as_typed, strict=True):
        readings.setdefault(
            name.casefold(),
            Reading(
                name=name,
                severity=finding.severity,
                groups=finding.groups,
                opioid=finding.is_opioid,
                urgent=finding.urgent,
                explanation=finding.explanation,
                kind=kind,
            ),
        )
    return readings


def read_all(
    index: MatchIndex,
    rules: Sequence[GroupRule],
    *,
    names: Iterable[tuple[str, str]],
    extra: Iterable[str] = (),
) -> dict[str, Reading]:
    """Every (name, kind) the checker knows (its ingredients, names and known misspellings)
    and the extra typed forms, each read once."""
    return read_names(index, rules, [*names, *((name, "typed") for name in extra)])


def _sort_key(reading: Reading, typed: Sequence[str] = ()) -> tuple[int, int, str]:
    """Names patients type most first (those the must-warn list writes out, such as Norco in
    "Norco 10/325"), then by kind (brands first) and name; the typed forms themselves last."""
    name = reading.name.casefold()
    rank = KIND_ORDER.index(reading.kind) if reading.kind in KIND_ORDER else len(KIND_ORDER)
    if reading.kind == "typed":
        return (2, rank, name)
    well_known = any(form == name or form.startswith(name + " ") for form in typed)
    return (0 if well_known else 1, rank, name)


def impact_of(
    before: Mapping[str, Reading],
    index: MatchIndex,
    rules: Sequence[GroupRule],
    *,
    every_name: Iterable[tuple[str, str]] | None = None,
) -> Impact:
    """Read the names that warn in `before` again with the edited index and rules.

    every_name: for a preview, every (name, kind) the edited checker knows; each one and each
    name in `before` is read, to list every answer that changes.
    """
    must_warn = [reading for reading in before.values() if reading.warns]
    wanted = [(r.name, r.kind) for r in must_warn]
    if every_name is not None:
        wanted = [(r.name, r.kind) for r in before.values()] + list(every_name)
    after = read_names(index, rules, wanted)
    typed = [key for key, reading in before.items() if reading.kind == "typed"]
    silenced = sorted(
        (
            Silenced(name=reading.name, before=reading, after=after[key])
            for key, reading in ((r.name.casefold(), r) for r in must_warn)
            if not after[key].warns
        ),
        key=lambda s: _sort_key(s.before, typed),
    )
    changed: list[tuple[Reading, Reading | None]] = []
    added: list[Reading] = []
    if every_name is not None:
        for key, old in before.items():
            new = after.get(key)
            if new is None or _answer(new) != _answer(old):
                changed.append((old, new))
        added = [r for key, r in after.items() if key not in before and r.severity != "unknown"]
        changed.sort(key=lambda pair: _sort_key(pair[0]))
    return Impact(
        silenced=tuple(silenced),
        checked=len(must_warn),
        changed=tuple(changed),
        added=tuple(sorted(added, key=_sort_key)),
    )


def _answer(reading: Reading) -> tuple:
    return (reading.severity, reading.groups, reading.opioid, reading.urgent, reading.explanation)
