"""Each cited sentence of the HTML briefing opens, in a real browser, onto every outlet's own
wording (``<details>``: no JavaScript in the page). Headless Chromium loads a copy of the page
with a probe script appended that clicks each sentence and records what became visible.

Skipped, with the reason, only when no Chromium is installed (scripts/install-browser.sh).
"""

from __future__ import annotations

import html
import json
import re
import subprocess

import pytest

from summarize.types import Article
from tests._browser import find_browser

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--virtual-time-budget=5000",
]
PROBE = """<script>
const found = [];
for (const item of document.querySelectorAll('#sz-digest details.sz-wording')) {
  const list = item.querySelector('.sz-wording-list');
  const before = list.checkVisibility();
  item.querySelector('summary').click();
  found.push({open: item.open, before: before, after: list.checkVisibility(),
              height: list.getBoundingClientRect().height,
              summary: item.querySelector('summary').innerText, shown: list.innerText});
}
document.body.setAttribute('data-probe', JSON.stringify(found));
</script>"""

STORY = [
    [
        "A fire at a hotel in the capital killed at least 60 people, officials said on Sunday.",
        "The fire broke out in the kitchen shortly after midnight and spread to the upper floors.",
    ],
    [
        "The hotel fire in the capital killed 60 people, officials said on Sunday.",
        "The blaze started in the kitchen shortly after midnight and spread to the upper floors.",
    ],
    [
        "A fire at a hotel in the capital killed 65 people, officials said on Sunday.",
        "The fire broke out in the hotel kitchen after midnight and spread to upper floors.",
    ],
]


@pytest.mark.slow  # a real browser
def test_each_cited_sentence_expands_to_every_outlets_wording(tmp_path, embedder):
    from summarize import brief

    browser = find_browser()
    articles = [
        Article(source=f"Wire {i + 1}", title="Fire", text=" ".join(s), sentences=tuple(s))
        for i, s in enumerate(STORY)
    ]
    briefing = brief(articles, embedder=embedder, max_words=80)
    cited = [s for s in briefing.digest.sentences if len(s.wording) > 1]
    assert cited, "the story's facts are reported by several outlets"
    page = briefing.to_html()
    assert "<script" not in page
    probe = tmp_path / "probe.html"
    probe.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", probe.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert dom.returncode == 0, dom.stderr[-1500:]
    match = re.search(r'data-probe="([^"]*)"', dom.stdout)
    assert match, "the probe did not run"
    results = json.loads(html.unescape(match.group(1)))
    assert len(results) == len(cited)
    for sentence, result in zip(cited, results, strict=True):
        assert sentence.text in result["summary"]
        assert result["before"] is False, "the wording is hidden until the sentence is opened"
        assert result["open"] and result["after"] is True and result["height"] > 0
        for _, text in sentence.wording:
            assert " ".join(text.split()) in " ".join(result["shown"].split())
    deaths = next(s for s in cited if "killed" in s.text)
    assert deaths.disputed, "the outlet reporting 65 dead disputes the sentence"
    assert any("65" in value for _, value in deaths.disputed)
