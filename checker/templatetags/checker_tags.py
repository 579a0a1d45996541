"""How each level looks and reads in a template: the words, CSS modifier and icon come from
clinical.severity.Severity, the one place for them. Patients always get the words; the icon and
border are extra, never the only signal.

    {% load checker_tags %}
    {% severity finding.severity as level %}{{ level.label }} {{ level.css }} {{ level.icon }}

`label` is for a medicine ("Do not take together"); `answer_label` is for a screening answer,
where "together" would not make sense.
"""

from django import template

from checker.presentation import lay_out
from clinical.severity import Severity

register = template.Library()


@register.simple_tag
def severity(level: str) -> Severity:
    """The words, CSS modifier and icon for a severity ("avoid", "caution", ...)."""
    return Severity.of(level)


@register.filter
def severity_label(level: str) -> str:
    return Severity.of(level).words


@register.simple_tag
def results_layout(report, rows=()):
    """The report laid out for the results page (checker.presentation): levels most serious
    first, each with its entries, answers and one card per explanation. `rows`: the form's
    row numbers of the entries as typed, for the buttons that answer an entry's question."""
    return lay_out(report, rows)


@register.simple_tag
def findings_by_level(report) -> list[dict]:
    """The report's findings grouped by level, most serious first (the report is already in
    that order, opioids first): [{"level": "avoid", "findings": [...]}, ...]."""
    groups: dict[str, list] = {}
    for finding in report.findings:
        groups.setdefault(finding.severity, []).append(finding)
    return [
        {"level": level, "findings": groups[level]}
        for level in sorted(groups, key=lambda level: Severity.of(level).rank)
    ]


@register.filter
def says_tell_your_doctor(text: str) -> bool:
    """The words already start "Tell your doctor" (or "Dígale a su médico"): no label before them."""
    from django.utils.translation import gettext

    start = (text or "").strip().casefold()
    return start.startswith(("tell", gettext("Tell your doctor").casefold()[:4]))
