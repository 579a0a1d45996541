"""Load the checklist's starting words (checklist/content.py) into the database.

Adds only what is missing, found by each row's `key`; it never changes or re-adds a row staff
have edited. The data migration calls it with historical models; it can be called again safely.
"""

import datetime

from checklist import content
from ldn_site.history import record_first_version

FIRST_VERSION = "First version, loaded with the site"


def load_checklist_content(apps=None) -> None:
    if apps is None:
        from django.apps import apps as live_apps

        apps = live_apps
    checklist_model = apps.get_model("checklist", "Checklist")
    source_model = apps.get_model("checklist", "ChecklistSource")

    if not checklist_model.objects.exists():
        _first_version(
            apps,
            checklist_model.objects.create(
                **content.CHECKLIST,
                last_reviewed=datetime.date.fromisoformat(content.REVIEWED_ON),
                next_review_due=datetime.date.fromisoformat(content.NEXT_REVIEW_DUE),
            ),
        )

    sources = {source.key: source for source in source_model.objects.exclude(key=None)}
    taken_numbers = set(source_model.objects.values_list("number", flat=True))
    for row in content.SOURCES:
        if row["key"] in sources:
            continue
        number = row["number"]
        while number in taken_numbers:  # staff may have used the number for their own source
            number += 1
        taken_numbers.add(number)
        sources[row["key"]] = source_model.objects.create(**{**row, "number": number})
        _first_version(apps, sources[row["key"]])

    lists = [
        ("QuestionToAsk", content.QUESTIONS_TO_ASK),
        ("ThingToBring", content.THINGS_TO_BRING),
        ("SignToWatch", content.SIGNS_TO_WATCH),
    ]
    for model_name, rows in lists:
        model = apps.get_model("checklist", model_name)
        existing = set(model.objects.exclude(key=None).values_list("key", flat=True))
        for order, row in enumerate(rows, start=1):
            if row["key"] in existing:
                continue
            fields = {name: value for name, value in row.items() if name != "sources"}
            item = model.objects.create(**fields, order=order * 10)
            _first_version(apps, item)
            source_keys = row.get("sources") or content.SIGN_SOURCES.get(row.get("kind"), [])
            item.sources.set([sources[key] for key in source_keys if key in sources])


def _first_version(apps, row) -> None:
    history = apps.get_model("checklist", f"Historical{type(row).__name__}")
    record_first_version(history, row, reason=FIRST_VERSION)
