"""Cross-source sentence alignment: which sentences in different outlets report the same fact."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


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


@dataclass(frozen=True, eq=False)
class Alignment:
    """Everything computed once from the sentence vectors and reused downstream.

    Attributes:
        sources: Outlet names, in article order.
        vectors: One (n_sentences, dim) array of unit-length sentence vectors per article.
        matches: Cross-source sentence pairs above the same-fact threshold.
        claims: Sentences grouped into claims; every sentence of every article is in exactly one.
        similarity: (n, n) document overlap matrix (see ``document_similarity``).
        threshold: The same-fact cosine threshold used.
    """

    sources: tuple[str, ...]
    vectors: tuple[np.ndarray, ...]
    matches: tuple[Match, ...]
    claims: tuple[Claim, ...]
    similarity: np.ndarray
    threshold: float
