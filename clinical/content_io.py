"""Export and import of everything staff edit: the shared sources and urgent box, the education
pages, the checker's knowledge base and the checklist's content, with their version history.

The file is a plain Django JSON fixture, so `manage.py loaddata` can read it too.
"""

import datetime
import json

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models import Model

from serving import page_cache

CONTENT_APPS = ("clinical", "education", "checker", "checklist")


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


class ExactTimeEncoder(DjangoJSONEncoder):
    """Times to the microsecond: Django's encoder cuts them to the millisecond, so a version
    saved at 12:00:00.000456 would come back as a different time than it was saved at."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


def export_content(stream, *, with_history: bool = True) -> int:
    """Write every content row to `stream` as JSON; return how many rows."""
    objects = [
        obj
        for model in content_models(with_history=with_history)
        for obj in model._base_manager.order_by("pk").prefetch_related(
            *(field.name for field in model._meta.many_to_many)
        )
    ]
    serializers.serialize(
        "json",
        objects,
        stream=stream,
        indent=1,
        use_natural_foreign_keys=True,
        cls=ExactTimeEncoder,
    )
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
    models = content_models(with_history=True)
    # A file without history leaves this database's history alone.
    to_clear = [m for m in models if not _is_history(m) or m._meta.label_lower in in_file]
    with transaction.atomic():
        _delete_rows(to_clear)
        objects = list(
            serializers.deserialize("json", json.dumps(rows), handle_forward_references=True)
        )
        links = _links_of(objects)  # read first: saving a deserialized object forgets them
        for obj in objects:
            if not _is_history(type(obj.object)):
                _check(obj.object)
        history_rows: dict = {}
        for obj in objects:
            if not _is_history(type(obj.object)):
                _save_as_the_model_does(obj.object)
            elif obj.deferred_fields:
                # Rows go in exactly as exported: raw, so no automatic dates and no new history.
                obj.save(save_m2m=False, force_insert=True)
            else:
                history_rows.setdefault(type(obj.object), []).append(obj.object)
        # History rows (two thirds of a backup) in bulk, as exported: a historical model has no
        # automatic dates and no save() of its own, and nothing listens for them one by one
        # (the pages and the checker are told once, at the commit).
        for model, rows_of_model in history_rows.items():
            model._base_manager.bulk_create(rows_of_model, batch_size=500)
        for obj in objects:
            if obj.deferred_fields:
                obj.save_deferred_fields()
        for through, link_rows in links.items():
            through._base_manager.bulk_create(link_rows, batch_size=500)
        _reset_sequences()
        transaction.on_commit(_content_replaced)
    return len(objects)


def _check(instance) -> None:
    """Refuse a row the admin would refuse (a javascript: link, an unknown choice, a text too
    long): a backup is only as trustworthy as the disk it sat on."""
    relations = [field.name for field in instance._meta.fields if field.is_relation]
    try:
        # Uniqueness is left to the database: the rows being replaced are already gone.
        instance.full_clean(exclude=relations, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        problems = "; ".join(
            f"{field}: {' '.join(m.rstrip('.') for m in messages)}"
            for field, messages in error.message_dict.items()
        )
        raise CommandError(
            f"{instance._meta.label_lower} {instance.pk}: {problems}. Nothing was imported."
        ) from error


def _save_as_the_model_does(instance) -> None:
    """Save through the model's own save(), so whatever it derives is derived here too (the
    page intro's sanitised HTML is rendered again from its Markdown, never taken from the
    file), but as a raw save: no automatic dates and no new history rows, as exported."""
    instance.save_base = lambda **kwargs: Model.save_base(
        instance, raw=True, **{**kwargs, "force_insert": True}
    )
    try:
        instance.save()
    finally:
        del instance.save_base


def _delete_rows(models) -> None:
    """Empty the tables in one statement each. Foreign keys are checked at commit, so the
    order does not matter, and no per-row signals fire (no history rows for the deletion)."""
    tables = []
    for model in models:
        tables.append(model._meta.db_table)
        tables.extend(
            field.remote_field.through._meta.db_table
            for field in model._meta.local_many_to_many
            if field.remote_field.through._meta.auto_created
        )
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")  # noqa: S608


def _links_of(objects) -> dict:
    """The many-to-many links as rows of each link table, to write in bulk (one query per
    table rather than several per row)."""
    links: dict = {}
    for obj in objects:
        for name, related_ids in (obj.m2m_data or {}).items():
            field = obj.object._meta.get_field(name)
            through = field.remote_field.through
            own, other = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
            links.setdefault(through, []).extend(
                through(**{own: obj.object.pk, other: related_id}) for related_id in related_ids
            )
    return links


def _content_replaced() -> None:
    """Tell every worker that pages and the checker's index must be built afresh."""
    from checker import engine

    page_cache.clear_pages()
    engine.bump_version()


def _reset_sequences() -> None:
    """PostgreSQL hands out ids from a sequence; move it past the loaded rows."""
    statements = connection.ops.sequence_reset_sql(no_style(), content_models(with_history=True))
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
