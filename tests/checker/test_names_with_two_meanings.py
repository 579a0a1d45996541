"""Issue 11, point 3, on the real names (checker/data/names.csv, rows flagged two_meanings):
"T3" is liothyronine (a thyroid hormone many LDN users take) or Tylenol #3; "Beechams" is
the All in One or the Powders (aspirin). Every reading is listed, the most serious answers,
and an opioid reading still warns, on the engine, the API, the CLI and the page."""

import json
import re
from html import unescape
from io import StringIO

import pytest
from django.core.management import call_command

from tests.checker.knowledge import knowledge

# (typed, the ingredients of each reading, the level the entry gets, its groups)
TWO_MEANINGS = [
    ("T3", [{"liothyronine"}, {"acetaminophen", "codeine"}], "avoid", ["opioid"]),
    ("t3s", [{"liothyronine"}, {"acetaminophen", "codeine"}], "avoid", ["opioid"]),
    ("T4", [{"levothyroxine"}, {"acetaminophen", "codeine"}], "avoid", ["opioid"]),
    (
        "Beechams",
        [{"acetaminophen", "guaifenesin", "phenylephrine"}, {"aspirin", "caffeine"}],
        "caution",
        ["nsaid"],
    ),
    (
        "Benylin Chesty Coughs",
        [{"guaifenesin"}, {"diphenhydramine", "menthol"}],
        "info",
        ["sedative"],
    ),
    (
        "Theraflu Severe Cold",
        [
            {"acetaminophen", "dextromethorphan", "phenylephrine"},
            {"acetaminophen", "diphenhydramine", "phenylephrine"},
        ],
        "info",
        ["sedative"],
    ),
    ("HC", [{"hydrocodone"}, {"hydrocortisone"}], "avoid", ["opioid"]),
    ("oxy", [{"benzoyl peroxide"}, {"oxycodone"}], "avoid", ["opioid"]),
    (
        "Nucofed",
        [{"codeine", "pseudoephedrine", "triprolidine"}, {"codeine", "pseudoephedrine"}],
        "avoid",
        ["opioid", "sedative"],
    ),
]


def check(*entries):
    return knowledge().check(*entries)


# --- The engine, on the data files ---------------------------------------------------------


@pytest.mark.parametrize(("typed", "readings", "level", "groups"), TWO_MEANINGS)
def test_every_reading_is_kept_and_the_most_serious_answers(typed, readings, level, groups):
    finding = check(typed).findings[0]
    assert [set(alt.match.ingredients) for alt in finding.alternatives] == readings
    assert finding.severity == level
    assert list(finding.groups) == groups
    assert "Which do you take?" in finding.explanation


def test_t3_names_both_the_thyroid_hormone_and_the_codeine_and_warns_on_the_codeine():
    finding = check("T3").findings[0]
    assert finding.explanation == (
        "You typed T3. This name can mean liothyronine or acetaminophen + codeine (an opioid). "
        "We show the most serious one. Which do you take?"
    )
    assert finding.is_opioid and finding.severity == "avoid"
    thyroid = next(
        alt for alt in finding.alternatives if alt.match.ingredients == ("liothyronine",)
    )
    assert thyroid.severity == "none"


def test_a_strength_after_a_name_with_two_meanings_keeps_both_readings():
    finding = check("T3 25 mcg").findings[0]
    assert {alt.match.ingredients for alt in finding.alternatives} == {
        ("liothyronine",),
        ("acetaminophen", "codeine"),
    }
    assert finding.is_opioid


def test_the_plain_names_of_each_product_have_one_meaning():
    for typed, ingredients in [
        ("Cytomel", {"liothyronine"}),
        ("liothyronine", {"liothyronine"}),
        ("Tylenol #3", {"acetaminophen", "codeine"}),
        ("Beechams Powders", {"aspirin", "caffeine"}),
        ("Beechams All in One", {"acetaminophen", "guaifenesin", "phenylephrine"}),
        ("Benylin Chesty Coughs Original", {"diphenhydramine", "menthol"}),
        ("Theraflu Severe Cold Nighttime", {"acetaminophen", "diphenhydramine", "phenylephrine"}),
    ]:
        finding = check(typed).findings[0]
        assert finding.alternatives == (), typed
        assert set(finding.match.ingredients) == ingredients, typed


def test_no_theraflu_severe_cold_reading_has_pheniramine():
    finding = check("Theraflu Severe Cold").findings[0]
    assert all("pheniramine" not in alt.match.ingredients for alt in finding.alternatives)


# --- The API and the command ---------------------------------------------------------------


def api(client, *names):
    response = client.post(
        "/api/check", {"medications": list(names)}, content_type="application/json"
    )
    assert response.status_code == 200
    return response.json()


@pytest.mark.django_db
def test_api_lists_both_readings_of_t3_in_alternatives(client):
    result = api(client, "T3")["results"][0]
    assert result["severity"] == "avoid" and result["groups"] == ["opioid"]
    assert sorted(result["ingredients"]) == ["acetaminophen", "codeine"]
    readings = sorted(result["alternatives"], key=lambda alt: alt["ingredients"])
    assert readings == [
        {
            "matched_name": "T3",
            "ingredients": ["acetaminophen", "codeine"],
            "groups": ["opioid"],
            "severity": "avoid",
        },
        {"matched_name": "T3", "ingredients": ["liothyronine"], "groups": [], "severity": "none"},
    ]


@pytest.mark.django_db
def test_api_a_name_with_one_meaning_has_no_alternatives(client):
    result = api(client, "Cytomel")["results"][0]
    assert "alternatives" not in result  # only when it applies (README)
    assert result["severity"] == "none"


@pytest.mark.django_db
def test_api_keeps_the_order_sent_with_a_name_with_two_meanings_among_others(client):
    sent = ["metformin", "Beechams", "T3", "Cytomel", "ibuprofen"]
    results = api(client, *sent)["results"]
    assert [result["input"] for result in results] == sent


@pytest.mark.django_db
def test_api_beechams_is_never_none_because_the_powders_hold_aspirin(client):
    result = api(client, "Beechams")["results"][0]
    assert result["severity"] == "caution" and result["groups"] == ["nsaid"]
    assert {alt["severity"] for alt in result["alternatives"]} == {"none", "caution"}


@pytest.mark.django_db
def test_checkmeds_names_both_readings_and_warns_on_the_opioid(client):
    out = StringIO()
    call_command("checkmeds", "T3", "Cytomel", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("T3\tDo not take together\t")
    assert "liothyronine or acetaminophen + codeine (an opioid)" in lines[0]
    assert "Which do you take?" in lines[0]
    assert lines[1].startswith("Cytomel\tNo known interaction in our list\tliothyronine")
    out = StringIO()
    call_command("checkmeds", "--json", "T3", "Beechams", stdout=out)
    assert json.loads(out.getvalue()) == api(client, "T3", "Beechams")


# --- The page, JavaScript off and htmx -----------------------------------------------------


def page(client, medicines, *, action="check", htmx=False):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = client.post("/check/", {"medicine": medicines, "action": action}, **headers)
    assert response.status_code == 200
    return response.content.decode()


def section(html, level):
    found = re.search(
        rf'<section class="app-level app-level--{level}".*?</section>', html, flags=re.S
    )
    return found.group(0) if found else ""


def choices(html):
    return {
        re.sub(r"<[^>]+>", "", words).strip(): value
        for value, words in re.findall(
            r'<button[^>]*value="(confirm-[^"]*)"[^>]*>(.*?)</button>', html, flags=re.S
        )
    }


def field_values(html):
    """What each medicine box holds (a textarea since issue 13)."""
    boxes = re.findall(r'<textarea[^>]*name="medicine"[^>]*>(.*?)</textarea>', html, flags=re.S)
    return [unescape(box) for box in boxes]


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True])
def test_page_t3_shows_both_readings_and_asks_which(client, htmx):
    html = page(client, ["T3", "metformin"], htmx=htmx)
    avoid = section(html, "avoid")
    assert "liothyronine or acetaminophen + codeine (an opioid)" in avoid
    assert "Which do you take?" in avoid
    assert set(choices(avoid)) == {
        "I mean liothyronine",
        "I mean acetaminophen + codeine (an opioid)",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True])
def test_page_choosing_liothyronine_reads_it_exactly_and_drops_the_opioid_warning(client, htmx):
    action = choices(page(client, ["T3", "metformin"], htmx=htmx))["I mean liothyronine"]
    html = page(client, ["T3", "metformin"], action=action, htmx=htmx)
    assert field_values(html)[:2] == ["liothyronine", "metformin"]
    assert section(html, "avoid") == ""
    assert "liothyronine" in section(html, "none")
    assert "Which do you take?" not in html


@pytest.mark.django_db
def test_page_choosing_the_codeine_reading_keeps_the_opioid_warning(client):
    action = choices(page(client, ["T3"]))["I mean acetaminophen + codeine (an opioid)"]
    html = page(client, ["T3"], action=action)
    assert field_values(html)[0] == "acetaminophen + codeine"
    assert "codeine (an opioid)" in section(html, "avoid")
    assert "Which do you take?" not in html


def test_prescription_shorthand_apap_hc_is_one_opioid_product():
    for typed in ("APAP/HC", "HC/APAP 10/325", "apap/hc 5/325"):
        finding = check(typed).findings[0]
        assert set(finding.match.ingredients) == {"hydrocodone", "acetaminophen"}, typed
        assert finding.severity == "avoid" and finding.is_opioid, typed
        assert finding.match.unmatched == () and finding.parts == (), typed
