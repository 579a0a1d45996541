"""make_* builders for education tests: small rows with plain defaults, override what matters."""

import datetime
import itertools

from clinical.models import Source
from education.models import Item, Topic, TopicSection

_numbers = itertools.count(100)


def make_source(**fields) -> Source:
    number = next(_numbers)
    defaults = {
        "key": f"test-source-{number}",
        "title": f"Test source {number}",
        "publisher": "Test publisher",
        "url": f"https://example.org/source-{number}",
        "date": "2024",
    }
    return Source.objects.create(**{**defaults, **fields})


def make_topic(**fields) -> Topic:
    slug = fields.pop("slug", None) or f"test-topic-{next(_numbers)}"
    defaults = {
        "title": "Test page",
        "summary": "A short test page.",
        "status": Topic.Status.PUBLISHED,
        "reviewer_name": "Jo Test",
        "reviewer_credentials": "RN",
        "last_reviewed": datetime.date(2026, 1, 15),
        "next_review_due": datetime.date(2099, 1, 15),
        "order": 99,
    }
    return Topic.objects.create(slug=slug, **{**defaults, **fields})


def make_section(topic: Topic | None = None, **fields) -> TopicSection:
    defaults = {"heading": "Test section", "kind": TopicSection.Kind.PLAIN, "order": 10}
    return TopicSection.objects.create(topic=topic or make_topic(), **{**defaults, **fields})


def make_item(section: TopicSection | None = None, *, sources=(), **fields) -> Item:
    defaults = {"text": "A test point.", "order": 10}
    item = Item.objects.create(section=section or make_section(), **{**defaults, **fields})
    item.sources.set(sources)
    return item
