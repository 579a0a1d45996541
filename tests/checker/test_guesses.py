"""Issue 11, on the pure engine: a guess never reassures. Typos ask "Did you mean ...?",
entries read in part name what was not read, names with two meanings show every reading,
several products in one entry are read one by one, and words that only contain a drug name
(or say it is not taken) never become that drug. No database: tiny hand-built records, and
the real knowledge base (checker/data/) where a case needs real names."""

import pytest

from checker.matching import (
    MATCH_EXACT,
    MATCH_FUZZY,
    MATCH_NONE,
    build_index,
)
from checker.rules import GroupRule, evaluate
from tests.checker.knowledge import knowledge
from tests.factories import name_record as record

OPIOID_RULE = GroupRule(
    slug="opioid",
    level="avoid",
    label="an opioid",
    headline="Do not take opioids with LDN",
    what_could_happen="Opioid words.",
    what_to_do="Opioid advice.",
    tell_your_doctor="Tell them about the opioid.",
    ingredients=frozenset({"testacodone"}),
    urgent=True,
    about_opioids=True,
)
CAUTION_RULE = GroupRule(
    slug="testpain",
    level="caution",
    label="a test painkiller",
    headline="Ask first",
    what_could_happen="Caution words.",
    what_to_do="Caution advice.",
    tell_your_doctor="Tell them about the painkiller.",
    ingredients=frozenset({"painoprofen"}),
)
RULES = [OPIOID_RULE, CAUTION_RULE]


@pytest.fixture(scope="module")
def tiny():
    return build_index(
        [
            record("testacodone"),
            record("painoprofen"),
            record("plainomab"),
            record("glucoformin"),
            record("thyrotabs"),
            record("Brandacet", "testacodone", "plainomab", kind="brand"),
            # one name, two medicines: "TT" is a thyroid tablet or a testacodone product
            record("TT", "thyrotabs", kind="alias", two_meanings=True),
            record("TT", "testacodone", "plainomab", kind="brand", two_meanings=True),
        ]
    )


@pytest.fixture(scope="module")
def seed():
    """The real knowledge base, from the data files."""
    return knowledge().index


@pytest.fixture(scope="module")
def seed_rules():
    return knowledge().rules


def finding_of(index, text, rules=RULES):
    return evaluate(matches=[index.match(text)], answers={}, rules=rules, questions=[]).findings[0]


# --- 1. A guess is a question, never an answer ---------------------------------------------


def test_a_typo_of_a_medicine_with_no_rule_is_unknown_and_asks_did_you_mean(tiny):
    finding = finding_of(tiny, "plainomob")
    assert finding.match.match == MATCH_FUZZY
    assert finding.match.matched_name == "plainomab"  # the guess is kept
    assert finding.severity == "unknown"
    assert finding.headline == "We are not sure we read this right"
    assert "It looks like plainomab" in finding.message
    assert "Did you mean plainomab?" in finding.explanation
    assert "No known interaction" not in finding.message


def test_a_typo_that_lands_on_an_opioid_still_warns_as_an_opioid(tiny):
    finding = finding_of(tiny, "testacodon")
    assert finding.match.match == MATCH_FUZZY
    assert finding.severity == "avoid"
    assert finding.groups == ("opioid",)
    assert finding.is_opioid
    assert finding.match.suggestion == "testacodone"


def test_a_typo_that_lands_on_another_rule_keeps_that_rules_level(tiny):
    assert finding_of(tiny, "painoprofin").severity == "caution"


def test_the_exact_name_of_a_medicine_with_no_rule_is_still_none(tiny):
    finding = finding_of(tiny, "plainomab")
    assert finding.match.match == MATCH_EXACT
    assert finding.severity == "none"
    assert finding.match.suggestion is None


def test_confirming_a_guess_gives_back_a_name_that_reads_exactly(tiny):
    confirmed = tiny.confirmed_text("plainomob 5 mg")
    assert confirmed == "plainomab"
    assert tiny.match(confirmed).match == MATCH_EXACT
    assert finding_of(tiny, confirmed).severity == "none"


def test_an_exact_reading_has_nothing_to_confirm(tiny):
    assert tiny.confirmed_text("plainomab") is None
    assert tiny.confirmed_text("plainomab", choice=1) is None


@pytest.mark.parametrize(
    "typed", ["percoset", "lisinipril", "ibuprofin", "Zolfot", "metforman", "hydrocodine"]
)
def test_every_guess_in_the_real_knowledge_base_confirms_to_an_exact_reading(seed, typed):
    guess = seed.match(typed)
    assert guess.match == MATCH_FUZZY
    confirmed = seed.confirmed_text(typed)
    again = seed.match(confirmed)
    assert again.match == MATCH_EXACT
    assert set(again.ingredients) == set(guess.ingredients)


def test_a_guess_with_an_unread_word_keeps_that_word_when_confirmed(seed):
    guess = seed.match("metforman and zorblax")
    assert guess.unmatched == ("zorblax",)
    confirmed = seed.confirmed_text("metforman and zorblax")
    assert "zorblax" in confirmed
    again = seed.match(confirmed)
    assert again.match == MATCH_EXACT and again.unmatched == ("zorblax",)


# --- 2. Nothing read in part passes as read --------------------------------------------------


def test_an_entry_read_in_part_lists_the_unread_words_and_is_never_none(tiny):
    finding = finding_of(tiny, "plainomab and zorblaxquin")
    assert finding.match.unmatched == ("zorblaxquin",)
    assert finding.severity == "unknown"
    assert finding.headline == "We could not read all of this"
    assert 'We couldn\'t match "zorblaxquin"' in finding.explanation


def test_apap_hc_says_hc_was_not_read_and_is_not_none(seed, seed_rules):
    finding = finding_of(seed, "APAP/HC", seed_rules)
    assert finding.severity != "none"
    if "hydrocodone" not in finding.match.ingredients:
        assert finding.match.unmatched == ("hc",)


def test_an_unread_part_beside_an_opioid_keeps_the_opioid_warning(tiny):
    finding = finding_of(tiny, "testacodone and zorblaxquin")
    assert finding.severity == "avoid"
    assert finding.match.unmatched == ("zorblaxquin",)


# --- 3. Names with two meanings --------------------------------------------------------------


def test_a_name_with_two_meanings_lists_both_and_takes_the_more_serious(tiny):
    finding = finding_of(tiny, "TT")
    readings = [set(alt.match.ingredients) for alt in finding.alternatives]
    assert readings == [{"thyrotabs"}, {"testacodone", "plainomab"}]
    assert [alt.severity for alt in finding.alternatives] == ["none", "avoid"]
    assert finding.severity == "avoid"
    assert set(finding.match.ingredients) == {"testacodone", "plainomab"}
    assert "Which do you take?" in finding.explanation
    assert "thyrotabs" in finding.explanation and "testacodone (an opioid)" in finding.explanation


def test_each_reading_of_a_name_with_two_meanings_can_be_chosen(tiny):
    assert tiny.confirmed_text("TT 25 mcg", choice=1) == "thyrotabs"
    second = tiny.confirmed_text("TT", choice=2)
    assert set(tiny.match(second).ingredients) == {"testacodone", "plainomab"}
    assert tiny.match(second).alternatives == ()
    assert tiny.confirmed_text("TT", choice=3) is None


def test_a_name_with_two_meanings_inside_a_longer_entry_keeps_both(tiny):
    match = tiny.match("TT tablets daily")
    assert len(match.alternatives) == 2


def test_without_the_flag_a_second_record_of_a_name_does_not_add_a_reading():
    index = build_index([record("XY", "one", kind="alias"), record("XY", "two", kind="brand")])
    assert index.match("XY").alternatives == ()
    assert index.conflicts  # reported for staff, as before


# --- 4. Several products in one box ----------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "inputs"),
    [
        ("Norco, metformin", ["Norco", "metformin"]),
        ("ibuprofen; Zoloft", ["ibuprofen", "Zoloft"]),
        ("metformin\nZoloft 50 mg\nvitamin D\n", ["metformin", "Zoloft 50 mg", "vitamin D"]),
        ("metformin, Zoloft and vitamin D", ["metformin", "Zoloft", "vitamin D"]),
        ("Norco 10/325 & Zoloft", ["Norco 10/325", "Zoloft"]),
        ("• lisinopril 10mg\n• Norco", ["lisinopril 10mg", "Norco"]),
        (
            "metformin, lisinopril, and atorvastatin",
            ["metformin", "lisinopril", "atorvastatin"],
        ),
    ],
)
def test_several_products_in_one_entry_are_read_one_by_one(seed, typed, inputs):
    match = seed.match(typed)
    assert match.input == typed  # the entry keeps exactly what was typed
    assert [part.input for part in match.parts] == inputs
    assert all(part.recognized for part in match.parts)


@pytest.mark.parametrize(
    "typed",
    [
        "oxycodone and acetaminophen",
        "Tylenol w/ codeine",
        "hydrocodone/apap 10/325",
        "promethazine with codeine",
        "hydrocodone bitartrate and acetaminophen",
        "Norco, 2 tabs twice daily",
        "vitamin D 50,000 units",
        "codeine and zorblaxquin",
        "oxycodone & ibuprofen",
    ],
)
def test_a_single_product_stays_one_reading(seed, typed):
    assert seed.match(typed).parts == ()


def test_each_product_gets_its_own_level_and_the_entry_the_most_serious(seed, seed_rules):
    finding = finding_of(seed, "metformin, Zoloft and Norco", seed_rules)
    assert [part.severity for part in finding.parts] == ["none", "none", "avoid"]
    assert finding.severity == "avoid"
    assert finding.is_opioid
    assert finding.groups == ("opioid",)
    assert [part.match.input for part in finding.parts] == ["metformin", "Zoloft", "Norco"]


def test_an_unread_product_makes_the_entry_unknown_not_none(seed, seed_rules):
    finding = finding_of(seed, "metformin, zorblaxquin", seed_rules)
    assert [part.severity for part in finding.parts] == ["none", "unknown"]
    assert finding.severity == "unknown"
    assert finding.match.unmatched == ("zorblaxquin",)


def test_a_guessed_product_in_a_list_is_confirmed_in_its_place(seed):
    typed = "metformin, Zolfot 50mg, Norco"
    assert seed.match(typed).parts[1].is_guess
    confirmed = seed.confirmed_text(typed, part=2)
    assert confirmed == "metformin, Zoloft, Norco"
    assert all(part.match == MATCH_EXACT for part in seed.match(confirmed).parts)
    assert seed.confirmed_text(typed, part=1) is None  # metformin was read exactly
    assert seed.confirmed_text(typed, part=4) is None


def test_an_entry_of_one_product_has_no_parts_to_confirm(seed):
    assert seed.confirmed_text("percoset", part=1) is None


# --- 5. Words that only contain a drug name, and negations ----------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "codeine-free cough syrup",
        "codeine free",
        "no codeine",
        "not taking oxycodone",
        "without codeine",
        "sin codeína",
        "alcohol-free mouthwash",
        "sin alcohol",
        "non-aspirin pain reliever",
        "caffeine free",
        "not on any opioids",
        "never had morphine",
    ],
)
def test_a_medicine_written_as_not_taken_is_not_read_as_taken(seed, seed_rules, typed):
    finding = finding_of(seed, typed, seed_rules)
    assert finding.match.ingredients == ()
    assert finding.severity == "unknown"
    assert finding.match.negated  # and it says what it did not count
    assert finding.match.unmatched == finding.match.negated
    assert "We did not count" in finding.explanation


def test_a_negation_covers_only_its_own_medicine(seed, seed_rules):
    finding = finding_of(seed, "Robitussin, codeine-free", seed_rules)
    assert "codeine" not in finding.match.ingredients
    assert finding.severity != "none"
    kept = finding_of(seed, "no codeine but oxycodone", seed_rules)
    assert kept.match.ingredients == ("oxycodone",)
    assert kept.severity == "avoid"


@pytest.mark.parametrize("typed", ["sugar-free cough drops", "Tylenol no. 3", "Tylenol #3"])
def test_words_that_look_like_negations_but_are_not_change_nothing(seed, typed):
    assert seed.match(typed).negated == ()


@pytest.mark.parametrize(
    "typed", ["Fenty Beauty foundation", "Fenty lip gloss", "heroine of the story"]
)
def test_a_brand_or_everyday_word_spelled_like_a_drug_is_not_that_drug_in_a_phrase(seed, typed):
    assert seed.match(typed).match == MATCH_NONE


@pytest.mark.parametrize("typed", ["Fenty", "fenty cream", "heroine"])
def test_such_a_word_alone_is_only_a_guess_and_still_warns(seed, seed_rules, typed):
    finding = finding_of(seed, typed, seed_rules)
    assert finding.match.match == MATCH_FUZZY
    assert finding.severity == "avoid"
    assert finding.match.suggestion in ("fentanyl", "heroin")


# --- How a guess is found ----------------------------------------------------------------------


def test_a_typo_as_close_to_two_medicines_asks_which_and_warns_on_the_more_serious(
    seed, seed_rules
):
    finding = finding_of(seed, "Demoral", seed_rules)  # Demerol (an opioid), or Doral
    assert finding.match.is_guess
    assert len(finding.alternatives) >= 2
    assert finding.severity == "avoid" and finding.is_opioid
    assert "We are not sure which medicine this is" in finding.explanation
    assert any(label.startswith("Demerol: meperidine") for label in finding.reading_labels)


def test_a_name_spelled_by_its_sound_is_a_guess_of_that_name(seed):
    # ("buprenorfin" is no guess: it is how Scandinavia spells it, a name in names.csv)
    for typed, meant in (("morfeen", "morphine"), ("buprenorfeen", "buprenorphine")):
        match = seed.match(typed)
        assert match.is_guess and match.ingredients == (meant,)


def test_a_typo_in_the_word_that_makes_it_another_product_reads_the_whole_name(seed):
    assert set(seed.match("nuroen plus").ingredients) == {"ibuprofen", "codeine"}
    assert set(seed.match("Tylenal 3").ingredients) == {"acetaminophen", "codeine"}
    assert seed.match("Tylenal 3").is_guess


def test_a_word_split_in_two_is_a_guess_but_a_space_before_a_number_is_not(seed):
    assert seed.match("met formin ER 750").is_guess
    assert seed.match("vitamin d 3").match == MATCH_EXACT


def test_a_typo_beside_another_name_gets_fewer_slips(seed):
    match = seed.match("gabapentin plus glorbex")
    assert match.ingredients == ("gabapentin",)
    assert match.unmatched == ("glorbex",)


@pytest.mark.parametrize(
    ("typed", "count"),
    [
        ("1. Norco 2. Lyrica 3. Synthroid", 3),
        ("1) metformin 2) Zoloft", 2),
        ("Tylenol and Advil", 2),  # two brands are two boxes, though one product has both
        ("Tylenol No. 3", 0),
        ("Tylenol and codeine", 0),  # an ingredient beside a brand: Tylenol with codeine
    ],
)
def test_how_many_products_an_entry_names(seed, typed, count):
    assert len(seed.match(typed).parts) == count


def test_the_words_of_guesses_unread_parts_and_negations_read_at_grade_8_or_lower():
    import textstat

    from checker import rules

    texts = [
        getattr(rules, name).format(name="lisinopril")
        for name in dir(rules)
        if name.startswith(("GUESS_", "PART_UNREAD_", "NEGATED_"))
    ]
    assert len(texts) == 10
    for text in texts:
        assert textstat.flesch_kincaid_grade(text) <= 8, text
        assert "safe" not in text.casefold()


def test_a_name_of_a_few_words_typed_right_but_one_is_a_guess_of_it(seed):
    match = seed.match("MS Contain")  # "contain" is an English word, one slip from Contin
    assert match.is_guess and match.ingredients == ("morphine",)
    for everyday in ("horse riding", "back pain", "heart pill"):
        assert not seed.match(everyday).recognized


# --- Rules about one product, and rules that stand in for others ------------------------------


def test_a_rule_about_one_product_fires_for_it_and_stands_in_for_the_ingredients_rule():
    index = build_index(
        [
            record("blockerone"),
            record("Monthlyshot", "blockerone", kind="brand"),
            record("Smalldose", "blockerone", kind="brand"),
            record("Sealedcap", "testacodone", "blockerone", kind="brand"),
            record("testacodone"),
        ]
    )
    plain = GroupRule(
        slug="blocker",
        level="info",
        label="the same medicine as LDN",
        headline="Same medicine",
        what_could_happen="Plain words.",
        what_to_do="",
        tell_your_doctor="",
        ingredients=frozenset({"blockerone"}),
    )
    shot = GroupRule(
        slug="blocker-shot",
        level="caution",
        label="a monthly blocker shot",
        headline="A month-long block",
        what_could_happen="Shot words.",
        what_to_do="",
        tell_your_doctor="",
        ingredients=frozenset(),
        products=frozenset({"monthlyshot"}),
        instead_of=frozenset({"blocker"}),
    )
    opioid = GroupRule(**{**OPIOID_RULE.__dict__, "instead_of": frozenset({"blocker"})})
    rules = [opioid, shot, plain]
    assert finding_of(index, "Smalldose", rules).groups == ("blocker",)
    monthly = finding_of(index, "Monthlyshot 380 mg", rules)
    assert (monthly.groups, monthly.severity, monthly.message) == (
        ("blocker-shot",),
        "caution",
        "Shot words.",
    )
    assert finding_of(index, "monthlyshott", rules).groups == ("blocker-shot",)  # a guess too
    sealed = finding_of(index, "Sealedcap", rules)
    assert sealed.groups == ("opioid",)  # the opioid rule speaks for the sealed blocker
