from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("checklist", "0003_clinical_sources"),
        ("clinical", "0002_one_source_table_and_urgent_help"),
    ]

    operations = [
        migrations.RemoveField(model_name="questiontoask", name="sources"),
        migrations.RenameField(
            model_name="questiontoask", old_name="new_sources", new_name="sources"
        ),
        migrations.RemoveField(model_name="thingtobring", name="sources"),
        migrations.RenameField(
            model_name="thingtobring", old_name="new_sources", new_name="sources"
        ),
        migrations.RemoveField(model_name="signtowatch", name="sources"),
        migrations.RenameField(
            model_name="signtowatch", old_name="new_sources", new_name="sources"
        ),
    ]
