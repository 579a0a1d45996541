"""Frozen: this migration once loaded the pages by importing live code. Migrations now carry
schema only; the pages come from `manage.py load_content` (education/data/pages/). Kept, empty,
so databases that applied it keep a consistent migration history."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("education", "0001_initial")]

    operations = []
