"""Nothing staff write is lost: every content row (sources, education, checker, checklist) and
its history exports to a file and imports back exactly, and load_content never overwrites a row
staff have edited."""

import datetime
import io
import json

import pytest
from django.core import serializers
from django.core.management import call_command
from django.db import transaction

from clinical.content_io import content_models


def snapshot(with_history=True) -> dict:
    """Every content row as the database holds it, by model and primary key: each column's
    value (times to the microsecond) and, for each many-to-many field, the keys it links to
    (sorted: a link has no order).
    (Read with values() and one query a link table: through the serializer, every row's links
    were a query of their own.)"""
    rows = {}
    for model in content_models(with_history=with_history):
        columns = [field.attname for field in model._meta.concrete_fields]
        of_model = {
            row["pk"]: row for row in model._base_manager.order_by("pk").values("pk", *columns)
        }
        for field in model._meta.many_to_many:
            for row in of_model.values():
                row[field.name] = []
            links = field.remote_field.through._base_manager.order_by(
                field.m2m_column_name(), field.m2m_reverse_name()
            ).values_list(field.m2m_column_name(), field.m2m_reverse_name())
            for pk, other in links:
                of_model[pk][field.name].append(other)
        rows[model._meta.label] = of_model
    return rows


@pytest.mark.django_db
def test_content_covers_all_three_apps():
    labels = {model._meta.app_label for model in content_models()}
    assert {"clinical", "education", "checker", "checklist"} <= labels
    names = {model.__name__ for model in content_models()}
    assert {"Topic", "Item", "Source", "HistoricalTopic"} <= names


@pytest.mark.django_db
def test_export_then_import_round_trips_every_row(tmp_path, staff_user):
    from education.models import Topic

    topic = Topic.objects.first()
    topic.title = "Edited by the nurse before the backup"
    topic._history_user = staff_user
    topic.save()
    before = snapshot()
    assert sum(len(rows) for rows in before.values()) > 100

    backup = tmp_path / "content.json"
    call_command("export_content", str(backup), stderr=io.StringIO())

    # Lose everything, and add something that is not in the backup.
    with transaction.atomic():
        for model in reversed(content_models()):
            model._base_manager.all()._raw_delete(model._base_manager.db)
    Topic.objects.create(
        slug="not-in-the-backup", title="Stray", next_review_due=datetime.date(2099, 1, 1)
    )

    call_command("import_content", str(backup), stderr=io.StringIO())
    assert snapshot() == before
    assert Topic.objects.get(pk=topic.pk).title == "Edited by the nurse before the backup"
    assert not Topic.objects.filter(slug="not-in-the-backup").exists()


@pytest.mark.django_db
@pytest.mark.usefixtures("fewer_names")
def test_a_change_keeps_its_exact_time_through_a_backup(tmp_path):
    """Django's JSON cuts times to the millisecond: a version saved at .000456 came back as
    .000 and then read as a different time (found when the suite first ran in parallel)."""
    from education.models import Topic

    versions = Topic.history.order_by("pk")[:3]
    times = {
        version.pk: datetime.datetime(2026, 5, 4, 3, 2, 1, microsecond, tzinfo=datetime.UTC)
        for version, microsecond in zip(versions, [456, 123456, 0], strict=True)
    }
    for pk, when in times.items():
        Topic.history.filter(pk=pk).update(history_date=when)

    backup = tmp_path / "content.json"
    call_command("export_content", str(backup), stderr=io.StringIO())
    call_command("import_content", str(backup), stderr=io.StringIO())
    assert {pk: Topic.history.get(pk=pk).history_date for pk in times} == times


@pytest.mark.django_db
@pytest.mark.usefixtures("fewer_names")
def test_new_rows_after_an_import_get_fresh_ids(tmp_path):
    from clinical.models import Source

    backup = tmp_path / "content.json"
    call_command("export_content", str(backup), stderr=io.StringIO())
    call_command("import_content", str(backup), stderr=io.StringIO())
    highest = Source.objects.order_by("-pk").first().pk
    new = Source.objects.create(
        key="a-new-source", title="A new source", url="https://example.org/"
    )
    assert new.pk > highest


@pytest.mark.django_db
@pytest.mark.usefixtures("fewer_names")
def test_a_broken_file_changes_nothing(tmp_path):
    before = snapshot(with_history=False)
    bad = tmp_path / "bad.json"
    bad.write_text('[{"model": "education.topic", "pk": 1, "fields": {"no_such_field": 1}}]')
    with pytest.raises(Exception):  # noqa: B017 - any error, as long as nothing changed
        call_command("import_content", str(bad), stderr=io.StringIO())
    assert snapshot(with_history=False) == before


@pytest.mark.django_db
@pytest.mark.usefixtures("fewer_names")
def test_the_backup_is_a_plain_django_fixture(tmp_path):
    backup = tmp_path / "content.json"
    call_command("export_content", str(backup), "--without-history", stderr=io.StringIO())
    rows = json.loads(backup.read_text())
    assert not any(row["model"].split(".")[1].startswith("historical") for row in rows)
    # What loaddata reads: every row names a real model and real fields.
    objects = list(serializers.deserialize("json", backup.read_text()))
    assert len(objects) == len(rows)
    # loaddata itself, on one app's rows (the whole file takes a while row by row).
    sources = tmp_path / "sources.json"
    sources.write_text(json.dumps([row for row in rows if row["model"] == "clinical.source"]))
    call_command("loaddata", str(sources), verbosity=0)


@pytest.mark.django_db
def test_load_content_never_overwrites_a_staff_edit_in_any_app(staff_user):
    from checker.models import InteractionGroup
    from checklist.models import Checklist, QuestionToAsk
    from education.models import Item, Topic

    def edit(obj, field, value):
        setattr(obj, field, value)
        obj._history_user = staff_user
        obj.save()

    edit(Topic.objects.get(slug="key-points"), "title", "Our clinic's own title")
    edit(InteractionGroup.objects.get(slug="nsaid"), "headline", "Our pharmacist's own words")
    edit(QuestionToAsk.objects.order_by("pk").first(), "text", "Our doctor's own question?")
    edit(Checklist.objects.get(), "introduction", "Our clinic's own introduction.")
    counts = (Item.objects.count(), QuestionToAsk.objects.count())
    call_command("load_content", stdout=io.StringIO())
    assert Topic.objects.get(slug="key-points").title == "Our clinic's own title"
    assert InteractionGroup.objects.get(slug="nsaid").headline == "Our pharmacist's own words"
    assert QuestionToAsk.objects.order_by("pk").first().text == "Our doctor's own question?"
    assert Checklist.objects.get().introduction == "Our clinic's own introduction."
    assert (Item.objects.count(), QuestionToAsk.objects.count()) == counts  # nothing twice
