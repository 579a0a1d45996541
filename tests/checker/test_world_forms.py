"""Names written the way other languages write them, with their dose forms: every opioid warns,
and the form is read as a form, not left over as a word we could not read."""

import pytest

from checker.rules import OPIOID
from tests.checker.knowledge import knowledge


def read(entry: str):
    (finding,) = knowledge().read(entry)
    return finding


@pytest.mark.parametrize(
    ("typed", "ingredient"),
    [
        ("曲马多胶囊", "tramadol"),  # tramadol capsules
        ("吗啡缓释片 30mg", "morphine"),  # morphine extended-release tablets
        ("可待因糖浆", "codeine"),  # codeine syrup
        ("芬太尼贴剂", "fentanyl"),  # fentanyl patches
        ("Трамадол 50 мг", "tramadol"),
        ("kodein 30 mg tabletter", "codeine"),
        ("Oxycodon 10 mg Retardtabletten", "oxycodone"),
        ("Tramadol Tropfen", "tramadol"),
        ("petidin 50 mg ampul", "meperidine"),
        ("oksikodoni 5 mg", "oxycodone"),
        ("tramadol krople", "tramadol"),  # Polish: drops
        ("kodein sirup", "codeine"),  # Czech and Nordic: syrup
        ("Coderit tabletta", "dihydrocodeine"),  # Hungarian: tablet
        ("fentanyl depotplaster 25 mikrog", "fentanyl"),  # Danish: long-acting patch
        ("tramadol damla", "tramadol"),  # Turkish: drops
        ("オキシコンチンTR錠", "oxycodone"),  # Japanese: OxyContin TR tablets
        ("コデインリン酸塩錠20mg", "codeine"),  # Japanese: codeine phosphate tablets
        ("뉴신타서방정", "tapentadol"),  # Korean: Nucynta extended-release tablets
        ("布托啡诺鼻喷剂", "butorphanol"),  # Chinese: butorphanol nasal spray
    ],
)
def test_an_opioid_with_its_form_in_another_language_is_read_in_full(typed, ingredient):
    finding = read(typed)
    assert finding.severity == "avoid" and OPIOID in finding.groups, typed
    assert ingredient in finding.match.ingredients
    assert finding.match.unmatched == ()


def test_a_chinese_form_alone_is_no_medicine():
    assert not read("胶囊").match.recognized


def test_liothyronine_written_with_its_short_name_is_the_thyroid_hormone_only():
    finding = read("liothyronine (T3) 25 mcg")
    assert finding.match.ingredients == ("liothyronine",)
    assert not finding.is_opioid
    # T3 alone still has two meanings, and answers with the opioid until the patient picks
    alone = read("T3")
    assert alone.is_opioid and len(alone.alternatives) == 2


@pytest.mark.parametrize(
    ("typed", "ingredients"),
    [
        ("Levaxin 50 mikrog", ("levothyroxine",)),
        ("Pyralgina 500 mg tabletki", ("metamizole",)),
        ("Nipaxon 25 mg", ("noscapine",)),
        ("那可丁片", ("noscapine",)),
        ("Hydryllin syrup", ("diphenhydramine", "theophylline", "ammonium chloride")),
    ],
)
def test_other_medicines_with_their_form_in_another_language_are_read_and_are_no_opioid(
    typed, ingredients
):
    finding = read(typed)
    assert set(finding.match.ingredients) == set(ingredients), typed
    assert finding.match.unmatched == ()
    assert not finding.is_opioid
