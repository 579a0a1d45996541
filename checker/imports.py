"""Official drug lists into the checker's database: the Django side of checker.importers.

    reading = read_ndc_file(path) / read_dpd_folder(path) / read_upload(list_name, upload)
    proposal = propose_now(reading)          # against the live knowledge base; changes nothing
    applied = apply(proposal.changes, source=source_for(...), user=None, reason="import_ndc ...")
    run = record_run(proposal, ...)          # an upload waiting for a pharmacist

What "staff own" means is the loader's rule (clinical.loading.staff_owned): a name or ingredient
with any history version by a signed-in person, or an edit or deletion not by the loader. Such a
row is never re-added or changed by an import, and neither is a change a pharmacist turned down.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from django.db import transaction
from django.db.models.functions import Lower

from checker.importers import dpd, ndc
from checker.importers.core import (
    FileError,
    FileReading,
    JoinsGroup,
    Knowledge,
    NewIngredient,
    NewName,
    Proposal,
    propose,
    read_class_map,
)
from checker.matching import name_key

# An upload is at most this big, and so is each file inside a zip: the FDA's ndctext.zip is
# about 11 MB (product.txt about 50 MB inside), Health Canada's allfiles.zip about 40 MB.
MAX_UPLOAD_BYTES = 80 * 1024 * 1024
MAX_MEMBER_BYTES = 200 * 1024 * 1024

LISTS = {
    "ndc": {
        "title": "FDA NDC Directory",
        "publisher": "US Food and Drug Administration",
        "url": "https://www.fda.gov/drugs/drug-approvals-and-databases/national-drug-code-directory",
        "command": "import_ndc",
    },
    "dpd": {
        "title": "Health Canada Drug Product Database",
        "publisher": "Health Canada",
        "url": "https://www.canada.ca/en/health-canada/services/drugs-health-products/drug-products/drug-product-database/what-data-extract-drug-product-database.html",
        "command": "import_dpd",
    },
}


# --- Reading --------------------------------------------------------------------------------


def read_ndc_file(path: Path, *, today: datetime.date | None = None) -> FileReading:
    if path.suffix.lower() == ".zip":
        with path.open("rb") as stream:
            return _read_ndc_zip(stream, today=today)
    return ndc.read_product_file(path, classes=read_class_map(), today=today)


def read_dpd_folder(path: Path) -> FileReading:
    if path.is_file() and path.suffix.lower() == ".zip":
        with path.open("rb") as stream:
            return _read_dpd_zip(stream, label=path.name)
    return dpd.read_extract_dir(path, classes=read_class_map())


def read_upload(
    list_name: str, stream: BinaryIO, *, file_name: str, today: datetime.date | None = None
) -> FileReading:
    """A file staff uploaded: the NDC's product.txt or ndctext.zip, or the DPD's allfiles.zip."""
    is_zip = zipfile.is_zipfile(stream)
    stream.seek(0)
    if list_name == "ndc":
        if is_zip:
            return _read_ndc_zip(stream, today=today)
        return ndc.read_product_file(
            stream, classes=read_class_map(), today=today, file_name=file_name
        )
    if not is_zip:
        raise FileError(
            "Upload Health Canada's allfiles.zip as it is: it holds drug.txt, ingred.txt, "
            "ther.txt and status.txt."
        )
    return _read_dpd_zip(stream, label=file_name)


def _member(archive: zipfile.ZipFile, name: str) -> BinaryIO:
    """One file of a zip by its name (in any folder of it), never bigger than MAX_MEMBER_BYTES."""
    matches = [
        info
        for info in archive.infolist()
        if not info.is_dir() and info.filename.rsplit("/", 1)[-1].lower() == name
    ]
    if not matches:
        raise FileError(f"The zip file has no {name}.")
    info = matches[0]
    if info.file_size > MAX_MEMBER_BYTES:
        raise FileError(f"{name} in the zip file is too big to be the agency's file.")
    # zipfile stops at the size the zip declares, so a file cannot unpack to more than that.
    return archive.open(info)


def _read_ndc_zip(stream: BinaryIO, *, today: datetime.date | None) -> FileReading:
    with zipfile.ZipFile(stream) as archive, _member(archive, "product.txt") as member:
        return ndc.read_product_file(
            io.BufferedReader(member), classes=read_class_map(), today=today
        )


def _read_dpd_zip(stream: BinaryIO, *, label: str) -> FileReading:
    with zipfile.ZipFile(stream) as archive:

        def opener(name: str) -> BinaryIO:
            return io.BufferedReader(_member(archive, name))

        return dpd.read_extract(opener, classes=read_class_map(), label=label)


def checksum(stream: BinaryIO) -> str:
    digest = hashlib.sha256()
    for block in iter(lambda: stream.read(1024 * 1024), b""):
        digest.update(block)
    stream.seek(0)
    return digest.hexdigest()


# --- What the checker knows now ---------------------------------------------------------------


def knowledge_now() -> Knowledge:
    from checker import engine
    from checker.datafiles import read_words
    from checker.models import Ingredient, InteractionGroup, Name, ProposedChange
    from clinical.loading import staff_owned

    groups_of: dict[str, set[str]] = {
        name: set() for name in Ingredient.objects.values_list("name", flat=True)
    }
    for ingredient, slug in Ingredient.groups.through.objects.values_list(
        "ingredient__name", "interactiongroup__slug"
    ):
        groups_of.setdefault(ingredient, set()).add(slug)
    turned_down = ProposedChange.objects.filter(decision=ProposedChange.Decision.TURNED_DOWN)
    staff_names = {name_key(name) for name in staff_owned(Name, lambda row: row.name)}
    staff_names |= {
        name_key(name)
        for name in turned_down.filter(kind=ProposedChange.Kind.NEW_NAME).values_list(
            "name", flat=True
        )
    }
    staff_ingredients = set(staff_owned(Ingredient, lambda row: row.name))
    staff_ingredients |= set(
        turned_down.exclude(kind=ProposedChange.Kind.NEW_NAME).values_list("name", flat=True)
    )
    return Knowledge(
        index=engine.build_now().index,  # what the database holds now, this import's writes too
        ingredient_groups={name: frozenset(groups) for name, groups in groups_of.items()},
        groups=frozenset(InteractionGroup.objects.values_list("slug", flat=True)),
        staff_names=frozenset(staff_names),
        staff_ingredients=frozenset(staff_ingredients),
        guard_phrases=read_words().guard_phrases,
        counts_as=read_class_map().counts_as,
    )


def propose_now(reading: FileReading) -> Proposal:
    return propose(reading, knowledge=knowledge_now())


# --- Applying ---------------------------------------------------------------------------------


def source_for(list_name: str, *, file_name: str, file_date: datetime.date):
    """The Source the imported names cite: this list's file of this date (one row a file)."""
    from clinical.models import Source

    about = LISTS[list_name]
    source, _ = Source.objects.get_or_create(
        key=f"{'fda-ndc' if list_name == 'ndc' else 'hc-dpd'}-{file_date:%Y-%m-%d}",
        defaults={
            "title": f"{about['title']}: {file_name} of {file_date:%Y-%m-%d}",
            "publisher": about["publisher"],
            "url": about["url"],
            "date": f"{file_date:%Y-%m-%d}",
        },
    )
    return source


@dataclass
class Applied:
    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # changed meanwhile: not applied

    def lines(self) -> list[str]:
        out = [f"Applied {len(self.added)} changes."]
        out.extend(f"  + {line}" for line in self.added)
        if self.skipped:
            out.append(
                f"Not applied, because the list changed since the file was read ({len(self.skipped)}):"
            )
            out.extend(f"  - {line}" for line in self.skipped)
        return out


def apply(
    changes: list[NewIngredient | JoinsGroup | NewName],
    *,
    source,
    user=None,
    reason: str,
) -> tuple[Applied, list[bool]]:
    """Make the changes, in one transaction, each with a history version that gives `reason`
    (the file's name and date) and `user` (the pharmacist who approved it, if any). Each change
    is checked again against the database first; returns what happened and, per change,
    whether it was applied."""
    from checker.models import Ingredient, InteractionGroup, Name

    knowledge = knowledge_now()
    applied = Applied()
    done = [False] * len(changes)

    def versioned(obj) -> None:
        obj._change_reason = reason
        if user is not None:
            obj._history_user = user
        obj.save()

    with transaction.atomic():
        groups = {group.slug: group for group in InteractionGroup.objects.all()}
        ingredients = {row.name: row for row in Ingredient.objects.all()}
        # ingredients first, so that the names after them can use them
        for index, change in sorted(enumerate(changes), key=lambda pair: _order(pair[1])):
            if isinstance(change, NewIngredient):
                if change.name in ingredients:
                    applied.skipped.append(f"{change.name}: the ingredient exists now")
                    continue
                ingredient = Ingredient(name=change.name, source=source)
                versioned(ingredient)
                ingredient.groups.set([groups[g] for g in change.groups if g in groups])
                ingredients[ingredient.name] = ingredient
                applied.added.append(f"ingredient {change.describe()}")
                done[index] = True
            elif isinstance(change, JoinsGroup):
                ingredient = ingredients.get(change.ingredient)
                group = groups.get(change.group)
                if (
                    ingredient is None
                    or group is None
                    or change.ingredient in knowledge.staff_ingredients
                ):
                    applied.skipped.append(
                        f"{change.ingredient} joins {change.group}: the ingredient or the group "
                        "is missing, or staff have set its groups"
                    )
                    continue
                if not ingredient.groups.filter(pk=group.pk).exists():
                    ingredient.groups.add(group)
                    # a version of its own, so the loader leaves the approved groups alone
                    versioned(ingredient)
                applied.added.append(change.describe())
                done[index] = True
            else:
                key = name_key(change.name)
                exists = Name.objects.annotate(lower=Lower("name")).filter(
                    lower=change.name.lower()
                )
                if key in knowledge.staff_names or exists.exists():
                    applied.skipped.append(
                        f"{change.name}: the name exists now, or staff removed or changed it"
                    )
                    continue
                missing = [i for i in change.ingredients if i not in ingredients]
                if missing:
                    applied.skipped.append(f"{change.name}: no ingredient {', '.join(missing)}")
                    continue
                name = Name(
                    name=change.name,
                    kind=change.kind,
                    region=change.region,
                    everyday_word=change.everyday,
                    source=source,
                    note=change.why,
                )
                versioned(name)
                name.ingredients.set([ingredients[i] for i in change.ingredients])
                applied.added.append(f"name {change.name} = {' + '.join(change.ingredients)}")
                done[index] = True
    return applied, done


def _order(change) -> int:
    return 0 if isinstance(change, NewIngredient) else 1 if isinstance(change, JoinsGroup) else 2


# --- An upload waiting for a pharmacist ------------------------------------------------------


def record_run(
    proposal: Proposal,
    *,
    list_name: str,
    file_name: str,
    file_date: datetime.date,
    sha256: str,
    user,
):
    """Keep an uploaded file's proposal for a pharmacist's review (the file itself is not kept)."""
    from checker.models import ImportRun, ProposedChange

    run = ImportRun.objects.create(
        list_name=list_name,
        file_name=file_name[:200],
        file_date=file_date,
        file_sha256=sha256,
        summary="\n".join(proposal.lines()),
        uploaded_by=user,
        status=ImportRun.Status.WAITING if proposal.changes else ImportRun.Status.NOTHING,
    )
    rows = []
    for order, change in enumerate(proposal.changes):
        if isinstance(change, NewIngredient):
            fields = {
                "kind": "new_ingredient",
                "name": change.name,
                "groups": "+".join(change.groups),
            }
        elif isinstance(change, JoinsGroup):
            fields = {"kind": "joins_group", "name": change.ingredient, "groups": change.group}
        else:
            fields = {
                "kind": "new_name",
                "name": change.name,
                "name_kind": change.kind,
                "ingredients": "+".join(change.ingredients),
                "region": change.region,
                "everyday_word": change.everyday,
            }
        rows.append(ProposedChange(run=run, order=order, why=change.why[:2000], **fields))
    ProposedChange.objects.bulk_create(rows)
    return run


def change_of(row) -> NewIngredient | JoinsGroup | NewName:
    """The pure change a stored ProposedChange stands for."""
    if row.kind == "new_ingredient":
        groups = tuple(g for g in row.groups.split("+") if g)
        return NewIngredient(name=row.name, groups=groups, why=row.why)
    if row.kind == "joins_group":
        return JoinsGroup(ingredient=row.name, group=row.groups, why=row.why)
    return NewName(
        name=row.name,
        ingredients=tuple(i for i in row.ingredients.split("+") if i),
        kind=row.name_kind or "brand",
        region=row.region,
        everyday=row.everyday_word,
        why=row.why,
    )


def decide(run, *, approved_ids: set[int], user) -> Applied:
    """A pharmacist's decision on an upload: the ticked changes go live, the others are turned
    down (and never proposed again)."""
    from django.utils import timezone

    from checker.models import ImportRun, ProposedChange

    waiting = list(run.changes.filter(decision=ProposedChange.Decision.WAITING))
    chosen = [row for row in waiting if row.pk in approved_ids]
    source = source_for(run.list_name, file_name=run.file_name, file_date=run.file_date)
    reason = (
        f"{LISTS[run.list_name]['command']}: {run.file_name} of {run.file_date:%Y-%m-%d}, approved"
    )
    with transaction.atomic():
        applied, done = apply(
            [change_of(row) for row in chosen], source=source, user=user, reason=reason
        )
        for row, ok in zip(chosen, done, strict=True):
            row.decision = (
                ProposedChange.Decision.APPROVED if ok else ProposedChange.Decision.SKIPPED
            )
            row.save(update_fields=["decision"])
        for row in waiting:
            if row.pk not in approved_ids:
                row.decision = ProposedChange.Decision.TURNED_DOWN
                row.save(update_fields=["decision"])
        run.status = ImportRun.Status.APPLIED if chosen else ImportRun.Status.TURNED_DOWN
        run.decided_by = user
        run.decided_at = timezone.now()
        run.source = source if chosen else None
        run.save(update_fields=["status", "decided_by", "decided_at", "source"])
    return applied
