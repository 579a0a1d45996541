"""The blank checklist (GET /checklist/), for people who skip the checker, and staff edits."""

import html
import re

import pytest
from django.urls import reverse

from checker import engine
from checklist.models import Checklist, QuestionToAsk, SignToWatch, ThingToBring
from checklist.views import BLANK_MEDICINE_ROWS, NOTE_LINES
from clinical.models import Source, UrgentHelp

URL = "/checklist/"


def page_text(response) -> str:
    """The page's HTML with entities decoded, so apostrophes read as typed."""
    return html.unescape(response.content.decode())


@pytest.mark.django_db
def test_blank_checklist_has_every_section_heading(client):
    response = client.get(URL)
    assert response.status_code == 200
    text = page_text(response)
    assert text.count("<h1") == 1
    for heading in [
        "Checklist for your next visit",
        "My medicines",
        "About me: tell your doctor",
        "Side effects to watch for",
        UrgentHelp.load().heading,
        "Questions to ask about LDN",
        "What to bring",
        "Notes and my doctor's answers",
        "Sources",
    ]:
        assert heading in text, heading


@pytest.mark.django_db
def test_blank_checklist_has_rows_and_lines_to_write_on(client):
    text = page_text(client.get(URL))
    assert "Medicine name (as on the label)" in text
    assert "Dose and how often" in text
    assert text.count("Empty row to write on") == BLANK_MEDICINE_ROWS
    assert text.count("app-checklist__write-line") == NOTE_LINES
    assert "Name:" in text
    assert "Visit date:" in text


@pytest.mark.django_db
def test_blank_checklist_lists_screening_questions_with_yes_and_no_boxes(client):
    text = page_text(client.get(URL))
    questions = engine.screening_questions()
    assert questions
    for question in questions:
        assert question.text in text
    answers = re.findall(r'class="app-checklist__answer-boxes"[^>]*>(.*?)</span>\s*<span', text)
    assert len(answers) == len(questions)
    assert "ticked" not in text


@pytest.mark.django_db
def test_blank_checklist_shows_the_staff_content(client):
    text = page_text(client.get(URL))
    for model in (QuestionToAsk, ThingToBring, SignToWatch):
        for item in model.objects.shown():
            assert item.text in text, item.text
    checklist = Checklist.objects.current()
    assert checklist.introduction in text
    assert UrgentHelp.load().action in text  # the site's one urgent box
    assert "Opioid warning" not in text  # only when an opioid was found


@pytest.mark.django_db
def test_blank_checklist_shows_review_dates_and_numbered_sources_with_addresses(client):
    text = page_text(client.get(URL))
    checklist = Checklist.objects.current()
    assert "Reviewed by" in text
    assert checklist.reviewer_name in text
    assert "Last reviewed" in text
    assert "Next review due" in text
    cited = Source.objects.filter(
        pk__in=[
            s.pk
            for model in (QuestionToAsk, ThingToBring, SignToWatch)
            for i in model.objects.shown()
            for s in i.sources.all()
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
def test_print_button_is_wired_by_script_and_there_is_a_no_script_hint(client):
    text = page_text(client.get(URL))
    assert re.search(r"<button[^>]*data-app-print[^>]*hidden", text)
    assert "Print this checklist" in text
    assert "use your browser's Print option" in text
    assert "onclick" not in text
    assert 'style="' not in text
    assert "css/checklist.css" in text


@pytest.mark.django_db
def test_checklist_is_never_cached_and_starts_no_session(client):
    response = client.get(URL)
    assert "no-store" in response["Cache-Control"]
    assert "sessionid" not in response.cookies


@pytest.mark.django_db
def test_medicines_in_the_address_are_ignored(client):
    text = page_text(client.get(URL + "?medicine=oxycodone&q-alcohol=yes"))
    assert "oxycodone" not in text
    assert "Empty row to write on" in text


@pytest.mark.django_db
def test_empty_post_gives_the_blank_checklist_and_says_why(client):
    response = client.post(URL, {"medicine": ["", "   "]})
    assert response.status_code == 200
    text = page_text(response)
    assert "Your list was empty" in text
    assert text.count("Empty row to write on") == BLANK_MEDICINE_ROWS


@pytest.mark.django_db
def test_hidden_lines_are_left_off(client):
    question = QuestionToAsk.objects.first()
    question.is_shown = False
    question.save()
    text = page_text(client.get(URL))
    assert question.text not in text


@pytest.mark.django_db
def test_staff_edit_of_a_question_in_admin_shows_on_the_checklist(staff_client):
    question = QuestionToAsk.objects.get(key="alcohol")
    change_url = reverse("admin:checklist_questiontoask_change", args=[question.pk])
    response = staff_client.post(
        change_url,
        {
            "text": "Is one glass of wine at dinner a problem with LDN?",
            "order": question.order,
            "is_shown": "on",
            "sources": [source.pk for source in question.sources.all()],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    text = page_text(staff_client.get(URL))
    assert "Is one glass of wine at dinner a problem with LDN?" in text
    assert "Can I drink alcohol while I take LDN?" not in text
    assert question.history.count() >= 1  # the change is kept and can be undone in admin
