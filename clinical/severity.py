"""How serious a finding is, and how each level reads and looks: the one home of these words.

Pure Python (no Django), so the engine, the models, the templates and the checklist all use it.
Levels are actions in plain words (DESIGN.md); the icon and the CSS modifier are extra, never
the only signal.
"""

from __future__ import annotations

from enum import StrEnum


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
        return _WORDS[self][0]

    @property
    def answer_words(self) -> str:
        """What the level says for a screening answer, where "together" would not make sense."""
        return _WORDS[self][1]

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
        "Do not take together",
        "Serious: talk to your doctor before you take LDN",
        "✕",
    ),
    Severity.CAUTION: ("Ask your doctor first", "Ask your doctor first", "!"),
    Severity.INFO: ("Tell your doctor", "Tell your doctor", "i"),
    Severity.NONE: (
        "No known interaction in our list",
        "No known interaction in our list",
        "–",
    ),
    Severity.UNKNOWN: ("Not recognised", "Not recognised", "?"),
}
