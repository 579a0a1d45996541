"""Turn matched medicines and screening answers into findings: pure Python, no Django imports.

CONTRACT (other modules rely on these names and shapes):

    report = evaluate(matches=[...Match], answers={"alcohol": True, ...},
                      rules=[...GroupRule], questions=[...Question])

The rules and questions are data (checker/data/ through the database); levels and their words
are clinical.severity.Severity.

Safety rules (DESIGN.md): never "safe"; never drop an entry (one Finding per Match, in the
order typed within a level); opioids first; the dose context stated; a guess is a question,
never an answer:

- a guess (a fuzzy reading) with no rule is "unknown", and asks "Did you mean ...?";
  a guess that lands on a rule is warned on at that rule's level, an opioid as an opioid;
- an entry with a part we could not read, or a medicine written as not taken ("no codeine"),
  is never "none";
- a name with two meanings is evaluated in every reading and takes the most serious one
  (`Finding.alternatives` has them all);
- an entry naming several products has one Finding per product (`Finding.parts`), and the
  most serious of them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from checker.matching import MATCH_FUZZY, Match
from clinical.severity import Severity, gettext_noop


def _(text: str) -> str:
    """The fixed text in the active language (clinical.severity's translator: Django's gettext
    once the site runs; the English without Django)."""
    from clinical import severity

    return severity._translate(text)


# How serious, for picking the most serious of several readings or products: an entry we could
# not read (or only guessed) may be anything, so it weighs more than "no known interaction".
# (Severity's own rank is the order levels are shown in, "unknown" last.)
SERIOUSNESS = (
    Severity.AVOID,
    Severity.CAUTION,
    Severity.INFO,
    Severity.UNKNOWN,
    Severity.NONE,
)

# The opioid group's slug: part of the JSON contract (DESIGN.md: programs read "opioid" in a
# result's groups). No behaviour hangs on it: opioids come first, fill the checklist's opioid
# box and show the urgent box through the flags staff see (GroupRule.about_opioids, .urgent).
# The must-warn check (checker/must_warn.py) holds staff to it.
OPIOID = "opioid"

NO_RULE_HEADLINE = gettext_noop("No known interaction in our list")
NO_RULE_MESSAGE = gettext_noop(
    "No known interaction in our list. "
    "Our list is not complete: still tell your doctor or pharmacist."
)
NO_RULE_WHAT_TO_DO = gettext_noop(
    "Keep it on your list, and bring the box or bottle to your next visit."
)
NO_RULE_TELL = gettext_noop("Tell your doctor or pharmacist that you take this.")
UNKNOWN_HEADLINE = gettext_noop("Not recognised")
UNKNOWN_MESSAGE = gettext_noop("We couldn't match this: show it to your pharmacist.")
UNKNOWN_WHAT_TO_DO = gettext_noop(
    "Check the spelling, or copy the name from the box or bottle. "
    "Show it to your pharmacist, who can tell you what is in it."
)
# The sentences around what was typed ({input} etc. are filled in, never translated).
TYPED_UNKNOWN = gettext_noop("You typed {input}. {message}")
TYPED_ONLY = gettext_noop("You typed {input}.")
TYPED = gettext_noop("You typed {input}: {described}")
READ_AS = gettext_noop("You typed {input}. We read this as {described}.")
READ_AS_NAME = gettext_noop("You typed {input}. We read this as {name}: {described}.")
DID_YOU_MEAN = gettext_noop("Did you mean {name}?")
UNMATCHED_PART = gettext_noop('We couldn\'t match "{part}": show it to your pharmacist.')
NOT_COUNTED_PART = gettext_noop('We did not count "{part}" as a medicine you take.')
UNKNOWN_TELL = gettext_noop("Show this medicine to your doctor or pharmacist.")
# A guess with no rule: a question, never "no known interaction".
GUESS_HEADLINE = gettext_noop("We are not sure we read this right")
GUESS_MESSAGE = gettext_noop(
    "It looks like {name}, but it could be another medicine. Check the name on the box or bottle."
)
# The button's words are checker.presentation's CONFIRM_LABEL: keep them the same.
GUESS_WHAT_TO_DO = gettext_noop(
    'If you meant {name}, choose "Yes, I mean {name}" to check it again. '
    "If not, show the box or bottle to your pharmacist."
)
# Part of an entry we could not read: never "no known interaction".
PART_UNREAD_HEADLINE = gettext_noop("We could not read all of this")
PART_UNREAD_MESSAGE = gettext_noop(
    "We could not read part of what you typed, so we cannot tell you about all of it."
)
PART_UNREAD_WHAT_TO_DO = gettext_noop(
    "Check the spelling, or type each medicine on its own line. "
    "Show the box or bottle to your pharmacist."
)
# "no codeine", "codeine-free": we do not count it as taken, and say so.
NEGATED_HEADLINE = gettext_noop("Not counted as a medicine you take")
NEGATED_MESSAGE = gettext_noop("You wrote that you do not take it, so we did not check it.")
NEGATED_WHAT_TO_DO = gettext_noop("If you do take it, type its name on its own line.")
NEGATED_TELL = gettext_noop("If you took it in the last 7 to 10 days, tell your doctor.")
# A name with two meanings ({meanings} joined by MEANINGS_OR), or several products in one box.
MEANINGS_OR = gettext_noop(" or ")
TWO_MEANINGS_GUESS = gettext_noop(
    "You typed {input}. We are not sure which medicine this is. "
    "It looks like {meanings}. We show the most serious one. Which do you mean?"
)
TWO_MEANINGS = gettext_noop(
    "You typed {input}. This name can mean {meanings}. "
    "We show the most serious one. Which do you take?"
)
SEVERAL = gettext_noop("You typed {input}. We read this as {count} medicines: {names}.")


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
    # products this rule is about, whatever their ingredients ("Vivitrol": a monthly shot of
    # naltrexone, not LDN), casefolded; it fires when one of them is read
    products: frozenset[str] = frozenset()
    # slugs of rules this one stands in for when both fire: the opioid rule speaks for the
    # naloxone in Suboxone; the Vivitrol rule for the plain naltrexone rule
    instead_of: frozenset[str] = frozenset()
    # its medicines are opioids: listed first, and named in the checklist's opioid box
    about_opioids: bool = False


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
    about_opioids: bool = False  # a "yes" means opioids are in the picture: the urgent box shows


@dataclass(frozen=True)
class Finding:
    """The answer for one entry the patient typed."""

    match: Match
    severity: str  # a Severity value: "avoid", "caution", "info", "none" or "unknown"
    groups: tuple[str, ...]  # slugs of the rules that fired, most serious first
    explanation: str  # "You typed Norco 10/325: hydrocodone (an opioid) + acetaminophen"
    headline: str
    message: str  # what could happen
    what_to_do: str
    tell_your_doctor: str
    sources: tuple[SourceRef, ...] = ()
    rules: tuple[GroupRule, ...] = ()  # the rules that fired, most serious first
    # a name with two meanings: one Finding per reading (this one's reading among them)
    alternatives: tuple[Finding, ...] = ()
    # an entry naming several products: one Finding per product, in the order typed
    parts: tuple[Finding, ...] = ()
    # how the page names an ingredient ("paracetamol", "codeína"): the words above use it
    names: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def is_opioid(self) -> bool:
        """Read as an opioid: a rule about opioids fired (a flag staff see, not a slug)."""
        return any(rule.about_opioids for rule in self.rules)

    @property
    def described(self) -> str:
        """ "hydrocodone (an opioid) + acetaminophen": what this reading is made of."""
        return _describe_ingredients(self.match.ingredients, self.rules, self.names)

    @property
    def reading_labels(self) -> tuple[str, ...]:
        """One label per alternative reading: "liothyronine" or "acetaminophen + codeine (an
        opioid)" for one name with two meanings; "Demerol: meperidine (an opioid)" when a
        typo is as close to several names."""
        names = {reading.match.matched_name for reading in self.alternatives}
        if len(names) == 1:
            return tuple(reading.described for reading in self.alternatives)
        return tuple(
            reading.described
            if (reading.match.matched_name or "").casefold()
            in (reading.described.casefold(), " + ".join(reading.match.ingredients).casefold())
            else f"{reading.match.matched_name}: {reading.described}"
            for reading in self.alternatives
        )

    @property
    def urgent(self) -> bool:
        return any(rule.urgent for rule in self.rules)

    @property
    def level_words(self) -> str:
        return Severity.of(self.severity).words


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
    has_opioid: bool = False  # an opioid read, or a yes about opioids: the checklist's opioid box
    urgent: bool = False  # show the urgent "when to get help" care card
    # the same findings in the order the entries were typed (the JSON's order: one result per
    # input, so programs can pair them; the page's rows)
    findings_as_typed: list[Finding] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, int]:
        counts = dict.fromkeys((level.value for level in Severity), 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts


def _rank(level: str) -> int:
    try:
        return Severity(level).rank
    except ValueError:
        return len(Severity)


def seriousness(level: str) -> int:
    """0 for the most serious level; "unknown" counts as more serious than "none"."""
    return SERIOUSNESS.index(level) if level in SERIOUSNESS else 0


def most_serious(findings: Iterable[Finding]) -> Finding:
    """The most serious finding; an opioid first of all; the first of equals."""
    return min(findings, key=lambda f: (not f.is_opioid, seriousness(f.severity)))


def is_yes(answer: object) -> bool:
    """True for a "yes" answer: True, or the words a form sends for yes."""
    if isinstance(answer, str):
        return answer.strip().casefold() in {"yes", "y", "true", "on", "1"}
    return answer is True


def _fired_rules(match: Match, rules: Sequence[GroupRule]) -> list[GroupRule]:
    present = set(match.ingredients)
    names = {name.casefold() for name in match.names_read}
    fired = [rule for rule in rules if rule.ingredients & present or rule.products & names]
    replaced = {slug for rule in fired for slug in rule.instead_of}
    fired = [rule for rule in fired if rule.slug not in replaced]
    # Most serious first; opioids first of all; otherwise in the order staff gave.
    return sorted(fired, key=lambda rule: (not rule.about_opioids, _rank(rule.level)))


def _describe_ingredients(
    ingredients: Sequence[str], fired: Sequence[GroupRule], names: Mapping[str, str] | None = None
) -> str:
    """ "hydrocodone (an opioid) + acetaminophen": each ingredient with its most serious class.
    `names` shows an ingredient by the name the clinic's patients know ("paracetamol")."""
    names = names or {}
    parts = []
    for ingredient in ingredients:
        shown = names.get(ingredient, ingredient)
        rule = next((r for r in fired if ingredient in r.ingredients), None)
        if rule is None or not rule.label:
            parts.append(shown)
        elif rule.label.casefold() in (ingredient.casefold(), shown.casefold()):
            parts.append(shown)  # "alcohol", not "alcohol (alcohol)"
        elif rule.label.casefold().split()[-1] in (ingredient.casefold(), shown.casefold()):
            parts.append(rule.label)  # "an opioid", not "opioid (an opioid)"
        else:
            parts.append(f"{shown} ({rule.label})")
    return " + ".join(parts)


def _explain(
    match: Match, fired: Sequence[GroupRule], names: Mapping[str, str] | None = None
) -> str:
    if not match.recognized:
        if match.negated:
            return _unread_sentences(_(TYPED_ONLY).format(input=match.input), match)
        return _(TYPED_UNKNOWN).format(input=match.input, message=_(UNKNOWN_MESSAGE))
    described = _describe_ingredients(match.ingredients, fired, names)
    if match.match == MATCH_FUZZY:
        name = (match.matched_name or "").strip()
        shown = [(names or {}).get(i, i) for i in match.ingredients]
        plain = " + ".join(match.ingredients)
        said = {plain.casefold(), " + ".join(shown).casefold(), *match.ingredients, *shown}
        if not name or name.casefold() in said:
            text = _(READ_AS).format(input=match.input, described=described)
        else:
            text = _(READ_AS_NAME).format(input=match.input, name=name, described=described)
    else:
        text = _(TYPED).format(input=match.input, described=described)
    if match.is_guess and match.suggestion:
        text = text.rstrip(".") + ". " + _(DID_YOU_MEAN).format(name=match.suggestion)
    return _unread_sentences(text, match)


def _unread_sentences(text: str, match: Match) -> str:
    """What was not read, named: 'We couldn't match "hc"', 'We did not count "no codeine"'."""
    for part in match.unmatched:
        shown = _as_typed(part, match.input)
        if part in match.negated:
            sentence = _(NOT_COUNTED_PART).format(part=shown)
        else:
            sentence = _(UNMATCHED_PART).format(part=shown)
        text = text.rstrip(".") + ". " + sentence
    return text


_WORD = re.compile(r"[^\W_]+")


def _folded(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def _as_typed(part: str, typed: str) -> str:
    """A part of the entry as the patient typed it ("sin codeína"), where the matcher's tidied
    words ("sin codeina") are a run of the typed words; else the tidied words."""
    wanted = [_folded(word) for word in _WORD.findall(part)]
    words = list(_WORD.finditer(typed))
    for start in range(len(words) - len(wanted) + 1):
        run = words[start : start + len(wanted)]
        if wanted and [_folded(word.group()) for word in run] == wanted:
            return typed[run[0].start() : run[-1].end()]
    return part


def _join_unique(texts: Iterable[str]) -> str:
    return " ".join(dict.fromkeys(t.strip() for t in texts if t and t.strip()))


def _finding(
    match: Match, rules: Sequence[GroupRule], names: Mapping[str, str] | None = None
) -> Finding:
    if match.parts:
        return _several(match, [_finding(part, rules, names) for part in match.parts], names)
    if match.alternatives:
        readings = [_one_reading(alt, rules, names) for alt in match.alternatives]
        return _two_meanings(match, readings)
    return _one_reading(match, rules, names)


def _one_reading(
    match: Match, rules: Sequence[GroupRule], names: Mapping[str, str] | None = None
) -> Finding:
    if not match.recognized:
        if match.negated:
            return Finding(
                match=match,
                severity="unknown",
                groups=(),
                explanation=_explain(match, (), names),
                headline=_(NEGATED_HEADLINE),
                message=_(NEGATED_MESSAGE),
                what_to_do=_(NEGATED_WHAT_TO_DO),
                tell_your_doctor=_(NEGATED_TELL),
                names=names or {},
            )
        return Finding(
            match=match,
            severity="unknown",
            groups=(),
            explanation=_explain(match, (), names),
            headline=_(UNKNOWN_HEADLINE),
            message=_(UNKNOWN_MESSAGE),
            what_to_do=_(UNKNOWN_WHAT_TO_DO),
            tell_your_doctor=_(UNKNOWN_TELL),
            names=names or {},
        )
    fired = _fired_rules(match, rules)
    if not fired:
        if match.is_guess:
            # A guess is a question, never an answer: not "no known interaction".
            name = match.suggestion or match.matched_name or " + ".join(match.ingredients)
            return Finding(
                match=match,
                severity="unknown",
                groups=(),
                explanation=_explain(match, (), names),
                headline=_(GUESS_HEADLINE),
                message=_(GUESS_MESSAGE).format(name=name),
                what_to_do=_(GUESS_WHAT_TO_DO).format(name=name),
                tell_your_doctor=_(UNKNOWN_TELL),
                names=names or {},
            )
        if match.unmatched:
            # Read in part: what we could not read may be anything.
            negated_only = all(part in match.negated for part in match.unmatched)
            return Finding(
                match=match,
                severity="unknown",
                groups=(),
                explanation=_explain(match, (), names),
                headline=_(NEGATED_HEADLINE if negated_only else PART_UNREAD_HEADLINE),
                message=_(NEGATED_MESSAGE if negated_only else PART_UNREAD_MESSAGE),
                what_to_do=_(NEGATED_WHAT_TO_DO if negated_only else PART_UNREAD_WHAT_TO_DO),
                tell_your_doctor=_(NEGATED_TELL if negated_only else UNKNOWN_TELL),
                names=names or {},
            )
        return Finding(
            match=match,
            severity="none",
            groups=(),
            explanation=_explain(match, (), names),
            headline=_(NO_RULE_HEADLINE),
            message=_(NO_RULE_MESSAGE),
            what_to_do=_(NO_RULE_WHAT_TO_DO),
            tell_your_doctor=_(NO_RULE_TELL),
            names=names or {},
        )
    first, others = fired[0], fired[1:]
    messages = [first.what_could_happen]
    for rule in others:
        members = [i for i in match.ingredients if i in rule.ingredients]
        about = _describe_ingredients(members, [rule], names) if members else rule.label
        messages.append(f"{about}: {rule.what_could_happen}" if about else rule.what_could_happen)
    sources = tuple(dict.fromkeys(source for rule in fired for source in rule.sources))
    return Finding(
        match=match,
        severity=min((rule.level for rule in fired), key=_rank),
        groups=tuple(rule.slug for rule in fired),
        explanation=_explain(match, fired, names),
        headline=first.headline,
        message=" ".join(m.strip() for m in messages if m.strip()),
        what_to_do=_join_unique(rule.what_to_do for rule in fired),
        tell_your_doctor=_join_unique(rule.tell_your_doctor for rule in fired),
        sources=sources,
        rules=tuple(fired),
        names=names or {},
    )


def _two_meanings(match: Match, readings: list[Finding]) -> Finding:
    """Every reading evaluated; the most serious one answers, and the others are named."""
    chosen = replace(most_serious(readings), alternatives=tuple(readings))
    meanings = _(MEANINGS_OR).join(chosen.reading_labels)
    sentence = TWO_MEANINGS_GUESS if match.is_guess else TWO_MEANINGS
    explanation = _(sentence).format(input=match.input, meanings=meanings)
    return replace(
        chosen,
        match=replace(chosen.match, alternatives=match.alternatives),
        explanation=_unread_sentences(explanation, chosen.match),
    )


def _several(match: Match, parts: list[Finding], names: Mapping[str, str] | None = None) -> Finding:
    """An entry naming several products: each product answered on its own, the entry at the
    most serious product's level."""
    chosen = most_serious(parts)
    fired = sorted(
        dict.fromkeys(rule for part in parts for rule in part.rules),
        key=lambda rule: (not rule.about_opioids, _rank(rule.level)),
    )
    in_order = sorted(parts, key=lambda part: (not part.is_opioid, seriousness(part.severity)))
    typed = "; ".join(part.match.input for part in parts)
    return Finding(
        match=match,
        severity=chosen.severity,
        groups=tuple(dict.fromkeys(rule.slug for rule in fired)),
        explanation=_(SEVERAL).format(input=match.input, count=len(parts), names=typed),
        headline=chosen.headline,
        message=" ".join(f"{part.match.input}: {part.message}" for part in in_order),
        what_to_do=_join_unique(part.what_to_do for part in in_order),
        tell_your_doctor=_join_unique(part.tell_your_doctor for part in in_order),
        sources=tuple(dict.fromkeys(source for part in in_order for source in part.sources)),
        rules=tuple(fired),
        parts=tuple(parts),
        names=names or {},
    )


def evaluate(
    *,
    matches: Sequence[Match],
    answers: Mapping[str, bool | None],
    rules: Sequence[GroupRule],
    questions: Sequence[Question],
    dose_context: str = "",
    names: Mapping[str, str] | None = None,
) -> Report:
    """One Finding per match (never dropped), opioids first, then most serious first, then in
    the order typed; one AnswerFinding per "yes" answer, most serious first. `names`: how the
    page shows an ingredient ({"acetaminophen": "paracetamol"}); the JSON passes none."""
    typed = [_finding(match, rules, names) for match in matches]
    order = {id(finding): number for number, finding in enumerate(typed)}
    findings = sorted(
        typed,
        key=lambda f: (not f.is_opioid, _rank(f.severity), order[id(f)]),
    )
    answer_findings = [
        AnswerFinding(
            question=question,
            answer=True,
            level=question.yes_level,
            message=question.yes_message,
            tell_your_doctor=question.tell_your_doctor,
        )
        for question in questions
        if is_yes(answers.get(question.slug))
    ]
    answer_findings.sort(key=lambda a: _rank(a.level))
    yes_about_opioids = any(
        question.about_opioids and is_yes(answers.get(question.slug)) for question in questions
    )
    return Report(
        findings=findings,
        answer_findings=answer_findings,
        dose_context=dose_context,
        has_opioid=yes_about_opioids or any(f.is_opioid for f in findings),
        urgent=yes_about_opioids or any(f.urgent for f in findings),
        findings_as_typed=typed,
    )
