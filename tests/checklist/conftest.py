"""Fixtures for the checklist tests: a Chromium browser for the print test, and builders."""

import os

import pytest
from playwright.sync_api import sync_playwright

from tests.chromium import launch_chromium

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the test
# itself (not the live server) would otherwise refuse to run.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def chromium():
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def loaded_content(transactional_db):
    """Every data file loaded, for tests against the live server. A transactional test's
    database is emptied after each test; load_content puts everything back in about a second,
    far faster than a serialized rollback of every table."""
    from tests.conftest import load_all_content

    load_all_content()
