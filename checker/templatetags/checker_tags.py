"""How each level looks and reads: the one place that maps a severity to words, a class and
an icon. Patients always get the words; the icon and border are extra, never the only signal.

    {% load checker_tags %}
    {% severity finding.severity as level %}{{ level.label }} {{ level.css }} {{ level.icon }}

`label` is for a medicine ("Do not take together"; the words themselves live in
checker.rules.LEVEL_WORDS, which the pure engine uses too); `answer_label` is for a screening answer,
where "together" would not make sense.
"""

from django import template

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
def findings_by_level(report) -> list[dict]:
    """The report's findings grouped by level, most serious first (the report is already in
    that order, opioids first): [{"level": "avoid", "findings": [...]}, ...]."""
    groups: dict[str, list] = {}
    for finding in report.findings:
        groups.setdefault(finding.severity, []).append(finding)
    order = list(SEVERITY_PRESENTATION)
    return [
        {"level": level, "findings": groups[level]}
        for level in sorted(groups, key=lambda level: order.index(level) if level in order else 99)
    ]
