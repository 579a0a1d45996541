"""How serious a finding is, and how each level reads and looks: the one home of these words.

Pure Python (no Django), so the engine, the models, the templates and the checklist all use it.
Levels are actions in plain words (DESIGN.md); the icon and the CSS modifier are extra, never
the only signal.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum


def gettext_noop(text: str) -> str:
    """Marks a text for the translation files (makemessages finds it); translated when read."""
    return text


# The Django side sets this to django.utils.translation.gettext (clinical.apps), so the words
# come in the active language; without Django they are the English.
_translate: Callable[[str], str] = gettext_noop


def set_translator(translate: Callable[[str], str]) -> None:
    global _translate
    _translate = translate


class Severity(StrEnum):
    """Most serious first. NONE: recognised, no rule in our list. UNKNOWN: not recognised."""

    AVOID = "avoid"
    CAUTION = "caution"
    INFO = "info"
    NONE = "none"
    UNKNOWN = "unknown"

    @property
    def words(self) -> str:
        """What the level says for a medicine."""
        return _translate(_WORDS[self][0])

    @property
    def answer_words(self) -> str:
        """What the level says for a screening answer, where "together" would not make sense."""
        return _translate(_WORDS[self][1])

    @property
    def icon(self) -> str:
        return _WORDS[self][2]

    @property
    def css(self) -> str:
        """The BEM modifier of the level's classes: app-level--avoid."""
        return self.value

    @property
    def rank(self) -> int:
        """0 for the most serious."""
        return list(Severity).index(self)

    # The names templates use: {{ level.label }}, {{ level.answer_label }}.
    label = words
    answer_label = answer_words

    @classmethod
    def of(cls, level: str) -> Severity:
        """The level for a stored value; anything unknown reads as UNKNOWN, never as less."""
        try:
            return cls(level)
        except ValueError:
            return cls.UNKNOWN

    @classmethod
    def rule_choices(cls) -> list[tuple[str, str]]:
        """The levels a rule or a screening answer can have, for a model field's choices."""
        return [(level.value, level.words) for level in (cls.AVOID, cls.CAUTION, cls.INFO)]


_WORDS = {
    Severity.AVOID: (
        gettext_noop("Do not take together"),
        gettext_noop("Serious: talk to your doctor before you take LDN"),
        "✕",
    ),
    Severity.CAUTION: (gettext_noop("Ask your doctor first"), "Ask your doctor first", "!"),
    Severity.INFO: (gettext_noop("Tell your doctor"), "Tell your doctor", "i"),
    Severity.NONE: (
        gettext_noop("No known interaction in our list"),
        "No known interaction in our list",
        "–",
    ),
    Severity.UNKNOWN: (gettext_noop("Not recognised"), "Not recognised", "?"),
}
