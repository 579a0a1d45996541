"""The staff admin: an address set by the environment, a lockout after 5 wrong passwords,
staff only, strong passwords, and a one-time code from an authenticator app when on."""

import datetime as dt
import io
import subprocess

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.production.conftest import PYTHON, ROOT, sub_env

PASSWORD = "a-long-staff-password-1"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Real hashing takes a second per login; these tests are about what happens around it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def login_url():
    return f"/{settings.ADMIN_URL}login/"


def index_url():
    return f"/{settings.ADMIN_URL}"


def sign_in(client, username, password, ip="10.0.0.1", **extra):
    return client.post(
        login_url(),
        {"username": username, "password": password, "next": index_url(), **extra},
        REMOTE_ADDR=ip,
    )


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_login_with_a_429(client, staff_user):
    for _ in range(4):
        response = sign_in(client, "nurse", "wrong-password-123")
        assert response.status_code == 200  # the login form again, with an error
    fifth = sign_in(client, "nurse", "wrong-password-123")
    assert fifth.status_code == 429
    assert "Sign-in locked for 15 minutes" in fifth.content.decode()
    # Even the right password is refused while locked.
    assert sign_in(client, "nurse", PASSWORD).status_code == 429


@pytest.mark.django_db
def test_the_lockout_ends_after_15_minutes(client, staff_user):
    with time_machine.travel(dt.datetime(2026, 11, 29, 9, 0, tzinfo=dt.UTC), tick=False):
        for _ in range(5):
            sign_in(client, "nurse", "wrong-password-123")
        assert sign_in(client, "nurse", PASSWORD).status_code == 429
    with time_machine.travel(dt.datetime(2026, 11, 29, 9, 14, tzinfo=dt.UTC), tick=False):
        assert sign_in(client, "nurse", PASSWORD).status_code == 429
    with time_machine.travel(dt.datetime(2026, 11, 29, 9, 16, tzinfo=dt.UTC), tick=False):
        response = sign_in(client, "nurse", PASSWORD)
        assert response.status_code == 302
        assert response["Location"] == index_url()


@pytest.mark.django_db
def test_the_lockout_is_per_username_and_address(client, staff_user, django_user_model):
    django_user_model.objects.create_user("pharmacist", password=PASSWORD, is_staff=True)
    for _ in range(5):
        sign_in(client, "nurse", "wrong-password-123", ip="10.0.0.1")
    assert sign_in(client, "nurse", PASSWORD, ip="10.0.0.1").status_code == 429
    # The same user from another address, and another user from the same address, still work.
    assert sign_in(client, "nurse", PASSWORD, ip="10.0.0.2").status_code == 302
    client.logout()
    assert sign_in(client, "pharmacist", PASSWORD, ip="10.0.0.1").status_code == 302


@pytest.mark.django_db
def test_a_successful_login_resets_the_count(client, staff_user):
    for _ in range(4):
        sign_in(client, "nurse", "wrong-password-123")
    assert sign_in(client, "nurse", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert sign_in(client, "nurse", "wrong-password-123").status_code == 200
    assert sign_in(client, "nurse", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_failed_logins_never_store_the_password(client, staff_user):
    from axes.models import AccessAttempt

    sign_in(client, "nurse", "my-secret-guess-42")
    stored = " ".join(
        f"{a.get_data} {a.post_data} {a.username}" for a in AccessAttempt.objects.all()
    )
    assert "my-secret-guess-42" not in stored
    assert "nurse" in stored


@pytest.mark.django_db
def test_only_staff_can_open_the_admin(client, django_user_model):
    patient = django_user_model.objects.create_user("someone", password=PASSWORD)
    client.force_login(patient)
    response = client.get(index_url())
    assert response.status_code == 302
    assert response["Location"].startswith(login_url())


@pytest.mark.django_db
def test_staff_passwords_need_twelve_characters_and_not_a_common_one(staff_user):
    for weak in ("short-pw1", "password1234", "12345678901234"):
        with pytest.raises(ValidationError):
            validate_password(weak, staff_user)
    validate_password("clinic-dosing-table-amber-7", staff_user)


@pytest.mark.django_db
def test_logging_out_ends_the_staff_session(client, staff_user):
    sign_in(client, "nurse", PASSWORD)
    assert client.get(index_url()).status_code == 200
    old_cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post(f"/{settings.ADMIN_URL}logout/")
    client.cookies[settings.SESSION_COOKIE_NAME] = old_cookie
    assert client.get(index_url()).status_code == 302


def test_the_admin_moves_to_the_address_set_by_the_environment():
    script = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "c = Client()\n"
        "print(c.get('/admin/').status_code, c.get('/staff-editing/login/').status_code)\n"
    )
    result = subprocess.run(
        [PYTHON, "-c", script],
        cwd=ROOT,
        env=sub_env(
            DJANGO_SETTINGS_MODULE="ldn_site.settings",
            DJANGO_DEBUG="0",
            DJANGO_HTTPS="0",
            DJANGO_SECRET_KEY="s" * 10 + "ubprocess-secret-for-the-admin-url-test-0123456789",
            DJANGO_ADMIN_URL="staff-editing/",
            DJANGO_ALLOWED_HOSTS="testserver",
            DJANGO_CACHE_URL="locmem://",
            DJANGO_STATIC_MANIFEST="0",
            DATABASE_URL="sqlite://:memory:",
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.split() == ["404", "200"], result.stderr[-2000:]


# --- The second factor ---------------------------------------------------------------------


@pytest.fixture
def otp_on(settings):
    settings.ADMIN_OTP = True


@pytest.fixture
def device(staff_user):
    return TOTPDevice.objects.create(user=staff_user, name="phone", confirmed=True)


@pytest.mark.django_db
def test_with_the_second_factor_on_a_password_alone_does_not_open_the_admin(client, otp_on, device):
    page = client.get(login_url())
    assert 'name="otp_token"' in page.content.decode()
    response = sign_in(client, "nurse", PASSWORD, otp_device=device.persistent_id, otp_token="")
    assert response.status_code == 200
    assert client.get(index_url()).status_code == 302


@pytest.mark.django_db
def test_with_the_second_factor_on_a_password_only_session_is_sent_to_sign_in(
    client, otp_on, staff_user
):
    client.force_login(staff_user)
    response = client.get(index_url())
    assert response.status_code == 302
    assert response["Location"].startswith(login_url())


@pytest.mark.django_db
def test_a_password_and_a_current_code_open_the_admin(client, otp_on, device):
    code = f"{totp(device.bin_key):06d}"
    response = sign_in(client, "nurse", PASSWORD, otp_device=device.persistent_id, otp_token=code)
    assert response.status_code == 302
    assert response["Location"] == index_url()
    assert client.get(index_url()).status_code == 200


@pytest.mark.django_db
def test_a_wrong_code_is_refused(client, otp_on, device):
    good = totp(device.bin_key)
    wrong = f"{(good + 1) % 1_000_000:06d}"
    response = sign_in(client, "nurse", PASSWORD, otp_device=device.persistent_id, otp_token=wrong)
    assert response.status_code == 200
    assert client.get(index_url()).status_code == 302


@pytest.mark.django_db
def test_the_command_gives_a_staff_user_an_authenticator_device(staff_user):
    out = io.StringIO()
    call_command("add_totp_device", "nurse", stdout=out)
    text = out.getvalue()
    assert "otpauth://totp/" in text
    assert "secret=" in text
    assert TOTPDevice.objects.filter(user=staff_user, confirmed=True).count() == 1


@pytest.mark.django_db
def test_production_turns_the_second_factor_on_by_default():
    result = subprocess.run(
        [PYTHON, "-c", "import ldn_site.settings as s; print(s.ADMIN_OTP)"],
        cwd=ROOT,
        env=sub_env(DJANGO_SECRET_KEY="k" * 64),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "True", result.stderr
