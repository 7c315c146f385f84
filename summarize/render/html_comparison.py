"""HTML of a Comparison: what all outlets report, where they differ (disputes), what only one
reports, the overlap heatmap and tables, the side-by-side view, and the notebook tables of
aligned sentences and claims."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from summarize.render._view import (
    MAX_TABLE_SOURCES,
    TOP_PAIRS,
    aligned_rows,
    article_sentences,
    citation_numbers,
    grid_claims,
    one_story_line,
    possibly_also,
    possibly_elsewhere,
    shared_line,
    stands_for,
    top_pairs,
    two_decimals,
    wording,
)
from summarize.render.categories import (
    CATEGORIES,
    EXPLAINED,
    ONE_OUTLET,
    by_category,
    category_map,
    compared,
    disputes_heading,
    fact_count,
    headings,
    labels,
    overview,
)
from summarize.render.html_blocks import card, cites, collapsed_list, e, fragment, source_legend
from summarize.types import Claim, Comparison
from summarize.types.comparison import Dispute
from summarize.wording import counted, listed, mixed_stories


def overview_html(comparison: Comparison) -> str:
    """The overview line: how many facts fall in each category, each with its colour (the
    counts of every list below and the colours of the side-by-side view)."""
    total, parts = overview(comparison)
    items = "".join(
        f'<li data-category="{category}"><span class="sz-swatch sz-{category}"></span>'
        f'<strong class="sz-count">{count}</strong> {e(label)}</li>'
        for category, count, label in parts
    )
    return (
        f'<div class="sz-glance" id="sz-glance"><p><strong>Facts at a glance.</strong> '
        f'<span class="sz-total">{total}</span> {"fact" if total == 1 else "facts"}:</p>'
        f'<ul class="sz-glance-list">{items}</ul></div>'
    )


def comparison_cards(
    comparison: Comparison, numbers: Mapping[str, int], *, max_items: int = 3
) -> str:
    """The overview line, then one list per category (:mod:`summarize.render.categories`):
    what all outlets report and where they differ side by side, then what some report, what
    only one reports (one column per outlet) and what is possibly reported elsewhere. Lists
    longer than ``max_items`` fold the rest into ``<details>``."""

    grouped = by_category(comparison)
    titles = headings(comparison)
    shared = grouped["shared"]
    items = []
    for claim in shared:
        shown, cited = shared_line(comparison, claim)
        items.append(f"<li>{e(shown.text)}{cites(cited, numbers)}</li>")
    agree = (
        collapsed_list(items, shown=max_items)
        if shared
        else f'<p class="sz-muted">No claim is {e(labels(comparison)["shared"])}.</p>'
    )
    partial = sorted(grouped["partial"], key=lambda claim: -claim.support)
    some = (
        f'<p class="sz-muted">{e(EXPLAINED["partial"])}</p>'
        + collapsed_list(
            [
                f"<li>{e(stands_for(claim, comparison))}{cites(claim.sources, numbers)}</li>"
                for claim in partial
            ],
            shown=max_items,
        )
        if partial
        else '<p class="sz-muted">No fact is reported by some outlets but not all.</p>'
    )
    blocks = []
    for source in comparison.sources:
        unique = [claim for claim in grouped["unique"] if claim.sources[0] == source]
        rows = collapsed_list(
            [f"<li>{e(stands_for(claim, comparison))}</li>" for claim in unique], shown=max_items
        )
        empty = "" if unique else '<p class="sz-muted">Nothing this outlet reports alone.</p>'
        blocks.append(
            f'<section class="sz-column" data-source="{e(source)}">'
            f"<h3>{cites([source], numbers)} {e(source)} "
            f'<span class="sz-muted">({len(unique)})</span></h3>'
            f"{rows if unique else ''}{empty}</section>"
        )
    elsewhere = grouped["elsewhere"]
    possible = possibly_elsewhere(comparison)

    def also(claim: Claim) -> str:
        outlets, rest = possibly_also(possible.get(claim), outlet_count=len(comparison.sources))
        if not outlets:
            return ""
        return f'<span class="sz-muted"> possibly also in {cites(outlets, numbers)}{e(rest)}</span>'

    maybe = (
        f'<p class="sz-muted">{e(EXPLAINED["elsewhere"])}</p>'
        + collapsed_list(
            [
                f"<li>{e(stands_for(claim, comparison))}{cites(claim.sources, numbers)}"
                f"{also(claim)}</li>"
                for claim in elsewhere
            ],
            shown=max_items,
        )
        if elsewhere
        else '<p class="sz-muted">None.</p>'
    )
    differ = disputes_list(comparison.disputes, numbers)
    only_one = f'<div class="sz-columns" style="--sz-n: {len(blocks)}">{"".join(blocks)}</div>'
    return (
        '<div class="sz-grid" id="sz-comparison">'
        + card(f"{e(titles['shared'])} ({len(shared)})", agree, ident="sz-shared-list")
        + card(e(disputes_heading(comparison)), differ, ident="sz-disputes")
        + card(f"{e(titles['partial'])} ({len(partial)})", some, ident="sz-partial-list")
        + "</div>"
        + card(f"{e(titles['unique'])} ({len(grouped['unique'])})", only_one, ident="sz-unique")
        + card(f"{e(titles['elsewhere'])} ({len(elsewhere)})", maybe, ident="sz-elsewhere-list")
    )


def dispute_item(dispute: Dispute, numbers: Mapping[str, int]) -> str:
    """One dispute: its label and values with their outlets, opening onto their sentences."""
    values = " / ".join(
        f'<span class="sz-value">&ldquo;{e(value.value)}&rdquo;'
        f"{cites(value.sources, numbers)}</span>"
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
        f"<li>{cites([ref.source], numbers)} {e(ref.text)}</li>"
        for value in dispute.values
        for ref in value.sentences
    )
    kind = "sz-dispute" + ("" if dispute.contradiction else " sz-soft")
    return (
        f'<li class="{kind}"><details><summary><span class="sz-kind">{e(dispute.label)}:</span> '
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
    from summarize.render.heatmap import OVERLAP_WORDS, overlap_heatmap_data_uri

    sources = comparison.sources
    drawn = "similarity" if comparison.fact_overlap is None else "fact_overlap"
    image = (
        f'<figure class="sz-heatmap"><img id="sz-heatmap" '
        f'src="{overlap_heatmap_data_uri(comparison)}" '
        f'alt="Heatmap: {e(OVERLAP_WORDS[drawn][0].lower())} between '
        f'{counted(len(sources), "outlet")}">'
        "</figure>"
    )
    one_story = one_story_line(comparison)
    story_note = (
        f'<p class="sz-one-story">{e(one_story)}</p>'
        if one_story
        else '<p class="sz-muted">Story overlap (<code>similarity</code> in the JSON): the '
        "probability that the two articles tell the same story (about 1 for two reports of one "
        "story, even in different words; near 0 for different stories).</p>"
    )
    story_table = "" if one_story else _matrix_table(comparison.similarity, sources, numbers)
    facts_note = facts_table = ""
    if comparison.fact_overlap is not None:
        facts_note = (
            '<p class="sz-muted">Share of matched facts (the heatmap; <code>fact_overlap</code> '
            "in the JSON): the share of sentences that report a fact the other article reports "
            "too (one claim holds both), averaged both ways.</p>"
        )
        facts_table = _matrix_table(comparison.fact_overlap, sources, numbers, kind="sz-facts")
    body = f"{facts_note}{facts_table}{story_note}{story_table}"
    if fold_table:  # the heatmap already prints every value; only what it draws stays open
        pictured, folded = (facts_note, story_note) if facts_note else (story_note, "")
        if one_story:  # one line says it all: keep it in sight
            pictured, folded = pictured + story_note, ""
        body = (
            f'{pictured}<details class="sz-rest"><summary>The numbers as tables</summary>'
            f"{facts_table}{folded}{story_table}</details>"
        )
    return card(
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
            f'<p class="sz-muted">{counted(len(sources), "outlet")}: the {TOP_PAIRS} highest pairs '
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
    named = listed([f"[{numbers[s]}] {e(s)}" for s in comparison.off_story])
    text = mixed_stories(named, off_story=comparison.off_story, sources=comparison.sources)
    return (
        '<div class="sz-warning" id="sz-mixed" role="alert"><strong>Mixed stories.</strong> '
        f"{text}</div>"
    )


def not_english_warning(comparison: Comparison, numbers: Mapping[str, int]) -> str:
    """The warning that some articles are not in English, or "" when all read as English."""
    if not comparison.not_english:
        return ""
    named = listed(
        [f"[{numbers[s]}] {e(s)} ({e(language)})" for s, language in comparison.not_english.items()]
    )
    one = len(comparison.not_english) == 1
    return (
        '<div class="sz-warning" id="sz-language" role="alert"><strong>Not in English.</strong> '
        f"{named} {'does' if one else 'do'} not seem to be in English. The models are English "
        f"ones, so matches, citations and disputes involving {'it' if one else 'them'} are not "
        "reliable.</div>"
    )


def status_legend(comparison: Comparison) -> str:
    """What the colours of the side-by-side view mean: the categories and their words."""
    words = labels(comparison)
    items = "".join(
        f'<span><span class="sz-swatch sz-{category}"></span>{e(words[category])}</span>'
        for category in CATEGORIES
    )
    flag = (
        '<span><span class="sz-flag">≠</span>this sentence gives another value than '
        "another outlet</span>"
    )
    return f'<div class="sz-legend">{items}{flag}</div>'


def side_by_side(
    comparison: Comparison, numbers: Mapping[str, int], *, folded: bool = False
) -> str:
    """One column per outlet with every sentence, coloured by its fact's category (the same
    categories and words as every list); a sentence that gives another value for a disputed
    detail is flagged "≠".

    ``folded`` puts the columns in a closed ``<details>`` (the briefing page: the full texts
    are there to check, not to read first)."""
    words = labels(comparison)
    sentences = article_sentences(comparison)
    columns = []
    for source, views in sentences.items():
        paragraphs = []
        for view in views:
            others = [s for s in view.claim.sources if s != source]
            also = f' <span class="sz-also">also {cites(others, numbers)}</span>' if others else ""
            tip = words[view.status]
            for difference in view.differences:
                tip += f"; {difference.kind}: {difference.left} vs {difference.right}"
            flag = (
                '<span class="sz-flag" aria-label="gives another value">≠</span>'
                if view.differences
                else ""
            )
            paragraphs.append(
                f'<p class="sz-s sz-{view.status}" data-category="{view.status}" '
                f'title="{e(tip)}">{flag}{e(view.ref.text)}{also}</p>'
            )
        columns.append(
            f'<section class="sz-column" data-source="{e(source)}">'
            f"<h3>{cites([source], numbers)} {e(source)}</h3>{''.join(paragraphs)}</section>"
        )
    body = (
        f'{status_legend(comparison)}<div class="sz-columns" style="--sz-n: {len(columns)}">'
        f"{''.join(columns)}</div>"
    )
    if folded:
        count = sum(len(views) for views in sentences.values())
        body = (
            f'<details class="sz-fold"><summary>Show every sentence of the '
            f"{counted(len(columns), 'article')} ({count}), coloured by who else reports it"
            f"</summary>{body}</details>"
        )
    return card("Side by side", body, ident="sz-side-by-side")


def aligned_table(comparison: Comparison, *, limit: int | None = None) -> str:
    """Notebook fragment: claims two or more outlets report, one row each, one column per outlet.

    Rows come most widely reported first; ``limit`` caps how many are shown.
    """
    numbers = citation_numbers(comparison.sources)
    rows = aligned_rows(comparison)
    shown = rows if limit is None else rows[:limit]
    head = "".join(f"<th>{cites([s], numbers)} {e(s)}</th>" for s in comparison.sources)
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
    return fragment(card(f"Aligned sentences ({counted(len(rows), 'claim')})", table))


def claims_table(comparison: Comparison, *, limit: int | None = 25) -> str:
    """Notebook fragment: the claims x outlets grid as a table, numbered like
    :func:`summarize.render.plots.claims_grid` (most widely reported first), each cell the
    outlet's own wording of the fact (hover a cell for where it sits in the article)."""
    numbers = citation_numbers(comparison.sources)
    rows = grid_claims(comparison, limit=limit)
    categories = category_map(comparison)
    words = labels(comparison)
    head = "".join(f"<th>{cites([s], numbers)} {e(s)}</th>" for s in comparison.sources)
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
        category = categories[claim]
        body.append(
            f'<tr class="sz-{category}" data-category="{category}">'
            f'<td class="sz-claim-number" title="{e(words[category])}">#{number}</td>'
            f"{''.join(cells)}</tr>"
        )
    facts = fact_count(comparison)
    more = (
        f'<p class="sz-muted">{len(rows)} of {counted(facts, "claim")} shown.</p>'
        if len(rows) < facts
        else ""
    )
    table = (
        f'<table class="sz-aligned sz-claims"><tr><th class="sz-claim-number">fact</th>{head}</tr>'
        f"{''.join(body)}"
        f"</table>{more}"
    )
    return fragment(
        card("Which outlet reports which fact, in its own words", status_legend(comparison) + table)
    )


def comparison_families_card(comparison: Comparison, numbers: Mapping[str, int]) -> str:
    """The near-copy families the comparison folded, each cited once, and why; "" when none
    were (the briefing page's :func:`families_card`, from what a Comparison holds)."""
    if not comparison.families:
        return ""
    items = []
    for family in comparison.families:
        cited = family.label if family.label in numbers else ""
        mark = f'<span class="sz-cite">[{numbers[cited]}]</span> ' if cited else ""
        copies = "".join(
            f"<li>{e(c.source)}: {c.share:.0%} shared with {e(c.closest)}</li>"
            for c in family.copies
        )
        items.append(
            f"<li>{mark}<strong>{e(family.label)}</strong>: {len(family.sources)} articles "
            f"counted as one report<ul>{copies}</ul></li>"
        )
    intro = (
        '<p class="sz-muted">Articles that repeat one report (wire copies, updates of one '
        "article) count as one outlet, so copies do not look like independent corroboration. "
        "Share: the part of the shorter text's word 5-grams the two articles have in "
        "common.</p>"
    )
    return card(
        f"Near-copies counted once ({len(comparison.families)})",
        f'{intro}<ul class="sz-sources sz-families">{"".join(items)}</ul>',
        ident="sz-families",
    )


def one_outlet_card() -> str:
    """What a page of one outlet shows instead of the comparison: there is none."""
    return card("Comparison", f'<p class="sz-muted">{e(ONE_OUTLET)}</p>', ident="sz-one-outlet")


def comparison_body(comparison: Comparison) -> str:
    """Sources, near-copies folded, the overview line, the heatmap, one list per category and
    the side-by-side view (one outlet: a line saying there is nothing to compare)."""
    numbers = citation_numbers(comparison.sources)
    head = (
        off_story_warning(comparison, numbers)
        + not_english_warning(comparison, numbers)
        + card("Sources", source_legend(comparison.sources, numbers))
        + comparison_families_card(comparison, numbers)
    )
    if not compared(comparison):
        return head + one_outlet_card()
    return (
        head
        + overview_html(comparison)
        + overlap_section(comparison, numbers)
        + comparison_cards(comparison, numbers)
        + side_by_side(comparison, numbers)
    )
