"""Names typed in another script: read again in Latin letters, as a guess ("Did you mean
tramadol?") that still warns. Arabic, Persian and Hebrew write few vowels, so their words are
compared by consonants. First on hand-built records (the matcher's rules), then on the real list."""

import pytest

from checker import transliterate
from checker.matching import MATCH_FUZZY, build_index
from checker.rules import OPIOID
from tests.checker.knowledge import knowledge
from tests.factories import name_record


@pytest.fixture(scope="module")
def index():
    return build_index(
        [
            name_record("tramadol"),
            name_record("methadone"),
            name_record("arnica"),
            name_record("Tramal", "tramadol", kind="brand"),
            name_record("Traumeel", "arnica", kind="brand"),
            name_record("metadon", "methadone", kind="alias"),
        ]
    )


def test_a_name_in_cyrillic_or_georgian_is_a_guess_of_the_latin_name(index):
    for typed in ("Трамадол", "ტრამადოლი", "տրամադոլ"):
        match = index.match(typed)
        assert match.match == MATCH_FUZZY, typed
        assert match.ingredients == ("tramadol",)
        assert match.input == typed  # what was typed is kept as typed
        assert match.suggestion == "tramadol"


def test_consonants_choose_the_name_whose_vowels_are_nearest(index):
    # "ترامال" writes t-r-a-m-a-l without short vowels: Tramal, not Traumeel (the same consonants)
    assert index.match("ترامال").ingredients == ("tramadol",)
    # a spelling of the name is offered as the name itself
    methadone = index.match("متادون")
    assert methadone.ingredients == ("methadone",)
    assert methadone.suggestion == "methadone"


def test_words_not_read_are_shown_in_the_script_they_were_typed_in(index):
    match = index.match("متادون زیرزبانی")
    assert match.ingredients == ("methadone",)
    assert match.unmatched == ("زیرزبانی",)


def test_form_words_and_units_of_other_scripts_are_read_as_such(index):
    assert index.match("قرص متادون ۲۰ میلی‌گرم").unmatched == ()
    assert index.match("Трамадол таблетки").unmatched == ()


@pytest.mark.parametrize("typed", ["молоко", "привет", "مرحبا", "שלום", "გამარჯობა", "नमस्ते"])
def test_everyday_words_in_other_scripts_stay_unread(index, typed):
    assert not index.match(typed).recognized


def test_the_guess_can_be_confirmed_as_the_latin_name(index):
    assert index.confirmed_text("ტრამადოლი") == "tramadol"


def test_a_skeleton_keeps_only_what_a_script_without_vowels_writes():
    assert transliterate.skeleton("methadone") == "mtdn"
    assert transliterate.skeleton("percocet") == "brkst"  # no p in Arabic; soft c is s
    assert transliterate.skeleton("naltrexone") == "nltrksn"
    assert transliterate.in_other_script("Трамадол") and not transliterate.in_other_script(
        "tramadol"
    )


@pytest.mark.parametrize(
    ("typed", "ingredient"),
    [
        ("ტრამადოლი", "tramadol"),  # Georgian
        ("Буторфанол", "butorphanol"),  # Russian
        ("Нурофен Плюс", "codeine"),  # Nurofen Plus in Russian
        ("ترامال ١٠٠", "tramadol"),  # Tramal, with Arabic-Indic digits
        ("سوبوتكس", "buprenorphine"),  # Subutex in Arabic
        ("בופרנורפין", "buprenorphine"),  # Hebrew
        ("شربت متادون", "methadone"),  # methadone syrup, Persian
        ("ফেনসিডিল", "codeine"),  # Phensedyl in Bengali
    ],
)
def test_opioids_in_other_scripts_warn_on_the_real_list(typed, ingredient):
    (finding,) = knowledge().read(typed)
    assert finding.severity == "avoid" and OPIOID in finding.groups, typed
    assert ingredient in finding.match.ingredients


def test_a_name_in_another_script_beside_a_latin_one_is_still_read(index):
    # a list pasted on one line: the Latin name alone must not hide the other
    match = index.match("methadone ტრამადოლი")
    assert set(match.ingredients) == {"methadone", "tramadol"}
    assert match.unmatched == ()
