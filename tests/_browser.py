"""Finding headless Chromium for the browser tests (skipped, with the reason, when none is
installed: scripts/install-browser.sh installs Debian's ``chromium``)."""

from __future__ import annotations

import shutil

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

#: Chromium without a window, network chatter or scrollbars (screenshots and DOM dumps).
HEADLESS_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def find_browser() -> str:
    """The first Chromium on PATH, or skip the test saying how to install one."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip(
        "no Chromium installed (looked for: " + ", ".join(BROWSERS) + "); "
        "run scripts/install-browser.sh to install Debian's chromium"
    )
