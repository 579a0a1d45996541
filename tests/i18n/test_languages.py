"""The site in two languages: English where it always was, Spanish under /es/ (issue 14).

What a visitor notices: the page's language, the switch to the same page in the other language,
the links a crawler follows (hreflang), and the site's own words in Spanish."""

import re
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

PAGES = ["/", "/learn/", "/learn/what-is-ldn/", "/check/", "/checklist/", "/sources/", "/privacy/"]


def html_lang(html: str) -> str:
    """The page's language, without the region of its English ("en-us", "en-gb": the clinic's
    region sets the English of dates and spelling)."""
    return re.search(r'<html lang="([^"]+)"', html).group(1).split("-")[0]


def alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))


def switch_links(html: str) -> list[tuple[str, str, str, str]]:
    """(href, hreflang, lang, name) of each link in the language switch."""
    nav = re.search(r'<nav class="app-language".*?</nav>', html, re.S).group(0)
    return re.findall(
        r'<a class="app-language__link" href="([^"]+)" hreflang="([^"]+)" lang="([^"]+)"'
        r' rel="alternate">([^<]+)</a>',
        nav,
    )


def test_the_compiled_spanish_messages_are_not_older_than_their_source():
    po = Path(settings.BASE_DIR, "locale/es/LC_MESSAGES/django.po")
    mo = po.with_suffix(".mo")
    assert mo.exists(), "locale/es/LC_MESSAGES/django.mo is missing: run `make messages`"
    assert mo.stat().st_mtime >= po.stat().st_mtime, "django.po changed: run `make messages`"


@pytest.mark.parametrize("path", PAGES)
def test_english_pages_stay_at_their_addresses_and_say_they_are_english(client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert html_lang(html) == "en"
    assert switch_links(html) == [(f"/es{path}", "es", "es", "Español")]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_spanish_twin_under_es(client, path):
    response = client.get(f"/es{path}")
    assert response.status_code == 200
    html = response.content.decode()
    assert html_lang(html) == "es"
    assert response["Content-Language"] == "es"
    # The switch names English in English and lands on the same page.
    assert switch_links(html) == [(path, "en", "en", "English")]
    assert 'lang="es" aria-current="true">Español<' in html


@pytest.mark.parametrize("path", PAGES)
def test_each_page_links_its_translations_and_an_x_default_for_crawlers(client, path):
    links = alternates(client.get(path).content.decode())
    assert links == {
        "en": f"http://testserver{path}",
        "es": f"http://testserver/es{path}",
        "x-default": f"http://testserver{path}",
    }
    assert alternates(client.get(f"/es{path}").content.decode()) == links


def test_a_spanish_speaking_browser_still_gets_english_at_the_english_address(client):
    response = client.get("/", headers={"accept-language": "es-MX,es;q=0.9"})
    assert response.status_code == 200  # no redirect: the address says the language
    assert html_lang(response.content.decode()) == "en"


def test_the_spanish_home_reads_in_spanish(client):
    html = client.get("/es/").content.decode()
    for words in [
        "Revisar mis medicinas",
        "Ir al contenido",
        "Este sitio no toma el lugar de su médico",
    ]:
        assert words in html
    for words in ["Check my medicines", "Skip to main content", "does not replace your doctor"]:
        assert words not in html
    # Links inside the Spanish site stay in Spanish.
    assert 'href="/es/check/"' in html
    assert 'href="/es/checklist/"' in html


def test_the_spanish_checker_form_errors_are_in_spanish(client):
    response = client.post("/es/check/", {"medicine": ["", ""], "action": "check"})
    html = response.content.decode()
    assert "Escriba el nombre de una medicina" in html
    assert "Hay un problema" in html
    assert "Enter a medicine name" not in html


def test_a_missing_spanish_page_is_a_spanish_404(client):
    response = client.get("/es/learn/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert html_lang(html) == "es"
    assert "No encontramos la página" in html


def test_the_spanish_page_dates_are_written_the_spanish_way(client):
    html = client.get("/es/learn/what-is-ldn/").content.decode()
    assert re.search(
        r"La página en inglés se revisó por última vez el \d{1,2} de [a-z]+ de \d{4}\.", html
    )


def api(client, body, **headers):
    import json

    return client.post(
        "/api/check", json.dumps(body), content_type="application/json", headers=headers
    )


def test_the_api_answers_in_the_language_asked_for_with_the_same_fields_and_slugs(client):
    english = api(client, {"medications": ["Norco", "ibuprofen"]})
    spanish = api(client, {"medications": ["Norco", "ibuprofen"], "lang": "es"})
    assert spanish.status_code == 200
    assert spanish["Content-Language"] == "es" and english["Content-Language"] == "en"
    en, es = english.json(), spanish.json()
    assert es["summary"] == en["summary"]
    for a, b in zip(en["results"], es["results"], strict=True):
        assert {k: v for k, v in a.items() if k not in ("message", "tell_your_doctor")} == {
            k: v for k, v in b.items() if k not in ("message", "tell_your_doctor")
        }
    assert es["results"][0]["groups"] == ["opioid"]
    assert "La LDN bloquea los opioides" in es["results"][0]["message"]
    assert "Dígale" in es["results"][0]["tell_your_doctor"]
    assert "LDN blocks opioids" in en["results"][0]["message"]


def test_the_api_reads_accept_language_when_no_lang_is_sent(client):
    response = api(client, {"medications": ["xyzzy"]}, accept_language="es-MX,es;q=0.9,en;q=0.5")
    assert response["Content-Language"] == "es"
    assert response.json()["results"][0]["message"].startswith("No lo encontramos")
    assert api(client, {"medications": ["xyzzy"]}).json()["results"][0]["message"].startswith("We")


def test_the_api_refuses_a_language_it_does_not_have(client):
    response = api(client, {"medications": ["Norco"], "lang": "fr"})
    assert response.status_code == 400
    assert response.json() == {"error": '"lang" must be one of: en, es.'}


def visible(html: str) -> str:
    """The page's words without their markup, as a reader sees them."""
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def test_the_spanish_checker_answers_in_spanish_with_the_spanish_urgent_box(client):
    html = client.post(
        "/es/check/", {"medicine": ["Norco", "ibuprofeno"], "action": "check"}
    ).content.decode()
    html = visible(html)
    assert "Cuándo buscar ayuda ya" in html  # the urgent box, in Spanish
    assert "No los tome juntos" in html and "Pregunte antes a su médico" in html
    assert "Usted escribió ibuprofeno" in html
    for english in ("Do not take together", "When to get help now", "You typed"):
        assert english not in html


def test_spanish_names_typed_on_the_spanish_page_read_right_and_are_named_in_spanish(client):
    html = client.post(
        "/es/check/",
        {
            "medicine": ["jarabe con codeína", "morfina", "ibuprofeno", "paracetamol"],
            "action": "check",
        },
    ).content.decode()
    html = visible(html)
    assert "Usted escribió jarabe con codeína: codeína (un opioide)" in html
    assert "Usted escribió morfina: morfina (un opioide)" in html
    assert "Usted escribió ibuprofeno: ibuprofeno (una medicina para el dolor" in html
    assert "Usted escribió paracetamol: acetaminofén (paracetamol)" in html
    assert "Cuándo buscar ayuda ya" in html
    # The English page names the same ingredients in English.
    english = visible(
        client.post("/check/", {"medicine": ["morfina"], "action": "check"}).content.decode()
    )
    assert "You typed morfina: morphine (an opioid)" in english


def test_the_spanish_checklist_names_the_ingredients_in_spanish(client):
    html = client.post(
        "/es/checklist/", {"medicine": ["Norco", "paracetamol"], "action": "checklist"}
    ).content.decode()
    assert "hidrocodona + acetaminofén (paracetamol)" in html
    assert "Aviso sobre opioides" in html
