"""Turn the checker's report into the lines of the filled checklist: one row per medicine and
each "tell your doctor" prompt once. Plain Python over checker.rules shapes; no database."""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from checker.matching import MATCH_FUZZY
from checker.rules import Finding, Report
from clinical.severity import Severity


@dataclass(frozen=True)
class MedicineRow:
    typed: str  # exactly what the patient typed, shown escaped
    read_as: str  # the name it was read as; "" when not recognised or the same as typed
    ingredients: str  # "hydrocodone + acetaminophen"; "" when it adds nothing to read_as
    unmatched: tuple[str, ...]  # parts of a combination we could not read
    is_close_match: bool  # read by spelling likeness, so worth checking
    level: str  # a severity; its words come from checker_tags, the one place for them
    line: str  # one plain line on what it means


# Names as typed are listed after a line only while they stay short; otherwise the line says
# how many of the medicines above it is about (a long list must still fit on two sheets).
NAMES_THAT_FIT = 4
NAME_CHARACTERS_THAT_FIT = 80


def names_fit(entries) -> bool:
    return (
        len(entries) <= NAMES_THAT_FIT and sum(len(e) for e in entries) <= NAME_CHARACTERS_THAT_FIT
    )


@dataclass(frozen=True)
class Prompt:
    text: str
    entries: tuple[str, ...]  # the medicines (as typed) it is about; () for answers

    @property
    def entries_fit(self) -> bool:
        return names_fit(self.entries)


def medicine_rows(report: Report, names: Mapping[str, str] | None = None) -> list[MedicineRow]:
    """One row per entry, in the report's order: most serious first, opioids first of all. An
    entry that named several products ("Norco, metformin") gives one row per product. `names`
    shows ingredients by the region's names ("paracetamol"); the report's own names (its
    language's: "codeína" on the Spanish page) win."""
    names = {**(names or {}), **(getattr(report, "display_names", None) or {})}
    return [
        _medicine_row(product, names)
        for finding in report.findings
        for product in (finding.parts or (finding,))
    ]


def _medicine_row(finding: Finding, names: Mapping[str, str]) -> MedicineRow:
    match = finding.match
    read_as = match.matched_name or ""
    # An ingredient's own name, as the page's language names it ("oxycodone" -> "oxicodona").
    read_as = names.get(read_as, read_as)
    if read_as.casefold() == match.input.strip().casefold():
        read_as = ""  # "tramadol" read as "tramadol" says nothing new
    # Each ingredient as the page's language and region name it (codeína on the Spanish page).
    ingredients = " + ".join(names.get(i, i) for i in match.ingredients)
    if not ingredients or _words(ingredients) == _words(match.matched_name or ""):
        ingredients = ""  # "hydrocodone and acetaminophen" needs no "(hydrocodone + acetaminophen)"
    if match.match != MATCH_FUZZY:
        # What the patient typed already says it: "hydrocodone bitartrate and acetaminophen
        # 10 mg/325 mg tablets" needs no "-> hydrocodone and acetaminophen" (a typo still does).
        typed_words = _words(match.input)
        if read_as and _words(read_as) <= typed_words:
            read_as = ""
        if ingredients and _words(ingredients) <= typed_words:
            ingredients = ""
    return MedicineRow(
        typed=match.input,
        read_as=read_as,
        ingredients=ingredients,
        unmatched=tuple(getattr(match, "unmatched", ()) or ()),
        is_close_match=match.match == MATCH_FUZZY,
        level=finding.severity,
        line=_plain_line(finding),
    )


def _words(text: str) -> set[str]:
    return set(re.split(r"[\s+/,&]+|\band\b", text.casefold())) - {""}


def _plain_line(finding: Finding) -> str:
    """The headline, unless it only repeats the level's words: then the message, without them.

    "No known interaction in our list" needs no more on its row: the page says once, under the
    table, that the list is not complete."""
    if finding.severity == "none":
        return ""
    label = Severity.of(finding.severity).words.casefold()
    for text in (finding.headline, finding.message):
        text = (text or "").strip()
        if text.casefold().startswith(label):
            text = text[len(label) :].lstrip(" .:;,-").strip()
        if text:
            return text[:1].upper() + text[1:]
    return ""


# About how many characters of 12pt text fit across the printed page, and in each table column.
PRINT_LINE = 95
PRINT_CELL = 40


def printed_lines(rows: list[MedicineRow], prompts: list[Prompt]) -> int:
    """A rough count of the printed lines the medicine table and the prompts take, so the page
    can give the notes what room is left and still fit on two sheets."""
    lines = 0
    for row in rows:
        medicine = len(row.typed) + len(row.read_as) + len(row.ingredients) + 6
        action = len(Severity.of(row.level).words) + len(row.line) + 1
        lines += max(-(-medicine // PRINT_CELL), -(-action // (PRINT_CELL + 10)), 1)
    for prompt in prompts:
        names = sum(len(entry) + 2 for entry in prompt.entries) if prompt.entries_fit else 25
        text = len(prompt.text) + names
        lines += max(-(-text // PRINT_LINE), 1)
    return lines


def doctor_prompts(report: Report) -> list[Prompt]:
    """Every "tell your doctor" line from the results and the answers, each once, in order,
    with the medicines it came from so a line like "tell them you take this" makes sense.

    A medicine in two groups (Vicoprofen: an opioid and an NSAID) carries both groups' lines
    run together; where either line also stands alone for another medicine, it is split out so
    that no line is printed twice."""
    sources = [(finding.tell_your_doctor, finding.match.input) for finding in report.findings]
    sources += [(answer.tell_your_doctor, None) for answer in report.answer_findings]
    known = sorted({_normal(text) for text, _ in sources if _normal(text)}, key=len, reverse=True)

    entries_by_line: dict[str, list[str]] = {}
    for text, entry in sources:
        for line in _split_known(_normal(text), known):
            entries = entries_by_line.setdefault(line, [])
            if entry is not None and entry not in entries:
                entries.append(entry)
    return [Prompt(text=line, entries=tuple(entries)) for line, entries in entries_by_line.items()]


def _split_known(text: str, known: list[str]) -> list[str]:
    for line in known:
        if line != text and line in text:
            before, after = (part.strip() for part in text.split(line, 1))
            # Only whole sentences split off, never a phrase from the middle of one.
            if (not before or before[-1] in ".!?") and (not after or after[0].isupper()):
                return [*_split_known(before, known), line, *_split_known(after, known)]
    return [text] if text else []


def _normal(text: str) -> str:
    return " ".join((text or "").split())
