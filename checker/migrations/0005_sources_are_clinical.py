from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("checker", "0004_names_mirror_names_csv_and_review_records"),
        ("clinical", "0002_one_source_table_and_urgent_help"),
    ]

    operations = [
        migrations.RemoveField(model_name="interactiongroup", name="sources"),
        migrations.RenameField(
            model_name="interactiongroup", old_name="new_sources", new_name="sources"
        ),
        migrations.RemoveField(model_name="screeningquestion", name="sources"),
        migrations.RenameField(
            model_name="screeningquestion", old_name="new_sources", new_name="sources"
        ),
    ]
