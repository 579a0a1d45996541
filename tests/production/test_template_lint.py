"""A lint over every template the site renders: nothing the strict CSP would block and
nothing loaded from another host, so the pages work as written under the policy."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def site_templates() -> list[Path]:
    folders = [ROOT / "templates"] + [
        path for path in ROOT.glob("*/templates") if ".venv" not in path.parts
    ]
    return sorted(path for folder in folders for path in folder.rglob("*.html"))


RULES = {
    "inline <script> (a script without src)": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I),
    "style= attribute": re.compile(r"\sstyle\s*=", re.I),
    "<style> element": re.compile(r"<style[\s>]", re.I),
    "hx-on attribute": re.compile(r"\b(data-)?hx-on", re.I),
    "js: value": re.compile(r"""["'{]\s*js:""", re.I),
    "javascript: URL": re.compile(r"javascript:", re.I),
    "on<event>= attribute": re.compile(r"<[^>]*\son[a-z]+\s*=", re.I),
    "hx-trigger filter (needs eval)": re.compile(r"hx-trigger\s*=\s*[\"'][^\"']*\[", re.I),
    "external script/link/img/iframe": re.compile(
        r"<(script|link|img|iframe|source|video|audio|embed|object)\b[^>]*\b(src|href|data)\s*=\s*[\"']?(https?:)?//",
        re.I,
    ),
    "@import from another host": re.compile(r"@import\s+url\(\s*['\"]?(https?:)?//", re.I),
    "tracker": re.compile(
        r"gtag|googletagmanager|google-analytics|fbq\(|_paq|hotjar|clarity\.ms|segment\.com|fonts\.googleapis",
        re.I,
    ),
    "autoescape off": re.compile(r"{%\s*autoescape\s+off", re.I),
}


def test_the_lint_finds_the_site_templates():
    names = {path.name for path in site_templates()}
    assert {"_base.html", "404.html", "500.html", "503.html", "429.html"} <= names


def test_templates_hold_nothing_the_csp_blocks_or_another_host_serves():
    problems = []
    for path in site_templates():
        text = path.read_text()
        for name, pattern in RULES.items():
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                problems.append(f"{path.relative_to(ROOT)}:{line}: {name}: {match.group(0)[:60]}")
    assert problems == []


def test_the_lint_catches_what_it_looks_for():
    # The rules are only worth having if each one fires on a bad example.
    bad = {
        "inline <script> (a script without src)": "<script>alert(1)</script>",
        "style= attribute": '<p style="color:red">',
        "hx-on attribute": '<button hx-on:click="x()">',
        "js: value": """<div hx-vals='js:{a: 1}'>""",
        "on<event>= attribute": '<img src="/x.png" onerror="x()">',
        "external script/link/img/iframe": '<script src="https://cdn.example/htmx.js"></script>',
        "tracker": "gtag('config')",
    }
    for name, example in bad.items():
        assert RULES[name].search(example), name
    assert not RULES["inline <script> (a script without src)"].search(
        '<script src="/static/js/app.js" defer></script>'
    )


def test_static_css_and_js_load_nothing_from_another_host():
    problems = []
    for path in sorted((ROOT / "static").rglob("*")):
        if path.suffix not in {".css", ".js"} or path.name.endswith(".min.js"):
            continue
        text = path.read_text()
        if re.search(r"url\(\s*['\"]?(https?:)?//", text) or re.search(
            r"fetch\(\s*['\"]https?://", text
        ):
            problems.append(str(path.relative_to(ROOT)))
    assert problems == []


def test_safe_filter_is_only_used_on_sanitised_staff_html():
    uses = []
    for path in site_templates():
        for match in re.finditer(r"\{\{[^}]*\|\s*safe[^}]*\}\}", path.read_text()):
            uses.append((path.name, match.group(0)))
    # Only Markdown rendered through the nh3 allow-list (fields named *_html) may be marked safe.
    assert [use for use in uses if "_html" not in use[1]] == []
