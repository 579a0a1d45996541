"""No Spanish page shows an English template string: every word a template prints goes
through gettext, and every message has its Spanish (issue 14)."""

import re
from pathlib import Path

import pytest
from django.conf import settings

TEMPLATES = Path(settings.BASE_DIR, "templates")
PO = Path(settings.BASE_DIR, "locale/es/LC_MESSAGES/django.po")
# Staff-facing pages stay in English (the admin is English, templates/admin/ too).
STAFF_ONLY = {"admin_locked_out.html"}
STAFF_FOLDERS = {"admin", "simple_history"}
# Printed as they are in every language.
SAME_IN_EVERY_LANGUAGE = {"LDN Guide", "PDF"}
# Attributes whose words a person sees or hears.
READ_ATTRIBUTES = ("aria-label", "alt", "title", "placeholder")


def _visible_words(source: str) -> list[str]:
    """The words a template prints outside {% translate %} / {% blocktranslate %}, tags,
    variables and comments."""
    text = re.sub(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", " ", source, flags=re.S)
    text = re.sub(r"{#.*?#}", " ", text, flags=re.S)
    text = re.sub(r"{%\s*blocktranslate\b.*?{%\s*endblocktranslate\s*%}", " ", text, flags=re.S)
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S)
    # A CSS class given to the base template's <body>, not words.
    text = re.sub(r"{%\s*block body_class\s*%}.*?{%\s*endblock\s*%}", " ", text, flags=re.S)
    text = re.sub(r"{%.*?%}|{{.*?}}", " ", text, flags=re.S)
    seen = []
    for attribute in READ_ATTRIBUTES:
        seen += re.findall(rf'\b{attribute}="([^"{{]*[A-Za-z][^"{{]*)"', text)
    text = re.sub(r"<[^>]*>", " ", text, flags=re.S)
    text = re.sub(r"<!doctype html>", " ", text, flags=re.I)
    for same in SAME_IN_EVERY_LANGUAGE:
        text = text.replace(same, " ")
    seen += re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
    return seen


@pytest.mark.parametrize(
    "path",
    sorted(
        p
        for p in TEMPLATES.rglob("*.html")
        if p.name not in STAFF_ONLY and not STAFF_FOLDERS & set(p.relative_to(TEMPLATES).parts)
    ),
    ids=lambda p: str(p.relative_to(TEMPLATES)),
)
def test_a_template_prints_no_words_outside_gettext(path):
    assert _visible_words(path.read_text(encoding="utf-8")) == []


def test_the_lint_itself_catches_an_untranslated_string():
    assert _visible_words('<p>Hello {% translate "Yes" %}</p>') == ["Hello"]
    assert _visible_words('<nav aria-label="Main">') == ["Main"]
    assert _visible_words('<nav aria-label="{% translate "Main" %}">{{ x }}</nav>') == []


def _entries(po: str):
    for block in po.split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        if not any(line.startswith("msgid") for line in lines):
            continue
        yield "\n".join(lines)


def test_every_message_has_its_spanish_and_none_is_a_guess():
    po = PO.read_text(encoding="utf-8")
    entries = list(_entries(po))[1:]  # the first is the header
    assert len(entries) > 150
    untranslated = [e for e in entries if re.search(r'^msgstr(\[\d\])? ""\Z', e, re.M | re.S)]
    empty = [
        e
        for e in entries
        if re.search(r'^msgstr(\[\d\])? ""$', e, re.M)
        and not re.search(r'^msgstr(\[\d\])? ""\n"', e, re.M)
    ]
    assert untranslated == [] and empty == []
    assert "#, fuzzy" not in po
