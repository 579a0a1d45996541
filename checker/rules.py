"""Turn matched medicines and screening answers into findings: pure Python, no Django imports.

CONTRACT (other modules rely on these names and shapes):

    report = evaluate(matches=[...Match], answers={"alcohol": True, ...},
                      rules=[...GroupRule], questions=[...Question])

The rules and questions are data (checker/data/ through the database); levels and their words
are clinical.severity.Severity.

Safety rules (DESIGN.md): never "safe"; never drop an entry (one Finding per Match, in the
order typed within a level); opioids first; the dose context stated.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field

from checker.matching import MATCH_FUZZY, Match
from clinical.severity import Severity, gettext_noop


def _(text: str) -> str:
    """The fixed text in the active language (clinical.severity's translator: Django's gettext
    once the site runs; the English without Django)."""
    from clinical import severity

    return severity._translate(text)


# How an ingredient is named to the patient, in the page's language ("codeine" -> "codeína"):
# set by the engine around a check; the ingredients themselves (and the rules) stay English.
DISPLAY_NAMES: ContextVar[Mapping[str, str]] = ContextVar("display_names", default={})  # noqa: B039


def display_name(ingredient: str) -> str:
    return DISPLAY_NAMES.get().get(ingredient, ingredient)


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
TYPED = gettext_noop("You typed {input}: {described}")
READ_AS = gettext_noop("You typed {input}. We read this as {described}.")
READ_AS_NAME = gettext_noop("You typed {input}. We read this as {name}: {described}.")
UNMATCHED_PART = gettext_noop('We couldn\'t match "{part}": show it to your pharmacist.')
UNKNOWN_TELL = gettext_noop("Show this medicine to your doctor or pharmacist.")


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

    @property
    def is_opioid(self) -> bool:
        """Read as an opioid: a rule about opioids fired (a flag staff see, not a slug)."""
        return any(rule.about_opioids for rule in self.rules)

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


def is_yes(answer: object) -> bool:
    """True for a "yes" answer: True, or the words a form sends for yes."""
    if isinstance(answer, str):
        return answer.strip().casefold() in {"yes", "y", "true", "on", "1"}
    return answer is True


def _fired_rules(ingredients: Iterable[str], rules: Sequence[GroupRule]) -> list[GroupRule]:
    present = set(ingredients)
    fired = [rule for rule in rules if rule.ingredients & present]
    # Most serious first; opioids first of all; otherwise in the order staff gave.
    return sorted(fired, key=lambda rule: (not rule.about_opioids, _rank(rule.level)))


def _describe_ingredients(ingredients: Sequence[str], fired: Sequence[GroupRule]) -> str:
    """ "hydrocodone (an opioid) + acetaminophen": each ingredient with its most serious class."""
    parts = []
    for ingredient in ingredients:
        rule = next((r for r in fired if ingredient in r.ingredients), None)
        name = display_name(ingredient)
        if rule is None or not rule.label:
            parts.append(name)
        elif rule.label.casefold() in (ingredient.casefold(), name.casefold()):
            parts.append(name)  # "alcohol", not "alcohol (alcohol)"
        elif rule.label.casefold().split()[-1] in (ingredient.casefold(), name.casefold()):
            parts.append(rule.label)  # "an opioid", not "opioid (an opioid)"
        else:
            parts.append(f"{name} ({rule.label})")
    return " + ".join(parts)


def _explain(match: Match, fired: Sequence[GroupRule]) -> str:
    if not match.recognized:
        return _(TYPED_UNKNOWN).format(input=match.input, message=_(UNKNOWN_MESSAGE))
    described = _describe_ingredients(match.ingredients, fired)
    if match.match == MATCH_FUZZY:
        name = (match.matched_name or "").strip()
        plain = " + ".join(match.ingredients)
        if not name or name.casefold() in (plain.casefold(), *match.ingredients):
            text = _(READ_AS).format(input=match.input, described=described)
        else:
            text = _(READ_AS_NAME).format(input=match.input, name=name, described=described)
    else:
        text = _(TYPED).format(input=match.input, described=described)
    for part in match.unmatched:
        text = text.rstrip(".") + ". " + _(UNMATCHED_PART).format(part=part)
    return text


def _join_unique(texts: Iterable[str]) -> str:
    return " ".join(dict.fromkeys(t.strip() for t in texts if t and t.strip()))


def _finding(match: Match, rules: Sequence[GroupRule]) -> Finding:
    if not match.recognized:
        return Finding(
            match=match,
            severity="unknown",
            groups=(),
            explanation=_explain(match, ()),
            headline=_(UNKNOWN_HEADLINE),
            message=_(UNKNOWN_MESSAGE),
            what_to_do=_(UNKNOWN_WHAT_TO_DO),
            tell_your_doctor=_(UNKNOWN_TELL),
        )
    fired = _fired_rules(match.ingredients, rules)
    if not fired:
        return Finding(
            match=match,
            severity="none",
            groups=(),
            explanation=_explain(match, ()),
            headline=_(NO_RULE_HEADLINE),
            message=_(NO_RULE_MESSAGE),
            what_to_do=_(NO_RULE_WHAT_TO_DO),
            tell_your_doctor=_(NO_RULE_TELL),
        )
    first, others = fired[0], fired[1:]
    messages = [first.what_could_happen]
    for rule in others:
        members = [i for i in match.ingredients if i in rule.ingredients]
        messages.append(f"{_describe_ingredients(members, [rule])}: {rule.what_could_happen}")
    sources = tuple(dict.fromkeys(source for rule in fired for source in rule.sources))
    return Finding(
        match=match,
        severity=min((rule.level for rule in fired), key=_rank),
        groups=tuple(rule.slug for rule in fired),
        explanation=_explain(match, fired),
        headline=first.headline,
        message=" ".join(m.strip() for m in messages if m.strip()),
        what_to_do=_join_unique(rule.what_to_do for rule in fired),
        tell_your_doctor=_join_unique(rule.tell_your_doctor for rule in fired),
        sources=sources,
        rules=tuple(fired),
    )


def evaluate(
    *,
    matches: Sequence[Match],
    answers: Mapping[str, bool | None],
    rules: Sequence[GroupRule],
    questions: Sequence[Question],
    dose_context: str = "",
) -> Report:
    """One Finding per match (never dropped), opioids first, then most serious first, then in
    the order typed; one AnswerFinding per "yes" answer, most serious first."""
    findings = [_finding(match, rules) for match in matches]
    order = {id(finding): number for number, finding in enumerate(findings)}
    findings.sort(
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
    )
