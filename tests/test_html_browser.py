"""The HTML briefing in a real browser: headless Chromium screenshots it and dumps its DOM.

Skipped, with the reason, only when no Chromium is installed (scripts/install-browser.sh
installs Debian's ``chromium``).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess

import numpy as np
import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]
WIDTH, HEIGHT = 1400, 2000


def _browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip(
        "no Chromium installed (looked for: " + ", ".join(BROWSERS) + "); "
        "run scripts/install-browser.sh to install Debian's chromium"
    )


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, bundled_briefing):
    browser = _browser()
    folder = tmp_path_factory.mktemp("browser")
    briefing = bundled_briefing
    page = folder / "briefing.html"
    page.write_text(briefing.to_html(), encoding="utf-8")
    screenshot = folder / "briefing.png"
    common = [browser, *FLAGS, f"--user-data-dir={folder / 'profile'}"]
    shot = subprocess.run(
        [*common, f"--screenshot={screenshot}", f"--window-size={WIDTH},{HEIGHT}", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert screenshot.exists(), f"no screenshot (exit {shot.returncode}): {shot.stderr[-1500:]}"
    dom = subprocess.run(
        [*common, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=180
    )
    assert dom.returncode == 0, dom.stderr[-1500:]
    return briefing, screenshot, dom.stdout


@pytest.mark.slow
def test_screenshot_is_a_rendered_page(rendered):
    from matplotlib.image import imread

    _, screenshot, _ = rendered
    pixels = imread(screenshot)[..., :3]
    assert pixels.shape[:2] == (HEIGHT, WIDTH)
    assert float(pixels.std()) > 0.05, "the screenshot is blank"
    colours = {tuple(p) for p in (pixels[::7, ::7] * 255).round().astype(int).reshape(-1, 3)}
    assert len(colours) > 100, "the screenshot has almost no detail"
    # The heatmap's darkest cells (matplotlib's Blues at 1.0: #08306b) are painted on screen.
    dark_blue = np.all(np.abs(pixels * 255 - (8, 48, 107)) < 12, axis=-1)
    assert int(dark_blue.sum()) > 2000, "the heatmap is not visible in the screenshot"


@pytest.mark.slow
def test_dom_has_digest_columns_and_heatmap(rendered):
    briefing, _, dom = rendered
    digest = dom.split('id="sz-digest"', 1)[1].split("</section>", 1)[0]
    for sentence in briefing.digest.sentences:
        assert html.escape(sentence.text, quote=False) in digest
    side = dom.split('id="sz-side-by-side"', 1)[1].split('id="sz-per-source"', 1)[0]
    columns = re.findall(r'<section class="sz-column" data-source="([^"]*)"', side)
    assert [html.unescape(c) for c in columns] == list(briefing.sources)
    assert re.search(r'<img id="sz-heatmap" src="data:image/png;base64,[A-Za-z0-9+/=]{1000,}"', dom)
    assert "<script" not in dom
