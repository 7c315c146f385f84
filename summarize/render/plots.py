"""Plots of a Comparison or Briefing, drawn on matplotlib Figures (no GUI, no pyplot state).

Every function reads a result (it computes nothing new), draws into ``ax`` when given one,
and returns the Figure; every axes carries labels, so a figure read on its own says what it
shows. In a notebook, a returned Figure displays itself.
"""

from __future__ import annotations

import base64
import io
import textwrap
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from summarize.types import Digest

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.colors import Colormap
    from matplotlib.figure import Figure

    from summarize.types import Article, Briefing, Comparison


#: Largest matrix drawn cell by cell; beyond, blocks of outlet pairs are drawn by their maximum.
MAX_CELLS = 300


def _label(source: str, number: int, width: int = 18) -> str:
    return f"[{number}] " + "\n".join(textwrap.wrap(source, width=width) or [source])


#: Title and colour-bar label of each overlap matrix a Comparison holds, so a heatmap says
#: which of the two numbers it draws (the same names as the Markdown and HTML tables).
OVERLAP_WORDS = {
    "fact_overlap": (
        "Share of matched facts",
        "share of sentences with a same-fact match\n(scale fitted to these pairs)",
    ),
    "similarity": (
        "Story overlap",
        "probability of telling the same story\n(scale fitted to these pairs)",
    ),
}


def heatmap(
    matrix: np.ndarray,
    sources: Sequence[str],
    *,
    ax: Axes | None = None,
    title: str = "Overlap between outlets",
    label: str = "overlap (scale fitted to these pairs)",
) -> Figure:
    """Draw an (n, n) overlap matrix as an annotated heatmap and return its Figure.

    The diagonal (each outlet with itself, always 1) is masked in grey, and the colour scale
    is fitted to the off-diagonal values, so the pairs that differ look different.
    :func:`overlap_heatmap` draws a Comparison's share of matched facts with matching words.

    Args:
        matrix: Overlap matrix, rows and columns in ``sources`` order, e.g. a Comparison's
            ``fact_overlap`` (share of matched facts) or ``similarity`` (story overlap).
        sources: Outlet names; labels are numbered like the briefing's citations.
        ax: Draw into these axes instead of a new figure (for notebooks with subplots).
        title: Axes title: say which matrix is drawn.
        label: Colour-bar label: what a cell's value means.
    """
    matrix = np.asarray(matrix, dtype=float)
    n = len(sources)
    if matrix.shape != (n, n):
        raise ValueError(
            f"overlap matrix has shape {matrix.shape}, expected ({n}, {n}) for {n} sources"
        )
    detailed = n <= 12  # beyond that, numbers in cells and long labels are unreadable
    if ax is None:
        side = min(0.9 * n + 1.6, 9.0)
        figure, ax = _figure(side + 2.6, side)
    else:
        figure = ax.get_figure()  # type: ignore[assignment]
    if n > MAX_CELLS:
        # Thousands of outlets: each pixel shows the highest overlap in its block of pairs, so
        # strong pairs stay visible and matplotlib never resamples a 5,000 x 5,000 image.
        edges = np.arange(0, n, -(-n // MAX_CELLS))
        pooled = np.maximum.reduceat(np.maximum.reduceat(matrix, edges, axis=0), edges, axis=1)
        extent = (-0.5, n - 0.5, n - 0.5, -0.5)
        low, high = 0.0, 1.0
        image = ax.imshow(
            pooled, cmap=_blues(), vmin=low, vmax=high, extent=extent, interpolation="nearest"
        )
    else:
        off_diagonal = ~np.eye(n, dtype=bool)
        masked = np.ma.masked_array(matrix, mask=~off_diagonal)
        low, high = _colour_range(matrix[off_diagonal])
        cmap = _blues().with_extremes(bad="#e4e7eb")
        image = ax.imshow(masked, cmap=cmap, vmin=low, vmax=high)
    numbers = [f"[{i + 1}]" for i in range(n)]
    labels = [_label(source, i + 1) for i, source in enumerate(sources)] if detailed else numbers
    ticks = range(n) if detailed else range(0, n, max(1, n // 12))
    ax.set_xticks(list(ticks), [numbers[i] for i in ticks])
    # Labels are outlet names: never math ("$$" or "$5 vs $6" would reach the math parser).
    ax.set_yticks(list(ticks), [labels[i] for i in ticks], fontsize=9, parse_math=False)
    ax.set_xlabel("outlet (numbered as in the briefing)")
    ax.set_ylabel("outlet")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if detailed:
        middle = (low + high) / 2
        for i in range(n):
            for j in range(n):
                if i == j:
                    ax.text(j, i, "—", ha="center", va="center", color="#8a929c", fontsize=10)
                    continue
                value = matrix[i, j]
                color = "white" if value > middle else "#1b2a3a"
                ax.text(j, i, f"{value:.2f}", ha="center", va="center", color=color, fontsize=10)
    if title:
        ax.set_title(title, fontsize=11, parse_math=False)
    colour_bar = figure.colorbar(image, ax=ax, shrink=0.85)
    colour_bar.set_label(label, parse_math=False)
    return figure


def overlap_heatmap(comparison: Comparison, *, ax: Axes | None = None) -> Figure:
    """The heatmap of a Comparison: its share of matched facts (``fact_overlap``), titled and
    labelled as such. Story overlap (``similarity``) is about 1 for every pair of reports of
    one story, so a heatmap of it shows nothing; it is drawn only when a Comparison has no
    ``fact_overlap`` (one built by hand or read from old JSON)."""
    name = "similarity" if comparison.fact_overlap is None else "fact_overlap"
    title, label = OVERLAP_WORDS[name]
    return heatmap(getattr(comparison, name), comparison.sources, ax=ax, title=title, label=label)


def _figure(width: float, height: float) -> tuple[Figure, Axes]:
    """A new figure with one axes, on no GUI backend (safe in scripts, servers and notebooks)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=100, layout="constrained")
    return figure, figure.add_subplot()


def _blues() -> Colormap:
    from matplotlib import colormaps

    return colormaps["Blues"]


def _colour_range(values: np.ndarray) -> tuple[float, float]:
    """vmin/vmax fitted to ``values``: the lowest gets a pale but visible blue, not white."""
    if values.size == 0:
        return 0.0, 1.0
    low, high = float(values.min()), float(values.max())
    spread = high - low
    if spread < 1e-6:
        spread = max(abs(high), 0.05)
    return max(0.0, low - 0.3 * spread), high


def figure_png(figure: Figure, *, dpi: int = 100) -> bytes:
    """A figure as PNG bytes, identical for identical input (no timestamp metadata)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


def heatmap_png(
    matrix: np.ndarray,
    sources: Sequence[str],
    *,
    dpi: int = 100,
    title: str = "",
    label: str = "overlap (scale fitted to these pairs)",
) -> bytes:
    """The heatmap of ``matrix`` as PNG bytes (see :func:`heatmap` and :func:`figure_png`)."""
    return figure_png(heatmap(matrix, sources, title=title, label=label), dpi=dpi)


def overlap_heatmap_data_uri(comparison: Comparison) -> str:
    """:func:`overlap_heatmap` as a ``data:image/png;base64,...`` URI for self-contained HTML."""
    encoded = base64.b64encode(figure_png(overlap_heatmap(comparison))).decode("ascii")
    return f"data:image/png;base64,{encoded}"


#: Bar colours per fact category, the same hues as the HTML side-by-side view.
CATEGORY_COLOURS = {
    "shared": "#3f9a5a",
    "partial": "#4f86c6",
    "elsewhere": "#c9ced6",
    "unique": "#d49b1a",
}


def _outlet_labels(sources: Sequence[str], width: int = 26) -> list[str]:
    return [_label(source, i + 1, width=width) for i, source in enumerate(sources)]


def outlet_facts(comparison: Comparison, *, ax: Axes | None = None) -> Figure:
    """Horizontal stacked bars: for each outlet, how many of its facts (claims) all outlets
    report, some report, only it words (another possibly says it), and only it reports."""
    from summarize.render._view import FACT_CATEGORIES, outlet_fact_counts

    counts = outlet_fact_counts(comparison)
    sources = list(comparison.sources)
    if ax is None:
        figure, ax = _figure(9.0, 0.55 * len(sources) + 1.9)
    else:
        figure = ax.get_figure()  # type: ignore[assignment]
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
    if ax is None:
        figure, ax = _figure(9.0, 0.28 * len(rows) + 1.8)
    else:
        figure = ax.get_figure()  # type: ignore[assignment]
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
    shown = f"{len(rows)} of {len(comparison.claims)}" if limit else f"all {len(rows)}"
    ax.set_title(f"Which outlet reports which fact ({shown} claims)", fontsize=11)
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
    if ax is None:
        figure, ax = _figure(9.0, 0.6 * len(sources) + 1.9)
    else:
        figure = ax.get_figure()  # type: ignore[assignment]
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
    if ax is None:
        figure, ax = _figure(8.0, 0.55 * len(sources) + 1.4)
    else:
        figure = ax.get_figure()  # type: ignore[assignment]
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
    if ax is None:
        figure, ax = _figure(9.0, 0.5 * len(articles) + 1.6)
    else:
        figure = ax.get_figure()  # type: ignore[assignment]
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
    labels = [_label(article.source, i + 1, width=26) for i, article in enumerate(articles)]
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
