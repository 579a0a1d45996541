"""Frozen: this migration once loaded the knowledge base by importing live code. Migrations now
carry schema only; the content comes from `manage.py load_content` (checker/data/). Kept, empty,
so databases that applied it keep a consistent migration history."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("checker", "0001_initial")]

    operations = []
