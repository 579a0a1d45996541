"""Turn matched medicines and screening answers into findings: pure Python, no Django imports.

CONTRACT (other modules rely on these names and shapes; the bodies are filled in by the
engine work):

    report = evaluate(matches=[...Match], answers={"alcohol": True, ...},
                      rules=[...GroupRule], questions=[...Question])

Safety rules (DESIGN.md): never "safe"; never drop an entry (one Finding per Match, in the
order typed within a level); opioids first; the dose context stated.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from checker.matching import Match

# Most serious first. "none" = recognised, no rule in our list; "unknown" = not recognised.
SEVERITIES = ("avoid", "caution", "info", "none", "unknown")


@dataclass(frozen=True)
class SourceRef:
    title: str
    url: str
    publisher: str = ""


@dataclass(frozen=True)
class GroupRule:
    """An interaction group, e.g. opioid, with the ingredients that belong to it."""

    slug: str  # "opioid", "nsaid", "thioridazine", "alcohol", ...
    level: str  # "avoid", "caution" or "info"
    label: str  # plain name of the class, used as "hydrocodone (an opioid)": "an opioid"
    headline: str
    what_could_happen: str
    what_to_do: str
    tell_your_doctor: str
    ingredients: frozenset[str]
    sources: tuple[SourceRef, ...] = ()
    urgent: bool = False  # show the urgent "when to get help" care card


@dataclass(frozen=True)
class Question:
    """A yes/no screening question, with what a "yes" means."""

    slug: str  # "alcohol", "recent_opioids", "withdrawal_now", "liver", "oud_treatment", "allergy"
    text: str
    hint: str
    yes_level: str  # "avoid", "caution" or "info"
    yes_message: str
    tell_your_doctor: str
    sources: tuple[SourceRef, ...] = ()


@dataclass(frozen=True)
class Finding:
    """The answer for one entry the patient typed."""

    match: Match
    severity: str  # one of SEVERITIES
    groups: tuple[str, ...]  # slugs of the rules that fired, most serious first
    explanation: str  # "You typed Norco 10/325: hydrocodone (an opioid) + acetaminophen"
    headline: str
    message: str  # what could happen
    what_to_do: str
    tell_your_doctor: str
    sources: tuple[SourceRef, ...] = ()


@dataclass(frozen=True)
class AnswerFinding:
    question: Question
    answer: bool
    level: str
    message: str
    tell_your_doctor: str


@dataclass
class Report:
    findings: list[Finding]  # one per entry, most serious level first, opioids first of all
    answer_findings: list[AnswerFinding] = field(default_factory=list)
    dose_context: str = ""  # the standard-dose vs LDN sentence
    has_opioid: bool = False  # show the urgent care card

    @property
    def summary(self) -> dict[str, int]:
        counts = dict.fromkeys(SEVERITIES, 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts


def evaluate(
    *,
    matches: Sequence[Match],
    answers: Mapping[str, bool | None],
    rules: Sequence[GroupRule],
    questions: Sequence[Question],
) -> Report:
    raise NotImplementedError
