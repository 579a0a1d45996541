"""The /check/ page as a patient meets it: with JavaScript off (full pages) and with htmx
(partials), every level in words, the screening answers, bad input, and nothing kept."""

import logging
import re
from html import unescape

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils.html import escape

from tests.factories import (
    clear_screening_questions,
    make_question,
    set_checker_settings,
    set_urgent_help,
)

URL = "/check/"
LEVEL_WORDS = {
    "avoid": "Do not take together",
    "caution": "Ask your doctor first",
    "info": "Tell your doctor",
    "none": "No known interaction in our list",
    "unknown": "Not recognised",
}
ANSWER_WORDS = {**LEVEL_WORDS, "avoid": "Serious: talk to your doctor before you take LDN"}


def post(client, medicines, *, action="check", htmx=False, **extra):
    data = {"medicine": medicines, "action": action, **extra}
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return client.post(URL, data, **headers)


def field_values(html):
    """What the medicine boxes hold, in order (each a textarea, so a pasted list keeps lines)."""
    return [
        unescape(value)
        for value in re.findall(r'<textarea[^>]*name="medicine"[^>]*>(.*?)</textarea>', html, re.S)
    ]


def section(html, level):
    """The HTML of one level's results section, or "" if it is absent."""
    found = re.search(
        rf'<section class="app-level app-level--{level}".*?</section>', html, flags=re.S
    )
    return found.group(0) if found else ""


def summary(html):
    """The summary box at the top of the results."""
    found = re.search(r'<div class="app-summary".*?<p class="app-summary__next">', html, re.S)
    return found.group(0) if found else ""


# --- The empty page --------------------------------------------------------------------------


@pytest.mark.django_db
def test_empty_page_has_three_medicine_rows_the_buttons_and_one_short_status_region(client, kb):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('name="medicine"') == 3
    # The results are not a live region (a screen reader would read the whole block); a
    # separate status region gets one short line when they arrive.
    assert "aria-live" not in html and 'id="results"' in html
    assert re.search(r'id="results-status"[^>]*role="status"', html)
    for words in ("Check my medicines", "Add another medicine", "Clear my list"):
        assert words in html
    assert f'formaction="{reverse("checklist:checklist")}"' in html
    assert 'hx-history="false"' in html
    assert 'method="post"' in html


@pytest.mark.django_db
def test_name_suggestions_come_from_a_separate_cached_file_not_the_page(client, kb):
    html = client.get(URL).content.decode()
    # The page carries an empty list and the address of the file, named by its content.
    assert '<datalist id="medicine-names"></datalist>' in html
    assert "<option" not in html
    address = re.search(r'data-names="([^"]+)"', html).group(1)
    assert re.fullmatch(r"/check/names\.txt\?v=[0-9a-f]{16}", unescape(address))
    assert html.count('autocomplete="off"') == 3
    # Typing never asks the server anything: no hx-get, no hx-trigger on the fields.
    assert "hx-get" not in html and "hx-trigger" not in html

    response = client.get(unescape(address))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "immutable" in response["Cache-Control"] and "public" in response["Cache-Control"]
    assert "plainomab" in response.content.decode().splitlines()  # every generic name
    # Another version's address is answered, but not kept.
    stale = client.get("/check/names.txt?v=0000000000000000")
    assert stale["Cache-Control"] == "no-cache"


@pytest.mark.django_db
def test_the_suggestions_file_is_compressed_for_a_browser_that_asks(client, kb):
    response = client.get("/check/names.txt", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/check/", "/learn/"])
def test_pages_are_sent_compressed(client, kb, path):
    response = client.get(path, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]


@pytest.mark.django_db
def test_only_the_checker_page_loads_htmx(client, kb):
    assert "htmx-2.min.js" in client.get(URL).content.decode()
    for path in ("/", "/learn/", "/sources/", "/privacy/", "/checklist/"):
        assert "htmx" not in client.get(path).content.decode(), path


@pytest.mark.django_db
def test_page_says_in_one_line_that_nothing_is_kept_and_links_to_privacy(client, kb):
    html = client.get(URL).content.decode()
    assert "Nothing you type here is kept." in html
    assert f'href="{reverse("education:privacy")}"' in html


@pytest.mark.django_db
def test_every_htmx_button_also_works_as_a_plain_form_submit(client, kb):
    html = client.get(URL).content.decode()
    buttons = re.findall(r"<button[^>]*hx-post[^>]*>", html)
    assert buttons
    for button in buttons:
        assert 'type="submit"' in button and 'name="action"' in button
    assert f'action="{URL}"' in html


@pytest.mark.django_db
def test_screening_questions_are_yes_no_radio_groups_in_fieldsets(client, kb):
    make_question("t-question", text="Do you test things?")
    html = client.get(URL).content.decode()
    assert "<legend" in html and "Do you test things?" in html
    assert 'name="q-t-question" value="yes"' in html
    assert 'name="q-t-question" value="no"' in html
    assert "checked" not in html


# --- Results, JavaScript off -----------------------------------------------------------------


@pytest.mark.django_db
def test_each_level_shows_its_words_with_the_entry_as_typed(client, kb):
    html = post(
        client, ["Norco 10/325", "cautionolol", "infozepam", "plainomab", "qqzzx blorp"]
    ).content.decode()
    assert "Norco 10/325" in section(html, "avoid")
    assert "cautionolol" in section(html, "caution")
    assert "infozepam" in section(html, "info")
    assert "plainomab" in section(html, "none")
    assert "qqzzx blorp" in section(html, "unknown")
    for level, words in LEVEL_WORDS.items():
        assert words in section(html, level), level


@pytest.mark.django_db
def test_levels_are_listed_most_serious_first(client, kb):
    html = post(client, ["qqzzx blorp", "plainomab", "infozepam", "cautionolol", "Norco"]).content
    # What we could not read may be anything, so it comes before "no known interaction".
    order = ["avoid", "caution", "info", "unknown", "none"]
    positions = [
        html.decode().index(f'<section class="app-level app-level--{level}"') for level in order
    ]
    assert positions == sorted(positions)
    summary_positions = [html.decode().index(f"app-summary__level--{level}") for level in order]
    assert summary_positions == sorted(summary_positions)


@pytest.mark.django_db
def test_an_opioid_brings_the_urgent_care_card_and_other_levels_do_not(client, kb):
    set_urgent_help(
        heading="Test: when to get help",
        signs="Test sign one\nTest sign two",
        action="Test: call your test emergency number.",
    )
    html = post(client, ["Norco 10/325"]).content.decode()
    assert "app-care-card" in html
    assert "Immediate action required: </span>Test: when to get help" in html
    assert "<li>Test sign one</li><li>Test sign two</li>" in html
    assert "Test: call your test emergency number." in html
    html = post(client, ["cautionolol"]).content.decode()
    assert "app-care-card" not in html


@pytest.mark.django_db
def test_results_show_the_groups_words_sources_and_tell_your_doctor_prompt(client, kb):
    html = post(client, ["infozepam"]).content.decode()
    found = section(html, "info")
    assert "Info test headline." in found
    assert "Tell your doctor:" in found
    assert "Test: tell your doctor you take it." in found
    assert "Test source title" in found and 'href="https://example.org/label"' in found


@pytest.mark.django_db
def test_results_state_the_dose_context(client, kb):
    set_checker_settings(dose_context="Test dose context: facts come from 50 mg naltrexone.")
    html = post(client, ["plainomab"]).content.decode()
    # Folded under "About the dose" (print opens it): the cards above it say what to do.
    dose = re.search(r'<details class="app-results__dose">.*?</details>', html, re.S).group(0)
    assert "<summary>About the dose</summary>" in dose
    assert "Test dose context: facts come from 50 mg naltrexone." in dose


@pytest.mark.django_db
def test_results_never_call_a_medicine_safe(client, kb):
    html = post(client, ["plainomab", "qqzzx blorp"]).content.decode().lower()
    assert not re.search(r"\bsafe\b", html.replace("nothing you type here is kept", ""))


@pytest.mark.django_db
def test_typed_values_and_answers_are_kept_in_the_form_after_a_check(client, kb):
    make_question("t-question", text="Do you test things?")
    html = post(client, ["Norco 10/325", "plainomab"], **{"q-t-question": "yes"}).content.decode()
    assert field_values(html) == ["Norco 10/325", "plainomab"]
    assert 'value="yes" checked' in html


@pytest.mark.django_db
def test_make_my_checklist_posts_the_same_form_to_the_checklist(client, kb):
    html = post(client, ["plainomab"]).content.decode()
    # Both the form's own button and the one after the results submit the form by POST.
    assert html.count(f'formaction="{reverse("checklist:checklist")}"') == 2
    assert 'form="check-form"' in html


# --- Screening questions ---------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("level", ["avoid", "caution", "info"])
def test_a_yes_answer_shows_the_questions_own_message_and_level(client, kb, level):
    make_question(
        f"t-{level}",
        text=f"Test question {level}?",
        yes_level=level,
        yes_message=f"Yes message for {level}.",
        tell_your_doctor=f"Prompt for {level}.",
    )
    html = post(client, ["plainomab"], **{f"q-t-{level}": "yes"}).content.decode()
    # The answer is listed at its level in the summary and explained in that level's section.
    assert f"Test question {level}?" in summary(html).split(f"app-summary__level--{level}")[1]
    answers = section(html, level)
    assert f"Yes message for {level}." in answers
    assert f"Prompt for {level}." in answers
    assert ANSWER_WORDS[level] in answers


@pytest.mark.django_db
def test_the_yes_answers_at_a_level_are_one_card_with_each_question_and_message(client, kb):
    make_question("t-one", text="First test question?", yes_message="Yes message one.")
    make_question(
        "t-two",
        text="Second test question?",
        yes_message="Yes message two.",
        tell_your_doctor="Tell your doctor the test words.",
    )
    html = post(client, ["plainomab"], **{"q-t-one": "yes", "q-t-two": "yes"}).content.decode()
    caution = section(html, "caution")
    # A prompt that says "Tell your doctor" itself gets no "Tell your doctor:" label before it.
    assert "Tell your doctor the test words." in caution
    assert "Tell your doctor:</strong> Tell" not in caution
    assert "<strong>Tell your doctor:</strong> Prompt for t-one." in caution
    assert caution.count("app-finding--answer") == 1
    assert caution.count("You answered yes to") == 1
    for text in ("First test question?", "Yes message one.", "Second test question?"):
        assert text in caution
    # The summary lists both under one "You answered yes to:", each linking to that card.
    top = summary(html)
    assert top.count("You answered <strong>yes</strong> to:") == 1
    assert top.count('href="#answers-caution"') == 2


@pytest.mark.django_db
def test_a_no_or_missing_answer_shows_no_yes_message(client, kb):
    make_question("t-one", text="First?", yes_message="Yes message one.")
    make_question("t-two", text="Second?", yes_message="Yes message two.")
    html = post(client, ["plainomab"], **{"q-t-one": "no"}).content.decode()
    assert "Yes message one." not in html and "Yes message two." not in html
    assert 'id="q-t-one-no" name="q-t-one" value="no" checked' in html


@pytest.mark.django_db
def test_every_screening_question_is_on_the_page_with_its_yes_message(client, kb):
    clear_screening_questions()
    questions = [
        make_question("t-first", text="First test question?", yes_message="First <yes> & more."),
        make_question("t-second", text="Second test question?", yes_level="info"),
        make_question("t-third", text="Third test question?", yes_level="avoid"),
    ]
    html = client.get(URL).content.decode()
    assert html.index("First test question?") < html.index("Second test question?")
    for question in questions:
        assert f'name="q-{question.slug}" value="yes"' in html
    answers = {f"q-{question.slug}": "yes" for question in questions}
    html = post(client, ["plainomab"], **answers).content.decode()
    for question in questions:
        assert escape(question.yes_message) in html


# --- htmx ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_htmx_post_renders_results_partial_and_the_form_out_of_band(client, kb):
    response = post(client, ["Norco 10/325"], htmx=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "<h1>" not in html and "<datalist" not in html
    assert "Your results" in html and "Do not take together" in html
    assert 'id="check-form"' in html and 'hx-swap-oob="true"' in html
    assert "HX-Request" in response["Vary"]


@pytest.mark.django_db
def test_htmx_add_another_medicine_returns_one_more_row_focused(client, kb):
    html = post(client, ["a", "b", "c"], action="add", htmx=True).content.decode()
    assert html.count('name="medicine"') == 4
    assert 'id="medicine-4"' in html
    assert re.search(r'id="medicine-4"[^>]*data-checker-focus', html)


@pytest.mark.django_db
def test_htmx_errors_change_the_title_to_start_with_error(client, kb):
    html = post(client, ["", "", ""], htmx=True).content.decode()
    assert "<title>Error: Check your medicines" in html
    assert "There is a problem" in html


# --- Add, remove, clear without JavaScript ---------------------------------------------------


@pytest.mark.django_db
def test_add_another_medicine_without_js_adds_a_row_and_keeps_what_was_typed(client, kb):
    html = post(client, ["Norco", "", "plainomab"], action="add").content.decode()
    assert field_values(html) == ["Norco", "", "plainomab", ""]
    assert "Your results" not in html
    # The page reloads without JavaScript: the browser puts the cursor in the new row.
    assert re.search(r'id="medicine-4"[^>]*autofocus', html)
    assert html.count("autofocus") == 1


@pytest.mark.django_db
def test_htmx_row_changes_leave_focus_to_the_script_not_autofocus(client, kb):
    html = post(client, ["a", "b"], action="add", htmx=True).content.decode()
    assert "autofocus" not in html


@pytest.mark.django_db
def test_remove_without_js_removes_only_that_row(client, kb):
    html = post(client, ["first", "second", "third"], action="remove-2").content.decode()
    assert field_values(html) == ["first", "third"]


@pytest.mark.django_db
def test_remove_the_last_row_leaves_one_empty_row(client, kb):
    html = post(client, ["only"], action="remove-1").content.decode()
    assert field_values(html) == [""]


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True])
def test_clear_my_list_empties_every_field_and_answer(client, kb, htmx):
    make_question("t-question", text="Do you test things?")
    html = post(
        client, ["Norco", "plainomab"], action="clear", htmx=htmx, **{"q-t-question": "yes"}
    ).content.decode()
    assert field_values(html) == ["", "", ""]
    assert "checked" not in html
    assert html.count('name="medicine"') == 3
    assert "Your results" not in html


# --- Bad input -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_empty_submit_shows_the_error_summary_linked_to_the_first_field(client, kb):
    response = post(client, ["", "  ", ""])
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Check your medicines" in html
    assert "There is a problem" in html
    assert '<a href="#medicine-1">Enter a medicine name</a>' in html
    assert 'id="medicine-1-error"' in html and 'aria-invalid="true"' in html
    assert "Your results" not in html


@pytest.mark.django_db
def test_more_than_fifty_entries_gives_a_clear_message_and_keeps_every_value(client, kb):
    entries = [f"medicine number {n}" for n in range(1, 52)]
    html = post(client, entries).content.decode()
    assert "You can check up to 50 medicines at a time" in html
    assert "Your results" not in html
    assert field_values(html) == entries


@pytest.mark.django_db
def test_an_entry_over_200_characters_gives_a_message_and_keeps_it(client, kb):
    long_entry = "x" * 201
    html = post(client, ["plainomab", long_entry]).content.decode()
    assert "Medicine 2 is too long. Use 200 characters or fewer." in html
    assert '<a href="#medicine-2">' in html
    assert field_values(html) == ["plainomab", long_entry]
    assert "Your results" not in html


@pytest.mark.django_db
def test_an_entry_of_exactly_200_characters_is_checked(client, kb):
    html = post(client, ["y" * 200]).content.decode()
    assert "Your results" in html and "Not recognised" in html


@pytest.mark.django_db
def test_a_nul_byte_gives_a_form_error_not_a_crash(client, kb):
    response = post(client, ["plain\x00omab"])
    html = response.content.decode()
    assert response.status_code == 200
    assert "Medicine 1 has a character we cannot read" in html
    assert "\x00" not in html
    assert field_values(html) == ["plainomab"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "entry",
    [
        "<script>alert(1)</script>",
        '"><svg onload=alert(1)>',
        "<img src=x onerror=alert(1)>",
        '<div hx-get="/x" hx-trigger="load">',
        "'; DROP TABLE checker_name; --",
        "{{ 7*7 }}",
        "💊 oxy 😀",
        "\u202eNorco\u202c",
        "\u200f\u05e9\u05dc\u05d5\u05dd",
    ],
)
@pytest.mark.parametrize("htmx", [False, True])
def test_hostile_or_unusual_text_is_shown_back_escaped_and_never_breaks_the_page(
    client, kb, entry, htmx
):
    from checker.models import Name

    names_before = Name.objects.count()
    response = post(client, [entry], htmx=htmx)
    html = response.content.decode()
    assert response.status_code == 200
    if any(character in entry for character in "<>\"'"):
        assert entry not in html
    assert escape(entry) in html
    assert Name.objects.count() == names_before


@pytest.mark.django_db
def test_a_list_in_one_box_gives_one_entry_a_line_without_bullets(client, kb):
    pasted = "Norco 10/325\r\n\r\n• cautionolol\n2. infozepam\n- plainomab\nqqzzx blorp\n  wine  "
    html = post(client, [pasted, ""]).content.decode()
    typed = ["Norco 10/325", "cautionolol", "infozepam", "plainomab", "qqzzx blorp", "wine"]
    assert field_values(html) == [*typed, ""]
    assert "We checked 6 entries" in html
    for entry in typed:
        assert f"<bdi>{entry}</bdi></a>" in summary(html)


@pytest.mark.django_db
def test_a_lone_empty_row_has_no_remove_button_and_a_row_with_text_has_one(client, kb):
    html = post(client, ["only"], action="remove-1").content.decode()
    assert field_values(html) == [""]
    assert re.search(r'value="remove-1" hidden', html)
    html = post(client, ["only"], action="add").content.decode()
    assert not re.search(r'value="remove-\d" hidden', html)


@pytest.mark.django_db
def test_results_come_first_and_the_title_says_so_without_javascript(client, kb):
    html = post(client, ["Norco 10/325"]).content.decode()
    assert "<title>Your results – Check your medicines" in html
    main = html[html.index("<main") :]
    # Straight after the page heading: the results; the list and what it is for fold away
    # below them, one press from open.
    assert main.index("<h1>") < main.index("Your results") < main.index('id="check-form"')
    assert main.index('id="check-form"') < main.index("Type the medicines")
    assert '<details class="app-list-panel">' in main
    assert "Change my list or answers" in main


@pytest.mark.django_db
def test_each_group_is_explained_once_naming_every_entry_it_applies_to(client, kb):
    html = post(client, ["Norco 10/325", "Norco", "cautionolol"]).content.decode()
    avoid = section(html, "avoid")
    assert avoid.count('id="about-opioid"') == 1
    assert avoid.count("Do not take opioids") + avoid.count(kb["opioid"].headline) >= 1
    assert html.count(kb["opioid"].what_to_do) == 1
    assert "<bdi>Norco 10/325</bdi>" in avoid and "<bdi>Norco</bdi>" in avoid


@pytest.mark.django_db
def test_htmx_results_bring_one_short_announcement_and_the_error_summary_out_of_band(client, kb):
    html = post(client, ["Norco 10/325", "cautionolol", "plainomab", "qqzzx blorp"], htmx=True)
    html = html.content.decode()
    status = re.search(r'<div id="results-status" hx-swap-oob="innerHTML">(.*?)</div>', html, re.S)
    assert status.group(1).strip() == (
        "Your results: 1 to avoid, 1 to ask about, 1 not recognised, 1 with no known interaction."
    )
    assert '<div id="error-summary" hx-swap-oob="true">' in html
    errors = post(client, [""], htmx=True).content.decode()
    found = re.search(
        r'<div id="error-summary" hx-swap-oob="true">(.*?)</div>\s*<div id="results-status"',
        errors,
        re.S,
    )
    assert "There is a problem" in found.group(1) and 'role="alert"' in found.group(1)
    results = errors[: errors.index('<div id="error-summary"')]
    assert "There is a problem" not in results


@pytest.mark.django_db
def test_post_fields_in_the_query_string_are_ignored(client, kb):
    html = client.get(URL + "?medicine=Norco&action=check").content.decode()
    assert "Your results" not in html and field_values(html) == ["", "", ""]


# --- Privacy ---------------------------------------------------------------------------------


def _row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True])
def test_checking_stores_nothing_logs_nothing_and_sets_no_session(client, kb, caplog, htmx):
    make_question("t-question", text="Do you test things?")
    before = _row_counts()
    caplog.set_level(logging.DEBUG)
    canary = "Canarycodone 40mg"
    for action in ("check", "add", "remove-1", "clear"):
        response = post(
            client, [canary, "Norco"], action=action, htmx=htmx, **{"q-t-question": "yes"}
        )
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert "sessionid" not in response.cookies
        assert canary not in response.get("Location", "")
    assert _row_counts() == before
    assert canary not in caplog.text and "Canarycodone" not in caplog.text
    assert "sessionid" not in client.cookies


@pytest.mark.django_db
def test_check_page_is_never_cached(client, kb):
    assert "no-store" in client.get(URL)["Cache-Control"]


@pytest.mark.django_db
def test_a_server_error_report_would_hide_the_typed_medicines(rf, kb):
    from django.views.debug import SafeExceptionReporterFilter

    from checker.views import check

    request = rf.post(URL, {"medicine": ["Canarycodone"], "action": "check"})
    request.htmx = False
    check(request)
    hidden = SafeExceptionReporterFilter().get_post_parameters(request)
    assert hidden["medicine"] != "Canarycodone"
    assert "Canarycodone" not in str(hidden)


@pytest.mark.django_db
def test_a_flood_of_fields_is_refused_as_a_bad_request_not_a_crash(client, kb):
    response = post(client, ["plainomab"] * 1200)
    assert response.status_code == 400
