"""Debian's Chromium, as every browser test launches it. Playwright's own browser download
cannot work on these machines; `make browser-deps` installs Debian's package."""

from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
# No sandbox (tests may run as root); nothing Chromium would fetch for itself from the network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def launch_chromium(playwright):
    """Start headless Chromium, or fail (never skip) with the way to install it."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"The browser tests need Chromium at {CHROMIUM}. "
            "Run `make browser-deps` (as root it installs Debian's chromium), "
            "or: sudo apt-get install chromium",
            pytrace=False,
        )
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
