"""Comparison results: what all outlets report, what only one does, and where they differ."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from summarize.types.alignment import Claim, SentenceRef
from summarize.types.display import RichDisplay, frame

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Comparison", "Difference"]


@dataclass(frozen=True)
class Difference:
    """Two aligned sentences that disagree on a checkable detail.

    ``kind`` is one of "number", "date", "entity", "negation"; ``left``/``right`` hold the
    conflicting values (e.g. "3.7%" vs "4%").
    """

    a: SentenceRef
    b: SentenceRef
    kind: str
    left: str
    right: str
    score: float


@dataclass(frozen=True, eq=False)
class Comparison(RichDisplay):
    """How a set of articles about one story relate.

    Attributes:
        sources: Outlet names, in article order.
        similarity: (n, n) document overlap matrix, rows and columns in article order.
        claims: All claims (see :class:`~summarize.types.Claim`).
        shared: Claims supported by every article (by a majority when more than three).
        unique: Outlet -> claims only that outlet reports: no other outlet has a sentence that
            even *possibly* reports the same fact (calibrated same-fact probability below
            :data:`~summarize.defaults.POSSIBLY_SAME`), so a fact another outlet words
            differently is not called unique.
        differences: Aligned sentence pairs that disagree on numbers, dates, names or negation.

    In a notebook it displays as a heatmap, shared/unique claims and side-by-side columns.
    """

    sources: tuple[str, ...]
    similarity: np.ndarray
    claims: tuple[Claim, ...]
    shared: tuple[Claim, ...]
    unique: dict[str, tuple[Claim, ...]]
    differences: tuple[Difference, ...]

    def to_frame(self) -> pd.DataFrame:
        """A pandas DataFrame, one row per claim x outlet: claim number, outlet, whether it
        reports the claim, its wording and sentence indices, support and category (see
        :func:`summarize.render.frames.comparison_frame`)."""
        result: pd.DataFrame = frame(self)
        return result
