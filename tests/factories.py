"""make_* builders for every app's content: one place, plain defaults, override what matters.

Each builder saves one row (and its links) and returns it. Defaults are unique where the
model needs them (slugs, keys, numbers), so a test can build as many rows as it likes and then
assert what the page shows for exactly those rows. Nothing here reads the seed content or
depends on today's date: review dates are fixed, and tests that need "today" freeze it with
time_machine.

`clear_*` helpers remove the content the data migrations load into every test database, for a
test that must see only what it built (the checklist shows the first Checklist row, say).
"""

from __future__ import annotations

import datetime
import itertools

from checker.models import (
    CheckerSettings,
    Ingredient,
    InteractionGroup,
    Name,
    ScreeningQuestion,
)
from checker.models import Source as CheckerSource
from checklist.models import (
    Checklist,
    ChecklistSource,
    QuestionToAsk,
    SignToWatch,
    ThingToBring,
)
from education.models import Item, Topic, TopicSection
from education.models import Source as EducationSource

_numbers = itertools.count(1000)

# Fixed review dates, far from any real one: a page's review record, in words, is testable.
REVIEWED = datetime.date(2026, 1, 15)
REVIEW_DUE = datetime.date(2099, 1, 15)


def _next() -> int:
    return next(_numbers)


# --- The checker's knowledge base ------------------------------------------------------------


def make_checker_source(**fields):
    """A source the checker's warnings and questions cite."""
    number = _next()
    defaults = {
        "key": f"test-source-{number}",
        "title": f"Test drug label {number}",
        "publisher": "Test agency",
        "url": f"https://example.org/label-{number}",
    }
    return CheckerSource.objects.create(**{**defaults, **fields})


def make_group(*, sources=(), **fields):
    """An interaction group (what a medicine does with naltrexone), `info` unless told."""
    number = _next()
    defaults = {
        "slug": f"test-group-{number}",
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


def make_ingredient(name: str, *, groups=()):
    """An ingredient (a lowercase generic name), in the given groups."""
    ingredient, _ = Ingredient.objects.get_or_create(name=name)
    ingredient.groups.add(*groups)
    return ingredient


def make_name(name: str, *ingredients, kind: str = "brand"):
    """A name patients type (a brand, an alias, a street name) for these ingredients."""
    row = Name.objects.create(name=name, kind=kind)
    row.ingredients.set(ingredients)
    return row


def make_question(slug: str | None = None, *, sources=(), **fields):
    """A yes/no screening question; its form field is `q-<slug>`."""
    slug = slug or f"test-question-{_next()}"
    defaults = {
        "order": 90,
        "text": f"Question {slug}?",
        "hint": "",
        "yes_level": "caution",
        "yes_message": f"Yes message for {slug}.",
        "tell_your_doctor": f"Prompt for {slug}.",
    }
    question = ScreeningQuestion.objects.create(slug=slug, **{**defaults, **fields})
    question.sources.set(sources)
    return question


def set_checker_settings(**fields):
    """The checker's one settings row (dose context, urgent-help box), with these fields."""
    settings = CheckerSettings.load()
    for name, value in fields.items():
        setattr(settings, name, value)
    settings.save()
    return settings


def clear_screening_questions() -> None:
    ScreeningQuestion.objects.all().delete()


# --- The education pages ---------------------------------------------------------------------


def make_education_source(**fields):
    """A numbered source of the article pages ([number] on the pages, listed on /sources/)."""
    number = fields.pop("number", None) or _next()
    defaults = {
        "title": f"Test source {number}",
        "publisher": "Test publisher",
        "url": f"https://example.org/source-{number}",
        "date": "2024",
    }
    return EducationSource.objects.create(number=number, **{**defaults, **fields})


def make_topic(**fields):
    """A published page with a fixed review record (reviewed 2026-01-15, due 2099-01-15)."""
    slug = fields.pop("slug", None) or f"test-topic-{_next()}"
    defaults = {
        "title": "Test page",
        "summary": "A short test page.",
        "status": Topic.Status.PUBLISHED,
        "reviewer_name": "Jo Test",
        "reviewer_credentials": "RN",
        "last_reviewed": REVIEWED,
        "next_review_due": REVIEW_DUE,
        "order": 99,
    }
    return Topic.objects.create(slug=slug, **{**defaults, **fields})


def make_section(topic=None, **fields):
    """A section of a page (a plain list unless `kind` says otherwise)."""
    defaults = {"heading": "Test section", "kind": TopicSection.Kind.PLAIN, "order": 10}
    return TopicSection.objects.create(topic=topic or make_topic(), **{**defaults, **fields})


def make_item(section=None, *, sources=(), **fields):
    """One point of a section, citing the given sources."""
    defaults = {"text": "A test point.", "order": 10}
    item = Item.objects.create(section=section or make_section(), **{**defaults, **fields})
    item.sources.set(sources)
    return item


def clear_pages() -> None:
    """Remove the pages and sources the data migrations load, so only built ones show."""
    Topic.objects.all().delete()
    EducationSource.objects.all().delete()


# --- The checklist ---------------------------------------------------------------------------


def make_checklist(**fields):
    """The checklist's own words and review record. The site shows the first row only: call
    clear_checklist_content() first for the page to show this one."""
    defaults = {
        "title": "Checklist for your next visit",
        "introduction": "Test introduction: take this page to your visit.",
        "opioid_warning": "Test opioid warning: do not take LDN with these.",
        "urgent_help": "Test urgent help: call your test clinic now.",
        "reviewer_name": "Sam Test",
        "reviewer_credentials": "PharmD",
        "last_reviewed": REVIEWED,
        "next_review_due": REVIEW_DUE,
    }
    return Checklist.objects.create(**{**defaults, **fields})


def make_checklist_source(**fields):
    """A numbered source printed at the foot of the checklist."""
    number = fields.pop("number", None) or _next()
    defaults = {
        "title": f"Test checklist source {number}",
        "publisher": "Test publisher",
        "url": f"https://example.org/checklist-source-{number}",
    }
    return ChecklistSource.objects.create(number=number, **{**defaults, **fields})


def _make_checklist_item(model, text: str | None, sources, fields):
    defaults = {"text": text or f"Test line {_next()}", "order": 10}
    item = model.objects.create(**{**defaults, **fields})
    item.sources.set(sources)
    return item


def make_question_to_ask(text: str | None = None, *, sources=(), **fields):
    return _make_checklist_item(QuestionToAsk, text, sources, fields)


def make_thing_to_bring(text: str | None = None, *, sources=(), **fields):
    return _make_checklist_item(ThingToBring, text, sources, fields)


def make_sign(text: str | None = None, *, kind: str = "side_effect", sources=(), **fields):
    """A sign to watch for: `side_effect`, or `withdrawal` / `overdose` (the urgent box)."""
    return _make_checklist_item(SignToWatch, text, sources, {"kind": kind, **fields})


def clear_checklist_content() -> None:
    """Remove the checklist's words the data migrations load, so only built rows show."""
    for model in (QuestionToAsk, ThingToBring, SignToWatch, Checklist, ChecklistSource):
        model.objects.all().delete()
