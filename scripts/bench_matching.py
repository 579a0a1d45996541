"""How fast the checker reads medicine names: per entry and per 20-entry list, on the real
knowledge base and on one grown tenfold with made-up names. Pure engine, no Django.

    make bench            (or: .venv/bin/python scripts/bench_matching.py [--rounds N])

Targets (issue 3): under 1 ms per entry, and under double when the base grows tenfold.
Exits with status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.datafiles import read_checker_data  # noqa: E402
from checker.matching import MatchIndex, NameRecord, build_index  # noqa: E402
from checker.rules import SourceRef, evaluate  # noqa: E402
from clinical.datafiles import read_sources  # noqa: E402

# The real knowledge base, straight from the data files (checker/data/, clinical/data/).
SOURCES = read_sources()
DATA = read_checker_data(source_keys={source.key for source in SOURCES})
REFS = {s.key: SourceRef(title=s.title, url=s.url, publisher=s.publisher) for s in SOURCES}

ENTRIES_FILE = ROOT / "tests" / "checker" / "realistic_entries.tsv"
_SYLLABLE_TEXT = (
    "ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko ku la le li lo lu ma me mi mo mu "
    "na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo "
    "xa xe xi za ze zi zo zu tra pro cla dex lor mor vex zol pril sar tin done cet zine mab"
)
SYLLABLES = _SYLLABLE_TEXT.split()


def realistic_entries() -> list[str]:
    entries = []
    for line in ENTRIES_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            entries.append(line.split("\t")[0])
    return entries


def grown_records(records: list[NameRecord], factor: int, seed: int = 7) -> list[NameRecord]:
    """The real records plus (factor - 1) times as many made-up names of similar shapes."""
    rng = random.Random(seed)
    ingredients = sorted({i for r in records for i in r.ingredients})
    extra: list[NameRecord] = []
    taken = {r.name.casefold() for r in records}
    while len(extra) < len(records) * (factor - 1):
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 5)))
        if rng.random() < 0.2:
            name += " " + "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))
        if name in taken:
            continue
        taken.add(name)
        chosen = tuple(rng.sample(ingredients, rng.choice((1, 1, 1, 2, 3))))
        extra.append(NameRecord(name=name, ingredients=chosen, kind=rng.choice(("brand", "alias"))))
    return records + extra


def build_timed(records: list[NameRecord]) -> tuple[MatchIndex, float]:
    started = time.perf_counter()
    index = build_index(records, words=DATA.words)
    return index, time.perf_counter() - started


def one_round(index: MatchIndex, entries: list[str], lists: list[list[str]]) -> dict:
    """One timed pass: every entry alone, then every 20-entry list through the rules too."""
    rules = DATA.group_rules(REFS)
    questions = DATA.question_list(REFS)
    singles = []
    started = time.perf_counter()
    for entry in entries:
        began = time.perf_counter()
        index.match(entry)
        singles.append(time.perf_counter() - began)
    per_entry = (time.perf_counter() - started) / len(entries)
    started = time.perf_counter()
    for chunk in lists:
        evaluate(
            matches=[index.match(entry) for entry in chunk],
            answers={"alcohol": True},
            rules=rules,
            questions=questions,
        )
    per_list = (time.perf_counter() - started) / len(lists)
    singles.sort()
    return {"entry": per_entry, "list": per_list, "p99": singles[int(len(singles) * 0.99)]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="timed passes over the entries")
    parser.add_argument("--factor", type=int, default=10, help="how many times to grow the base")
    args = parser.parse_args()

    entries = realistic_entries()
    lists = [entries[i : i + 20] for i in range(0, len(entries) - 19, 20)]
    records = DATA.name_records()
    base_index, base_build = build_timed(records)
    grown_index, grown_build = build_timed(grown_records(records, args.factor))
    for index in (base_index, grown_index):  # warm up once
        one_round(index, entries, lists)
    # Rounds alternate between the two, so a busy machine slows both alike; the fastest round
    # of each is the one least disturbed by other work.
    rounds: dict[str, list[dict]] = {"base": [], "grown": []}
    for _ in range(args.rounds):
        rounds["base"].append(one_round(base_index, entries, lists))
        rounds["grown"].append(one_round(grown_index, entries, lists))

    def summary(name: str, index: MatchIndex, build_seconds: float) -> dict[str, float]:
        return {
            "names": len(index.exact),
            "build_s": build_seconds,
            "entry_ms": min(r["entry"] for r in rounds[name]) * 1000,
            "list20_ms": min(r["list"] for r in rounds[name]) * 1000,
            "p99_entry_ms": statistics.median(r["p99"] for r in rounds[name]) * 1000,
        }

    base = summary("base", base_index, base_build)
    grown = summary("grown", grown_index, grown_build)

    print(f"Entries timed: {len(entries)} realistic entries, {args.rounds} rounds each")
    print("(per entry and per list: the fastest round; 99th percentile: the median round)\n")
    print(f"{'':28}{'real base':>14}{f'grown x{args.factor}':>14}{'ratio':>10}")
    rows = [
        ("names in the index", "names", "{:>14,.0f}"),
        ("index build (s)", "build_s", "{:>14.3f}"),
        ("per entry (ms)", "entry_ms", "{:>14.4f}"),
        ("per 20-entry list (ms)", "list20_ms", "{:>14.3f}"),
        ("99th percentile entry (ms)", "p99_entry_ms", "{:>14.3f}"),
    ]
    for label, key, fmt in rows:
        ratio = grown[key] / base[key] if base[key] else float("nan")
        print(f"{label:28}{fmt.format(base[key])}{fmt.format(grown[key])}{ratio:>9.2f}x")

    entry_ok = base["entry_ms"] < 1 and grown["entry_ms"] < 1
    growth_ok = grown["entry_ms"] < 2 * base["entry_ms"]
    print()
    print(f"target: under 1 ms per entry ............ {'met' if entry_ok else 'MISSED'}")
    print(
        f"target: under 2x when the base grows {args.factor}x .. {'met' if growth_ok else 'MISSED'}"
    )
    return 0 if entry_ok and growth_ok else 1


if __name__ == "__main__":
    sys.exit(main())
