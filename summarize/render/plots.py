"""The overlap heatmap, drawn with matplotlib's Agg canvas (no GUI, no global pyplot state)."""

from __future__ import annotations

import base64
import io
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


#: Largest matrix drawn cell by cell; beyond, blocks of outlet pairs are drawn by their maximum.
MAX_CELLS = 300


def _label(source: str, number: int, width: int = 18) -> str:
    return f"[{number}] " + "\n".join(textwrap.wrap(source, width=width) or [source])


def heatmap(
    similarity: np.ndarray,
    sources: Sequence[str],
    *,
    ax: Axes | None = None,
    title: str = "Overlap between outlets",
) -> Figure:
    """Draw the (n, n) similarity matrix as an annotated heatmap and return its Figure.

    Args:
        similarity: Document overlap matrix, rows and columns in ``sources`` order.
        sources: Outlet names; labels are numbered like the briefing's citations.
        ax: Draw into these axes instead of a new figure (for notebooks with subplots).
        title: Axes title.
    """
    from matplotlib.figure import Figure

    matrix = np.asarray(similarity, dtype=float)
    n = len(sources)
    if matrix.shape != (n, n):
        raise ValueError(
            f"similarity has shape {matrix.shape}, expected ({n}, {n}) for {n} sources"
        )
    detailed = n <= 12  # beyond that, numbers in cells and long labels are unreadable
    if ax is None:
        side = min(1.0 * n + 1.4, 9.0)
        figure = Figure(figsize=(side + 2.4, side), dpi=100, layout="constrained")
        ax = figure.add_subplot()
    else:
        figure = ax.get_figure()  # type: ignore[assignment]
    if n > MAX_CELLS:
        # Thousands of outlets: each pixel shows the highest overlap in its block of pairs, so
        # strong pairs stay visible and matplotlib never resamples a 5,000 x 5,000 image.
        edges = np.arange(0, n, -(-n // MAX_CELLS))
        pooled = np.maximum.reduceat(np.maximum.reduceat(matrix, edges, axis=0), edges, axis=1)
        extent = (-0.5, n - 0.5, n - 0.5, -0.5)
        image = ax.imshow(
            pooled, cmap="Blues", vmin=0.0, vmax=1.0, extent=extent, interpolation="nearest"
        )
    else:
        image = ax.imshow(matrix, cmap="Blues", vmin=0.0, vmax=1.0)
    numbers = [f"[{i + 1}]" for i in range(n)]
    labels = [_label(source, i + 1) for i, source in enumerate(sources)] if detailed else numbers
    ticks = range(n) if detailed else range(0, n, max(1, n // 12))
    ax.set_xticks(list(ticks), [numbers[i] for i in ticks])
    # Labels are outlet names: never math ("$$" or "$5 vs $6" would reach the math parser).
    ax.set_yticks(list(ticks), [labels[i] for i in ticks], fontsize=9, parse_math=False)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if detailed:
        for i in range(n):
            for j in range(n):
                value = matrix[i, j]
                color = "white" if value > 0.6 else "#1b2a3a"
                ax.text(j, i, f"{value:.2f}", ha="center", va="center", color=color, fontsize=10)
    if title:
        ax.set_title(title, fontsize=11, parse_math=False)
    figure.colorbar(image, ax=ax, shrink=0.85, label="overlap")
    return figure


def heatmap_png(
    similarity: np.ndarray, sources: Sequence[str], *, dpi: int = 100, title: str = ""
) -> bytes:
    """The heatmap as PNG bytes, identical for identical input (no timestamp metadata)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = heatmap(similarity, sources, title=title)
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


def heatmap_data_uri(similarity: np.ndarray, sources: Sequence[str]) -> str:
    """The heatmap as a ``data:image/png;base64,...`` URI for self-contained HTML."""
    encoded = base64.b64encode(heatmap_png(similarity, sources)).decode("ascii")
    return f"data:image/png;base64,{encoded}"
