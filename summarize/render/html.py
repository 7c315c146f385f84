"""HTML rendering: one self-contained briefing page, and fragments for notebook display.

This module assembles the pages (briefing, comparison) and holds the briefing's own sections
(header, outlets, near-copies, what cleaning removed); the sections it shares sit by what they
render: :mod:`~summarize.render.html_digests` (digests),
:mod:`~summarize.render.html_comparison` (comparison cards, disputes, overlap, side by side,
the notebook tables) and :mod:`~summarize.render.html_blocks` (escaping, assets, cards,
citations). Every public HTML function is importable from here.

All article text goes through :func:`html.escape`, so markup inside an article (even a
``<script>`` tag) is shown as text. The CSS lives in ``briefing.css`` next to this module and
is inlined; the heatmap is an inline PNG. The page loads nothing from anywhere.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from summarize.defaults import CLAIMS
from summarize.render._view import (
    central_index,
    citation_numbers,
    date_range,
    folded_families,
    format_date_range,
    independent_reports,
    published_date,
)
from summarize.render.categories import CITATIONS_EXPLAINED, compared
from summarize.render.dates import human_date
from summarize.render.html_blocks import card, cites, css, e, fragment, page
from summarize.render.html_comparison import (
    aligned_table,
    claims_table,
    comparison_body,
    comparison_cards,
    not_english_warning,
    off_story_warning,
    one_outlet_card,
    overlap_section,
    overview_html,
    side_by_side,
)
from summarize.render.html_digests import digest_body, digest_columns, digest_list, per_source_card
from summarize.types import Briefing, Comparison
from summarize.wording import counted

if TYPE_CHECKING:
    from summarize.types import Article

__all__ = [
    "aligned_table",
    "briefing_body",
    "briefing_html",
    "claims_table",
    "comparison_body",
    "comparison_html",
    "css",
    "digest_body",
    "digest_columns",
    "e",
    "fragment",
    "page",
]


def _removed(articles: Iterable[Article], numbers: Mapping[str, int]) -> str:
    blocks = []
    for article in articles:
        why = [f" ({reason})" for reason in article.removed_reasons] or [""] * len(article.removed)
        lines = "".join(
            f"<li>{e(line)}{e(reason)}</li>"
            for line, reason in zip(article.removed, why, strict=False)
        )
        blocks.append(
            f'<details class="sz-removed"><summary>{cites([article.source], numbers)} '
            f"{e(article.source)}: {len(article.removed)} line(s) removed</summary>"
            f"<ul>{lines}</ul></details>"
        )
    return card(
        "What cleaning removed",
        f'<div class="sz-removals">{"".join(blocks)}</div>',
        ident="sz-cleaning",
    )


def story_title(briefing: Briefing) -> str:
    """The headline of the article that overlaps most with the others (the story's most
    central report), or a plain label when there are no articles."""
    articles = briefing.articles
    if not articles:
        return "Briefing"
    central = central_index(briefing.comparison.similarity, len(articles))
    return articles[central].title or articles[central].source


def briefing_header(briefing: Briefing) -> str:
    """Title (the most central headline), date range, and how the briefing was made."""
    articles = briefing.articles
    options = briefing.options
    method = options.method + (f", {options.model}" if options.model else "")
    span = format_date_range(date_range(article.published for article in articles))
    when = (
        f'<span class="sz-dates">{e(span)}</span>'
        if span
        else '<span class="sz-dates sz-unknown">publication dates not recorded</span>'
    )
    outlets, copies = independent_reports(briefing)
    return (
        '<header class="sz-header"><p class="sz-kicker">Briefing · '
        f"{counted(outlets, 'outlet')}{copies}</p><h1>{e(story_title(briefing))}</h1>"
        f'<p class="sz-meta">{when} · merged briefing of '
        f"{counted(briefing.digest.word_count, 'word')} · "
        f"{e(method)} · embedder {e(options.embedder)}"
        + (f" · claims by {e(options.claims)}" if options.claims != CLAIMS else "")
        + "</p></header>"
    )


def outlet_list(articles: Iterable[Article], numbers: Mapping[str, int]) -> str:
    """Each outlet with its number, headline, publication date and URL (from sources.yaml, the
    file or the fetched page, with when it was fetched), saying so when a date or URL is not
    recorded."""
    items = []
    for article in articles:
        n = numbers[article.source]
        day = published_date(article.published)
        date = (
            f'<time datetime="{e(_machine_time(article.published, day))}">'
            f"{e(human_date(_machine_time(article.published, day)))}</time>"
            if day
            else (e(article.published) if article.published else "")
        )
        date = date or '<span class="sz-unknown">date not recorded</span>'
        fetched = article.metadata.get("fetched_at")
        when = (
            f' <span class="sz-muted">(fetched {e(human_date(fetched))})</span>' if fetched else ""
        )
        items.append(
            f'<li id="sz-source-{n}"><span class="sz-cite">[{n}]</span> '
            f"<strong>{e(article.source)}</strong> · {date}<br><em>{e(article.title)}</em>"
            f"<br>{_url(article.url)}{when}</li>"
        )
    return f'<ul class="sz-sources sz-outlets">{"".join(items)}</ul>'


def families_card(briefing: Briefing, numbers: Mapping[str, int]) -> str:
    """Which articles were folded into one cited report, and why; "" when none were."""
    folded = folded_families(briefing)
    if not folded:
        return ""
    items = []
    for item in folded:
        copies = "".join(
            f"<li>{e(c.source)}: {c.share:.0%} shared with {e(c.closest)}</li>"
            for c in item.family.copies
        ) + "".join(
            f'<li><span class="sz-cite">[{numbers[version]}]</span> {e(version)}: states other '
            "figures than the cited text; its sentences that do are compared as a version of "
            "this report (not another outlet)</li>"
            for version in item.versions
        )
        items.append(
            f'<li><span class="sz-cite">[{numbers[item.cited]}]</span> '
            f"<strong>{e(item.cited)}</strong>: {len(item.family.sources)} articles counted "
            f"as one report; the text cited is the longest, from {e(item.text_from)}"
            f"<ul>{copies}</ul></li>"
        )
    intro = (
        '<p class="sz-muted">Articles that repeat one report (wire copies, updates of one '
        "article) count as one outlet, so copies do not look like independent corroboration. "
        "Share: the part of the shorter text's word 5-grams the two articles have in "
        "common.</p>"
    )
    return card(
        f"Near-copies counted once ({len(folded)})",
        f'{intro}<ul class="sz-sources sz-families">{"".join(items)}</ul>',
        ident="sz-families",
    )


def _machine_time(published: str | None, day: datetime.date) -> str:
    """The published text itself when it is ISO 8601 (keeps the time of day), else the day."""
    text = (published or "").strip()
    try:
        datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return day.isoformat()
    return text


def _url(url: str | None) -> str:
    """An article's URL as a link when it is http(s), else as text (never a javascript: link)."""
    if not url:
        return '<span class="sz-unknown">URL not recorded</span>'
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{e(url)}" class="sz-url" rel="noopener noreferrer">{e(url)}</a>'
    return f'<span class="sz-url">{e(url)}</span>'


def briefing_body(briefing: Briefing) -> str:
    """Every section of the briefing page, without the surrounding document."""
    articles = briefing.articles
    options = briefing.options
    numbers = citation_numbers(article.source for article in articles)
    explained = f'<p class="sz-muted">{e(CITATIONS_EXPLAINED)}</p>' if len(articles) > 1 else ""
    digest = card(
        "Merged briefing",
        explained + digest_list(briefing.digest, numbers, merged=True),
        ident="sz-digest",
    )
    outlets = card("Outlets", outlet_list(articles, numbers), ident="sz-outlets")
    comparison = (
        [
            overview_html(briefing.comparison),
            '<div class="sz-board">',
            overlap_section(briefing.comparison, numbers, fold_table=True),
            comparison_cards(briefing.comparison, numbers),
            "</div>",
        ]
        if compared(briefing.comparison)
        else [one_outlet_card()]
    )
    return "".join(
        [
            briefing_header(briefing),
            off_story_warning(briefing.comparison, numbers),
            not_english_warning(briefing.comparison, numbers),
            f'<div class="sz-grid sz-lead">{digest}{outlets}</div>',
            families_card(briefing, numbers),
            *comparison,
            per_source_card(briefing.per_source, numbers, options.per_source_words),
            side_by_side(briefing.comparison, numbers, folded=True),
            _removed(articles, numbers),
            '<footer class="sz-footer">Made by summarize · '
            f"{counted(len(articles), 'outlet')}</footer>",
        ]
    )


def briefing_html(briefing: Briefing) -> str:
    """The briefing as one self-contained HTML page."""
    return page(briefing_body(briefing), title=f"{story_title(briefing)} · briefing")


def comparison_header(comparison: Comparison) -> str:
    """The comparison page's heading: how many outlets, their publication dates, the names."""
    sources = comparison.sources
    span = format_date_range(date_range(comparison.published.get(s) for s in sources))
    when = (
        f'<span class="sz-dates">{e(span)}</span>'
        if span
        else '<span class="sz-dates sz-unknown">publication dates not recorded</span>'
    )
    folded = sum(len(family.sources) - 1 for family in comparison.families)
    copies = f" ({len(sources) + folded} articles, near-copies counted once)" if folded else ""
    outlets = f"{len(sources)} {'outlet' if len(sources) == 1 else 'outlets'}"
    return (
        f'<header class="sz-header"><p class="sz-kicker">Comparison{e(copies)}</p>'
        f"<h1>Comparison of {outlets}</h1>"
        f'<p class="sz-meta">{when} · {e(", ".join(sources))}</p></header>'
    )


def comparison_html(comparison: Comparison) -> str:
    """A Comparison as one self-contained HTML page: its heading, then
    :func:`comparison_body` (near-copies included)."""
    return page(
        comparison_header(comparison) + comparison_body(comparison),
        title="Comparison: " + ", ".join(comparison.sources),
    )
