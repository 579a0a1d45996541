"""Give each page's and list point's latest version a copy of its citations.

The first versions were written (0002) before versions could hold citations (0004). The latest
version of a row matches the row as it is now, so its citations can be copied from the row.
"""

from django.db import migrations


def backfill(apps, schema_editor):
    for name, owner_field in (("Topic", "topic"), ("Item", "item")):
        model = apps.get_model("education", name)
        history_model = apps.get_model("education", f"Historical{name}")
        cited_model = apps.get_model("education", f"Historical{name}_sources")
        through = model.sources.through
        for row in model.objects.all():
            latest = (
                history_model.objects.filter(id=row.pk)
                .order_by("-history_date", "-history_id")
                .first()
            )
            if latest is None or cited_model.objects.filter(history=latest).exists():
                continue
            cited_model.objects.bulk_create(
                cited_model(
                    history=latest,
                    id=link.pk,
                    source_id=link.source_id,
                    **{f"{owner_field}_id": row.pk},
                )
                for link in through.objects.filter(**{f"{owner_field}_id": row.pk})
            )


class Migration(migrations.Migration):
    dependencies = [("education", "0004_history_of_citations")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
