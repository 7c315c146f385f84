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

from tests._browser import HEADLESS_FLAGS as FLAGS
from tests._browser import find_browser

WIDTH, HEIGHT = 1400, 2000


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, bundled_briefing):
    browser = find_browser()
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
    # The heatmap's cells are painted on screen: the 0-1 Blues colour of each pair's value
    # (the scale is fixed, so a pale 0.2 stays pale).
    from matplotlib import colormaps

    briefing = rendered[0]
    n = len(briefing.sources)
    values = briefing.comparison.fact_overlap[~np.eye(n, dtype=bool)]
    painted = 0
    for value in set(np.round(values, 2)):
        colour = np.array(colormaps["Blues"](float(value))[:3]) * 255
        painted += int(np.all(np.abs(pixels * 255 - colour) < 6, axis=-1).sum())
    assert painted > 2000, "the heatmap is not visible in the screenshot"


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


# --- the page as a reader sees it: 1280 px desktop, 390 px phone --------------------------------

DESKTOP, PHONE = 1280, 390
#: The lists of every claim category (issue 27) made the page taller than its old 2500 px.
MAX_DESKTOP_HEIGHT = 3400
#: The test's own metadata for the bundled files (the bundled sources.yaml records no URL or
#: date); the texts are the bundled story's, byte for byte.
TEST_METADATA = {
    "000_5f7fea9c6292e304.txt": ("https://example.org/world/may-putin-call", "2016-08-11"),
    "001_9c000621c53215f0.txt": ("https://example.com/uk-russia-relations-under-may", "2016-08-12"),
    "002_a1fe7333d55f6bad.txt": ("https://blog.example.net/2016/08/may-putin", "12 August 2016"),
}
#: Added to a copy of the page only: reports layout facts the command line cannot read, by
#: writing them into the title (for --dump-dom) and painting the page magenta when anything
#: is wider than the window (visible in the screenshot). The page itself has no script.
PROBE = (
    "<script>addEventListener('load', () => {"
    "const root = document.documentElement;"
    "document.title = 'LAYOUT ' + root.scrollWidth + ' ' + root.scrollHeight;"
    "if (root.scrollWidth > innerWidth) {"
    "document.body.style.background = 'rgb(255,0,255)';"
    "document.querySelector('main').style.background = 'rgb(255,0,255)'; }"
    "});</script></body>"
)


@pytest.fixture(scope="module")
def dated_story(tmp_path_factory, story_dir):
    """The bundled articles with a sources.yaml that also gives each one a URL and a date."""
    import yaml

    folder = tmp_path_factory.mktemp("dated-story")
    sidecar = yaml.safe_load((story_dir / "sources.yaml").read_text(encoding="utf-8"))
    for name, (url, published) in TEST_METADATA.items():
        shutil.copyfile(story_dir / name, folder / name)
        sidecar[name] = {**sidecar[name], "url": url, "published": published}
    (folder / "sources.yaml").write_text(yaml.safe_dump(sidecar), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def looked_at(tmp_path_factory, dated_story, embedder):
    """Screenshots of the dated story's briefing at 1280 and 390 px, and its layout numbers.

    Set SUMMARIZE_SCREENSHOTS=DIR to keep the screenshots for looking at.
    """
    import os

    from summarize import brief, load_articles

    browser = find_browser()
    folder = tmp_path_factory.mktemp("looked-at")
    briefing = brief(load_articles(dated_story), embedder=embedder)
    text = briefing.to_html()
    page, probe = folder / "briefing.html", folder / "probe.html"
    page.write_text(text, encoding="utf-8")
    probe.write_text(text.replace("</body>", PROBE, 1), encoding="utf-8")
    common = [browser, *FLAGS, f"--user-data-dir={folder / 'profile'}"]
    dom = subprocess.run(
        [*common, f"--window-size={DESKTOP},900", "--dump-dom", probe.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
    )
    layout = re.search(r"<title>LAYOUT (\d+) (\d+)</title>", dom.stdout)
    assert layout, f"the probe did not run (exit {dom.returncode}): {dom.stderr[-1500:]}"
    shots = {}
    for width, height in ((DESKTOP, 3200), (PHONE, 9000)):
        shot = folder / f"briefing-{width}.png"
        run = subprocess.run(
            [*common, f"--window-size={width},{height}", f"--screenshot={shot}", probe.as_uri()],
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert shot.exists(), f"no {width} px screenshot (exit {run.returncode}): {run.stderr}"
        shots[width] = shot
    keep = os.environ.get("SUMMARIZE_SCREENSHOTS")
    if keep:
        for shot in shots.values():
            shutil.copy(shot, keep)
    return briefing, text, dom.stdout, int(layout.group(1)), int(layout.group(2)), shots


def _content_height(screenshot) -> int:
    """Rows down to the last one that differs from the page background (#f3f5f8)."""
    from matplotlib.image import imread

    pixels = imread(screenshot)[..., :3] * 255
    background = np.abs(pixels - (243, 245, 248)).max(axis=-1) > 6
    rows = np.flatnonzero(background.any(axis=1))
    return int(rows[-1]) + 1 if rows.size else 0


def _magenta(screenshot) -> int:
    from matplotlib.image import imread

    pixels = imread(screenshot)[..., :3] * 255
    return int(np.all(np.abs(pixels - (255, 0, 255)) < 8, axis=-1).sum())


@pytest.mark.slow  # a real browser
def test_desktop_page_is_compact(looked_at):
    _, _, _, width, height, shots = looked_at
    assert width == DESKTOP, f"the desktop page is {width} px wide: something overflows"
    assert height <= MAX_DESKTOP_HEIGHT, f"the desktop page is {height} px tall"
    drawn = _content_height(shots[DESKTOP])
    assert 1000 < drawn <= height, f"content drawn down to {drawn} px, page {height} px"
    assert _magenta(shots[DESKTOP]) == 0


@pytest.mark.slow  # a real browser
def test_phone_page_fits_390_px(looked_at):
    _, _, _, _, _, shots = looked_at
    from matplotlib.image import imread

    shot = shots[PHONE]
    assert imread(shot).shape[1] == PHONE
    assert _magenta(shot) == 0, "at 390 px something is wider than the screen"
    drawn = _content_height(shot)
    assert 2500 < drawn < 9000, f"the phone page drew {drawn} px: cut off or empty"


@pytest.mark.slow  # a real browser
def test_page_shows_title_dates_and_each_outlet_url(looked_at):
    briefing, text, dom, _, _, _ = looked_at
    header = dom.split('<header class="sz-header">', 1)[1].split("</header>", 1)[0]
    # The title is the headline of the article that overlaps most with the others.
    overlap = briefing.comparison.similarity.sum(axis=1)
    central = briefing.articles[int(np.argmax(overlap))]
    assert f"<h1>{html.escape(central.title, quote=False)}</h1>" in header
    assert "11–12 August 2016" in header
    outlets = dom.split('id="sz-outlets"', 1)[1].split("</section>", 1)[0]
    dates = {"2016-08-11": "11 August 2016", "2016-08-12": "12 August 2016"}
    for article in briefing.articles:
        url, _ = TEST_METADATA[article.path.name]
        assert f'href="{url}"' in outlets and f">{url}</a>" in outlets
        day = article.published if article.published in dates else "2016-08-12"
        assert f'<time datetime="{day}">{dates[day]}</time>' in outlets
        assert html.escape(article.source, quote=False) in outlets
    assert "<script" not in text and "http" not in text.split("<body", 1)[0]
