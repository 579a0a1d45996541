"""Issue 11's "Done when", on the lists written for it before the matcher changed
(tests/checker/own_lists/): no typo of a real non-opioid medicine is answered "none" (a guess
is a question); every typo of an opioid warns as an opioid; among nonsense and everyday words,
nothing is recognised that was not before (and what was, only as "not taken" or a guess).
The whole lists run on the real data files (no database); a sample runs through the API."""

from pathlib import Path

import pytest

from checker.rules import OPIOID
from tests.checker.knowledge import knowledge

LISTS = Path(__file__).parent / "own_lists"


def rows(name: str) -> list[list[str]]:
    lines = (LISTS / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def findings(entries):
    return knowledge().read(*entries)


def warns_as_opioid(finding) -> bool:
    return finding.severity == "avoid" and OPIOID in finding.groups


def test_the_lists_are_as_long_as_the_issue_asks():
    assert len(rows("typos_non_opioid.tsv")) >= 200
    assert len(rows("typos_opioid.tsv")) >= 100
    assert len(rows("not_medicines.txt")) >= 100


def test_no_typo_of_a_non_opioid_medicine_is_answered_none():
    typos = [row[0] for row in rows("typos_non_opioid.tsv")]
    answered_none = [f.match.input for f in findings(typos) if f.severity == "none"]
    assert answered_none == []


def test_a_typo_of_a_non_opioid_medicine_is_read_as_an_opioid_only_beside_its_own_name():
    """A typo as close to an opioid's name as to the medicine meant ("diovin": Diovan or
    dionin, an old name of ethylmorphine) offers both, and the opioid answers until the
    patient picks: never the opioid alone."""
    rows_ = rows("typos_non_opioid.tsv")
    for finding, (typo, _meant) in zip(findings([r[0] for r in rows_]), rows_, strict=True):
        if finding.is_opioid:
            others = [a for a in finding.alternatives if not a.is_opioid]
            assert others, typo
            assert "Which do you mean?" in finding.explanation, typo


def test_every_typo_of_an_opioid_warns_as_an_opioid():
    typos = [row[0] for row in rows("typos_opioid.tsv")]
    missed = [f.match.input for f in findings(typos) if not warns_as_opioid(f)]
    assert missed == []


def test_nothing_that_is_no_medicine_is_recognised_that_was_not_before():
    before = {row[0] for row in rows("not_medicines_recognised_before.tsv")}
    entries = [row[0] for row in rows("not_medicines.txt")]
    recognised = {f.match.input for f in findings(entries) if f.match.recognized}
    assert recognised - before == set()


def test_what_was_read_as_an_opioid_before_is_now_never_read_as_taken():
    """ "no codeine", "Fenty Beauty foundation": not read as taken, and never "none". A
    look-alike with only form words beside it ("Fenty skin cream") is at most a question
    ("Did you mean fentanyl?"), which still warns."""
    before = [row[0] for row in rows("not_medicines_recognised_before.tsv")]
    for finding in findings(before):
        typed = finding.match.input
        if finding.is_opioid:
            assert finding.match.is_guess, typed
            assert "Did you mean fentanyl?" in finding.explanation, typed
        elif not finding.match.recognized:
            assert finding.severity == "unknown", typed
    unread = {f.match.input for f in findings(before) if not f.match.recognized}
    assert {"no codeine", "codeine-free cough syrup", "Fenty Beauty foundation"} <= unread
    assert {"not taking oxycodone", "heroine of the story", "jarabe sin codeina"} <= unread


@pytest.mark.django_db
def test_a_sample_of_each_list_through_the_api(client):
    non_opioid = [row[0] for row in rows("typos_non_opioid.tsv")][::25]
    opioid = [row[0] for row in rows("typos_opioid.tsv")][::10]
    response = client.post(
        "/api/check", {"medications": non_opioid + opioid}, content_type="application/json"
    )
    results = response.json()["results"]
    assert [r["input"] for r in results] == non_opioid + opioid
    assert all(r["severity"] != "none" for r in results[: len(non_opioid)])
    assert all(
        r["severity"] == "avoid" and "opioid" in r["groups"] for r in results[len(non_opioid) :]
    )
