"""Coverage of the knowledge base (checker/data/, read straight from the files) against what
patients really type (realistic_entries.tsv) and the opioid names the brief asks for. No
database. The files' own integrity is checked in test_data_files.py."""

from pathlib import Path

import pytest

from checker.rules import evaluate
from tests.checker.knowledge import knowledge

ENTRIES_FILE = Path(__file__).with_name("realistic_entries.tsv")
OPIOIDS = knowledge().opioids


def load_entries():
    rows = []
    for line in ENTRIES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        typed, expected, kind = line.split("\t")
        ingredients = frozenset() if expected == "-" else frozenset(expected.split(" + "))
        rows.append((typed, ingredients, kind))
    return rows


ENTRIES = load_entries()

# Every opioid name the brief asks for ("-" stands for a space).
OPIOID_NAMES_IN_THE_BRIEF = """
    hydrocodone oxycodone morphine hydromorphone oxymorphone codeine dihydrocodeine tramadol
    tapentadol fentanyl sufentanil alfentanil remifentanil meperidine pethidine methadone
    buprenorphine levorphanol pentazocine butorphanol nalbuphine benzhydrocodone oliceridine
    opium diamorphine heroin dextropropoxyphene tilidine nicomorphine Norco Vicodin Lortab
    Percocet Endocet Roxicet Tylox Percodan OxyContin Roxicodone Xtampza Oxaydo MS-Contin Kadian
    Dilaudid Exalgo Opana Ultram Ultracet ConZip Nucynta Duragesic Actiq Fentora Subsys Abstral
    Demerol Dolophine Methadose Suboxone Subutex Zubsolv Bunavail Sublocade Brixadi Butrans
    Belbuca Buprenex Talwin Stadol Apadaz Vicoprofen Reprexain Ibudone Xartemis Zohydro Hysingla
    Arymo Morphabond Roxybond Combunox Oxycet Primlev Xolox Magnacet Lorcet Zydone Trezix
    Synalgos-DC Panlor Dvorah Seglentis Olinvyk co-codamol Solpadeine Solpadol Tylex Zapain Kapake
    Migraleve co-dydramol co-codaprin Zomorph Oramorph Sevredol MST-Continus OxyNorm Longtec
    Shortec Targinact Zydol Tramacet Palexia Physeptone Espranor Temgesic Transtec Nurofen-Plus
    Syndol Tussionex TussiCaps Hycodan Hycofenix Tuzistra Tuxarin Robitussin-AC Cheratussin-AC
    Virtussin-AC Guiatuss-AC Brontex lean sizzurp syrup barre Lomotil Motofen difenoxin
    loperamide Imodium Imodium-A-D Diamode eluxadoline Viberzi paregoric laudanum smack H horse
    dope black-tar china-white fent fenty blues M30s percs perc-30 oxy oxys hydros vikes roxy
    roxies oxycotton OC trammies nitazenes isotonitazene metonitazene protonitazene carfentanil
    acetylfentanyl desomorphine krokodil tranq-dope U-47700 kratom mitragynine
    7-hydroxymitragynine Maeng-Da kratom-shots Targiniq Troxyca Embeda Tylenol-#3 Tylenol-#4
    """


@pytest.fixture(scope="module")
def index():
    return knowledge().index


def test_the_list_is_big_and_covers_every_kind_of_entry():
    assert len(ENTRIES) >= 300
    kinds = {kind for _, _, kind in ENTRIES}
    assert {"opioid", "nsaid", "alcohol", "other", "uk", "street", "typo", "dose"} <= kinds
    assert {"nonsense", "combo"} <= kinds
    assert sum(1 for _, expected, _ in ENTRIES if expected & OPIOIDS) >= 150
    assert sum(1 for _, expected, _ in ENTRIES if not expected) >= 50


def test_every_opioid_is_caught_and_warned_on_first(index):
    rules = knowledge().rules
    missed = []
    for typed, expected, _ in ENTRIES:
        if not expected & OPIOIDS:
            continue
        match = index.match(typed)
        report = evaluate(matches=[match], answers={}, rules=rules, questions=[])
        finding = report.findings[0]
        # a name with two meanings ("oxy") answers with its most serious reading
        if not (set(finding.match.ingredients) & OPIOIDS) or finding.severity != "avoid":
            missed.append((typed, finding.match.ingredients))
        elif not report.has_opioid or finding.groups[0] != "opioid":
            missed.append((typed, finding.groups))
    assert missed == []


def test_no_nonsense_is_recognised(index):
    recognised = [
        (typed, index.match(typed).ingredients)
        for typed, expected, _ in ENTRIES
        if not expected and index.match(typed).recognized
    ]
    assert recognised == []


def test_at_least_99_percent_are_read_exactly_right(index):
    wrong = [
        (typed, sorted(expected), sorted(index.match(typed).ingredients))
        for typed, expected, _ in ENTRIES
        if set(index.match(typed).ingredients) != expected
    ]
    assert len(wrong) <= len(ENTRIES) * 0.01, wrong


def test_every_opioid_brand_and_street_name_in_the_brief_is_an_opioid(index):
    names = OPIOID_NAMES_IN_THE_BRIEF.split()
    extra = [
        "Tylenol with codeine",
        "Fioricet with codeine",
        "Fiorinal with codeine",
        "Soma compound with codeine",
        "promethazine with codeine",
        "Phenergan with codeine",
        "purple drank",
        "opium tincture",
        "kaolin and morphine",
        "codeine syrup",
    ]

    def readings(name):
        match = index.match(name)  # a name with two meanings ("oxy"): each of them
        return [match, *match.alternatives]

    not_opioid = [
        name
        for name in [n.replace("-", " ") for n in names] + extra
        if not any(set(reading.ingredients) & OPIOIDS for reading in readings(name))
    ]
    assert not_opioid == []


def test_abuse_deterrent_products_made_with_a_blocker_still_count_as_opioids(index):
    for name in ("Targiniq", "Troxyca", "Embeda", "Suboxone", "Zubsolv", "Targinact", "Talwin NX"):
        assert set(index.match(name).ingredients) & OPIOIDS, name


def test_at_least_300_other_medicines_and_supplements_have_no_rule_but_are_recognised(index):
    no_rule = [i for i in knowledge().data.ingredients if not i.groups]
    assert len(no_rule) >= 300
    for ingredient in no_rule:
        assert index.match(ingredient.name).recognized, ingredient.name


def test_required_groups_exist_with_their_levels():
    levels = {group.slug: group.level for group in knowledge().data.groups}
    assert levels["opioid"] == "avoid"
    assert levels["nsaid"] == "caution"
    assert levels["thioridazine"] == "caution"
    assert levels["alcohol"] == "caution"
    opioid = next(group for group in knowledge().data.groups if group.slug == "opioid")
    assert opioid.urgent is True


def test_the_six_screening_questions_are_there_in_order():
    assert [q.slug for q in knowledge().questions] == [
        "alcohol",
        "recent_opioids",
        "withdrawal_now",
        "liver",
        "oud_treatment",
        "allergy",
    ]


def test_every_group_has_members_and_sources():
    """Members are ingredients, or named products (Vivitrol) for a group about a product."""
    names = {row.name.casefold() for row in knowledge().data.names}
    for rule in knowledge().rules:
        assert rule.ingredients or rule.products, rule.slug
        assert rule.products <= names, rule.slug
        assert rule.sources, rule.slug
        assert rule.label and rule.headline and rule.what_could_happen
        assert rule.what_to_do and rule.tell_your_doctor


def test_no_name_stands_for_two_different_medicines(index):
    assert index.conflicts == []


def test_one_slip_typos_of_opioid_names_are_still_caught(index):
    """Every opioid name of six or more letters, with a letter dropped, added, changed or
    swapped (three made-up slips each, the same every run): at least 97% still read as an
    opioid. The misses are slips that make an everyday word ("astral" for Abstral)."""
    import random
    import string

    rng = random.Random(5)

    def slip(word):
        i = rng.randrange(1, len(word) - 1)
        how = rng.choice("dist")
        if how == "d":
            return word[:i] + word[i + 1 :]
        if how == "i":
            return word[:i] + rng.choice(string.ascii_lowercase) + word[i:]
        if how == "s":
            return word[:i] + rng.choice(string.ascii_lowercase) + word[i + 1 :]
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]

    names = sorted(
        record.name.lower()
        for record in index.records
        if set(record.ingredients) & OPIOIDS
        and record.kind in ("generic", "brand")
        and len(record.name) >= 6
        and " " not in record.name
        and not any(ch.isdigit() for ch in record.name)
    )
    typos = [slip(name) for name in names for _ in range(3)]
    caught = [typo for typo in typos if set(index.match(typo).ingredients) & OPIOIDS]
    assert len(typos) >= 600
    assert len(caught) >= 0.97 * len(typos)


DOSE_PHRASES = (
    "{} 10 mg tablet",
    "{} 5/325",
    "{}, 2 tabs q6h prn",
    "take {} as needed",
    "{} ER 20mg",
    "{} (for pain)",
    "{} 1-2 tablets every 4 hours",
    "{} liquid 5ml",
    "{} patch",
    "{} 30mg x 2",
)


def test_every_opioid_name_is_still_caught_inside_dosing_words(index):
    """Each opioid generic, brand, UK and old brand name inside ten ways of writing a dose."""
    names = [
        record
        for record in index.records
        if set(record.ingredients) & OPIOIDS
        and record.kind in ("generic", "alias", "brand", "old_brand")
    ]
    missed = []
    for record in names:
        for phrase in DOSE_PHRASES:
            typed = phrase.format(record.name)
            read = index.match(typed)
            # a name with two meanings ("T3", "Nucofed") is read as each of them
            readings = [read, *read.alternatives]
            if not any(set(r.ingredients) & OPIOIDS for r in readings):
                missed.append(typed)
            else:
                assert any(set(r.ingredients) == set(record.ingredients) for r in readings), typed
    assert len(names) * len(DOSE_PHRASES) > 5000
    assert missed == []
