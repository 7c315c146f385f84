"""Sentence-to-article support: does article B report (one of) the facts of sentence s?

The story-internal pair model (:mod:`story_pairs`) scores one sentence against one sentence; the
best of those over B's sentences misses a fact that B states across two sentences or inside a
longer sentence, and fires on headline-like topic sentences. This model reads the whole of B
instead: a logistic regression over features of each (sentence, other article), all computed
inside the story and all at once (:data:`FEATURES`): the best, second-best and top-3 mean pair
probabilities into B, the best cosine and its margin over the second, the IDF-weighted share of
s's content stems found anywhere in B and that of s's best clause, the IDF mass of s's stems
B lacks, the share of s's names and numbers found in B (and how many are missing), whether s
is a headline, its position, length, B's size and the number of articles. An article with
none of s's content stems gets 0. Fitted on editors' labels of real coverage by
``python -m benchmarks.fit_fact_support --pipeline --write``
(``summarize/data/fact_support.json``); its two bars: ``cite`` (a merged-digest sentence cites
B) and ``unique`` (below it for every other article, "only one outlet reports"). Figures in
BENCHMARKS.md, "Support: does another outlet report it".
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse

from summarize.comparison.story_pairs import Logistic, Story

__all__ = ["FEATURES", "SupportModel", "fact_support", "support_features", "support_model"]

FEATURES = (
    "p1",
    "logit_p1",
    "p2",
    "p_top3",
    "cos1",
    "cos_margin",
    "cover",
    "clause_cover",
    "names_share",
    "names_missing",
    "num_share",
    "num_missing",
    "head",
    "pos",
    "log_len",
    "log_b_size",
    "log_articles",
    "missing_idf",
)


def _top3(story: Story, pairs: np.ndarray, probability: np.ndarray, articles: range) -> np.ndarray:
    """``(n, len(articles), 3)`` the three highest pair probabilities of each sentence into
    each of ``articles`` (cross-article pairs only; missing: 0)."""
    n, k = story.size, len(articles)
    out = np.zeros((n * k, 3))
    if not len(pairs):
        return out.reshape(n, k, 3)
    lo, hi = pairs[:, 0], pairs[:, 1]
    cross = story.owner[lo] != story.owner[hi]
    lo, hi, p = lo[cross], hi[cross], probability[cross]
    rows = np.concatenate([lo, hi])
    cols = np.concatenate([story.owner[hi], story.owner[lo]])
    values = np.concatenate([p, p])
    inside = (cols >= articles.start) & (cols < articles.stop)
    rows, cols, values = rows[inside], cols[inside] - articles.start, values[inside]
    key = rows.astype(np.int64) * k + cols
    order = np.lexsort((-values, key))
    key, values = key[order], values[order]
    first = np.concatenate([[True], key[1:] != key[:-1]]) if len(key) else np.zeros(0, bool)
    group_start = np.maximum.accumulate(np.where(first, np.arange(len(key)), 0))
    rank = np.arange(len(key)) - group_start
    keep = rank < 3
    out[key[keep], rank[keep]] = values[keep]
    return out.reshape(n, k, 3)


#: Matrix cells computed at once (a story's size squared need not fit in memory).
_CELLS = 1 << 24


def _cosines(story: Story, articles: range) -> tuple[np.ndarray, np.ndarray]:
    """``(n, len(articles))`` best and second-best cosine of each sentence with a sentence of
    each of ``articles`` (itself left out; an article of one sentence: second-best = best)."""
    n, k = story.size, len(articles)
    best = np.zeros((n, k), dtype=np.float32)
    second = np.zeros((n, k), dtype=np.float32)
    for column, b in enumerate(articles):
        first, last = story.starts[b], story.starts[b + 1]
        if last == first:
            continue
        step = max(1, _CELLS // (last - first))  # rows at once: memory stays bounded
        for s in range(0, n, step):
            rows = slice(s, min(n, s + step))
            block = story.vectors[rows] @ story.vectors[first:last].T  # (rows, n_b)
            own = np.arange(max(first, s), min(last, s + step))  # the article's own rows here
            block[own - s, own - first] = -1.0
            if last - first == 1:
                best[rows, column] = second[rows, column] = block[:, 0]
                continue
            top = -np.partition(-block, 1, axis=1)[:, :2]
            best[rows, column] = top.max(axis=1)
            second[rows, column] = top.min(axis=1)
    return best, second


def _found(
    matrix: sparse.csr_matrix, union: sparse.csr_matrix, weights: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray]:
    """``(rows, k)`` weighted count of each row's items found in each article's union, and the
    row's weighted total."""
    weighted = matrix if weights is None else matrix.multiply(weights[None, :]).tocsr()
    found = np.asarray((weighted @ union.T).todense(), dtype=np.float64)
    total = np.asarray(weighted.sum(axis=1)).ravel()
    return found, total


def support_features(
    story: Story, pairs: np.ndarray, probability: np.ndarray, *, articles: range | None = None
) -> np.ndarray:
    """``(n_sentences, n_articles, len(FEATURES))`` features of every sentence with every
    article (its own included: ignored), from the story's scored ``pairs`` (global ``lo < hi``
    indices) and their same-fact ``probability``. ``articles``: only these articles' columns
    (a consecutive range; default all), so a story of thousands of articles is done in
    blocks."""
    n, every = story.size, len(story.starts) - 1
    articles = range(every) if articles is None else articles
    k = len(articles)
    top = _top3(story, pairs, probability, articles)
    cos1, cos2 = _cosines(story, articles)
    member = sparse.csr_matrix((np.ones(n), (story.owner, np.arange(n))), shape=(every, n))[
        articles.start : articles.stop
    ]  # article x sentence

    def union(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
        joined = (member @ matrix).tocsr()
        joined.data[:] = 1.0
        return joined

    content_union = union(story.content)
    found, total = _found(story.content, content_union, story.idf)
    cover = found / np.maximum(total, 1e-12)[:, None]
    clause_found, clause_total = _found(story.clauses, content_union, story.idf)
    clause_share = clause_found / np.maximum(clause_total, 1e-12)[:, None]
    clause_cover = np.zeros((n, k))
    which = np.repeat(np.arange(n), np.diff(story.clause_start))
    if len(which):
        np.maximum.at(clause_cover, which, clause_share)
    names_found, names_total = _found(story.names, union(story.names), None)
    numbers_found, numbers_total = _found(story.numbers, union(story.numbers), None)
    all_sizes = np.diff(story.starts).astype(np.float64)
    sizes = all_sizes[articles.start : articles.stop]
    length = np.asarray(story.content.sum(axis=1)).ravel()
    p1 = top[:, :, 0]
    clipped = np.clip(p1, 1e-4, 1 - 1e-4)

    def share(found: np.ndarray, total: np.ndarray) -> np.ndarray:
        return np.where(total[:, None] > 0, found / np.maximum(total, 1)[:, None], 1.0)

    def per_sentence(values: np.ndarray) -> np.ndarray:
        return np.broadcast_to(np.asarray(values, dtype=np.float64)[:, None], (n, k))

    columns = [
        p1,
        np.log(clipped / (1 - clipped)),
        top[:, :, 1],
        top.mean(axis=2),
        cos1,
        cos1 - cos2,
        cover,
        clause_cover,
        share(names_found, names_total),
        np.minimum(names_total[:, None] - names_found, 3),
        share(numbers_found, numbers_total),
        np.minimum(numbers_total[:, None] - numbers_found, 3),
        per_sentence(story.position == 0),
        per_sentence(story.position / np.maximum(1, all_sizes[story.owner])),
        per_sentence(np.log1p(length)),
        np.broadcast_to(np.log1p(sizes)[None, :], (n, k)),
        np.full((n, k), np.log(max(1, every))),
        np.log1p(np.maximum(total[:, None] - found, 0.0)),
    ]
    return np.stack([np.asarray(c, dtype=np.float64) for c in columns], axis=2)


@dataclass(frozen=True)
class SupportModel(Logistic):
    """The fitted logistic model and its two bars: ``cite`` (an article from this probability
    on states the sentence's fact: merged-digest citations) and ``unique`` (every other
    article below it: "only one outlet reports")."""

    cite: float
    unique: float

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SupportModel:
        return cls(
            **cls.parameters(data, FEATURES, "fact_support"),
            cite=float(data["cite"]),
            unique=float(data["unique"]),
        )


@functools.lru_cache(maxsize=1)
def support_model() -> SupportModel:
    """The shipped model (``summarize/data/fact_support.json``)."""
    from summarize.comparison.calibration import calibration_file

    return SupportModel.from_dict(calibration_file("fact_support.json"))


def fact_support(
    story: Story,
    pairs: np.ndarray,
    probability: np.ndarray,
    *,
    model: SupportModel | None = None,
    junk: np.ndarray | None = None,
) -> np.ndarray:
    """``(n_sentences, n_articles)`` probability that each article reports (one of) each
    sentence's facts: 1 for its own article; 0 for a sentence marked in ``junk`` and for an
    article without sentences. ``pairs`` and ``probability``: the story's scored pairs
    (:func:`~summarize.comparison.story_pairs.score_pairs`)."""
    model = model or support_model()
    n, k = story.size, len(story.starts) - 1
    if not n:
        return np.zeros((0, k))
    support = np.zeros((n, k))
    step = max(1, _CELLS // (n * len(FEATURES)))  # articles at once: memory stays bounded
    for start in range(0, k, step):
        articles = range(start, min(k, start + step))
        features = support_features(story, pairs, probability, articles=articles)
        block = model.probability(features)
        # An article with none of the sentence's content stems does not report its fact: the
        # linear model, fitted on real stories of 3+ outlets, can put such pairs in tiny
        # stories well above its "unique" bar (short unrelated sentences have high static
        # cosines).
        block[features[:, :, FEATURES.index("cover")] <= 0] = 0.0
        support[:, articles.start : articles.stop] = block
    support[:, np.diff(story.starts) == 0] = 0.0
    if junk is not None:
        support[np.asarray(junk, dtype=bool)] = 0.0
    support[np.arange(n), story.owner] = 1.0
    return support
