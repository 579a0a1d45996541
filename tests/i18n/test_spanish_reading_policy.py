"""The Spanish checker reads Spanish entries with the same reading policy as the English one
(issue 11's guesses, negations, parts, two meanings, several medicines in one box) and answers
every one of them in Spanish; the clinic's region, its own words and the API's errors follow the
page's language too (issue 14)."""

import json
import re

import pytest
from django.urls import reverse

from clinical.models import ClinicSettings, Translation
from clinical.translation import digest, english_of

pytestmark = pytest.mark.django_db


INLINE = r"</?(?:strong|bdi|span|a|b|em|time|abbr)\b[^>]*>"


def visible(html: str) -> str:
    """The page's words without their markup, as a reader sees them."""
    text = re.sub(r"<(script|style|datalist)\b.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", re.sub(INLINE, "", text))
    return " ".join(text.replace("&quot;", '"').split())


def check_es(client, *entries: str, **extra) -> str:
    response = client.post("/es/check/", {"medicine": list(entries), "action": "check", **extra})
    assert response.status_code == 200
    return visible(response.content.decode())


ENGLISH_POLICY_WORDS = (
    "You typed",
    "Did you mean",
    "We did not count",
    "We could not read",
    "Not counted as a medicine",
    "This name can mean",
    "We read this as",
    "We are not sure",
)


def no_english(text: str) -> None:
    assert [words for words in ENGLISH_POLICY_WORDS if words in text] == []


def test_sin_codeina_is_a_negation_not_codeine(client):
    text = check_es(client, "jarabe sin codeína")
    assert "No contamos «sin codeína» como una medicina que usted toma" in text
    assert "No la contamos como una medicina que usted toma" in text
    assert "codeína (un opioide)" not in text
    assert "No los tome juntos (1)" not in text  # no opioid card for a medicine not taken
    no_english(text)


def test_codeine_syrup_and_paracetamol_with_codeine_are_opioids(client):
    text = check_es(client, "jarabe con codeína", "paracetamol con codeína", "tramadol 50 mg")
    assert "Usted escribió jarabe con codeína: codeína (un opioide)" in text
    assert re.search(r"paracetamol con codeína: acetaminofén[^+]*\+ codeína \(un opioide\)", text)
    assert "Usted escribió tramadol 50 mg: tramadol (un opioide)" in text
    # the medicine's name, not a form or salt of it
    assert "tramadol gotas" not in text and "clorhidrato de tramadol" not in text
    assert "Cuándo buscar ayuda ya" in text  # the urgent box
    no_english(text)


def test_a_misspelt_spanish_name_is_asked_about_in_spanish_and_the_answer_checks_it(client):
    text = check_es(client, "morfna")
    assert "¿Quiso decir morfina?" in text
    assert "Sí, quiero decir morfina" in text
    no_english(text)
    html = client.post("/es/check/", {"medicine": ["morfna"], "action": "check"}).content.decode()
    action = re.search(r'name="action" value="(confirm-[^"]+)"', html).group(1)
    confirmed = visible(
        client.post("/es/check/", {"medicine": ["morfna"], "action": action}).content.decode()
    )
    assert "morfina (un opioide)" in confirmed
    assert "¿Quiso decir" not in confirmed


def test_a_spanish_name_typed_without_its_accent_is_read_exactly(client):
    text = check_es(client, "codeina", "acetaminofen")
    assert "Usted escribió codeina: codeína (un opioide)" in text
    assert "¿Quiso decir" not in text


def test_a_part_that_cannot_be_read_is_named_in_spanish(client):
    text = check_es(client, "tramadol con xqzwv")
    assert "No encontramos «xqzwv». Muéstrelo a su farmacéutico." in text
    assert "tramadol (un opioide)" in text
    no_english(text)


def test_several_medicines_in_one_box_are_each_answered_in_spanish(client):
    text = check_es(client, "Norco, ibuprofeno")
    assert "Revisamos 2 nombres" in text
    assert text.count("Una de las medicinas que puso en la medicina 1: Norco, ibuprofeno") == 2
    assert "hidrocodona (un opioide)" in text and "ibuprofeno (una medicina para el dolor" in text
    no_english(text)


def test_a_name_with_two_meanings_asks_which_in_spanish(client):
    text = check_es(client, "T3")
    assert "Este nombre puede ser" in text and "¿Cuál toma usted?" in text
    assert "Quiero decir" in text  # one button per meaning
    no_english(text)


def test_the_opioid_blocker_and_naloxone_cards_are_in_spanish(client):
    text = check_es(client, "Movantik", "Narcan")
    assert "Pregunte antes a su médico: esto bloquea los opioides, como la LDN" in text
    assert "Siga con la naloxona a mano: sirve en una sobredosis, aunque tome LDN" in text
    assert "un bloqueador de opioides" in text
    no_english(text)


def test_the_alcohol_answer_says_what_the_sources_say_in_spanish_too(client):
    text = check_es(client, "ibuprofeno", **{"q-alcohol": "yes"})
    assert "Algunas guías de medicinas dicen que no beba alcohol" in text
    assert "Las guías que seguimos" not in text


@pytest.mark.parametrize(
    ("region", "spanish", "english"),
    [
        ("us", "Llame al 911 o vaya a la sala de emergencias más cercana.", "Call 911"),
        ("uk", "Llame al 999 o vaya a urgencias (A&amp;E).", "Call 999"),
        ("au", "Llame al 000 (o al 112 desde un celular), o vaya a urgencias.", "Call 000"),
    ],
)
def test_the_spanish_pages_give_the_region_s_numbers_in_spanish(
    client, settings, region, spanish, english
):
    settings.CLINIC_REGION = region
    html = client.get("/es/learn/opioid-withdrawal/").content.decode()
    assert spanish in html
    assert english not in html
    checked = client.post("/es/check/", {"medicine": ["Norco"], "action": "check"})
    assert spanish in checked.content.decode()


def test_the_spanish_error_page_gives_the_server_s_number_in_spanish(settings):
    from django.template.loader import render_to_string
    from django.utils import translation

    settings.CLINIC_REGION = "uk"
    with translation.override("es"):
        page = render_to_string("503.html")
    assert "Si se siente muy mal: Llame al 999" in page


def test_the_clinic_s_own_lines_show_in_spanish_once_staff_write_them(
    client, staff_client, django_capture_on_commit_callbacks
):
    clinic = ClinicSettings(
        name="Riverside Family Practice",
        phone="020 7946 0000",
        call_us_if="Call us if you have a new side effect.",
        hours="Monday to Friday, 8am to 6pm",
    )
    clinic.full_clean()
    with django_capture_on_commit_callbacks(execute=True):
        clinic.save()  # its Spanish row is made on commit, empty
    row = Translation.objects.get(kind="clinic", language="es")
    assert row.texts == {}
    # Staff find it under Translations, with each English line to translate beside its box.
    editing = staff_client.get(
        reverse("admin:clinical_translation_change", args=[row.pk])
    ).content.decode()
    assert "English: Call us if you have a new side effect." in editing
    assert "English: Monday to Friday, 8am to 6pm" in editing
    # Before staff write the Spanish, the Spanish page shows the clinic's English (never blank).
    assert "Monday to Friday, 8am to 6pm" in client.get("/es/").content.decode()

    row.texts = {
        "call_us_if": "Llámenos si tiene un efecto secundario nuevo.",
        "hours": "De lunes a viernes, de 8 a 18 h",
    }
    with django_capture_on_commit_callbacks(execute=True):
        row.save()
    spanish = visible(
        client.post("/es/check/", {"medicine": ["Norco"], "action": "check"}).content.decode()
    )
    assert "Llámenos si tiene un efecto secundario nuevo. Llame a Riverside Family Practice" in (
        spanish
    )
    assert "Horario: De lunes a viernes, de 8 a 18 h" in spanish
    assert "Call us if" not in spanish
    english = client.get("/").content.decode()
    assert "Monday to Friday, 8am to 6pm" in english and "De lunes" not in english

    # Staff change the English line: the Spanish is flagged for review.
    row.english_digest = digest(english_of("clinic", "1"))
    row.save()
    clinic.call_us_if = "Call us if you have any new side effect."
    with django_capture_on_commit_callbacks(execute=True):
        clinic.save()
    row.refresh_from_db()
    assert row.english_changed


def api(client, body, **headers):
    return client.post(
        "/api/check",
        body if isinstance(body, str) else json.dumps(body),
        content_type="application/json",
        headers=headers,
    )


def test_the_api_s_errors_follow_accept_language(client):
    response = api(client, "{not json", accept_language="es-MX,es;q=0.9")
    assert response.status_code == 400
    assert response["Content-Language"] == "es"
    assert response.json() == {"error": "El cuerpo no es un JSON que se pueda leer."}
    english = api(client, "{not json")
    assert english.json() == {"error": "The body is not valid JSON."}
    assert english["Content-Language"] == "en"


def test_the_api_s_errors_follow_the_lang_field(client):
    response = api(client, {"medications": [], "lang": "es"})
    assert response.status_code == 400
    assert response.json() == {"error": '"medications" está vacía. Mande al menos un nombre.'}
    refused = api(client, {"medications": ["Norco"], "lang": "fr"}, accept_language="es")
    assert refused.json() == {"error": '"lang" debe ser uno de estos: en, es.'}


def test_the_spanish_taking_ldn_page_has_its_steps_and_the_clinic_s_surgery_advice(
    client, django_capture_on_commit_callbacks
):
    text = visible(client.get("/es/learn/taking-ldn/").content.decode())
    assert "Cómo tomar la LDN" in text
    assert "Cuándo Dosis" in text and "Semana 1 0.5 mg cada día" in text
    assert "Pregunte a su clínica cuántos días antes de la operación debe dejar la LDN." in text
    clinic = ClinicSettings(name="Riverside", stop_before_surgery_days=3)
    clinic.full_clean()
    with django_capture_on_commit_callbacks(execute=True):
        clinic.save()
    text = visible(client.get("/es/learn/taking-ldn/").content.decode())
    assert "Riverside le pide que deje la LDN 3 días antes de la operación." in text
    assert "Start low" not in text and "asks you to stop" not in text


def test_spanish_directions_beside_a_medicine_are_not_unread_parts(client):
    text = check_es(client, "ibuprofeno para el dolor", "tramadol antes de dormir")
    assert "Usted escribió ibuprofeno para el dolor: ibuprofeno (una medicina para el dolor" in text
    assert "Usted escribió tramadol antes de dormir: tramadol (un opioide)" in text
    assert "No encontramos «" not in text and "No pudimos leer todo" not in text


def test_spanish_generic_names_and_label_words_are_read_not_guessed(client):
    text = check_es(
        client,
        "metformina clorhidrato de liberación prolongada 500 mg tabletas",
        "gabapentina 300 mg cápsulas tres veces al día",
        "naproxeno sódico 220 mg tabletas si hace falta para el dolor",
        "vitamina D3 2000 UI cápsulas blandas",
    )
    assert "No estamos seguros de haberlo leído bien" not in text
    assert "¿Quiso decir" not in text and "No encontramos «" not in text
    # metformina, gabapentina and vitamina D3 read as themselves: no known interaction
    assert "No hay ninguna mala mezcla conocida en nuestra lista (3)" in text
    assert "naproxeno (una medicina para el dolor y la hinchazón)" in text


def test_the_spanish_checklist_says_how_it_read_a_name_in_spanish(client):
    html = client.post(
        "/es/checklist/",
        {"medicine": ["oxicodona 20 mg tabletas dos veces al día"], "action": "checklist"},
    ).content.decode()
    text = visible(html)
    assert "oxicodona 20 mg tabletas dos veces al día" in text
    assert "oxycodone" not in text
    assert "No pudimos leer" not in text


def test_the_spanish_and_between_two_names_is_not_an_unread_part(client):
    text = check_es(client, "lisinopril e hidroclorotiazida 20 mg/12.5 mg tabletas")
    assert "No encontramos «" not in text and "No pudimos leer todo" not in text
    assert "No hay ninguna mala mezcla conocida en nuestra lista (1)" in text  # both read
