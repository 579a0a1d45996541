"""The checklist filled from the checker's "Make my checklist" POST: what it shows, how it
escapes what was typed, and that nothing is kept.

The medicines are read against `kb` (tests/conftest.py) and a few more test rows built here;
the checklist's words and screening questions are test rows too (tests/factories.py).
"""

import html
import re

import pytest
from django.apps import apps
from django.test import Client

from checker.models import Name
from checklist.forms import MAX_ENTRIES, MAX_ENTRY_LENGTH
from tests.factories import (
    clear_checklist_content,
    clear_screening_questions,
    make_checklist,
    make_ingredient,
    make_name,
    make_question,
    make_sign,
    set_urgent_help,
)

URL = "/checklist/"


@pytest.fixture(autouse=True)
def built(kb):
    """Beside `kb`: a second opioid (testcodone, and Testlean, a street name for it), the
    checklist's own test words and signs, the urgent box's test heading, and four screening
    questions."""
    testcodone = make_ingredient("testcodone", groups=[kb["opioid"]])
    make_name("Testlean", testcodone, kind=Name.Kind.STREET)
    set_urgent_help(heading="Test: get help right now")
    clear_checklist_content()
    checklist = make_checklist(opioid_warning="Test opioid warning: ask before you take LDN.")
    make_sign("Test shaking", kind="withdrawal")
    make_sign("Test slow breathing", kind="overdose")
    clear_screening_questions()
    questions = {
        "t-drink": make_question(
            "t-drink",
            text="Do you drink test drinks?",
            tell_your_doctor="Test: tell your doctor how much you drink.",
            order=1,
        ),
        "t-liver": make_question("t-liver", text="Do you have a test liver problem?", order=2),
        "t-allergy": make_question("t-allergy", text="Are you allergic to a test?", order=3),
        # A yes to a question about opioids puts opioids in the picture.
        "recent_opioids": make_question(
            "recent_opioids",
            text="Have you taken a test opioid lately?",
            order=4,
            about_opioids=True,
        ),
    }
    return {"checklist": checklist, "questions": questions}


def make_checker_post(medicines, **answers):
    """The fields the checker's "Make my checklist" button posts: answers {"t-liver": "no"}
    become the field q-t-liver=no."""
    data = {"medicine": list(medicines)}
    data.update({f"q-{slug}": answer for slug, answer in answers.items()})
    return data


def page_text(response) -> str:
    return html.unescape(response.content.decode())


def medicine_rows(response) -> list[str]:
    """The text of each row of the filled medicine table, tags removed."""
    body = response.content.decode()
    table = re.split(r'app-checklist__table--filled[^"]*">', body, maxsplit=1)[1]
    table = table.split("</table>", 1)[0]
    rows = re.findall(r"<tr class=\"app-checklist__row[^\"]*\">(.*?)</tr>", table, re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", row)).split()) for row in rows]


@pytest.mark.django_db
def test_each_medicine_shows_as_typed_as_read_and_its_level_in_words(client):
    response = client.post(
        URL,
        make_checker_post(["plainomab", "cautionolol 5 mg", "Norco 10/325", "testcodon", "zqx"]),
    )
    assert response.status_code == 200
    rows = medicine_rows(response)
    assert len(rows) == 5
    by_typed = {row.split(" ", 1)[0]: row for row in rows}
    assert "hydrocodone + acetaminophen" in by_typed["Norco"]
    assert "Do not take together" in by_typed["Norco"]
    assert "Opioid test headline." in by_typed["Norco"]
    assert "testcodone" in by_typed["testcodon"]
    assert "closest match: check the spelling" in by_typed["testcodon"]
    assert "Ask your doctor first" in by_typed["cautionolol"]
    assert "Caution test headline." in by_typed["cautionolol"]
    assert "No known interaction in our list" in by_typed["plainomab"]
    assert "Not recognised" in by_typed["zqx"]
    assert "show it to your pharmacist" in by_typed["zqx"]
    # Opioids first, and the list is not said to be complete.
    assert rows[0].startswith(("Norco", "testcodon")) and rows[1].startswith(("Norco", "testcodon"))
    text = page_text(response)
    assert "our list is not complete" in text
    assert not re.search(r"\bsafe\b", text, re.IGNORECASE)


@pytest.mark.django_db
def test_an_opioid_brings_the_opioid_warning_box_naming_the_entries(client):
    text = page_text(client.post(URL, make_checker_post(["Norco 10/325", "Testlean", "plainomab"])))
    assert "Opioid warning" in text
    warning = text.split("Opioid warning", 1)[1].split("</section>", 1)[0]
    assert "Norco 10/325" in warning
    assert "Testlean" in warning
    assert "plainomab" not in warning
    assert "Test opioid warning: ask before you take LDN." in warning
    assert "Test: get help right now" in text  # the site's one urgent box
    assert "Signs of an opioid overdose" in text and "Test slow breathing" in text


@pytest.mark.django_db
def test_no_opioid_means_no_opioid_warning_box(client):
    text = page_text(client.post(URL, make_checker_post(["plainomab", "cautionolol"])))
    assert "Opioid warning" not in text
    assert "Test opioid warning" not in text
    assert "Test: get help right now" in text  # the urgent signs are always on the page
    assert "Test shaking" in text


@pytest.mark.django_db
def test_tell_your_doctor_prompts_appear_once_each_with_their_medicines(client):
    response = client.post(
        URL,
        make_checker_post(["Norco", "testcodone", "Testlean", "plainomab"], **{"t-drink": "yes"}),
    )
    text = page_text(response)
    section = text.split("Things to tell your doctor", 1)[1].split("</section>", 1)[0]
    opioid_prompt = "Test: tell your doctor about every opioid you take."
    assert section.count(opioid_prompt) == 1
    line = section.split(opioid_prompt, 1)[1].split("</li>", 1)[0]
    for entry in ["Norco", "testcodone", "Testlean"]:
        assert entry in line
    assert "plainomab" not in line
    assert "Test: tell your doctor how much you drink." in section


@pytest.mark.django_db
def test_screening_answers_are_ticked_and_said_in_words(client, built):
    response = client.post(
        URL,
        make_checker_post(
            ["plainomab"], **{"t-drink": "yes", "t-liver": "no", "t-allergy": "maybe"}
        ),
    )
    text = page_text(response)
    answers = text.split("About me: tell your doctor", 1)[1].split("</section>", 1)[0]

    def answer_to(slug):
        return answers.split(built["questions"][slug].text, 1)[1].split("</li>", 1)[0]

    assert "Your answer: yes" in answer_to("t-drink")
    assert "Your answer: no" in answer_to("t-liver")
    assert "Your answer: not answered" in answer_to("t-allergy")  # "maybe" is not an answer
    assert "Your answer: not answered" in answer_to("recent_opioids")
    assert answers.count("app-checklist__box--ticked") == 2


@pytest.mark.django_db
def test_answers_alone_fill_the_checklist(client):
    text = page_text(client.post(URL, make_checker_post([], recent_opioids="yes")))
    assert "Your answer: yes" in text
    assert "Your list was empty" not in text
    assert "Medicine name (as on the label)" in text  # a blank table to write them in
    assert "Empty row to write on" in text
    assert "Your answers below mention opioids" in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed",
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "💊 pain pill 💊",
        "\u202eenilacoc\u202c",  # right-to-left override
        "دواء الألم",
    ],
)
def test_what_was_typed_is_shown_escaped(client, typed):
    response = client.post(URL, make_checker_post([typed, "Norco"]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert" not in body
    assert "<img src=x" not in body
    assert html.escape(typed, quote=True) in body.replace("&#x27;", "&#39;")
    # Typed text sits in <bdi>, so a right-to-left mark cannot flip the words around it.
    assert f'<bdi class="app-checklist__typed">{html.escape(typed)}</bdi>' in body


@pytest.mark.django_db
def test_post_is_capped_trimmed_and_cleaned(client):
    long_entry = "x" * (MAX_ENTRY_LENGTH + 50)
    medicines = ["plainomab\x00", "  ", ""] + [long_entry] + [f"drug{n}" for n in range(60)]
    response = client.post(URL, make_checker_post(medicines))
    assert response.status_code == 200
    rows = medicine_rows(response)
    assert len(rows) == MAX_ENTRIES
    text = page_text(response)
    assert "\x00" not in text
    assert "x" * (MAX_ENTRY_LENGTH + 1) not in text
    assert "Only the first 50 are here" in text
    assert "longer than 200 letters" in text


@pytest.mark.django_db
def test_filled_checklist_stores_nothing_and_is_never_cached(client):
    models = apps.get_models(include_auto_created=True)
    before = {model._meta.db_table: model._default_manager.count() for model in models}

    response = client.post(
        URL, make_checker_post(["Zqcanarimab-7f3a", "Norco 10/325"], **{"t-drink": "yes"})
    )

    after = {model._meta.db_table: model._default_manager.count() for model in models}
    assert after == before
    assert "Zqcanarimab-7f3a" in page_text(response)
    assert "sessionid" not in response.cookies
    assert not client.session.keys()
    assert "no-store" in response["Cache-Control"]
    assert response.status_code == 200  # answered in place: no redirect carries the list


@pytest.mark.django_db
def test_checklist_post_needs_the_checker_forms_csrf_token():
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, make_checker_post(["Norco"]))
    assert response.status_code == 403


@pytest.mark.django_db
def test_change_my_list_posts_the_list_and_answers_back_to_the_checker(client):
    response = client.post(
        URL, make_checker_post(["Norco 10/325", 'a "quoted" pill'], **{"t-liver": "no"})
    )
    body = response.content.decode()
    form = body.split('action="/check/"', 1)[1].split("</form>", 1)[0]
    assert 'name="medicine" value="Norco 10/325"' in form
    assert 'name="medicine" value="a &quot;quoted&quot; pill"' in form
    assert 'name="q-t-liver" value="no"' in form
    assert "Change my list" in form
    assert 'method="post"' in body.split('action="/check/"', 1)[0][-200:]

    back = client.post(
        "/check/", {"medicine": ["Norco 10/325"], "q-t-liver": "no", "action": "check"}
    )
    assert back.status_code == 200
    assert ">Norco 10/325</textarea>" in back.content.decode()


@pytest.mark.django_db
def test_a_list_in_one_box_fills_one_row_a_line(client):
    data = make_checker_post(["Norco 10/325\r\n• ibuprofen\n\n2. wine"])
    body = client.post(URL, data).content.decode()
    for typed in ("Norco 10/325", "ibuprofen", "wine"):
        assert f'name="medicine" value="{typed}"' in body
