"""How each level looks and reads in a template: the words, CSS modifier and icon come from
clinical.severity.Severity, the one place for them. Patients always get the words; the icon and
border are extra, never the only signal.

    {% load checker_tags %}
    {% severity finding.severity as level %}{{ level.label }} {{ level.css }} {{ level.icon }}

`label` is for a medicine ("Do not take together"); `answer_label` is for a screening answer,
where "together" would not make sense.
"""

from dataclasses import dataclass

from django import template

from checker.forms import CONFIRM_PREFIX
from checker.rules import Finding
from clinical.severity import Severity

register = template.Library()


@register.simple_tag
def severity(level: str) -> Severity:
    """The words, CSS modifier and icon for a severity ("avoid", "caution", ...)."""
    return Severity.of(level)


@register.filter
def severity_label(level: str) -> str:
    return Severity.of(level).words


@dataclass(frozen=True)
class ShownEntry:
    """One entry as the results page shows it: a row, or one product of a row that named
    several, with the buttons that answer its question ("Did you mean ...?", "Which one?")."""

    finding: Finding
    row: int  # the medicine row it came from (counting from 1), 0 when not known
    whole: str  # the row as typed, when this entry is one product of it; "" otherwise
    confirm: str  # the action value of "Yes, I mean X", "" when there is no question
    choices: tuple[tuple[str, str], ...]  # (action value, reading) for a name with two meanings


def _confirm_action(row: int, part: int, choice: int) -> str:
    # checker.forms.read_confirm reads it back
    return f"{CONFIRM_PREFIX}{row}-{part}-{choice}" if row else ""


def _shown(finding: Finding, row: int, part: int, whole: str) -> ShownEntry:
    match = finding.match
    choices = ()
    if finding.alternatives and row:
        choices = tuple(
            (_confirm_action(row, part, number), label)
            for number, (reading, label) in enumerate(
                zip(finding.alternatives, finding.reading_labels, strict=True), start=1
            )
            if reading.match.suggestion
        )
    confirm = ""
    if match.is_guess and match.suggestion and not finding.alternatives:
        confirm = _confirm_action(row, part, 0)
    return ShownEntry(finding=finding, row=row, whole=whole, confirm=confirm, choices=choices)


@register.simple_tag
def results_by_level(report, rows=()) -> list[dict]:
    """The entries to show, grouped by level, most serious first: one per row, except that a
    row naming several products shows each product as its own entry, at its own level.
    `rows` are the row numbers of report.findings_as_typed, in that order."""
    typed = getattr(report, "findings_as_typed", None) or report.findings
    row_of = {id(finding): number for finding, number in zip(typed, rows, strict=False)}
    entries: list[ShownEntry] = []
    # report.findings is in the page's order: opioids first, then most serious first
    for finding in report.findings:
        row = row_of.get(id(finding), 0)
        if finding.parts:
            entries.extend(
                _shown(part, row, number, finding.match.input)
                for number, part in enumerate(finding.parts, start=1)
            )
        else:
            entries.append(_shown(finding, row, 0, ""))
    order = {id(entry): number for number, entry in enumerate(entries)}
    entries.sort(
        key=lambda e: (not e.finding.is_opioid, _level_order(e.finding.severity), order[id(e)])
    )
    groups: dict[str, list[ShownEntry]] = {}
    for entry in entries:
        groups.setdefault(entry.finding.severity, []).append(entry)
    return [
        {"level": level, "entries": groups[level]} for level in sorted(groups, key=_level_order)
    ]


def _level_order(level: str) -> int:
    return Severity.of(level).rank


@register.filter
def entry_count(levels: list[dict]) -> int:
    """How many entries results_by_level shows."""
    return sum(len(group["entries"]) for group in levels)
