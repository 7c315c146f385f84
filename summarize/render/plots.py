"""Plots of a Comparison or Briefing, drawn on matplotlib Figures (no GUI, no pyplot state).

Every function reads a result (it computes nothing new), draws into ``ax`` when given one,
and returns the Figure; every axes carries labels, so a figure read on its own says what it
shows. In a notebook, a returned Figure displays itself.

The overlap heatmap lives in :mod:`summarize.render.heatmap` and the figure plumbing in
:mod:`summarize.render.figures`; both are importable from here too, so ``plots`` is the one
namespace of figures.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from summarize.render.figures import figure_and_axes, figure_png, outlet_label
from summarize.render.heatmap import (
    MAX_CELLS,
    OVERLAP_WORDS,
    heatmap,
    heatmap_png,
    overlap_heatmap,
    overlap_heatmap_data_uri,
)
from summarize.types import Digest
from summarize.wording import plural

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from summarize.types import Article, Briefing, Comparison

__all__ = [
    "CATEGORY_COLOURS",
    "MAX_CELLS",
    "OVERLAP_WORDS",
    "citation_counts",
    "claims_grid",
    "digest_positions",
    "figure_png",
    "heatmap",
    "heatmap_png",
    "outlet_facts",
    "overlap_heatmap",
    "overlap_heatmap_data_uri",
    "timeline",
]


#: Bar colours per fact category, the same hues as the HTML side-by-side view.
CATEGORY_COLOURS = {
    "shared": "#3f9a5a",
    "partial": "#4f86c6",
    "elsewhere": "#c9ced6",
    "unique": "#d49b1a",
}


def _outlet_labels(sources: Sequence[str], width: int = 26) -> list[str]:
    return [outlet_label(source, i + 1, width=width) for i, source in enumerate(sources)]


def outlet_facts(comparison: Comparison, *, ax: Axes | None = None) -> Figure:
    """Horizontal stacked bars: for each outlet, how many of its facts (claims) all outlets
    report, some report, only it words (another possibly says it), and only it reports."""
    from summarize.render._view import FACT_CATEGORIES, outlet_fact_counts

    counts = outlet_fact_counts(comparison)
    sources = list(comparison.sources)
    figure, ax = figure_and_axes(ax, 9.0, 0.55 * len(sources) + 1.9)
    rows = np.arange(len(sources))
    left = np.zeros(len(sources))
    for category, label in FACT_CATEGORIES.items():
        values = np.array([counts[source][category] for source in sources], dtype=float)
        bars = ax.barh(
            rows, values, left=left, color=CATEGORY_COLOURS[category], label=label, height=0.62
        )
        shown = [f"{int(v)}" if v else "" for v in values]
        dark = category in ("shared", "partial")
        ax.bar_label(
            bars,
            labels=shown,
            label_type="center",
            fontsize=9,
            color="white" if dark else "#1b2a3a",
        )
        left += values
    ax.set_yticks(rows, _outlet_labels(sources), fontsize=9, parse_math=False)
    ax.invert_yaxis()
    ax.set_xlabel("facts (claims) the outlet reports")
    ax.set_ylabel("outlet")
    ax.set_title("What each outlet shares with the others", fontsize=11)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.28), ncol=2, frameon=False, fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return figure


def claims_grid(
    comparison: Comparison, *, limit: int | None = 25, ax: Axes | None = None
) -> Figure:
    """Claims x outlets: one row per fact (numbered as in ``claims_table``), one column per
    outlet, a dot where the outlet reports it, coloured by how widely it is reported.

    ``limit`` keeps the most widely reported claims (None: all of them).
    """
    from summarize.render._view import claim_category, grid_claims, representative

    rows = grid_claims(comparison, limit=limit)
    sources = list(comparison.sources)
    figure, ax = figure_and_axes(ax, 9.0, 0.28 * len(rows) + 1.8)
    for y, (_, claim) in enumerate(rows):
        colour = CATEGORY_COLOURS[claim_category(comparison, claim)]
        xs = [x for x, source in enumerate(sources) if source in claim.sources]
        if len(xs) > 1:
            ax.plot([xs[0], xs[-1]], [y, y], color=colour, linewidth=1.5, zorder=1)
        ax.scatter(
            xs, [y] * len(xs), s=70, color=colour, edgecolors="#1b2a3a", linewidths=0.4, zorder=2
        )
    labels = [
        f"#{number} " + textwrap.shorten(representative(claim).text, width=52, placeholder="…")
        for number, claim in rows
    ]
    ax.set_yticks(range(len(rows)), labels, fontsize=8, parse_math=False)
    ax.set_xticks(
        range(len(sources)), _outlet_labels(sources, width=16), fontsize=8, parse_math=False
    )
    ax.set_xlim(-0.5, len(sources) - 0.5)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.grid(True, color="#e4e7eb", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_xlabel("outlet")
    ax.set_ylabel("fact (claim number, most widely reported first)")
    claims = plural(len(comparison.claims) if limit else len(rows), "claim")
    shown = f"{len(rows)} of {len(comparison.claims)}" if limit else f"all {len(rows)}"
    ax.set_title(f"Which outlet reports which fact ({shown} {claims})", fontsize=11)
    ax.tick_params(axis="x", labeltop=True, labelbottom=False, length=0)
    ax.xaxis.set_label_position("top")
    return figure


def digest_positions(
    comparison: Comparison, digests: Mapping[str, Digest], *, ax: Axes | None = None
) -> Figure:
    """Where each outlet's digest sentences sit in its article (x: sentence number; grey
    ticks: every sentence), coloured by whether other outlets report the same fact."""
    from summarize.render._view import article_sentences, claim_category

    columns = article_sentences(comparison)
    sources = list(comparison.sources)
    figure, ax = figure_and_axes(ax, 9.0, 0.6 * len(sources) + 1.9)
    used: set[str] = set()
    for y, source in enumerate(sources):
        views = columns.get(source, [])
        positions = [view.ref.index + 1 for view in views]
        ax.scatter(positions, [y] * len(positions), marker="|", s=120, color="#b7bec8")
        chosen = {sentence.text for sentence in digests.get(source, _EMPTY).sentences}
        for view in views:
            if view.ref.text not in chosen:
                continue
            category = claim_category(comparison, view.claim)
            label = None if category in used else _CATEGORY_SHORT[category]
            used.add(category)
            ax.scatter(
                [view.ref.index + 1],
                [y],
                s=90,
                color=CATEGORY_COLOURS[category],
                edgecolors="#1b2a3a",
                linewidths=0.5,
                zorder=3,
                label=label,
            )
    ax.set_yticks(range(len(sources)), _outlet_labels(sources), fontsize=9, parse_math=False)
    ax.set_ylim(len(sources) - 0.5, -0.5)
    ax.set_xlabel("sentence number in the article (grey: every sentence; dots: the digest)")
    ax.set_ylabel("outlet")
    ax.set_title("Where each outlet's digest comes from", fontsize=11)
    if used:
        handles, names = ax.get_legend_handles_labels()
        order = list(_CATEGORY_SHORT.values())
        pairs = sorted(zip(names, handles, strict=True), key=lambda pair: order.index(pair[0]))
        ax.legend(
            [handle for _, handle in pairs],
            [name for name, _ in pairs],
            loc="upper center",
            bbox_to_anchor=(0.5, -0.3),
            ncol=4,
            frameon=False,
            fontsize=8,
        )
    ax.spines[["top", "right"]].set_visible(False)
    return figure


def citation_counts(briefing: Briefing, *, ax: Axes | None = None) -> Figure:
    """How many sentences of the merged briefing cite each outlet (one bar per outlet)."""
    from matplotlib.ticker import MaxNLocator

    sources = list(briefing.sources)
    counts = [
        sum(source in sentence.sources for sentence in briefing.digest.sentences)
        for source in sources
    ]
    figure, ax = figure_and_axes(ax, 8.0, 0.55 * len(sources) + 1.4)
    bars = ax.barh(range(len(sources)), counts, color="#4f86c6", height=0.6)
    ax.bar_label(bars, fontsize=9, padding=3)
    ax.set_yticks(range(len(sources)), _outlet_labels(sources), fontsize=9, parse_math=False)
    ax.invert_yaxis()
    total = len(briefing.digest.sentences)
    ax.set_xlabel(f"sentences of the merged briefing citing the outlet (of {total})")
    ax.set_ylabel("outlet")
    ax.set_xlim(0, max(total, 1) + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title("Which outlets the briefing rests on", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    return figure


def timeline(articles: Sequence[Article], *, ax: Axes | None = None) -> Figure:
    """Publication dates, one row per outlet; outlets without a readable date are listed in
    the title, not placed.

    Raises:
        ValueError: no article has a readable ``published`` date.
    """
    import matplotlib.dates as mdates

    from summarize.render._view import published_date

    dates = [published_date(article.published) for article in articles]
    if not any(dates):
        raise ValueError(
            "No article has a readable publication date; give 'published:' in sources.yaml "
            "(e.g. published: 2016-08-11)."
        )
    figure, ax = figure_and_axes(ax, 9.0, 0.5 * len(articles) + 1.6)
    placed = [(i, d) for i, d in enumerate(dates) if d is not None]
    xs = [float(mdates.date2num(d)) for _, d in placed]
    ax.scatter(xs, [i for i, _ in placed], s=80, color="#1f5fa8", zorder=3)
    if len(set(xs)) == 1:  # one date: a few days either side, so the axis reads as dates
        ax.set_xlim(xs[0] - 3, xs[0] + 3)
    ax.xaxis_date()
    for x, (i, d) in zip(xs, placed, strict=True):
        ax.annotate(
            f"{d:%d %b %Y}",
            (x, i),
            textcoords="offset points",
            xytext=(8, 0),
            va="center",
            fontsize=8,
        )
    labels = [outlet_label(article.source, i + 1, width=26) for i, article in enumerate(articles)]
    ax.set_yticks(range(len(articles)), labels, fontsize=9, parse_math=False)
    ax.set_ylim(len(articles) - 0.5, -0.5)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.set_xlabel("publication date")
    ax.set_ylabel("outlet")
    missing = len(articles) - len(placed)
    note = f" ({missing} without a date)" if missing else ""
    ax.set_title(f"When each outlet published{note}", fontsize=11)
    ax.grid(True, axis="x", color="#e4e7eb")
    return figure


_EMPTY = Digest(sentences=())


_CATEGORY_SHORT = {
    "shared": "all outlets",
    "partial": "some outlets",
    "elsewhere": "possibly elsewhere",
    "unique": "only this outlet",
}
