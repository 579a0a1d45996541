"""The results layout (checker.presentation) on hand-built rules and matches, no database:
every entry under exactly one level and at one home, each group explained once, the most
serious first, and one short line for a screen reader."""

from checker.matching import MATCH_EXACT, MATCH_FUZZY, MATCH_NONE, Match
from checker.presentation import lay_out
from checker.rules import GroupRule, Question, SourceRef, evaluate


def rule(slug, level, *ingredients, urgent=False):
    return GroupRule(
        slug=slug,
        level=level,
        label=f"a {slug} medicine",
        headline=f"{slug} headline.",
        what_could_happen=f"{slug} could happen.",
        what_to_do=f"{slug}: what to do.",
        tell_your_doctor=f"{slug}: tell your doctor.",
        ingredients=frozenset(ingredients),
        urgent=urgent,
    )


RULES = [
    rule("opioid", "avoid", "testacodone", urgent=True),
    rule("nsaid", "caution", "painolol"),
    rule("sleepy", "info", "dozamine"),
]
LABEL = SourceRef(title="Test label", url="https://example.org/label")
GUIDE = SourceRef(title="Test guide", url="https://example.org/guide")
QUESTIONS = [
    Question(
        slug="drinks",
        text="Do you drink?",
        hint="",
        yes_level="caution",
        yes_message="drinks yes.",
        tell_your_doctor="drinks prompt.",
        sources=(LABEL,),
    ),
    Question(
        slug="liver",
        text="Is your liver sore?",
        hint="",
        yes_level="caution",
        yes_message="liver yes.",
        tell_your_doctor="liver prompt.",
        sources=(LABEL, GUIDE),
    ),
]


def read(typed, *ingredients):
    if not ingredients:
        return Match(input=typed, match=MATCH_NONE, matched_name=None, ingredients=())
    return Match(input=typed, match=MATCH_EXACT, matched_name=typed, ingredients=ingredients)


def lay_out_list(*matches, answers=None):
    report = evaluate(
        matches=list(matches), answers=answers or {}, rules=RULES, questions=QUESTIONS
    )
    # As checker.engine.check_medicines does: the findings in the order typed too.
    place = {id(match): number for number, match in enumerate(matches)}
    report.findings_as_typed = sorted(report.findings, key=lambda f: place[id(f.match)])
    return lay_out(report)


ENTRIES = [
    read("plain", "plainomab"),
    read("qqzzx"),
    read("pain", "painolol"),
    read("Testa 10/325", "testacodone"),
    read("Testaprofen", "testacodone", "painolol"),
    read("dozy", "dozamine"),
]
TYPED = [match.input for match in ENTRIES]


def test_every_entry_is_under_one_level_and_has_one_home():
    layout = lay_out_list(*ENTRIES)
    assert sorted(e.typed for level in layout.levels for e in level.entries) == sorted(TYPED)
    homes = [e.typed for level in layout.levels for card in level.cards for e in card.entries]
    assert sorted(homes) == sorted(TYPED)
    numbers = {e.typed: e.number for level in layout.levels for e in level.entries}
    assert numbers == {typed: place for place, typed in enumerate(TYPED, start=1)}


def test_levels_run_most_serious_first_with_not_recognised_before_no_known_interaction():
    levels = [level.level for level in lay_out_list(*ENTRIES).levels]
    assert levels == ["avoid", "caution", "info", "unknown", "none"]


def test_each_group_is_one_card_naming_every_entry_it_applies_to():
    layout = lay_out_list(*ENTRIES)
    cards = {card.key: card for level in layout.levels for card in level.cards}
    assert [e.typed for e in cards["opioid"].entries] == ["Testa 10/325", "Testaprofen"]
    # An opioid and an NSAID in one product: its home is the opioid card, the NSAID card
    # names it too.
    assert [e.typed for e in cards["nsaid"].entries] == ["pain"]
    assert [e.typed for e in cards["nsaid"].also] == ["Testaprofen"]
    assert cards["opioid"].urgent and not cards["nsaid"].urgent


def test_answers_sit_at_their_level_and_count_in_the_short_summary():
    layout = lay_out_list(
        read("Testa", "testacodone"), read("plain", "plainomab"), answers={"drinks": True}
    )
    caution = next(level for level in layout.levels if level.level == "caution")
    assert [answer.question.slug for answer in caution.answers] == ["drinks"]
    assert (
        layout.short_summary == "1 to avoid, 1 with no known interaction, 1 answer to talk about."
    )


def test_the_short_summary_counts_each_level_in_plain_words():
    assert lay_out_list(*ENTRIES).short_summary == (
        "2 to avoid, 1 to ask about, 1 to tell your doctor about, 1 not recognised,"
        " 1 with no known interaction."
    )


def test_a_reading_follows_the_words_as_typed():
    entry = lay_out_list(read("Testa 10/325", "testacodone")).levels[0].entries[0]
    assert entry.reading.startswith(": testacodone")


def test_a_reading_the_typed_words_already_say_is_left_off_but_a_guess_keeps_it():
    plain = lay_out_list(read("Plainomab 5 mg", "plainomab")).levels[0].entries[0]
    assert plain.typed == "Plainomab 5 mg"
    assert plain.reading and plain.reading_adds_nothing
    # The reading names the group ("an opioid"): it says something the typed words do not.
    named = lay_out_list(read("Testa 10/325", "testacodone")).levels[0].entries[0]
    assert not named.reading_adds_nothing
    guess = Match(
        input="testacodon",
        match=MATCH_FUZZY,
        matched_name="testacodon",
        ingredients=("testacodone",),
    )
    assert not lay_out_list(guess).levels[0].entries[0].reading_adds_nothing


def test_the_answers_at_a_level_are_told_once_with_each_source_once():
    layout = lay_out_list(read("plain", "plainomab"), answers={"drinks": True, "liver": True})
    caution = next(level for level in layout.levels if level.level == "caution")
    [(answered, answers)] = caution.answers_by_reply
    assert answered is True
    assert [answer.question.text for answer in answers] == ["Do you drink?", "Is your liver sore?"]
    assert caution.answer_tells == ["drinks prompt.", "liver prompt."]
    assert caution.answer_sources == [LABEL, GUIDE]  # the label once, though both cite it
