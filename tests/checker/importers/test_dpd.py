"""Reading Health Canada's Drug Product Database extract: four quoted files without headers,
classes by ATC code, marketed products for people only, and a bad row leaves its whole product
out."""

from __future__ import annotations

import io

import pytest

from checker.importers import dpd
from checker.importers.core import FileError, propose
from tests.checker.importers.conftest import SAMPLES


@pytest.fixture(scope="module")
def reading(classes):
    return dpd.read_extract_dir(SAMPLES / "dpd", classes=classes)


def by_name(reading):
    return {product.name: product for product in reading.products}


def groups(product):
    return {group for group, _ in product.groups}


def test_reads_marketed_products_for_people(reading):
    assert set(by_name(reading)) == {
        "Norvatec-30",
        "Tramzex XL",
        "Cofsyral DH",  # its current status is MARKETED, an older one APPROVED
        "Diarresta",
        "Movelix",
        "Naxospray",
        "Naproflex",
        "Methalix",
        "Sertiva",
        "Doulève",  # a latin-1 È in the brand name
    }
    assert reading.skipped == {
        "not for people (CLASS is not Human)": 1,  # Vetorphan
        "not marketed now (its current status is not MARKETED)": 1,  # Oldocet, cancelled
    }


def test_atc_codes_put_products_in_groups(reading):
    products = by_name(reading)
    assert groups(products["Norvatec-30"]) == {"opioid"}  # N02AJ06
    assert groups(products["Cofsyral DH"]) == {"opioid"}  # R05DA03, cough
    assert groups(products["Methalix"]) == {"opioid"}  # N07BC02, opioid dependence
    assert groups(products["Diarresta"]) == {"opioid"}  # A07DA03, antipropulsive
    assert groups(products["Naproflex"]) == {"nsaid"}  # M01AE02
    assert groups(products["Movelix"]) == {"opioid-antagonist"}  # A06AH03
    assert groups(products["Naxospray"]) == {"naloxone"}  # V03AB15
    assert groups(products["Sertiva"]) == set()  # N06AB06


def test_every_ingredient_of_a_product_is_read(reading):
    assert by_name(reading)["Norvatec-30"].substances == (
        "ACETAMINOPHEN",
        "CAFFEINE",
        "CODEINE PHOSPHATE",
    )


def test_bad_rows_are_reported_and_their_products_left_out_whole(reading):
    problems = {(p.file, p.line): p.reason for p in reading.problems}
    assert set(problems) == {
        ("drug.txt", 14),  # CLASS "Cosmetic"
        ("drug.txt", 16),  # missing columns
        ("drug.txt", 17),  # saved as UTF-8
        ("ingred.txt", 21),  # missing columns: Halfload's second ingredient
        ("ther.txt", 15),  # "OPIOID" is no ATC code
    }
    assert "unknown class 'Cosmetic'" in problems[("drug.txt", 14)]
    assert "UTF-8" in problems[("drug.txt", 17)]
    assert "Halfload" in problems[("ingred.txt", 21)]
    assert "not an ATC code" in problems[("ther.txt", 15)]
    # never half-loaded: Halfload's first ingredient row was good, yet it is not read
    names = set(by_name(reading))
    assert not names & {"Halfload", "Badatc", "Weirdclass", "Codéinex"}


def test_proposal_normalises_salts_and_international_names(reading, knowledge):
    proposal = propose(reading, knowledge=knowledge)
    new = {name.name: name.ingredients for name in proposal.new_names}
    assert new["Norvatec-30"] == ("acetaminophen", "caffeine", "codeine")
    assert new["Movelix"] == ("naloxegol",)  # "NALOXEGOL (NALOXEGOL OXALATE)"
    assert new["Naproflex"] == ("naproxen",)  # "NAPROXEN SODIUM"
    assert new["Doulève"] == ("codeine", "aspirin")  # "ACETYLSALICYLIC ACID"
    assert "Sertiva" not in new  # sertraline: nothing in our groups
    assert all(name.region == "ca" for name in proposal.new_names)
    joins = {(join.ingredient, join.group) for join in proposal.joins}
    assert joins == {("naloxegol", "opioid-antagonist"), ("naloxone", "naloxone")}


def _extract(**files: bytes):
    def opener(name: str):
        if name not in files:
            raise FileError(f"no {name}")
        return io.BytesIO(files[name])

    return opener


def test_a_product_whose_ingredient_count_disagrees_is_left_out(classes):
    opener = _extract(
        **{
            "drug.txt": b'"1","","Human","02000001","TWOPART","","N","","2","x"\r\n',
            "ingred.txt": b'"1","10","CODEINE PHOSPHATE","","30"\r\n',
            "ther.txt": b'"1","N02AA59","CODEINE, COMBINATIONS"\r\n',
            "status.txt": b'"1","Y","MARKETED"\r\n',
        }
    )
    reading = dpd.read_extract(opener, classes=classes)
    assert reading.products == []
    assert "NUMBER_OF_AIS says 2" in reading.problems[0].reason


def test_an_unclosed_quote_is_a_bad_row(classes):
    opener = _extract(
        **{
            "drug.txt": b'"1","","Human","02000001","OPENQUOTE\r\n"2","","Human","02000002","FINE"\r\n',
            "ingred.txt": b'"1","10","CODEINE PHOSPHATE"\r\n"2","10","CODEINE PHOSPHATE"\r\n',
            "ther.txt": b'"1","N02AA59","CODEINE"\r\n"2","N02AA59","CODEINE"\r\n',
            "status.txt": b'"1","Y","MARKETED"\r\n"2","Y","MARKETED"\r\n',
        }
    )
    reading = dpd.read_extract(opener, classes=classes)
    assert [p.name for p in reading.products] == ["Fine"]
    assert [(p.file, p.line) for p in reading.problems] == [("drug.txt", 1)]


def test_a_folder_without_the_four_files_is_refused(tmp_path, classes):
    (tmp_path / "drug.txt").write_bytes(b'"1","","Human","02000001","X"\r\n')
    with pytest.raises(FileError, match="ingred.txt"):
        dpd.read_extract_dir(tmp_path, classes=classes)


def test_a_quoted_field_may_hold_a_line_break(classes):
    opener = _extract(
        **{
            "drug.txt": b'"1","","Human","02000001","TWOLINE","a note\r\non two lines","N"\r\n',
            "ingred.txt": b'"1","10","CODEINE PHOSPHATE"\r\n',
            "ther.txt": b'"1","N02AA59","CODEINE,\r\nCOMBINATIONS"\r\n',
            "status.txt": b'"1","Y","MARKETED"\r\n',
        }
    )
    reading = dpd.read_extract(opener, classes=classes)
    assert reading.problems == []
    assert [(p.name, p.groups) for p in reading.products] == [
        ("Twoline", (("opioid", "ATC N02AA59"),))
    ]


def _as_utf8(data: bytes) -> bytes:
    """A sample file as Health Canada has saved its extract since 2025: UTF-8 (each line read as
    latin-1 first; the one line the sample saved as UTF-8 already stays as it is)."""
    lines = []
    for line in data.split(b"\n"):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            line = line.decode("cp1252").encode("utf-8")
        lines.append(line)
    return b"\n".join(lines)


def test_an_extract_saved_as_utf8_is_read_and_a_latin1_line_in_it_is_a_bad_row(classes):
    files = {name: _as_utf8((SAMPLES / "dpd" / name).read_bytes()) for name in dpd.FILES}
    files["drug.txt"] = b"\xef\xbb\xbf" + files["drug.txt"]  # as Windows tools save UTF-8
    drug_lines = files["drug.txt"].split(b"\n")
    drug_lines[5] = drug_lines[5].replace(b"NAXOSPRAY", "NAXOSPRAÿ".encode("latin-1"))
    assert b"NAXOSPRA\xff" in drug_lines[5]
    files["drug.txt"] = b"\n".join(drug_lines)
    reading = dpd.read_extract(_extract(**files), classes=classes)
    names = set(by_name(reading))
    # the accented names are read right, and the record after the byte-order mark too
    assert {"Doulève", "Norvatec-30"} <= names
    problems = {(p.file, p.line): p.reason for p in reading.problems}
    assert ("drug.txt", 17) not in problems  # Codéinex's UTF-8 is right in this file
    assert "saved as latin-1, not UTF-8" in problems[("drug.txt", 6)]
    assert "Naxospray" not in {name.casefold() for name in names}
    assert not {name for name in names if name.startswith("Naxospra")}
