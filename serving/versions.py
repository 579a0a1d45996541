"""Named cache versions: one number per kind of cached thing ("pages", "checker"), kept in the
shared cache, so every worker on every server can tell when staff changed what it built from.

    current("pages")   -> the version now, or None when the cache does not answer
    bump("checker")    -> a new version, once the surrounding transaction commits

A bump waits for the commit (transaction.on_commit): a request served between a staff save
and its commit reads the old rows, and must not store them under the new version. A cache
that does not answer never reaches a patient: current() gives None (callers then build from
the database and keep nothing), and a bump that could not be stored is stored by this process
as soon as the cache answers again, so nobody trusts the old version afterwards.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

_KEY = "version:{name}"
_pending: set[str] = set()  # bumps this process could not store yet
_lock = threading.Lock()
_cache_down = False  # so an outage is logged once, not once per request
# After a failure the cache is left alone this long: a Redis that does not answer at all (a
# network fault rather than a stopped server) costs its timeout once a second per worker,
# not on every request.
RETRY_AFTER_SECONDS = 1.0
_retry_at = 0.0


def _key(name: str) -> str:
    return _KEY.format(name=name)


def available() -> bool:
    """False for a moment after the cache failed: callers then go without it."""
    return time.monotonic() >= _retry_at


def note_failure() -> None:
    global _retry_at
    _retry_at = time.monotonic() + RETRY_AFTER_SECONDS


def _failed(action: str, name: str, error: Exception) -> None:
    global _cache_down
    note_failure()
    if not _cache_down:
        _cache_down = True
        # The error's type only: its text may name the server, never anything a patient typed.
        logger.warning(
            "Cache not answering (%s %r: %s): serving without it until it is back.",
            action,
            name,
            type(error).__name__,
        )


def _answered() -> None:
    global _cache_down
    if _cache_down:
        _cache_down = False
        logger.warning("Cache answering again.")


def _store_new(name: str) -> str:
    version = uuid.uuid4().hex
    cache.set(_key(name), version, timeout=None)
    return version


def current(name: str) -> str | None:
    """The version of `name` every worker agrees on, or None when the cache does not answer."""
    if not available():
        return None
    try:
        with _lock:
            if name in _pending:
                _store_new(name)
                _pending.discard(name)
        version = cache.get(_key(name))
        if version is None:
            # First worker after a restart or a flush: agree on a fresh number.
            cache.add(_key(name), uuid.uuid4().hex, timeout=None)
            version = cache.get(_key(name))
    except Exception as error:  # any backend: redis, a full disk, a database cache
        _failed("reading", name, error)
        return None
    _answered()
    return version


def bump_now(name: str) -> None:
    """Start a new version at once (after a commit, or outside any transaction)."""
    try:
        _store_new(name)
    except Exception as error:
        with _lock:
            _pending.add(name)
        _failed("bumping", name, error)
        return
    with _lock:
        _pending.discard(name)
    _answered()


def bump(name: str) -> None:
    """Start a new version of `name` once the current transaction commits (at once outside
    one). Every worker then rebuilds on its next request."""

    # One callback per saved row: a staff save touches a handful of rows, and a bump is one
    # cache write. (Skipping "already scheduled" ones would need Django's private state.)
    def bump_after_commit():
        bump_now(name)

    transaction.on_commit(bump_after_commit)


def forget_state() -> None:
    """Tests: forget pending bumps and the logged outage."""
    global _cache_down, _retry_at
    with _lock:
        _pending.clear()
    _cache_down = False
    _retry_at = 0.0
