"""The pure rules' own logic, on hand-built rules, questions and matches: levels, order, the
urgent box, the words of each level. The real rules are in test_rules_on_the_real_list.py."""

import pytest

from checker.matching import MATCH_EXACT, MATCH_FUZZY, MATCH_NONE, Match
from checker.rules import GroupRule, Question, evaluate
from clinical.severity import Severity


def rule(slug, level, *ingredients, urgent=False, about_opioids=False, label=None):
    return GroupRule(
        slug=slug,
        level=level,
        label=label or f"a {slug} medicine",
        headline=f"{slug} headline.",
        what_could_happen=f"{slug} could happen.",
        what_to_do=f"{slug}: what to do.",
        tell_your_doctor=f"{slug}: tell your doctor.",
        ingredients=frozenset(ingredients),
        urgent=urgent,
        about_opioids=about_opioids,
    )


RULES = [
    rule("opioid", "avoid", "testacodone", urgent=True, about_opioids=True, label="an opioid"),
    rule("painkiller", "caution", "painolol"),
    rule("sleepy", "info", "dozamine"),
]


def question(slug, level="caution", *, about_opioids=False):
    return Question(
        slug=slug,
        text=f"{slug}?",
        hint="",
        yes_level=level,
        yes_message=f"{slug} yes.",
        tell_your_doctor=f"{slug} prompt.",
        about_opioids=about_opioids,
    )


QUESTIONS = [question("drinks"), question("took_one_lately", "avoid", about_opioids=True)]


def read(typed, *ingredients):
    if not ingredients:
        return Match(input=typed, match=MATCH_NONE, matched_name=None, ingredients=())
    return Match(input=typed, match=MATCH_EXACT, matched_name=typed, ingredients=ingredients)


def check(*matches, answers=None):
    return evaluate(matches=list(matches), answers=answers or {}, rules=RULES, questions=QUESTIONS)


@pytest.mark.parametrize(
    ("ingredients", "severity"),
    [
        (("testacodone",), "avoid"),
        (("painolol",), "caution"),
        (("dozamine",), "info"),
        (("plainomab",), "none"),
        ((), "unknown"),
    ],
)
def test_each_level_and_its_words_come_from_the_one_severity_vocabulary(ingredients, severity):
    finding = check(read("x", *ingredients)).findings[0]
    assert finding.severity == severity
    assert finding.level_words == Severity(severity).words


def test_opioids_first_then_most_serious_then_as_typed():
    report = check(
        read("nonsense"),
        read("Plain", "plainomab"),
        read("Dozy", "dozamine"),
        read("Pain", "painolol"),
        read("Opi", "testacodone"),
    )
    assert [f.match.input for f in report.findings] == ["Opi", "Pain", "Dozy", "Plain", "nonsense"]
    assert report.summary == {"avoid": 1, "caution": 1, "info": 1, "none": 1, "unknown": 1}


def test_a_product_in_two_groups_carries_both_and_the_most_serious_level():
    finding = check(read("Combo", "testacodone", "painolol")).findings[0]
    assert finding.groups == ("opioid", "painkiller")
    assert finding.severity == "avoid"
    assert finding.explanation == (
        "You typed Combo: testacodone (an opioid) + painolol (a painkiller medicine)"
    )
    assert "painolol (a painkiller medicine): painkiller could happen." in finding.message


def test_a_guess_says_how_it_was_read():
    guess = Match(
        input="testacodon",
        match=MATCH_FUZZY,
        matched_name="testacodone",
        ingredients=("testacodone",),
    )
    finding = check(guess).findings[0]
    assert finding.explanation == "You typed testacodon. We read this as testacodone (an opioid)."


def test_a_yes_to_a_question_about_opioids_shows_the_urgent_box_whatever_its_slug():
    assert check(answers={"took_one_lately": True}).has_opioid is True
    assert check(answers={"drinks": True}).has_opioid is False
    assert check(read("Opi", "testacodone")).has_opioid is True
    assert check(read("Pain", "painolol")).has_opioid is False


def test_the_opioid_box_and_the_urgent_box_follow_the_flags_staff_see_not_the_slug():
    renamed = [
        rule("opioids", "avoid", "testacodone", urgent=True, about_opioids=True),
        rule("painkiller", "caution", "painolol", urgent=True),
        rule("sleepy", "info", "dozamine"),
    ]
    opioid = evaluate(
        matches=[read("Pain", "painolol"), read("Opi", "testacodone")],
        answers={},
        rules=renamed,
        questions=QUESTIONS,
    )
    assert [f.match.input for f in opioid.findings] == ["Opi", "Pain"]  # opioids first
    assert opioid.findings[0].is_opioid and opioid.has_opioid and opioid.urgent
    pain = evaluate(
        matches=[read("Pain", "painolol")], answers={}, rules=renamed, questions=QUESTIONS
    )
    assert pain.urgent is True  # a group staff flagged urgent shows the urgent box
    assert pain.has_opioid is False  # but is not named in the checklist's opioid box
    unflagged = [rule("opioid", "avoid", "testacodone")]
    plain = evaluate(
        matches=[read("Opi", "testacodone")], answers={}, rules=unflagged, questions=[]
    )
    assert (plain.has_opioid, plain.urgent) == (False, False)  # the slug alone does nothing


def test_answers_are_most_serious_first_and_a_no_adds_nothing():
    report = check(answers={"drinks": "yes", "took_one_lately": True})
    assert [a.question.slug for a in report.answer_findings] == ["took_one_lately", "drinks"]
    assert check(answers={"drinks": False, "took_one_lately": "no"}).answer_findings == []


def test_no_entry_is_dropped():
    report = check(read(""), read("x"), read("x"))
    assert [f.match.input for f in report.findings] == ["", "x", "x"]
