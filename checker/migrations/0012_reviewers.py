"""The clinic's named reviewers replace the free text "reviewer name" and "credentials": each
text now points at a clinical.Reviewer. Historical models only; nothing from the project is
imported.

A value that is a placeholder ("Clinic pharmacist (name set by your clinic)", the words every
text was installed with) names nobody: the text gets no reviewer, so patients see no
"Reviewed by" line until the clinic chooses a person. Any other name (with its credentials as the
role) becomes one Reviewer, shared by every text and every old version that named it.
"""

import re

import django.db.models.deletion
from django.db import migrations, models
from django.utils import timezone

APP = "checker"
MODELS = ["InteractionGroup", "ScreeningQuestion"]
PLACEHOLDER = re.compile(r"set by (?:your|the) clinic|placeholder", re.IGNORECASE)


def name_the_reviewers(apps, schema_editor):
    Reviewer = apps.get_model("clinical", "Reviewer")
    HistoricalReviewer = apps.get_model("clinical", "HistoricalReviewer")
    for name in MODELS:
        for model in (apps.get_model(APP, name), apps.get_model(APP, f"Historical{name}")):
            rows = model._base_manager.all()
            for written, credentials in rows.values_list(
                "reviewer_name", "reviewer_credentials"
            ).distinct():
                person, role = " ".join(written.split())[:200], " ".join(credentials.split())[:200]
                if not person or PLACEHOLDER.search(person):
                    continue
                reviewer = Reviewer.objects.filter(name=person, role=role).first()
                if reviewer is None:
                    reviewer = Reviewer.objects.create(name=person, role=role)
                    HistoricalReviewer.objects.create(
                        id=reviewer.pk,
                        name=person,
                        role=role,
                        history_date=timezone.now(),
                        history_type="+",
                        history_change_reason="Named from a text's free-text reviewer",
                    )
                rows.filter(reviewer_name=written, reviewer_credentials=credentials).update(
                    reviewer=reviewer
                )


def write_the_names_back(apps, schema_editor):
    for name in MODELS:
        for model in (apps.get_model(APP, name), apps.get_model(APP, f"Historical{name}")):
            for row in model._base_manager.filter(reviewer__isnull=False).select_related(
                "reviewer"
            ):
                model._base_manager.filter(pk=row.pk).update(
                    reviewer_name=row.reviewer.name, reviewer_credentials=row.reviewer.role
                )


class Migration(migrations.Migration):
    dependencies = [
        ("checker", "0011_merge_20261201_1520"),
        ("clinical", "0003_reviewers"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalinteractiongroup",
            name="reviewer",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="Who checked this for medical accuracy. Patients see “Reviewed by name, role”. Leave empty until a named person has reviewed it: then no reviewer is shown.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="clinical.reviewer",
            ),
        ),
        migrations.AddField(
            model_name="historicalscreeningquestion",
            name="reviewer",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="Who checked this for medical accuracy. Patients see “Reviewed by name, role”. Leave empty until a named person has reviewed it: then no reviewer is shown.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="clinical.reviewer",
            ),
        ),
        migrations.AddField(
            model_name="interactiongroup",
            name="reviewer",
            field=models.ForeignKey(
                blank=True,
                help_text="Who checked this for medical accuracy. Patients see “Reviewed by name, role”. Leave empty until a named person has reviewed it: then no reviewer is shown.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="reviewed_%(app_label)s_%(class)s",
                to="clinical.reviewer",
            ),
        ),
        migrations.AddField(
            model_name="screeningquestion",
            name="reviewer",
            field=models.ForeignKey(
                blank=True,
                help_text="Who checked this for medical accuracy. Patients see “Reviewed by name, role”. Leave empty until a named person has reviewed it: then no reviewer is shown.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="reviewed_%(app_label)s_%(class)s",
                to="clinical.reviewer",
            ),
        ),
        migrations.RunPython(name_the_reviewers, write_the_names_back),
    ]
