"""Faithfulness guard: is each generated sentence backed by a source sentence?

A generative model can state things no outlet said. Each generated sentence is embedded and
compared with every source sentence; its support is the best cosine similarity. At or above the
calibrated same-fact threshold (the one the cross-source alignment uses, so "supported" means
the same as "two outlets report the same fact") the sentence cites every outlet that has such a
sentence; below it, it is kept but flagged ``supported=False`` with no sources, so renderers
never present it as fact.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from summarize.digest import DigestSentence

if TYPE_CHECKING:
    from summarize.articles import Article
    from summarize.embeddings import Embedder

logger = logging.getLogger(__name__)

__all__ = ["FALLBACK_THRESHOLD", "check", "same_fact_threshold"]

#: Used when no calibrated threshold ships with the package: a cosine (all-MiniLM-L6-v2) above
#: which two sentences almost always state the same fact in paraphrase benchmarks.
FALLBACK_THRESHOLD = 0.7


def same_fact_threshold(model: str | None = None) -> float:
    """The calibrated same-fact cosine threshold for embedder ``model``.

    Uses :func:`summarize.alignment.same_fact_threshold` (from ``summarize/data/same_fact.json``)
    so "supported" means what "two outlets report the same fact" means in the alignment; falls
    back to :data:`FALLBACK_THRESHOLD` if that calibration cannot be read.
    """
    try:
        from summarize.alignment import same_fact_threshold as calibrated

        return float(calibrated(model))
    except (ImportError, OSError, KeyError, TypeError, ValueError):
        logger.warning("No calibrated same-fact threshold; using %.2f.", FALLBACK_THRESHOLD)
        return FALLBACK_THRESHOLD


def check(
    sentences: Sequence[str],
    articles: Sequence[Article],
    *,
    embedder: Embedder,
    threshold: float | None = None,
) -> tuple[DigestSentence, ...]:
    """Align generated ``sentences`` to the ``articles`` and flag the unsupported ones.

    Args:
        sentences: Generated sentences, in order.
        articles: The sources they were generated from.
        embedder: Embedder for both sides (source vectors come from its cache when the
            articles were embedded before).
        threshold: Same-fact cosine threshold; default :func:`same_fact_threshold`.

    Returns:
        One :class:`~summarize.digest.DigestSentence` per input sentence: ``score`` is the best
        similarity to any source sentence; ``sources`` the outlets (in article order) with a
        sentence at or above the threshold; ``supported`` whether there is any.
    """
    if threshold is None:
        threshold = same_fact_threshold(getattr(embedder, "model_name", None))
    if not sentences:
        return ()
    generated = embedder.encode(list(sentences))
    best_per_article = np.full((len(sentences), len(articles)), -1.0, dtype=np.float32)
    for a, article in enumerate(articles):
        if article.sentences:
            source = embedder.encode(list(article.sentences))
            best_per_article[:, a] = (generated @ source.T).max(axis=1)
    out = []
    for i, text in enumerate(sentences):
        row = best_per_article[i]
        sources = tuple(article.source for a, article in enumerate(articles) if row[a] >= threshold)
        score = float(row.max()) if row.size else 0.0
        if not sources:
            logger.info("Unsupported generated sentence (best %.2f): %s", score, text)
        out.append(DigestSentence(text=text, sources=sources, supported=bool(sources), score=score))
    return tuple(out)
