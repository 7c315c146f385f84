"""Alignment results: located sentences, cross-source matches, claims and the same-fact rule."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from summarize.defaults import DEFAULT_EMBEDDER


@dataclass(frozen=True, order=True)
class SentenceRef:
    """A sentence located in the input: ``article`` and ``index`` are positions, 0-based."""

    article: int
    index: int
    text: str
    source: str


@dataclass(frozen=True)
class Match:
    """Two sentences from different articles judged to state the same fact."""

    a: SentenceRef
    b: SentenceRef
    score: float


@dataclass(frozen=True)
class Claim:
    """One fact and the sentences (one or more outlets) that report it.

    ``sources`` lists the supporting outlets in article order.
    """

    sentences: tuple[SentenceRef, ...]
    sources: tuple[str, ...]

    @property
    def support(self) -> int:
        return len(self.sources)


def word_overlap(left: frozenset[str], right: frozenset[str]) -> float:
    """Jaccard overlap of two word sets (made by ``summarize.comparison.calibration.word_set``)."""
    return len(left & right) / max(1, len(left | right))


@dataclass(frozen=True)
class SameFact:
    """The calibrated "these two sentences report the same fact" decision.

    Two sentences report the same fact when ``cosine + overlap_weight * word_overlap >= threshold``
    (word overlap: :func:`summarize.comparison.calibration.token_jaccard`). It is a logistic model
    over the two features, fitted on STS-B news pairs that annotators scored >= 3, rescaled to
    cosine units (``python -m benchmarks.calibrate``). Word overlap matters most for static
    embeddings, which score any two sentences on the same topic high: on 30 Multi-News stories the
    cosine alone agreed with the transformer's matches at 0.19 precision, cosine + overlap at 0.72
    (``python -m benchmarks.agreement``).
    ``overlap_weight=0`` is a plain cosine threshold.
    """

    threshold: float
    overlap_weight: float = 0.0
    slope: float = 0.0

    def threshold_at(self, probability: float) -> float:
        """The score at which the fitted logistic model gives ``probability`` (``slope``: its
        cosine coefficient; without one, the threshold itself)."""
        if self.slope <= 0:
            return self.threshold
        return self.threshold + math.log(probability / (1.0 - probability)) / self.slope

    def probability(self, scores: np.ndarray) -> np.ndarray:
        """The fitted logistic model's probability that pairs with these scores (cosine plus
        weighted word overlap) report the same fact; 0/1 at the threshold without a slope.
        The inverse of :meth:`threshold_at`."""
        scores = np.asarray(scores, dtype=np.float64)
        if self.slope <= 0:
            return (scores >= self.threshold).astype(np.float64)
        z = self.slope * (scores - self.threshold)
        return 1.0 / (1.0 + np.exp(-np.clip(z, -50.0, 50.0)))

    @property
    def lowest_passing_cosine(self) -> float:
        """Pairs with a lower cosine cannot pass: word overlap adds at most ``overlap_weight``."""
        return self.threshold - self.overlap_weight

    def score(self, cosine: float, left: frozenset[str], right: frozenset[str]) -> float:
        """The decision score of one pair (compare with :attr:`threshold`)."""
        if not self.overlap_weight:
            return cosine
        return cosine + self.overlap_weight * word_overlap(left, right)

    def scores(self, cosine: np.ndarray, overlap: np.ndarray) -> np.ndarray:
        """:meth:`score` for many pairs at once: float64 cosines and their word overlaps
        (:func:`word_overlap` values); the same arithmetic, so the same results."""
        if not self.overlap_weight:
            return cosine
        return cosine + self.overlap_weight * overlap


@dataclass(frozen=True, eq=False)
class FactSupport:
    """Which outlets report each sentence's fact, by the sentence-to-article support model
    (:mod:`summarize.comparison.fact_support`).

    Attributes:
        best: ``(n_sentences, n_articles)`` probability that each article (articles in order,
            sentences in order) reports one of each sentence's facts, read from the whole
            article (its own article: 1; a junk sentence: 0; 1 where the pair model finds one
            sentence of that article stating it at its own ``cite`` bar).
        cite: The probability from which an outlet counts as stating a sentence's fact
            (a merged-digest sentence cites it).
        possibly_same: The probability from which another outlet possibly states it (the
            sentence is not "only one outlet reports").
    """

    best: np.ndarray
    cite: float
    possibly_same: float

    def row(self, alignment: Alignment, article: int, index: int) -> np.ndarray:
        """The ``best`` row of sentence ``index`` of ``article``."""
        start = sum(len(v) for v in alignment.vectors[:article])
        return np.asarray(self.best[start + index])

    def stating(self, alignment: Alignment, article: int, index: int) -> tuple[str, ...]:
        """The outlets (in article order) that state the sentence's fact, its own included."""
        row = self.row(alignment, article, index)
        return tuple(
            s for a, s in enumerate(alignment.sources) if a == article or row[a] >= self.cite
        )


@dataclass(frozen=True, eq=False)
class Alignment:
    """Everything computed once from the sentence vectors and reused downstream.

    Attributes:
        sources: Outlet names, in article order.
        vectors: One (n_sentences, dim) array of unit-length sentence vectors per article.
        matches: Cross-source sentence pairs at or above the same-fact threshold where one
            sentence is the other's best match in its article; each pair once, ordered by
            position (first sentence's article and index, then the second's).
        claims: Sentences grouped into claims; every sentence of every article is in exactly one.
        fact_overlap: (n, n) document overlap matrix in article order: entry (a, b) is the mean
            of two shares, "share of a's sentences that report a fact b reports too" and the
            same for b in a. With fact claims, a sentence counts when one of
            :attr:`fact_claims` holds it and a sentence of b (so the table agrees with the
            comparison's lists); without, when its best match in b passes the same-fact rule.
            It reads as "how much of each report the other one covers", is symmetric, 1 on
            the diagonal, and near 0 for unrelated texts (a mean best-match cosine would not
            be: any two news texts share some vocabulary, so it never drops far below ~0.3 and
            is hard to read).
        threshold: The same-fact threshold used, on the scale of
            ``cosine + overlap_weight * word overlap`` (see :class:`SameFact`).
        embedder: Name of the embedder that made the vectors (its calibration applies).
        overlap_weight: Weight of word overlap in the same-fact decision (0: cosine only).
        slope: Cosine coefficient of the calibrated logistic model (0: a plain threshold); with
            ``threshold`` and ``overlap_weight`` it rebuilds the :class:`SameFact` rule.
        best_scores: ``(n_sentences, n_articles)`` same-fact score of each sentence (articles
            in order, sentences in order) with its best match in each article (pairs too far
            below the threshold to pass keep their cosine, a lower bound).
        facts: With ``claims="facts"`` (:func:`~summarize.comparison.alignment.align`), the
            story-internal same-fact model's view of each sentence and outlet (citations,
            "only one outlet reports"); ``None`` otherwise.
        fact_claims: With ``claims="facts"``, the sentences grouped by the story-internal
            model (a claim may hold several sentences of one outlet, and with the default
            grouping a sentence that states two facts is in two claims): what the
            comparison shows. ``claims`` stays the one-sentence-per-outlet grouping the
            digests pick from and the disputes compare. ``None`` otherwise.
        repeat_claims: With ``claims="facts"``, the grouping the merged digest reads to state
            a fact once (:mod:`~summarize.summarizers.repeats`) and the disputes read as claim
            mates: average linkage of the logistic pair model with its second claims, the
            same as ``fact_claims`` unless those come from the boosted trees
            (:data:`summarize.defaults.FACT_GROUPING`; the digest skipping by the trees'
            claims left NeuS digests too short: BENCHMARKS.md, "Fact claims by boosted
            trees"). ``None`` otherwise.
    """

    sources: tuple[str, ...]
    vectors: tuple[np.ndarray, ...]
    matches: tuple[Match, ...]
    claims: tuple[Claim, ...]
    fact_overlap: np.ndarray
    threshold: float
    embedder: str = DEFAULT_EMBEDDER
    overlap_weight: float = 0.0
    slope: float = 0.0
    best_scores: np.ndarray | None = None
    facts: FactSupport | None = None
    fact_claims: tuple[Claim, ...] | None = None
    repeat_claims: tuple[Claim, ...] | None = None

    @property
    def compared_claims(self) -> tuple[Claim, ...]:
        """The claims a comparison shows: :attr:`fact_claims` when there are, else
        :attr:`claims`."""
        return self.claims if self.fact_claims is None else self.fact_claims

    @property
    def rule(self) -> SameFact:
        """The same-fact rule this alignment used."""
        return SameFact(self.threshold, self.overlap_weight, self.slope)
