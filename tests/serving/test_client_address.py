"""Finding 7: the client's address behind a proxy. The header is accepted as people write it
(X-Real-IP), a name that is not a header stops the site with a message, X-Forwarded-For takes
the entry the trusted proxies added (not the client-forged first one), and a deploy check warns
when the site sits behind a proxy with no header set."""

import datetime as dt
import subprocess

import pytest
import time_machine
from django.test import Client, RequestFactory

from tests.production.conftest import PYTHON, ROOT, sub_env

START = dt.datetime(2026, 11, 29, 9, 0, 5, tzinfo=dt.UTC)


def settings_value(expression: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, "-c", f"import ldn_site.settings as s; print({expression})"],
        cwd=ROOT,
        env=sub_env(DJANGO_DEBUG="1", **env),
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "written", ["X-Real-IP", "x-real-ip", "HTTP_X_REAL_IP", "X_REAL_IP", " X-Real-Ip "]
)
def test_the_client_header_is_accepted_as_people_write_it(written):
    result = settings_value("s.CLIENT_IP_HEADER", DJANGO_CLIENT_IP_HEADER=written)
    assert result.stdout.strip() == "HTTP_X_REAL_IP", result.stderr[-1500:]


@pytest.mark.parametrize("written", ["X Real IP", "X-Real-IP:", "1.2.3.4", "X-Real-IP, X-Foo"])
def test_a_client_header_that_is_not_a_header_name_stops_the_site_with_a_message(written):
    result = settings_value("s.CLIENT_IP_HEADER", DJANGO_CLIENT_IP_HEADER=written)
    assert result.returncode != 0
    assert "DJANGO_CLIENT_IP_HEADER" in result.stderr


def test_a_trusted_proxy_count_that_is_not_a_number_stops_the_site():
    result = settings_value("s.TRUSTED_PROXY_COUNT", DJANGO_TRUSTED_PROXY_COUNT="two")
    assert result.returncode != 0
    assert "DJANGO_TRUSTED_PROXY_COUNT" in result.stderr


def address_of(settings, **meta):
    from serving.middleware import client_ip

    return client_ip(RequestFactory().get("/", **meta))


def test_x_real_ip_written_naturally_names_each_patient(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    assert address_of(settings, REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="203.0.113.7") == (
        "203.0.113.7"
    )


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        # One proxy (nginx) appends the address it saw: that last entry is the client.
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),
        (1, "203.0.113.7", "203.0.113.7"),
        # A CDN in front of nginx: the second entry from the right.
        (2, "6.6.6.6, 203.0.113.7, 198.51.100.2", "203.0.113.7"),
        # Fewer entries than proxies: the header cannot be trusted, use the proxy's address.
        (2, "203.0.113.7", "10.0.0.1"),
        # Not an address at all.
        (1, "6.6.6.6, not-an-address", "10.0.0.1"),
    ],
)
def test_x_forwarded_for_takes_the_entry_the_trusted_proxies_added(
    settings, count, forwarded, expected
):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXY_COUNT = count
    assert address_of(settings, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded) == expected


@pytest.mark.django_db
def test_a_forged_first_forwarded_entry_neither_dodges_nor_aims_the_limit(settings):
    settings.CHECK_RATE_LIMIT = 30
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXY_COUNT = 1
    client = Client()
    with time_machine.travel(START, tick=False):
        for number in range(31):
            client.post(
                "/check/",
                {"medicine": ["x"]},
                REMOTE_ADDR="127.0.0.1",
                HTTP_X_FORWARDED_FOR=f"9.9.9.{number}, 203.0.113.7",
            )
        attacker = client.post(
            "/check/",
            {"medicine": ["x"]},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="8.8.8.8, 203.0.113.7",
        )
        # The attacker named someone else in the first entry: that person is not blocked.
        victim = client.post(
            "/check/",
            {"medicine": ["x"]},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="198.51.100.9",
        )
    assert attacker.status_code == 429
    assert victim.status_code != 429


def deploy_check(**env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=sub_env(
            DJANGO_DEBUG="0",
            DJANGO_SECRET_KEY="k" * 20 + "-deploy-check-secret-key-with-enough-variety-0123456789",
            **env,
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_deploy_check_warns_behind_a_proxy_with_no_client_header():
    result = deploy_check(DJANGO_HTTPS="1")
    assert "serving.W001" in result.stdout + result.stderr
    assert "DJANGO_CLIENT_IP_HEADER" in result.stdout + result.stderr


@pytest.mark.parametrize("header", ["X-Real-IP", "REMOTE_ADDR"])
def test_the_deploy_check_is_quiet_once_the_header_is_set(header):
    result = deploy_check(DJANGO_HTTPS="1", DJANGO_CLIENT_IP_HEADER=header)
    assert "serving.W001" not in result.stdout + result.stderr


@pytest.mark.django_db
def test_a_forwarded_header_with_none_configured_is_logged_once(settings, caplog):
    import logging

    from serving import middleware

    middleware.forget_warnings()
    settings.CLIENT_IP_HEADER = ""
    caplog.set_level(logging.WARNING)
    client = Client()
    for _ in range(5):
        client.get("/privacy/", HTTP_X_FORWARDED_FOR="203.0.113.7")
    warnings = [r for r in caplog.records if "DJANGO_CLIENT_IP_HEADER" in r.getMessage()]
    assert len(warnings) == 1
