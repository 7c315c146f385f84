"""HTML rendering: one self-contained briefing page, and fragments for notebook display.

All article text goes through :func:`html.escape`, so markup inside an article (even a
``<script>`` tag) is shown as text. The CSS lives in ``briefing.css`` next to this module and
is inlined; the heatmap is an inline PNG. The page loads nothing from anywhere.
"""

from __future__ import annotations

import datetime
import functools
import html
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from string import Template
from typing import TYPE_CHECKING

import numpy as np

from summarize.render._view import (
    MAX_TABLE_SOURCES,
    STATUS_LABELS,
    TOP_PAIRS,
    aligned_rows,
    article_sentences,
    central_index,
    citation_numbers,
    date_range,
    digest_sources,
    folded_families,
    format_date_range,
    grid_claims,
    independent_reports,
    markers,
    published_date,
    representative,
    shared_line,
    top_pairs,
    two_decimals,
    wording,
)
from summarize.types import Briefing, Comparison, Digest, DigestSentence
from summarize.types.comparison import Dispute

if TYPE_CHECKING:
    from summarize.types import Article


def e(text: object) -> str:
    """Escape any text for HTML element content and attribute values."""
    return html.escape(str(text), quote=True)


@functools.lru_cache(maxsize=4)
def asset(name: str) -> str:
    """Text of a file shipped in ``summarize/render`` (the CSS and the page template)."""
    return resources.files("summarize.render").joinpath(name).read_text(encoding="utf-8")


def css() -> str:
    """The stylesheet used by every HTML output."""
    return asset("briefing.css")


def page(body: str, *, title: str) -> str:
    """Wrap a body fragment into a complete, self-contained HTML document."""
    from summarize import __version__

    return Template(asset("page.html")).substitute(
        title=e(title), css=css().strip(), body=body, version=e(__version__)
    )


def fragment(body: str) -> str:
    """A body fragment with the stylesheet attached, for Jupyter's ``_repr_html_``."""
    return f'<div class="sz-root"><style>{css()}</style>{body}</div>'


def _cites(sources: Iterable[str], numbers: Mapping[str, int]) -> str:
    links = "".join(
        f'<a class="sz-cite" href="#sz-source-{n}">[{n}]</a>' for n in markers(sources, numbers)
    )
    return f'<span class="sz-cites">{links}</span>' if links else ""


def _card(title: str, inner: str, *, ident: str = "") -> str:
    ident_attr = f' id="{e(ident)}"' if ident else ""
    return f'<section class="sz-card"{ident_attr}><h2>{title}</h2>{inner}</section>'


def digest_list(digest: Digest, numbers: Mapping[str, int], *, merged: bool = False) -> str:
    """A digest as an ordered list; each sentence carries its citation markers."""
    items = []
    for sentence in digest.sentences:
        if sentence.supported and len(sentence.wording) > 1:
            inner = sentence_with_wording(sentence, numbers)
            items.append(f'<li class="sz-sentence sz-supported">{inner}</li>')
        elif sentence.supported:
            items.append(
                f'<li class="sz-sentence sz-supported">{e(sentence.text)}'
                f"{_cites(sentence.sources, numbers)}"
                f"{disputed_markers(sentence.disputed, numbers)}</li>"
            )
        else:
            items.append(
                '<li class="sz-sentence sz-unsupported" title="No source sentence backs this.">'
                f'<span class="sz-badge">unsupported</span>{e(sentence.text)}</li>'
            )
    if not items:
        return '<p class="sz-muted">(empty digest)</p>'
    kind = " sz-digest-merged" if merged else ""
    return f'<ol class="sz-digest{kind}">{"".join(items)}</ol>'


def disputed_markers(disputed: Iterable[tuple[str, str]], numbers: Mapping[str, int]) -> str:
    """Outlets that report the fact with another value: ``[4: 65 dead]``, linked to the outlet."""
    links = "".join(
        f'<a class="sz-cite sz-disputed" href="#sz-source-{numbers[source]}" '
        f'title="{e(source)} reports this with another value">[{numbers[source]}: {e(value)}]</a>'
        for source, value in disputed
        if source in numbers
    )
    return f' <span class="sz-cites">{links}</span>' if links else ""


def sentence_with_wording(sentence: DigestSentence, numbers: Mapping[str, int]) -> str:
    """A cited sentence that opens (``<details>``, no JavaScript) onto each outlet's wording."""
    rows = "".join(
        f'<li data-source="{e(source)}">{_cites([source], numbers)} {e(text)}</li>'
        for source, text in sentence.wording
        if source in numbers
    )
    return (
        '<details class="sz-wording"><summary>'
        f"{e(sentence.text)}{_cites(sentence.sources, numbers)}"
        f"{disputed_markers(sentence.disputed, numbers)}</summary>"
        f'<ul class="sz-wording-list">{rows}</ul></details>'
    )


def _source_legend(
    sources: Iterable[str], numbers: Mapping[str, int], titles: Mapping[str, str] | None = None
) -> str:
    items = []
    for source in sources:
        n = numbers[source]
        title = titles[source] if titles and source in titles else ""
        items.append(
            f'<li id="sz-source-{n}"><span class="sz-cite">[{n}]</span> '
            f"<strong>{e(source)}</strong>{title}</li>"
        )
    return f'<ul class="sz-sources">{"".join(items)}</ul>'


def collapsed_list(items: list[str], *, shown: int = 4, css_class: str = "sz-list") -> str:
    """``<li>`` items as a list whose first ``shown`` are visible; the rest, if any, sit in a
    closed ``<details>`` ("N more") so long lists keep the page short but lose nothing."""
    head = "".join(items[:shown])
    rest = items[shown:]
    if not rest:
        return f'<ul class="{css_class}">{head}</ul>'
    return (
        f'<ul class="{css_class}">{head}</ul>'
        f'<details class="sz-rest"><summary>{len(rest)} more</summary>'
        f'<ul class="{css_class}">{"".join(rest)}</ul></details>'
    )


def comparison_cards(
    comparison: Comparison, numbers: Mapping[str, int], *, max_items: int = 3
) -> str:
    """What all outlets report and where they differ side by side, then what only one reports
    (one column per outlet). Lists longer than ``max_items`` fold the rest into ``<details>``."""
    shared = comparison.shared
    items = []
    for claim in shared:
        shown, cited = shared_line(comparison, claim)
        items.append(f"<li>{e(shown.text)}{_cites(cited, numbers)}</li>")
    agree = (
        collapsed_list(items, shown=max_items)
        if shared
        else '<p class="sz-muted">No claim is reported by every outlet.</p>'
    )
    blocks = []
    for source in comparison.sources:
        unique = comparison.unique.get(source, ())
        rows = collapsed_list(
            [f"<li>{e(representative(claim).text)}</li>" for claim in unique], shown=max_items
        )
        empty = "" if unique else '<p class="sz-muted">Nothing this outlet reports alone.</p>'
        blocks.append(
            f'<section class="sz-column" data-source="{e(source)}">'
            f"<h3>{_cites([source], numbers)} {e(source)} "
            f'<span class="sz-muted">({len(unique)})</span></h3>'
            f"{rows if unique else ''}{empty}</section>"
        )
    differences = comparison.disputes
    differ = disputes_list(comparison.disputes, numbers)
    only_one = f'<div class="sz-columns" style="--sz-n: {len(blocks)}">{"".join(blocks)}</div>'
    return (
        '<div class="sz-grid" id="sz-comparison">'
        + _card(f"What all outlets report ({len(shared)})", agree)
        + _card(f"Where they differ ({len(differences)})", differ)
        + "</div>"
        + _card("Only one outlet reports", only_one, ident="sz-unique")
    )


def dispute_item(dispute: Dispute, numbers: Mapping[str, int]) -> str:
    """One dispute: its label and values with their outlets, opening onto their sentences."""
    values = " / ".join(
        f'<span class="sz-value">&ldquo;{e(value.value)}&rdquo;'
        f"{_cites(value.sources, numbers)}</span>"
        for value in dispute.values
    )
    note = ""
    if dispute.update:
        note = (
            f' <span class="sz-update">update: {e(" → ".join(dispute.timeline))}, '
            "later report</span>"
        )
    elif not dispute.contradiction:
        note = ' <span class="sz-muted">(detail differs; both may be true)</span>'
    sentences = "".join(
        f"<li>{_cites([ref.source], numbers)} {e(ref.text)}</li>"
        for value in dispute.values
        for ref in value.sentences
    )
    kind = "sz-dispute" + ("" if dispute.contradiction else " sz-soft")
    return (
        f'<li class="{kind}"><details><summary><span class="sz-kind">{e(dispute.label)}</span>'
        f'{values}{note}</summary><ul class="sz-wording-list">{sentences}</ul></details></li>'
    )


def disputes_list(disputes: Iterable[Dispute], numbers: Mapping[str, int]) -> str:
    """ "Where they differ": one entry per disputed detail (see :func:`dispute_item`)."""
    items = "".join(dispute_item(dispute, numbers) for dispute in disputes)
    if not items:
        return (
            '<p class="sz-muted">No two outlets give different figures, dates, times or '
            "name spellings for one fact.</p>"
        )
    return f'<ul class="sz-list sz-disputes">{items}</ul>'


def overlap_section(
    comparison: Comparison, numbers: Mapping[str, int], *, fold_table: bool = False
) -> str:
    """The heatmap of the share of matched facts next to both overlap matrices as tables
    (``fold_table``: the tables in a closed ``<details>``, as the heatmap already prints the
    share of matched facts). Story overlap is about 1 for every pair of one story, so it is
    a table, not the picture."""
    from summarize.render.plots import OVERLAP_WORDS, overlap_heatmap_data_uri

    sources = comparison.sources
    drawn = "similarity" if comparison.fact_overlap is None else "fact_overlap"
    image = (
        f'<figure class="sz-heatmap"><img id="sz-heatmap" '
        f'src="{overlap_heatmap_data_uri(comparison)}" '
        f'alt="Heatmap: {e(OVERLAP_WORDS[drawn][0].lower())} between {len(sources)} outlets">'
        "</figure>"
    )
    story_note = (
        '<p class="sz-muted">Story overlap (<code>similarity</code> in the JSON): the '
        "probability that the two articles tell the same story (about 1 for two reports of one "
        "story, even in different words; near 0 for different stories).</p>"
    )
    story_table = _matrix_table(comparison.similarity, sources, numbers)
    facts_note = facts_table = ""
    if comparison.fact_overlap is not None:
        facts_note = (
            '<p class="sz-muted">Share of matched facts (the heatmap; <code>fact_overlap</code> '
            "in the JSON): the share of sentences with a same-fact match in the other article, "
            "averaged both ways.</p>"
        )
        facts_table = _matrix_table(comparison.fact_overlap, sources, numbers, kind="sz-facts")
    body = f"{facts_note}{facts_table}{story_note}{story_table}"
    if fold_table:  # the heatmap already prints every value; only what it draws stays open
        pictured, folded = (facts_note, story_note) if facts_note else (story_note, "")
        body = (
            f'{pictured}<details class="sz-rest"><summary>The numbers as tables</summary>'
            f"{facts_table}{folded}{story_table}</details>"
        )
    return _card(
        "Overlap between outlets",
        f'<div class="sz-overlap">{image}<div>{body}</div></div>',
        ident="sz-overlap",
    )


def _matrix_table(
    matrix: object, sources: Sequence[str], numbers: Mapping[str, int], *, kind: str = ""
) -> str:
    classes = f"sz-similarity {kind}".strip()
    if len(sources) > MAX_TABLE_SOURCES:  # n x n cells: 25 million for 5,000 outlets
        pairs = "".join(
            f"<tr><td>[{numbers[sources[i]]}] {e(sources[i])} and "
            f"[{numbers[sources[j]]}] {e(sources[j])}</td><td>{two_decimals(value)}</td></tr>"
            for i, j, value in top_pairs(matrix)
        )
        return (
            f'<p class="sz-muted">{len(sources)} outlets: the {TOP_PAIRS} highest pairs '
            "(the JSON output has the whole matrix).</p>"
            f'<table class="{classes}"><tr><th>outlets</th><th>value</th></tr>{pairs}</table>'
        )
    head = "".join(f"<th>[{numbers[s]}]</th>" for s in sources)
    rows = []
    for i, source in enumerate(sources):
        cells = "".join(f"<td>{two_decimals(v)}</td>" for v in np.asarray(matrix)[i])
        rows.append(f"<tr><th>[{numbers[source]}] {e(source)}</th>{cells}</tr>")
    return f'<table class="{classes}"><tr><th></th>{head}</tr>{"".join(rows)}</table>'


def off_story_warning(comparison: Comparison, numbers: Mapping[str, int]) -> str:
    """The mixed-story warning, or "" when all articles tell one story."""
    if not comparison.off_story:
        return ""
    named = ", ".join(f"[{numbers[s]}] {e(s)}" for s in comparison.off_story)
    verb = "does" if len(comparison.off_story) == 1 else "do"
    return (
        '<div class="sz-warning" id="sz-mixed" role="alert"><strong>Mixed stories.</strong> '
        f"{named} {verb} not seem to be about the same story as the other articles; the "
        "comparison and the briefing mix stories. Remove them, or group the articles into "
        "stories first.</div>"
    )


def _legend() -> str:
    items = "".join(
        f'<span><span class="sz-swatch sz-{status}"></span>{e(label)}</span>'
        for status, label in STATUS_LABELS.items()
    )
    return f'<div class="sz-legend">{items}</div>'


def side_by_side(
    comparison: Comparison, numbers: Mapping[str, int], *, folded: bool = False
) -> str:
    """One column per outlet with every sentence, marked shared / partial / unique / differs.

    ``folded`` puts the columns in a closed ``<details>`` (the briefing page: the full texts
    are there to check, not to read first)."""
    columns = []
    for source, views in article_sentences(comparison).items():
        paragraphs = []
        for view in views:
            others = [s for s in view.claim.sources if s != source]
            also = f' <span class="sz-also">also {_cites(others, numbers)}</span>' if others else ""
            tip = STATUS_LABELS[view.status]
            for difference in view.differences:
                tip += f"; {difference.kind}: {difference.left} vs {difference.right}"
            paragraphs.append(
                f'<p class="sz-s sz-{view.status}" title="{e(tip)}">{e(view.ref.text)}{also}</p>'
            )
        columns.append(
            f'<section class="sz-column" data-source="{e(source)}">'
            f"<h3>{_cites([source], numbers)} {e(source)}</h3>{''.join(paragraphs)}</section>"
        )
    body = (
        f'{_legend()}<div class="sz-columns" style="--sz-n: {len(columns)}">'
        f"{''.join(columns)}</div>"
    )
    if folded:
        count = sum(len(claim.sentences) for claim in comparison.claims)
        body = (
            f'<details class="sz-fold"><summary>Show every sentence of the {len(columns)} '
            f"articles ({count}), marked by who else reports it</summary>{body}</details>"
        )
    return _card("Side by side", body, ident="sz-side-by-side")


def _digest_columns(digests: Mapping[str, Digest], numbers: Mapping[str, int]) -> str:
    columns = "".join(
        f'<section class="sz-column" data-source="{e(source)}">'
        f"<h3>{_cites([source], numbers)} {e(source)}</h3>{digest_list(digest, numbers)}</section>"
        for source, digest in digests.items()
    )
    return f'<div class="sz-columns" style="--sz-n: {len(digests)}">{columns}</div>'


def _per_source(per_source: Mapping[str, Digest], numbers: Mapping[str, int], words: int) -> str:
    return _card(
        f"Per-source digests <span class='sz-muted'>({words} words each at most)</span>",
        _digest_columns(per_source, numbers),
        ident="sz-per-source",
    )


def digest_columns(digests: Mapping[str, Digest]) -> str:
    """Notebook fragment: one column per outlet with that outlet's digest."""
    numbers = citation_numbers(digests)
    return fragment(_card("Per-source digests", _digest_columns(digests, numbers)))


def aligned_table(comparison: Comparison, *, limit: int | None = None) -> str:
    """Notebook fragment: claims two or more outlets report, one row each, one column per outlet.

    Rows come most widely reported first; ``limit`` caps how many are shown.
    """
    numbers = citation_numbers(comparison.sources)
    rows = aligned_rows(comparison)
    shown = rows if limit is None else rows[:limit]
    head = "".join(f"<th>{_cites([s], numbers)} {e(s)}</th>" for s in comparison.sources)
    body = []
    for row in shown:
        cells = "".join(
            "<td>" + "".join(f"<p>{e(ref.text)}</p>" for ref in row.get(source, ())) + "</td>"
            for source in comparison.sources
        )
        body.append(f"<tr>{cells}</tr>")
    more = (
        f'<p class="sz-muted">… and {len(rows) - len(shown)} more</p>'
        if len(rows) > len(shown)
        else ""
    )
    table = (
        f'<table class="sz-aligned"><tr>{head}</tr>{"".join(body)}</table>{more}'
        if rows
        else '<p class="sz-muted">No sentence is reported by two or more outlets.</p>'
    )
    return fragment(_card(f"Aligned sentences ({len(rows)} claims)", table))


def _removed(articles: Iterable[Article], numbers: Mapping[str, int]) -> str:
    blocks = []
    for article in articles:
        why = [f" ({reason})" for reason in article.removed_reasons] or [""] * len(article.removed)
        lines = "".join(
            f"<li>{e(line)}{e(reason)}</li>"
            for line, reason in zip(article.removed, why, strict=False)
        )
        blocks.append(
            f'<details class="sz-removed"><summary>{_cites([article.source], numbers)} '
            f"{e(article.source)}: {len(article.removed)} line(s) removed</summary>"
            f"<ul>{lines}</ul></details>"
        )
    return _card(
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
        f"{outlets} outlets{copies}</p><h1>{e(story_title(briefing))}</h1>"
        f'<p class="sz-meta">{when} · merged briefing of {briefing.digest.word_count} words · '
        f"{e(method)} · embedder {e(options.embedder)}</p></header>"
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
            f"{day.day} {day:%B %Y}</time>"
            if day
            else (e(article.published) if article.published else "")
        )
        date = date or '<span class="sz-unknown">date not recorded</span>'
        fetched = article.metadata.get("fetched_at")
        when = f' <span class="sz-muted">(fetched {e(fetched)})</span>' if fetched else ""
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
            f"as one report; the text cited is {e(item.text_from)}'s (the longest)"
            f"<ul>{copies}</ul></li>"
        )
    intro = (
        '<p class="sz-muted">Articles that repeat one report (wire copies, updates of one '
        "article) count as one outlet, so copies do not look like independent corroboration. "
        "Share: the part of the shorter text's word 5-grams the two articles have in "
        "common.</p>"
    )
    return _card(
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
    digest = _card(
        "Merged briefing", digest_list(briefing.digest, numbers, merged=True), ident="sz-digest"
    )
    outlets = _card("Outlets", outlet_list(articles, numbers), ident="sz-outlets")
    return "".join(
        [
            briefing_header(briefing),
            off_story_warning(briefing.comparison, numbers),
            f'<div class="sz-grid sz-lead">{digest}{outlets}</div>',
            families_card(briefing, numbers),
            '<div class="sz-board">',
            overlap_section(briefing.comparison, numbers, fold_table=True),
            comparison_cards(briefing.comparison, numbers),
            "</div>",
            _per_source(briefing.per_source, numbers, options.per_source_words),
            side_by_side(briefing.comparison, numbers, folded=True),
            _removed(articles, numbers),
            f'<footer class="sz-footer">Made by summarize · {len(articles)} outlets</footer>',
        ]
    )


def briefing_html(briefing: Briefing) -> str:
    """The briefing as one self-contained HTML page."""
    return page(briefing_body(briefing), title=f"{story_title(briefing)} · briefing")


def comparison_body(comparison: Comparison) -> str:
    """Sources, the three comparison cards, the heatmap and the side-by-side view."""
    numbers = citation_numbers(comparison.sources)
    return (
        off_story_warning(comparison, numbers)
        + _card("Sources", _source_legend(comparison.sources, numbers))
        + overlap_section(comparison, numbers)
        + comparison_cards(comparison, numbers)
        + side_by_side(comparison, numbers)
    )


def comparison_html(comparison: Comparison) -> str:
    """A Comparison as one self-contained HTML page."""
    return page(comparison_body(comparison), title="Comparison: " + ", ".join(comparison.sources))


def digest_body(digest: Digest) -> str:
    """A standalone digest: its sentences with citations, and the legend of cited outlets."""
    sources = digest_sources(digest)
    numbers = citation_numbers(sources)
    method = digest.method + (f", {digest.model}" if digest.model else "")
    return _card(
        f"Digest <span class='sz-muted'>({digest.word_count} words, {e(method)})</span>",
        digest_list(digest, numbers) + (_source_legend(sources, numbers) if sources else ""),
    )


def claims_table(comparison: Comparison, *, limit: int | None = 25) -> str:
    """Notebook fragment: the claims x outlets grid as a table, numbered like
    :func:`summarize.render.plots.claims_grid` (most widely reported first), each cell the
    outlet's own wording of the fact (hover a cell for where it sits in the article)."""
    numbers = citation_numbers(comparison.sources)
    rows = grid_claims(comparison, limit=limit)
    head = "".join(f"<th>{_cites([s], numbers)} {e(s)}</th>" for s in comparison.sources)
    body = []
    for number, claim in rows:
        cells = []
        for source in comparison.sources:
            refs = [ref for ref in sorted(claim.sentences) if ref.source == source]
            if not refs:
                cells.append('<td class="sz-absent">—</td>')
                continue
            where = ", ".join(f"sentence {ref.index + 1}" for ref in refs)
            cells.append(f'<td title="{e(source)}, {where}">{e(wording(claim, source))}</td>')
        label = STATUS_LABELS["unique" if claim.support == 1 else "partial"]
        if claim in comparison.shared:
            label = STATUS_LABELS["shared"]
        body.append(
            f'<tr><td class="sz-claim-number" title="{e(label)}">#{number}</td>'
            f"{''.join(cells)}</tr>"
        )
    more = (
        f'<p class="sz-muted">{len(rows)} of {len(comparison.claims)} claims shown.</p>'
        if len(rows) < len(comparison.claims)
        else ""
    )
    table = (
        f'<table class="sz-aligned sz-claims"><tr><th class="sz-claim-number">fact</th>{head}</tr>'
        f"{''.join(body)}"
        f"</table>{more}"
    )
    return fragment(_card("Which outlet reports which fact, in its own words", table))
