"""The per-address limit on checker posts: 30 a minute by default, counted in the shared
cache, a plain-language 429 page, health checks and page reads never counted."""

import datetime as dt

import pytest
import time_machine
from django.core.cache import caches

from tests.conftest import cache_entries
from tests.production.conftest import CANARY

START = dt.datetime(2026, 11, 29, 9, 0, 5, tzinfo=dt.UTC)


@pytest.fixture
def limit_on(settings):
    settings.CHECK_RATE_LIMIT = 30


def post_check(client, ip="10.1.1.1"):
    return client.post("/check/", {"medicine": ["ibuprofen"]}, REMOTE_ADDR=ip)


def test_the_default_limit_is_30_a_minute():
    import subprocess

    from tests.production.conftest import PYTHON, ROOT, sub_env

    result = subprocess.run(
        [PYTHON, "-c", "import ldn_site.settings as s; print(s.CHECK_RATE_LIMIT)"],
        cwd=ROOT,
        env=sub_env(DJANGO_DEBUG="1"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "30", result.stderr


@pytest.mark.django_db
def test_the_31st_check_in_a_minute_gets_a_plain_language_429(client, limit_on):
    with time_machine.travel(START, tick=False):
        for number in range(30):
            assert post_check(client).status_code != 429, number
        response = post_check(client)
    assert response.status_code == 429
    text = response.content.decode()
    assert "Too many checks in a short time" in text
    assert "wait one minute" in text
    assert int(response["Retry-After"]) == 55
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_adding_removing_and_clearing_rows_never_count_against_the_limit(client, limit_on):
    with time_machine.travel(START, tick=False):
        for number in range(40):
            action = ("add", "remove-1", "clear")[number % 3]
            response = client.post(
                "/check/", {"medicine": ["ibuprofen"], "action": action}, REMOTE_ADDR="10.1.1.9"
            )
            assert response.status_code == 200, (number, action)
        for number in range(30):
            assert post_check(client, ip="10.1.1.9").status_code != 429, number
        assert post_check(client, ip="10.1.1.9").status_code == 429


@pytest.mark.django_db
def test_the_limit_lifts_in_the_next_minute(client, limit_on):
    with time_machine.travel(START, tick=False):
        for _ in range(31):
            post_check(client)
        assert post_check(client).status_code == 429
    with time_machine.travel(START + dt.timedelta(seconds=60), tick=False):
        assert post_check(client).status_code != 429


@pytest.mark.django_db
def test_each_address_has_its_own_count(client, limit_on):
    with time_machine.travel(START, tick=False):
        for _ in range(31):
            post_check(client, ip="10.1.1.1")
        assert post_check(client, ip="10.1.1.1").status_code == 429
        assert post_check(client, ip="10.1.1.2").status_code != 429


@pytest.mark.django_db
def test_the_api_and_the_checklist_count_too(client, limit_on):
    with time_machine.travel(START, tick=False):
        for _ in range(30):
            client.post("/checklist/", {"medicine": ["ibuprofen"]}, REMOTE_ADDR="10.1.1.3")
        assert post_check(client, ip="10.1.1.3").status_code == 429
        api = client.post(
            "/api/check",
            {"medications": ["ibuprofen"]},
            content_type="application/json",
            REMOTE_ADDR="10.1.1.3",
        )
    assert api.status_code == 429
    assert "error" in api.json()


@pytest.mark.django_db
def test_reading_pages_and_health_checks_are_never_limited(client, limit_on):
    with time_machine.travel(START, tick=False):
        for _ in range(31):
            post_check(client)
        assert client.get("/healthz").status_code == 200
        assert client.get("/check/").status_code == 200
        assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_zero_turns_the_limit_off(client, settings):
    settings.CHECK_RATE_LIMIT = 0
    with time_machine.travel(START, tick=False):
        assert all(post_check(client).status_code != 429 for _ in range(40))


@pytest.mark.django_db
def test_a_trusted_proxy_header_names_the_client(client, limit_on, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    with time_machine.travel(START, tick=False):
        for _ in range(31):
            client.post(
                "/check/", {"medicine": ["x"]}, REMOTE_ADDR="10.0.0.9", HTTP_X_REAL_IP="1.2.3.4"
            )
        blocked = client.post(
            "/check/", {"medicine": ["x"]}, REMOTE_ADDR="10.0.0.9", HTTP_X_REAL_IP="1.2.3.4"
        )
        other = client.post(
            "/check/", {"medicine": ["x"]}, REMOTE_ADDR="10.0.0.9", HTTP_X_REAL_IP="5.6.7.8"
        )
    assert blocked.status_code == 429
    assert other.status_code != 429


@pytest.mark.django_db
def test_a_client_cannot_dodge_the_limit_with_a_forwarded_header(client, limit_on):
    with time_machine.travel(START, tick=False):
        for n in range(31):
            client.post(
                "/check/",
                {"medicine": ["x"]},
                REMOTE_ADDR="10.0.0.7",
                HTTP_X_FORWARDED_FOR=f"9.9.9.{n}",
            )
        response = client.post(
            "/check/", {"medicine": ["x"]}, REMOTE_ADDR="10.0.0.7", HTTP_X_FORWARDED_FOR="8.8.8.8"
        )
    assert response.status_code == 429


@pytest.mark.django_db
def test_the_cache_holds_neither_the_address_nor_what_was_typed(client, limit_on):
    with time_machine.travel(START, tick=False):
        client.post("/check/", {"medicine": [CANARY]}, REMOTE_ADDR="10.77.77.77")
    stored = " ".join(
        repr(key) + repr(value) for cache in caches.all() for key, value in cache_entries(cache)
    )
    assert "rate" in stored, "the limit counted in its cache"
    assert "10.77.77.77" not in stored
    assert CANARY not in stored
