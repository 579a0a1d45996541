"""make_* builders for every app's content: one place, plain defaults, override what matters.

Each builder saves one row (and its links) and returns it. Defaults are unique where the
model needs them (slugs, keys), so a test can build as many rows as it likes and then assert
what the page shows for exactly those rows. Nothing here reads the data files or depends on
today's date: review records are fixed, and tests that need "today" freeze it with
time_machine.

Every test database has the data files loaded (tests/conftest.py runs load_content once per
database). `clear_*` helpers remove that content for a test that must see only what it built
(the checklist shows the first Checklist row, say); the test's transaction puts it back.
"""

from __future__ import annotations

import datetime
import itertools

from checker.matching import NameRecord
from checker.models import (
    CheckerSettings,
    Ingredient,
    InteractionGroup,
    Name,
    ScreeningQuestion,
)
from checklist.models import Checklist, QuestionToAsk, SignToWatch, ThingToBring
from clinical.models import Reviewer, Source, UrgentHelp
from clinical.severity import Severity
from education.models import Item, Topic, TopicSection

_numbers = itertools.count(1000)


def name_record(name: str, *ingredients: str, kind: str = "generic", **fields) -> NameRecord:
    """A record for the pure matcher (nothing saved): a generic name is its own ingredient."""
    return NameRecord(name=name, ingredients=ingredients or (name,), kind=kind, **fields)


# Fixed review dates, far from any real one: a review record, in words, is testable.
REVIEWED = datetime.date(2026, 1, 15)
REVIEW_DUE = datetime.date(2099, 1, 15)
# The review record every reviewed text gets unless a test says otherwise (clinical's
# ReviewedContent: pages, the checklist, interaction groups, screening questions). Pass
# last_reviewed=None, next_review_due=None for a text never reviewed.
# A text's reviewer is one of the clinic's named Reviewers (make_reviewer); pass reviewer=None
# for a text no named person has reviewed (patients then see no "Reviewed by" line).
REVIEW_RECORD = {
    "last_reviewed": REVIEWED,
    "next_review_due": REVIEW_DUE,
}


def make_reviewer(name: str = "Jo Test", role: str = "RN") -> Reviewer:
    """One of the clinic's reviewers (clinical.Reviewer): patients see "Reviewed by name, role".
    The same name and role give the same person."""
    return Reviewer.objects.get_or_create(name=name, role=role)[0]


def review_record() -> dict:
    return {**REVIEW_RECORD, "reviewer": make_reviewer()}


def _next() -> int:
    return next(_numbers)


# --- The clinical core: sources and the urgent box -------------------------------------------


def make_source(**fields) -> Source:
    """A source (clinical.Source, the one model the pages, the checker and the checklist cite).
    A page or the checklist numbers the sources it cites, 1, 2, 3 ... in citation order; the
    sources page lists the ones a patient text cites, anchored by key."""
    number = _next()
    defaults = {
        "key": f"test-source-{number}",
        "title": f"Test source {number}",
        "publisher": "Test publisher",
        "url": f"https://example.org/source-{number}",
        "date": "2024",
    }
    return Source.objects.create(**{**defaults, **fields})


def set_urgent_help(**fields) -> UrgentHelp:
    """The site's one urgent "when to get help" box (heading, signs one a line, action), with
    these fields: the checker's urgent box, the checklist's and the pages' emergency cards."""
    urgent = UrgentHelp.load() or UrgentHelp(
        heading="Test: when to get help",
        signs="Test sign one\nTest sign two",
        action="Test: call your test emergency number.",
    )
    for name, value in fields.items():
        setattr(urgent, name, value)
    urgent.save()
    return urgent


# --- The checker's knowledge base ------------------------------------------------------------


def make_group(*, sources=(), **fields) -> InteractionGroup:
    """An interaction group (what a medicine does with naltrexone), `info` unless told."""
    number = _next()
    defaults = {
        "slug": f"test-group-{number}",
        "level": Severity.INFO,
        "label": "a test medicine",
        "headline": "Test headline for this group.",
        "what_could_happen": "Test: what could happen.",
        "what_to_do": "Test: what to do.",
        "tell_your_doctor": "Test: tell your doctor you take it.",
        "order": 50,
        **review_record(),
    }
    group = InteractionGroup.objects.create(**{**defaults, **fields})
    group.sources.set(sources)
    return group


def make_ingredient(name: str, *, groups=(), **fields) -> Ingredient:
    """An ingredient (a lowercase US generic name), in the given groups."""
    ingredient, _ = Ingredient.objects.get_or_create(name=name, defaults=fields)
    ingredient.groups.add(*groups)
    return ingredient


def make_name(name: str, *ingredients, kind: str = Name.Kind.BRAND, **fields) -> Name:
    """A name patients type for these ingredients, as one row of names.csv: `kind` (brand,
    alias, old_brand, combination, street, drink, misspelling), and as fields `region`
    ("uk;ie", empty for the US), `everyday_word`, `two_meanings`, `read_as` (misspellings:
    the name it stands for), `source`, `note`."""
    row = Name.objects.create(name=name, kind=kind, **fields)
    row.ingredients.set(ingredients)
    return row


def make_question(slug: str | None = None, *, sources=(), **fields) -> ScreeningQuestion:
    """A yes/no screening question; its form field is `q-<slug>`. about_opioids=True: a yes
    puts opioids in the picture (the urgent box, the checklist's opioid warning)."""
    slug = slug or f"test-question-{_next()}"
    defaults = {
        "order": 90,
        "text": f"Question {slug}?",
        "hint": "",
        "yes_level": Severity.CAUTION,
        "yes_message": f"Yes message for {slug}.",
        "tell_your_doctor": f"Prompt for {slug}.",
        **review_record(),
    }
    question = ScreeningQuestion.objects.create(slug=slug, **{**defaults, **fields})
    question.sources.set(sources)
    return question


def set_checker_settings(**fields) -> CheckerSettings:
    """The checker's one settings row (the dose-context sentence), with these fields."""
    settings = CheckerSettings.load()
    for name, value in fields.items():
        setattr(settings, name, value)
    settings.save()
    return settings


def clear_screening_questions() -> None:
    ScreeningQuestion.objects.all().delete()


# --- The education pages ---------------------------------------------------------------------


def make_topic(**fields) -> Topic:
    """A published page with a fixed review record (reviewed 2026-01-15, due 2099-01-15)."""
    slug = fields.pop("slug", None) or f"test-topic-{_next()}"
    defaults = {
        "title": "Test page",
        "summary": "A short test page.",
        "status": Topic.Status.PUBLISHED,
        **review_record(),
        "order": 99,
    }
    return Topic.objects.create(slug=slug, **{**defaults, **fields})


def make_section(topic=None, **fields) -> TopicSection:
    """A section of a page (a plain list unless `kind` says otherwise)."""
    defaults = {"heading": "Test section", "kind": TopicSection.Kind.PLAIN, "order": 10}
    return TopicSection.objects.create(topic=topic or make_topic(), **{**defaults, **fields})


def make_item(section=None, *, sources=(), **fields) -> Item:
    """One point of a section, citing the given sources."""
    defaults = {"text": "A test point.", "order": 10}
    item = Item.objects.create(section=section or make_section(), **{**defaults, **fields})
    item.sources.set(sources)
    return item


def clear_pages() -> None:
    """Remove the loaded pages and every source, so only built ones show, on the pages and on
    /sources/ (which also lists what the checker and the checklist cite)."""
    Topic.objects.all().delete()
    Source.objects.all().delete()


# --- The checklist ---------------------------------------------------------------------------


def make_checklist(**fields) -> Checklist:
    """The checklist's own words and review record. The site shows the first row only: call
    clear_checklist_content() first for the page to show this one. Its urgent box's heading
    and action are the site's one urgent box (set_urgent_help)."""
    defaults = {
        "title": "Checklist for your next visit",
        "introduction": "Test introduction: take this page to your visit.",
        "opioid_warning": "Test opioid warning: do not take LDN with these.",
        **REVIEW_RECORD,
        "reviewer": make_reviewer("Sam Test", "PharmD"),
    }
    return Checklist.objects.create(**{**defaults, **fields})


def _make_checklist_item(model, text: str | None, sources, fields):
    defaults = {"text": text or f"Test line {_next()}", "order": 10}
    item = model.objects.create(**{**defaults, **fields})
    item.sources.set(sources)
    return item


def make_question_to_ask(text: str | None = None, *, sources=(), **fields) -> QuestionToAsk:
    return _make_checklist_item(QuestionToAsk, text, sources, fields)


def make_thing_to_bring(text: str | None = None, *, sources=(), **fields) -> ThingToBring:
    return _make_checklist_item(ThingToBring, text, sources, fields)


def make_sign(text: str | None = None, *, kind: str = "side_effect", sources=(), **fields):
    """A sign to watch for: `side_effect`, or `withdrawal` / `overdose` (the urgent box)."""
    return _make_checklist_item(SignToWatch, text, sources, {"kind": kind, **fields})


def clear_checklist_content() -> None:
    """Remove the checklist's loaded words and lines, so only built rows show (the sources
    they cited stay: the checklist lists only the sources its shown lines cite)."""
    for model in (QuestionToAsk, ThingToBring, SignToWatch, Checklist):
        model.objects.all().delete()
