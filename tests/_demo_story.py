"""What a reader must find in the briefing of the invented demo story (articles/demo-ferry),
checked on any rendering of it: Markdown, the HTML page, or a notebook's outputs.

The outlets are numbered in article order: [1] Coastal Press Agency, via Harbour Gazette (the
wire report and its copy), [2] The Daily Meridian, [3] Brenhaven Evening Post, [4] The Northern
Standard, [5] Skerra Island Radio (tests/pipeline/test_demo_story.py checks this order).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

DEMO_STORY = Path(__file__).resolve().parent.parent / "articles" / "demo-ferry"
OUTLETS = (
    "Coastal Press Agency, via Harbour Gazette",
    "The Daily Meridian",
    "Brenhaven Evening Post",
    "The Northern Standard",
    "Skerra Island Radio",
)
_CITES = r"(?:\s*\[\d\])*"


def plain(rendered: str) -> str:
    """The text a reader sees: tags, Markdown emphasis and typographic quotes removed, spaces
    collapsed, so one pattern reads Markdown and HTML alike."""
    text = re.sub(r"<style.*?</style>|<[^>]+>", " ", rendered, flags=re.S)
    text = html.unescape(text).replace("**", "")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"\s+(?=\[\d\])|(?<=\])\s+(?=\[)", "", text)


#: Each feature, as what a reader sees (on :func:`plain` text).
FEATURES = {
    "wire copy folded": re.compile(
        r"Coastal Press Agency, via Harbour Gazette.*near-copies counted once|"
        r"near-copies counted once.*Coastal Press Agency, via Harbour Gazette",
        re.I,
    ),
    # The same death toll in digits and in words, cited together as one fact.
    "agreement in words and digits": re.compile(
        r"At least 23 people died[^\[]*\[1\]" + _CITES + r".{0,400}?\[4\] Twenty-three people died"
    ),
    # Every outlet that gives 23, in words or digits, with the value (issue 29, item 4).
    "update with its arrow": re.compile(
        r'Death toll\W*"At least 23 people"\s*\[1\]\[2\]\[4\]\[5\]\s*/\s*"27"\s*\[3\]\W*'
        r"update: At least 23 people → 27, later report"
    ),
    # A count the outlets really disagree on: not an update.
    "real disagreement": re.compile(
        r'Missing\W*"nine people"\s*\[1\]' + _CITES + r'\s*/\s*"15 people"\s*\[5\](?!\W*update)'
    ),
    "date conflict": re.compile(r'Date\W*"Monday"\[1\]\[3\]\[4\]\[5\]\s*/\s*"13 May"\s*\[2\]'),
    "name spelling": re.compile(r'Name\W*"Amundsen"' + _CITES + r'\s*/\s*"Amundson"\s*\[2\]'),
    "unique fact": re.compile(
        r"only one outlet reports.*Brenhaven Evening Post.*A vigil will be held at the harbour "
        r"tomorrow evening.*possibly reported elsewhere",
        re.I | re.S,
    ),
}


def missing_features(rendered: str) -> list[str]:
    """The features a rendering does not show, plus any agreement shown as a dispute."""
    text = plain(rendered)
    missing = [name for name, pattern in FEATURES.items() if not pattern.search(text)]
    for value in ('"Twenty-three', '"Fourteen', '"14 survivors'):
        if value in text:  # only dispute values are quoted like this
            missing.append(f"agreement shown as a dispute ({value})")
    return missing
