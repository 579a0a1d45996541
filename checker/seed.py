"""Load the starting knowledge base (checker/seed_data.py) into the database.

Safe to run again and again (the data migration and `manage.py load_checker_seed` both call it):
- a row that is missing is created;
- a row staff have never touched is brought up to date with seed_data;
- a row staff have edited, created or deleted in admin (its history says so) is left exactly as
  they left it, even if seed_data says something else.

It works with the real models and with a migration's historical models (pass `apps`), and writes
in bulk, so it adds no history rows of its own.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q


@dataclass
class SeedReport:
    created: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    updated: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    kept: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = []
        for model in ("source", "group", "ingredient", "name", "question", "settings"):
            out.append(
                f"{model}: {self.created.get(model, 0)} created, {self.updated.get(model, 0)} updated, "
                f"{self.kept.get(model, 0)} left as staff edited them"
            )
        out.extend(f"warning: {warning}" for warning in self.warnings)
        return out


def load_seed(*, apps: Any = None, seed: Any = None) -> SeedReport:
    """Create missing rows and update untouched ones from seed_data. See the module docstring."""
    if apps is None:
        from django.apps import apps
    if seed is None:
        from checker import seed_data as seed

    report = SeedReport()
    model = lambda name: apps.get_model("checker", name)  # noqa: E731
    Source, Group, Ingredient, Name, Question, Settings = (
        model("Source"),
        model("InteractionGroup"),
        model("Ingredient"),
        model("Name"),
        model("ScreeningQuestion"),
        model("CheckerSettings"),
    )

    _sync(
        Source,
        "key",
        {
            s["key"]: (
                {
                    "key": s["key"],
                    "title": s.get("title", ""),
                    "publisher": s.get("publisher", ""),
                    "url": s.get("url", ""),
                    "date": str(s.get("date", "")),
                },
                {},
            )
            for s in seed.SOURCES
        },
        report=report,
        label="source",
    )
    source_ids = dict(Source.objects.values_list("key", "id"))

    def sources_for(keys: list[str], owner: str) -> list[int]:
        missing = [key for key in keys if key not in source_ids]
        if missing:
            report.warnings.append(f"{owner} cites unknown source(s) {', '.join(missing)}")
        return [source_ids[key] for key in keys if key in source_ids]

    group_fields = (
        "level",
        "label",
        "headline",
        "what_could_happen",
        "what_to_do",
        "tell_your_doctor",
    )
    _sync(
        Group,
        "slug",
        {
            g["slug"]: (
                {
                    "slug": g["slug"],
                    **{name: g.get(name, "") for name in group_fields},
                    "urgent": bool(g.get("urgent", False)),
                    "order": int(g.get("order", 100)),
                },
                {"sources": sources_for(g.get("sources", []), f"group {g['slug']}")},
            )
            for g in seed.GROUPS
        },
        report=report,
        label="group",
    )
    group_ids = dict(Group.objects.values_list("slug", "id"))

    # Ingredients: those listed, plus any a product or question names without listing it.
    ingredient_groups: dict[str, list[int]] = {}
    for item in seed.INGREDIENTS:
        ingredient = item["name"].strip().lower()
        if ingredient in ingredient_groups:
            report.warnings.append(f"ingredient {ingredient} is listed twice; the first is used")
            continue
        unknown = [slug for slug in item.get("groups", []) if slug not in group_ids]
        if unknown:
            report.warnings.append(f"ingredient {ingredient} names unknown group(s) {unknown}")
        ingredient_groups[ingredient] = [
            group_ids[slug] for slug in item.get("groups", []) if slug in group_ids
        ]

    names: dict[str, tuple[str, str, list[str]]] = {}  # lower name -> (name, kind, ingredients)

    def add_name(name: str, kind: str, ingredients: list[str]) -> None:
        name = name.strip()
        key = name.lower()
        ingredients = [i.strip().lower() for i in ingredients]
        if len(ingredients) == 1 and key == ingredients[0]:
            return  # an ingredient's own name is matched from the ingredient itself
        if key in names:
            if names[key][2] != ingredients:
                report.warnings.append(
                    f"name {name!r} is listed twice with different ingredients; the first is used"
                )
            return
        for ingredient in ingredients:
            if ingredient not in ingredient_groups:
                report.warnings.append(
                    f"{name!r} uses {ingredient!r}, which is not in INGREDIENTS; added with no groups"
                )
                ingredient_groups[ingredient] = []
        names[key] = (name, kind, ingredients)

    for item in seed.INGREDIENTS:
        for alias in item.get("aliases", []):
            add_name(alias, "alias", [item["name"]])
        for uk_name in item.get("uk_names", []):
            add_name(uk_name, "uk", [item["name"]])
    for product in seed.PRODUCTS:
        add_name(product["name"], product.get("kind", "brand"), product["ingredients"])

    _sync(
        Ingredient,
        "name",
        {
            ingredient: ({"name": ingredient}, {"groups": groups})
            for ingredient, groups in ingredient_groups.items()
        },
        report=report,
        label="ingredient",
    )
    ingredient_ids = dict(Ingredient.objects.values_list("name", "id"))

    _sync(
        Name,
        "name",
        {
            key: (
                {"name": name, "kind": kind},
                # An ingredient staff deleted is not brought back through a product.
                {"ingredients": [ingredient_ids[i] for i in ingredients if i in ingredient_ids]},
            )
            for key, (name, kind, ingredients) in names.items()
            if any(i in ingredient_ids for i in ingredients)
        },
        report=report,
        label="name",
        lowercase_key=True,
    )

    question_fields = ("text", "hint", "yes_level", "yes_message", "tell_your_doctor")
    _sync(
        Question,
        "slug",
        {
            q["slug"]: (
                {
                    "slug": q["slug"],
                    "order": int(q.get("order", 100)),
                    **{name: q.get(name, "") for name in question_fields},
                },
                {"sources": sources_for(q.get("sources", []), f"question {q['slug']}")},
            )
            for q in seed.QUESTIONS
        },
        report=report,
        label="question",
    )

    _sync(
        Settings,
        "id",
        {1: ({"id": 1, "dose_context": seed.DOSE_CONTEXT}, {})},
        report=report,
        label="settings",
    )
    return report


def _sync(
    model: Any,
    key_field: str,
    rows: dict[Any, tuple[dict[str, Any], dict[str, list[int]]]],
    *,
    report: SeedReport,
    label: str,
    lowercase_key: bool = False,
) -> None:
    """Make `model` hold `rows` (key -> (fields, {m2m field: [related ids in order]})), leaving
    rows staff own alone."""

    def key_of(value: Any) -> Any:
        return value.lower() if lowercase_key else value

    owned = _staff_owned_keys(model, key_field, key_of)
    existing = {key_of(getattr(obj, key_field)): obj for obj in model.objects.all()}
    m2m_names = {name for _, m2m in rows.values() for name in m2m}
    current_links = {name: _links(model, name) for name in m2m_names}

    to_create = []
    links_to_write: list[tuple[Any, dict[str, list[int]]]] = []  # (key, m2m) for new/changed rows
    for key, (fields, m2m) in rows.items():
        if key in owned:
            report.kept[label] += 1
            continue
        obj = existing.get(key)
        if obj is None:
            to_create.append(model(**fields))
            links_to_write.append((key, m2m))
            report.created[label] += 1
            continue
        changes = {name: value for name, value in fields.items() if getattr(obj, name) != value}
        changed_links = {
            name: ids for name, ids in m2m.items() if current_links[name].get(obj.pk, []) != ids
        }
        if changes:
            model.objects.filter(pk=obj.pk).update(**changes)
        if changed_links:
            links_to_write.append((key, changed_links))
        if changes or changed_links:
            report.updated[label] += 1

    model.objects.bulk_create(to_create)
    if not links_to_write:
        return
    ids = {key_of(value): pk for value, pk in model.objects.values_list(key_field, "pk")}
    for name in m2m_names:
        field_ = model._meta.get_field(name)
        through = field_.remote_field.through
        own, other = f"{field_.m2m_field_name()}_id", f"{field_.m2m_reverse_field_name()}_id"
        owners = [ids[key] for key, m2m in links_to_write if name in m2m]
        through.objects.filter(**{f"{own}__in": owners}).delete()
        through.objects.bulk_create(
            [
                through(**{own: ids[key], other: related_id})
                for key, m2m in links_to_write
                if name in m2m
                for related_id in dict.fromkeys(m2m[name])  # keep order, drop repeats
            ]
        )


def _links(model: Any, name: str) -> dict[int, list[int]]:
    """Every row's related ids for one many-to-many field, in the order they were added."""
    field_ = model._meta.get_field(name)
    through = field_.remote_field.through
    own, other = f"{field_.m2m_field_name()}_id", f"{field_.m2m_reverse_field_name()}_id"
    links: dict[int, list[int]] = defaultdict(list)
    for owner, related in through.objects.order_by("pk").values_list(own, other):
        links[owner].append(related)
    return links


def _staff_owned_keys(model: Any, key_field: str, key_of: Any) -> set[Any]:
    """Keys of rows staff have changed, created or deleted: any history row that is an edit,
    a deletion, or made by a signed-in person. Every key such a row ever had counts, so a row
    staff renamed or deleted is not brought back."""
    history = model._meta.apps.get_model("checker", f"Historical{model.__name__}")
    touched_ids = set(
        history.objects.filter(
            Q(history_type__in=["~", "-"]) | Q(history_user__isnull=False)
        ).values_list("id", flat=True)
    )
    if not touched_ids:
        return set()
    return {
        key_of(value)
        for value in history.objects.filter(id__in=touched_ids).values_list(key_field, flat=True)
    }
