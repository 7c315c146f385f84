"""Figure plumbing every plot shares: a figure on no GUI backend, the axes to draw into,
outlet labels numbered like the briefing's citations, and PNG bytes."""

from __future__ import annotations

import io
import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


def outlet_label(source: str, number: int, width: int = 18) -> str:
    return f"[{number}] " + "\n".join(textwrap.wrap(source, width=width) or [source])


def new_figure(width: float, height: float) -> tuple[Figure, Axes]:
    """A new figure with one axes, on no GUI backend (safe in scripts, servers and notebooks)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=100, layout="constrained")
    return figure, figure.add_subplot()


def figure_and_axes(ax: Axes | None, width: float, height: float) -> tuple[Figure, Axes]:
    """``ax`` with its figure, or, when ``ax`` is None, a new ``width`` x ``height`` inch
    figure with one axes (:func:`new_figure`)."""
    if ax is None:
        return new_figure(width, height)
    return ax.get_figure(), ax  # type: ignore[return-value]


def figure_png(figure: Figure, *, dpi: int = 100, tight: bool = False) -> bytes:
    """A figure as PNG bytes, identical for identical input (no timestamp metadata);
    ``tight`` crops the empty margins (a page showing it at a fixed width then draws its
    text no smaller)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    if tight:
        figure.savefig(
            buffer,
            format="png",
            dpi=dpi,
            metadata={"Software": None},
            bbox_inches="tight",
            pad_inches=0.08,
        )
    else:
        figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()
