"""The importers' shared core: substances read as our ingredients, names written as patients
write them, lines decoded strictly, and a proposal that adds nothing the second time."""

from __future__ import annotations

import io

import pytest

from checker.importers import ndc
from checker.importers.core import (
    TextError,
    decode_line,
    display_name,
    ingredient_name,
    propose,
    sniff_encoding,
)
from checker.matching import NameRecord
from tests.checker.importers.conftest import SAMPLES, TODAY, make_knowledge


@pytest.mark.parametrize(
    ("written", "ingredient"),
    [
        ("HYDROCODONE BITARTRATE", "hydrocodone"),
        ("OXYCODONE HYDROCHLORIDE", "oxycodone"),
        ("CODEINE PHOSPHATE HEMIHYDRATE", "codeine"),
        ("NALOXONE HYDROCHLORIDE DIHYDRATE", "naloxone"),
        ("NALOXONE (NALOXONE HYDROCHLORIDE)", "naloxone"),
        ("NAPROXEN SODIUM", "naproxen"),
        ("ACETYLSALICYLIC ACID", "aspirin"),
        ("Paracetamol", "acetaminophen"),
        ("ANHYDROUS CAFFEINE", "caffeine"),
        ("OXYCODONE MYRISTATE", "oxycodone"),  # a salt we have no word for, of a known drug
        ("SODIUM CHLORIDE", "sodium chloride"),  # a salt word first is the name itself
        ("ZALIFENTANIL CITRATE", "zalifentanil"),  # unknown: its salt still goes
    ],
)
def test_substances_are_read_as_our_ingredients(knowledge, written, ingredient):
    assert ingredient_name(written, known=knowledge.known_substances) == ingredient


@pytest.mark.parametrize(
    ("printed", "written"),
    [
        ("TYLENOL WITH CODEINE NO. 3", "Tylenol with Codeine No. 3"),
        ("TRAMZEX XL", "Tramzex XL"),
        ("COFSYRAL DH", "Cofsyral DH"),
        ("NORVATEC-30", "Norvatec-30"),
        ("DOULÈVE", "Doulève"),
        ("PMS-HYDROMORPHONE", "PMS-Hydromorphone"),
        ("OxyContin", "OxyContin"),  # mixed case is the maker's own: kept
        ("  Zolvane   ER ", "Zolvane ER"),
    ],
)
def test_names_in_capitals_get_ordinary_case(printed, written):
    assert display_name(printed) == written


def test_lines_are_decoded_as_latin1_and_nothing_else():
    assert decode_line("Doloré".encode("latin-1")) == "Doloré"
    assert decode_line(b"it\x92s") == "it’s"  # Windows-1252, as agencies save latin-1
    with pytest.raises(TextError, match="UTF-8"):
        decode_line("Doloré".encode())
    with pytest.raises(TextError, match="NUL"):
        decode_line("Zolvane".encode("utf-16-le"))
    with pytest.raises(TextError):
        decode_line(b"bad \x81 byte")


def test_a_utf8_file_is_read_as_utf8_and_a_latin1_line_in_it_is_refused():
    assert decode_line("Doloré".encode(), "utf-8") == "Doloré"
    with pytest.raises(TextError, match="saved as latin-1, not UTF-8"):
        decode_line("Doloré".encode("latin-1"), "utf-8")


@pytest.mark.parametrize(
    ("lines", "encoding"),
    [
        (["plain", "Doloré", "Zolvané", "Oldé"], "latin-1"),
        (["plain", "Doloré", "Zolvané", "Oldé"], "utf-8"),
        (["only ascii"], "latin-1"),
    ],
)
def test_a_file_is_read_in_the_encoding_most_of_its_accented_lines_are_in(lines, encoding):
    # one line saved the other way does not change what the file is
    data = [line.encode(encoding) for line in lines]
    if len(data) > 2:
        other = "utf-8" if encoding == "latin-1" else "latin-1"
        data[1] = lines[1].encode(other)
    assert sniff_encoding(io.BytesIO(b"\n".join(data))) == encoding


def _knowledge_after(proposal, *, staff_names=frozenset()):
    """The knowledge base once a proposal is applied, as the Django side would write it."""
    base = make_knowledge()
    groups = dict(base.ingredient_groups)
    for ingredient in proposal.new_ingredients:
        groups[ingredient.name] = frozenset(ingredient.groups)
    for join in proposal.joins:
        groups[join.ingredient] = groups[join.ingredient] | {join.group}
    extra_ingredients = {
        name: g for name, g in groups.items() if name not in base.ingredient_groups
    }
    records = tuple(
        NameRecord(name=name.name, ingredients=name.ingredients, kind=name.kind)
        for name in proposal.new_names
    ) + tuple(NameRecord(name=n, ingredients=(n,), kind="generic") for n in extra_ingredients)
    knowledge = make_knowledge(
        extra_records=records, extra_ingredients=extra_ingredients, staff_names=staff_names
    )
    return type(knowledge)(
        index=knowledge.index,
        ingredient_groups=groups,
        groups=knowledge.groups,
        staff_names=staff_names,
    )


def test_a_second_run_after_applying_proposes_nothing(classes, knowledge):
    reading = ndc.read_product_file(SAMPLES / "product.txt", classes=classes, today=TODAY)
    first = propose(reading, knowledge=knowledge)
    assert first.changes
    second = propose(reading, knowledge=_knowledge_after(first))
    assert second.changes == []
    assert "Nothing to add or change" in "\n".join(second.lines())


def test_general_words_are_never_proposed_as_a_name(classes, knowledge):
    header = (SAMPLES / "product_reordered.txt").read_bytes().splitlines()[0].decode()
    columns = header.split("\t")
    row = dict.fromkeys(columns, "")
    row |= {
        "PROPRIETARYNAME": "Pain Relief",
        "PROPRIETARYNAMESUFFIX": "Extra Strength",
        "SUBSTANCENAME": "IBUPROFEN; CAFFEINE",
        "PHARM_CLASSES": "Nonsteroidal Anti-inflammatory Drug [EPC]",
        "NDC_EXCLUDE_FLAG": "N",
        "PRODUCTNDC": "50090-777",
    }
    data = (header + "\n" + "\t".join(row[c] for c in columns) + "\n").encode("latin-1")
    reading = ndc.read_product_file(io.BytesIO(data), classes=classes, today=TODAY)
    assert [p.name for p in reading.products] == ["Pain Relief Extra Strength"]
    assert propose(reading, knowledge=knowledge).new_names == []
