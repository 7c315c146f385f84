"""Document overlap: the probability that two articles tell the same story.

Two reports of one story rarely share many sentences word for word, and any two news texts
share some vocabulary, so neither "share of matched facts" nor a raw cosine reads well as
"how much of the same story do they tell". This module combines five cheap signals of a pair
of articles with a logistic model fitted on news (``python -m benchmarks.overlap``, cross-validated
by story) into the probability that the two articles report the same story:

* ``centroid``: cosine of the articles' mean sentence vectors (what they are about overall);
* ``best_match``: mean over both articles' sentences of the cosine with their best match in
  the other (how much of each is echoed in the other);
* ``top_match``: mean of the three strongest cross-article sentence cosines (the one shared
  event, even when the rest differs);
* ``terms``: cosine of the content-word counts (sub-linear, stop words out);
* ``names``: overlap (Ochiai) of capitalised names and numbers, the anchors that separate two
  stories on the same topic;

and ``length``, the log word count of the shorter article: the same cosine means more for two
long articles than for two headlines with a paragraph, so the model weighs each signal (and its
log) by length too (``signal x length`` terms).

All come from the sentence vectors the alignment already computed and from the words, so the
whole ``(n, n)`` matrix costs a few matrix products (about a millisecond for 3 articles and
well under a second for 200). The calibration (``summarize/data/overlap.json``) was fitted with
as many same-story as different-story pairs, so 0.5 means even odds at a 1:1 prior.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from summarize.comparison.calibration import calibration_file

logger = logging.getLogger(__name__)

__all__ = [
    "FEATURES",
    "OverlapModel",
    "default_model",
    "design",
    "outliers",
    "pair_features",
    "story_overlap",
]

#: The pair signals, in the order of the model's weights.
FEATURES = ("centroid", "best_match", "top_match", "terms", "names", "length")
_SIGNALS = len(FEATURES) - 1
_TOP = 3
_BLOCK = 256  # articles scored at once against all others (bounds memory on large piles)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d[\d.,]*\d|\d")
_NAME = re.compile(r"\b[A-Z][\w'’.-]*[A-Za-z0-9]|\b\d[\d.,]*\d\b|\b\d\b")


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    extra = {"said", "says", "say", "told", "according", "also", "just", "like", "new", "year"}
    return frozenset(ENGLISH_STOP_WORDS | extra)


def _terms(sentences: Sequence[str]) -> Counter[str]:
    """Content words (lower-cased, a plural -s dropped), stop words and 1-2 letter words out."""
    stop = _stop_words()
    counts: Counter[str] = Counter()
    for sentence in sentences:
        for word in _WORD.findall(sentence.lower()):
            if len(word) < 3 or word in stop:
                continue
            if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
                word = word[:-1]
            counts[word] += 1
    return counts


def _names(sentences: Sequence[str]) -> frozenset[str]:
    """Capitalised words not opening a sentence, and numbers: the story's anchors."""
    stop = _stop_words()
    found: set[str] = set()
    for sentence in sentences:
        for match in _NAME.finditer(sentence):
            if match.start() == 0 or sentence[: match.start()].strip() in {'"', "“", "'"}:
                continue  # a sentence's first word is capitalised anyway
            token = match.group().rstrip(".").lower()
            if token and token not in stop:
                found.add(token)
    return frozenset(found)


@dataclass(frozen=True)
class _Articles:
    """What the pair signals need of each article, computed once: pairs are then scored a
    block of rows at a time, so memory stays linear in the number of articles times the
    block (the ``(n, n)`` result aside)."""

    centroids: np.ndarray  # (n, dim) unit mean vectors
    stacked: np.ndarray  # (sentences, dim) float32, all articles' sentence vectors
    starts: np.ndarray  # first row of each article in ``stacked``
    counts: np.ndarray  # sentences per article
    terms: Any  # (n, vocabulary) sparse, unit rows of sub-linear content-word counts
    names: Any  # (n, names) sparse 0/1
    name_counts: np.ndarray  # names per article
    words: np.ndarray  # log word count per article


def _articles(sentences: Sequence[Sequence[str]], vectors: Sequence[np.ndarray]) -> _Articles:
    from scipy.sparse import csr_matrix

    centroids = np.stack([np.asarray(v, dtype=np.float64).mean(axis=0) for v in vectors])
    centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-12)
    counts = np.array([len(v) for v in vectors])
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])

    def sparse(bags: Sequence[Mapping[str, float]]) -> Any:
        vocabulary: dict[str, int] = {}
        rows, cols, values = [], [], []
        for row, bag in enumerate(bags):
            for term, value in bag.items():
                rows.append(row)
                cols.append(vocabulary.setdefault(term, len(vocabulary)))
                values.append(value)
        shape = (len(bags), max(len(vocabulary), 1))
        return csr_matrix((values, (rows, cols)), shape=shape, dtype=np.float64)

    bags = [{t: 1.0 + np.log(c) for t, c in _terms(s).items()} for s in sentences]
    terms = sparse(bags)
    norms = np.sqrt(np.asarray(terms.multiply(terms).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    terms = csr_matrix(terms.multiply(1.0 / norms[:, None]))
    name_sets = [_names(s) for s in sentences]
    return _Articles(
        centroids=centroids,
        stacked=np.concatenate(vectors).astype(np.float32),
        starts=starts,
        counts=counts,
        terms=terms,
        names=sparse([dict.fromkeys(names, 1.0) for names in name_sets]),
        name_counts=np.array([len(names) for names in name_sets], dtype=np.float64),
        words=np.log(np.array([max(sum(len(x.split()) for x in s), 1) for s in sentences])),
    )


def _best_per_article(data: _Articles, rows: slice) -> np.ndarray:
    """Each sentence of ``rows`` (sentence rows of ``stacked``): its best cosine per article."""
    block = data.stacked[rows] @ data.stacked.T
    return np.maximum.reduceat(block, data.starts, axis=1)


def _directed_matches(data: _Articles) -> tuple[np.ndarray, np.ndarray]:
    """``best_match`` and ``top_match`` of every pair, both ways averaged: ``(n, n)`` each.

    Directed first (row a: a's sentences against b's), a block of articles at a time, so the
    sentence-by-sentence cosines never exist for the whole pile at once."""
    n = len(data.counts)
    best_match = np.empty((n, n))
    top_match = np.empty((n, n))
    for first in range(0, n, _BLOCK):
        last = min(first + _BLOCK, n)
        rows = slice(int(data.starts[first]), int(data.starts[last - 1] + data.counts[last - 1]))
        best = _best_per_article(data, rows)  # (sentences in block, n)
        local = data.starts[first:last] - data.starts[first]
        best_match[first:last] = (
            np.add.reduceat(best, local, axis=0) / data.counts[first:last, None]
        )
        for i, (start, count) in enumerate(zip(local, data.counts[first:last], strict=True)):
            k = min(_TOP, int(count))
            top_match[first + i] = np.sort(best[start : start + count], axis=0)[-k:].mean(axis=0)
    return (best_match + best_match.T) / 2, (top_match + top_match.T) / 2


def _feature_blocks(data: _Articles) -> Iterator[tuple[int, int, np.ndarray]]:
    """Yield ``(first, last, features)``: the signals of articles ``first:last`` against every
    article, ``(last - first, n, len(FEATURES))``, a block of :data:`_BLOCK` rows at a time."""
    best_match, top_match = _directed_matches(data)
    n = len(data.counts)
    for first in range(0, n, _BLOCK):
        last = min(first + _BLOCK, n)
        centroid = np.clip(data.centroids[first:last] @ data.centroids.T, -1.0, 1.0)
        terms = np.asarray((data.terms[first:last] @ data.terms.T).todense())
        shared = np.asarray((data.names[first:last] @ data.names.T).todense())
        size = np.sqrt(np.outer(data.name_counts[first:last], data.name_counts))
        names = np.divide(shared, size, out=np.zeros_like(shared), where=size > 0)
        length = np.minimum.outer(data.words[first:last], data.words)
        signals = [centroid, best_match[first:last], top_match[first:last], terms, names, length]
        yield first, last, np.stack(signals, axis=-1)


def pair_features(sentences: Sequence[Sequence[str]], vectors: Sequence[np.ndarray]) -> np.ndarray:
    """The ``(n, n, len(FEATURES))`` signals of every pair of articles (for fitting and
    inspection; :func:`story_overlap` scores large piles block by block instead).

    Args:
        sentences: Each article's sentences.
        vectors: Each article's unit sentence vectors, ``(len(sentences[i]), dim)``.
    """
    data = _checked_articles(sentences, vectors)
    n = len(data.counts)
    features = np.empty((n, n, len(FEATURES)))
    for first, last, block in _feature_blocks(data):
        features[first:last] = block
    return features


def _checked_articles(
    sentences: Sequence[Sequence[str]], vectors: Sequence[np.ndarray]
) -> _Articles:
    if len(sentences) != len(vectors):
        raise ValueError(f"{len(sentences)} articles of sentences but {len(vectors)} of vectors")
    if any(len(v) == 0 for v in vectors):
        raise ValueError("every article needs at least one sentence")
    return _articles(sentences, vectors)


def design(features: np.ndarray) -> np.ndarray:
    """The model's inputs from :func:`pair_features`: each signal, its log, the length and
    each signal times the length."""
    signals, length = features[..., :_SIGNALS], features[..., _SIGNALS:]
    logs = np.log(np.clip(signals, 1e-3, None))
    return np.concatenate([signals, logs, length, signals * length], axis=-1)


@dataclass(frozen=True)
class OverlapModel:
    """A logistic model over :func:`design` of :data:`FEATURES`:
    ``p = 1 / (1 + exp(-(z @ weights + bias)))`` with ``z`` the standardised design.

    Attributes:
        weights: One weight per design column (standardised with ``mean``/``scale``).
        bias: The intercept.
        mean: Feature means of the data it was fitted on.
        scale: Feature standard deviations of that data.
        bar: Overlap below which an article counts as not about the story (mixed-story warning).
        clip: Standardised inputs are clipped to ``[-clip, clip]`` (in fitting too), so a pair
            far outside the fitted data (a one-word "article") is not extrapolated to certainty.
    """

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    bar: float = 0.5
    clip: float = 3.0

    def standardise(self, features: np.ndarray) -> np.ndarray:
        """The clipped, standardised :func:`design` of ``features``."""
        z = (design(np.asarray(features)) - np.asarray(self.mean)) / np.asarray(self.scale)
        return np.clip(z, -self.clip, self.clip)

    def probability(self, features: np.ndarray) -> np.ndarray:
        z = self.standardise(features)
        logit = z @ np.asarray(self.weights) + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(logit, -50, 50)))


@functools.lru_cache(maxsize=8)
def default_model(embedder: str | None = None) -> OverlapModel:
    """The calibration for ``embedder``'s vectors from ``summarize/data/overlap.json``
    (``python -m benchmarks.overlap --write``); for an embedder without one, the default embedder's,
    with a warning (its cosine signals run on another scale)."""
    from summarize.models.registry import canonical_embedder_name

    data = calibration_file("overlap.json")
    models = {name.lower(): entry for name, entry in data["models"].items()}
    name = canonical_embedder_name(embedder)
    entry = models.get(Path(name).name.lower())
    if entry is None:
        logger.warning(
            "No story-overlap calibration for embedder %r; using the one for %r. Run "
            "`python -m benchmarks.overlap --embedder %s --write` to calibrate it.",
            name,
            data["default"],
            name,
        )
        entry = models[str(data["default"]).lower()]
    if tuple(entry["features"]) != FEATURES:
        raise ValueError("summarize/data/overlap.json was fitted on other features; refit it")
    return OverlapModel(
        weights=tuple(entry["weights"]),
        bias=float(entry["bias"]),
        mean=tuple(entry["mean"]),
        scale=tuple(entry["scale"]),
        bar=float(entry["bar"]),
        clip=float(entry.get("clip", 3.0)),
    )


def story_overlap(
    sentences: Sequence[Sequence[str]],
    vectors: Sequence[np.ndarray],
    *,
    model: OverlapModel | None = None,
    embedder: str | None = None,
) -> np.ndarray:
    """The ``(n, n)`` probability that each pair of articles tells the same story (1 on the
    diagonal, symmetric).

    Args:
        sentences: Each article's sentences.
        vectors: Each article's unit sentence vectors (as
        :func:`~summarize.comparison.alignment.align`
            computed them).
        model: The calibration (default: :func:`default_model` of ``embedder``).
        embedder: Name of the embedder that made ``vectors`` (default: the default embedder).
    """
    model = model or default_model(embedder)
    data = _checked_articles(sentences, vectors)
    n = len(data.counts)
    probability = np.empty((n, n))
    for first, last, block in _feature_blocks(data):
        probability[first:last] = model.probability(block)
    probability = (probability + probability.T) / 2
    np.fill_diagonal(probability, 1.0)
    return probability


def outliers(
    overlap: np.ndarray, *, bar: float | None = None, embedder: str | None = None
) -> list[int]:
    """Articles that do not belong to the main story: those outside the largest group of
    articles when groups merge while their mean overlap is at least ``bar`` (default: the
    calibrated bar; average linkage, so a pile of many stories does not chain into one group
    through a few close pairs), unless linked (overlap >= ``bar``) to one of that group's
    articles (a short report of one part of the story). Ties between equally large groups go
    to the group of the earliest article. Empty for one story; every article when no two
    tell one story (there is no main story to keep). ``embedder`` picks the calibrated bar
    when ``bar`` is not given."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    n = len(overlap)
    if n < 2:
        return []
    bar = default_model(embedder).bar if bar is None else bar
    overlap = np.asarray(overlap, dtype=np.float64)
    distance = 1.0 - (overlap + overlap.T) / 2
    np.fill_diagonal(distance, 0.0)
    # UPGMA in C on the condensed matrix (n^2 / 2 values): 5,000 articles take ~100 MB and a
    # second. Cutting its tree at 1 - bar gives the groups that merging while the mean overlap
    # is >= bar gives (average linkage's merge heights never decrease).
    tree = linkage(squareform(distance, checks=False), method="average")
    group = fcluster(tree, t=1.0 - bar, criterion="distance")
    labels, first, sizes = np.unique(group, return_index=True, return_counts=True)
    if sizes.max() == 1:
        return list(range(n))
    main = labels[max(range(len(labels)), key=lambda k: (sizes[k], -first[k]))]
    members = np.flatnonzero(group == main)
    linked = (overlap[:, members] >= bar).sum(axis=1)
    return [i for i in range(n) if group[i] != main and not linked[i]]
