"""The suite's own watchmen: prove they catch what they claim to, so a green run means something."""

import pytest

from tests.browser.conftest import DESKTOP, Browsing

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_csp_violation_is_caught_with_javascript_on_under_the_shipped_policy(chromium, site):
    session = Browsing(chromium, site, "csp-self-test")
    page = session.page(js=True)
    page.goto("/privacy/")
    # An inline style attribute is what the strict policy forbids.
    page.evaluate("document.querySelector('h1').setAttribute('style', 'color: red')")
    page.locator("h1").click()  # a round trip to the page, so the report has arrived
    guard = page.guard
    session.close()
    # The init script's listener reported it (so init scripts do run under the CSP)...
    assert any(report.get("directive") == "style-src-attr" for report in guard.csp_violations)
    # ...and the console did too.
    assert any("console" in report for report in guard.csp_violations)


def test_csp_violation_is_caught_with_javascript_off(chromium, site):
    session = Browsing(chromium, site, "csp-self-test-nojs")
    page = session.page(js=False)
    page.goto("/privacy/")
    page.evaluate("document.querySelector('h1').setAttribute('style', 'color: red')")
    page.locator("h1").click()
    guard = page.guard
    session.close()
    assert guard.csp_violations, "with JavaScript off, the console must still report the block"


def test_request_to_another_host_is_caught_and_aborted(chromium, site):
    session = Browsing(chromium, site, "offsite-self-test")
    # The shipped CSP would stop this before it left; bypass it to prove the route guard.
    page = session.page(for_axe=True, width=DESKTOP)
    page.goto("/privacy/")
    outcome = page.evaluate(
        "fetch('https://fonts.example.com/font.woff2').then(() => 'sent', () => 'blocked')"
    )
    guard = page.guard
    session.close()
    assert outcome == "blocked"
    assert guard.offsite_requests == ["https://fonts.example.com/font.woff2"]


def test_pages_arrive_with_the_strict_content_security_policy(browsing):
    page = browsing.page()
    response = page.goto("/")
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_a_clean_page_leaves_every_guard_empty(chromium, site):
    session = Browsing(chromium, site, "clean-self-test")
    page = session.page(js=True)
    page.goto("/privacy/")
    page.locator("h1").click()
    assert session.close() == {}
