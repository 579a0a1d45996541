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
    from clinical.models import Source

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


def make_question(slug, **fields):
    from checker.models import ScreeningQuestion

    defaults = {
        "order": 90,
        "text": f"Question {slug}?",
        "hint": "",
        "yes_level": "caution",
        "yes_message": f"Yes message for {slug}.",
        "tell_your_doctor": f"Prompt for {slug}.",
    }
    return ScreeningQuestion.objects.create(slug=slug, **{**defaults, **fields})


@pytest.fixture
def kb(db):
    """A small knowledge base with one name at each level, on top of the loaded one.

    The opioid rows use get_or_create so they work with or without the loaded data.
    """
    from checker.models import InteractionGroup, Name

    source = make_source(key="test-source", title="Test source title")
    opioid, _ = InteractionGroup.objects.get_or_create(
        slug="opioid",
        defaults={
            "level": "avoid",
            "label": "an opioid",
            "urgent": True,
            "order": 1,
            "headline": "Do not take opioids with naltrexone.",
            "what_could_happen": "Sudden withdrawal.",
            "what_to_do": "Talk to your doctor.",
            "tell_your_doctor": "I take an opioid.",
        },
    )
    hydrocodone = make_ingredient("hydrocodone", groups=[opioid])
    acetaminophen = make_ingredient("acetaminophen")
    if not Name.objects.filter(name__iexact="norco").exists():
        make_name("Norco", hydrocodone, acetaminophen)
    caution = make_group(
        slug="t-caution", level="caution", label="a caution test", headline="Caution test headline."
    )
    info = make_group(
        slug="t-info",
        level="info",
        label="an info test",
        headline="Info test headline.",
        sources=[source],
    )
    make_ingredient("cautionolol", groups=[caution])
    make_ingredient("infozepam", groups=[info])
    make_ingredient("plainomab")
    return {"opioid": opioid, "caution": caution, "info": info, "source": source}
