"""Shared fixtures and make_* builders for the whole suite."""

import io
import pickle

import pytest
from django.core.cache import caches


def cache_entries(cache) -> list[tuple[str, object]]:
    """Every (key, value) a cache holds, whichever backend the run uses (in-memory for the
    suite, Redis in CI's Redis pass): tests read what was stored, not the backend's insides."""
    if hasattr(getattr(cache, "_cache", None), "get_client"):  # Django's RedisCache
        client = cache._cache.get_client()
        return [
            (key.decode(), cache._cache._serializer.loads(client.get(key)))
            for key in client.keys("*")
            if client.type(key) == b"string"
        ]
    entries = getattr(cache, "_cache", {})
    return [
        (key, pickle.loads(value) if isinstance(value, bytes) else value)  # noqa: S301
        for key, value in list(entries.items())
    ]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with empty caches: a rolled-back test must not leave cached pages."""
    for cache in caches.all():
        cache.clear()
    yield


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user(
        username="nurse", password="a-long-staff-password-1", is_staff=True, is_superuser=True
    )


@pytest.fixture
def staff_client(client, staff_user, django_capture_on_commit_callbacks):
    """A signed-in staff browser. Each of its requests commits at its end, as in production,
    so what a save schedules for after the commit (the cache versions: serving.versions) has
    happened before the next request; the test's own transaction would otherwise hold it."""
    client.force_login(staff_user)
    send = client.request

    def request_then_commit(**request):
        with django_capture_on_commit_callbacks(execute=True):
            return send(**request)

    client.request = request_then_commit
    return client


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as `make run` makes one: migrate (schema only), then load_content."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("load_content", stdout=io.StringIO())


def load_all_content() -> None:
    """What a transactional test (its database is emptied after each test) needs first: every
    data file loaded, and the engine told to build afresh."""
    from django.core.management import call_command

    from checker import engine

    call_command("load_content", stdout=io.StringIO())
    engine.bump_version()
