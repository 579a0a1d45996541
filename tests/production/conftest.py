"""Helpers for the production-readiness tests: a crawler that finds every page from `/`,
the canary medicine name, and patient form posts that work whatever the forms look like."""

import os
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]

# A made-up medicine name: it must never turn up anywhere after a patient types it.
CANARY = "Zqcanarimab-7f3a"

# Pages every crawl starts from, besides the links it finds.
KNOWN_PAGES = ["/", "/learn/", "/sources/", "/privacy/", "/check/", "/checklist/"]
# Pages a patient's input goes to.
PATIENT_FORMS = ["/check/", "/checklist/"]
NO_STORE_PAGES = ["/check/", "/checklist/"]


class _LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag == "form":
            self.forms.append(attributes)


def links_in(html: str) -> list[str]:
    parser = _LinkParser()
    parser.feed(html)
    return parser.links


def _is_site_page(href: str) -> bool:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return False
    admin_prefix = "/" + settings.ADMIN_URL
    return not parts.path.startswith(
        (
            settings.STATIC_URL
            if settings.STATIC_URL.startswith("/")
            else "/" + settings.STATIC_URL,
            admin_prefix,
        )
    )


def crawl(client, start=None, limit: int = 300) -> dict:
    """Every page reachable from `/` and the known pages: {path: response}."""
    queue = list(start or KNOWN_PAGES)
    seen: dict = {}
    while queue and len(seen) < limit:
        path = urldefrag(queue.pop(0))[0]
        if path in seen:
            continue
        response = client.get(path)
        seen[path] = response
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            for href in links_in(response.content.decode()):
                href = urldefrag(href)[0]
                if href and _is_site_page(href) and href not in seen:
                    queue.append(href)
    return seen


def sub_env(**overrides) -> dict:
    """The environment for a subprocess of manage.py: this one, minus test-only settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env["PYTHONPATH"] = str(ROOT)
    env.update(overrides)
    return env


PYTHON = sys.executable


@pytest.fixture
def site_pages(client, db):
    """Every page of the site, fetched once per test that asks."""
    return crawl(client)


def medicine_post(entries: list[str], **extra) -> dict:
    """A checker/checklist form post: the medicine fields and any extra fields."""
    data: dict = {"medicine": entries}
    data.update(extra)
    return data


HTML_COMMENT = re.compile(r"<!--")


# How many of the loaded medicine names `fewer_names` keeps.
NAMES_KEPT = 100


@pytest.fixture
def fewer_names(db):
    """The loaded content with only its first NAMES_KEPT medicine names (with their history
    and links), for tests of how a backup is written and read: the names are four fifths of
    the rows and add nothing to what such a test proves but time. The round trip of every row
    (test_content_backup.py) keeps them all. Undone when the test ends, sequences included."""
    from django.core.management.color import no_style
    from django.db import connection, transaction

    from checker import engine
    from checker.models import Name
    from clinical.content_io import content_models

    history = Name.history.model
    history_links = [relation.related_model for relation in history._meta.related_objects]
    kept = list(Name.objects.order_by("pk").values_list("pk", flat=True)[:NAMES_KEPT])
    assert len(kept) == NAMES_KEPT and Name.objects.count() > 10 * NAMES_KEPT
    every_name = transaction.savepoint()
    engine.reset()
    for rows in (
        Name.ingredients.through.objects.exclude(name_id__in=kept),
        *(model.objects.exclude(name_id__in=kept) for model in history_links),
        history.objects.exclude(id__in=kept),
        Name.objects.exclude(pk__in=kept),
    ):
        rows._raw_delete(rows.db)
    yield
    transaction.savepoint_rollback(every_name)
    # An import moves PostgreSQL's id sequences past the rows it loaded, and a rollback does
    # not move them back: move them past every row again, or the next new name's id is taken.
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), content_models()):
            cursor.execute(statement)
    engine.reset()
