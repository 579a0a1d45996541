"""Finding 10, the weaker spots: the rate limit holds under concurrency, an outage sends no
flood of error emails, staff-login records do not pile up forever, health checks tell a load
balancer what it needs, and the nginx site retries a POST on the other server."""

import datetime as dt
import threading

import pytest
from django.core import mail
from django.db import OperationalError
from django.test import Client, RequestFactory
from django.urls import resolve
from django.utils import timezone

from tests.production.conftest import ROOT

# --- the rate limit under concurrency ----------------------------------------------------------


@pytest.mark.parametrize("kind", ["file", "locmem"])
def test_120_concurrent_checks_from_one_address_let_exactly_30_through(settings, tmp_path, kind):
    from serving.middleware import CheckRateLimitMiddleware

    backend = {
        "file": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "rate"),
        },
        "locmem": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "r"},
    }[kind]
    settings.CACHES = {**settings.CACHES, "rate_limit": {**backend, "KEY_PREFIX": "ldn-rate"}}
    settings.CHECK_RATE_LIMIT = 30
    middleware = CheckRateLimitMiddleware(lambda request: None)
    match = resolve("/api/check")
    start = threading.Barrier(120)
    outcomes = []

    def one_check():
        request = RequestFactory().post(
            "/api/check", "{}", content_type="application/json", REMOTE_ADDR="10.9.9.9"
        )
        request.resolver_match = match
        start.wait()
        outcomes.append(middleware.process_view(request, match.func, (), {}))

    threads = [threading.Thread(target=one_check) for _ in range(120)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    passed = sum(1 for outcome in outcomes if outcome is None)
    assert len(outcomes) == 120
    assert passed == 30


# --- error emails -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_database_outage_sends_no_error_email_per_request(settings, monkeypatch):
    from checker import engine

    def database_down(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(engine, "screening_questions", database_down)
    settings.ADMINS = [("Site admin", "admin@example-clinic.org")]
    client = Client(raise_request_exception=False)
    statuses = {client.get("/check/").status_code for _ in range(20)}
    assert statuses == {503}
    assert len(mail.outbox) <= 1, [m.subject for m in mail.outbox]


@pytest.mark.django_db
def test_a_real_server_error_still_emails_the_admins(settings, monkeypatch):
    from checker import engine

    def broken(*args, **kwargs):
        raise RuntimeError("the checker broke")

    monkeypatch.setattr(engine, "screening_questions", broken)
    settings.ADMINS = [("Site admin", "admin@example-clinic.org")]
    Client(raise_request_exception=False).get("/check/")
    assert len(mail.outbox) == 1


# --- staff-login records ----------------------------------------------------------------------


@pytest.mark.django_db
def test_old_staff_login_records_are_pruned_and_recent_ones_kept(settings):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.core.management import call_command

    settings.LOGIN_RECORDS_DAYS = 30
    old = timezone.now() - dt.timedelta(days=31)
    recent = timezone.now() - dt.timedelta(days=2)
    fields = {"user_agent": "test", "ip_address": "10.0.0.1", "path_info": "/admin/login/"}
    for when, username in ((old, "old-nurse"), (recent, "recent-nurse")):
        for model in (AccessLog, AccessFailureLog):
            row = model.objects.create(username=username, **fields)
            model.objects.filter(pk=row.pk).update(attempt_time=when)
        attempt = AccessAttempt.objects.create(
            username=username, failures_since_start=1, get_data="", post_data="", **fields
        )
        AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=when)

    call_command("prune_login_records", verbosity=0)
    for model in (AccessLog, AccessFailureLog, AccessAttempt):
        assert set(model.objects.values_list("username", flat=True)) == {"recent-nurse"}, model


# --- health checks --------------------------------------------------------------------------


@pytest.mark.django_db
def test_liveness_answers_without_the_database_and_readiness_reports_it(monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def database_down(self, *args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(CursorWrapper, "execute", database_down)
    client = Client(raise_request_exception=False)
    live = client.get("/livez")
    ready = client.get("/readyz")
    assert live.status_code == 200
    assert ready.status_code == 503
    assert "database: unavailable" in ready.content.decode()


# --- the nginx site ---------------------------------------------------------------------------


def test_the_nginx_site_retries_posts_on_the_other_server():
    conf = (ROOT / "deploy" / "nginx" / "ldn-guide.conf").read_text()
    retry = next(line for line in conf.splitlines() if "proxy_next_upstream " in line)
    for word in ("error", "timeout", "http_502", "http_503", "non_idempotent"):
        assert word in retry.rstrip(";").split()
