"""Read what a patient typed as medicine names: pure Python, no Django imports.

CONTRACT (other modules rely on these names and shapes; the bodies are filled in by the
engine work):

    records = [NameRecord(name="Norco", ingredients=("hydrocodone", "acetaminophen"), kind="brand"), ...]
    index = build_index(records)          # built once, from the database, never per request
    result = index.match("norco 10/325")  # -> Match
    index.suggestions()                   # -> sorted display names for the <datalist>
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

MATCH_EXACT = "exact"
MATCH_FUZZY = "fuzzy"
MATCH_NONE = "none"


@dataclass(frozen=True)
class NameRecord:
    """One name a patient might type, and the ingredients it stands for."""

    name: str  # display name as staff wrote it: "Norco", "hydrocodone", "lean", "paracetamol"
    ingredients: tuple[str, ...]  # lowercase US generic names: ("hydrocodone", "acetaminophen")
    kind: str  # "generic", "alias", "uk", "brand", "uk_brand", "combination", "street", "old_brand", "drink"


@dataclass(frozen=True)
class Match:
    """How one entry was read. `input` is exactly what was typed, never altered."""

    input: str
    match: str  # MATCH_EXACT, MATCH_FUZZY or MATCH_NONE
    matched_name: (
        str | None
    )  # the name it was read as, e.g. "Norco" or "hydrocodone + acetaminophen"
    ingredients: tuple[
        str, ...
    ]  # lowercase US generic names, in a stable order; () when not recognised

    @property
    def recognized(self) -> bool:
        return self.match != MATCH_NONE


def normalise_entry(text: str) -> str:
    """Lowercase, strip doses, units, forms and punctuation; keep the words that name a drug."""
    raise NotImplementedError


class MatchIndex:
    def __init__(self, records: Iterable[NameRecord]) -> None:
        raise NotImplementedError

    def match(self, text: str) -> Match:
        raise NotImplementedError

    def suggestions(self) -> list[str]:
        raise NotImplementedError


def build_index(records: Iterable[NameRecord]) -> MatchIndex:
    return MatchIndex(records)
