"""The overlap heatmap: an (n, n) matrix of outlets drawn cell by cell, and a Comparison's
share of matched facts drawn that way, as a Figure, PNG bytes or a data URI for the HTML page.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from summarize.render.figures import figure_and_axes, figure_png, outlet_label

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.colors import Colormap
    from matplotlib.figure import Figure

    from summarize.types import Comparison


#: Largest matrix drawn cell by cell; beyond, blocks of outlet pairs are drawn by their maximum.
MAX_CELLS = 300


#: Title and colour-bar label of each overlap matrix a Comparison holds, so a heatmap says
#: which of the two numbers it draws (the same names as the Markdown and HTML tables).
OVERLAP_WORDS = {
    "fact_overlap": (
        "Share of matched facts",
        "share of sentences with a same-fact match",
    ),
    "similarity": (
        "Story overlap",
        "probability of telling the same story",
    ),
}

#: Width of the heatmap figure in inches: the HTML page shows it 470 px wide at most and about
#: 340 px on a 390 px phone, where its smallest text (:data:`SMALLEST_TEXT` points) is still
#: 9 px or more (points / 72 x shown width / this width).
WIDTH = 4.7
#: The smallest font size (points) any heatmap text uses.
SMALLEST_TEXT = 10
#: Up to this many outlets, each cell prints its value and the rows name the outlets.
ANNOTATED = 8
NAMED = 6


def heatmap(
    matrix: np.ndarray,
    sources: Sequence[str],
    *,
    ax: Axes | None = None,
    title: str = "Overlap between outlets",
    label: str = "overlap (0 to 1)",
    scale: tuple[float, float] = (0.0, 1.0),
) -> Figure:
    """Draw an (n, n) overlap matrix as a heatmap on a fixed, labelled scale and return its
    Figure.

    The colour scale is fixed (``scale``, 0 to 1 for probabilities and shares), so a colour
    means the same value in every figure and 0.20 next to 0.24 looks nearly the same, as it
    is; up to :data:`ANNOTATED` outlets each cell also prints its value. The diagonal (each
    outlet with itself, always 1) is greyed out. :func:`overlap_heatmap` draws a Comparison's
    share of matched facts with matching words.

    Args:
        matrix: Overlap matrix, rows and columns in ``sources`` order, e.g. a Comparison's
            ``fact_overlap`` (share of matched facts) or ``similarity`` (story overlap).
        sources: Outlet names; labels are numbered like the briefing's citations.
        ax: Draw into these axes instead of a new figure (for notebooks with subplots).
        title: Axes title: say which matrix is drawn.
        label: Colour-bar label: what a cell's value means.
        scale: The values at the two ends of the colour scale.
    """
    matrix = np.asarray(matrix, dtype=float)
    n = len(sources)
    if matrix.shape != (n, n):
        raise ValueError(
            f"overlap matrix has shape {matrix.shape}, expected ({n}, {n}) for {n} sources"
        )
    low, high = scale
    figure, ax = figure_and_axes(ax, WIDTH, WIDTH * 0.92 + 0.5)
    if n > MAX_CELLS:
        # Thousands of outlets: each pixel shows the highest overlap in its block of pairs, so
        # strong pairs stay visible and matplotlib never resamples a 5,000 x 5,000 image.
        edges = np.arange(0, n, -(-n // MAX_CELLS))
        pooled = np.maximum.reduceat(np.maximum.reduceat(matrix, edges, axis=0), edges, axis=1)
        extent = (-0.5, n - 0.5, n - 0.5, -0.5)
        image = ax.imshow(
            pooled, cmap=_blues(), vmin=low, vmax=high, extent=extent, interpolation="nearest"
        )
    else:
        off_diagonal = ~np.eye(n, dtype=bool)
        masked = np.ma.masked_array(matrix, mask=~off_diagonal)
        cmap = _blues().with_extremes(bad="#e4e7eb")
        image = ax.imshow(masked, cmap=cmap, vmin=low, vmax=high)
    numbers = [f"[{i + 1}]" for i in range(n)]
    labels = (
        [outlet_label(source, i + 1, width=14) for i, source in enumerate(sources)]
        if n <= NAMED
        else numbers
    )
    ticks = range(n) if n <= 12 else range(0, n, max(1, n // 12))
    size = SMALLEST_TEXT
    ax.set_xticks(list(ticks), [numbers[i] for i in ticks], fontsize=size)
    # Labels are outlet names: never math ("$$" or "$5 vs $6" would reach the math parser).
    ax.set_yticks(list(ticks), [labels[i] for i in ticks], fontsize=size, parse_math=False)
    ax.set_xlabel("outlet (numbered as in the briefing)", fontsize=size)
    ax.set_ylabel("outlet", fontsize=size)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if n <= ANNOTATED:
        middle = low + 0.55 * (high - low)
        for i in range(n):
            for j in range(n):
                if i == j:
                    ax.text(j, i, "—", ha="center", va="center", color="#8a929c", fontsize=11)
                    continue
                value = matrix[i, j]
                color = "white" if value > middle else "#1b2a3a"
                ax.text(j, i, f"{value:.2f}", ha="center", va="center", color=color, fontsize=11)
    if title:
        ax.set_title(title, fontsize=12, parse_math=False)
    colour_bar = figure.colorbar(
        image, ax=ax, orientation="horizontal", shrink=0.9, aspect=30, pad=0.02
    )
    colour_bar.set_ticks([float(tick) for tick in np.linspace(low, high, 5)])
    colour_bar.ax.tick_params(labelsize=size)
    colour_bar.set_label(label, fontsize=size, parse_math=False)
    return figure


def overlap_heatmap(comparison: Comparison, *, ax: Axes | None = None) -> Figure:
    """The heatmap of a Comparison: its share of matched facts (``fact_overlap``), titled and
    labelled as such. Story overlap (``similarity``) is about 1 for every pair of reports of
    one story, so a heatmap of it shows nothing; it is drawn only when a Comparison has no
    ``fact_overlap`` (one built by hand or read from old JSON)."""
    name = "similarity" if comparison.fact_overlap is None else "fact_overlap"
    title, label = OVERLAP_WORDS[name]
    return heatmap(getattr(comparison, name), comparison.sources, ax=ax, title=title, label=label)


def _blues() -> Colormap:
    from matplotlib import colormaps

    return colormaps["Blues"]


def heatmap_png(
    matrix: np.ndarray,
    sources: Sequence[str],
    *,
    dpi: int = 100,
    title: str = "",
    label: str = "overlap (0 to 1)",
) -> bytes:
    """The heatmap of ``matrix`` as PNG bytes (see :func:`heatmap` and :func:`figure_png`)."""
    return figure_png(heatmap(matrix, sources, title=title, label=label), dpi=dpi)


def overlap_heatmap_data_uri(comparison: Comparison) -> str:
    """:func:`overlap_heatmap` as a ``data:image/png;base64,...`` URI for self-contained HTML."""
    # Twice the pixels of the figure's size: sharp on high-density screens, where the page
    # shows it at the figure's size or less.
    png = figure_png(overlap_heatmap(comparison), dpi=200, tight=True)
    encoded = base64.b64encode(png).decode("ascii")
    return f"data:image/png;base64,{encoded}"
