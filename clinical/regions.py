"""The clinic's region: its emergency numbers, the names its patients know, its English.

    region = current()          # staff's choice in Clinic settings, else DJANGO_CLINIC_REGION
    region.emergency            # "Call 999 or go to A&E."
    region.display_name("acetaminophen")  -> "paracetamol" in the UK
    in_language(region, "es")   # its sentences in Spanish (clinical/data/es/regions.yaml)

The facts are in clinical/data/regions.yaml (read once per process: it ships with the release).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from clinical.datafiles import ROOT, DataError

REGIONS_FILE = ROOT / "clinical" / "data" / "regions.yaml"
DEFAULT = "us"


@dataclass(frozen=True)
class RegionInfo:
    code: str
    country: str
    locale: str
    emergency: str
    urgent: str = ""
    numbers: tuple[str, ...] = ()
    names: dict[str, str] = field(default_factory=dict)

    def display_name(self, ingredient: str) -> str:
        return self.names.get(ingredient, ingredient)


def read_regions(path: Path = REGIONS_FILE) -> dict[str, RegionInfo]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    regions = {}
    for code, row in data.items():
        if not isinstance(row, dict) or set(row) - {
            "country",
            "locale",
            "emergency",
            "urgent",
            "numbers",
            "names",
        }:
            raise DataError(path, None, f"region {code!r}: unknown or missing fields")
        info = RegionInfo(
            code=str(code),
            country=str(row["country"]),
            locale=str(row["locale"]),
            emergency=str(row["emergency"]).strip(),
            urgent=str(row.get("urgent") or "").strip(),
            numbers=tuple(str(n) for n in row.get("numbers") or ()),
            names={str(k): str(v) for k, v in (row.get("names") or {}).items()},
        )
        said = f"{info.emergency} {info.urgent}"
        missing = [number for number in info.numbers if number not in said]
        if not info.emergency or missing:
            raise DataError(path, None, f"region {code!r}: its sentences do not name {missing}")
        regions[info.code] = info
    return regions


@functools.cache
def regions() -> dict[str, RegionInfo]:
    return read_regions()


def get(code: str) -> RegionInfo:
    return regions().get(code) or regions()[DEFAULT]


def server_default() -> str:
    from django.conf import settings

    return getattr(settings, "CLINIC_REGION", DEFAULT)


def current(clinic=None) -> RegionInfo:
    """Staff's choice in Clinic settings if they made one, else the server's setting."""
    if clinic is None:
        from clinical.models import ClinicSettings

        clinic = ClinicSettings.load()
    return get(clinic.region or server_default())


SENTENCES = ("country", "emergency", "urgent")


def read_translations(language: str, english: dict[str, RegionInfo]) -> dict[str, dict]:
    """The sentences of each region in another language (clinical/data/<language>/regions.yaml),
    checked to name the same numbers as the English ones."""
    path = ROOT / "clinical" / "data" / language / "regions.yaml"
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    translated = {}
    for code, row in data.items():
        info = english.get(str(code))
        if info is None or not isinstance(row, dict) or set(row) - set(SENTENCES):
            raise DataError(path, None, f"region {code!r}: no such region, or unknown fields")
        texts = {name: str(row.get(name) or "").strip() for name in SENTENCES}
        said = f"{texts['emergency']} {texts['urgent']}"
        missing = [number for number in info.numbers if number not in said]
        if missing or bool(texts["urgent"]) != bool(info.urgent):
            raise DataError(path, None, f"region {code!r}: its sentences do not name {missing}")
        translated[info.code] = {name: value for name, value in texts.items() if value}
    return translated


@functools.cache
def _translations(language: str) -> dict[str, dict]:
    return read_translations(language, regions())


def in_language(region: RegionInfo, language: str | None) -> RegionInfo:
    """The region with its sentences in `language` (English where there is no translation)."""
    code = (language or "").split("-")[0]
    if not code or code == "en":
        return region
    texts = _translations(code).get(region.code)
    return replace(region, **texts) if texts else region
