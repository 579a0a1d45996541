"""Export and import of everything staff edit: the education pages, the checker's knowledge
base and the checklist's content, with their version history.

The file is a plain Django JSON fixture, so `manage.py loaddata` can read it too.
"""

import json

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test.utils import override_settings

CONTENT_APPS = ("education", "checker", "checklist")


def _is_history(model) -> bool:
    return hasattr(model, "instance_type")  # simple-history's historical models


def content_models(*, with_history: bool = True) -> list:
    models = []
    for label in CONTENT_APPS:
        try:
            config = apps.get_app_config(label)
        except LookupError:
            continue
        models.extend(m for m in config.get_models() if with_history or not _is_history(m))
    return serializers.sort_dependencies([(None, models)], allow_cycles=True)


def export_content(stream, *, with_history: bool = True) -> int:
    """Write every content row to `stream` as JSON; return how many rows."""
    objects = [
        obj
        for model in content_models(with_history=with_history)
        for obj in model._base_manager.order_by("pk")
    ]
    serializers.serialize("json", objects, stream=stream, indent=1, use_natural_foreign_keys=True)
    return len(objects)


def import_content(path) -> int:
    """Replace every content row with the file's rows; return how many rows were loaded.

    All in one transaction: a bad file changes nothing. History rows that name a staff
    user who does not exist here keep their change but lose the name.
    """
    with open(path, encoding="utf-8") as handle:
        rows = json.load(handle)
    usernames = set(
        get_user_model().objects.values_list(get_user_model().USERNAME_FIELD, flat=True)
    )
    for row in rows:
        user = row["fields"].get("history_user")
        if user is not None and (not isinstance(user, list) or user[0] not in usernames):
            row["fields"]["history_user"] = None
    in_file = {row["model"] for row in rows}
    with transaction.atomic(), override_settings(SIMPLE_HISTORY_ENABLED=False):
        for model in reversed(content_models(with_history=True)):
            if _is_history(model) and model._meta.label_lower not in in_file:
                continue  # a file without history leaves this database's history alone
            model._base_manager.all().delete()
        objects = list(
            serializers.deserialize("json", json.dumps(rows), handle_forward_references=True)
        )
        for obj in objects:
            obj.save()
        for obj in objects:
            if obj.deferred_fields:
                obj.save_deferred_fields()
        _reset_sequences()
    return len(objects)


def _reset_sequences() -> None:
    """PostgreSQL hands out ids from a sequence; move it past the loaded rows."""
    statements = connection.ops.sequence_reset_sql(no_style(), content_models(with_history=True))
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
