"""How a checker report is laid out for a patient to scan: pure Python, no Django imports.

    layout = lay_out(report)      # what the results page draws, most serious first
    layout.levels                 # one Level per level present: its entries, answers and cards
    layout.short_summary          # "3 to avoid, 1 to ask about, 5 with no known interaction"

The page reads top down (the Drugs.com and NHS "key facts" way): a summary of every level with
the names as typed under each, then one card per interaction group that explains it once and
names every entry it applies to, then the entries with no rule, grouped by what they share.
Each entry has one home (the card of its most serious group) that the summary links to.

Levels run most serious first. An entry we could not read may be anything, so "Not recognised"
comes before "No known interaction in our list" (the order checker.rules weighs readings in).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from checker.matching import MATCH_EXACT
from checker.rules import TYPED, AnswerFinding, Finding, GroupRule, Report, SourceRef
from checker.rules import _ as translated
from clinical.severity import Severity, gettext_noop

# Most serious first, as the page says; see the module docstring for the last two.
DISPLAY_ORDER = ("avoid", "caution", "info", "unknown", "none")

# "3 to avoid": how the short summary (a screen reader's one announcement) counts each level.
COUNT_WORDS = {
    "avoid": gettext_noop("to avoid"),
    "caution": gettext_noop("to ask about"),
    "info": gettext_noop("to tell your doctor about"),
    "unknown": gettext_noop("not recognised"),
    "none": gettext_noop("with no known interaction"),
}

# The legend: what each level asks of the patient, in the order the page shows them.
LEVEL_MEANINGS = (
    (
        "avoid",
        gettext_noop(
            "This can be dangerous with LDN. Do not take both unless your doctor says so."
        ),
    ),
    (
        "caution",
        gettext_noop("This may not mix well with LDN. Ask your doctor before you take both."),
    ),
    (
        "info",
        gettext_noop(
            "This is not known to be harmful with LDN, but your doctor should know you take it."
        ),
    ),
    (
        "unknown",
        gettext_noop("We could not read it, so it could be anything. Show it to your pharmacist."),
    ),
    (
        "none",
        gettext_noop(
            "Our list has no warning for it. Our list is not complete, so still tell your doctor."
        ),
    ),
)


# The action value of a button that answers an entry's question (checker.forms reads it back):
# confirm-<row>-<product>-<reading>; product 0 for a row of one product, reading 0 for the guess.
CONFIRM_PREFIX = "confirm-"


@dataclass(frozen=True)
class Entry:
    """One thing the patient typed, as the results show it: a row, or one product of a row
    that named several ("Norco, metformin"), with the buttons that answer its question."""

    finding: Finding
    number: int  # its place in the list as typed, from 1
    row: int = 0  # the medicine row it came from (from 1), 0 when not known
    part: int = 0  # its place among the products of its row (from 1), 0 for a row of one
    whole: str = ""  # the row as typed, when this entry is one product of it

    @property
    def anchor(self) -> str:
        return f"result-{self.number}-{self.part}" if self.part else f"result-{self.number}"

    def _action(self, choice: int) -> str:
        return f"{CONFIRM_PREFIX}{self.row}-{self.part}-{choice}" if self.row else ""

    @property
    def confirm(self) -> str:
        """The action of "Yes, I mean X" for a guess, "" when there is no question."""
        match = self.finding.match
        if match.is_guess and match.suggestion and not self.finding.alternatives:
            return self._action(0)
        return ""

    @property
    def choices(self) -> tuple[tuple[str, str], ...]:
        """(action, reading) for each reading of a name with two meanings."""
        if not (self.finding.alternatives and self.row):
            return ()
        return tuple(
            (self._action(number), label)
            for number, (reading, label) in enumerate(
                zip(self.finding.alternatives, self.finding.reading_labels, strict=True), start=1
            )
            if reading.match.suggestion
        )

    @property
    def typed(self) -> str:
        return self.finding.match.input

    @property
    def level(self) -> str:
        return self.finding.severity

    @property
    def reading(self) -> str:
        """How we read it, after "You typed X": ": hydrocodone (an opioid) + acetaminophen".

        "" when the explanation does not start with the typed words (then `explanation` is
        shown whole)."""
        # The explanation's own opening, in the page's language ("You typed X", "Usted escribió X").
        prefix = translated(TYPED).split("{input}")[0] + self.typed
        text = self.finding.explanation or ""
        return text[len(prefix) :] if text.startswith(prefix) else ""

    @property
    def reading_adds_nothing(self) -> bool:
        """The typed words already say how we read it ("metformin 500 mg": metformin), so the
        page shows only what was typed. A guess ("oxycodon") always shows its reading."""
        if not self.reading or self.finding.match.match != MATCH_EXACT:
            return False
        return _words(self.reading) <= _words(self.typed)

    @property
    def explanation(self) -> str:
        return self.finding.explanation or ""


def _words(text: str) -> set[str]:
    return set(re.split(r"[^\w]+", text.casefold())) - {""}


@dataclass
class Card:
    """One explanation, given once, with every entry it applies to.

    A card is an interaction group (opioids, NSAIDs, ...) or, for entries no group fired on,
    the words those entries share ("No known interaction in our list", "Not recognised")."""

    key: str  # for the element id: "about-opioid", "about-none-1"
    level: str
    headline: str
    what_could_happen: str  # a group's "what could happen"
    what_to_do: str
    tell_your_doctor: str
    message: str = ""  # the words entries with no group share, when they add something
    sources: tuple[SourceRef, ...] = ()
    urgent: bool = False  # urgent facts stay in view; others fold into "More about this"
    entries: list[Entry] = field(default_factory=list)  # entries whose home is this card
    also: list[Entry] = field(default_factory=list)  # entries homed elsewhere it applies to

    @property
    def anchor(self) -> str:
        return f"about-{self.key}"

    @property
    def all_entries(self) -> list[Entry]:
        return self.entries + self.also

    @property
    def has_more(self) -> bool:
        """Something to show under "More about this"."""
        return bool(
            (self.what_could_happen and not self.urgent) or self.tell_your_doctor or self.sources
        )


@dataclass
class Level:
    level: str
    entries: list[Entry] = field(default_factory=list)  # every entry at this level
    answers: list[AnswerFinding] = field(default_factory=list)  # "yes" answers at this level
    cards: list[Card] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"level-{self.level}"

    @property
    def answers_by_reply(self) -> list[tuple[bool, list[AnswerFinding]]]:
        """This level's answers by what was answered: [(True, [...]), (False, [...])]."""
        replies: dict[bool, list[AnswerFinding]] = {}
        for answer in self.answers:
            replies.setdefault(bool(answer.answer), []).append(answer)
        return sorted(replies.items(), key=lambda item: not item[0])

    @property
    def answer_tells(self) -> list[str]:
        """What to tell the doctor about this level's answers, each once."""
        return list(dict.fromkeys(a.tell_your_doctor for a in self.answers if a.tell_your_doctor))

    @property
    def answer_sources(self) -> list[SourceRef]:
        """The sources of this level's answers, each once, in the order the questions cite them."""
        return list(dict.fromkeys(s for a in self.answers for s in a.question.sources))

    @property
    def words(self) -> str:
        return Severity.of(self.level).words


@dataclass
class Layout:
    levels: list[Level]
    count: int  # entries checked

    @property
    def short_summary(self) -> str:
        """One short line for a screen reader: "3 to avoid, 1 to ask about, 1 not recognised"."""
        parts = [
            f"{len(level.entries)} {translated(COUNT_WORDS[level.level])}"
            for level in self.levels
            if level.entries and level.level in COUNT_WORDS
        ]
        answers = sum(len(level.answers) for level in self.levels)
        if answers:
            words = (
                gettext_noop("answers to talk about")
                if answers != 1
                else gettext_noop("answer to talk about")
            )
            parts.append(f"{answers} {translated(words)}")
        return ", ".join(parts) + "." if parts else ""

    @property
    def worst(self) -> str:
        """The most serious level on the page (entries or answers)."""
        return self.levels[0].level if self.levels else "none"


def _rank(level: str) -> int:
    return DISPLAY_ORDER.index(level) if level in DISPLAY_ORDER else len(DISPLAY_ORDER)


def lay_out(report: Report, rows: Sequence[int] = ()) -> Layout:
    """The report as the results page shows it. Every entry appears under exactly one level
    (its own) and has exactly one home card; nothing the patient typed is left out. A row
    that named several products shows each product as its own entry, at its own level.
    `rows` are the form's row numbers of report.findings_as_typed, in that order."""
    as_typed = getattr(report, "findings_as_typed", None) or report.findings
    number_of = {id(finding): number for number, finding in enumerate(as_typed, start=1)}
    row_of = {id(finding): row for finding, row in zip(as_typed, rows, strict=False)}
    # The report's order: most serious first, opioids first of all, then as typed.
    entries: list[Entry] = []
    for f in report.findings:
        number, row = number_of.get(id(f), 0), row_of.get(id(f), 0)
        if f.parts:
            entries.extend(
                Entry(finding=part, number=number, row=row, part=position, whole=f.match.input)
                for position, part in enumerate(f.parts, start=1)
            )
        else:
            entries.append(Entry(finding=f, number=number, row=row))
    order = {id(entry): position for position, entry in enumerate(entries)}
    entries.sort(key=lambda e: (not e.finding.is_opioid, _rank(e.finding.severity), order[id(e)]))

    levels: dict[str, Level] = {}

    def level_for(name: str) -> Level:
        return levels.setdefault(name, Level(level=name))

    cards: dict[str, Card] = {}
    shared: dict[tuple, Card] = {}
    for entry in entries:
        level_for(entry.level).entries.append(entry)
        rules = entry.finding.rules
        if rules:
            for position, rule in enumerate(rules):
                card = cards.get(rule.slug)
                if card is None:
                    card = cards[rule.slug] = _rule_card(rule)
                    level_for(card.level).cards.append(card)
                (card.entries if position == 0 else card.also).append(entry)
        else:
            finding = entry.finding
            key = (
                finding.severity,
                finding.headline,
                finding.message,
                finding.what_to_do,
                finding.tell_your_doctor,
            )
            card = shared.get(key)
            if card is None:
                number = sum(1 for k in shared if k[0] == finding.severity) + 1
                card = shared[key] = Card(
                    key=f"{finding.severity}-{number}",
                    level=finding.severity,
                    headline=finding.headline,
                    what_could_happen="",
                    what_to_do=finding.what_to_do,
                    tell_your_doctor=finding.tell_your_doctor,
                    sources=finding.sources,
                    message=_message_beyond(finding),
                )
                level_for(card.level).cards.append(card)
            card.entries.append(entry)

    for answer in report.answer_findings:
        level_for(answer.level).answers.append(answer)

    ordered = sorted(levels.values(), key=lambda level: _rank(level.level))
    for level in ordered:
        # A card with entries homed here before one that only points elsewhere.
        level.cards.sort(key=lambda card: not card.entries)
    return Layout(levels=ordered, count=len(entries))


def _message_beyond(finding: Finding) -> str:
    """The finding's message without what its headline or its reading already say."""
    message = (finding.message or "").strip()
    headline = (finding.headline or "").strip()
    if headline and message.startswith(headline):
        message = message[len(headline) :].lstrip(" .:")
    if not message or message in (finding.explanation or ""):
        return ""
    return message


def _rule_card(rule: GroupRule) -> Card:
    return Card(
        key=rule.slug,
        level=rule.level,
        headline=rule.headline,
        what_could_happen=rule.what_could_happen,
        what_to_do=rule.what_to_do,
        tell_your_doctor=rule.tell_your_doctor,
        sources=rule.sources,
        urgent=rule.urgent,
    )
