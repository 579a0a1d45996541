"""Text staff type is rendered through the allow-list sanitiser: it can never run a script."""

from html.parser import HTMLParser

import pytest

from education.markdown import ALLOWED_TAGS, render_markdown
from tests.factories import make_topic

pytestmark = pytest.mark.django_db


def test_markdown_keeps_plain_formatting_and_links():
    html = render_markdown("Read **this** first.\n\n- one\n- two\n\n[Help](https://example.org)")
    assert "<strong>this</strong>" in html
    assert "<li>one</li>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer">Help</a>' in html


@pytest.mark.parametrize(
    "typed",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="javascript:alert(1)">click</a>',
        "<iframe src=https://evil.example></iframe>",
        '<p style="color:red" onclick="alert(1)">x</p>',
    ],
)
def test_markdown_removes_anything_that_could_run(typed):
    elements = elements_in(render_markdown(typed))
    assert {tag for tag, _ in elements} <= ALLOWED_TAGS
    for _, attrs in elements:
        assert set(attrs) <= {"href", "rel", "title"}
        assert not attrs.get("href", "").lower().startswith("javascript:")


def elements_in(html: str) -> list[tuple[str, dict]]:
    """Every real element of the HTML (escaped text like &lt;script&gt; is not one)."""
    found = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, dict(attrs)))

    Collector().feed(html)
    return found


def test_a_script_typed_into_every_staff_field_never_reaches_the_page(client):
    script = "<script>alert('x')</script>"
    make_topic(slug="attack", title=f"Title {script}", summary=f"Summary {script}", intro=script)

    html = client.get("/learn/attack/").content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html  # shown as harmless text, not run
