"""What an official drug list says, compared with what the checker already knows. Pure Python.

    classes = read_class_map()                               # checker/data/official_classes.csv
    reading = ndc.read_product_file(path, classes=classes)  # or dpd.read_extract_dir(folder, ...)
    proposal = propose(reading, knowledge=Knowledge(index=..., ingredient_groups=..., groups=...))
    print("\\n".join(proposal.lines()))

A file never changes anything by itself. `propose` lists the changes it would make (new names,
new ingredients, an ingredient whose class puts it in a group), the points only a pharmacist can
decide, and the rows staff own that it leaves alone; the caller applies what is approved.

A name is proposed only when the checker would not already read it as the file's ingredients,
so the thousands of generic listings ("Oxycodone and Acetaminophen") add nothing.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import BinaryIO

from checker.matching import (
    MATCH_EXACT,
    Match,
    MatchIndex,
    everyday_words,
    name_key,
    normalise_entry,
)

CLASS_MAP_FILE = Path(__file__).resolve().parent.parent / "data" / "official_classes.csv"

MAX_LINE_BYTES = 64 * 1024  # a real row is under 2 KB; anything longer is not a row
MAX_NAME_LENGTH = 120  # the Name and Ingredient models' limit


# Salt, water and form words a substance is written with ("OXYCODONE HYDROCHLORIDE",
# "CODEINE PHOSPHATE HEMIHYDRATE"): removed from the end of a name, never from its first word,
# so "sodium chloride" stays itself.
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


SALT_WORDS = _words(
    """hydrochloride hcl dihydrochloride hydrobromide hbr bitartrate tartrate hemitartrate
    sulfate sulphate bisulfate hemisulfate phosphate citrate acetate maleate fumarate hemifumarate
    succinate mesylate dimesylate besylate besilate napsylate lactate pamoate tosylate oxalate
    bromide methylbromide methylsulfate chloride iodide nitrate malate l-malate tromethamine
    trometamol sodium potassium calcium magnesium hyclate hydrate hemihydrate monohydrate
    dihydrate trihydrate pentahydrate sesquihydrate anhydrous stearate palmitate decanoate
    gluconate terephthalate polistirex resinate base"""
)
_LEADING_WORDS = frozenset({"anhydrous"})
_SALT_ENDINGS = ("ate", "ide", "ite", "rex", "ium")

_SMALL_WORDS = frozenset({"with", "and", "of", "for", "in", "or", "w", "c", "con", "y", "de"})
# Short label words kept in capitals when a name in capitals is written in ordinary case.
_UPPER_WORDS = _words(
    "er sr cr xl xr la ir dr ds dh hc pm am ec mr cd xt odt hp es lp asa apap pe dm ac ex"
)
_VOWELS = frozenset("aeiouyàáâäèéêëìíîïòóôöùúûü")


# --- What a file says ----------------------------------------------------------------------


class FileError(ValueError):
    """The file as a whole cannot be read (no header, wrong kind of file, missing file)."""


@dataclass(frozen=True)
class Problem:
    """A row that could not be read. It is skipped whole, never loaded in part."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file} line {self.line}: {self.reason}"


@dataclass(frozen=True)
class Product:
    """One product as the file lists it, before its substances are matched to our ingredients."""

    name: str  # as a patient would type it: "Zolvane ER" (capitals of the file made ordinary)
    substances: tuple[str, ...]  # as the file writes them: ("OXYCODONE HYDROCHLORIDE",)
    groups: tuple[tuple[str, str], ...]  # (group slug, the file's class that says so)
    where: str  # "NDC 50090-001 (product.txt line 2)"
    schedule: str = ""  # "CII".."CV" (the NDC's DEASCHEDULE), or ""


@dataclass
class FileReading:
    """Everything one file (or one DPD extract) said that matters to the checker."""

    list_name: str  # "FDA NDC Directory"
    file_name: str  # "product.txt"
    region: str  # the names' region code in names.csv: "us", "ca"
    products: list[Product] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> rows

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1


# --- Reading lines safely ------------------------------------------------------------------


class TextError(ValueError):
    """A line whose bytes are not text in the file's encoding."""


def iter_lines(stream: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes without the line end); None for a line too long to be a row."""
    number = 0
    while True:
        raw = stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while True:  # skip the rest of the overlong line, in bounded pieces
                rest = stream.readline(MAX_LINE_BYTES)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
            continue
        yield number, raw.rstrip(b"\r\n")


LATIN1 = "latin-1"
UTF8 = "utf-8"
BOM = b"\xef\xbb\xbf"


def sniff_encoding(stream: BinaryIO) -> str:
    """LATIN1 or UTF8: how most of the file's lines with accented letters are saved. The FDA
    saves product.txt in latin-1 (Windows-1252); Health Canada moved its extract from latin-1
    to UTF-8 in 2025. A line saved the other way than the rest is then a bad row. The stream is
    read to its end; the caller opens it again or seeks back."""
    utf8 = latin1 = 0
    for number, raw in iter_lines(stream):
        if raw is None or raw.isascii():
            continue
        if number == 1 and raw.startswith(BOM):
            return UTF8
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            latin1 += 1
        else:
            utf8 += 1
    return UTF8 if utf8 > latin1 else LATIN1


def decode_line(raw: bytes, encoding: str = LATIN1) -> str:
    """The text of a line of a latin-1 file (Windows-1252, its superset, as the agencies save
    it) or of a UTF-8 file. TextError for bytes that are not: a line saved in the other
    encoding than the file, NUL bytes, undefined bytes."""
    if raw.isascii():
        if b"\x00" in raw:
            raise TextError(
                f"it has NUL bytes, so it is not {encoding} text (the file may be UTF-16)"
            )
        return raw.decode("ascii")
    try:
        as_utf8 = raw.decode("utf-8")
    except UnicodeDecodeError:
        as_utf8 = None
    if encoding == UTF8:
        if as_utf8 is None:
            raise TextError(
                "its accented letters are saved as latin-1, not UTF-8 like the rest of the "
                "file, so they would be read wrong"
            )
        text = as_utf8.removeprefix("\ufeff")
    else:
        if as_utf8 is not None:
            raise TextError(
                "its accented letters are saved as UTF-8, not latin-1 like the rest of the "
                "file, so they would be read wrong"
            )
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as error:
            raise TextError(f"byte {raw[error.start]:#04x} is not latin-1 text") from error
    if "\x00" in text:
        raise TextError(f"it has NUL bytes, so it is not {encoding} text (the file may be UTF-16)")
    return text


def check_length(value: str, what: str) -> str | None:
    """A reason when a value is too long to be a name, else None."""
    if len(value) > MAX_NAME_LENGTH:
        return f"the {what} is {len(value)} characters long (at most {MAX_NAME_LENGTH})"
    return None


# --- Classes -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClassMap:
    """Which of a list's classes put a product in one of our groups (official_classes.csv)."""

    ndc: Mapping[str, str]  # whole EPC/MoA value -> group slug
    atc: tuple[tuple[str, str], ...]  # ATC code prefix -> group slug, longest prefix first
    # group slug -> the groups an ingredient may already be in for a class of that group to be
    # explained: a row's group "opioid-antagonist|naloxone|naltrexone" proposes the first, and
    # naloxone (in its own group) is not proposed for the blocker group too.
    counts_as: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def ndc_groups(self, values: Iterable[str]) -> tuple[tuple[str, str], ...]:
        """(group, the first class that says so) for each group a whole value means; a value
        is never matched as a substring ("Opioid Agonist [EPC]" is inside "Partial ...")."""
        found: dict[str, str] = {}
        for value in values:
            group = self._ndc_folded.get(" ".join(value.split()).casefold())
            if group is not None:
                found.setdefault(group, value)
        return tuple(found.items())

    @cached_property
    def _ndc_folded(self) -> dict[str, str]:
        return {" ".join(value.split()).casefold(): group for value, group in self.ndc.items()}

    def atc_group(self, code: str) -> str | None:
        for prefix, group in self.atc:
            if code.startswith(prefix):
                return group
        return None


def read_class_map(path: Path = CLASS_MAP_FILE) -> ClassMap:
    """The group column is a slug, or slugs separated by "|": the first is the group the class
    means, the others groups an ingredient may be in instead."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    counts_as: dict[str, set[str]] = defaultdict(set)
    primary: list[tuple[str, str, str]] = []  # (list, class, group)
    for row in rows:
        slugs = [slug.strip() for slug in row["group"].split("|") if slug.strip()]
        counts_as[slugs[0]].update(slugs)
        primary.append((row["list"], row["class"].strip(), slugs[0]))
    ndc = {name: group for kind, name, group in primary if kind == "ndc"}
    atc = sorted(
        ((name.upper(), group) for kind, name, group in primary if kind == "atc"),
        key=lambda pair: -len(pair[0]),
    )
    return ClassMap(
        ndc=ndc,
        atc=tuple(atc),
        counts_as={group: frozenset(slugs) for group, slugs in counts_as.items()},
    )


# --- Names ---------------------------------------------------------------------------------


def display_name(raw: str) -> str:
    """A product name as patients write it: a name printed in capitals gets ordinary case
    ("TYLENOL WITH CODEINE NO. 3" -> "Tylenol with Codeine No. 3"); any other is kept."""
    name = " ".join(unicodedata.normalize("NFC", raw).split())
    if any(ch.islower() for ch in name):
        return name
    words = []
    for position, word in enumerate(name.split(" ")):
        if position and word.lower() in _SMALL_WORDS:
            words.append(word.lower())
            continue
        parts = re.split(r"([^\w]+)", word)
        words.append("".join(_ordinary_case(part) for part in parts))
    return " ".join(words)


def _ordinary_case(part: str) -> str:
    if not part.isalpha():
        return part.lower() if any(ch.isalpha() for ch in part) else part
    lower = part.lower()
    if lower in _UPPER_WORDS or (len(part) <= 3 and not set(lower) & _VOWELS):
        return part
    return part[0] + lower[1:]


def ingredient_name(raw: str, *, known: Mapping[str, str]) -> str:
    """The lowercase US generic name of a substance as a list writes it.

    "OXYCODONE HYDROCHLORIDE" -> "oxycodone"; "NALOXONE (NALOXONE HYDROCHLORIDE)" -> "naloxone";
    "ACETYLSALICYLIC ACID" -> "aspirin" (through `known`: every name key the checker reads as one
    ingredient, mapped to it). An unknown substance comes back without its salt words."""
    text = unicodedata.normalize("NFKC", raw).casefold()
    outside = re.sub(r"\([^)]*\)", " ", text)
    if outside.strip():
        text = outside
    words = text.replace(",", " ").split()
    if not words:
        return ""
    for candidate in (name_key(" ".join(words)),):
        if candidate in known:
            return known[candidate]
    while len(words) > 1 and words[0] in _LEADING_WORDS:
        words = words[1:]
    if words[0] not in SALT_WORDS:
        while len(words) > 1 and words[-1] in SALT_WORDS:
            words.pop()
    base = " ".join(words)
    key = name_key(base)
    if key in known:
        return known[key]
    # an unknown salt ("oxycodone myristate") of a known ingredient
    first = name_key(words[0])
    if (
        len(words) > 1
        and first in known
        and words[0] not in SALT_WORDS
        and all(word.endswith(_SALT_ENDINGS) for word in words[1:])
    ):
        return known[first]
    return base


# --- What the checker knows ----------------------------------------------------------------


@dataclass(frozen=True)
class Knowledge:
    """The checker's knowledge base as the comparison needs it."""

    index: MatchIndex  # the matcher over every name the checker reads
    ingredient_groups: Mapping[str, frozenset[str]]  # every ingredient -> its group slugs
    groups: frozenset[str]  # every group slug
    staff_names: frozenset[str] = frozenset()  # name keys staff edited, removed or turned down
    staff_ingredients: frozenset[str] = frozenset()  # ingredients whose groups staff set
    guard_phrases: frozenset[str] = frozenset()  # never a medicine: "nothing", "no opioids"
    counts_as: Mapping[str, frozenset[str]] = field(default_factory=dict)  # ClassMap.counts_as

    def explains(self, groups: Iterable[str], group: str) -> bool:
        """Whether an ingredient in these groups is already where a class of `group` puts it."""
        return bool(set(groups) & self.counts_as.get(group, frozenset({group})))

    @cached_property
    def known_substances(self) -> dict[str, str]:
        """Name key -> ingredient for every name that stands for one ingredient on its own
        (the ingredient, its salts, its UK, INN and Spanish names), for reading substances."""
        known: dict[str, str] = {}
        for record in self.index.records:
            if record.kind in ("generic", "alias", "uk") and len(record.ingredients) == 1:
                known.setdefault(name_key(record.name), record.ingredients[0])
        for ingredient in self.ingredient_groups:
            known[name_key(ingredient)] = ingredient
        return known


def _reading_ingredients(match: Match) -> frozenset[str]:
    found = set(match.ingredients)
    for part in getattr(match, "parts", ()) or ():
        found |= set(part.ingredients)
    return frozenset(found)


# --- The proposal --------------------------------------------------------------------------


@dataclass(frozen=True)
class NewIngredient:
    name: str
    groups: tuple[str, ...]
    why: str

    def describe(self) -> str:
        groups = f"in the {', '.join(self.groups)} group" if self.groups else "in no group"
        return f"{self.name}, {groups} ({self.why})"


@dataclass(frozen=True)
class NewName:
    name: str
    ingredients: tuple[str, ...]
    kind: str
    region: str
    everyday: bool
    why: str

    def describe(self, groups_of: Mapping[str, Iterable[str]]) -> str:
        parts = []
        for ingredient in self.ingredients:
            groups = sorted(groups_of.get(ingredient, ()))
            parts.append(f"{ingredient} ({', '.join(groups)})" if groups else ingredient)
        everyday = (
            " Also an everyday word: read only when it stands alone." if self.everyday else ""
        )
        return f"{self.name} = {' + '.join(parts)}. {self.why}.{everyday}"


@dataclass(frozen=True)
class JoinsGroup:
    ingredient: str
    group: str
    why: str

    def describe(self) -> str:
        return f"{self.ingredient} joins the {self.group} group ({self.why})"


@dataclass
class Proposal:
    reading: FileReading
    new_ingredients: list[NewIngredient] = field(default_factory=list)
    new_names: list[NewName] = field(default_factory=list)
    joins: list[JoinsGroup] = field(default_factory=list)
    to_check: list[str] = field(default_factory=list)  # a pharmacist decides; nothing changes
    kept: list[str] = field(default_factory=list)  # staff's own rows, left as they are
    groups_after: Mapping[str, frozenset[str]] = field(default_factory=dict)
    unrelated: int = 0  # current products with no class or ingredient in our groups

    @property
    def changes(self) -> list[NewIngredient | NewName | JoinsGroup]:
        return [*self.new_ingredients, *self.joins, *self.new_names]

    def lines(self) -> list[str]:
        """The proposal in plain words, for the command's output and the review screen."""
        reading = self.reading
        out = [
            f"{reading.list_name}, {reading.file_name}: {reading.rows} rows read, "
            f"{len(reading.products)} current products."
        ]
        for reason, count in sorted(reading.skipped.items()):
            out.append(f"  Skipped {count}: {reason}.")
        if self.unrelated:
            out.append(
                f"  Not about the checker's medicines: {self.unrelated} (no class or ingredient "
                "in our groups)."
            )
        sections = [
            ("New names", [n.describe(self.groups_after) for n in self.new_names]),
            ("New ingredients", [i.describe() for i in self.new_ingredients]),
            ("Ingredients that join a group", [j.describe() for j in self.joins]),
            ("For a pharmacist to check (nothing is changed for these)", self.to_check),
            ("Left as staff left them", self.kept),
            (
                "Rows that could not be read, skipped whole",
                [str(problem) for problem in reading.problems],
            ),
        ]
        for title, items in sections:
            if items:
                out.append(f"{title} ({len(items)}):")
                out.extend(f"  - {item}" for item in items)
        if not self.changes:
            out.append("Nothing to add or change: the checker already knows every name here.")
        return out


def propose(reading: FileReading, *, knowledge: Knowledge) -> Proposal:
    """Compare one file with the checker's knowledge. See the module docstring."""
    proposal = Proposal(reading=reading)
    known = knowledge.known_substances
    groups_of: dict[str, set[str]] = {
        name: set(groups) for name, groups in knowledge.ingredient_groups.items()
    }
    new_ingredients: dict[str, dict] = {}  # name -> {"groups": [...], "why": str}
    joins: dict[tuple[str, str], str] = {}
    kept: dict[str, str] = {}
    to_check: dict[str, str] = {}
    missing_groups: dict[str, set[str]] = defaultdict(set)

    items: list[tuple[Product, tuple[str, ...]]] = []
    for product in reading.products:
        ingredients = tuple(
            dict.fromkeys(ingredient_name(s, known=known) for s in product.substances)
        )
        unreadable = [i for i in ingredients if not i or check_length(i, "ingredient")]
        if unreadable or not ingredients:
            to_check[f"unreadable:{product.where}"] = (
                f"{product.name or product.where}: its ingredients cannot be read "
                f"({'; '.join(product.substances) or 'none listed'}). {product.where}."
            )
            continue
        items.append((product, ingredients))

    def is_new(ingredient: str) -> bool:
        return ingredient not in knowledge.ingredient_groups

    # 1. What the classes say about ingredients: single-ingredient products first, so that a
    # combination is explained by what its parts are known to be.
    unexplained: dict[tuple[tuple[str, ...], str], list[Product]] = defaultdict(list)
    for product, ingredients in sorted(items, key=lambda item: len(item[1]) > 1):
        for group, class_name in product.groups:
            if any(knowledge.explains(groups_of.get(i, ()), group) for i in ingredients):
                continue
            if group not in knowledge.groups:
                missing_groups[group].add(" + ".join(ingredients))
                continue
            if len(ingredients) == 1:
                target = ingredients[0]
            else:
                new = [i for i in ingredients if is_new(i)]
                target = new[0] if len(new) == 1 else None
            if target is None:
                unexplained[(ingredients, group)].append(product)
                continue
            why = f"{product.name or product.where} is listed as {class_name}"
            if is_new(target):
                entry = new_ingredients.setdefault(target, {"groups": [], "why": why})
                entry["groups"].append(group)
            elif target in knowledge.staff_ingredients:
                kept.setdefault(
                    f"group:{target}:{group}",
                    f"{target}: {why}, which would put it in the {group} group; staff set its "
                    "groups themselves, so they are left as they are",
                )
                continue
            else:
                joins.setdefault((target, group), why)
            groups_of.setdefault(target, set()).add(group)

    for (ingredients, group), products in unexplained.items():
        if any(knowledge.explains(groups_of.get(i, ()), group) for i in ingredients):
            continue
        names = sorted({p.name or p.where for p in products})
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        to_check[f"unexplained:{'+'.join(ingredients)}:{group}"] = (
            f"{shown}: listed in a class that means the {group} group, but none of "
            f"{' + '.join(ingredients)} is in that group. Check whether one of them should be."
        )
    for group, ingredient_sets in sorted(missing_groups.items()):
        listed = "; ".join(sorted(ingredient_sets)[:10])
        more = f" and {len(ingredient_sets) - 10} more" if len(ingredient_sets) > 10 else ""
        to_check[f"missing:{group}"] = (
            f"The file's classes put {listed}{more} in a group called {group}, which our list "
            "does not have. Nothing was changed for that group."
        )

    # 2. Names the checker would not read as the file's ingredients.
    by_key: dict[str, dict] = {}
    everyday = everyday_words()
    for product, ingredients in items:
        relevant = bool(product.groups) or any(groups_of.get(i) for i in ingredients)
        if not relevant:
            proposal.unrelated += 1
            new = [i for i in ingredients if is_new(i)]
            if product.schedule and new:
                to_check.setdefault(
                    f"schedule:{'+'.join(new)}",
                    f"{product.name or product.where} ({' + '.join(ingredients)}) is a controlled "
                    f"drug ({product.schedule}) with an ingredient we do not know, and the file "
                    f"gives no class that places it. Ask a pharmacist whether it is an opioid. "
                    f"{product.where}.",
                )
            continue
        name = product.name
        if not name:
            continue
        key = name_key(name)
        if not key or key in knowledge.guard_phrases or not normalise_entry(name):
            continue  # only general words ("Pain Relief"): not a name to read
        entry = by_key.setdefault(key, {"name": name, "sets": {}, "where": []})
        entry["sets"].setdefault(frozenset(ingredients), ingredients)
        entry["where"].append(product.where)

    for key, entry in by_key.items():
        name = entry["name"]
        reading_ = knowledge.index.match(name)
        read = _reading_ingredients(reading_)
        exact = reading_.match == MATCH_EXACT
        sets = entry["sets"]
        if exact and read in sets:
            continue  # the checker already reads it as (one of) the file's products
        where = entry["where"][0] + (
            f" and {len(entry['where']) - 1} more" if len(entry["where"]) > 1 else ""
        )
        if len(sets) > 1:
            listed = "; ".join(" + ".join(s) for s in sets.values())
            to_check[f"sets:{key}"] = (
                f"{name}: the file lists it with different ingredients ({listed}). Not added: "
                f"decide which is right. {where}."
            )
            continue
        ingredients = next(iter(sets.values()))
        if key in knowledge.staff_names:
            kept.setdefault(
                f"name:{key}",
                f"{name} ({' + '.join(ingredients)}): staff removed, changed or turned down "
                "this name before, so it is not added again",
            )
            continue
        existing = knowledge.index.exact.get(key)
        if existing is not None and not existing.fuzzy:
            to_check[f"conflict:{key}"] = (
                f"{name}: our list reads it as {' + '.join(existing.record.ingredients)}, the "
                f"file lists {' + '.join(ingredients)}. Not changed: a pharmacist should decide "
                f"(it may be a name with two meanings). {where}."
            )
            continue
        for ingredient in ingredients:
            if is_new(ingredient) and ingredient not in new_ingredients:
                new_ingredients[ingredient] = {"groups": [], "why": f"an ingredient of {name}"}
        proposal.new_names.append(
            NewName(
                name=name,
                ingredients=ingredients,
                kind="brand",
                region=reading.region,
                everyday=key in everyday,
                why=where,
            )
        )

    proposal.new_ingredients = [
        NewIngredient(name=name, groups=tuple(dict.fromkeys(data["groups"])), why=data["why"])
        for name, data in new_ingredients.items()
    ]
    proposal.joins = [
        JoinsGroup(ingredient=ingredient, group=group, why=why)
        for (ingredient, group), why in joins.items()
    ]
    proposal.to_check = list(to_check.values())
    proposal.kept = list(kept.values())
    proposal.groups_after = {name: frozenset(groups) for name, groups in groups_of.items()}
    return proposal
