from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0006_section_and_item_keys"),
        ("clinical", "0002_one_source_table_and_urgent_help"),
    ]

    operations = [
        migrations.RemoveField(model_name="topic", name="sources"),
        migrations.RenameField(model_name="topic", old_name="new_sources", new_name="sources"),
        migrations.RemoveField(model_name="item", name="sources"),
        migrations.RenameField(model_name="item", old_name="new_sources", new_name="sources"),
    ]
