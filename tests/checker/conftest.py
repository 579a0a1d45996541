"""Checker test fixtures: a fresh engine for every test (a rolled-back test must not leave its
rows in the built index) and `kb`, a small hand-built knowledge base (tests/factories.py)."""

import pytest

from checker import engine
from tests.factories import make_checker_source, make_group, make_ingredient, make_name


@pytest.fixture(autouse=True)
def _fresh_engine():
    engine.reset()
    yield
    engine.reset()


@pytest.fixture
def kb(db):
    """A small knowledge base with one name at each level, on top of the seeded one.

    The opioid rows use get_or_create so they work with or without the seed data.
    """
    from checker.models import InteractionGroup, Name

    source = make_checker_source(
        key="test-source", title="Test source title", url="https://example.org/label"
    )
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
