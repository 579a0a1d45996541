"""The clinic's region: the emergency numbers on every urgent box (the checker's results, the
pages' care cards, the checklist, the footer), the names patients know (paracetamol outside the
US and Canada, acetaminophen in them: on the page; the JSON keeps US names), and dates."""

import html
import json
import re

import pytest

from clinical.models import ClinicSettings
from education.models import TopicSection
from tests.factories import make_item, make_section, make_topic

pytestmark = pytest.mark.django_db

# What each region's patients must read, and numbers they must not (another country's).
REGIONS = {
    "us": (["Call 911"], ["999", "000", "112"], "acetaminophen"),
    "ca": (["Call 911"], ["999", "000", "112"], "acetaminophen"),
    "uk": (["Call 999", "call 111"], ["911", "000", "112"], "paracetamol"),
    "ie": (["Call 112 or 999"], ["911", "000", "111"], "paracetamol"),
    "au": (["Call 000", "112 from a mobile phone"], ["911", "999", "111"], "paracetamol"),
    # (Australia's 000 and 112 are the same call from a mobile; healthdirect is not an
    # emergency line.)
    "nz": (["Call 111"], ["911", "999", "000", "112"], "paracetamol"),
}


def text_of(response) -> str:
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def no_number(text: str, number: str) -> bool:
    return re.search(rf"(?<![\d ]){number}(?!\d)", text) is None


def check_norco(client):
    return client.post("/check/", {"medicine": ["Norco 10/325"], "action": "check"})


def urgent_box(text: str) -> str:
    return text.split("Immediate action required: ", 1)[1].split("About the dose", 1)[0]


@pytest.mark.parametrize("region", REGIONS)
def test_the_checker_s_urgent_box_names_the_region_s_numbers_and_names(
    client, kb, settings, region
):
    settings.CLINIC_REGION = region
    say, never, name = REGIONS[region]

    text = text_of(check_norco(client))

    box = urgent_box(text)  # an emergency card: the emergency numbers (not 111 in the UK)
    for words in say:
        assert words in box or words == "call 111"
    for number in never:
        assert no_number(box, number), number
    assert re.search(rf"Norco 10/325 ?: hydrocodone \(an opioid\) \+ {name}", text)
    other = "paracetamol" if name == "acetaminophen" else "acetaminophen"
    assert other not in text


@pytest.mark.parametrize("region", ["uk", "au"])
def test_the_json_keeps_the_us_names_whatever_the_region(client, kb, settings, region):
    settings.CLINIC_REGION = region
    response = client.post(
        "/api/check", json.dumps({"medications": ["Norco 10/325"]}), content_type="application/json"
    )
    assert response.json()["results"][0]["ingredients"] == ["hydrocodone", "acetaminophen"]


@pytest.mark.parametrize("region", REGIONS)
def test_a_page_s_care_cards_and_footer_name_the_region_s_numbers(client, settings, region):
    settings.CLINIC_REGION = region
    say, never, _ = REGIONS[region]
    topic = make_topic(slug="test-urgent")
    urgent = make_section(topic, heading="Test urgent", kind=TopicSection.Kind.URGENT_CARE, order=1)
    make_item(urgent, text="Test sign.")
    emergency = make_section(
        topic, heading="Test emergency", kind=TopicSection.Kind.IMMEDIATE_CARE, order=2
    )
    make_item(emergency, text="Test breathing sign.")

    text = text_of(client.get("/learn/test-urgent/"))

    cards = text.split("Urgent advice: Test urgent", 1)[1]
    urgent_card, rest = cards.split("Immediate action required: Test emergency", 1)
    emergency_card, footer = rest.split("This site does not replace your doctor", 1)
    for card in (urgent_card, emergency_card, footer):
        assert say[0] in card
        for number in never:
            assert no_number(card, number), (number, card)
    if region == "uk":  # 111 for urgent but not emergency
        assert "not an emergency, call 111" in urgent_card


@pytest.mark.parametrize("region", REGIONS)
def test_the_checklist_names_the_region_s_numbers_and_names(client, kb, settings, region):
    settings.CLINIC_REGION = region
    say, never, name = REGIONS[region]

    text = text_of(
        client.post("/checklist/", {"medicine": ["Norco 10/325"], "action": "checklist"})
    )

    box = text.split("Urgent advice:", 1)[1].split("Questions to ask", 1)[0]
    for words in say:
        assert words in box
    for number in never:
        assert no_number(box, number), number
    assert f"hydrocodone + {name}" in text


def test_the_blank_checklist_names_the_region_s_numbers_too(client, settings):
    settings.CLINIC_REGION = "ie"
    box = text_of(client.get("/checklist/")).split("Urgent advice:", 1)[1]
    assert "Call 112 or 999" in box.split("Questions to ask", 1)[0]


def test_staff_choice_in_clinic_settings_overrides_the_server_s_region(client, kb, settings):
    settings.CLINIC_REGION = "us"
    ClinicSettings(region="nz").save()

    text = text_of(check_norco(client))

    assert "Call 111" in urgent_box(text) and no_number(urgent_box(text), "911")
    assert "hydrocodone (an opioid) + paracetamol" in text


@pytest.mark.parametrize(
    ("region", "written"),
    [("us", "November 29, 2026"), ("ca", "November 29, 2026"), ("uk", "29 November 2026")]
    + [("au", "29 November 2026"), ("nz", "29 November 2026"), ("ie", "29 November 2026")],
)
def test_review_dates_are_written_the_region_s_way(client, settings, region, written):
    settings.CLINIC_REGION = region
    text = text_of(client.get("/learn/side-effects/"))
    assert f"Last reviewed: {written}" in text


@pytest.mark.parametrize(("region", "spelt"), [("uk", "diarrhoea"), ("au", "diarrhoea")])
def test_british_spelling_comes_from_the_locale_files(client, settings, region, spelt):
    settings.CLINIC_REGION = region
    assert f"medicines for {spelt}, vitamins" in text_of(client.get("/check/"))


def test_us_spelling_stays_in_the_us(client, settings):
    settings.CLINIC_REGION = "us"
    assert "medicines for diarrhea, vitamins" in text_of(client.get("/check/"))


def test_an_unknown_region_stops_the_server_with_a_clear_message(monkeypatch):
    import importlib

    from django.core.exceptions import ImproperlyConfigured

    import ldn_site.settings

    monkeypatch.setenv("DJANGO_CLINIC_REGION", "fr")
    with pytest.raises(ImproperlyConfigured, match="use one of us, uk, ie, ca, au, nz"):
        importlib.reload(ldn_site.settings)
    monkeypatch.delenv("DJANGO_CLINIC_REGION")
    importlib.reload(ldn_site.settings)


@pytest.mark.parametrize("template", ["500.html", "503.html"])
def test_the_error_pages_name_the_server_s_region_without_the_database(settings, template):
    from django.template import loader

    settings.CLINIC_REGION = "au"
    text = loader.get_template(template).render()
    assert "If you feel very unwell: Call 000 (or 112 from a mobile phone)" in text
    assert no_number(text, "911") and no_number(text, "999")
