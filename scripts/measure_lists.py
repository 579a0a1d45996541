"""How the checker does on the project's own test lists (tests/checker/lists/*.tsv).

    .venv/bin/python scripts/measure_lists.py                  # every list
    .venv/bin/python scripts/measure_lists.py --list policy_cases --misses 100
    .venv/bin/python scripts/measure_lists.py --save before.json   # keep each entry's outcome
    .venv/bin/python scripts/measure_lists.py --compare before.json  # what changed since then

The lists were written before anyone tuned the checker or added names for issues 11 and 12, so
they measure the checker from the outside. Each entry goes through `manage.py checkmeds --json`
(called in this process, one entry at a time, so one entry cannot change another's reading) on a
throwaway SQLite database made by `migrate` (plus `load_content` or `load_checker_seed` when the
project has them), with DJANGO_DEBUG=1 and an in-memory cache, so nothing shared is touched.

What each list expects (a literal "\\n" in an entry is a line break, as pasted from a list):
- international.tsv: rows with opioid=yes warn as an opioid (severity "avoid" with the "opioid"
  group, on the entry or on one of its `parts`); rows with opioid=no show no opioid group in any
  reading. Also reported: how many read every ingredient in expect_ingredients (extra
  ingredients allowed, since a box may hold more than the list names), and how many the
  checker recognised at all.
- typos_non_opioid.tsv: never severity "none" (a guess is a question), on the entry or a part.
- typos_opioid.tsv: each warns as an opioid.
- not_medicines.tsv: not recognised as a medicine (recognized false, no part recognised).
- policy_cases.tsv: every `;`-joined item of `expect` holds:
    parts=N       the result carries `parts` with N products
    one_reading   recognised, and not split into two or more `parts`
    two_meanings  `alternatives` (with the entry's own reading) holds two or more readings
    unmatched     a non-empty `unmatched` list (on the entry or a part)
    not_opioid    no reading (entry, parts, alternatives) has the "opioid" group
    opioid        warns as an opioid
    antagonist    a reading with a group whose slug contains "antagonist", at "avoid" or "caution"
    naltrexone    naltrexone among the ingredients of some reading
    naloxone      naloxone among the ingredients of some reading
  A field the checker does not return yet counts as absent, and an item this script does not
  know is reported as missed: the script never fails on what the checker cannot do yet.

It is a measurement, not a test: it exits 0 unless --strict is given and something was missed.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LISTS = ROOT / "tests" / "checker" / "lists"
LIST_NAMES = (
    "international",
    "typos_non_opioid",
    "typos_opioid",
    "not_medicines",
    "policy_cases",
)
SERIOUS = ("avoid", "caution")


# --- Reading the lists ------------------------------------------------------------------------


def load(name: str) -> list[dict]:
    with (LISTS / f"{name}.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        row["entry"] = row["entry"].replace("\\n", "\n")
    return rows


# --- Running the checker --------------------------------------------------------------------


def set_up_django(tmp: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "ldn_site.settings"
    os.environ["DJANGO_DEBUG"] = "1"
    os.environ["DJANGO_HTTPS"] = "0"
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'db.sqlite3'}"
    os.environ["DJANGO_CACHE_URL"] = "locmem://"
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command, get_commands

    django.setup()
    quiet = io.StringIO()
    call_command("migrate", interactive=False, verbosity=0, stdout=quiet)
    commands = get_commands()
    for loader in ("load_content", "load_checker_seed"):
        if loader in commands:
            call_command(loader, stdout=quiet, stderr=quiet)
            break


def check(entry: str) -> dict:
    """One entry through `checkmeds --json`, as its first (only) result."""
    from django.core.management import call_command

    out = io.StringIO()
    try:
        if entry.startswith("-"):
            # A leading dash would be taken for an option; read it from "standard input".
            call_command("checkmeds", "-", json=True, stdout=out, stdin=io.StringIO(entry + "\n"))
        else:
            call_command("checkmeds", entry, json=True, stdout=out)
        return json.loads(out.getvalue())["results"][0]
    except Exception as error:  # noqa: BLE001 - a crash is a finding, not a reason to stop
        return {"error": f"{type(error).__name__}: {error}"}


# --- Looking at a result --------------------------------------------------------------------


def parts(result: dict) -> list[dict]:
    return [p for p in result.get("parts") or [] if isinstance(p, dict)]


def alternatives(result: dict) -> list[dict]:
    return [a for a in result.get("alternatives") or [] if isinstance(a, dict)]


def readings(result: dict) -> list[dict]:
    return [result, *parts(result), *alternatives(result)]


def is_opioid_warning(reading: dict) -> bool:
    return reading.get("severity") == "avoid" and "opioid" in (reading.get("groups") or [])


def warns_opioid(result: dict) -> bool:
    return any(is_opioid_warning(r) for r in [result, *parts(result)])


def any_opioid_group(result: dict) -> bool:
    return any("opioid" in (r.get("groups") or []) for r in readings(result))


def ingredients_read(result: dict) -> set[str]:
    return {i for r in [result, *parts(result)] for i in r.get("ingredients") or []}


def recognised(result: dict) -> bool:
    return bool(result.get("recognized")) or any(p.get("recognized") for p in parts(result))


def shown(result: dict) -> str:
    """How the checker read an entry, in one short line for a list of misses."""
    if "error" in result:
        return f"ERROR {result['error']}"
    text = f"{'+'.join(result.get('ingredients') or []) or '-'} [{result.get('severity')}]"
    if result.get("match") == "fuzzy":
        text += f" guessed {result.get('matched_name')!r}"
    if result.get("unmatched"):
        text += f" unmatched={result['unmatched']}"
    if parts(result):
        text += " parts=" + ",".join(
            f"{'+'.join(p.get('ingredients') or []) or '-'}[{p.get('severity')}]"
            for p in parts(result)
        )
    if alternatives(result):
        text += " alternatives=" + ",".join(
            "+".join(a.get("ingredients") or []) or "-" for a in alternatives(result)
        )
    return text


# --- The policy vocabulary ------------------------------------------------------------------


def _has_ingredient(name: str):
    return lambda r: any(name in (x.get("ingredients") or []) for x in readings(r))


def _antagonist(result: dict) -> bool:
    return any(
        reading.get("severity") in SERIOUS
        and any("antagonist" in group for group in reading.get("groups") or [])
        for reading in [result, *parts(result)]
    )


def _two_meanings(result: dict) -> bool:
    seen = {tuple(sorted(a.get("ingredients") or [])) for a in alternatives(result)}
    if seen:
        seen.add(tuple(sorted(result.get("ingredients") or [])))
    return len(seen) >= 2


EXPECTATIONS = {
    "one_reading": lambda r: bool(r.get("recognized")) and len(parts(r)) < 2,
    "two_meanings": _two_meanings,
    "unmatched": lambda r: any(x.get("unmatched") for x in [r, *parts(r)]),
    "not_opioid": lambda r: "error" not in r and not any_opioid_group(r),
    "opioid": warns_opioid,
    "antagonist": _antagonist,
    "naltrexone": _has_ingredient("naltrexone"),
    "naloxone": _has_ingredient("naloxone"),
}


def meets(result: dict, item: str) -> bool | None:
    """True/False for a known expectation item, None for one this script does not know."""
    if "error" in result:
        return False
    wanted = re.fullmatch(r"parts=(\d+)", item)
    if wanted:
        return len(parts(result)) == int(wanted.group(1))
    test = EXPECTATIONS.get(item)
    return None if test is None else bool(test(result))


# --- Measures, one per list -----------------------------------------------------------------


class Measure:
    """One line of figures: how many of `total` entries met `label`, and the misses."""

    def __init__(self, label: str):
        self.label = label
        self.met: list[str] = []
        self.missed: list[tuple[str, str]] = []

    def add(self, entry: str, ok: bool, why: str) -> None:
        (self.met.append(entry) if ok else self.missed.append((entry, why)))

    def line(self) -> str:
        return f"{self.label}: {len(self.met)}/{len(self.met) + len(self.missed)}"


def measure(name: str, rows: list[dict], results: list[dict]) -> list[Measure]:
    pairs = list(zip(rows, results, strict=True))
    if name == "international":
        opioid = Measure("opioids read as opioid")
        ingredients = Measure("opioid rows reading every expected ingredient")
        non_opioid = Measure("non-opioids not read as opioid")
        non_recognised = Measure("non-opioids recognised at all")
        non_ingredients = Measure("non-opioid rows reading every expected ingredient")
        by_region: dict[str, Measure] = {}
        for row, result in pairs:
            entry, why = row["entry"], shown(result)
            expected = {i for i in row["expect_ingredients"].split("+") if i}
            if row["opioid"] == "yes":
                opioid.add(entry, warns_opioid(result), why)
                region = row["region"] or "us"
                by_region.setdefault(region, Measure(f"  opioids read as opioid, region {region}"))
                by_region[region].add(entry, warns_opioid(result), why)
                if expected:
                    missing = expected - ingredients_read(result)
                    ingredients.add(entry, not missing, f"{why} lacks {'+'.join(sorted(missing))}")
            else:
                non_opioid.add(entry, "error" not in result and not any_opioid_group(result), why)
                non_recognised.add(entry, recognised(result), why)
                if expected:
                    missing = expected - ingredients_read(result)
                    non_ingredients.add(
                        entry, not missing, f"{why} lacks {'+'.join(sorted(missing))}"
                    )
        regions = [by_region[r] for r in sorted(by_region)]
        return [opioid, *regions, ingredients, non_opioid, non_recognised, non_ingredients]
    if name == "typos_non_opioid":
        never_none = Measure('non-opioid typos never answered "none"')
        named = Measure("(for information) the guess named the intended medicine")
        alarms = Measure("(for information) typos NOT read as an opioid")
        for row, result in pairs:
            entry, why = row["entry"], shown(result)
            ok = "error" not in result and all(
                r.get("severity") != "none" for r in [result, *parts(result)]
            )
            never_none.add(entry, ok, why)
            intended = row["intended"].lower()
            named.add(
                entry,
                str(result.get("matched_name") or "").lower() == intended
                or intended in ingredients_read(result),
                f"{why}; intended {row['intended']}",
            )
            alarms.add(entry, not any_opioid_group(result), why)
        return [never_none, named, alarms]
    if name == "typos_opioid":
        opioid = Measure("opioid typos read as opioid")
        for row, result in pairs:
            opioid.add(
                row["entry"], warns_opioid(result), f"{shown(result)}; intended {row['intended']}"
            )
        return [opioid]
    if name == "not_medicines":
        not_read = Measure("not-medicines left unrecognised")
        no_opioid = Measure("not-medicines not read as an opioid")
        for row, result in pairs:
            why = shown(result)
            not_read.add(row["entry"], "error" not in result and not recognised(result), why)
            no_opioid.add(row["entry"], "error" not in result and not any_opioid_group(result), why)
        return [not_read, no_opioid]
    if name == "policy_cases":
        whole = Measure("policy cases meeting every expectation")
        per_item: dict[str, Measure] = {}
        for row, result in pairs:
            failed = []
            for item in (i.strip() for i in row["expect"].split(";") if i.strip()):
                verdict = meets(result, item)
                key = "parts=N" if item.startswith("parts=") else item
                per_item.setdefault(key, Measure(f"  expectation {key}"))
                if verdict is None:
                    failed.append(f"{item} (not an expectation this script knows)")
                elif not verdict:
                    failed.append(item)
                per_item[key].add(row["entry"], bool(verdict), shown(result))
            whole.add(row["entry"], not failed, f"{shown(result)}; failed {';'.join(failed)}")
        return [whole, *(per_item[k] for k in sorted(per_item))]
    raise ValueError(name)


# --- Main -----------------------------------------------------------------------------------


def commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    branch = git("rev-parse", "--abbrev-ref", "HEAD")
    dirty = " + uncommitted changes" if git("status", "--porcelain", "--", ".") else ""
    return f"{head} ({branch}){dirty}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="append", choices=LIST_NAMES, help="only these lists")
    parser.add_argument("--misses", type=int, default=40, help="misses to show per line")
    parser.add_argument("--save", metavar="PATH", help="write each entry's outcome as JSON")
    parser.add_argument("--compare", metavar="PATH", help="show what changed since a --save")
    parser.add_argument("--strict", action="store_true", help="exit 1 if anything was missed")
    options = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="ldn-measure-lists-"))
    try:
        set_up_django(tmp)
        print(f"# Checker on its own test lists, {date.today().isoformat()}, commit {commit()}")
        outcomes: dict[str, dict[str, bool]] = {}
        anything_missed = False
        for name in options.list or LIST_NAMES:
            rows = load(name)
            results = [check(row["entry"]) for row in rows]
            print(f"\n## {name}.tsv: {len(rows)} entries")
            for figure in measure(name, rows, results):
                per_item = figure.label.startswith("  ")
                print(figure.line() + (";" if figure.missed and not per_item else ""))
                if not per_item and not figure.label.startswith("("):
                    anything_missed |= bool(figure.missed)
                    for entry, _ in figure.missed:
                        outcomes.setdefault(figure.label, {})[entry] = False
                    for entry in figure.met:
                        outcomes.setdefault(figure.label, {})[entry] = True
                if figure.missed and not per_item:
                    shown_misses = figure.missed[: options.misses]
                    more = len(figure.missed) - len(shown_misses)
                    print(f"  missed ({len(figure.missed)}):")
                    for entry, why in shown_misses:
                        print(f"    {entry!r} -> {why}")
                    if more:
                        print(f"    ... and {more} more (--misses {len(figure.missed)})")
        if options.save:
            Path(options.save).write_text(json.dumps(outcomes, indent=1, ensure_ascii=False))
            print(f"\nSaved each entry's outcome to {options.save}")
        if options.compare:
            before = json.loads(Path(options.compare).read_text())
            print(f"\n## Changes since {options.compare}")
            changed = False
            for label, now in outcomes.items():
                then = before.get(label, {})
                worse = [e for e, ok in now.items() if then.get(e) is True and not ok]
                better = [e for e, ok in now.items() if then.get(e) is False and ok]
                if worse or better:
                    changed = True
                    print(f"{label}: {len(better)} now met, {len(worse)} now MISSED")
                    for entry in worse:
                        print(f"    now missed: {entry!r}")
            if not changed:
                print("Nothing changed.")
        return 1 if options.strict and anything_missed else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
