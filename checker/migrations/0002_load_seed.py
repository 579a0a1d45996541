"""Load the starting knowledge base from checker/seed_data.py.

It reads seed_data as it is when the migration runs, so a fresh database (and the test database)
always gets the whole current list. For a database migrated earlier, run
`python manage.py load_checker_seed` after seed_data grows; it keeps every staff edit.
"""

from django.db import migrations


def load(apps, schema_editor):
    from checker.seed import load_seed

    load_seed(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("checker", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
