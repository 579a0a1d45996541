"""How each level looks and reads: the one place that maps a severity to words, a class and
an icon. Patients always get the words; the icon and border are extra, never the only signal.

    {% load checker_tags %}
    {% severity finding.severity as level %}{{ level.label }} {{ level.css }} {{ level.icon }}

`label` is for a medicine ("Do not take together"; the words themselves live in
checker.rules.LEVEL_WORDS, which the pure engine uses too); `answer_label` is for a screening answer,
where "together" would not make sense.
"""

from django import template

from checker.presentation import lay_out
from checker.rules import LEVEL_WORDS

register = template.Library()

SEVERITY_PRESENTATION = {
    "avoid": {
        "label": LEVEL_WORDS["avoid"],
        "answer_label": "Serious: talk to your doctor before you take LDN",
        "css": "avoid",
        "icon": "✕",
    },
    "caution": {
        "label": LEVEL_WORDS["caution"],
        "answer_label": "Ask your doctor first",
        "css": "caution",
        "icon": "!",
    },
    "info": {
        "label": LEVEL_WORDS["info"],
        "answer_label": "Tell your doctor",
        "css": "info",
        "icon": "i",
    },
    "none": {
        "label": LEVEL_WORDS["none"],
        "answer_label": "No known interaction in our list",
        "css": "none",
        "icon": "–",
    },
    "unknown": {
        "label": LEVEL_WORDS["unknown"],
        "answer_label": "Not recognised",
        "css": "unknown",
        "icon": "?",
    },
}


@register.simple_tag
def severity(level: str) -> dict:
    """The words, CSS modifier and icon for a severity ("avoid", "caution", ...)."""
    return SEVERITY_PRESENTATION.get(level, SEVERITY_PRESENTATION["unknown"])


@register.filter
def severity_label(level: str) -> str:
    return severity(level)["label"]


@register.simple_tag
def results_layout(report):
    """The report laid out for the results page (checker.presentation): levels most serious
    first, each with its entries, answers and one card per explanation."""
    return lay_out(report)
