"""The opioid group says so by a flag staff see (about_opioids), not by its slug.

Until this migration the engine found the opioid group by its slug (checker/rules.py OPIOID),
frozen here: the row that had it, staff-edited or not, gets the flag.
"""

from django.db import migrations, models

OPIOID_SLUG_UNTIL_NOW = "opioid"


def flag_the_opioid_group(apps, schema_editor):
    group = apps.get_model("checker", "InteractionGroup")
    group.objects.filter(slug=OPIOID_SLUG_UNTIL_NOW).update(about_opioids=True)


class Migration(migrations.Migration):
    dependencies = [
        ("checker", "0006_final_schema"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalinteractiongroup",
            name="about_opioids",
            field=models.BooleanField(
                default=False,
                help_text="Tick for the opioid group only: its medicines are listed first, named in the printed checklist's opioid box, and every one of them must keep warning (a change that stops one needs a pharmacist's confirmation).",
                verbose_name="these are opioids",
            ),
        ),
        migrations.AddField(
            model_name="interactiongroup",
            name="about_opioids",
            field=models.BooleanField(
                default=False,
                help_text="Tick for the opioid group only: its medicines are listed first, named in the printed checklist's opioid box, and every one of them must keep warning (a change that stops one needs a pharmacist's confirmation).",
                verbose_name="these are opioids",
            ),
        ),
        migrations.AlterField(
            model_name="historicalinteractiongroup",
            name="urgent",
            field=models.BooleanField(
                default=False,
                help_text="Show the urgent “When to get help now” box when a medicine in this group is found (the opioid group).",
                verbose_name="show the urgent box",
            ),
        ),
        migrations.AlterField(
            model_name="interactiongroup",
            name="urgent",
            field=models.BooleanField(
                default=False,
                help_text="Show the urgent “When to get help now” box when a medicine in this group is found (the opioid group).",
                verbose_name="show the urgent box",
            ),
        ),
        migrations.RunPython(flag_the_opioid_group, migrations.RunPython.noop),
    ]
