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

from summarize.render.categories import CATEGORIES, SHORT
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
    "category_legend",
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


#: Colours per fact category (:mod:`summarize.render.categories`), the same hues as the HTML
#: side-by-side view.
CATEGORY_COLOURS = {
    "shared": "#3f9a5a",
    "partial": "#4f86c6",
    "disputed": "#c8423b",
    "unique": "#d49b1a",
    "elsewhere": "#c9ced6",
    "aside": "#ffffff",
}
#: Categories whose colour is dark enough for white numbers on it.
_DARK = ("shared", "partial", "disputed")


def category_legend(
    figure: Figure,
    comparison: Comparison,
    *,
    shown: Sequence[str] | None = None,
    columns: int = 3,
) -> None:
    """A legend of the fact categories (colour and meaning) under the figure: ``shown``
    (default all of them), in display order."""
    from matplotlib.patches import Patch

    from summarize.render.categories import CATEGORIES, labels

    words = labels(comparison)
    handles = [
        Patch(facecolor=CATEGORY_COLOURS[c], edgecolor="#1b2a3a", linewidth=0.4, label=words[c])
        for c in CATEGORIES
        if shown is None or c in shown
    ]
    figure.legend(
        handles=handles, loc="outside lower center", ncol=columns, frameon=False, fontsize=9
    )


def _outlet_labels(sources: Sequence[str], width: int = 26) -> list[str]:
    return [outlet_label(source, i + 1, width=width) for i, source in enumerate(sources)]


def outlet_facts(comparison: Comparison, *, ax: Axes | None = None) -> Figure:
    """Horizontal stacked bars: for each outlet, how many of its facts (claims) fall in each
    category: all outlets report, some do, outlets differ on a detail, only it reports, or only
    it words (another possibly says it); the same categories as every other output."""
    from matplotlib.ticker import MaxNLocator

    from summarize.render._view import outlet_fact_counts
    from summarize.render.categories import CATEGORIES, labels

    counts = outlet_fact_counts(comparison)
    words = labels(comparison)
    sources = list(comparison.sources)
    figure, ax = figure_and_axes(ax, 9.0, 0.55 * len(sources) + 2.0)
    rows = np.arange(len(sources))
    left = np.zeros(len(sources))
    for category in CATEGORIES:
        values = np.array([counts[source][category] for source in sources], dtype=float)
        bars = ax.barh(
            rows,
            values,
            left=left,
            color=CATEGORY_COLOURS[category],
            label=words[category],
            height=0.62,
        )
        shown = [f"{int(v)}" if v else "" for v in values]
        ax.bar_label(
            bars,
            labels=shown,
            label_type="center",
            fontsize=10,
            color="white" if category in _DARK else "#1b2a3a",
        )
        left += values
    ax.set_yticks(rows, _outlet_labels(sources), fontsize=10, parse_math=False)
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(labelsize=10)
    ax.set_xlabel("facts (claims) the outlet reports, by who else reports them", fontsize=10)
    ax.set_ylabel("outlet", fontsize=10)
    ax.set_title("What each outlet shares with the others", fontsize=12)
    category_legend(figure, comparison, columns=2)
    ax.spines[["top", "right"]].set_visible(False)
    return figure


def claims_grid(
    comparison: Comparison, *, limit: int | None = 25, ax: Axes | None = None
) -> Figure:
    """Claims x outlets: one row per fact, one column per outlet, a dot where the outlet
    reports it, coloured by its category (legend below). Rows are grouped by category (all
    outlets, some, differ, only one, possibly elsewhere), the most widely reported first;
    the "#" numbers are the claim numbers of the CSV, JSON and ``claims_table``.

    ``limit`` keeps the first rows (None: all of them).
    """
    from summarize.render._view import grid_claims, stands_for
    from summarize.render.categories import category_map, fact_count

    rows = grid_claims(comparison, limit=limit)
    facts = fact_count(comparison)
    categories = category_map(comparison)
    sources = list(comparison.sources)
    figure, ax = figure_and_axes(ax, 10.0, 0.3 * len(rows) + 2.4)
    used = []
    for y, (_, claim) in enumerate(rows):
        category = categories[claim]
        if category not in used:
            used.append(category)
        colour = CATEGORY_COLOURS[category]
        xs = [x for x, source in enumerate(sources) if source in claim.sources]
        if len(xs) > 1:
            ax.plot([xs[0], xs[-1]], [y, y], color=colour, linewidth=1.5, zorder=1)
        ax.scatter(
            xs, [y] * len(xs), s=70, color=colour, edgecolors="#1b2a3a", linewidths=0.4, zorder=2
        )
    labels = [
        f"#{number} " + textwrap.shorten(stands_for(claim, comparison), width=52, placeholder="…")
        for number, claim in rows
    ]
    ax.set_yticks(range(len(rows)), labels, fontsize=9, parse_math=False)
    ax.set_xticks(
        range(len(sources)), _outlet_labels(sources, width=16), fontsize=9, parse_math=False
    )
    ax.set_xlim(-0.5, len(sources) - 0.5)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.grid(True, color="#e4e7eb", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_xlabel("outlet")
    ax.set_ylabel("fact (# = claim number in the CSV and JSON)")
    claims = plural(facts if limit else len(rows), "claim")
    shown = f"{len(rows)} of {facts}" if limit else f"all {len(rows)}"
    ax.set_title(f"Which outlet reports which fact ({shown} {claims})", fontsize=11)
    ax.tick_params(axis="x", labeltop=True, labelbottom=False, length=0)
    ax.xaxis.set_label_position("top")
    if used:
        category_legend(figure, comparison, shown=used)
    return figure


def digest_positions(
    comparison: Comparison, digests: Mapping[str, Digest], *, ax: Axes | None = None
) -> Figure:
    """Where each outlet's digest sentences sit in its article (x: sentence number; grey
    ticks: every sentence), coloured by whether other outlets report the same fact."""
    from summarize.render._view import article_sentences

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
            category = view.status
            label = None if category in used else SHORT[category]
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
        order = [SHORT[category] for category in CATEGORIES]
        pairs = sorted(zip(names, handles, strict=True), key=lambda pair: order.index(pair[0]))
        ax.legend(
            [handle for _, handle in pairs],
            [name for name, _ in pairs],
            loc="upper center",
            bbox_to_anchor=(0.5, -0.3),
            ncol=3,
            frameon=False,
            fontsize=9,
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
