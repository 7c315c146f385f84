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

from summarize.comparison.calibration import same_fact, same_fact_threshold, word_set
from summarize.errors import InputError
from summarize.types.alignment import SameFact
from summarize.types.digest import DigestSentence

if TYPE_CHECKING:
    from summarize.models.embeddings import Embedder
    from summarize.types.alignment import Alignment
    from summarize.types.article import Article

logger = logging.getLogger(__name__)

__all__ = ["check", "same_fact_threshold"]


def check(
    sentences: Sequence[str],
    articles: Sequence[Article],
    *,
    alignment: Alignment,
    embedder: Embedder,
    threshold: float | None = None,
) -> tuple[DigestSentence, ...]:
    """Align generated ``sentences`` to the ``articles`` and flag the unsupported ones.

    Args:
        sentences: Generated sentences, in order.
        articles: The sources they were generated from.
        alignment: The articles' alignment: source sentence vectors are read from it (never
            embedded again) and its embedder's calibrated rule applies.
        embedder: Embeds the generated sentences (the model that made ``alignment``).
        threshold: A plain same-fact cosine threshold. ``None`` (default): the embedder's
            calibrated rule over cosine and word overlap, the one the alignment uses
            (:func:`summarize.comparison.calibration.same_fact`).

    Returns:
        One :class:`~summarize.pipeline.digest.DigestSentence` per input sentence: ``score`` is the
        best
        cosine to any source sentence; ``sources`` the outlets (in article order) with a
        sentence that reports the same fact; ``supported`` whether there is any.
    """
    if not sentences:
        return ()
    if len(alignment.vectors) != len(articles):
        raise InputError(
            f"The alignment holds {len(alignment.vectors)} articles, not the {len(articles)} "
            "given; align these articles (summarize.comparison.alignment.align)."
        )
    rule = same_fact(alignment.embedder) if threshold is None else SameFact(float(threshold))
    generated = embedder.encode(list(sentences))
    generated_words = [word_set(text) for text in sentences]
    best_cosine = np.full((len(sentences), len(articles)), -1.0, dtype=np.float32)
    supported_by = np.zeros((len(sentences), len(articles)), dtype=bool)
    for a, article in enumerate(articles):
        if not article.sentences:
            continue
        cosines = generated @ alignment.vectors[a].T
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
