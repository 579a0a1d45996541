"""Load the checklist's starting words from checklist/content.py (missing rows only)."""

from django.db import migrations


def load_content(apps, schema_editor):
    from checklist.seed import load_checklist_content

    load_checklist_content(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("checklist", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load_content, migrations.RunPython.noop),
    ]
