"""The real list (checker/data/, read straight from the files), as patients type it: every way
a patient names a medicine is read right, and nonsense is not. No database. The matcher's own
rules are tested on a handful of hand-built records in test_matching.py."""

import pytest

from checker.matching import (
    MATCH_EXACT,
    MATCH_FUZZY,
    MATCH_NONE,
    normalise_entry,
)
from tests.checker.knowledge import knowledge


@pytest.fixture(scope="module")
def index():
    return knowledge().index


def ingredients_of(index, text):
    return set(index.match(text).ingredients)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # generic names
        ("hydrocodone", {"hydrocodone"}),
        ("oxycodone", {"oxycodone"}),
        ("tramadol", {"tramadol"}),
        ("lisinopril", {"lisinopril"}),
        # brands
        ("Norco", {"hydrocodone", "acetaminophen"}),
        ("OxyContin", {"oxycodone"}),
        ("Advil", {"ibuprofen"}),
        ("Ozempic", {"semaglutide"}),
        ("Humira", {"adalimumab"}),
        # combination products map to every ingredient
        ("Percocet", {"oxycodone", "acetaminophen"}),
        ("Vicoprofen", {"hydrocodone", "ibuprofen"}),
        ("Lomotil", {"diphenoxylate", "atropine"}),
        ("Suboxone", {"buprenorphine", "naloxone"}),
        ("Embeda", {"morphine", "naltrexone"}),
        ("Excedrin Migraine", {"acetaminophen", "aspirin", "caffeine"}),
        # UK names
        ("paracetamol", {"acetaminophen"}),
        ("co-codamol 30/500", {"codeine", "acetaminophen"}),
        ("Nurofen Plus", {"ibuprofen", "codeine"}),
        ("pethidine", {"meperidine"}),
        ("diamorphine", {"heroin"}),
        ("salbutamol", {"albuterol"}),
        ("Zomorph", {"morphine"}),
        # street names and slang
        ("lean", {"codeine", "promethazine"}),
        ("percs", {"oxycodone", "acetaminophen"}),
        ("smack", {"heroin"}),
        ("H", {"heroin"}),
        ("fent", {"fentanyl"}),
        ("tranq dope", {"fentanyl", "xylazine"}),
        ("kratom", {"kratom"}),
        ("7-OH", {"7-hydroxymitragynine"}),
        ("beer", {"alcohol"}),
        ("glass of wine", {"alcohol"}),
        # doses and units
        ("Norco 10/325", {"hydrocodone", "acetaminophen"}),
        ("methadone 80mg liquid", {"methadone"}),
        ("fentanyl patch 25mcg", {"fentanyl"}),
        ("fentanyl 25 mcg/hr patch", {"fentanyl"}),
        ("Oramorph 10mg/5ml oral solution", {"morphine"}),
        ("vit d3 2000iu", {"vitamin d"}),
        ("vitamin D 50,000 units", {"vitamin d"}),
        ("baby aspirin 81", {"aspirin"}),
        ("voltaren gel 1%", {"diclofenac"}),
        ("lisinopril 10", {"lisinopril"}),
        (".5 mg Xanax", {"alprazolam"}),
        # forms, release words and salts
        ("Oxycodone HCl 5 mg tablets", {"oxycodone"}),
        ("morphine sulfate ER 15mg", {"morphine"}),
        ("hydrocodone bitartrate", {"hydrocodone"}),
        ("suboxone film", {"buprenorphine", "naloxone"}),
        ("advil liquigels", {"ibuprofen"}),
        ("Lortab elixir", {"hydrocodone", "acetaminophen"}),
        ("magnesium glycinate 400mg", {"magnesium"}),
        ("naproxen sodium 220mg", {"naproxen"}),
        # numbers that are part of the name
        ("tylenol 3", {"acetaminophen", "codeine"}),
        ("Tylenol #3", {"acetaminophen", "codeine"}),
        ("tylenol no. 4", {"acetaminophen", "codeine"}),
        ("tylenol 3 extra strength", {"acetaminophen", "codeine"}),
        ("tylenol 500mg", {"acetaminophen"}),
        ("perc 30", {"oxycodone"}),
        # case and spacing
        ("NORCO", {"hydrocodone", "acetaminophen"}),
        ("  oXyCoDoNe   ", {"oxycodone"}),
        ("oxy contin", {"oxycodone"}),
        ("MSContin", {"morphine"}),
        # separators between ingredients
        ("oxycodone/apap 5-325", {"oxycodone", "acetaminophen"}),
        ("hydrocodone-acetaminophen 10-325mg tab", {"hydrocodone", "acetaminophen"}),
        ("oxycodone w/ acetaminophen", {"oxycodone", "acetaminophen"}),
        ("oxycodone with acetaminophen", {"oxycodone", "acetaminophen"}),
        ("oxycodone + acetaminophen", {"oxycodone", "acetaminophen"}),
        ("oxycodone & ibuprofen", {"oxycodone", "ibuprofen"}),
        ("oxycodone and acetaminophen", {"oxycodone", "acetaminophen"}),
        ("tramadol, ibuprofen", {"tramadol", "ibuprofen"}),
        ("buprenorphine/naloxone 8/2 film", {"buprenorphine", "naloxone"}),
        # multi-word names stay whole
        ("promethazine with codeine", {"promethazine", "codeine"}),
        ("Tylenol with codeine", {"acetaminophen", "codeine"}),
        ("co-codamol", {"codeine", "acetaminophen"}),
        ("kaolin and morphine", {"kaolin", "morphine"}),
        ("cough syrup with codeine", {"codeine"}),
    ],
)
def test_each_kind_of_entry_is_read_as_its_ingredients(index, typed, expected):
    result = index.match(typed)
    assert result.recognized
    assert set(result.ingredients) == expected


@pytest.mark.parametrize(
    ("typed", "expected", "read_as"),
    [
        ("oxycodin", {"oxycodone"}, None),
        ("hydrocodne", {"hydrocodone"}, "hydrocodone"),  # "hydrocodon" is the German name
        ("tramadoll", {"tramadol"}, "tramadol"),
        ("percoset", {"oxycodone", "acetaminophen"}, "Percocet"),
        ("ibuprofin", {"ibuprofen"}, "ibuprofen"),
        ("heroine", {"heroin"}, "heroin"),
        ("morfine", {"morphine"}, "morphine"),
        ("suboxen", {"buprenorphine", "naloxone"}, "Suboxone"),
        ("lisinipril", {"lisinopril"}, "lisinopril"),
    ],
)
def test_typos_are_read_as_the_nearest_name_and_flagged_as_fuzzy(index, typed, expected, read_as):
    result = index.match(typed)
    assert result.match == MATCH_FUZZY
    assert set(result.ingredients) == expected
    if read_as:
        assert result.matched_name == read_as


def test_exact_names_are_not_reported_as_typos(index):
    for typed in ("oxycodone", "Norco 10/325", "co-codamol", "beer"):
        assert index.match(typed).match == MATCH_EXACT


@pytest.mark.parametrize(
    "typed",
    [
        "nothing",
        "none",
        "n/a",
        "my heart pill",
        "water pill",
        "heart pill",
        "the blue one",
        "12345",
        "asdf",
        "qwerty",
        "vitamins",
        "hello",
        "banana",
        "???",
        "",
        "   ",
        "100mg",
        "blood pressure medicine",
        "sleeping pill",
        "horse riding",
        "<script>alert(1)</script>",
        "'; DROP TABLE meds; --",
        "muscle relaxer",
        "chill pills",
        "test123",
        "bp meds",
        "the pink one",
        "\U0001f48a\U0001f48a",
        "covid",  # the illness, not the vaccine (LDN is tried for long covid)
        "long covid",
    ],
)
def test_nonsense_and_everyday_words_stay_unrecognised(index, typed):
    result = index.match(typed)
    assert result.match == MATCH_NONE
    assert result.ingredients == ()
    assert result.matched_name is None


@pytest.mark.parametrize(
    "typed",
    [
        "oxy\u200bcodone",  # zero-width space
        "\u200foxycodone\u200e",  # right-to-left and left-to-right marks
        "ｏｘｙｃｏｄｏｎｅ",  # full-width letters
        "oxycodone\x00",  # NUL byte
        "\ufeffoxycodone",  # byte-order mark
        "oxycodone\u202e",  # bidi override
        "\u043exycodone",  # a Cyrillic o that looks like a Latin one
        "OXYCODONE",
    ],
)
def test_invisible_and_look_alike_characters_do_not_hide_an_opioid(index, typed):
    result = index.match(typed)
    assert result.ingredients == ("oxycodone",)
    assert result.input == typed  # what was typed is kept exactly


def test_the_typed_text_is_kept_exactly(index):
    typed = "  Norco 10/325 <b>  "
    assert index.match(typed).input == typed


def test_dextromethorphan_is_recognised_and_not_read_as_an_opioid(index):
    assert ingredients_of(index, "promethazine DM") == {"promethazine", "dextromethorphan"}
    assert ingredients_of(index, "Delsym") == {"dextromethorphan"}
    assert ingredients_of(index, "phenergan") == {"promethazine"}


def test_street_words_that_are_everyday_words_count_only_on_their_own(index):
    assert ingredients_of(index, "horse") == {"heroin"}
    assert ingredients_of(index, "blues") == {"fentanyl"}
    assert not index.match("horse riding").recognized
    assert not index.match("the blue one").recognized


def test_part_of_an_entry_we_cannot_read_is_kept_and_never_hides_the_opioid(index):
    result = index.match("codeine and zorblaxquin")
    assert result.recognized
    assert result.ingredients == ("codeine",)
    assert result.unmatched == ("zorblaxquin",)


def test_two_medicines_in_one_entry_are_both_read(index):
    result = index.match("xanax and lean")
    assert set(result.ingredients) == {"alprazolam", "codeine", "promethazine"}


def test_normalise_entry_keeps_only_the_words_that_name_a_drug():
    assert normalise_entry("Oxycodone HCl 5 mg tablets") == "oxycodone"
    assert normalise_entry("NORCO 10/325") == "norco"
    assert normalise_entry("fentanyl 25 mcg/hr patch") == "fentanyl"
    assert normalise_entry("Tylenol w/ codeine #3") == "tylenol codeine"
    assert normalise_entry("  Advil   Liqui-Gels ") == "advil"


def test_suggestions_are_sorted_display_names_without_street_slang(index):
    suggestions = index.suggestions()
    assert "Norco" in suggestions
    assert "ibuprofen" in suggestions
    assert "paracetamol" in suggestions
    assert "smack" not in suggestions
    assert suggestions == sorted(suggestions, key=str.casefold)
    assert len(suggestions) == len(set(suggestions))


@pytest.mark.parametrize(
    "typed",
    ["corona on the beach", "a pint of milk", "pea protein", "coffee with milk", "dim the lights"],
)
def test_a_brand_spelled_like_an_everyday_word_is_not_read_inside_a_phrase(index, typed):
    assert not index.match(typed).recognized


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("wine and xanax", {"alcohol", "alprazolam"}),
        ("IPA beer", {"alcohol"}),
        ("Adcal D3", {"calcium carbonate", "vitamin d"}),
        ("corona extra", {"alcohol"}),
        ("Tylenol w/ cod", {"acetaminophen", "codeine"}),
        ("norco from dr smith", {"hydrocodone", "acetaminophen"}),
    ],
)
def test_everyday_word_names_are_read_when_the_rest_of_the_entry_is_explained(
    index, typed, expected
):
    assert set(index.match(typed).ingredients) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("222 Advil", {"aspirin", "caffeine", "codeine", "ibuprofen"}),
        ("Advil 222", {"aspirin", "caffeine", "codeine", "ibuprofen"}),
        ("222 (for pain)", {"aspirin", "caffeine", "codeine"}),
        ("292 tablets", {"aspirin", "caffeine", "codeine"}),
    ],
)
def test_a_number_that_is_a_name_is_never_tidied_away_as_a_dose(index, typed, expected):
    # 222 and 292 are Canadian codeine tablets: beside another name they are still read
    assert set(index.match(typed).ingredients) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("I drank wine", {"alcohol"}),
        ("drank 2 beers", {"alcohol"}),
        ("noscapine drank", {"noscapine"}),  # Dutch: noscapine syrup
        ("drank", {"codeine", "promethazine"}),  # alone it is still lean, the street name
        ("drank daily", {"codeine", "promethazine"}),
        ("purple drank", {"codeine", "promethazine"}),
    ],
)
def test_drank_beside_other_words_is_the_verb_and_alone_the_street_name(index, typed, expected):
    assert set(index.match(typed).ingredients) == expected


@pytest.mark.parametrize("typed", ["no opioids", "opioid free", "no alcohol", "i dont drink"])
def test_saying_you_take_none_is_not_read_as_taking_it(index, typed):
    assert not index.match(typed).recognized


def test_an_opioid_class_word_is_still_an_opioid(index):
    assert index.match("narcotics").ingredients == ("opioid",)
    assert index.match("opiates").ingredients == ("opioid",)


def test_suggestions_leave_out_form_and_strength_variants_and_can_be_compact(index):
    suggestions = index.suggestions()
    for name in ("Norco", "Percocet", "Advil", "Tylenol", "Suboxone", "OxyContin", "co-codamol"):
        assert name in suggestions
    assert "Advil Liqui-Gels" not in suggestions
    assert "Percocet 10" not in suggestions
    compact = index.suggestions(compact=True)
    assert len(compact) < len(suggestions)
    assert {"ibuprofen", "oxycodone", "co-codamol"} <= set(compact)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Buprenorphine 5 microgram/hour patch", {"buprenorphine"}),
        ("Tramadol 50mg m/r", {"tramadol"}),
        ("Lansoprazole 15mg orodispersible", {"lansoprazole"}),
        ("Fentanyl 100 mcg/h TD patch q72h", {"fentanyl"}),
        ("1 tab PO q4-6h PRN pain Norco", {"hydrocodone", "acetaminophen"}),
        ("blue 30s", {"fentanyl"}),
        ("Calcium 600 + D", {"calcium", "vitamin d"}),
        ("wine (1-2 glasses/week)", {"alcohol"}),
        ("co-codomol", {"codeine", "acetaminophen"}),
    ],
)
def test_prescription_style_entries_and_split_typos(index, typed, expected):
    assert set(index.match(typed).ingredients) == expected


def test_a_long_scribble_stays_unread(index):
    scribble = " ".join(["zqxwv", "plomk", "trebn", "asdfgh", "vbnmq"] * 8)[:200]
    assert not index.match(scribble).recognized
