"""Issue 11 as other programs and patients meet it: POST /api/check, `checkmeds` and the
/check/ page (with JavaScript off, and the htmx partials) for a guess, a part not read, a
medicine written as not taken, a typo as close to two names, and several products in one box.
The names are made up here (kb and the builders), so no seed wording is relied on."""

import json
import re
from html import unescape
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from tests.factories import make_ingredient, make_name

RESULT_KEYS = [
    "input",
    "recognized",
    "match",
    "matched_name",
    "ingredients",
    "groups",
    "severity",
    "message",
    "tell_your_doctor",
]


@pytest.fixture
def guesses(kb):
    """Two made-up brands one slip apart from "Zentrel": one an opioid, one with no rule."""
    testacodone = make_ingredient("testacodone", groups=[kb["opioid"]])
    plain = make_ingredient("plainomab")
    make_name("Zentrol", testacodone)
    make_name("Zantrel", plain)
    return kb


def api(client, *names):
    response = client.post(
        "/api/check", {"medications": list(names)}, content_type="application/json"
    )
    assert response.status_code == 200
    return response.json()


def page(client, medicines, *, action="check", htmx=False):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = client.post("/check/", {"medicine": medicines, "action": action}, **headers)
    assert response.status_code == 200
    return response.content.decode()


def field_values(html):
    """What each medicine box holds (a textarea since issue 13)."""
    boxes = re.findall(r'<textarea[^>]*name="medicine"[^>]*>(.*?)</textarea>', html, flags=re.S)
    return [unescape(box) for box in boxes]


def section(html, level):
    found = re.search(
        rf'<section class="app-level app-level--{level}".*?</section>', html, flags=re.S
    )
    return found.group(0) if found else ""


def buttons(html):
    """(value, words) of every button that answers a question about an entry."""
    return [
        (value, re.sub(r"<[^>]+>", "", words).strip())
        for value, words in re.findall(
            r'<button[^>]*value="(confirm-[^"]*)"[^>]*>(.*?)</button>', html, flags=re.S
        )
    ]


# --- The API and the command -------------------------------------------------------------------


@pytest.mark.django_db
def test_api_a_guess_with_no_rule_is_unknown_and_keeps_the_guess(client, guesses):
    result = api(client, "plainomabb")["results"][0]
    assert result["match"] == "fuzzy"
    assert result["recognized"] is True
    assert result["matched_name"] == "plainomab"
    assert result["ingredients"] == ["plainomab"]
    assert result["severity"] == "unknown"
    assert "plainomab" in result["message"]
    assert list(result) == RESULT_KEYS  # nothing added that does not apply


@pytest.mark.django_db
def test_api_a_guess_that_lands_on_an_opioid_warns_as_an_opioid(client, guesses):
    result = api(client, "testacodon")["results"][0]
    assert (result["match"], result["severity"], result["groups"]) == (
        "fuzzy",
        "avoid",
        ["opioid"],
    )


@pytest.mark.django_db
def test_api_an_entry_read_in_part_names_the_unread_words_and_is_not_none(client, guesses):
    result = api(client, "plainomab and zorblaxquin")["results"][0]
    assert result["unmatched"] == ["zorblaxquin"]
    assert result["ingredients"] == ["plainomab"]
    assert result["severity"] == "unknown"
    assert list(result) == [*RESULT_KEYS, "unmatched"]


@pytest.mark.django_db
def test_api_a_medicine_written_as_not_taken_is_not_read_as_taken(client, guesses):
    for typed in ("no testacodone", "testacodone-free syrup", "not taking testacodone"):
        result = api(client, typed)["results"][0]
        assert result["ingredients"] == [] and result["groups"] == []
        assert result["severity"] == "unknown"
        assert result["unmatched"], typed


@pytest.mark.django_db
def test_api_a_typo_as_close_to_two_names_lists_both_and_takes_the_more_serious(client, guesses):
    result = api(client, "Zentrel")["results"][0]
    assert result["severity"] == "avoid" and result["groups"] == ["opioid"]
    assert result["matched_name"] == "Zentrol"
    readings = {alt["matched_name"]: alt for alt in result["alternatives"]}
    assert set(readings) == {"Zentrol", "Zantrel"}
    assert readings["Zentrol"] == {
        "matched_name": "Zentrol",
        "ingredients": ["testacodone"],
        "groups": ["opioid"],
        "severity": "avoid",
    }
    assert readings["Zantrel"]["severity"] == "unknown"  # a guess with no rule
    assert readings["Zantrel"]["groups"] == []


@pytest.mark.django_db
def test_api_several_products_in_one_entry_keep_its_place_each_at_its_own_level(client, guesses):
    sent = ["plainomab", "Norco 10/325, plainomab\ncautionolol", "infozepam"]
    data = api(client, *sent)
    assert [result["input"] for result in data["results"]] == sent  # one per input, in order
    several = data["results"][1]
    assert several["severity"] == "avoid"
    assert several["groups"][0] == "opioid"
    assert set(several["ingredients"]) == {
        "hydrocodone",
        "acetaminophen",
        "plainomab",
        "cautionolol",
    }
    parts = several["parts"]
    assert [part["input"] for part in parts] == ["Norco 10/325", "plainomab", "cautionolol"]
    assert [part["severity"] for part in parts] == ["avoid", "none", "caution"]
    assert all(list(part) == RESULT_KEYS for part in parts)
    assert data["summary"] == {"avoid": 1, "caution": 0, "info": 1, "none": 1, "unknown": 0}


@pytest.mark.django_db
def test_api_one_combination_product_stays_one_reading(client, guesses):
    result = api(client, "hydrocodone and acetaminophen")["results"][0]
    assert "parts" not in result
    assert set(result["ingredients"]) == {"hydrocodone", "acetaminophen"}


@pytest.mark.django_db
def test_checkmeds_json_answers_the_new_fields_exactly_as_the_api(client, guesses):
    names = [
        "plainomabb",
        "plainomab and zorblaxquin",
        "Zentrel",
        "Norco, plainomab",
        "no testacodone",
    ]
    out = StringIO()
    call_command("checkmeds", "--json", *names, stdout=out)
    assert json.loads(out.getvalue()) == api(client, *names)


@pytest.mark.django_db
def test_checkmeds_lines_ask_did_you_mean_and_list_each_product(guesses):
    out = StringIO()
    call_command("checkmeds", "plainomabb", "Norco, plainomab", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("plainomabb\tNot recognised\tplainomab\t")
    assert "Did you mean plainomab?" in lines[0]
    assert lines[1].startswith("Norco, plainomab\tDo not take together\t")
    assert lines[2].startswith("  - Norco\tDo not take together\thydrocodone, acetaminophen")
    assert lines[3].startswith("  - plainomab\tNo known interaction in our list\tplainomab")
    assert len(lines) == 4


# --- The page, JavaScript off and htmx --------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True])
def test_page_a_guess_asks_did_you_mean_with_a_button_that_confirms_it(client, guesses, htmx):
    html = page(client, ["infozepam", "plainomabb"], htmx=htmx)
    unknown = section(html, "unknown")
    assert "plainomabb" in unknown and "Did you mean plainomab?" in unknown
    assert "No known interaction" not in unknown
    assert buttons(unknown) == [("confirm-2-0-0", "Yes, I mean plainomab")]
    button = re.search(r'<button[^>]*value="confirm-2-0-0"[^>]*>', html).group(0)
    assert 'type="submit"' in button and 'form="check-form"' in button  # works without JS
    assert 'hx-post="/check/"' in button


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True])
def test_page_pressing_yes_puts_the_name_in_its_row_and_reads_it_exactly(client, guesses, htmx):
    html = page(client, ["infozepam", "plainomabb", ""], action="confirm-2-0-0", htmx=htmx)
    assert field_values(html) == ["infozepam", "plainomab", ""]
    assert "plainomab" in section(html, "none")
    assert section(html, "unknown") == ""
    assert "Did you mean" not in html


@pytest.mark.django_db
def test_page_a_stale_or_made_up_confirm_changes_nothing(client, guesses):
    for action in ("confirm-1-0-0", "confirm-9-0-0", "confirm-x", "confirm-2-1-0"):
        html = page(client, ["plainomab", "plainomabb"], action=action)
        assert field_values(html) == ["plainomab", "plainomabb"], action


@pytest.mark.django_db
def test_page_a_guess_on_an_opioid_is_warned_on_and_asked_about(client, guesses):
    html = page(client, ["testacodon"])
    avoid = section(html, "avoid")
    assert "testacodon" in avoid and "Did you mean testacodone?" in avoid
    assert buttons(avoid) == [("confirm-1-0-0", "Yes, I mean testacodone")]
    assert "When to get help now" in html or "app-care-card" in html


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True])
def test_page_says_which_part_was_not_read_at_the_entrys_level(client, guesses, htmx):
    html = page(client, ["plainomab and zorblaxquin"], htmx=htmx)
    assert section(html, "none") == ""
    unknown = section(html, "unknown")
    assert "We could not read all of this" in unknown
    assert "We couldn&#x27;t match &quot;zorblaxquin&quot;" in unknown


@pytest.mark.django_db
def test_page_says_a_medicine_written_as_not_taken_was_not_counted(client, guesses):
    html = page(client, ["no testacodone"])
    assert section(html, "avoid") == ""
    assert "We did not count &quot;no testacodone&quot; as a medicine you take" in section(
        html, "unknown"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True])
def test_page_a_typo_close_to_two_names_shows_both_and_asks_which(client, guesses, htmx):
    html = page(client, ["Zentrel"], htmx=htmx)
    avoid = section(html, "avoid")
    assert "Which do you mean?" in avoid
    choices = {words: value for value, words in buttons(avoid)}
    assert set(choices) == {"I mean Zentrol: testacodone (an opioid)", "I mean Zantrel: plainomab"}
    chosen = page(client, ["Zentrel"], action=choices["I mean Zantrel: plainomab"], htmx=htmx)
    assert field_values(chosen) == ["Zantrel"]
    assert "Zantrel" in section(chosen, "none") and section(chosen, "avoid") == ""


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True])
def test_page_shows_each_product_in_one_box_as_its_own_entry(client, guesses, htmx):
    html = page(client, ["Norco 10/325, plainomab; cautionolol"], htmx=htmx)
    assert "Norco 10/325" in section(html, "avoid")
    assert "<bdi>plainomab</bdi>" in section(html, "none")
    assert "<bdi>cautionolol</bdi>" in section(html, "caution")
    assert html.count("One of the medicines in medicine 1") == 3
    assert "We checked 3 entries" in html
    assert field_values(html)[0] == "Norco 10/325, plainomab; cautionolol"  # kept as typed


@pytest.mark.django_db
def test_page_a_guessed_product_is_confirmed_in_its_place_in_the_row(client, guesses):
    html = page(client, ["cautionolol, plainomabb, Norco"])
    assert buttons(section(html, "unknown")) == [("confirm-1-2-0", "Yes, I mean plainomab")]
    confirmed = page(client, ["cautionolol, plainomabb, Norco"], action="confirm-1-2-0")
    assert field_values(confirmed) == ["cautionolol, plainomab, Norco"]
    assert "Did you mean" not in confirmed


@pytest.mark.django_db
def test_confirming_stores_nothing_and_keeps_nothing_in_the_address(client, guesses):
    before = {model._meta.label: model.objects.count() for model in apps.get_models()}
    response = client.post(
        "/check/", {"medicine": ["plainomabb"], "action": "confirm-1-0-0"}, follow=True
    )
    assert response.redirect_chain == []
    assert "sessionid" not in response.cookies
    assert before == {model._meta.label: model.objects.count() for model in apps.get_models()}


@pytest.mark.parametrize(
    ("value", "read"),
    [
        ("confirm-2-0-0", (2, 0, 0)),
        ("confirm-1-3-2", (1, 3, 2)),
        ("confirm-x-0-0", None),
        ("confirm-1-0", None),
        ("confirm-²-0-0", None),
        ("confirm-1234-0-0", None),
        ("remove-1", None),
        ("check", None),
    ],
)
def test_only_well_formed_confirm_buttons_are_read(value, read):
    from checker.forms import read_action, read_confirm

    assert read_confirm(value) == read
    if read is not None:
        assert read_action(value) == ("check", None)  # it checks, and counts as a check
