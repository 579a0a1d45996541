"""Citation numbers as a reader meets them: a topic page numbers its own sources 1, 2, 3 …
(education.views.number_sources_for_page sets `page_number`); elsewhere the site-wide number
of /sources/ is used.

    {% load citation_tags %}{% for source in sources|in_citation_order %}{{ source|citation_number }}
"""

from django import template

register = template.Library()


@register.filter
def citation_number(source) -> int:
    return getattr(source, "page_number", None) or source.number


@register.filter
def in_citation_order(sources) -> list:
    return sorted(sources, key=citation_number)
