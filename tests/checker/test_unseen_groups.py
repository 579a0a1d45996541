"""Two more lists written by people who had not seen the checker's data (tests/checker/lists):
the other things that matter with naltrexone, in 20 languages, and what Spanish-speaking
patients type. Each row names what the checker must find; the rows it does not, on purpose,
are named below with the reason."""

import csv
from pathlib import Path

import pytest

from checker.rules import OPIOID
from tests.checker.knowledge import knowledge

LISTS = Path(__file__).parent / "lists"
NAMES = ("unseen_groups.tsv", "unseen_spanish.tsv")
# What each expect means: one of these warnings fires.
GROUPS = {
    "alcohol": {"alcohol"},
    "disulfiram": {"disulfiram"},
    "thioridazine": {"thioridazine"},
    "naltrexone": {
        "naltrexone",
        "naltrexone-full-dose",
        "naltrexone-shot",
        "naltrexone-bupropion",
        "naltrexone-sealed",
    },
    "antagonist": {"opioid-antagonist", "naloxone"},
    "acamprosate": {"acamprosate"},
    "yohimbine": {"yohimbine"},
    "sedative": {"sedative"},
    "nsaid": {"nsaid"},
}
NOT_FOUND_ON_PURPOSE = {
    "Lyrica 75mg": "pregabalin is not in the sedative group (checker/data/ingredients.yaml)",
    "gabapentin 300mg TID": "gabapentin is not in the sedative group",
    "Flexeril": "cyclobenzaprine is not in the sedative group",
    "thuốc ngủ": "'sleeping pill' in Vietnamese: a kind of medicine, not a name",
    "ยานอนหลับ": "'sleeping pill' in Thai: a kind of medicine, not a name",
}


def rows() -> list[dict[str, str]]:
    found = []
    for name in NAMES:
        lines = [
            line
            for line in (LISTS / name).read_text(encoding="utf-8").splitlines()
            if line[:1] != "#"
        ]
        found += csv.DictReader(lines, delimiter="\t")
    return found


@pytest.fixture(scope="module")
def read():
    entries = [row["entry"] for row in rows()]
    return dict(zip(entries, knowledge().read(*entries), strict=True))


def groups_of(finding) -> set[str]:
    found = set(finding.groups)
    for other in finding.alternatives:
        found |= set(other.groups)
    return found


def test_the_lists_are_long_and_cover_every_warning():
    assert len(rows()) >= 450
    assert {row["expect"] for row in rows()} >= {*GROUPS, "opioid", "not_medicine"}


def test_every_row_finds_its_warning_but_those_named(read):
    missed = [
        row["entry"]
        for row in rows()
        if row["expect"] in GROUPS and not groups_of(read[row["entry"]]) & GROUPS[row["expect"]]
    ]
    assert sorted(missed) == sorted(NOT_FOUND_ON_PURPOSE)


def test_every_opioid_warns_in_full(read):
    opioids = [row["entry"] for row in rows() if row["expect"] == "opioid"]
    assert len(opioids) >= 150
    missed = [
        entry
        for entry in opioids
        if not (read[entry].severity == "avoid" and OPIOID in read[entry].groups)
    ]
    assert missed == []


def test_no_other_medicine_or_drink_warns_as_an_opioid_and_each_is_read(read):
    others = [
        row["entry"]
        for row in rows()
        if row["expect"] not in {"opioid", "not_medicine"}
        and row["entry"] not in NOT_FOUND_ON_PURPOSE
    ]
    # (antagonist rows such as Targin hold an opioid and are opioid rows on the list)
    assert [entry for entry in others if read[entry].is_opioid] == []
    assert [entry for entry in others if not read[entry].match.recognized] == []


def test_no_everyday_word_warns_as_an_opioid(read):
    words = [row["entry"] for row in rows() if row["expect"] == "not_medicine"]
    assert [entry for entry in words if read[entry].is_opioid] == []
