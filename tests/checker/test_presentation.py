"""The results layout (checker.presentation), on the pure engine with no database: every entry
under exactly one level and at one home, each group explained once, the most serious first,
and one short line for a screen reader."""

import pytest

from checker.matching import build_index, records_from_seed
from checker.presentation import lay_out
from checker.rules import evaluate, questions_from_seed, rules_from_seed


@pytest.fixture(scope="module")
def check():
    index = build_index(records_from_seed())
    rules = rules_from_seed()
    questions = questions_from_seed()

    def run(*entries, answers=None):
        matches = [index.match(entry) for entry in entries]
        report = evaluate(matches=matches, answers=answers or {}, rules=rules, questions=questions)
        # As checker.engine.check_medicines does: the findings in the order typed too.
        place = {id(match): number for number, match in enumerate(matches)}
        report.findings_as_typed = sorted(report.findings, key=lambda f: place[id(f.match)])
        return lay_out(report)

    return run


ENTRIES = ["lisinopril", "qqzzx blorp", "ibuprofen", "Norco 10/325", "Vicoprofen", "diazepam"]


def test_every_entry_is_under_one_level_and_has_one_home(check):
    layout = check(*ENTRIES)
    in_levels = [entry.typed for level in layout.levels for entry in level.entries]
    assert sorted(in_levels) == sorted(ENTRIES)
    homes = [
        entry.typed for level in layout.levels for card in level.cards for entry in card.entries
    ]
    assert sorted(homes) == sorted(ENTRIES)
    # The summary's numbers are the places as typed.
    numbers = {entry.typed: entry.number for level in layout.levels for entry in level.entries}
    assert numbers == {typed: place for place, typed in enumerate(ENTRIES, start=1)}


def test_levels_run_most_serious_first_with_not_recognised_before_no_known_interaction(check):
    assert [level.level for level in check(*ENTRIES).levels] == [
        "avoid",
        "caution",
        "info",
        "unknown",
        "none",
    ]


def test_each_group_is_one_card_naming_every_entry_it_applies_to(check):
    layout = check("Norco 10/325", "oxycodone", "Vicoprofen", "ibuprofen")
    cards = {card.key: card for level in layout.levels for card in level.cards}
    assert [entry.typed for entry in cards["opioid"].entries] == [
        "Norco 10/325",
        "oxycodone",
        "Vicoprofen",
    ]
    # Vicoprofen is an opioid and an NSAID: its home is the opioid card, and the NSAID card
    # names it too.
    assert [entry.typed for entry in cards["nsaid"].entries] == ["ibuprofen"]
    assert [entry.typed for entry in cards["nsaid"].also] == ["Vicoprofen"]
    assert cards["opioid"].urgent and not cards["nsaid"].urgent


def test_answers_sit_at_their_level_and_count_in_the_short_summary(check):
    layout = check("Norco 10/325", "lisinopril", answers={"alcohol": True})
    caution = next(level for level in layout.levels if level.level == "caution")
    assert [answer.question.slug for answer in caution.answers] == ["alcohol"]
    assert layout.short_summary == (
        "1 to avoid, 1 with no known interaction, 1 answer to talk about."
    )


def test_the_short_summary_counts_each_level_in_plain_words(check):
    assert check(*ENTRIES).short_summary == (
        "2 to avoid, 1 to ask about, 1 to tell your doctor about, 1 not recognised,"
        " 1 with no known interaction."
    )


def test_a_reading_follows_the_words_as_typed(check):
    layout = check("Norco 10/325")
    entry = layout.levels[0].entries[0]
    assert entry.reading == ": hydrocodone (an opioid) + acetaminophen"
