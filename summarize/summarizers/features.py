"""The sentence features an extractive digest ranks by (see
:mod:`summarize.summarizers.extractive` for how they are weighed), all in [0, 1] unless said:
centrality to the text, lexical centrality (shared content words), similarity to the lead, the
expected share of outlets reporting a sentence's fact, how widely and early they report it,
and whether a sentence is about another event.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from summarize.types.alignment import Alignment, SentenceRef
    from summarize.types.article import Article


_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)

#: Cells of a (sentences x articles) block computed at once.
_CELLS = 1 << 22


def word_count(text: str) -> int:
    return len(text.split())


def scale(values: np.ndarray) -> np.ndarray:
    """Min-max scale to [0, 1]; a constant input maps to ones."""
    if values.size == 0:
        return values
    low, high = float(values.min()), float(values.max())
    if high - low < 1e-9:
        return np.ones_like(values)
    return (values - low) / (high - low)


def centrality(vectors: np.ndarray) -> np.ndarray:
    centroid = vectors.mean(axis=0)
    norm = float(np.linalg.norm(centroid))
    if norm < 1e-9:
        return np.zeros(len(vectors), dtype=np.float32)
    return scale(vectors @ (centroid / norm))


def content_words(text: str) -> set[str]:
    """Lower-cased words of 3+ letters that are not English stop words."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return {word.lower() for word in _WORD.findall(text)} - ENGLISH_STOP_WORDS


def lexical_centrality(sentences: Sequence[str]) -> np.ndarray:
    """How widely a sentence's content words are shared: the mean, over its content words, of
    the number of sentences of the text that use the word (SumBasic-like), min-max scaled.

    It complements the embedding centrality with the exact words (names, numbers' nouns) that
    a story repeats, which is what summaries of it repeat too.
    """
    words = [content_words(s) for s in sentences]
    frequency: dict[str, int] = {}
    for bag in words:
        for word in bag:
            frequency[word] = frequency.get(word, 0) + 1
    raw = np.array(
        [np.mean([frequency[w] for w in bag]) if bag else 0.0 for bag in words], dtype=np.float32
    )
    return scale(raw)


def lead_similarity(vectors: np.ndarray, content: np.ndarray, *, lead: int = 3) -> np.ndarray:
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
    return scale(vectors @ (anchor / norm))


def is_content(text: str, *, min_words: int) -> bool:
    """A sentence worth extracting: enough words, mostly letters (not a caption or a list tag)."""
    if word_count(text) < min_words:
        return False
    letters = len(_LETTERS.findall(text))
    return letters >= 0.5 * len(text.replace(" ", ""))


def prominence(alignment: Alignment, refs: Sequence[SentenceRef]) -> np.ndarray:
    """How widely and how early the outlets report each sentence's fact.

    News is written as an inverted pyramid: an article states its main fact in its first
    sentences. So for each outlet, the probability that it reports the fact (1 for the
    sentence's own outlet; for another, the same-fact probability of its closest sentence
    there) times ``1 / (1 + index)`` of that sentence (1 for a first sentence, 1/2 for a
    second), averaged over the outlets.
    """
    n = len(alignment.sources)
    starts = np.cumsum([0] + [len(v) for v in alignment.vectors])
    scores = alignment.best_scores
    rule = alignment.rule
    prominence = np.zeros(len(refs))
    for k, ref in enumerate(refs):
        total = 1.0 / (1.0 + ref.index)
        if scores is not None and scores.shape == (starts[-1], n):
            probability = rule.probability(scores[starts[ref.article] + ref.index])
            vector = alignment.vectors[ref.article][ref.index]
            for j in range(n):
                if j != ref.article and len(alignment.vectors[j]):
                    closest = int(np.argmax(alignment.vectors[j] @ vector))
                    total += float(probability[j]) / (1.0 + closest)
        prominence[k] = total / max(n, 1)
    return prominence


def expected_support(alignment: Alignment) -> list[np.ndarray]:
    """Each sentence's expected share of outlets reporting its fact, per article.

    Its own outlet counts 1; each other outlet counts the calibrated same-fact probability of
    its closest sentence there (:meth:`~summarize.types.SameFact.probability`). Without those
    scores, the share of outlets in the sentence's claim.
    """
    n = len(alignment.sources)
    counts = [len(v) for v in alignment.vectors]
    scores = alignment.best_scores
    if scores is None or scores.shape != (sum(counts), n):
        share = [np.zeros(c) for c in counts]
        for claim in alignment.claims:
            for ref in claim.sentences:
                share[ref.article][ref.index] = len(claim.sources) / max(n, 1)
        return share
    owner = np.repeat(np.arange(n), counts)
    expected = np.empty(len(owner))
    step = max(1, _CELLS // max(n, 1))  # rows at once: thousands of articles stay in memory
    for start in range(0, len(owner), step):
        stop = min(len(owner), start + step)
        probability = alignment.rule.probability(scores[start:stop])
        probability[np.arange(stop - start), owner[start:stop]] = 1.0
        expected[start:stop] = probability.sum(axis=1) / n
    return np.split(expected, np.cumsum(counts)[:-1])


def off_story(
    articles: Sequence[Article], centrality: Sequence[np.ndarray], *, share: float | None
) -> list[np.ndarray]:
    """For each sentence of each article: is it about another event? Its cosine to the story's
    centroid (``centrality``, per article) is below the story's median and at most ``share`` of
    its content words appear in any other article (``None``, or a single article: never)."""
    if share is None or len(articles) < 2:
        return [np.zeros(len(a.sentences), dtype=bool) for a in articles]
    median = float(np.median(np.concatenate(centrality)))
    words = [[content_words(s) for s in a.sentences] for a in articles]
    # A word of article k is "elsewhere" when another article has it too, i.e. when it is
    # in at least two articles' vocabularies (one pass, not a union per article).
    articles_with = Counter(word for bags in words for word in set().union(*bags))
    flags = []
    for k, bags in enumerate(words):
        shared = np.array([sum(articles_with[w] >= 2 for w in b) / max(len(b), 1) for b in bags])
        flags.append((centrality[k] < median) & (shared <= share))
    return flags
