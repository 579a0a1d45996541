"""`manage.py load_content`: every data file into the database, never over a staff edit.

1. Read and check every file (clinical/data/, checker/data/, education/data/pages/,
   checklist/data/). A broken row stops everything before anything is written: the error names
   the file, the line and the reason.
2. In one transaction, for each kind of row: create what is missing; bring a row staff never
   touched up to date with the file; leave a row staff edited, added or deleted exactly as they
   left it. Each row the loader writes gets a history version ("load_content: ..."), so staff can
   see the file's words beside their own.
3. Report what was added, updated and kept. A second run changes nothing.

Whether staff touched a row is read from its history: any version with a signed-in person, or
an edit or deletion not made by this loader. Every key such a row ever had counts, so a row staff
renamed or deleted is not brought back.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from clinical.datafiles import DataError
from clinical.history import LOADER_REASON as LOADER


@dataclass
class Planned:
    """One row as a data file gives it: its key, its fields, its links ({field: [related pk]})."""

    key: Hashable
    fields: dict[str, Any]
    links: dict[str, list[int]] = field(default_factory=dict)


@dataclass
class Report:
    added: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    updated: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    kept: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    labels: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [
            f"{label}: {self.added.get(label, 0)} added, {self.updated.get(label, 0)} updated, "
            f"{self.kept.get(label, 0)} kept as staff left them"
            for label in self.labels
        ]

    @property
    def changed(self) -> bool:
        return any(self.added.values()) or any(self.updated.values())


class ContentError(Exception):
    """One or more data files cannot be loaded; nothing was written."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


def staff_owned(model: type[models.Model], key_of: Callable[[Any], Hashable]) -> set[Hashable]:
    """Keys of rows staff have changed, created or deleted (see the module docstring)."""
    history = model.history.model
    touched = history.objects.filter(
        Q(history_user__isnull=False)
        | (Q(history_type__in=["~", "-"]) & ~Q(history_change_reason__startswith=LOADER))
    ).values_list("id", flat=True)
    ids = set(touched)
    if not ids:
        return set()
    return {key_of(version) for version in history.objects.filter(id__in=ids)}


def sync(
    model: type[models.Model],
    planned: Iterable[Planned],
    *,
    key_of: Callable[[Any], Hashable],
    label: str,
    source: str,
    report: Report,
    owner_key: Callable[[Hashable], Hashable] = lambda key: key,
) -> dict[Hashable, int]:
    """Make `model` hold the planned rows, leaving rows staff own alone. Returns key -> pk of
    every planned row that exists afterwards (created, updated, kept or unchanged)."""
    report.labels.append(label)
    planned = list(planned)
    owned = staff_owned(model, key_of)
    existing = {key_of(obj): obj for obj in model._default_manager.all()}
    link_names = sorted({name for row in planned for name in row.links})
    current_links = {name: _links(model, name) for name in link_names}
    now = timezone.now()

    to_create: list[tuple[models.Model, Planned]] = []
    to_update: list[tuple[models.Model, Planned, list[str], list[str]]] = []
    for row in planned:
        obj = existing.get(row.key)
        if owner_key(row.key) in owned:
            report.kept[label] += 1
            continue
        if obj is None:
            to_create.append((model(**row.fields), row))
            continue
        changed = [name for name, value in row.fields.items() if getattr(obj, name) != value]
        changed_links = [
            n for n, ids in row.links.items() if current_links[n].get(obj.pk, []) != ids
        ]
        if changed or changed_links:
            for name in changed:
                setattr(obj, name, row.fields[name])
            to_update.append((obj, row, changed, changed_links))

    auto_now = [f for f in model._meta.concrete_fields if getattr(f, "auto_now", False)]
    for obj, _ in to_create:
        for auto in auto_now:
            setattr(obj, auto.attname, now)
    created = model._default_manager.bulk_create([obj for obj, _ in to_create], batch_size=500)
    for obj, *_ in to_update:
        for auto in auto_now:
            setattr(obj, auto.attname, now)
    update_fields = sorted(
        {name for _, _, names, _ in to_update for name in names} | {f.name for f in auto_now}
    )
    if to_update and update_fields:
        model._default_manager.bulk_update(
            [obj for obj, *_ in to_update], update_fields, batch_size=500
        )

    for name in link_names:
        field_ = model._meta.get_field(name)
        through = field_.remote_field.through
        own, other = f"{field_.m2m_field_name()}_id", f"{field_.m2m_reverse_field_name()}_id"
        rewrite = [(obj, row) for obj, row in zip(created, (r for _, r in to_create), strict=True)]
        rewrite += [(obj, row) for obj, row, _, names in to_update if name in names]
        if not rewrite:
            continue
        through.objects.filter(**{f"{own}__in": [obj.pk for obj, _ in rewrite if obj.pk]}).delete()
        through.objects.bulk_create(
            [
                through(**{own: obj.pk, other: related})
                for obj, row in rewrite
                for related in row.links.get(name, [])
            ],
            batch_size=500,
        )

    _write_history(model, created, "+", f"{LOADER} added from {source}", now)
    _write_history(
        model, [obj for obj, *_ in to_update], "~", f"{LOADER} updated from {source}", now
    )
    report.added[label] += len(created)
    report.updated[label] += len(to_update)
    keys = {row.key: obj.pk for obj, row in zip(created, (r for _, r in to_create), strict=True)}
    for row in planned:
        if row.key not in keys and row.key in existing:
            keys[row.key] = existing[row.key].pk
    return keys


def _links(model: type[models.Model], name: str) -> dict[int, list[int]]:
    """Every row's related ids for one many-to-many field, in the order they were added."""
    field_ = model._meta.get_field(name)
    through = field_.remote_field.through
    own, other = f"{field_.m2m_field_name()}_id", f"{field_.m2m_reverse_field_name()}_id"
    links: dict[int, list[int]] = defaultdict(list)
    for owner, related in through.objects.order_by("pk").values_list(own, other):
        links[owner].append(related)
    return links


def _write_history(model, objs: list, kind: str, reason: str, when: datetime.datetime) -> None:
    """One history version per row, as simple-history would write it on a save, in bulk; with
    the links of a model whose history keeps them (pages and list points keep their sources)."""
    if not objs:
        return
    history = model.history.model
    versions = history.objects.bulk_create(
        [
            history(
                **{f.attname: getattr(obj, f.attname) for f in model._meta.concrete_fields},
                history_date=when,
                history_type=kind,
                history_change_reason=reason,
            )
            for obj in objs
        ],
        batch_size=500,
    )
    for m2m in getattr(history, "_history_m2m_fields", []):
        cited = history._meta.get_field(f"{history._meta.model_name}_{m2m.name}").related_model
        through = m2m.remote_field.through
        own, other = f"{m2m.m2m_field_name()}_id", f"{m2m.m2m_reverse_field_name()}_id"
        version_of = {version.id: version for version in versions}
        cited.objects.bulk_create(
            [
                cited(
                    id=link.pk,
                    history=version_of[getattr(link, own)],
                    **{own: getattr(link, own), other: getattr(link, other)},
                )
                for link in through.objects.filter(**{f"{own}__in": list(version_of)})
            ],
            batch_size=500,
        )


def load_content(*, root=None) -> Report:
    """Check every data file (under `root`, the project by default), then load them all in one
    transaction. Raises ContentError (and writes nothing) when any file has a broken row."""
    from clinical import content

    plan = content.read_all() if root is None else content.read_all(root)
    report = Report()
    with transaction.atomic():
        for step in plan:
            step(report)
        if report.changed:
            # Rows were written in bulk (no save signals): tell every worker, as a save would
            # (both bumps wait for the commit: serving.versions).
            from checker import engine
            from serving import page_cache

            page_cache.clear_pages()
            engine.bump_version_on_commit()
    return report
