"""The free-text reviewer fields go, now that every text names a clinical.Reviewer (the step
before copied them). A migration of its own: PostgreSQL does not alter a table in the
transaction that just updated its rows."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("education", "0009_reviewers")]

    operations = [
        migrations.RemoveField(
            model_name="historicaltopic",
            name="reviewer_credentials",
        ),
        migrations.RemoveField(
            model_name="historicaltopic",
            name="reviewer_name",
        ),
        migrations.RemoveField(
            model_name="topic",
            name="reviewer_credentials",
        ),
        migrations.RemoveField(
            model_name="topic",
            name="reviewer_name",
        ),
    ]
