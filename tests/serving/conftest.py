"""Helpers for the serving tests: caches that do not answer, as a clinic's would when Redis
stops or the disk fills."""

import socket

import pytest


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_down_caches() -> dict:
    """The two caches as settings make them for redis://, pointing at a stopped server."""
    url = f"redis://127.0.0.1:{closed_port()}/0"
    backend = "django.core.cache.backends.redis.RedisCache"
    return {
        "default": {"BACKEND": backend, "LOCATION": url, "KEY_PREFIX": "ldn"},
        "rate_limit": {"BACKEND": backend, "LOCATION": url, "KEY_PREFIX": "ldn-rate"},
    }


def unwritable_file_caches(tmp_path) -> dict:
    """File caches whose folder cannot be made or written (as on a full or read-only disk):
    the path goes through a plain file, which even root cannot make a folder inside."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    backend = "django.core.cache.backends.filebased.FileBasedCache"
    return {
        "default": {"BACKEND": backend, "LOCATION": str(blocker / "cache")},
        "rate_limit": {"BACKEND": backend, "LOCATION": str(blocker / "cache-rate-limit")},
    }


@pytest.fixture(autouse=True)
def _nothing_said_yet():
    """Each test starts as a fresh worker would: no outage logged, no bump waiting."""
    from serving import middleware, versions

    middleware.forget_warnings()
    versions.forget_state()
    yield
    middleware.forget_warnings()
    versions.forget_state()


@pytest.fixture
def redis_down(settings):
    settings.CACHES = redis_down_caches()
    settings.PAGE_CACHE_SECONDS = 600
    settings.CHECK_RATE_LIMIT = 30


@pytest.fixture
def disk_full(settings, tmp_path):
    settings.CACHES = unwritable_file_caches(tmp_path)
    settings.PAGE_CACHE_SECONDS = 600
    settings.CHECK_RATE_LIMIT = 30
