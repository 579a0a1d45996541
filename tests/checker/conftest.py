"""Builders for checker tests: make_* functions that add knowledge-base rows, and a fresh engine
for every test (a rolled-back test must not leave its rows in the built index)."""

import pytest

from checker import engine


@pytest.fixture(autouse=True)
def _fresh_engine():
    engine.reset()
    yield
    engine.reset()


def make_source(**fields):
    from checker.models import Source

    defaults = {
        "key": "test-label",
        "title": "Test drug label",
        "publisher": "Test agency",
        "url": "https://example.org/label",
    }
    return Source.objects.create(**{**defaults, **fields})


def make_group(*, sources=(), **fields):
    from checker.models import InteractionGroup

    defaults = {
        "slug": "testgroup",
        "level": "info",
        "label": "a test medicine",
        "headline": "Test headline for this group.",
        "what_could_happen": "Test: what could happen.",
        "what_to_do": "Test: what to do.",
        "tell_your_doctor": "Test: tell your doctor you take it.",
        "order": 50,
    }
    group = InteractionGroup.objects.create(**{**defaults, **fields})
    group.sources.set(sources)
    return group


def make_ingredient(name, *, groups=()):
    from checker.models import Ingredient

    ingredient, _ = Ingredient.objects.get_or_create(name=name)
    ingredient.groups.add(*groups)
    return ingredient


def make_name(name, *ingredients, kind="brand"):
    from checker.models import Name

    row = Name.objects.create(name=name, kind=kind)
    row.ingredients.set(ingredients)
    return row
