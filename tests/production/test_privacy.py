"""Privacy, proven: a made-up medicine name typed into every patient input (the checker with
JavaScript off and with htmx, the API, the checklist; valid and invalid; a forced error) is
then found nowhere the site keeps anything: not in the database, the cache, the logs, an
error email, a URL or a redirect. (tests/production/test_served.py does the same against
gunicorn with a SQLite file, a file cache and log files on disk.)"""

import json
import logging

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.cache import caches
from django.test import Client

from tests.conftest import cache_entries
from tests.production.conftest import CANARY, crawl, links_in

SPELLINGS = (CANARY, CANARY.lower(), CANARY.upper(), CANARY.replace("-", " "))


def found_in(text: str) -> list[str]:
    lowered = text.lower()
    return [spelling for spelling in SPELLINGS if spelling.lower() in lowered]


def patient_session(client) -> list:
    """Every way a patient can type the canary; returns every response."""
    responses = []
    entries = ["Norco 10/325", CANARY, "ibuprofen"]
    post = lambda path, data, **headers: responses.append(client.post(path, data, **headers))  # noqa: E731
    responses.append(client.get("/check/"))
    post("/check/", {"medicine": entries, "q-alcohol": "yes"})
    post("/check/", {"medicine": entries}, HTTP_HX_REQUEST="true")
    post("/check/", {"medicine": entries, "action": "add"})
    post("/check/", {"medicine": entries, "action": "remove-2"}, HTTP_HX_REQUEST="true")
    post("/check/", {"medicine": entries, "action": "clear"})
    # Invalid: too long, too many, a NUL byte, HTML around it.
    post("/check/", {"medicine": [CANARY * 20]})
    post("/check/", {"medicine": [CANARY] * 60})
    post("/check/", {"medicine": [f"{CANARY}\x00"]}, HTTP_HX_REQUEST="true")
    post("/check/", {"medicine": [f"<b>{CANARY}</b>"]})
    post("/checklist/", {"medicine": entries, "q-alcohol": "yes"})
    post("/checklist/", {"medicine": [CANARY] * 60})
    for body in (
        {"medications": entries},
        {"medications": [CANARY * 20]},
        {"medications": [f"{CANARY}\x00"]},
        {"medication": [CANARY]},
    ):
        post("/api/check", json.dumps(body), content_type="application/json")
    post("/api/check", f"{CANARY} is not JSON", content_type="application/json")
    # A form without its CSRF token (403) also carries the canary.
    post_no_token = Client(enforce_csrf_checks=True)
    responses.append(post_no_token.post("/check/", {"medicine": [CANARY]}))
    return responses


def every_row_as_text() -> str:
    chunks = []
    for model in apps.get_models(include_auto_created=True):
        for row in model._base_manager.values_list():
            chunks.append(repr(row))
    return "\n".join(chunks)


def every_cache_entry_as_text() -> str:
    entries = []
    for cache in caches.all():
        for key, value in cache_entries(cache):
            entries.append(repr(key))
            entries.append(repr(value))
    return "\n".join(entries)


@pytest.mark.django_db
def test_the_session_really_reached_the_checker(client):
    responses = patient_session(client)
    assert responses[1].status_code == 200
    # The canary is shown back to the patient (escaped), so it did reach the page...
    assert CANARY in responses[1].content.decode()
    # ...and invalid input got a clear answer, never a server error.
    assert all(r.status_code < 500 for r in responses)


@pytest.mark.django_db
def test_nothing_typed_is_written_to_the_database_or_the_cache(client):
    sessions_before = Session.objects.count()
    patient_session(client)
    assert found_in(every_row_as_text()) == []
    assert found_in(every_cache_entry_as_text()) == []
    assert Session.objects.count() == sessions_before


@pytest.mark.django_db
def test_nothing_typed_reaches_a_log_even_at_debug_level(client, caplog):
    caplog.set_level(logging.DEBUG)
    patient_session(client)
    logged = "\n".join(
        f"{record.name} {record.getMessage()} {record.args!r} {record.exc_text or ''}"
        for record in caplog.records
    )
    assert found_in(logged) == []
    assert found_in(caplog.text) == []


@pytest.mark.django_db
def test_nothing_typed_is_put_in_a_url_or_a_redirect(client):
    for response in patient_session(client):
        assert found_in(response.get("Location", "")) == []
        assert found_in(response.get("HX-Redirect", "") + response.get("HX-Push-Url", "")) == []
        if "text/html" in response.get("Content-Type", ""):
            html = response.content.decode()
            assert found_in(" ".join(links_in(html))) == []
            assert 'method="get"' not in html.lower().replace("'", '"'), "patient forms POST"


@pytest.mark.django_db
def test_patient_forms_send_by_post_only(client):
    assert "<form" in client.get("/check/").content.decode()
    for path, response in crawl(client).items():
        html = response.content.decode().lower().replace("'", '"')
        assert html.count('method="post"') == html.count("<form"), path


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, data, content_type",
    [
        ("/check/", {"medicine": [CANARY, "ibuprofen"]}, None),
        ("/checklist/", {"medicine": [CANARY, "ibuprofen"]}, None),
        ("/api/check", json.dumps({"medications": [CANARY]}), "application/json"),
    ],
)
def test_a_server_error_keeps_what_was_typed_out_of_logs_and_error_emails(
    path, data, content_type, settings, monkeypatch, caplog
):
    from checker import engine

    def broken(*args, **kwargs):
        raise RuntimeError("the checker broke")

    monkeypatch.setattr(engine, "check_medicines", broken)
    settings.ADMINS = [("Site admin", "admin@example-clinic.org")]
    caplog.set_level(logging.DEBUG)
    client = Client(raise_request_exception=False)
    kwargs = {"content_type": content_type} if content_type else {}
    response = client.post(path, data, **kwargs)

    assert response.status_code == 500
    assert found_in(response.content.decode()) == []
    assert "the checker broke" not in response.content.decode()
    assert len(mail.outbox) == 1, "the error reaches the site admin"
    email = mail.outbox[0]
    whole_email = email.subject + email.body + "".join(str(a[0]) for a in email.alternatives)
    assert "the checker broke" in whole_email
    assert found_in(whole_email) == []
    assert found_in(caplog.text) == []


@pytest.mark.django_db
def test_pages_load_nothing_from_another_host(client):
    for path, response in crawl(client).items():
        html = response.content.decode()
        for tag in ("script", "link", "img", "iframe", "source", "video", "audio", "embed"):
            assert f'<{tag} src="http' not in html, path
            assert f'<{tag} src="//' not in html, path
        assert 'rel="stylesheet" href="http' not in html, path
        assert 'rel="stylesheet" href="//' not in html, path
