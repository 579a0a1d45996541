"""The review record as patients see it (the NHS pattern): who reviewed a page, when, and when
it is due again. The starting content names its reviewer "… (set by your clinic)" until the
clinic puts a real name in; a patient never sees that placeholder, only a name the clinic set.

    {% load review_tags %}{% with reviewer=topic.reviewer_name|clinic_named %}…{% endwith %}
"""

from django import template

register = template.Library()

# Both starting texts (education.content, checklist.content) end their placeholder this way.
PLACEHOLDER_MARK = "set by your clinic"


@register.filter
def clinic_named(name: str) -> str:
    """The reviewer's name as the clinic set it, or "" while it is still the placeholder."""
    name = (name or "").strip()
    return "" if PLACEHOLDER_MARK in name.casefold() else name
