"""The pure rules: each level, each screening answer, the order of findings, and the words a
patient reads (never "safe", the dose context, opioids first). No database."""

import re

import pytest
import textstat

from checker import seed_data
from checker.matching import build_index, records_from_seed
from checker.rules import (
    LEVEL_WORDS,
    SEVERITIES,
    evaluate,
    questions_from_seed,
    rules_from_seed,
)


@pytest.fixture(scope="module")
def index():
    return build_index(records_from_seed())


@pytest.fixture(scope="module")
def rules():
    return rules_from_seed()


@pytest.fixture(scope="module")
def questions():
    return questions_from_seed()


@pytest.fixture
def check(index, rules, questions):
    def run(*entries, answers=None, dose_context=""):
        return evaluate(
            matches=[index.match(entry) for entry in entries],
            answers=answers or {},
            rules=rules,
            questions=questions,
            dose_context=dose_context,
        )

    return run


def only(report):
    assert len(report.findings) == 1
    return report.findings[0]


@pytest.mark.parametrize(
    ("typed", "severity", "groups"),
    [
        ("Norco 10/325", "avoid", ("opioid",)),
        ("Imodium", "avoid", ("opioid",)),
        ("kratom", "avoid", ("opioid",)),
        ("ibuprofen", "caution", ("nsaid",)),
        ("beer", "caution", ("alcohol",)),
        ("thioridazine", "caution", ("thioridazine",)),
        ("Antabuse", "caution", ("disulfiram",)),
        ("Benadryl", "info", ("sedative",)),
        ("Vivitrol", "info", ("naltrexone",)),
        ("lisinopril", "none", ()),
        ("Tylenol", "none", ()),
        ("dextromethorphan", "none", ()),
        ("asdf", "unknown", ()),
    ],
)
def test_each_level(check, typed, severity, groups):
    finding = only(check(typed))
    assert finding.severity == severity
    assert finding.groups == groups
    assert finding.level_words == LEVEL_WORDS[severity]


def test_explanation_shows_exactly_what_was_typed_and_each_ingredient(check):
    finding = only(check("Norco 10/325"))
    assert finding.explanation == (
        "You typed Norco 10/325: hydrocodone (an opioid) + acetaminophen"
    )


def test_a_typo_says_how_we_read_it_and_is_warned_on_as_that_drug(check):
    finding = only(check("oxycodin"))
    assert finding.explanation == (
        "You typed oxycodin. We read this as oxycodone (an opioid). Did you mean oxycodone?"
    )
    assert finding.severity == "avoid"
    brand = only(check("percoset"))
    assert "We read this as Percocet: oxycodone (an opioid) + acetaminophen" in brand.explanation


def test_an_unrecognised_entry_is_shown_back_and_sent_to_the_pharmacist(check):
    finding = only(check("my heart pill"))
    assert finding.severity == "unknown"
    assert finding.explanation == (
        "You typed my heart pill. We couldn't match this: show it to your pharmacist."
    )
    assert finding.message == "We couldn't match this: show it to your pharmacist."


def test_no_rule_means_no_known_interaction_in_our_list_not_safe(check):
    finding = only(check("lisinopril 10"))
    assert finding.severity == "none"
    assert finding.headline == "No known interaction in our list"
    assert "Our list is not complete: still tell your doctor or pharmacist." in finding.message
    assert finding.tell_your_doctor


def test_an_unreadable_part_of_an_entry_is_named_in_the_explanation(check):
    finding = only(check("codeine and zorblaxquin"))
    assert finding.severity == "avoid"
    assert 'We couldn\'t match "zorblaxquin": show it to your pharmacist.' in finding.explanation


def test_opioid_text_covers_blocked_benefit_withdrawal_overdose_and_not_stopping(check):
    finding = only(check("tramadol"))
    text = f"{finding.message} {finding.what_to_do}".lower()
    assert "may not work" in text
    assert "pain" in text and "cough" in text and "diarrhea" in text
    assert "withdrawal" in text
    assert "overdose" in text
    assert "push through the block" in text
    assert "do not stop a medicine your doctor prescribed" in text
    assert finding.sources
    assert any(rule.urgent for rule in finding.rules)


def test_an_opioid_with_an_nsaid_gets_both_warnings(check):
    finding = only(check("Vicoprofen"))
    assert finding.groups == ("opioid", "nsaid")
    assert finding.severity == "avoid"
    assert "ibuprofen (an anti-inflammatory painkiller):" in finding.message
    assert finding.explanation.endswith(
        "hydrocodone (an opioid) + ibuprofen (an anti-inflammatory painkiller)"
    )


def test_nsaid_text_is_honest_that_the_risk_at_ldn_doses_is_low_or_unknown(check):
    finding = only(check("Advil"))
    assert "liver" in finding.message
    assert "no one knows for sure" in finding.message
    assert finding.what_to_do.startswith("Ask your doctor")


def test_findings_are_opioids_first_then_most_serious_then_in_the_order_typed(check):
    typed = ["asdf", "lisinopril", "Advil", "beer", "Benadryl", "Norco", "qwerty", "tramadol"]
    report = check(*typed)
    assert [f.match.input for f in report.findings] == [
        "Norco",
        "tramadol",
        "Advil",
        "beer",
        "Benadryl",
        "lisinopril",
        "asdf",
        "qwerty",
    ]
    severities = [f.severity for f in report.findings]
    assert severities == sorted(severities, key=SEVERITIES.index)


def test_no_entry_is_ever_dropped_even_duplicates_and_blanks(check):
    typed = ["oxycodone", "oxycodone", "", "nothing", "Norco", "\x00"]
    report = check(*typed)
    assert sorted(f.match.input for f in report.findings) == sorted(typed)
    assert sum(report.summary.values()) == len(typed)


def test_summary_counts_each_level(check):
    report = check("Norco", "ibuprofen", "Benadryl", "lisinopril", "asdf")
    assert report.summary == {"avoid": 1, "caution": 1, "info": 1, "none": 1, "unknown": 1}


@pytest.mark.parametrize(
    ("slug", "level", "opioid"),
    [
        ("alcohol", "caution", False),
        ("recent_opioids", "avoid", True),
        ("withdrawal_now", "avoid", True),
        ("liver", "caution", False),
        ("oud_treatment", "avoid", True),
        ("allergy", "avoid", False),
    ],
)
def test_each_screening_answer_yes(check, slug, level, opioid):
    report = check("lisinopril", answers={slug: True})
    assert len(report.answer_findings) == 1
    answer = report.answer_findings[0]
    assert answer.question.slug == slug
    assert answer.level == level
    assert answer.message
    assert answer.tell_your_doctor
    assert report.has_opioid is opioid


@pytest.mark.parametrize("answer", [False, None, "no", ""])
def test_a_no_or_skipped_answer_adds_no_finding(check, answer):
    report = check("lisinopril", answers={slug["slug"]: answer for slug in seed_data.QUESTIONS})
    assert report.answer_findings == []
    assert report.has_opioid is False


def test_answer_findings_are_most_serious_first(check):
    report = check(answers={"alcohol": True, "allergy": True, "liver": "yes"})
    assert [a.question.slug for a in report.answer_findings] == ["allergy", "alcohol", "liver"]


def test_an_opioid_entry_turns_on_the_urgent_card(check):
    assert check("lean").has_opioid is True
    assert check("Imodium").has_opioid is True
    assert check("ibuprofen", "beer").has_opioid is False


def test_the_dose_context_is_passed_through(check):
    assert check("Norco", dose_context=seed_data.DOSE_CONTEXT).dose_context == (
        seed_data.DOSE_CONTEXT
    )


def test_the_dose_context_says_standard_dose_ldn_and_that_the_opioid_block_still_matters():
    text = seed_data.DOSE_CONTEXT
    assert "50 mg" in text
    assert "tenth" in text
    assert "opioid block still matters" in text


SAFE = re.compile(r"\bsafe(ly|r|st|ty)?\b", re.IGNORECASE)


def test_no_patient_text_ever_says_safe(check):
    texts = [seed_data.DOSE_CONTEXT]
    for group in seed_data.GROUPS:
        texts += [group[k] for k in ("label", "headline", "what_could_happen", "what_to_do")]
        texts.append(group["tell_your_doctor"])
    for question in seed_data.QUESTIONS:
        texts += [question[k] for k in ("text", "hint", "yes_message", "tell_your_doctor")]
    texts += [source["title"] for source in seed_data.SOURCES]
    report = check("Norco", "Advil", "beer", "lisinopril", "asdf", "oxycodin", "Benadryl")
    for finding in report.findings:
        texts += [finding.explanation, finding.headline, finding.message]
        texts += [finding.what_to_do, finding.tell_your_doctor]
    texts += list(LEVEL_WORDS.values())
    assert [text for text in texts if SAFE.search(text)] == []


def test_patient_words_read_at_grade_8_or_lower():
    def card(fields):
        return " ".join(f if f.rstrip()[-1:] in ".?!" else f"{f}." for f in fields)

    for group in seed_data.GROUPS:
        text = card(
            group[k] for k in ("headline", "what_could_happen", "what_to_do", "tell_your_doctor")
        )
        assert textstat.flesch_kincaid_grade(text) <= 8, group["slug"]
    for question in seed_data.QUESTIONS:
        text = card(question[k] for k in ("text", "hint", "yes_message", "tell_your_doctor"))
        assert textstat.flesch_kincaid_grade(text) <= 8, question["slug"]
    assert textstat.flesch_kincaid_grade(seed_data.DOSE_CONTEXT) <= 8


def test_class_words_and_drinks_do_not_repeat_themselves(check):
    assert only(check("opioids")).explanation == "You typed opioids: an opioid"
    assert only(check("beer")).explanation == "You typed beer: alcohol"
