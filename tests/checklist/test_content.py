"""The checklist's staff-edited content: loaded by the data migration, never overwritten by the
loader, and editable (with history) in admin."""

import html

import pytest
from django.urls import reverse

from checklist import content
from checklist.models import (
    Checklist,
    ChecklistSource,
    QuestionToAsk,
    SignToWatch,
    ThingToBring,
)
from checklist.seed import load_checklist_content


@pytest.mark.django_db
def test_data_migration_loads_every_list_with_review_dates():
    checklist = Checklist.objects.current()
    assert checklist.introduction
    assert checklist.reviewer_name
    assert checklist.next_review_due > checklist.last_reviewed
    assert QuestionToAsk.objects.count() == len(content.QUESTIONS_TO_ASK)
    assert ThingToBring.objects.count() == len(content.THINGS_TO_BRING)
    assert SignToWatch.objects.count() == len(content.SIGNS_TO_WATCH)
    assert ChecklistSource.objects.count() == len(content.SOURCES)
    for kind in SignToWatch.Kind.values:
        assert SignToWatch.objects.filter(kind=kind).exists(), kind


@pytest.mark.django_db
def test_the_shipped_checklist_shows_all_its_words_and_cites_the_fda_label(client):
    """The page with the content the site ships with (the page's behaviour on rows a test
    builds is in test_blank.py): every shown line, the checklist's own words, every source."""
    text = html.unescape(client.get("/checklist/").content.decode())
    for model in (QuestionToAsk, ThingToBring, SignToWatch):
        for item in model.objects.shown():
            assert item.text in text, item.text
    checklist = Checklist.objects.current()
    assert checklist.introduction in text
    assert checklist.urgent_help in text
    assert f"Reviewed by {checklist.reviewer_name}" in text
    for source in ChecklistSource.objects.all():
        assert f'id="checklist-source-{source.number}"' in text
        assert f'href="{source.url}"' in text
    assert "drugcentral.org/label/" in text  # the FDA label


@pytest.mark.django_db
def test_questions_cover_what_the_issue_asks_for():
    questions = " ".join(QuestionToAsk.objects.values_list("text", flat=True)).lower()
    for words in ["my condition", "dose should i take, and when", "how long", "opioid", "surgery"]:
        assert words in questions, words
    for words in ["emergency", "alcohol", "side effects", "miss a dose", "mix badly"]:
        assert words in questions, words


@pytest.mark.django_db
def test_what_to_bring_names_every_kind_of_medicine():
    things = " ".join(ThingToBring.objects.values_list("text", flat=True)).lower()
    for words in ["box or bottle", "over-the-counter", "vitamins", "supplements", "creams"]:
        assert words in things, words
    for words in ["patches", "inhalers", "eye drops"]:
        assert words in things, words


@pytest.mark.django_db
def test_every_sign_and_list_line_cites_a_source():
    for model in (SignToWatch, ThingToBring):
        uncited = model.objects.filter(sources=None).all()
        assert not uncited.exists(), list(uncited)


@pytest.mark.django_db
def test_loader_never_overwrites_or_duplicates_staff_edits():
    question = QuestionToAsk.objects.get(key="alcohol")
    question.text = "Is a glass of wine with dinner a problem?"
    question.save()
    checklist = Checklist.objects.current()
    checklist.introduction = "Our clinic's own words."
    checklist.save()
    counts = [model.objects.count() for model in (QuestionToAsk, ThingToBring, SignToWatch)]

    load_checklist_content()

    question.refresh_from_db()
    assert question.text == "Is a glass of wine with dinner a problem?"
    assert Checklist.objects.count() == 1
    assert Checklist.objects.current().introduction == "Our clinic's own words."
    assert [model.objects.count() for model in (QuestionToAsk, ThingToBring, SignToWatch)] == counts


@pytest.mark.django_db
def test_loader_keeps_a_source_number_staff_have_taken():
    ChecklistSource.objects.filter(key="ahrq-questions").delete()
    ChecklistSource.objects.create(number=7, title="Our leaflet", url="https://example.org/a")

    load_checklist_content()

    assert ChecklistSource.objects.get(number=7).title == "Our leaflet"
    assert ChecklistSource.objects.get(key="ahrq-questions").number != 7


@pytest.mark.django_db
def test_staff_can_open_every_checklist_admin_screen(staff_client):
    for model in (Checklist, ChecklistSource, QuestionToAsk, ThingToBring, SignToWatch):
        opts = model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        assert staff_client.get(changelist).status_code == 200
        obj = model.objects.first()
        change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        assert staff_client.get(change).status_code == 200
        history = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])
        assert staff_client.get(history).status_code == 200


@pytest.mark.django_db
def test_admin_shows_staff_the_reading_grade_of_what_they_write(staff_client):
    checklist = Checklist.objects.current()
    change = reverse("admin:checklist_checklist_change", args=[checklist.pk])
    assert "Reading grade of these words" in staff_client.get(change).content.decode()
    text = staff_client.get(reverse("admin:checklist_questiontoask_changelist")).content.decode()
    assert "Reading grade" in text
    assert "(fine)" in text


@pytest.mark.django_db
def test_every_loaded_row_has_a_first_version_staff_can_go_back_to():
    for model in (Checklist, ChecklistSource, QuestionToAsk, ThingToBring, SignToWatch):
        for row in model.objects.all():
            assert row.history.filter(history_type="+").exists(), (model, row.pk)


@pytest.mark.django_db
def test_staff_edit_can_be_undone_from_the_history(staff_client):
    question = QuestionToAsk.objects.get(key="alcohol")
    original = question.text
    question.text = "A typo-ridden questoin"
    question.save()

    first = question.history.earliest()
    revert = reverse("admin:checklist_questiontoask_simple_history", args=[question.pk, first.pk])
    response = staff_client.post(
        revert,
        {"text": first.text, "order": first.order, "is_shown": "on"},
    )

    assert response.status_code == 302, response.content.decode()[:1500]
    question.refresh_from_db()
    assert question.text == original
