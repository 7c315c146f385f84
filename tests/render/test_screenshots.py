"""Every bundled story's briefing and comparison pages in a real browser at 1280 and 390 px:
no list number under a disclosure triangle, no text under 9 px, heatmap labels 9 px or more.

The browser measures the page (a probe script added to a copy of it writes the findings into
the title, which ``--dump-dom`` prints); screenshots are taken too. Set
SUMMARIZE_SCREENSHOTS=DIR to keep them for looking at. Skipped, with the reason, when no
Chromium is installed (scripts/install-browser.sh).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess

import pytest

from tests._browser import HEADLESS_FLAGS as FLAGS
from tests._browser import find_browser
from tests.render._stories import STORIES

WIDTHS = (1280, 390)
#: The smallest text a reader should have to read, in CSS pixels.
SMALLEST_PX = 9

#: Measures a page shown in an iframe ``width`` px wide (headless Chromium's window is at
#: least 500 px wide when it dumps the DOM; the iframe lays the page out at any width). It
#: opens every <details> (so folded lists are measured too) and reports as JSON in the
#: title: list items whose number and disclosure triangle overlap, the smallest font size of
#: any visible text, the heatmap's width on screen and the page's width.
PROBE = """<!DOCTYPE html><html><head><title>waiting</title></head>
<body style="margin:0"><iframe id="page" style="width:WIDTHpx;height:900px;border:0"
srcdoc="SRCDOC"></iframe><script>
document.getElementById('page').addEventListener('load', () => {
  const win = document.getElementById('page').contentWindow, doc = win.document;
  doc.querySelectorAll('details').forEach(d => { d.open = true; });
  const css = el => win.getComputedStyle(el);
  const clashes = [];
  const TRIANGLE = 16, NUMBER = 28;
  for (const summary of doc.querySelectorAll('li summary')) {
    const li = summary.closest('li');
    const itemStyle = css(li);
    if (itemStyle.display !== 'list-item' || itemStyle.listStyleType === 'none') continue;
    const s = summary.getBoundingClientRect(), l = li.getBoundingClientRect();
    if (!s.width || !l.width) continue;
    const style = css(summary);
    if (style.display !== 'list-item' || style.listStyleType === 'none') continue;
    const triangle = style.listStylePosition === 'inside'
      ? [s.left, s.left + TRIANGLE] : [s.left - TRIANGLE, s.left];
    const number = itemStyle.listStylePosition === 'inside'
      ? [l.left, l.left + NUMBER] : [l.left - NUMBER, l.left];
    const sameLine = Math.abs(s.top - l.top) < 4;
    if (sameLine && triangle[0] < number[1] && number[0] < triangle[1]) {
      clashes.push(summary.textContent.trim().slice(0, 60));
    }
  }
  let smallest = 99, where = '';
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const box = node.parentElement.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    const size = parseFloat(css(node.parentElement).fontSize);
    if (size < smallest) { smallest = size; where = node.textContent.trim().slice(0, 40); }
  }
  const heatmap = doc.getElementById('sz-heatmap');
  document.title = 'PROBE ' + JSON.stringify({
    clashes, smallest, where, inner: win.innerWidth,
    heatmap: heatmap ? heatmap.getBoundingClientRect().width : null,
    width: doc.documentElement.scrollWidth,
  });
});
</script></body></html>"""


def _pages(story, embedder):
    from summarize import brief, compare, load_articles
    from summarize.render import render

    articles = load_articles(story)
    briefing = brief(articles, embedder=embedder)
    return briefing, {
        "briefing": briefing.to_html(),
        "comparison": render(compare(articles, embedder=embedder), "html"),
    }


@pytest.fixture(scope="module", params=STORIES, ids=[story.name for story in STORIES])
def measured(request, tmp_path_factory, embedder):
    """Per page and width: the probe's findings and the screenshot's path."""
    browser = find_browser()
    story = request.param
    folder = tmp_path_factory.mktemp(f"shots-{story.name}")
    briefing, pages = _pages(story, embedder)
    common = [browser, *FLAGS, f"--user-data-dir={folder / 'profile'}"]
    found = {}
    keep = os.environ.get("SUMMARIZE_SCREENSHOTS")
    for name, text in pages.items():
        page = folder / f"{name}.html"
        page.write_text(text, encoding="utf-8")
        for width in WIDTHS:
            probe = folder / f"{name}-probe-{width}.html"
            framed = PROBE.replace("WIDTH", str(width)).replace("SRCDOC", html.escape(text))
            probe.write_text(framed, encoding="utf-8")
            dom = subprocess.run(
                [*common, f"--window-size={width},900", "--dump-dom", probe.as_uri()],
                capture_output=True,
                text=True,
                timeout=180,
            )
            title = re.search(r"<title>PROBE (.*?)</title>", dom.stdout, re.S)
            assert title, f"the probe did not run (exit {dom.returncode}): {dom.stderr[-1500:]}"
            shot = folder / f"{story.name}-{name}-{width}.png"
            subprocess.run(
                [*common, f"--window-size={width},4000", f"--screenshot={shot}", page.as_uri()],
                capture_output=True,
                timeout=180,
            )
            assert shot.exists(), f"no {width} px screenshot of the {name} page"
            if keep:
                shutil.copy(shot, keep)
            probed = json.loads(html.unescape(title.group(1)))
            assert probed["inner"] == width, probed
            found[name, width] = (probed, shot)
    return briefing, found


@pytest.mark.slow  # a real browser
def test_list_numbers_and_triangles_do_not_overlap(measured):
    _, found = measured
    for (name, width), (probe, _) in found.items():
        assert not probe["clashes"], f"{name} at {width} px: number under triangle: {probe}"


@pytest.mark.slow  # a real browser
def test_no_text_smaller_than_9_px_and_nothing_wider_than_the_screen(measured):
    _, found = measured
    for (name, width), (probe, _) in found.items():
        assert probe["smallest"] >= SMALLEST_PX, f"{name} at {width} px: {probe}"
        assert probe["width"] <= width, f"{name} at {width} px: {probe}"


@pytest.mark.slow  # a real browser
def test_heatmap_labels_are_9_px_or_more_on_screen(measured):
    """Every text of the heatmap figure, at the size the page shows the image: points / 72 x
    shown width / the figure's width in inches."""
    from matplotlib.text import Text

    from summarize.render.plots import overlap_heatmap

    briefing, found = measured
    figure = overlap_heatmap(briefing.comparison)
    texts = [t for t in figure.findobj(Text) if t.get_text().strip() and t.get_visible()]
    smallest = min(t.get_fontsize() for t in texts)
    inches = figure.get_figwidth()
    for (name, width), (probe, _) in found.items():
        shown = probe["heatmap"]
        assert shown, f"no heatmap on the {name} page"
        pixels = smallest / 72 * shown / inches
        assert pixels >= SMALLEST_PX, f"{name} at {width} px: heatmap text {pixels:.1f} px"
