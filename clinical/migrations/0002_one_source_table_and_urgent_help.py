"""Move the three apps' sources into the one clinical Source table, and the checker's urgent-box
words into the one UrgentHelp row. Historical models only; nothing from the project is imported.

Sources: one row a work. Rows of the three old tables with the same web address (or, without
one, the same title) become one row; its key is the checker's or the checklist's key where there
is one, else the key the data files use for that work, else one made from the title. Where staff
edited one of the rows, their words are kept and the new row counts as theirs, so `load_content`
never overwrites it. Every link from a group, question, page, list point or checklist line (and
every old version's link) now points at the new row.

Urgent help: the checker's heading, signs and action. If staff had edited only the checklist's
urgent text, that becomes the action; if they had edited both, the checklist's text is kept as
a version in the urgent box's history, so it can be brought back.
"""

import datetime
import re

from django.db import migrations
from django.utils.text import slugify

LOADER = "load_content:"
# Keys the data files (clinical/data/sources.yaml) give the works the site was installed with
# that had no key before (the pages' sources were numbered, not keyed). Frozen here.
KEY_OF_URL = {
    "drugs.com/drug-interactions/naltrexone.html": "drugs-com-interactions",
    "drugs.com/naltrexone.html": "drugs-com-naltrexone",
    "drugs.com/medical-answers/low-dose-naltrexone-ldn-3570335": "drugs-com-ldn",
    "ncbi.nlm.nih.gov/books/nbk534811": "statpearls-naltrexone",
    "ncbi.nlm.nih.gov/books/nbk64042/table/a93043": "tip49-exhibit",
    "goodrx.com/naltrexone/interactions": "goodrx-naltrexone",
    "my.clevelandclinic.org/health/diseases/opioid-withdrawal": "cleveland-withdrawal",
    "api.fda.gov/drug/label.json?search=%22vivitrol%22": "vivitrol-label",
    "drugcentral.org/label/adb7c4dc-221a-4d91-9687-0d78913a92ad/view": "naltrexone-label",
    "ncbi.nlm.nih.gov/books/n/livertox/naltrexone": "livertox-naltrexone",
}
KEY_OF_TITLE = {"low dose naltrexone drug interactions": "embers-recovery-article"}
OLD_TABLES = (  # (app, model, the M2M fields that cite it: (model, field))
    ("education", "Source", [("education", "Topic"), ("education", "Item")]),
    ("checker", "Source", [("checker", "InteractionGroup"), ("checker", "ScreeningQuestion")]),
    (
        "checklist",
        "ChecklistSource",
        [
            ("checklist", "QuestionToAsk"),
            ("checklist", "ThingToBring"),
            ("checklist", "SignToWatch"),
        ],
    ),
)


def _work(row) -> str:
    url = re.sub(r"^https?://(www\.)?", "", (row.url or "").strip().lower()).rstrip("/")
    return url or "title:" + " ".join(row.title.lower().split())


def _staff_version(apps, app, model_name, pk):
    """The latest version staff made of a row, or None if staff never touched it."""
    history = apps.get_model(app, f"Historical{model_name}")
    versions = history.objects.filter(id=pk).order_by("-history_date", "-history_id")
    for version in versions:
        by_loader = (version.history_change_reason or "").startswith(LOADER)
        if version.history_user_id is not None or (version.history_type != "+" and not by_loader):
            return version
    return None


def merge_sources(apps, schema_editor):
    Source = apps.get_model("clinical", "Source")
    HistoricalSource = apps.get_model("clinical", "HistoricalSource")
    works: dict[str, list] = {}
    for app, model_name, _ in OLD_TABLES:
        for row in apps.get_model(app, model_name).objects.order_by("pk"):
            works.setdefault(_work(row), []).append((app, model_name, row))

    new_id: dict[tuple[str, str, int], int] = {}
    taken: set[str] = set()
    now = datetime.datetime.now(tz=datetime.UTC)
    for work, rows in works.items():
        keys = [getattr(row, "key", None) for app, _, row in rows if app != "education"]
        key = next((k for k in keys if k), None)
        key = key or KEY_OF_URL.get(work) or KEY_OF_TITLE.get(work.removeprefix("title:"))
        key = key or slugify(rows[0][2].title)[:70] or "source"
        base, number = key, 2
        while key in taken:
            key, number = f"{base}-{number}", number + 1
        taken.add(key)
        edited = [
            (version, row)
            for app, model_name, row in rows
            if (version := _staff_version(apps, app, model_name, row.pk)) is not None
        ]
        # Staff's words first; else the pages' (they carry notes and dates), the checker's, the checklist's.
        chosen = edited[0][1] if edited else rows[0][2]
        source = Source.objects.create(
            key=key,
            title=chosen.title,
            publisher=chosen.publisher,
            url=chosen.url,
            date=getattr(chosen, "date", "") or "",
            note=getattr(chosen, "note", "") or "",
        )
        HistoricalSource.objects.create(
            id=source.pk,
            key=source.key,
            title=source.title,
            publisher=source.publisher,
            url=source.url,
            date=source.date,
            note=source.note,
            history_date=now,
            history_type="+",
            history_user_id=edited[0][0].history_user_id if edited else None,
            history_change_reason=(
                "Merged from the pages', the checker's and the checklist's sources (staff had edited it)"
                if edited
                else f"{LOADER} merged from the pages', the checker's and the checklist's sources"
            ),
        )
        for app, model_name, row in rows:
            new_id[(app, model_name, row.pk)] = source.pk

    for app, model_name, citing in OLD_TABLES:
        for citing_app, citing_model in citing:
            model = apps.get_model(citing_app, citing_model)
            old = model._meta.get_field("sources").remote_field.through
            new = model._meta.get_field("new_sources").remote_field.through
            owner = f"{model._meta.model_name}_id"
            old_target = next(f.attname for f in old._meta.fields if f.attname not in ("id", owner))
            links = []
            seen = set()
            for link in old.objects.order_by("pk"):
                pair = (getattr(link, owner), new_id[(app, model_name, getattr(link, old_target))])
                if pair not in seen:
                    seen.add(pair)
                    links.append(new(**{owner: pair[0], "source_id": pair[1]}))
            new.objects.bulk_create(links)
    # Old versions of pages and list points keep their citations, now of the new rows.
    for name in ("Topic", "Item"):
        cited = apps.get_model("education", f"Historical{name}_sources")
        for link in cited.objects.all():
            target = new_id.get(("education", "Source", link.source_id))
            if target is not None:
                cited.objects.filter(pk=link.pk).update(source_id=target)


def move_urgent_help(apps, schema_editor):
    Settings = apps.get_model("checker", "CheckerSettings")
    Checklist = apps.get_model("checklist", "Checklist")
    UrgentHelp = apps.get_model("clinical", "UrgentHelp")
    History = apps.get_model("clinical", "HistoricalUrgentHelp")
    settings = Settings.objects.filter(pk=1).first()
    if settings is None:
        return  # a database without content: load_content writes the row
    checker_edit = _staff_version(apps, "checker", "CheckerSettings", settings.pk)
    checklist = Checklist.objects.order_by("pk").first()
    checklist_edit = None
    if checklist is not None:
        version = _staff_version(apps, "checklist", "Checklist", checklist.pk)
        first = (
            apps.get_model("checklist", "HistoricalChecklist")
            .objects.filter(id=checklist.pk)
            .order_by("history_date", "history_id")
            .first()
        )
        if version is not None and (first is None or first.urgent_help != checklist.urgent_help):
            checklist_edit = version
    action = settings.urgent_action
    if checklist_edit is not None and checker_edit is None:
        action = checklist.urgent_help[:300]
    row = UrgentHelp.objects.create(
        pk=1, heading=settings.urgent_heading, signs=settings.urgent_signs, action=action
    )
    now = datetime.datetime.now(tz=datetime.UTC)
    owner = checker_edit or checklist_edit
    common = {"id": 1, "heading": row.heading, "signs": row.signs, "history_type": "+"}
    if checker_edit is not None and checklist_edit is not None:
        History.objects.create(
            **{**common, "action": checklist.urgent_help[:300]},
            history_date=now - datetime.timedelta(seconds=1),
            history_user_id=checklist_edit.history_user_id,
            history_change_reason="The checklist's urgent text, as staff had edited it",
        )
    History.objects.create(
        **common,
        action=row.action,
        history_date=now,
        history_user_id=owner.history_user_id if owner else None,
        history_change_reason=(
            "Moved from the checker's and the checklist's urgent boxes (staff had edited it)"
            if owner
            else f"{LOADER} moved from the checker's settings"
        ),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("clinical", "0001_initial"),
        ("checker", "0004_names_mirror_names_csv_and_review_records"),
        ("education", "0006_section_and_item_keys"),
        ("checklist", "0003_clinical_sources"),
    ]

    operations = [
        migrations.RunPython(merge_sources, migrations.RunPython.noop),
        migrations.RunPython(move_urgent_help, migrations.RunPython.noop),
    ]
