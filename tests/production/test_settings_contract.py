"""The settings contract: production settings pass Django's deployment checks, debug fails
them, a missing secret stops the site with a clear message, and https settings follow
DJANGO_HTTPS."""

import secrets
import subprocess

import pytest
from django.test import override_settings

from tests.production.conftest import PYTHON, ROOT, sub_env


def production_env(**overrides):
    settings = {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),  # 64 characters
        "DJANGO_HTTPS": "1",
        "DJANGO_ALLOWED_HOSTS": "ldn.example-clinic.org",
        # Behind the clinic's TLS proxy, which sets X-Real-IP (deploy/nginx/ldn-guide.conf).
        "DJANGO_CLIENT_IP_HEADER": "X-Real-IP",
    }
    return sub_env(**{**settings, **overrides})


def manage(*args, env):
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_with_production_settings():
    env = production_env()
    assert len(env["DJANGO_SECRET_KEY"]) == 64
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_fails_with_debug_on():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env=production_env(DJANGO_DEBUG="1")
    )
    assert result.returncode != 0
    assert "security.W018" in result.stdout + result.stderr


def test_deploy_check_fails_with_a_short_secret_key():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env=production_env(DJANGO_SECRET_KEY="x" * 40),
    )
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


def test_deploy_check_fails_with_https_off():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env=production_env(DJANGO_HTTPS="0")
    )
    assert result.returncode != 0
    assert "security.W004" in result.stdout + result.stderr  # no HSTS


def test_missing_secret_key_with_debug_off_stops_with_a_clear_message():
    env = production_env()
    del env["DJANGO_SECRET_KEY"]
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_is_off_unless_asked_for():
    env = production_env()
    del env["DJANGO_DEBUG"]
    result = subprocess.run(
        [PYTHON, "-c", "import ldn_site.settings as s; print(s.DEBUG, s.HTTPS, s.ADMIN_OTP)"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["False", "True", "True"], result.stderr


def test_only_the_hsts_preload_reminder_is_silenced(settings):
    assert set(settings.SILENCED_SYSTEM_CHECKS) <= {"security.W021"}


def test_security_middleware_comes_first_and_the_guards_are_installed(settings):
    assert settings.MIDDLEWARE[0] == "django.middleware.security.SecurityMiddleware"
    for required in (
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
        "csp.middleware.CSPMiddleware",
        "axes.middleware.AxesMiddleware",
        "django_otp.middleware.OTPMiddleware",
    ):
        assert required in settings.MIDDLEWARE


def test_https_settings_when_on():
    result = subprocess.run(
        [
            PYTHON,
            "-c",
            "import ldn_site.settings as s; print(s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT, "
            "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_PROXY_SSL_HEADER[0])",
        ],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    hsts, redirect, session_secure, csrf_secure, proxy_header = result.stdout.split()
    assert int(hsts) >= 31_536_000
    assert (redirect, session_secure, csrf_secure) == ("True", "True", "True")
    assert proxy_header == "HTTP_X_FORWARDED_PROTO"


HTTPS_ON = {
    "SECURE_SSL_REDIRECT": True,
    "SECURE_HSTS_SECONDS": 31_536_000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
}


@pytest.mark.django_db
@override_settings(**HTTPS_ON)
def test_plain_http_is_redirected_to_https_when_https_is_on(client):
    response = client.get("/check/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/check/"


@pytest.mark.django_db
@override_settings(**HTTPS_ON)
def test_secure_requests_get_hsts_for_a_year_and_secure_cookies(client):
    response = client.get("/check/", secure=True)
    assert response.status_code == 200
    hsts = response["Strict-Transport-Security"]
    max_age = int(hsts.split("max-age=")[1].split(";")[0])
    assert max_age >= 31_536_000
    assert "includeSubDomains" in hsts
    csrf = response.cookies.get("csrftoken")
    if csrf is not None:  # the checker form sets one; it must be locked down
        assert csrf["secure"]
        assert csrf["samesite"] == "Lax"


@pytest.mark.django_db
@override_settings(**HTTPS_ON)
def test_the_proxy_header_counts_as_https(client):
    response = client.get("/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert "Strict-Transport-Security" in response


@pytest.mark.django_db
def test_plain_http_works_on_loopback_when_https_is_off(client, settings):
    assert settings.HTTPS is False  # DJANGO_HTTPS=0 in the test settings
    response = client.get("/")
    assert response.status_code == 200
    assert "Strict-Transport-Security" not in response


@pytest.mark.django_db
@override_settings(**HTTPS_ON, PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
def test_the_staff_session_cookie_is_secure_httponly_lax_and_short(client, django_user_model):
    from django.conf import settings

    django_user_model.objects.create_user(
        "nurse", password="a-long-staff-password-1", is_staff=True
    )
    response = client.post(
        f"/{settings.ADMIN_URL}login/",
        {"username": "nurse", "password": "a-long-staff-password-1"},
        secure=True,
    )
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["secure"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert 0 < int(cookie["max-age"]) <= 8 * 60 * 60
