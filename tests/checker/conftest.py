"""Checker test fixtures: a fresh engine for every test (a rolled-back test must not leave its
rows in the built index). `kb`, the small hand-built knowledge base, is in tests/conftest.py."""

import pytest

from checker import engine


@pytest.fixture(autouse=True)
def _fresh_engine():
    engine.reset()
    yield
    engine.reset()
