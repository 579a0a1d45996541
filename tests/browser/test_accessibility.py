"""axe-core on every page and state, at phone and desktop width, with JavaScript on and off.

Zero violations of the WCAG 2.0, 2.1 and 2.2 A and AA rules is the bar. Each state is also
saved as a screenshot in test-artifacts/screenshots/ for a person to look at.
"""

import pytest

from tests.browser.conftest import (
    WIDTHS,
    allow_console,
    assert_no_axe_violations,
    axe_violations,
    screenshot,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAGES = [
    ("home", "/"),
    ("topic list", "/learn/"),
    ("sources", "/sources/"),
    ("privacy", "/privacy/"),
    ("checker empty", "/check/"),
    ("checklist blank", "/checklist/"),
]


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("name", "path"), PAGES, ids=[name for name, _ in PAGES])
def test_page_has_no_wcag_violations(browsing, name, path, width, js):
    page = browsing.page(for_axe=True, width=width, js=js)
    response = page.goto(path)
    assert response.status == 200
    assert page.locator("h1").count() == 1
    screenshot(page, name)
    assert_no_axe_violations(page, f"{name} at {width}px")


@pytest.mark.parametrize("width", WIDTHS)
def test_page_not_found_has_no_wcag_violations(browsing, width):
    page = browsing.page(for_axe=True, width=width)
    allow_console(page, r"status of 404")
    response = page.goto("/no-such-page/")
    assert response.status == 404
    assert "Page not found" in page.locator("h1").inner_text()
    screenshot(page, "page not found")
    assert_no_axe_violations(page, f"404 page at {width}px")


@pytest.mark.parametrize("width", WIDTHS)
def test_every_topic_has_no_wcag_violations(browsing, width):
    page = browsing.page(for_axe=True, width=width)
    page.goto("/learn/")
    topics = topic_paths(page)
    found = []
    for path in topics:
        page.goto(path)
        screenshot(page, "topic " + path.strip("/").replace("/", " "))
        found += axe_violations(page, f"{path} at {width}px")
    assert not found, "axe found WCAG A/AA violations:\n" + "\n".join(found)


def topic_paths(page) -> list[str]:
    hrefs = page.locator("main a[href^='/learn/']").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    return sorted({href for href in hrefs if href.rstrip("/") != "/learn"})
