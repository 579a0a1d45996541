"""Turn the checker's report into the lines of the filled checklist: one row per medicine and
each "tell your doctor" prompt once. Plain Python over checker.rules shapes; no database."""

from dataclasses import dataclass

from checker.matching import MATCH_FUZZY
from checker.rules import Finding, Report
from checker.templatetags.checker_tags import severity_label


@dataclass(frozen=True)
class MedicineRow:
    typed: str  # exactly what the patient typed, shown escaped
    read_as: str  # the name it was read as; "" when not recognised or the same as typed
    ingredients: str  # "hydrocodone + acetaminophen"; "" when it adds nothing to read_as
    unmatched: tuple[str, ...]  # parts of a combination we could not read
    is_close_match: bool  # read by spelling likeness, so worth checking
    level: str  # a severity; its words come from checker_tags, the one place for them
    line: str  # one plain line on what it means


@dataclass(frozen=True)
class Prompt:
    text: str
    entries: tuple[str, ...]  # the medicines (as typed) it is about; () for answers


def medicine_rows(report: Report) -> list[MedicineRow]:
    """One row per entry, in the report's order: most serious first, opioids first of all."""
    return [_medicine_row(finding) for finding in report.findings]


def _medicine_row(finding: Finding) -> MedicineRow:
    match = finding.match
    read_as = match.matched_name or ""
    if read_as.casefold() == match.input.strip().casefold():
        read_as = ""  # "tramadol" read as "tramadol" says nothing new
    ingredients = " + ".join(match.ingredients)
    if ingredients.casefold() in {(match.matched_name or "").casefold(), ""}:
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


def _plain_line(finding: Finding) -> str:
    """The headline, unless it only repeats the level's words: then the message, without them.

    "No known interaction in our list" needs no more on its row: the page says once, under the
    table, that the list is not complete."""
    if finding.severity == "none":
        return ""
    label = severity_label(finding.severity).casefold()
    for text in (finding.headline, finding.message):
        text = (text or "").strip()
        if text.casefold().startswith(label):
            text = text[len(label) :].lstrip(" .:;,-").strip()
        if text:
            return text[:1].upper() + text[1:]
    return ""


def doctor_prompts(report: Report) -> list[Prompt]:
    """Every "tell your doctor" line from the results and the answers, each once, in order,
    with the medicines it came from so a line like "tell them you take this" makes sense."""
    entries_by_prompt: dict[str, list[str]] = {}
    texts: dict[str, str] = {}
    for finding in report.findings:
        key = _key(finding.tell_your_doctor)
        if key:
            texts.setdefault(key, finding.tell_your_doctor.strip())
            entries = entries_by_prompt.setdefault(key, [])
            if finding.match.input not in entries:
                entries.append(finding.match.input)
    for answer in report.answer_findings:
        key = _key(answer.tell_your_doctor)
        if key:
            texts.setdefault(key, answer.tell_your_doctor.strip())
            entries_by_prompt.setdefault(key, [])
    return [Prompt(text=texts[key], entries=tuple(entries_by_prompt[key])) for key in texts]


def _key(text: str) -> str:
    return " ".join((text or "").split()).casefold()
