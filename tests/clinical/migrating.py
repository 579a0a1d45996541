"""For the tests that run the content apps' real migrations on the test database.

The suite's test database is made from today's models, not by running every migration
(tests/conftest.py), so it records no migration as applied. These helpers put it where a real
site stands before its content apps' first migration: every other app at its latest migration
(its tables are today's), the content apps' tables gone, and the real migration files in use;
or every migration recorded as applied, to migrate back from today's tables.
"""

from contextlib import contextmanager

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.test.utils import override_settings

CONTENT_APPS = ("checker", "education", "checklist", "clinical")


@contextmanager
def real_migrations():
    """The apps' own migration files, which the test database was made without."""
    with override_settings(MIGRATION_MODULES={}):
        yield


def before_the_content_apps_first_migration() -> None:
    """The content apps' tables dropped and their migrations unrecorded; every other app's
    migrations recorded as applied (its tables are today's). Call inside real_migrations()."""
    from django.apps import apps

    with connection.schema_editor() as editor:
        for label in CONTENT_APPS:
            for model in apps.get_app_config(label).get_models():
                editor.delete_model(model)
    recorder = MigrationRecorder(connection)
    recorder.ensure_schema()
    recorder.migration_qs.filter(app__in=CONTENT_APPS).delete()
    applied = recorder.applied_migrations()
    for app, name in MigrationLoader(connection).graph.nodes:
        if app not in CONTENT_APPS and (app, name) not in applied:
            recorder.record_applied(app, name)
    left = [
        table
        for table in connection.introspection.table_names()
        if table.startswith(tuple(f"{label}_" for label in CONTENT_APPS))
    ]
    assert not left, f"tables no model of today names: {left}"


def every_migration_recorded() -> None:
    """Every app's migrations recorded as applied: the database's tables are today's, which is
    where the latest migrations leave them. From there a test may migrate back."""
    recorder = MigrationRecorder(connection)
    recorder.ensure_schema()
    applied = recorder.applied_migrations()
    for node in MigrationLoader(connection).graph.nodes:
        if node not in applied:
            recorder.record_applied(*node)


def migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def migrate_to_the_latest() -> None:
    executor = MigrationExecutor(connection)
    migrate(executor.loader.graph.leaf_nodes())
