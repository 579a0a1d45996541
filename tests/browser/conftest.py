"""Shared browser fixtures: one Debian Chromium per session, a fresh guarded context per test.

Every page a test opens is watched: a request to any host but the live server fails the test
(and is aborted), and so do Content Security Policy violations, console errors and uncaught
script errors. Tests run against pytest-django's live server with the content the data
migrations load (restored before every test by serialized rollback, and checked).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run inside
# one unless told that this is deliberate. Tests only read, so it is.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = 375
DESKTOP = 1280
HEIGHTS = {PHONE: 800, DESKTOP: 900}
WIDTHS = (PHONE, DESKTOP)

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"

# axe rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}

# Reports CSP violations to Python. An init script is injected by the browser through the
# DevTools protocol, so the page's CSP does not block it (test_guards.py proves it).
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__reportCspViolation({
    directive: event.violatedDirective,
    blocked: event.blockedURI,
    source: event.sourceFile + ":" + event.lineNumber,
    sample: event.sample,
  });
});
"""


# --- The browser --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium() -> Browser:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"The browser tests need Chromium at {CHROMIUM}. "
            "Run `make browser-deps` (as root it installs Debian's chromium), "
            "or: sudo apt-get install chromium",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


# --- The site, with its content -----------------------------------------------------------------

# Tables the data migrations fill, with the fewest rows the site can work with. Checked before
# every browser test: a transactional test flushes the database afterwards, and serialized
# rollback must have put the content back.
CONTENT_MINIMUMS: dict[str, int] = {}


def content_counts() -> dict[str, int]:
    from django.apps import apps

    return {label: apps.get_model(label).objects.count() for label in CONTENT_MINIMUMS}


@pytest.fixture
def site(live_server, django_db_serialized_rollback) -> str:
    """The live server's address, after checking the loaded content is there."""
    counts = content_counts()
    short = {label: count for label, count in counts.items() if count < CONTENT_MINIMUMS[label]}
    assert not short, f"The data migrations' content is missing in this test: {short}"
    return live_server.url


# --- Guarded contexts and pages -----------------------------------------------------------------


@dataclass
class Guard:
    """What went wrong while a context was open; all of it must stay empty."""

    site_netloc: str
    offsite_requests: list[str] = field(default_factory=list)
    csp_violations: list[dict] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    # Console errors a test expects, e.g. the 404 status of the "page not found" page.
    allowed_console: list[re.Pattern] = field(default_factory=list)

    def on_route(self, route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in {"data", "blob", "about"} or parts.netloc == self.site_netloc:
            route.continue_()
            return
        self.offsite_requests.append(url)
        route.abort("blockedbyclient")

    def on_console(self, message) -> None:
        if message.type != "error":
            return
        text = message.text
        if "Content Security Policy" in text:
            self.csp_violations.append({"console": text})
        elif not any(pattern.search(text) for pattern in self.allowed_console):
            self.console_errors.append(text)

    def problems(self) -> dict[str, list]:
        found = {
            "requests to other hosts": self.offsite_requests,
            "CSP violations": self.csp_violations,
            "console errors": self.console_errors,
            "script errors": self.page_errors,
        }
        return {name: items for name, items in found.items() if items}


class Browsing:
    """Opens guarded pages for one test and checks the guards when the test ends."""

    def __init__(self, browser: Browser, base_url: str, test_name: str):
        self.browser = browser
        self.base_url = base_url
        self.test_name = test_name
        self.contexts: list[tuple[BrowserContext, Guard]] = []

    def page(self, *, js: bool = True, width: int = PHONE, for_axe: bool = False) -> Page:
        """A new page in its own context.

        js=False turns JavaScript off. for_axe=True bypasses the site's CSP so axe can be
        injected; use it only for accessibility checks, never to prove behaviour.
        """
        guard = Guard(site_netloc=urlsplit(self.base_url).netloc)
        context = self.browser.new_context(
            base_url=self.base_url,
            viewport={"width": width, "height": HEIGHTS.get(width, 900)},
            java_script_enabled=js,
            bypass_csp=for_axe,
            service_workers="block",
        )
        context.route("**/*", guard.on_route)
        context.expose_binding(
            "__reportCspViolation", lambda _source, report: guard.csp_violations.append(report)
        )
        context.add_init_script(CSP_LISTENER)
        page = context.new_page()
        page.on("console", guard.on_console)
        page.on("pageerror", lambda error: guard.page_errors.append(str(error)))
        page.guard = guard
        page.js_enabled = js
        self.contexts.append((context, guard))
        return page

    def close(self) -> dict[str, dict[str, list]]:
        found = {}
        for number, (context, guard) in enumerate(self.contexts):
            context.close()
            if guard.problems():
                found[f"context {number}"] = guard.problems()
        return found


@pytest.fixture
def browsing(chromium, site, request):
    """Open pages with `browsing.page(js=..., width=...)`; guards are checked at the end."""
    session = Browsing(chromium, site, request.node.name)
    yield session
    found = session.close()
    assert not found, f"The browser saw problems: {found}"


# --- Helpers the tests share --------------------------------------------------------------------


def allow_console(page: Page, pattern: str) -> None:
    """Let a console error the test expects through (e.g. a 404 status on the 404 page)."""
    page.guard.allowed_console.append(re.compile(pattern))


def screenshot(page: Page, name: str) -> Path:
    """A full-page screenshot into test-artifacts/screenshots/, for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    js = "" if page.js_enabled else "-nojs"
    path = SCREENSHOTS / f"{slugify(name)}-{width}{js}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def assert_no_axe_violations(page: Page, state: str) -> None:
    """Run axe-core on the page as it is now; fail listing each violation and its nodes."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=AXE_OPTIONS).response
    violations = results["violations"]
    if violations:
        lines = [f"axe found {len(violations)} WCAG A/AA violation(s) on {state}:"]
        for violation in violations:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
            lines.append(f"  {violation['helpUrl']}")
            for node in violation["nodes"][:10]:
                lines.append(f"    at {node['target']}: {node['html'][:200]}")
                if node.get("failureSummary"):
                    summary = node["failureSummary"].replace("\n", " / ")
                    lines.append(f"      {summary[:300]}")
        pytest.fail("\n".join(lines), pytrace=False)


def main_text(page: Page) -> str:
    return page.locator("main").inner_text()
