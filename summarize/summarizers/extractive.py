"""Extractive digests: rank source sentences with their embeddings and pick a budget's worth.

Scoring (all features in [0, 1], weights are keyword parameters):

* **centrality**: cosine similarity to the centroid of the text (the story's centroid for a
  merged digest), min-max scaled within the input; what the text is mostly about.
* **position**: ``1 / (1 + index / lead)``; news puts the key facts first (lead bias).
* **support** (merged only): the share of outlets that report the sentence's claim.
* **lexical centrality**: how many sentences of the text (the whole story when merged) share
  the sentence's content words, on average (SumBasic-like); the exact names and nouns a story
  repeats, which embeddings blur.
* **lead similarity** (per source only): cosine to the mean of the first three content
  sentences; a later sentence that restates the lead stands in for it when it does not fit.

Selection (:mod:`summarize.summarizers.selection`) is either maximal marginal relevance (MMR)
under the limits: repeatedly take the sentence with the best
``score - diversity * max_similarity_to_chosen`` that still fits the word budget (a sentence
that does not fit is skipped, never cut), skipping near-duplicates of chosen ones; or
``"fill"``: the set of sentences that best fills the word budget. The output is in reading
order. Everything is deterministic (ties break on position).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np

from summarize.defaults import MERGED_EXTRACTIVE, PER_SOURCE_EXTRACTIVE
from summarize.errors import InputError
from summarize.summarizers.selection import fill_budget, select
from summarize.types.digest import Digest, DigestSentence, Limits

if TYPE_CHECKING:
    from summarize.types.alignment import Alignment
    from summarize.types.article import Article

logger = logging.getLogger(__name__)

__all__ = ["MERGED", "PER_SOURCE", "ExtractiveSummarizer", "select"]

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


def _words(text: str) -> int:
    return len(text.split())


def _scale(values: np.ndarray) -> np.ndarray:
    """Min-max scale to [0, 1]; a constant input maps to ones."""
    if values.size == 0:
        return values
    low, high = float(values.min()), float(values.max())
    if high - low < 1e-9:
        return np.ones_like(values)
    return (values - low) / (high - low)


def _centrality(vectors: np.ndarray) -> np.ndarray:
    centroid = vectors.mean(axis=0)
    norm = float(np.linalg.norm(centroid))
    if norm < 1e-9:
        return np.zeros(len(vectors), dtype=np.float32)
    return _scale(vectors @ (centroid / norm))


def _content_words(text: str) -> set[str]:
    """Lower-cased words of 3+ letters that are not English stop words."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return {word.lower() for word in _WORD.findall(text)} - ENGLISH_STOP_WORDS


def _lexical_centrality(sentences: Sequence[str]) -> np.ndarray:
    """How widely a sentence's content words are shared: the mean, over its content words, of
    the number of sentences of the text that use the word (SumBasic-like), min-max scaled.

    It complements the embedding centrality with the exact words (names, numbers' nouns) that
    a story repeats, which is what summaries of it repeat too.
    """
    words = [_content_words(s) for s in sentences]
    frequency: dict[str, int] = {}
    for bag in words:
        for word in bag:
            frequency[word] = frequency.get(word, 0) + 1
    raw = np.array(
        [np.mean([frequency[w] for w in bag]) if bag else 0.0 for bag in words], dtype=np.float32
    )
    return _scale(raw)


def _lead_similarity(vectors: np.ndarray, content: np.ndarray, *, lead: int = 3) -> np.ndarray:
    """Cosine to the mean of the first ``lead`` content sentences, min-max scaled.

    News puts the story in its first sentences; a later sentence that restates them is a
    good stand-in when they do not fit the budget.
    """
    first = np.flatnonzero(content)[:lead]
    if first.size == 0:
        return np.zeros(len(vectors), dtype=np.float32)
    anchor = vectors[first].mean(axis=0)
    norm = float(np.linalg.norm(anchor))
    if norm < 1e-9:
        return np.zeros(len(vectors), dtype=np.float32)
    return _scale(vectors @ (anchor / norm))


def _is_content(text: str, *, min_words: int) -> bool:
    """A sentence worth extracting: enough words, mostly letters (not a caption or a list tag)."""
    if _words(text) < min_words:
        return False
    letters = len(_LETTERS.findall(text))
    return letters >= 0.5 * len(text.replace(" ", ""))


@dataclass(frozen=True)
class ExtractiveSummarizer:
    """Rank and extract verbatim source sentences.

    Args:
        centrality_weight: Weight of closeness to the text's centroid.
        position_weight: Weight of the lead bias.
        support_weight: Weight of the share of outlets reporting a claim (merged digests).
        lexical_weight: Weight of lexical centrality (shared content words).
        lead_similarity_weight: Weight of closeness to the lead (per-source digests).
        lead: Position scale in sentences: the sentence at index ``lead`` scores 0.5.
        diversity: MMR redundancy weight (0 = none).
        duplicate: Cosine above which a candidate counts as a repeat of a chosen sentence;
            ``None``: the embedder's calibrated ``duplicate_threshold``
            (:func:`summarize.alignment.same_fact_params`; 0.85 for all-MiniLM-L6-v2, the
            cosine at the same quantile for the static default).
        min_words: Shorter sentences (captions, datelines, "Photo: ...") are not extracted
            unless nothing else is left.
        selection: ``"mmr"`` (greedy, with the redundancy penalty) or ``"fill"``
            (:func:`~summarize.summarizers.selection.fill_budget`: the sentences that best
            fill the word budget; MMR when there is no word limit).
    """

    centrality_weight: float = 1.0
    position_weight: float = 1.0
    support_weight: float = 1.0
    lexical_weight: float = 0.0
    lead_similarity_weight: float = 0.0
    lead: float = 3.0
    diversity: float = 0.5
    duplicate: float | None = None
    min_words: int = 10
    selection: Literal["mmr", "fill"] = "mmr"

    name = "extractive"

    def _select(
        self,
        scores: np.ndarray,
        vectors: np.ndarray,
        word_counts: list[int],
        limits: Limits,
        *,
        embedder: str,
    ) -> list[int]:
        duplicate = self.duplicate
        if duplicate is None:
            from summarize.alignment import same_fact_params

            duplicate = same_fact_params(embedder)["duplicate_threshold"]
        if self.selection == "fill":
            return fill_budget(scores, vectors, word_counts, limits=limits, duplicate=duplicate)
        return select(
            scores,
            vectors,
            word_counts,
            limits=limits,
            diversity=self.diversity,
            duplicate=duplicate,
        )

    def _position(self, count: int) -> np.ndarray:
        return 1.0 / (1.0 + np.arange(count, dtype=np.float32) / self.lead)

    def _content_mask(self, sentences: Sequence[str]) -> np.ndarray:
        mask = np.array([_is_content(s, min_words=self.min_words) for s in sentences], bool)
        return mask if mask.any() else np.ones(len(sentences), dtype=bool)

    def sentence_scores(self, sentences: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        """Relevance of each sentence of one text (non-content sentences get -inf)."""
        content = self._content_mask(sentences)
        score = (
            self.centrality_weight * _centrality(vectors)
            + self.position_weight * self._position(len(sentences))
            + self.lexical_weight * _lexical_centrality(sentences)
            + self.lead_similarity_weight * _lead_similarity(vectors, content)
        )
        return np.where(content, score, -np.inf)

    def __call__(
        self, articles: Sequence[Article], *, alignment: Alignment, limits: Limits
    ) -> Digest:
        """A per-source digest of one article, or a merged digest of several (the
        :class:`~summarize.summarizers.Summarizer` interface)."""
        if len(alignment.vectors) != len(articles):
            raise InputError(
                f"The alignment holds {len(alignment.vectors)} articles, not the "
                f"{len(articles)} given; align these articles (summarize.alignment.align)."
            )
        if len(articles) == 1:
            return self.summarise_article(articles[0], limits=limits, alignment=alignment)
        return self.summarise_articles(articles, limits=limits, alignment=alignment)

    def summarise_article(
        self, article: Article, *, limits: Limits, alignment: Alignment
    ) -> Digest:
        """Per-source digest: the article's best sentences, each citing the article.

        ``alignment`` is the article's own (one article): its vectors are read, not recomputed.
        """
        sentences = list(article.sentences)
        if not sentences:
            return Digest(sentences=(), method=self.name)
        vectors = alignment.vectors[0]
        scores = self.sentence_scores(sentences, vectors)
        chosen = self._select(
            scores,
            vectors,
            [_words(s) for s in sentences],
            limits,
            embedder=alignment.embedder,
        )
        return Digest(
            sentences=tuple(
                DigestSentence(text=sentences[i], sources=(article.source,)) for i in sorted(chosen)
            ),
            method=self.name,
        )

    def summarise_articles(
        self, articles: Sequence[Article], *, limits: Limits, alignment: Alignment
    ) -> Digest:
        """Merged digest: one representative sentence per chosen claim, citing all its outlets.

        Claims reported by more outlets rank higher; within a claim the representative is its
        best sentence by centrality to the whole story and position in its article.
        """
        all_vectors = [v for v in alignment.vectors if len(v)]
        if not all_vectors:
            return Digest(sentences=(), method=self.name)
        story = np.concatenate(all_vectors)
        centroid = story.mean(axis=0)
        centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
        raw = [v @ centroid for v in alignment.vectors]
        low = min(float(r.min()) for r in raw if r.size)
        high = max(float(r.max()) for r in raw if r.size)
        span = max(high - low, 1e-9)
        # Centrality is scaled over the whole story so that outlets are comparable.
        lexical = _lexical_centrality([s for a in articles for s in a.sentences])
        offsets = np.cumsum([0] + [len(a.sentences) for a in articles])
        sentence_score: list[np.ndarray] = []
        for k, (article, centrality) in enumerate(zip(articles, raw, strict=False)):
            content = self._content_mask(list(article.sentences))
            score = (
                self.centrality_weight * (centrality - low) / span
                + self.position_weight * self._position(len(article.sentences))
                + self.lexical_weight * lexical[offsets[k] : offsets[k + 1]]
            )
            sentence_score.append(np.where(content, score, -np.inf))

        n_sources = max(len(alignment.sources), 1)
        reps, scores, vectors, counts, sources = [], [], [], [], []
        for claim in alignment.claims:
            best = max(
                claim.sentences,
                key=lambda ref: (sentence_score[ref.article][ref.index], -ref.index, -ref.article),
            )
            base = float(sentence_score[best.article][best.index])
            if not np.isfinite(base):
                continue
            reps.append(best)
            scores.append(base + self.support_weight * len(claim.sources) / n_sources)
            vectors.append(alignment.vectors[best.article][best.index])
            counts.append(_words(best.text))
            sources.append(claim.sources)
        if not reps:
            return Digest(sentences=(), method=self.name)
        chosen = self._select(
            np.asarray(scores, dtype=np.float32),
            np.stack(vectors),
            counts,
            limits,
            embedder=alignment.embedder,
        )
        lengths = [max(len(a.sentences), 1) for a in articles]

        def reading_order(i: int) -> tuple[float, int, int]:
            ref = reps[i]
            return (ref.index / lengths[ref.article], ref.article, ref.index)

        return Digest(
            sentences=tuple(
                DigestSentence(text=reps[i].text, sources=tuple(sources[i]))
                for i in sorted(chosen, key=reading_order)
            ),
            method=self.name,
        )


#: Settings for per-source digests (tuned; see summarize.defaults.PER_SOURCE_EXTRACTIVE).
PER_SOURCE = ExtractiveSummarizer(**PER_SOURCE_EXTRACTIVE)
#: Settings for merged digests (tuned; see summarize.defaults.MERGED_EXTRACTIVE).
MERGED = ExtractiveSummarizer(**MERGED_EXTRACTIVE)
