"""Staff-written Markdown turned into HTML a patient's browser can be trusted with.

markdown-it-py's "js-default" preset ignores raw HTML; nh3 then keeps only an allow-list of
tags, attributes and link schemes, so a `<script>` or `javascript:` link typed in the admin
never reaches a page.
"""

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "a",
    "h2",
    "h3",
    "blockquote",
    "abbr",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "abbr": {"title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}

_markdown = MarkdownIt("js-default")


def render_markdown(text: str) -> str:
    """Markdown in, sanitised HTML out (an empty string for empty text)."""
    if not (text or "").strip():
        return ""
    return nh3.clean(
        _markdown.render(text),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    ).strip()
