"""The :class:`Comparison`: what all outlets report, what only one does, and where they differ."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from summarize.alignment import Alignment, Claim, SentenceRef, align
from summarize.overlap import default_model as default_overlap_model
from summarize.overlap import outliers, story_overlap

if TYPE_CHECKING:
    from summarize.articles import Article
    from summarize.embeddings import Embedder

logger = logging.getLogger(__name__)


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
        similarity: (n, n) story overlap, rows and columns in article order: the calibrated
            probability that two articles tell the same story (:mod:`summarize.overlap`), high
            for two reports of one story in different words, near 0 for different stories.
            1 on the diagonal.
        claims: All claims (see :class:`~summarize.alignment.Claim`).
        shared: Claims supported by every article (by a majority when more than three).
        unique: Outlet -> claims only that outlet reports: no other outlet has a sentence that
            even *possibly* reports the same fact (calibrated same-fact probability below
            :data:`POSSIBLY_SAME`), so a fact another outlet words differently is not called
            unique.
        differences: Aligned sentence pairs that disagree on numbers, dates, names or negation.
        fact_overlap: (n, n) share of matched facts: the share of each article's sentences
            with a same-fact match in the other, averaged both ways (how much of each report
            the other repeats, sentence by sentence; two reports of one story in different
            words can score 0 here and high in ``similarity``).
        off_story: Sources that do not seem to be about the same story as the others (their
            story overlap with the main group is below the calibrated bar); empty when all
            articles tell one story. ``brief``/``compare`` log a warning naming them.
    """

    sources: tuple[str, ...]
    similarity: np.ndarray
    claims: tuple[Claim, ...]
    shared: tuple[Claim, ...]
    unique: dict[str, tuple[Claim, ...]]
    differences: tuple[Difference, ...]
    fact_overlap: np.ndarray | None = None
    off_story: tuple[str, ...] = ()

    def _repr_html_(self) -> str:
        """Rich display in notebooks: heatmap, shared/unique claims, side-by-side columns."""
        from summarize.render.html import comparison_body, fragment

        return fragment(comparison_body(self))

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
    similarity = story_overlap(_sentences(alignment), alignment.vectors)
    off_story = tuple(sources[i] for i in outliers(similarity))
    if off_story:
        logger.warning(
            "These articles do not seem to be about the same story as the others (story "
            "overlap below %.2f): %s. The comparison and briefing mix stories; remove them, or "
            "group the articles into stories first.",
            default_overlap_model().bar,
            ", ".join(repr(source) for source in off_story),
        )
    return Comparison(
        sources=sources,
        similarity=similarity,
        claims=alignment.claims,
        shared=shared,
        unique=unique,
        differences=find_differences(alignment),
        fact_overlap=alignment.similarity,
        off_story=off_story,
    )


def _sentences(alignment: Alignment) -> list[list[str]]:
    """Each article's sentences, read back from the claims (every sentence is in one)."""
    sentences: list[list[str]] = [[""] * len(vectors) for vectors in alignment.vectors]
    for claim in alignment.claims:
        for ref in claim.sentences:
            sentences[ref.article][ref.index] = ref.text
    return sentences


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
