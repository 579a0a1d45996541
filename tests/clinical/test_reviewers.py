"""The clinic names its reviewers once and picks one on each reviewed text: patients see
"Reviewed by <name>, <role>" or nothing, never a placeholder."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from checker.models import InteractionGroup
from checklist.models import Checklist
from clinical.models import Reviewer
from education.models import Topic
from tests.clinical.migrating import (
    every_migration_recorded,
    migrate,
    migrate_to_the_latest,
    real_migrations,
)
from tests.factories import make_reviewer


@pytest.mark.django_db
def test_a_page_names_its_reviewer_and_role(client):
    reviewer = make_reviewer(name="Sam Patel", role="Clinic pharmacist")
    topic = Topic.objects.get(slug="side-effects")
    topic.reviewer = reviewer
    topic.save()

    html = client.get(topic.get_absolute_url()).content.decode()

    assert "Reviewed by Sam Patel, Clinic pharmacist" in html


@pytest.mark.django_db
def test_a_page_without_a_named_reviewer_shows_no_reviewer_line_but_its_dates(client):
    html = client.get(Topic.objects.get(slug="side-effects").get_absolute_url()).content.decode()

    assert "Reviewed by" not in html
    assert "Last reviewed" in html and "Next review due" in html


@pytest.mark.django_db
def test_the_checklist_prints_its_reviewer_once_named(client):
    checklist = Checklist.objects.current()
    checklist.reviewer = make_reviewer(name="Dr Ana Ruiz", role="GP")
    checklist.save()

    html = client.get("/checklist/").content.decode()

    assert "Reviewed by Dr Ana Ruiz, GP." in html


@pytest.mark.django_db
def test_one_reviewer_is_chosen_on_many_texts_and_cannot_be_deleted_while_named():
    reviewer = make_reviewer(name="Lee Chan", role="Nurse")
    Topic.objects.update(reviewer=reviewer)
    InteractionGroup.objects.filter(slug="opioid").update(reviewer=reviewer)

    assert reviewer.reviewed_education_topic.count() == Topic.objects.count()
    assert reviewer.reviewed_checker_interactiongroup.get().slug == "opioid"
    with pytest.raises(Exception, match="protected"):
        reviewer.delete()


@pytest.mark.parametrize(
    "name",
    [
        "Clinic pharmacist (name set by your clinic)",
        "(reviewer name)",
        "TBC",
        "Placeholder",
    ],
)
def test_a_placeholder_is_refused_as_a_reviewer(name):
    with pytest.raises(ValidationError, match="placeholder"):
        Reviewer(name=name, role="Pharmacist").full_clean(
            validate_unique=False, validate_constraints=False
        )


@pytest.mark.parametrize("name", ["Sam Todorov", "Ann Lee", "Dr. N. Abara"])
def test_real_names_are_accepted(name):
    Reviewer(name=name, role="PharmD").full_clean(validate_unique=False, validate_constraints=False)


@pytest.mark.django_db
def test_staff_add_a_reviewer_and_see_a_placeholder_refused_in_plain_words(staff_client):
    response = staff_client.post(
        "/admin/clinical/reviewer/add/",
        {"name": "Clinic pharmacist (name set by your clinic)", "role": "Pharmacist"},
    )
    assert response.status_code == 200
    assert "looks like a placeholder" in response.content.decode()
    assert not Reviewer.objects.exists()

    response = staff_client.post(
        "/admin/clinical/reviewer/add/", {"name": "Sam Patel", "role": "Clinic pharmacist"}
    )
    assert response.status_code == 302
    assert Reviewer.objects.get().history.count() == 1


@pytest.mark.django_db
def test_a_page_s_admin_screen_offers_the_clinic_s_reviewers(staff_client):
    make_reviewer(name="Sam Patel", role="Clinic pharmacist")
    topic = Topic.objects.get(slug="side-effects")

    html = staff_client.get(f"/admin/education/topic/{topic.pk}/change/").content.decode()

    assert 'name="reviewer"' in html
    assert "Sam Patel, Clinic pharmacist" in html


BEFORE = [
    ("clinical", "0003_reviewers"),
    ("education", "0008_final_schema"),
    ("checklist", "0005_final_schema"),
    ("checker", "0011_merge_20261201_1520"),
]


@pytest.fixture
def migrated_from_free_text(transactional_db):
    """Pages named by free text (a real person and the placeholder the site was installed
    with), migrated forward."""
    call_command("flush", interactive=False, verbosity=0)
    with real_migrations():
        every_migration_recorded()
        migrate(BEFORE)
        _pages_named_by_free_text(MigrationExecutor(connection).loader.project_state(BEFORE).apps)
        migrate_to_the_latest()


def _pages_named_by_free_text(apps) -> None:
    old_topic = apps.get_model("education", "Topic")
    old_history = apps.get_model("education", "HistoricalTopic")
    when = datetime.date(2026, 1, 1)
    for slug, name, credentials in [
        ("one", "Ann Lee", "PharmD"),
        ("two", "Ann Lee", "PharmD"),
        ("three", "Clinic pharmacist (name set by your clinic)", "Licensed pharmacist"),
    ]:
        row = old_topic.objects.create(
            slug=slug,
            title=slug,
            summary="s",
            reviewer_name=name,
            reviewer_credentials=credentials,
            last_reviewed=when,
            next_review_due=when,
        )
        old_history.objects.create(
            id=row.pk,
            slug=slug,
            title=slug,
            summary="s",
            reviewer_name=name,
            reviewer_credentials=credentials,
            last_reviewed=when,
            next_review_due=when,
            order=0,
            status="draft",
            updated=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
            history_date=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
            history_type="+",
        )


def test_free_text_reviewers_become_named_reviewers_and_the_placeholder_names_nobody(
    migrated_from_free_text,
):
    ann = Reviewer.objects.get()
    assert (ann.name, ann.role) == ("Ann Lee", "PharmD")
    assert ann.history.count() == 1
    assert {t.slug: t.reviewer for t in Topic.objects.all()} == {
        "one": ann,
        "two": ann,
        "three": None,
    }
    # The old versions point at the person too.
    assert Topic.history.filter(slug="one").get().reviewer_id == ann.pk
    assert Topic.history.filter(slug="three").get().reviewer_id is None
