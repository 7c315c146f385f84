"""Finding headless Chromium for the browser tests (skipped, with the reason, when none is
installed: scripts/install-browser.sh installs Debian's ``chromium``)."""

from __future__ import annotations

import shutil

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


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
