"""The checker's data files (checker/data/), read and checked row by row. Pure Python, no Django.

    data = read_checker_data(source_keys={"revia-label", ...})  # DataError: file, line, reason
    data.name_records()      # the matcher's NameRecords, as the engine builds them
    data.group_rules(sources) / data.questions(sources)   # the rules' objects
    read_words()             # the matcher's word lists (words.yaml)
    read_must_warn()         # typed forms that must always warn as opioids (must_warn.csv)

The loader (clinical.loading) writes these into the database, where staff edit them; the engine
reads the database. Tests and the benchmark read the files directly through here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from checker.matching import NameRecord, Words, name_key
from checker.rules import GroupRule, Question, SourceRef
from clinical.datafiles import (
    DataError,
    Review,
    Row,
    read_csv,
    read_review,
    read_yaml_list,
    read_yaml_mapping,
)
from clinical.severity import Severity

DATA = Path(__file__).resolve().parent / "data"
NAMES_HEADER = ["name", "kind", "ingredients", "read_as", "region", "flags", "source", "note"]
KINDS = ("alias", "brand", "old_brand", "combination", "street", "drink", "misspelling")
KINDS_NEEDING_A_SOURCE = ("brand", "old_brand", "combination")
REGIONS = frozenset(["us", "ca", "uk", "ie", "au", "nz", "in", "za", "es", "mx", "latam", "intl"])
FLAGS = frozenset({"everyday", "two_meanings"})
RULE_LEVELS = tuple(value for value, _ in Severity.rule_choices())


@dataclass(frozen=True)
class IngredientRow:
    name: str
    groups: tuple[str, ...]
    source: str
    line: int


@dataclass(frozen=True)
class NameRow:
    name: str
    kind: str
    ingredients: tuple[str, ...]  # for a misspelling: those of the name it is read as
    read_as: str
    region: tuple[str, ...]
    everyday: bool
    two_meanings: bool
    source: str
    note: str
    line: int

    @property
    def key(self) -> str:
        """How the loader finds this row in the database (see clinical.loading)."""
        if self.two_meanings:
            return f"{self.name.lower()}|{'+'.join(sorted(self.ingredients))}"
        return self.name.lower()


@dataclass(frozen=True)
class GroupRow:
    slug: str
    level: str
    label: str
    headline: str
    what_could_happen: str
    what_to_do: str
    tell_your_doctor: str
    urgent: bool
    about_opioids: bool
    order: int
    sources: tuple[str, ...]
    review: Review
    line: int
    products: tuple[str, ...] = ()  # names in names.csv this group is about, whatever they hold
    instead_of: tuple[str, ...] = ()  # slugs of groups this one speaks for when both are found
    debatable: str = ""  # for staff: why the rule is debatable


@dataclass(frozen=True)
class QuestionRow:
    slug: str
    order: int
    text: str
    hint: str
    yes_level: str
    yes_message: str
    tell_your_doctor: str
    about_opioids: bool
    sources: tuple[str, ...]
    review: Review
    line: int


MUST_WARN_HEADER = ["name", "note"]


@dataclass(frozen=True)
class MustWarnRow:
    name: str  # as a patient types it: "Norco 10/325", "oxycodon", "OXYCODONE HCL 5 MG TAB"
    note: str
    line: int


@dataclass
class CheckerData:
    ingredients: list[IngredientRow] = field(default_factory=list)
    names: list[NameRow] = field(default_factory=list)
    groups: list[GroupRow] = field(default_factory=list)
    questions: list[QuestionRow] = field(default_factory=list)
    dose_context: str = ""
    words: Words = field(default_factory=Words)
    must_warn: list[MustWarnRow] = field(default_factory=list)

    def name_records(self) -> list[NameRecord]:
        """The records the engine builds from the database, in the same order (ingredients,
        then names, each by name)."""
        records = [
            NameRecord(name=row.name, ingredients=(row.name,), kind="generic")
            for row in sorted(self.ingredients, key=lambda row: row.name)
        ]
        records += [
            NameRecord(
                name=row.name,
                ingredients=row.ingredients,
                kind=row.kind,
                region=row.region,
                everyday=row.everyday,
                read_as=row.read_as,
                two_meanings=row.two_meanings,
            )
            for row in sorted(self.names, key=lambda row: row.name)
            if row.ingredients
        ]
        return records

    def group_rules(self, sources: Mapping[str, SourceRef]) -> list[GroupRule]:
        members: dict[str, set[str]] = {}
        for ingredient in self.ingredients:
            for slug in ingredient.groups:
                members.setdefault(slug, set()).add(ingredient.name)
        return [
            GroupRule(
                slug=row.slug,
                level=row.level,
                label=row.label,
                headline=row.headline,
                what_could_happen=row.what_could_happen,
                what_to_do=row.what_to_do,
                tell_your_doctor=row.tell_your_doctor,
                ingredients=frozenset(members.get(row.slug, ())),
                sources=tuple(sources[key] for key in row.sources),
                urgent=row.urgent,
                products=frozenset(name.casefold() for name in row.products),
                instead_of=frozenset(row.instead_of),
                about_opioids=row.about_opioids,
            )
            for row in sorted(self.groups, key=lambda row: (row.order, row.slug))
        ]

    def question_list(self, sources: Mapping[str, SourceRef]) -> list[Question]:
        return [
            Question(
                slug=row.slug,
                text=row.text,
                hint=row.hint,
                yes_level=row.yes_level,
                yes_message=row.yes_message,
                tell_your_doctor=row.tell_your_doctor,
                sources=tuple(sources[key] for key in row.sources),
                about_opioids=row.about_opioids,
            )
            for row in sorted(self.questions, key=lambda row: (row.order, row.slug))
        ]


def read_words(path: Path = DATA / "words.yaml") -> Words:
    row = read_yaml_mapping(path)
    row.only(
        "guard_phrases", "everyday_words", "general_drink_words",
        "negation_before", "negation_after", "negation_ends", "drug_lookalikes",
        "direction_words", "reason_before", "verbs",
    )  # fmt: skip

    def words(name: str) -> frozenset[str]:
        return frozenset(" ".join(w.casefold().split()) for w in row.keys_list(name))

    return Words(
        guard_phrases=words("guard_phrases"),
        everyday=words("everyday_words"),
        general_drink_words=words("general_drink_words"),
        negation_before=words("negation_before"),
        negation_after=words("negation_after"),
        negation_ends=words("negation_ends"),
        drug_lookalikes=words("drug_lookalikes"),
        directions=words("direction_words"),
        reason_before=words("reason_before"),
        verbs=words("verbs"),
    )


def read_groups(path: Path, *, source_keys: set[str]) -> list[GroupRow]:
    rows, seen = [], set()
    for row in read_yaml_list(path):
        row.only(
            "slug", "level", "label", "headline", "what_could_happen", "what_to_do",
            "tell_your_doctor", "urgent", "about_opioids", "order", "sources", "review",
            "products", "instead_of", "debatable",
        )  # fmt: skip
        slug = row.text("slug", max_length=50)
        if slug in seen:
            raise row.error(f"slug {slug!r} is used by an earlier group")
        seen.add(slug)
        level = row.text("level")
        if level not in RULE_LEVELS:
            raise row.error(f"level {level!r} must be one of {', '.join(RULE_LEVELS)}")
        rows.append(
            GroupRow(
                slug=slug,
                level=level,
                label=row.text("label", max_length=100),
                headline=row.text("headline", max_length=300),
                what_could_happen=row.text("what_could_happen"),
                what_to_do=row.text("what_to_do"),
                tell_your_doctor=row.text("tell_your_doctor"),
                urgent=row.flag("urgent"),
                about_opioids=row.flag("about_opioids"),
                order=row.number("order", 100),
                sources=_cited(row, source_keys),
                review=read_review(row),
                line=row.line,
                products=tuple(" ".join(name.split()) for name in row.keys_list("products")),
                instead_of=tuple(row.keys_list("instead_of")),
                debatable=row.text("debatable", required=False),
            )
        )
    slugs = {group.slug for group in rows}
    for group in rows:
        for other in group.instead_of:
            if other not in slugs or other == group.slug:
                raise DataError(
                    path, group.line, f"instead_of {other!r} must be the slug of another group"
                )
    return rows


def _check_products(path: Path, groups: list[GroupRow], names: list[NameRow]) -> None:
    """Each product a group names is a name in names.csv (a typo would silently never fire)."""
    known = {row.name.casefold() for row in names}
    for group in groups:
        for product in group.products:
            if product.casefold() not in known:
                raise DataError(path, group.line, f"product {product!r} is not a name in names.csv")


def read_questions(path: Path, *, source_keys: set[str]) -> list[QuestionRow]:
    rows, seen = [], set()
    for row in read_yaml_list(path):
        row.only(
            "slug", "order", "text", "hint", "yes_level", "yes_message", "tell_your_doctor",
            "about_opioids", "sources", "review",
        )  # fmt: skip
        slug = row.text("slug", max_length=50)
        if slug in seen:
            raise row.error(f"slug {slug!r} is used by an earlier question")
        seen.add(slug)
        level = row.text("yes_level")
        if level not in RULE_LEVELS:
            raise row.error(f"yes_level {level!r} must be one of {', '.join(RULE_LEVELS)}")
        rows.append(
            QuestionRow(
                slug=slug,
                order=row.number("order", 100),
                text=row.text("text", max_length=300),
                hint=row.text("hint", required=False, max_length=300),
                yes_level=level,
                yes_message=row.text("yes_message"),
                tell_your_doctor=row.text("tell_your_doctor"),
                about_opioids=row.flag("about_opioids"),
                sources=_cited(row, source_keys),
                review=read_review(row),
                line=row.line,
            )
        )
    return rows


def _cited(row: Row, source_keys: set[str]) -> tuple[str, ...]:
    keys = row.keys_list("sources", known=source_keys, what="a key in clinical/data/sources.yaml")
    if not keys:
        raise row.error("'sources' must cite at least one source")
    return tuple(keys)


def read_ingredients(
    path: Path, *, group_slugs: set[str], source_keys: set[str]
) -> list[IngredientRow]:
    rows, seen = [], set()
    for row in read_yaml_list(path):
        row.only("name", "groups", "source")
        name = row.text("name", max_length=120)
        if name != name.lower() or name != " ".join(name.split()):
            raise row.error(f"ingredient {name!r} must be written in lowercase, single-spaced")
        if name in seen:
            raise row.error(f"ingredient {name!r} is listed twice")
        seen.add(name)
        source = row.text("source", required=False)
        if source and source not in source_keys:
            raise row.error(f"source {source!r} is not a key in clinical/data/sources.yaml")
        groups = row.keys_list("groups", known=group_slugs, what="a slug in groups.yaml")
        rows.append(IngredientRow(name=name, groups=tuple(groups), source=source, line=row.line))
    return rows


def read_names(path: Path, *, ingredients: set[str], source_keys: set[str]) -> list[NameRow]:
    """names.csv, one row a name, checked: known ingredients, kinds, regions and flags; a name on
    two rows only when both carry two_meanings; a misspelling read as a known name."""
    raw = read_csv(path, header=NAMES_HEADER)
    rows: list[NameRow] = []
    by_name: dict[str, list[NameRow]] = {}
    for line, values in raw:
        name = " ".join(values["name"].split())

        def error(reason: str, line: int = line) -> DataError:
            return DataError(path, line, reason)

        if not name:
            raise error("the name is empty")
        if len(name) > 120:
            raise error("the name is longer than 120 characters")
        kind = values["kind"]
        if kind not in KINDS:
            raise error(f"kind {kind!r} must be one of {', '.join(KINDS)}")
        # Joined by +; an ingredient whose own name ends in + ("nad+") stands alone.
        text = values["ingredients"]
        parts = (
            (text,)
            if text in ingredients
            else tuple(dict.fromkeys(p.strip() for p in text.split("+") if p.strip()))
        )
        for part in parts:
            if part not in ingredients:
                raise error(f"ingredient {part!r} is not in ingredients.yaml")
        read_as = values["read_as"]
        if kind == "misspelling":
            if not read_as:
                raise error("a misspelling needs read_as: the name it is a misspelling of")
        elif read_as:
            raise error("read_as is only for kind misspelling")
        elif not parts:
            raise error(
                "ingredients is empty: give them joined by +, like hydrocodone+acetaminophen"
            )
        if kind == "alias" and len(parts) != 1:
            raise error("an alias names one ingredient; use brand or combination for a product")
        if len(parts) == 1 and name.lower() == parts[0]:
            raise error(f"{name!r} is the ingredient itself; it needs no row of its own")
        region = tuple(dict.fromkeys(c.strip() for c in values["region"].split(";") if c.strip()))
        for code in region:
            if code not in REGIONS:
                raise error(f"region {code!r} must be one of {' '.join(sorted(REGIONS))}")
        flags = {f.strip() for f in values["flags"].split(";") if f.strip()}
        if flags - FLAGS:
            raise error(f"flag {sorted(flags - FLAGS)[0]!r} must be everyday or two_meanings")
        source = values["source"]
        if source and source not in source_keys:
            raise error(f"source {source!r} is not a key in clinical/data/sources.yaml")
        if kind in KINDS_NEEDING_A_SOURCE and not source:
            raise error(f"a {kind} row needs a source (a key in clinical/data/sources.yaml)")
        row = NameRow(
            name=name,
            kind=kind,
            ingredients=parts,
            read_as=read_as,
            region=region,
            everyday="everyday" in flags,
            two_meanings="two_meanings" in flags,
            source=source,
            note=values["note"],
            line=line,
        )
        same = by_name.setdefault(name.lower(), [])
        if same and not (row.two_meanings and all(other.two_meanings for other in same)):
            raise error(
                f"{name!r} is already on line {same[0].line}; a name may be on two rows only "
                "when both carry the flag two_meanings"
            )
        if any(set(other.ingredients) == set(parts) for other in same):
            raise error(f"{name!r} is already on line {same[0].line} with the same ingredients")
        same.append(row)
        rows.append(row)
    # A misspelling takes the ingredients of the name it is read as.
    known = {row.name.lower(): row for row in rows if row.kind != "misspelling"}
    keys = {name_key(row.name): row for row in rows if row.kind != "misspelling"}
    resolved = []
    for row in rows:
        if row.kind == "misspelling":
            target = known.get(row.read_as.lower()) or keys.get(name_key(row.read_as))
            if target is not None:
                target_parts = target.ingredients
            elif row.read_as.lower() in ingredients:
                target_parts = (row.read_as.lower(),)
            else:
                raise DataError(
                    path,
                    row.line,
                    f"read_as {row.read_as!r} is neither a name here nor an ingredient",
                )
            if row.ingredients and set(row.ingredients) != set(target_parts):
                raise DataError(
                    path, row.line, f"the ingredients differ from those of {row.read_as!r}"
                )
            row = NameRow(**{**row.__dict__, "ingredients": target_parts})
        resolved.append(row)
    return resolved


def read_must_warn(path: Path = DATA / "must_warn.csv") -> list[MustWarnRow]:
    """must_warn.csv: what patients type that must always warn as an opioid, beyond the names
    themselves (every name and ingredient that warns as an opioid must keep warning anyway).
    Part of the release, read from disk like words.yaml; the data check proves each row warns."""
    rows: list[MustWarnRow] = []
    seen: dict[str, int] = {}
    for line, values in read_csv(path, header=MUST_WARN_HEADER):
        name = " ".join(values["name"].split())
        if not name:
            raise DataError(path, line, "the name is empty")
        if name.casefold() in seen:
            raise DataError(path, line, f"{name!r} is already on line {seen[name.casefold()]}")
        seen[name.casefold()] = line
        rows.append(MustWarnRow(name=name, note=values["note"], line=line))
    return rows


def read_settings(path: Path) -> str:
    row = read_yaml_mapping(path)
    row.only("dose_context")
    return row.text("dose_context")


def read_checker_data(*, source_keys: set[str], data: Path = DATA) -> CheckerData:
    """Every checker data file, checked. Raises DataError at the first broken row."""
    groups = read_groups(data / "groups.yaml", source_keys=source_keys)
    ingredients = read_ingredients(
        data / "ingredients.yaml", group_slugs={g.slug for g in groups}, source_keys=source_keys
    )
    names = read_names(
        data / "names.csv", ingredients={i.name for i in ingredients}, source_keys=source_keys
    )
    _check_products(data / "groups.yaml", groups, names)
    return CheckerData(
        ingredients=ingredients,
        names=names,
        groups=groups,
        questions=read_questions(data / "questions.yaml", source_keys=source_keys),
        dose_context=read_settings(data / "settings.yaml"),
        words=read_words(data / "words.yaml"),
        must_warn=read_must_warn(data / "must_warn.csv"),
    )
