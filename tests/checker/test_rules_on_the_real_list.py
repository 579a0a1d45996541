"""The real rules and questions (checker/data/, read straight from the files) on the real list:
each level, each screening answer, the order of findings, and the words a patient reads. No
database. The rules' own logic is tested on hand-built rules in test_rules.py."""

import re

import pytest

from checker.rules import evaluate
from clinical.severity import Severity
from tests.checker.knowledge import knowledge


@pytest.fixture(scope="module")
def index():
    return knowledge().index


@pytest.fixture(scope="module")
def rules():
    return knowledge().rules


@pytest.fixture(scope="module")
def questions():
    return knowledge().questions


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
        ("LDN 4.5 mg", "info", ("naltrexone",)),
        ("Vivitrol", "caution", ("naltrexone-shot",)),
        ("Movantik", "caution", ("opioid-antagonist",)),
        ("Narcan", "info", ("naloxone",)),
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
    assert finding.level_words == Severity(severity).words


@pytest.mark.parametrize(
    "typed",
    [
        "cough syrup",
        "my pain pills",
        "painkillers",
        "cold medicine",
        "something for my cough",
        "diarrhoea tablets",
        "pastillas para el dolor",
        "jarabe para la tos",
    ],
)
def test_what_a_medicine_is_for_instead_of_its_name_asks_for_the_name(check, typed):
    # Some pain, cough, cold and diarrhea medicines hold an opioid: never "not recognised"
    # with spelling advice, never "no known interaction", and no opioid alarm on a guess.
    finding = only(check(typed))
    assert finding.severity == "caution"
    assert finding.groups == ("kind-of-medicine",)
    assert not finding.is_opioid
    assert finding.explanation == f"You typed {typed}: a kind of medicine"
    assert "not its name" in finding.message
    assert "opioid" in finding.headline
    assert "type it here" in finding.what_to_do


@pytest.mark.parametrize(
    ("typed", "groups"),
    [
        ("Robitussin cough syrup", ()),
        ("codeine cough syrup", ("opioid",)),
        ("tramadol painkiller", ("opioid",)),
        ("Advil pain reliever", ("nsaid",)),
    ],
)
def test_a_named_medicine_with_what_it_is_for_is_only_that_medicine(check, typed, groups):
    assert only(check(typed)).groups == groups


def test_explanation_shows_exactly_what_was_typed_and_each_ingredient(check):
    finding = only(check("Norco 10/325"))
    assert finding.explanation == (
        "You typed Norco 10/325: hydrocodone (an opioid) + acetaminophen"
    )


def test_a_typo_says_how_we_read_it_and_is_warned_on_as_that_drug(check):
    finding = only(check("oxycodine"))
    assert finding.explanation == (
        "You typed oxycodine. We read this as oxycodone (an opioid). Did you mean oxycodone?"
    )
    assert finding.severity == "avoid"
    # as close to oxycodone as to Oxycodan (oxycodone + aspirin): both, and an opioid either way
    both = only(check("oxycodin"))
    assert both.explanation == (
        "You typed oxycodin. We are not sure which medicine this is. It looks like oxycodone "
        "(an opioid) or Oxycodan: oxycodone (an opioid) + aspirin (an anti-inflammatory "
        "painkiller). We show the most serious one. Which do you mean?"
    )
    assert both.severity == "avoid" and both.is_opioid
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
    assert severities == sorted(severities, key=lambda level: Severity(level).rank)


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
    report = check(
        "lisinopril", answers={question.slug: answer for question in knowledge().questions}
    )
    assert report.answer_findings == []
    assert report.has_opioid is False


def test_answer_findings_are_most_serious_first(check):
    report = check(answers={"alcohol": True, "allergy": True, "liver": "yes"})
    assert [a.question.slug for a in report.answer_findings] == ["allergy", "alcohol", "liver"]


def test_an_opioid_entry_turns_on_the_urgent_card(check):
    assert check("lean").has_opioid is True
    assert check("Imodium").has_opioid is True
    assert check("ibuprofen", "beer").has_opioid is False


SAFE = re.compile(r"\bsafe(ly|r|st|ty)?\b", re.IGNORECASE)


def test_no_finding_a_patient_reads_ever_says_safe(check):
    texts = [level.words for level in Severity] + [level.answer_words for level in Severity]
    report = check("Norco", "Advil", "beer", "lisinopril", "asdf", "oxycodin", "Benadryl")
    for finding in report.findings:
        texts += [finding.explanation, finding.headline, finding.message]
        texts += [finding.what_to_do, finding.tell_your_doctor]
    assert [text for text in texts if SAFE.search(text)] == []


def test_class_words_and_drinks_do_not_repeat_themselves(check):
    assert only(check("opioids")).explanation == "You typed opioids: an opioid"
    assert only(check("beer")).explanation == "You typed beer: alcohol"
