"""Fixtures the whole suite shares. Builders (make_*) live in tests/factories.py."""

from pathlib import Path

import pytest
from django.core.cache import caches

BROWSER_TESTS = Path(__file__).parent / "browser"


def pytest_collection_modifyitems(config, items):
    """Chromium tests live in tests/browser/ only: they share one browser and one live server
    there, and `make test` runs them as their own run. A `browser` mark elsewhere is an error."""
    strays = [
        item.nodeid
        for item in items
        if item.get_closest_marker("browser") and BROWSER_TESTS not in Path(item.path).parents
    ]
    if strays:
        raise pytest.UsageError(
            "Tests marked `browser` belong in tests/browser/ (its conftest gives them the "
            "shared Chromium and live server): " + ", ".join(strays)
        )


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
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client
