"""The pure matcher's own rules, on a handful of hand-built records and word lists: how a name
is read, never which names the real list has (that is test_reading_the_real_list.py)."""

import pytest

from checker.matching import (
    MATCH_EXACT,
    MATCH_FUZZY,
    MATCH_NONE,
    Match,
    NameRecord,
    Words,
    build_index,
)


def generic(name):
    return NameRecord(name=name, ingredients=(name,), kind="generic")


RECORDS = [
    generic("testacodone"),
    generic("acetaminophen"),
    generic("heroin"),
    generic("alcohol"),
    generic("norethindrone"),
    NameRecord(name="Brandex", ingredients=("testacodone", "acetaminophen"), kind="brand"),
    NameRecord(name="apap", ingredients=("acetaminophen",), kind="alias"),
    NameRecord(name="paracetamol", ingredients=("acetaminophen",), kind="alias", region=("uk",)),
    NameRecord(name="Panadolix", ingredients=("acetaminophen",), kind="brand", region=("uk",)),
    NameRecord(name="horse", ingredients=("heroin",), kind="street"),
    NameRecord(name="wine", ingredients=("alcohol",), kind="drink"),
    NameRecord(name="Heather", ingredients=("norethindrone",), kind="brand", everyday=True),
    NameRecord(name="heroine", ingredients=("heroin",), kind="misspelling", read_as="heroin"),
    NameRecord(
        name="brandx",
        ingredients=("testacodone", "acetaminophen"),
        kind="misspelling",
        read_as="Brandex",
    ),
]
WORDS = Words(
    guard_phrases=frozenset({"nothing", "testacodone free"}),
    everyday=frozenset(),
    general_drink_words=frozenset({"drink"}),
)


@pytest.fixture(scope="module")
def index():
    return build_index(RECORDS, words=WORDS)


def test_a_brand_with_a_dose_is_read_exactly_as_its_ingredients(index):
    assert index.match("brandex 5/325") == Match(
        input="brandex 5/325",
        match=MATCH_EXACT,
        matched_name="Brandex",
        ingredients=("testacodone", "acetaminophen"),
        names_read=("Brandex",),
    )


def test_a_typo_of_a_name_is_read_as_a_guess(index):
    read = index.match("testacodon")
    assert read.match == MATCH_FUZZY
    assert read.ingredients == ("testacodone",)


def test_a_known_misspelling_is_always_a_guess_of_the_name_it_stands_for(index):
    heroine = index.match("heroine")
    assert (heroine.match, heroine.matched_name, heroine.ingredients) == (
        MATCH_FUZZY,
        "heroin",
        ("heroin",),
    )
    brand = index.match("Brandx 10/325")
    assert (brand.match, brand.matched_name) == (MATCH_FUZZY, "Brandex")
    # A misspelling is no name of its own: never suggested, never in the records.
    assert "heroine" not in index.suggestions()
    assert all(record.kind != "misspelling" for record in index.records)


def test_without_its_misspelling_row_a_far_misspelling_is_not_read():
    index = build_index([r for r in RECORDS if r.name != "heroine"], words=WORDS)
    assert index.match("heroine").match == MATCH_NONE


def test_the_guard_phrases_are_data_the_index_is_given(index):
    assert not index.match("testacodone free").recognized
    assert not index.match("nothing").recognized
    unguarded = build_index(RECORDS, words=Words())
    assert unguarded.match("testacodone free").ingredients == ("testacodone",)


def test_a_name_flagged_everyday_counts_only_when_it_stands_alone(index):
    assert index.match("Heather").ingredients == ("norethindrone",)
    assert not index.match("heather from work").recognized
    unflagged = [
        NameRecord(name=r.name, ingredients=r.ingredients, kind=r.kind) if r.everyday else r
        for r in RECORDS
    ]
    assert build_index(unflagged, words=WORDS).match("heather from work").recognized


def test_an_everyday_word_from_the_word_list_is_never_a_typo_target():
    records = [*RECORDS, NameRecord(name="Commit", ingredients=("heroin",), kind="brand")]
    assert build_index(records, words=WORDS).match("commmit").recognized
    everyday = Words(guard_phrases=WORDS.guard_phrases, everyday=frozenset({"commit"}))
    assert not build_index(records, words=everyday).match("commmit").recognized


def test_a_general_drink_word_is_read_only_alone():
    records = [*RECORDS, NameRecord(name="drink", ingredients=("alcohol",), kind="drink")]
    index = build_index(records, words=WORDS)
    assert index.match("drink").ingredients == ("alcohol",)
    assert not index.match("drink lots of water").recognized
    assert index.match("wine with dinner").ingredients == ("alcohol",)


def test_a_name_used_outside_the_us_reads_like_a_generic_name(index):
    assert index.match("paracetamol 500mg").ingredients == ("acetaminophen",)
    both = index.match("paracetamol and testacodone")
    # other names give way to the generic name when an entry names several medicines
    assert both.matched_name == "acetaminophen + testacodone"
    assert index.match("Panadolix").matched_name == "Panadolix"


def test_suggestions_offer_generic_local_and_brand_names_but_not_slang(index):
    suggestions = index.suggestions()
    assert {"testacodone", "paracetamol", "Panadolix", "Brandex"} <= set(suggestions)
    assert not {"horse", "wine", "apap", "heroine"} & set(suggestions)


def test_a_street_name_that_is_an_english_word_counts_only_on_its_own(index):
    assert index.match("horse").ingredients == ("heroin",)
    assert not index.match("horse riding").recognized


def test_what_could_not_be_read_is_kept_beside_what_could(index):
    read = index.match("testacodone and zorblaxquin")
    assert read.ingredients == ("testacodone",)
    assert read.unmatched == ("zorblaxquin",)
