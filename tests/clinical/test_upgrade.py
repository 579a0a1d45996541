"""An existing site upgrades losing nothing: a database at the schema and content of commit
2b7acac (before the data files), with staff edits, migrated forward and loaded, keeps every edit
and gains nothing twice.

fixtures/at-2b7acac.json.gz was made once at that commit by fixtures/make_upgrade_fixture.at-2b7acac.txt:
`migrate` (which then loaded the content), then staff edits through the models with a staff
user (a group's headline, a checker source's title, a name added, a name deleted, a page's
title, a list point's text, a point added, a page source's note, a checklist question, the
checker's urgent action), then `dumpdata` of those apps.
"""

import gzip
import io
import json
from collections import defaultdict
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.clinical.migrating import (
    before_the_content_apps_first_migration,
    migrate,
    migrate_to_the_latest,
    real_migrations,
)

FIXTURE = Path(__file__).with_name("fixtures") / "at-2b7acac.json.gz"
AT_2B7ACAC = [
    ("checker", "0003_help_text"),
    ("education", "0005_backfill_citation_history"),
    ("checklist", "0002_load_content"),
    ("clinical", None),
]


def _load_old_rows(apps) -> None:
    """The fixture's rows, written through the models as they were at 2b7acac: one bulk insert
    a table, its many-to-many links one bulk insert a link table."""
    rows = json.loads(gzip.decompress(FIXTURE.read_bytes()))
    objects = defaultdict(list)
    links = defaultdict(list)
    for row in rows:
        model = apps.get_model(row["model"])
        values = {}
        for name, value in row["fields"].items():
            field = model._meta.get_field(name)
            if field.many_to_many:
                through = field.remote_field.through
                own, other = field.m2m_column_name(), field.m2m_reverse_name()
                links[through].extend(through(**{own: row["pk"], other: pk}) for pk in value)
            elif field.is_relation:
                values[field.attname] = value
            else:
                values[name] = field.to_python(value)
        objects[model].append(model(pk=row["pk"], **values))
    with connection.constraint_checks_disabled():
        for model, instances in (*objects.items(), *links.items()):
            model._base_manager.bulk_create(instances, batch_size=500)
    connection.check_constraints()
    # As in a real database, the next new row gets the next id (PostgreSQL keeps a sequence).
    models = {apps.get_model(row["model"]) for row in rows}
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


@pytest.fixture
def upgraded_site(transactional_db):
    call_command("flush", interactive=False, verbosity=0)
    with real_migrations():
        # The old schema made as it was made then: the content apps' migrations applied from
        # the start up to 2b7acac (they carry schema only; the content is the fixture's).
        before_the_content_apps_first_migration()
        migrate(AT_2B7ACAC)
        old_nodes = [node for node in AT_2B7ACAC if node[1] is not None]
        _load_old_rows(MigrationExecutor(connection).loader.project_state(old_nodes).apps)
        migrate_to_the_latest()
    yield
    # Later tests start from an empty, current database, as transactional tests always do.


def _counts() -> dict[str, int]:
    from checker.models import Ingredient, InteractionGroup, Name
    from checklist.models import Checklist, SignToWatch
    from clinical.models import Source, UrgentHelp
    from education.models import Item, Topic, TopicSection

    models = (Source, UrgentHelp, InteractionGroup, Ingredient, Name, Topic, TopicSection, Item)
    return {model.__name__: model.objects.count() for model in (*models, Checklist, SignToWatch)}


# One test, because building the old database and migrating it forward takes ~15 s.
def test_an_edited_database_migrated_forward_and_loaded_keeps_every_edit_and_nothing_twice(
    upgraded_site,
):
    from checker.models import CheckerSettings, InteractionGroup, Name
    from checklist.models import Checklist, QuestionToAsk
    from clinical.models import Source, UrgentHelp
    from education.models import Item, Topic, TopicSection

    call_command("load_content", stdout=io.StringIO())

    # Every staff edit survives.
    nsaid = InteractionGroup.objects.get(slug="nsaid")
    assert nsaid.headline.startswith("Staff edit:")
    assert nsaid.sources.exists()  # its sources came across to the one table
    assert Source.objects.get(key="revia-label").title == "ReVia label (title edited by staff)"
    assert Name.objects.filter(name="Staffadded Brand").exists()
    assert not Name.objects.filter(name__iexact="vikes").exists()  # deleted by staff: not back
    assert Topic.objects.get(slug="side-effects").title == "Side effects (title edited by staff)"
    assert Item.objects.filter(text="Staff edit: naltrexone blocks opioids.").count() == 1
    assert not Item.objects.filter(text__startswith="Naltrexone blocks the effects").exists()
    assert Item.objects.filter(text="A point staff added.").count() == 1
    cleveland = Source.objects.get(key="cleveland-withdrawal")
    assert cleveland.note == "Staff note on the withdrawal source."
    assert QuestionToAsk.objects.get(key="missed-dose").text.startswith("Staff edit:")
    assert UrgentHelp.load().action.startswith("Staff edit: call 112")
    assert CheckerSettings.load().dose_context
    # A fix in the data reaches a row staff never touched.
    lortab = Name.objects.get(name="Lortab ASA")
    assert sorted(lortab.ingredients.values_list("name", flat=True)) == ["aspirin", "hydrocodone"]

    # Nothing is there twice, and loading again adds nothing.
    urls = [url for url in Source.objects.values_list("url", flat=True) if url]
    assert len(urls) == len(set(urls))  # one source a work
    texts = list(Item.objects.values_list("section__topic__slug", "text"))
    assert len(texts) == len(set(texts))
    headings = list(TopicSection.objects.values_list("topic__slug", "heading"))
    assert len(headings) == len(set(headings))
    assert UrgentHelp.objects.count() == 1 and Checklist.objects.count() == 1
    loaded = _counts()
    output = io.StringIO()
    call_command("load_content", stdout=output)
    assert _counts() == loaded
    assert "Everything was already up to date." in output.getvalue()
