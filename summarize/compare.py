"""The :class:`Comparison`: what all outlets report, what only one does, and where they differ."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from summarize.alignment import Claim, SentenceRef


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
class Comparison:
    """How a set of articles about one story relate.

    Attributes:
        sources: Outlet names, in article order.
        similarity: (n, n) document overlap matrix, rows and columns in article order.
        claims: All claims (see :class:`~summarize.alignment.Claim`).
        shared: Claims supported by every article (by a majority when more than three).
        unique: Outlet -> claims only that outlet reports.
        differences: Aligned sentence pairs that disagree on numbers, dates, names or negation.
    """

    sources: tuple[str, ...]
    similarity: np.ndarray
    claims: tuple[Claim, ...]
    shared: tuple[Claim, ...]
    unique: dict[str, tuple[Claim, ...]]
    differences: tuple[Difference, ...]

    def _repr_html_(self) -> str:
        """Rich display in notebooks: heatmap, shared/unique claims, side-by-side columns."""
        from summarize.render.html import comparison_body, fragment

        return fragment(comparison_body(self))

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        from summarize.render.markdown import comparison_markdown

        return {"text/plain": comparison_markdown(self), "text/html": self._repr_html_()}
