"""The blank checklist (GET /checklist/), for people who skip the checker, and staff edits.

Each test reads a checklist built from its own rows (tests/factories.py): the words the site
ships with are checked in test_content.py.
"""

import datetime
import html
import re

import pytest
import time_machine
from django.urls import reverse

from checklist.views import BLANK_MEDICINE_ROWS, NOTE_LINES
from tests.factories import (
    clear_checklist_content,
    clear_screening_questions,
    make_checklist,
    make_question,
    make_question_to_ask,
    make_reviewer,
    make_sign,
    make_source,
    make_thing_to_bring,
    set_urgent_help,
)

URL = "/checklist/"


def page_text(response) -> str:
    """The page's HTML with entities decoded, so apostrophes read as typed."""
    return html.unescape(response.content.decode())


@pytest.fixture
def built(db):
    """A checklist of test rows only: one of each kind, citing two sources, and the site's
    urgent box with test words (its heading and action head and end the checklist's)."""
    clear_checklist_content()
    clear_screening_questions()
    # Made first and first by title, but cited last (what to bring): numbered 2.
    guide = make_source(title="A test guide", url="https://example.org/guide")
    label = make_source(
        title="Test drug label", publisher="Test agency", url="https://example.org/label"
    )
    make_source(title="A test source no line cites", url="https://example.org/uncited")
    return {
        "urgent_help": set_urgent_help(
            heading="Test: get help right now",
            action="Test urgent help: call your test clinic.",
        ),
        "checklist": make_checklist(
            introduction="Test introduction: bring this page.",
            reviewer=make_reviewer("Sam Test", "PharmD"),
            last_reviewed=datetime.date(2026, 2, 3),
            next_review_due=datetime.date(2027, 2, 3),
        ),
        "sources": [label, guide],
        "question": make_question_to_ask("Can I take a test medicine with LDN?", sources=[label]),
        "thing": make_thing_to_bring("Your test pill box", sources=[guide]),
        "side_effect": make_sign("Test headache", sources=[label]),
        "withdrawal": make_sign("Test shaking", kind="withdrawal"),
        "overdose": make_sign("Test slow breathing", kind="overdose"),
        "screening": [
            make_question("t-drink", text="Do you drink test drinks?", order=1),
            make_question("t-liver", text="Do you have a test liver problem?", order=2),
        ],
    }


def test_blank_checklist_has_every_section_heading(client, built):
    response = client.get(URL)
    assert response.status_code == 200
    text = page_text(response)
    assert text.count("<h1") == 1
    for heading in [
        "Checklist for your next visit",
        "My medicines",
        "About me: tell your doctor",
        "Side effects to watch for",
        "Test: get help right now",
        "Questions to ask about LDN",
        "What to bring",
        "Notes and my doctor's answers",
        "Sources",
    ]:
        assert heading in text, heading


def test_blank_checklist_has_rows_and_lines_to_write_on(client, built):
    text = page_text(client.get(URL))
    assert "Medicine name (as on the label)" in text
    assert "Dose and how often" in text
    assert text.count("Empty row to write on") == BLANK_MEDICINE_ROWS
    assert text.count("app-checklist__write-line") == NOTE_LINES
    assert "Name:" in text
    assert "Visit date:" in text


def test_blank_checklist_lists_screening_questions_with_yes_and_no_boxes(client, built):
    text = page_text(client.get(URL))
    assert "Do you drink test drinks?" in text
    assert "Do you have a test liver problem?" in text
    assert text.index("Do you drink test drinks?") < text.index("Do you have a test liver")
    answers = re.findall(r'class="app-checklist__answer-boxes"[^>]*>(.*?)</span>\s*<span', text)
    assert len(answers) == 2
    assert "ticked" not in text


def test_blank_checklist_shows_the_staff_content(client, built):
    text = page_text(client.get(URL))
    for line in ("question", "thing", "side_effect", "withdrawal", "overdose"):
        assert built[line].text in text, line
    assert "Signs of sudden opioid withdrawal" in text
    assert "Signs of an opioid overdose" in text
    assert "Test introduction: bring this page." in text
    assert "Test urgent help: call your test clinic." in text  # the site's one urgent box
    assert "Opioid warning" not in text  # only when an opioid was found


def test_blank_checklist_shows_review_dates_and_numbered_sources_with_addresses(client, built):
    text = page_text(client.get(URL))
    assert "Reviewed by Sam Test, PharmD." in text
    assert 'Last reviewed <time datetime="2026-02-03">Feb. 3, 2026</time>' in text
    assert 'Next review due <time datetime="2027-02-03">Feb. 3, 2027</time>' in text
    # Numbered 1, 2 in the order the page cites them (side effects first, what to bring
    # last), not by title or age, without gaps; a source no shown line cites is not listed.
    numbers = [int(n) for n in re.findall(r'id="checklist-source-(\d+)"', text)]
    assert numbers == [1, 2]
    sources = text.split('id="checklist-source-1"', 1)[1]
    assert sources.index("Test drug label") < sources.index("A test guide")
    assert "A test source no line cites" not in text
    assert "Test agency: <span" in text  # the publisher, then the title
    assert 'href="https://example.org/label"' in text
    assert "example.org/label</a>" in text  # the address is printed without https://
    assert 'href="https://example.org/guide"' in text
    # Each list cites its sources once, after its heading.
    assert 'href="#checklist-source-1">1</a>' in text
    assert 'href="#checklist-source-2">2</a>' in text


@time_machine.travel(datetime.datetime(2027, 3, 5, 12, 0, tzinfo=datetime.UTC), tick=False)
def test_checklist_says_the_day_it_was_made(client, built):
    text = page_text(client.get(URL))
    assert 'Made on <time datetime="2027-03-05">March 5, 2027</time>' in text


def test_print_button_is_wired_by_script_and_there_is_a_no_script_hint(client, built):
    text = page_text(client.get(URL))
    assert re.search(r"<button[^>]*data-app-print[^>]*hidden", text)
    assert "Print this checklist" in text
    assert "use your browser's Print option" in text
    assert "onclick" not in text
    assert 'style="' not in text
    assert "css/checklist.css" in text


def test_checklist_is_never_cached_and_starts_no_session(client, built):
    response = client.get(URL)
    assert "no-store" in response["Cache-Control"]
    assert "sessionid" not in response.cookies


def test_medicines_in_the_address_are_ignored(client, built):
    text = page_text(client.get(URL + "?medicine=oxycodone&q-t-drink=yes"))
    assert "oxycodone" not in text
    assert "Empty row to write on" in text
    assert "ticked" not in text


def test_empty_post_gives_the_blank_checklist_and_says_why(client, built):
    response = client.post(URL, {"medicine": ["", "   "]})
    assert response.status_code == 200
    text = page_text(response)
    assert "Your list was empty" in text
    assert text.count("Empty row to write on") == BLANK_MEDICINE_ROWS


def test_hidden_lines_are_left_off(client, built):
    hidden = make_question_to_ask("A hidden test question?", is_shown=False)
    text = page_text(client.get(URL))
    assert hidden.text not in text
    assert built["question"].text in text


def test_staff_edit_of_a_question_in_admin_shows_on_the_checklist(staff_client, built):
    question = built["question"]
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
    assert "Can I take a test medicine with LDN?" not in text
    assert question.history.count() >= 2  # the change is kept and can be undone in admin


def test_a_checklist_no_named_person_reviewed_prints_its_dates_but_no_reviewer(client, built):
    checklist = built["checklist"]
    checklist.reviewer = None
    checklist.save()
    text = page_text(client.get(URL))
    assert "Reviewed by" not in text
    assert 'Last reviewed <time datetime="2026-02-03">Feb. 3, 2026</time>' in text
