"""The checklist's staff-edited content: loaded from checklist/data/checklist.yaml, never
overwritten by the loader, and editable (with history) in admin."""

import html
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from checklist.datafiles import read_checklist
from checklist.models import Checklist, QuestionToAsk, SignToWatch, ThingToBring
from clinical.datafiles import read_sources
from clinical.models import Source, UrgentHelp


def load_checklist_content():
    call_command("load_content", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.mark.django_db
def test_load_content_loads_every_list_with_review_dates():
    data = read_checklist(source_keys={s.key for s in read_sources()})
    checklist = Checklist.objects.current()
    assert checklist.introduction
    assert checklist.reviewer is None  # the clinic names its reviewers, never a data file
    assert checklist.next_review_due > checklist.last_reviewed
    assert QuestionToAsk.objects.count() == len(data.lists["questions_to_ask"])
    assert ThingToBring.objects.count() == len(data.lists["things_to_bring"])
    assert SignToWatch.objects.count() == len(data.lists["signs_to_watch"])
    for kind in SignToWatch.Kind.values:
        assert SignToWatch.objects.filter(kind=kind).exists(), kind


@pytest.mark.django_db
def test_the_shipped_checklist_shows_all_its_words_and_cites_the_fda_label(client):
    """The page with the content the site ships with (the page's behaviour on rows a test
    builds is in test_blank.py): every shown line, the checklist's own words, the site's one
    urgent box, every source its lines cite, numbered without gaps."""
    text = html.unescape(client.get("/checklist/").content.decode())
    for model in (QuestionToAsk, ThingToBring, SignToWatch):
        for item in model.objects.shown():
            assert item.text in text, item.text
    checklist = Checklist.objects.current()
    assert checklist.introduction in text
    urgent = UrgentHelp.load()
    assert urgent.heading in text and urgent.action in text  # the site's one urgent box
    assert checklist.reviewer is None and "Reviewed by" not in text  # until the clinic names one
    cited = Source.objects.filter(
        pk__in=[
            source.pk
            for model in (QuestionToAsk, ThingToBring, SignToWatch)
            for item in model.objects.shown()
            for source in item.sources.all()
        ]
    )
    assert cited.exists()
    for source in cited:
        assert f'href="{source.url}"' in text
        assert source.display_url in text
    # Numbered 1, 2, 3 ... in the order the page cites them, without gaps.
    numbers = [int(n) for n in re.findall(r'id="checklist-source-(\d+)"', text)]
    assert numbers == list(range(1, cited.count() + 1))
    assert "drugcentral.org/label/" in text  # the FDA label
    assert 'href="#checklist-source-' in text  # lists cite their sources


@pytest.mark.django_db
def test_questions_cover_what_the_issue_asks_for():
    questions = " ".join(QuestionToAsk.objects.values_list("text", flat=True)).lower()
    # Issue 15: how to start, and when to stop before surgery.
    for words in ["my condition", "dose do i start on", "how long", "opioid", "surgery"]:
        assert words in questions, words
    for words in ["when do i take it", "when do i stop ldn"]:
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
    question._change_reason = "Edited by staff"
    question.save()
    checklist = Checklist.objects.current()
    checklist.introduction = "Our clinic's own words."
    checklist._change_reason = "Edited by staff"
    checklist.save()
    counts = [model.objects.count() for model in (QuestionToAsk, ThingToBring, SignToWatch)]

    load_checklist_content()

    question.refresh_from_db()
    assert question.text == "Is a glass of wine with dinner a problem?"
    assert Checklist.objects.count() == 1
    assert Checklist.objects.current().introduction == "Our clinic's own words."
    assert [model.objects.count() for model in (QuestionToAsk, ThingToBring, SignToWatch)] == counts


@pytest.mark.django_db
def test_staff_can_open_every_checklist_admin_screen(staff_client):
    for model in (Checklist, QuestionToAsk, ThingToBring, SignToWatch):
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
    for model in (Checklist, QuestionToAsk, ThingToBring, SignToWatch):
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
