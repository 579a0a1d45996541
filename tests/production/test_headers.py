"""Security headers on every response: every page found by crawling from `/`, the error
pages and the admin login. Also what patients' browsers are never given: a session cookie,
HTML comments, an X-Powered-By header."""

import pytest
from django.conf import settings
from django.test import Client, override_settings

from tests.production.conftest import NO_STORE_PAGES

STRICT_POLICY = {
    "default-src": {"'none'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "img-src": {"'self'"},
    "font-src": {"'self'"},
    "connect-src": {"'self'"},
    "form-action": {"'self'"},
    "manifest-src": {"'self'"},
    "base-uri": {"'none'"},
    "frame-ancestors": {"'none'"},
}


def parse_csp(header: str) -> dict:
    policy = {}
    for directive in header.split(";"):
        words = directive.split()
        if words:
            policy[words[0]] = set(words[1:])
    return policy


def assert_security_headers(path, response):
    csp = response.get("Content-Security-Policy")
    assert csp, f"{path} has no Content-Security-Policy"
    assert parse_csp(csp) == STRICT_POLICY, f"{path}: {csp}"
    for loose in ("unsafe-inline", "unsafe-eval", "data:", "https:", "*"):
        assert loose not in csp, f"{path} allows {loose}"
    assert response.get("X-Content-Type-Options") == "nosniff", path
    assert response.get("Referrer-Policy") == "same-origin", path
    assert response.get("Cross-Origin-Opener-Policy") == "same-origin", path
    assert response.get("X-Frame-Options") == "DENY", path
    permissions = response.get("Permissions-Policy", "")
    for feature in ("camera=()", "geolocation=()", "microphone=()"):
        assert feature in permissions, f"{path}: {permissions}"
    assert "X-Powered-By" not in response, path
    assert "Server" not in response, path


@pytest.mark.django_db
def test_the_crawl_finds_the_known_pages(site_pages):
    for path in ("/", "/check/", "/checklist/", "/privacy/"):
        assert site_pages[path].status_code == 200, path


@pytest.mark.django_db
def test_every_page_carries_the_strict_security_headers(site_pages):
    for path, response in site_pages.items():
        assert_security_headers(path, response)


@pytest.mark.django_db
def test_every_crawled_page_answers_without_error(site_pages):
    broken = {path: r.status_code for path, r in site_pages.items() if r.status_code >= 400}
    assert broken == {}


@pytest.mark.django_db
def test_error_pages_and_admin_login_carry_the_same_headers(client):
    responses = {
        "404": client.get("/no-such-page/"),
        "admin login": client.get(f"/{settings.ADMIN_URL}login/"),
        "healthz": client.get("/healthz"),
    }
    csrf_client = Client(enforce_csrf_checks=True)
    responses["csrf failure"] = csrf_client.post("/check/", {"medicine": "ibuprofen"})
    for name, response in responses.items():
        assert_security_headers(name, response)


@pytest.mark.django_db
@override_settings(
    SECURE_HSTS_SECONDS=31_536_000,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
)
def test_secure_responses_carry_hsts_for_at_least_a_year(client):
    for path in ("/", "/check/", "/checklist/", "/no-such-page/"):
        hsts = client.get(path, secure=True)["Strict-Transport-Security"]
        assert int(hsts.split("max-age=")[1].split(";")[0]) >= 31_536_000, path


@pytest.mark.django_db
def test_the_checker_and_checklist_are_never_stored_by_browsers_or_proxies(client):
    for path in NO_STORE_PAGES:
        assert "no-store" in client.get(path)["Cache-Control"], path
        posted = client.post(path, {"medicine": ["ibuprofen"]})
        assert "no-store" in posted["Cache-Control"], f"POST {path}"
    api = client.post("/api/check", {"medications": ["ibuprofen"]}, content_type="application/json")
    assert "no-store" in api.get("Cache-Control", ""), "POST /api/check"


@pytest.mark.django_db
def test_patients_never_get_a_session_cookie(client, site_pages):
    client.post("/check/", {"medicine": ["ibuprofen", "Norco 10/325"]})
    client.post("/checklist/", {"medicine": ["ibuprofen"]})
    client.post("/api/check", {"medications": ["ibuprofen"]}, content_type="application/json")
    assert settings.SESSION_COOKIE_NAME not in client.cookies
    for path, response in site_pages.items():
        assert settings.SESSION_COOKIE_NAME not in response.cookies, path


@pytest.mark.django_db
def test_rendered_pages_hold_no_html_comments(site_pages, client):
    site_pages["404"] = client.get("/no-such-page/")
    for path, response in site_pages.items():
        assert b"<!--" not in response.content, path


@pytest.mark.django_db
def test_a_form_sent_without_its_token_gets_a_plain_language_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/check/", {"medicine": "ibuprofen"})
    assert response.status_code == 403
    text = response.content.decode()
    assert "This form has expired" in text
    assert "Nothing you typed was kept" in text
    assert "CSRF" not in text
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_database_that_does_not_answer_gives_the_friendly_503_page(staff_client, monkeypatch):
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import OperationalError

    def database_down(self):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(SessionStore, "load", database_down)
    staff_client.raise_request_exception = False
    response = staff_client.get(f"/{settings.ADMIN_URL}")
    assert response.status_code == 503
    text = response.content.decode()
    assert "not available right now" in text
    assert "Nothing you typed was kept" in text
    assert "could not connect" not in text
    assert response["Retry-After"] == "30"
    assert_security_headers("503", response)


def test_the_503_page_renders_without_a_request_or_database():
    from serving.views import service_unavailable

    response = service_unavailable(None)
    assert response.status_code == 503
    assert b"Traceback" not in response.content
    assert b"try again in a few minutes" in response.content
