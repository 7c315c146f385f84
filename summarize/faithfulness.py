"""Faithfulness guard: is each generated sentence backed by a source sentence?

A generative model can state things no outlet said. Each generated sentence is embedded and
compared with every source sentence; its support is the best cosine similarity. When it passes
the calibrated same-fact rule (the one the cross-source alignment uses, so "supported" means the
same as "two outlets report the same fact") the sentence cites every outlet that has such a
sentence; below it, it is kept but flagged ``supported=False`` with no sources, so renderers
never present it as fact.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from summarize.alignment import SameFact, same_fact, same_fact_threshold, word_set
from summarize.types.digest import DigestSentence

if TYPE_CHECKING:
    from summarize.embeddings import Embedder
    from summarize.types.article import Article

logger = logging.getLogger(__name__)

__all__ = ["check", "same_fact_threshold"]


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
        threshold: A plain same-fact cosine threshold. ``None`` (default): the embedder's
            calibrated rule over cosine and word overlap, the one the alignment uses
            (:func:`summarize.alignment.same_fact`).

    Returns:
        One :class:`~summarize.digest.DigestSentence` per input sentence: ``score`` is the best
        cosine to any source sentence; ``sources`` the outlets (in article order) with a
        sentence that reports the same fact; ``supported`` whether there is any.
    """
    if threshold is None:
        rule = same_fact(getattr(embedder, "model_name", None))
    else:
        rule = SameFact(float(threshold))
    if not sentences:
        return ()
    generated = embedder.encode(list(sentences))
    generated_words = [word_set(text) for text in sentences]
    best_cosine = np.full((len(sentences), len(articles)), -1.0, dtype=np.float32)
    supported_by = np.zeros((len(sentences), len(articles)), dtype=bool)
    for a, article in enumerate(articles):
        if not article.sentences:
            continue
        cosines = generated @ embedder.encode(list(article.sentences)).T
        best_cosine[:, a] = cosines.max(axis=1)
        source_words = [word_set(text) for text in article.sentences]
        for i, j in zip(*np.nonzero(cosines >= rule.lowest_passing_cosine), strict=True):
            if not supported_by[i, a]:
                score = rule.score(float(cosines[i, j]), generated_words[i], source_words[j])
                supported_by[i, a] = score >= rule.threshold
    out = []
    for i, text in enumerate(sentences):
        sources = tuple(article.source for a, article in enumerate(articles) if supported_by[i, a])
        score = float(best_cosine[i].max()) if len(articles) else 0.0
        if not sources:
            logger.info("Unsupported generated sentence (best cosine %.2f): %s", score, text)
        out.append(DigestSentence(text=text, sources=sources, supported=bool(sources), score=score))
    return tuple(out)
