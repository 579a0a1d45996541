"""Load the first version of every patient page and source (the words live in education/content.py).

Only missing rows are created, so running it on a database staff have edited changes nothing.
"""

from django.db import migrations

from education.content import load_content
from education.markdown import render_markdown


def load(apps, schema_editor):
    models = {
        name: apps.get_model("education", name)
        for name in ("Source", "Topic", "TopicSection", "Item")
    }
    load_content(
        source_model=models["Source"],
        topic_model=models["Topic"],
        section_model=models["TopicSection"],
        item_model=models["Item"],
        render_markdown=render_markdown,
        history={
            model: apps.get_model("education", f"Historical{name}")
            for name, model in models.items()
        },
    )


class Migration(migrations.Migration):
    dependencies = [("education", "0001_initial")]

    # Reversing keeps the rows: staff may have edited them, and nothing is lost by keeping them.
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
