"""Names mirror checker/data/names.csv: a region, the everyday-word and two-meanings flags, the
name a misspelling stands for, a source and a note. Groups and questions get a review record.

Data kept as it was: a UK generic name (kind "uk") becomes an alias used in the UK, a UK brand a
brand used in the UK. The three questions whose "yes" meant opioids (written in the engine's code
until now) say so themselves (about_opioids).
"""

import django.db.models.deletion
from django.db import migrations, models

# The engine's list until this migration (checker/rules.py OPIOID_QUESTIONS), frozen here.
QUESTIONS_ABOUT_OPIOIDS = ("recent_opioids", "withdrawal_now", "oud_treatment")


def forwards(apps, schema_editor):
    for model_name in ("Name", "HistoricalName"):
        model = apps.get_model("checker", model_name)
        model.objects.filter(kind="uk").update(kind="alias", region="uk")
        model.objects.filter(kind="uk_brand").update(kind="brand", region="uk")
    for model_name in ("ScreeningQuestion", "HistoricalScreeningQuestion"):
        model = apps.get_model("checker", model_name)
        model.objects.filter(slug__in=QUESTIONS_ABOUT_OPIOIDS).update(about_opioids=True)


def backwards(apps, schema_editor):
    for model_name in ("Name", "HistoricalName"):
        model = apps.get_model("checker", model_name)
        model.objects.filter(kind="alias", region="uk").update(kind="uk")
        model.objects.filter(kind="brand", region="uk").update(kind="uk_brand")


class Migration(migrations.Migration):
    dependencies = [
        ("checker", "0003_help_text"),
        ("clinical", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalingredient",
            name="source",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="clinical.source",
            ),
        ),
        migrations.AddField(
            model_name="historicalinteractiongroup",
            name="last_reviewed",
            field=models.DateField(
                blank=True, help_text="The date these words were last checked.", null=True
            ),
        ),
        migrations.AddField(
            model_name="historicalinteractiongroup",
            name="next_review_due",
            field=models.DateField(
                blank=True,
                help_text="When they must be checked again, usually a year after the last review.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalinteractiongroup",
            name="reviewer_credentials",
            field=models.CharField(
                blank=True,
                help_text="Their role or qualifications, e.g. PharmD, RN.",
                max_length=200,
            ),
        ),
        migrations.AddField(
            model_name="historicalinteractiongroup",
            name="reviewer_name",
            field=models.CharField(
                blank=True, help_text="Who checked this for medical accuracy.", max_length=200
            ),
        ),
        migrations.AddField(
            model_name="historicalname",
            name="everyday_word",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="historicalname",
            name="note",
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name="historicalname",
            name="read_as",
            field=models.CharField(blank=True, max_length=120),
        ),
        migrations.AddField(
            model_name="historicalname",
            name="region",
            field=models.CharField(blank=True, max_length=100),
        ),
        migrations.AddField(
            model_name="historicalname",
            name="source",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="clinical.source",
            ),
        ),
        migrations.AddField(
            model_name="historicalname",
            name="two_meanings",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="historicalscreeningquestion",
            name="about_opioids",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="historicalscreeningquestion",
            name="last_reviewed",
            field=models.DateField(
                blank=True, help_text="The date these words were last checked.", null=True
            ),
        ),
        migrations.AddField(
            model_name="historicalscreeningquestion",
            name="next_review_due",
            field=models.DateField(
                blank=True,
                help_text="When they must be checked again, usually a year after the last review.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalscreeningquestion",
            name="reviewer_credentials",
            field=models.CharField(
                blank=True,
                help_text="Their role or qualifications, e.g. PharmD, RN.",
                max_length=200,
            ),
        ),
        migrations.AddField(
            model_name="historicalscreeningquestion",
            name="reviewer_name",
            field=models.CharField(
                blank=True, help_text="Who checked this for medical accuracy.", max_length=200
            ),
        ),
        migrations.AddField(
            model_name="ingredient",
            name="source",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="clinical.source",
            ),
        ),
        migrations.AddField(
            model_name="interactiongroup",
            name="last_reviewed",
            field=models.DateField(
                blank=True, help_text="The date these words were last checked.", null=True
            ),
        ),
        migrations.AddField(
            model_name="interactiongroup",
            name="new_sources",
            field=models.ManyToManyField(blank=True, related_name="+", to="clinical.source"),
        ),
        migrations.AddField(
            model_name="interactiongroup",
            name="next_review_due",
            field=models.DateField(
                blank=True,
                help_text="When they must be checked again, usually a year after the last review.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="interactiongroup",
            name="reviewer_credentials",
            field=models.CharField(
                blank=True,
                help_text="Their role or qualifications, e.g. PharmD, RN.",
                max_length=200,
            ),
        ),
        migrations.AddField(
            model_name="interactiongroup",
            name="reviewer_name",
            field=models.CharField(
                blank=True, help_text="Who checked this for medical accuracy.", max_length=200
            ),
        ),
        migrations.AddField(
            model_name="name",
            name="everyday_word",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="name",
            name="note",
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name="name",
            name="read_as",
            field=models.CharField(blank=True, max_length=120),
        ),
        migrations.AddField(
            model_name="name",
            name="region",
            field=models.CharField(blank=True, max_length=100),
        ),
        migrations.AddField(
            model_name="name",
            name="source",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="clinical.source",
            ),
        ),
        migrations.AddField(
            model_name="name",
            name="two_meanings",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="screeningquestion",
            name="about_opioids",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="screeningquestion",
            name="last_reviewed",
            field=models.DateField(
                blank=True, help_text="The date these words were last checked.", null=True
            ),
        ),
        migrations.AddField(
            model_name="screeningquestion",
            name="new_sources",
            field=models.ManyToManyField(blank=True, related_name="+", to="clinical.source"),
        ),
        migrations.AddField(
            model_name="screeningquestion",
            name="next_review_due",
            field=models.DateField(
                blank=True,
                help_text="When they must be checked again, usually a year after the last review.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="screeningquestion",
            name="reviewer_credentials",
            field=models.CharField(
                blank=True,
                help_text="Their role or qualifications, e.g. PharmD, RN.",
                max_length=200,
            ),
        ),
        migrations.AddField(
            model_name="screeningquestion",
            name="reviewer_name",
            field=models.CharField(
                blank=True, help_text="Who checked this for medical accuracy.", max_length=200
            ),
        ),
        migrations.AlterField(
            model_name="historicalname",
            name="kind",
            field=models.CharField(
                choices=[
                    (
                        "alias",
                        "Another name or spelling of one ingredient (salt, abbreviation, UK name)",
                    ),
                    ("brand", "Brand"),
                    ("old_brand", "Old or withdrawn brand"),
                    ("combination", "Generic combination name (co-codamol)"),
                    ("street", "Street name or slang"),
                    ("drink", "Drink (alcohol)"),
                    ("misspelling", "Known misspelling (always read as a guess)"),
                    ("uk", "UK generic name"),
                    ("uk_brand", "UK brand"),
                ],
                default="brand",
                help_text="What sort of name this is. Street names, drinks and other spellings are matched but not offered as suggestions.",
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="name",
            name="kind",
            field=models.CharField(
                choices=[
                    (
                        "alias",
                        "Another name or spelling of one ingredient (salt, abbreviation, UK name)",
                    ),
                    ("brand", "Brand"),
                    ("old_brand", "Old or withdrawn brand"),
                    ("combination", "Generic combination name (co-codamol)"),
                    ("street", "Street name or slang"),
                    ("drink", "Drink (alcohol)"),
                    ("misspelling", "Known misspelling (always read as a guess)"),
                    ("uk", "UK generic name"),
                    ("uk_brand", "UK brand"),
                ],
                default="brand",
                help_text="What sort of name this is. Street names, drinks and other spellings are matched but not offered as suggestions.",
                max_length=20,
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
