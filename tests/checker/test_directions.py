"""Directions are not unread parts: "levothyroxine 75 mcg before breakfast", "LDN for MS",
"fentanyl patch, change every 3 days" are read in full, while a real unread word still shows
and a medicine named inside a direction is still read (tests/checker/lists/directions.tsv,
written from pharmacy labels and patients' own lists before the matcher learned the words)."""

import csv
from pathlib import Path

import pytest

from tests.checker.knowledge import knowledge

LIST = Path(__file__).parent / "lists" / "directions.tsv"


def rows() -> list[dict[str, str]]:
    with LIST.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def read(*entries: str):
    return knowledge().read(*entries)


def test_the_list_is_long_enough_to_mean_something():
    assert len(rows()) >= 70


def test_every_entry_with_directions_is_read_in_full():
    listed = rows()
    problems = [
        f"{row['entry']!r}: {finding.severity}, unread {finding.match.unmatched}, "
        f"read as {finding.match.ingredients}"
        for row, finding in zip(listed, read(*(row["entry"] for row in listed)), strict=True)
        if finding.match.unmatched
        or finding.severity == "unknown"
        or row["expect_ingredient"] not in finding.match.ingredients
    ]
    assert problems == []


def test_the_opioids_among_them_still_warn_as_opioids():
    listed = [row for row in rows() if "opioid" in row["note"]]
    assert len(listed) >= 6
    for row, finding in zip(listed, read(*(row["entry"] for row in listed)), strict=True):
        assert finding.is_opioid and finding.severity == "avoid", row["entry"]


@pytest.mark.parametrize(
    ("entry", "opioid"),
    [
        ("cough syrup for kids with codeine", "codeine"),
        ("LDN, but before that oxycodone for my back", "oxycodone"),
        ("ibuprofen for pain after tramadol", "tramadol"),
        ("Tylenol for a headache after hydrocodne", "hydrocodone"),
    ],
)
def test_a_medicine_named_in_a_direction_is_still_read(entry, opioid):
    (finding,) = read(entry)
    assert opioid in finding.match.ingredients
    assert finding.is_opioid


@pytest.mark.parametrize(
    "entry", ["metformin zorblax 500 mg", "metformin 500 mg with zorblax before breakfast"]
)
def test_a_word_we_cannot_read_still_shows_outside_a_direction(entry):
    (finding,) = read(entry)
    assert "zorblax" in " ".join(finding.match.unmatched)
    assert finding.severity == "unknown"  # metformin alone would be "none"


def test_directions_alone_are_not_a_medicine():
    (finding,) = read("twice a day before breakfast")
    assert not finding.match.recognized
    assert finding.severity == "unknown"
