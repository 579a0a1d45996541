"""Reading the FDA NDC Directory's product.txt: columns by header, whole class values, current
rows only, and bad rows reported with their line and skipped whole."""

from __future__ import annotations

import io

import pytest

from checker.importers import ndc
from checker.importers.core import MAX_LINE_BYTES, ClassMap, FileError, propose
from tests.checker.importers.conftest import SAMPLES, TODAY, make_knowledge


@pytest.fixture(scope="module")
def reading(classes):
    return ndc.read_product_file(SAMPLES / "product.txt", classes=classes, today=TODAY)


def by_name(reading):
    return {product.name: product for product in reading.products}


def test_reads_current_products_with_names_as_patients_write_them(reading):
    names = set(by_name(reading))
    assert {"Zolvane ER", "Brixadol", "Quellibup", "Painvex", "Doloré Forte"} <= names
    # capitals made ordinary; a latin-1 accent read as the letter it is
    assert "BRIXADOL" not in names


def test_excluded_and_ended_rows_are_skipped_but_a_future_end_date_is_current(reading):
    names = set(by_name(reading))
    assert "Exclodone" not in names  # NDC_EXCLUDE_FLAG E
    assert "Oldacet" not in names  # ENDMARKETINGDATE 2020
    assert "Futurol" in names  # ENDMARKETINGDATE 2099
    assert sum(reading.skipped.values()) == 2


def test_substances_split_on_semicolons(reading):
    assert by_name(reading)["Brixadol"].substances == ("HYDROCODONE BITARTRATE", "ACETAMINOPHEN")


def test_classes_are_whole_values_even_with_a_comma_inside(reading):
    products = by_name(reading)
    # "Analgesics, Opioid [CS]" holds a comma and is one value, not an unknown class
    assert products["Zolvane ER"].groups == (("opioid", "Opioid Agonist [EPC]"),)
    assert ("nsaid", "Nonsteroidal Anti-inflammatory Drug [EPC]") in products["Feverex"].groups
    # values may be separated by ", " too (older files)
    assert products["Futurol"].groups == (("opioid", "Opioid Agonist [EPC]"),)
    # an agonist/antagonist is an opioid, never a blocker, although "Antagonist" is in its class
    assert {group for group, _ in products["Pentavine"].groups} == {"opioid"}
    assert {group for group, _ in products["Quellibup"].groups} == {"opioid", "opioid-antagonist"}


def test_a_class_is_never_matched_as_a_substring(reading):
    only_full_agonists = ClassMap(ndc={"Opioid Agonist [EPC]": "opioid"}, atc=())
    strict = ndc.read_product_file(SAMPLES / "product.txt", classes=only_full_agonists, today=TODAY)
    # "Opioid Agonist [EPC]" is inside "Partial Opioid Agonist [EPC]": still not the same class
    assert by_name(strict)["Quellibup"].groups == ()
    assert by_name(strict)["Zolvane ER"].groups == (("opioid", "Opioid Agonist [EPC]"),)


def test_bad_rows_are_reported_with_their_line_and_skipped_whole(reading):
    problems = {problem.line: problem.reason for problem in reading.problems}
    assert set(problems) == {18, 19, 20}
    assert "14 columns" in problems[18] and "header has 20" in problems[18]
    assert "Strong Painkiller [XYZ]" in problems[19]
    assert "UTF-8" in problems[20]
    names = set(by_name(reading))
    assert not names & {"Shortzol", "Mysteriol", "Zolvané", "Zolvanã©"}
    assert all(problem.file == "product.txt" for problem in reading.problems)


def test_columns_are_read_by_their_header_not_their_position(classes, reading):
    reordered = ndc.read_product_file(
        SAMPLES / "product_reordered.txt", classes=classes, today=TODAY
    )
    assert reordered.problems == []
    original = by_name(reading)
    assert [p.name for p in reordered.products] == ["Zolvane ER", "Brixadol", "Calmzine"]
    for product in reordered.products:
        assert product.substances == original[product.name].substances
        assert product.groups == original[product.name].groups


def test_a_file_without_the_columns_it_needs_is_refused(classes):
    other = io.BytesIO(b"NAME\tINGREDIENT\nZolvane\tOXYCODONE\n")
    with pytest.raises(FileError, match="PHARM_CLASSES"):
        ndc.read_product_file(other, classes=classes, today=TODAY)
    with pytest.raises(FileError, match="empty"):
        ndc.read_product_file(io.BytesIO(b""), classes=classes, today=TODAY)


def test_a_utf16_file_is_refused_at_its_header(classes):
    text = (SAMPLES / "product_reordered.txt").read_bytes().decode("latin-1")
    with pytest.raises(FileError, match="header"):
        ndc.read_product_file(io.BytesIO(text.encode("utf-16")), classes=classes, today=TODAY)


def test_an_overlong_line_is_a_bad_row_not_a_crash(classes):
    header = (SAMPLES / "product_reordered.txt").read_bytes().splitlines()[0]
    data = header + b"\n" + b"x" * (MAX_LINE_BYTES * 2) + b"\n"
    result = ndc.read_product_file(io.BytesIO(data), classes=classes, today=TODAY)
    assert [problem.line for problem in result.problems] == [2]
    assert result.products == []


def test_proposal_names_only_what_the_checker_would_not_read(reading, knowledge):
    proposal = propose(reading, knowledge=knowledge)
    new = {name.name: name.ingredients for name in proposal.new_names}
    assert new == {
        "Zolvane ER": ("oxycodone",),
        "Brixadol": ("hydrocodone", "acetaminophen"),
        "Quellibup": ("buprenorphine", "naloxone"),
        "Pentavine": ("pentazocine",),
        "Feverex": ("ibuprofen",),
        "Relaxtrex": ("methylnaltrexone",),
        "Painvex": ("zalifentanil",),
        "Futurol": ("tramadol",),
        "Doloré Forte": ("codeine", "acetaminophen"),
        "Tusnovex": ("velocodone", "guaifenesin"),
    }
    # Norco is known; "Oxycodone and Acetaminophen" reads as its ingredients; Calmzine
    # (sertraline) has no class or ingredient in our groups
    assert all(name.region == "us" and name.kind == "brand" for name in proposal.new_names)


def test_proposal_puts_new_and_known_ingredients_in_the_groups_their_class_means(
    reading, knowledge
):
    proposal = propose(reading, knowledge=knowledge)
    new = {ingredient.name: ingredient.groups for ingredient in proposal.new_ingredients}
    # a single-ingredient opioid, and the only new ingredient of an opioid combination
    assert new == {"zalifentanil": ("opioid",), "velocodone": ("opioid",)}
    joins = {(join.ingredient, join.group) for join in proposal.joins}
    assert joins == {("methylnaltrexone", "opioid-antagonist")}


def test_proposal_asks_a_pharmacist_what_the_file_cannot_settle(reading, knowledge):
    to_check = "\n".join(propose(reading, knowledge=knowledge).to_check)
    # a controlled drug with a new ingredient and no class
    assert "Nuvoxa" in to_check and "CII" in to_check
    # a combination whose blocker class none of its known ingredients explains
    assert "Quellibup" in to_check and "opioid-antagonist" in to_check
    assert "novodone" not in {i.name for i in propose(reading, knowledge=knowledge).new_ingredients}


def test_a_group_our_list_lacks_changes_nothing_and_says_so(reading):
    without_blockers = make_knowledge(groups=frozenset({"opioid", "nsaid"}))
    proposal = propose(reading, knowledge=without_blockers)
    assert proposal.joins == []
    assert any(
        "opioid-antagonist" in line and "does not have" in line for line in proposal.to_check
    )


def test_an_ingredient_in_a_blocker_group_of_its_own_is_not_proposed_for_the_other(classes):
    # naloxone and naltrexone have groups of their own (the words patients read differ); the
    # FDA's "Opioid Antagonist [EPC]" on them is then no change and no question
    own_groups = make_knowledge(
        extra_ingredients={
            "naloxone": frozenset({"naloxone"}),
            "naltrexone": frozenset({"naltrexone"}),
        }
    )
    rows = (SAMPLES / "product.txt").read_bytes().splitlines(keepends=True)
    naltrexone = (
        rows[6]
        .replace(b"Relaxtrex", b"Naltrexa")
        .replace(b"METHYLNALTREXONE BROMIDE", b"NALTREXONE HYDROCHLORIDE")
    )
    assert b"Naltrexa" in naltrexone and b"NALTREXONE HYDROCHLORIDE" in naltrexone
    file = ndc.read_product_file(
        io.BytesIO(b"".join([rows[0], rows[3], naltrexone])), classes=classes, today=TODAY
    )
    proposal = propose(file, knowledge=own_groups)
    assert proposal.joins == []
    assert not [line for line in proposal.to_check if "Quellibup" in line or "Naltrexa" in line]
    assert {name.name: name.ingredients for name in proposal.new_names} == {
        "Quellibup": ("buprenorphine", "naloxone"),
        "Naltrexa": ("naltrexone",),
    }


def test_names_and_ingredients_staff_own_are_left_alone(reading):
    staff = make_knowledge(
        staff_names=frozenset({"brixadol"}), staff_ingredients=frozenset({"methylnaltrexone"})
    )
    proposal = propose(reading, knowledge=staff)
    assert "Brixadol" not in {name.name for name in proposal.new_names}
    assert proposal.joins == []
    kept = "\n".join(proposal.kept)
    assert "Brixadol" in kept and "not added again" in kept
    assert "methylnaltrexone" in kept


def test_a_name_our_list_reads_otherwise_is_a_question_not_an_overwrite(reading):
    from checker.matching import NameRecord

    conflicting = make_knowledge(
        extra_records=(NameRecord(name="Zolvane ER", ingredients=("hydrocodone",), kind="brand"),)
    )
    proposal = propose(reading, knowledge=conflicting)
    assert "Zolvane ER" not in {name.name for name in proposal.new_names}
    assert any(
        line.startswith("Zolvane ER: our list reads it as hydrocodone")
        for line in proposal.to_check
    )


def test_proposal_in_plain_words_lists_every_part(reading, knowledge):
    text = "\n".join(propose(reading, knowledge=knowledge).lines())
    assert "New names (10):" in text
    assert "Zolvane ER = oxycodone (opioid)" in text
    assert "product.txt line 19: unknown class" in text
    assert "Skipped 1: excluded from the directory" in text


def test_a_file_without_the_exclude_flag_counts_every_row_and_classes_ignore_case(classes):
    header = "PRODUCTNDC\tPROPRIETARYNAME\tSUBSTANCENAME\tPHARM_CLASSES"
    row = "50090-555\tOldfile\tOXYCODONE HYDROCHLORIDE\topioid agonist [epc]"
    result = ndc.read_product_file(
        io.BytesIO(f"{header}\n{row}\n".encode("latin-1")), classes=classes, today=TODAY
    )
    assert result.problems == []
    assert [(p.name, p.groups) for p in result.products] == [
        ("Oldfile", (("opioid", "opioid agonist [epc]"),))
    ]


def test_a_product_file_saved_as_utf8_is_read_as_utf8(classes):
    text = (SAMPLES / "product.txt").read_bytes().split(b"\n")
    good = [line for number, line in enumerate(text, 1) if number != 20]  # 20: already UTF-8
    utf8 = b"\n".join(line.decode("cp1252").encode("utf-8") for line in good)
    reading = ndc.read_product_file(io.BytesIO(utf8), classes=classes, today=TODAY)
    assert "Doloré Forte" in by_name(reading)
    assert not [p for p in reading.problems if "saved as" in p.reason]
