"""Naltrexone typed with its dose is read at that dose: 25, 50, 100 or 150 mg is the full-dose
medicine (not LDN, "Ask your doctor first"), 380 mg is the monthly shot, and 1.5 to 4.5 mg is
LDN itself, whatever dosing words come after the strength."""

import pytest

from tests.checker.knowledge import knowledge


def read(entry: str):
    (finding,) = knowledge().read(entry)
    return finding


@pytest.mark.parametrize(
    "entry",
    [
        "naltrexone 50 mg daily",
        "naltrexone 50 mg tablets once a day",
        "Naltrexone HCl 50mg 1 tab po qd",
        "naltrexone 25 mg",
        "naltrexone 100 mg every other day",
        "naltrexone 150mg",
    ],
)
def test_naltrexone_at_a_full_dose_is_not_read_as_ldn(entry):
    finding = read(entry)
    assert "naltrexone-full-dose" in finding.groups
    assert finding.severity == "caution"
    assert not finding.match.unmatched


def test_naltrexone_380_mg_is_the_monthly_shot():
    finding = read("naltrexone 380 mg injection")
    assert "naltrexone-shot" in finding.groups
    assert finding.severity == "caution"


@pytest.mark.parametrize("entry", ["naltrexone 4.5 mg at night", "naltrexone 3mg", "LDN 1.5 mg"])
def test_naltrexone_at_an_ldn_dose_is_ldn(entry):
    finding = read(entry)
    assert finding.groups == ("naltrexone",)
    assert finding.severity == "info"
