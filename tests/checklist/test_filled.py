"""The checklist filled from the checker's "Make my checklist" POST: what it shows, how it
escapes what was typed, and that nothing is kept."""

import html
import re

import pytest
from django.apps import apps
from django.test import Client

from checker import engine
from checklist.forms import MAX_ENTRIES, MAX_ENTRY_LENGTH
from checklist.models import Checklist

URL = "/checklist/"


def make_checker_post(medicines, **answers):
    """The fields the checker's "Make my checklist" button posts; alcohol="yes" -> q-alcohol."""
    data = {"medicine": list(medicines)}
    data.update({f"q-{slug}": answer for slug, answer in answers.items()})
    return data


def page_text(response) -> str:
    return html.unescape(response.content.decode())


def medicine_rows(response) -> list[str]:
    """The text of each row of the filled medicine table, tags removed."""
    body = response.content.decode()
    table = body.split('app-checklist__table--filled">', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr class=\"app-checklist__row[^\"]*\">(.*?)</tr>", table, re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", row)).split()) for row in rows]


@pytest.mark.django_db
def test_each_medicine_shows_as_typed_as_read_and_its_level_in_words(client):
    response = client.post(
        URL, make_checker_post(["Norco 10/325", "oxycodon", "Advil 200 mg", "metformin", "zqx"])
    )
    assert response.status_code == 200
    rows = medicine_rows(response)
    assert len(rows) == 5
    by_typed = {row.split(" ", 1)[0]: row for row in rows}
    assert "Norco (hydrocodone + acetaminophen)" in by_typed["Norco"]
    assert "Do not take together" in by_typed["Norco"]
    assert "oxycodone" in by_typed["oxycodon"]
    assert "closest match: check the spelling" in by_typed["oxycodon"]
    assert "Ask your doctor first" in by_typed["Advil"]
    assert "No known interaction in our list" in by_typed["metformin"]
    assert "Not recognised" in by_typed["zqx"]
    assert "show it to your pharmacist" in by_typed["zqx"]
    # Opioids first, and the list is not said to be complete.
    assert rows[0].startswith(("Norco", "oxycodon"))
    text = page_text(response)
    assert "our list is not complete" in text
    assert not re.search(r"\bsafe\b", text, re.IGNORECASE)


@pytest.mark.django_db
def test_an_opioid_brings_the_opioid_warning_box_naming_the_entries(client):
    text = page_text(client.post(URL, make_checker_post(["Norco 10/325", "lean", "metformin"])))
    assert "Opioid warning" in text
    warning = text.split("Opioid warning", 1)[1].split("</section>", 1)[0]
    assert "Norco 10/325" in warning
    assert "lean" in warning
    assert "metformin" not in warning
    assert Checklist.objects.current().opioid_warning in warning
    assert "When to get help now" in text
    assert "Signs of an opioid overdose" in text


@pytest.mark.django_db
def test_no_opioid_means_no_opioid_warning_box(client):
    text = page_text(client.post(URL, make_checker_post(["metformin", "ibuprofen"])))
    assert "Opioid warning" not in text
    assert "When to get help now" in text  # the urgent signs are always on the page


@pytest.mark.django_db
def test_tell_your_doctor_prompts_appear_once_each_with_their_medicines(client):
    response = client.post(
        URL, make_checker_post(["Norco", "oxycodone", "tramadol", "metformin"], alcohol="yes")
    )
    text = page_text(response)
    section = text.split("Things to tell your doctor", 1)[1].split("</section>", 1)[0]
    opioid_prompt = "about every opioid you take"
    assert section.count(opioid_prompt) == 1
    line = section.split(opioid_prompt, 1)[1].split("</li>", 1)[0]
    for entry in ["Norco", "oxycodone", "tramadol"]:
        assert entry in line
    assert "how much alcohol you drink" in section


@pytest.mark.django_db
def test_screening_answers_are_ticked_and_said_in_words(client):
    response = client.post(
        URL, make_checker_post(["metformin"], alcohol="yes", liver="no", allergy="maybe")
    )
    text = page_text(response)
    answers = text.split("About me: tell your doctor", 1)[1].split("</section>", 1)[0]
    questions = {question.slug: question.text for question in engine.screening_questions()}

    def answer_to(slug):
        return answers.split(questions[slug], 1)[1].split("</li>", 1)[0]

    assert "Your answer: yes" in answer_to("alcohol")
    assert "Your answer: no" in answer_to("liver")
    assert "Your answer: not answered" in answer_to("allergy")  # "maybe" is not an answer
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
    medicines = ["metformin\x00", "  ", ""] + [long_entry] + [f"drug{n}" for n in range(60)]
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
        URL, make_checker_post(["Zqcanarimab-7f3a", "Norco 10/325"], alcohol="yes")
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
    response = client.post(URL, make_checker_post(["Norco 10/325", 'a "quoted" pill'], liver="no"))
    body = response.content.decode()
    form = body.split('action="/check/"', 1)[1].split("</form>", 1)[0]
    assert 'name="medicine" value="Norco 10/325"' in form
    assert 'name="medicine" value="a &quot;quoted&quot; pill"' in form
    assert 'name="q-liver" value="no"' in form
    assert "Change my list" in form
    assert 'method="post"' in body.split('action="/check/"', 1)[0][-200:]

    back = client.post(
        "/check/", {"medicine": ["Norco 10/325"], "q-liver": "no", "action": "check"}
    )
    assert back.status_code == 200
    assert 'value="Norco 10/325"' in back.content.decode()
