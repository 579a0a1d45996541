"""Frozen: this migration once loaded the checklist's words by importing live code. Migrations
now carry schema only; the words come from `manage.py load_content` (checklist/data/). Kept,
empty, so databases that applied it keep a consistent migration history."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("checklist", "0001_initial")]

    operations = []
