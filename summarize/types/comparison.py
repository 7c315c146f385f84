"""Comparison results: what all outlets report, what only one does, and where they differ."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from summarize.types.alignment import Claim, SentenceRef
from summarize.types.display import RichDisplay

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
        similarity: (n, n) story overlap, rows and columns in article order: the calibrated
            probability that two articles tell the same story (:mod:`summarize.overlap`), high
            for two reports of one story in different words, near 0 for different stories.
            1 on the diagonal.
        claims: All claims (see :class:`~summarize.types.Claim`).
        shared: Claims supported by every article (by a majority when more than three).
        unique: Outlet -> claims only that outlet reports: no other outlet has a sentence that
            even *possibly* reports the same fact (calibrated same-fact probability below
            :data:`~summarize.defaults.POSSIBLY_SAME`), so a fact another outlet words
            differently is not called unique.
        differences: Aligned sentence pairs that disagree on numbers, dates, names or negation.
        fact_overlap: (n, n) share of matched facts: the share of each article's sentences
            with a same-fact match in the other, averaged both ways (how much of each report
            the other repeats, sentence by sentence; two reports of one story in different
            words can score 0 here and high in ``similarity``).
        off_story: Sources that do not seem to be about the same story as the others (their
            story overlap with the main group is below the calibrated bar); empty when all
            articles tell one story. ``brief``/``compare`` log a warning naming them.

    In a notebook it displays as a heatmap, shared/unique claims and side-by-side columns.
    """

    sources: tuple[str, ...]
    similarity: np.ndarray
    claims: tuple[Claim, ...]
    shared: tuple[Claim, ...]
    unique: dict[str, tuple[Claim, ...]]
    differences: tuple[Difference, ...]
    fact_overlap: np.ndarray | None = None
    off_story: tuple[str, ...] = ()
