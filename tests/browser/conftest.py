"""Shared browser fixtures: one Debian Chromium and one live server for each test process
(session-scoped), a fresh guarded context and page per test.

Every Chromium test of the suite lives in this folder, and every test here is marked
`browser` (added below if a file forgets), so `pytest -m browser` is exactly this folder and
`make test` runs it as its own run, after the fast tests. That run is spread over the cores
(pytest-xdist) like the fast tests: each worker has its own test database with the content,
its own live server and its own Chromium, so no test sees another's pages or edits.

Every page a test opens is watched: a request to any host but the live server fails the test
(and is aborted), and so do Content Security Policy violations, console errors and uncaught
script errors. Tests run against pytest-django's live server over the test database with the content the
load_content loads (loaded again if another suite flushed it, and checked in every test).
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

from tests.browser.chromium import launch_chromium  # noqa: E402

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

TIMER_SHIM = """() => {
  window.setTimeout = (callback, _delay, ...args) => {
    Promise.resolve().then(() => callback(...args));
    return 0;
  };
  window.clearTimeout = () => {};
  window.requestAnimationFrame = (callback) => {
    Promise.resolve().then(() => callback(performance.now()));
    return 0;
  };
}"""

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


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium(site_server) -> Browser:
    """One browser for this test process, closed before the live server stops (so no
    connection of its outlives the server)."""
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()
        # Playwright's sync API runs the tests in a greenlet with its own context, so Django
        # gave them their own database connection: close it here, in that context, or on
        # PostgreSQL it would stay open and block dropping the test database.
        from django.db import connections

        connections.close_all()


# --- The site, with its content -----------------------------------------------------------------

# Rows load_content loads, with the fewest the site can work with. Checked before every
# browser test: another suite's transactional test may have flushed the database.
CONTENT_MINIMUMS = {
    "education.Topic": 10,
    "clinical.Source": 10,
    "clinical.UrgentHelp": 1,
    "education.Item": 50,
    "checker.InteractionGroup": 4,
    "checker.Name": 1000,
    "checker.ScreeningQuestion": 6,
    "checklist.Checklist": 1,
    "checklist.QuestionToAsk": 3,
    "checklist.ThingToBring": 3,
    "checklist.SignToWatch": 3,
}


def missing_content() -> dict[str, int]:
    from django.apps import apps

    counts = {label: apps.get_model(label).objects.count() for label in CONTENT_MINIMUMS}
    return {label: n for label, n in counts.items() if n < CONTENT_MINIMUMS[label]}


def load_content_again() -> None:
    """Every data file loaded again (load_content adds only what is missing)."""
    from tests.conftest import load_all_content

    load_all_content()


def _joining_server_class():
    from django.core.servers.basehttp import ThreadedWSGIServer

    class JoiningThreadedWSGIServer(ThreadedWSGIServer):
        # Stopping the server waits for its request threads, so none of them closes the shared
        # test database connection after the server has handed it back.
        daemon_threads = False

    return JoiningThreadedWSGIServer


@pytest.fixture(scope="session")
def site_server(django_db_setup, django_db_blocker):
    """One live server for this test process, over its test database with its content.

    Patient pages write nothing, so the tests share one database state instead of paying for
    a flush and a reload of thousands of rows per test; each test still checks the content.
    Browser tests carry a plain `django_db` mark (so the test database exists and they run
    before any transactional test that could flush it); the server thread shares the test
    thread's in-memory SQLite connection, or reads the committed content on PostgreSQL.
    """
    from django.core.cache import cache
    from django.db import connection
    from pytest_django.live_server_helper import LiveServer

    JoiningThreadedWSGIServer = _joining_server_class()  # noqa: N806

    database = str(connection.settings_dict["NAME"])
    assert "memorydb" in database or "test" in database, f"not a test database: {database}"
    with django_db_blocker.unblock():
        if missing_content():
            load_content_again()
        # Built engines and cached pages may come from another suite's edits.
        cache.clear()
        from checker import engine

        engine.reset()
        # Build the checker's index now (English and Spanish), not inside the first test that
        # opens /check/: on a busy machine the build alone can outlast a page's 10 s timeout.
        engine.engine_for("en")
        engine.engine_for("es")
        server = LiveServer("localhost", start=False)
        server.thread.server_class = JoiningThreadedWSGIServer
        server.start()
        server._live_server_modified_settings.enable()
        try:
            yield server
        finally:
            server._live_server_modified_settings.disable()
            server.stop()


@pytest.fixture
def site(site_server) -> str:
    """The live server's address, after checking the loaded content is there."""
    missing = missing_content()
    assert not missing, f"The loaded content (load_content) is missing in this test: {missing}"
    return site_server.url


# --- Guarded contexts and pages -----------------------------------------------------------------


@dataclass
class Guard:
    """What went wrong while a context was open; all of it must stay empty."""

    site_netloc: str
    offsite_requests: list[str] = field(default_factory=list)
    csp_violations: list[dict] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    server_errors: list[str] = field(default_factory=list)
    expected_server_errors: bool = False  # a test that makes the server fail on purpose
    # Console errors a test expects, e.g. the 404 status of the "page not found" page.
    allowed_console: list[re.Pattern] = field(default_factory=list)

    def offsite(self) -> re.Pattern:
        """Every address but the live server's own (and data:, blob:, about:): only these are
        routed through Python, so the site's own pages, styles and scripts go straight to the
        server instead of each waiting for a round trip through this process."""
        own = re.escape(self.site_netloc)
        return re.compile(rf"^(?!(?:data|blob|about):|[a-z][a-z0-9+.-]*://{own}(?:[/?#]|$))")

    def on_route(self, route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in {"data", "blob", "about"} or parts.netloc == self.site_netloc:
            route.continue_()
            return
        self.offsite_requests.append(url)
        route.abort("blockedbyclient")

    def on_response(self, response) -> None:
        if response.status >= 500 and not self.expected_server_errors:
            self.server_errors.append(f"{response.status} {response.request.method} {response.url}")

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
            "server errors (5xx)": self.server_errors,
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
        # Nothing here should take long; fail fast rather than hang the suite.
        context.set_default_timeout(10_000)
        context.route(guard.offsite(), guard.on_route)
        context.on("response", guard.on_response)
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
    """A full-page screenshot into test-artifacts/screenshots/, for a person to look at. JPEG:
    as clear to read as PNG, in about half the time a long page takes to encode as PNG."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    js = "" if page.js_enabled else "-nojs"
    path = SCREENSHOTS / f"{slugify(name)}-{width}{js}.jpg"
    # caret="hide" (the default) leaves style="" on every input, which htmx then copies while
    # settling a swap: a CSP violation of the test's own making.
    page.screenshot(path=str(path), full_page=True, caret="initial", type="jpeg", quality=85)
    return path


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def axe_violations(page: Page, state: str) -> list[str]:
    """Run axe-core on the page as it is now; one readable block per violation."""
    from axe_playwright_python.sync_playwright import Axe

    if not page.js_enabled:
        # With JavaScript off the page's timers never fire, and axe waits on them. Page scripts
        # cannot run here anyway, so give axe's own evaluation microtask-based timers.
        page.evaluate(TIMER_SHIM)
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    lines = []
    for violation in violations:
        lines.append(f"{state}: {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:10]:
            lines.append(f"    at {node['target']}: {node['html'][:200]}")
            if node.get("failureSummary"):
                summary = node["failureSummary"].replace("\n", " / ")
                lines.append(f"      {summary[:300]}")
    return lines


def assert_no_axe_violations(page: Page, state: str) -> None:
    """Fail listing each WCAG A/AA violation's id, help and nodes."""
    lines = axe_violations(page, state)
    if lines:
        pytest.fail("axe found WCAG A/AA violations:\n" + "\n".join(lines), pytrace=False)


def main_text(page: Page) -> str:
    return page.locator("main").inner_text()
