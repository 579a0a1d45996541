"""A tiny hand-built knowledge base for the importers' pure core, and the sample files.

The samples (tests/checker/import_samples/) are in the agencies' real formats with made-up
brand names; their README says what each row is for."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.importers.core import Knowledge, read_class_map
from checker.matching import NameRecord, build_index

SAMPLES = Path(__file__).resolve().parent.parent / "import_samples"
TODAY = date(2026, 12, 1)

OPIOIDS = [
    "oxycodone",
    "hydrocodone",
    "codeine",
    "buprenorphine",
    "pentazocine",
    "tramadol",
    "methadone",
    "butorphanol",
    "loperamide",
]
NSAIDS = ("ibuprofen", "naproxen", "aspirin")
OTHERS = [
    "acetaminophen",
    "naloxone",
    "methylnaltrexone",
    "naloxegol",
    "guaifenesin",
    "caffeine",
    "phenylephrine",
    "sertraline",
]
ALIASES = {"acetylsalicylic acid": "aspirin", "paracetamol": "acetaminophen"}
BRANDS = {"Norco": ("hydrocodone", "acetaminophen"), "Tylenol": ("acetaminophen",)}
GROUPS = frozenset({"opioid", "nsaid", "opioid-antagonist", "naloxone", "naltrexone"})


def make_knowledge(
    *,
    extra_records: tuple[NameRecord, ...] = (),
    extra_ingredients: dict[str, frozenset[str]] | None = None,
    groups: frozenset[str] = GROUPS,
    staff_names: frozenset[str] = frozenset(),
    staff_ingredients: frozenset[str] = frozenset(),
) -> Knowledge:
    ingredient_groups = {name: frozenset({"opioid"}) for name in OPIOIDS}
    ingredient_groups |= {name: frozenset({"nsaid"}) for name in NSAIDS}
    ingredient_groups |= {name: frozenset() for name in OTHERS}
    ingredient_groups |= extra_ingredients or {}
    records = [NameRecord(name=n, ingredients=(n,), kind="generic") for n in ingredient_groups]
    records += [NameRecord(name=a, ingredients=(i,), kind="alias") for a, i in ALIASES.items()]
    records += [NameRecord(name=b, ingredients=i, kind="brand") for b, i in BRANDS.items()]
    records += list(extra_records)
    return Knowledge(
        index=build_index(records),
        ingredient_groups=ingredient_groups,
        groups=groups,
        staff_names=staff_names,
        staff_ingredients=staff_ingredients,
        counts_as=read_class_map().counts_as,
    )


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return make_knowledge()


@pytest.fixture(scope="session")
def classes():
    return read_class_map()
