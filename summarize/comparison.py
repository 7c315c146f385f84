"""The :class:`Comparison`: what all outlets report, what only one does, and where they differ."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from summarize.alignment import Alignment, Claim, SentenceRef, align

if TYPE_CHECKING:
    import pandas as pd

    from summarize.articles import Article
    from summarize.embeddings import Embedder


#: Same-fact probability (of the calibrated rule) above which a sentence elsewhere may report the
#: same fact; such claims are left out of :attr:`Comparison.unique`.
POSSIBLY_SAME = 0.25


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
        unique: Outlet -> claims only that outlet reports: no other outlet has a sentence that
            even *possibly* reports the same fact (calibrated same-fact probability below
            :data:`POSSIBLY_SAME`), so a fact another outlet words differently is not called
            unique.
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

    def to_frame(self) -> pd.DataFrame:
        """A pandas DataFrame with one row per claim x outlet (see
        :func:`summarize.render.frames.comparison_frame` for the columns)."""
        from summarize.render.frames import comparison_frame

        return comparison_frame(self)

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        from summarize.render.markdown import comparison_markdown

        return {"text/plain": comparison_markdown(self), "text/html": self._repr_html_()}


def compare(
    articles: Sequence[Article] | Alignment,
    *,
    alignment: Alignment | None = None,
    embedder: Embedder | None = None,
    threshold: float | None = None,
) -> Comparison:
    """Compare articles about one story: overlap, shared and unique claims, differences.

    Args:
        articles: The articles (in the order their sources should be listed), or an
            :class:`~summarize.alignment.Alignment` already computed by
            :func:`~summarize.alignment.align`.
        alignment: A precomputed alignment of ``articles`` (skips re-aligning).
        embedder: Used only when an alignment has to be computed (default: the shared one).
        threshold: Same-fact cosine threshold for a new alignment (default: calibrated).

    Returns:
        A :class:`Comparison`. ``shared`` holds the claims every article supports; with more
        than three articles, those a strict majority supports (all-of-n gets brittle as n grows:
        one article that is only a short wire item would empty it). ``unique`` maps every source
        (in article order, present even when empty) to claims only it reports.
    """
    from summarize.differences import find_differences

    if isinstance(articles, Alignment):
        alignment = articles
    elif alignment is None:
        alignment = align(articles, embedder=embedder, threshold=threshold)
    sources = alignment.sources
    n = len(sources)
    needed = n if n <= 3 else n // 2 + 1
    shared = tuple(c for c in alignment.claims if n > 1 and c.support >= needed)
    reported_elsewhere = _possibly_reported_elsewhere(alignment)
    unique: dict[str, tuple[Claim, ...]] = {}
    for source in sources:
        unique[source] = tuple(
            c
            for c in alignment.claims
            if n > 1 and c.sources == (source,) and not reported_elsewhere(c)
        )
    return Comparison(
        sources=sources,
        similarity=alignment.similarity,
        claims=alignment.claims,
        shared=shared,
        unique=unique,
        differences=find_differences(alignment),
    )


def _possibly_reported_elsewhere(alignment: Alignment) -> Callable[[Claim], bool]:
    """Whether a one-outlet claim's sentence has a possible same-fact match in another article."""
    scores = alignment.best_scores
    if scores is None:
        return lambda claim: False
    bar = alignment.rule.threshold_at(POSSIBLY_SAME)
    starts = np.cumsum([0] + [len(vectors) for vectors in alignment.vectors])

    def elsewhere(claim: Claim) -> bool:
        ref = claim.sentences[0]
        row = np.delete(scores[starts[ref.article] + ref.index], ref.article)
        return bool((row >= bar).any())

    return elsewhere
