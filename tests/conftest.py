"""Shared fixtures and make_* builders for the whole suite."""

import io

import pytest
from django.core.cache import caches


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
