"""A list of what patients type, written by someone who had not read the checker's data
(tests/checker/lists/unseen_world.tsv: 222 entries from 20 countries, a third with doses or
label directions): every opioid on it warns in full, and nothing else does."""

import csv
from pathlib import Path

import pytest

from checker.rules import OPIOID, evaluate
from tests.checker.knowledge import knowledge

LIST = Path(__file__).parent / "lists" / "unseen_world.tsv"


def rows() -> list[dict[str, str]]:
    lines = [line for line in LIST.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    return list(csv.DictReader(lines, delimiter="\t"))


def findings(entries):
    kb = knowledge()
    report = evaluate(
        matches=[kb.index.match(entry) for entry in entries],
        answers={},
        rules=kb.rules,
        questions=kb.questions,
    )
    return dict(zip(entries, report.findings_as_typed, strict=True))


def entries(expect: str) -> list[str]:
    return [row["entry"] for row in rows() if row["expect"] == expect]


def warns_in_full(finding) -> bool:
    return (
        finding.severity == "avoid"
        and finding.is_opioid
        and finding.urgent
        and OPIOID in finding.groups
    )


def test_the_list_is_long_and_mostly_opioids_from_everywhere():
    assert len(rows()) >= 200
    assert len(entries("opioid")) >= 120
    assert {row["expect"] for row in rows()} == {
        "opioid",
        "not_opioid",
        "antagonist",
        "not_medicine",
    }


def test_every_opioid_on_the_list_warns_in_full():
    missed = [entry for entry, f in findings(entries("opioid")).items() if not warns_in_full(f)]
    assert missed == []


@pytest.mark.parametrize("expect", ["not_opioid", "antagonist"])
def test_every_other_medicine_is_read_and_none_warns_as_an_opioid(expect):
    found = findings(entries(expect))
    assert [entry for entry, f in found.items() if not f.match.recognized] == []
    assert [entry for entry, f in found.items() if f.is_opioid] == []


def test_no_everyday_word_on_the_list_warns_as_an_opioid():
    found = findings(entries("not_medicine"))
    assert [entry for entry, f in found.items() if f.is_opioid] == []
