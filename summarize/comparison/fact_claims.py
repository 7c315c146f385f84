"""Claims as facts: group a story's sentences by the story-internal same-fact model.

Greedy average linkage on the sparse graph of scored pairs (:mod:`story_pairs`; pairs never
scored count as 0): the two groups with the highest mean probability over all their cross
pairs merge, while that mean is at least the model's threshold. No one-sentence-per-outlet
rule: an outlet's second mention of a fact (its headline and its lead, a fact split over two
sentences) joins the same claim. Every sentence is in exactly one group.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

import numpy as np

from summarize.comparison.story_pairs import (
    PairModel,
    Story,
    candidate_pairs,
    pair_model,
    score_pairs,
)

__all__ = ["FactScores", "average_linkage", "fact_scores"]


def average_linkage(n: int, pairs: np.ndarray, weights: np.ndarray, threshold: float) -> list[int]:
    """A group label per item: merge the two groups with the highest mean cross-pair weight
    (absent pairs weigh 0) while it is at least ``threshold``. Deterministic (ties: lowest
    indices first)."""
    neighbours: list[dict[int, float]] = [{} for _ in range(n)]
    for (a, b), w in zip(pairs.tolist(), weights.tolist(), strict=True):
        neighbours[a][b] = neighbours[a].get(b, 0.0) + w
        neighbours[b][a] = neighbours[b].get(a, 0.0) + w
    size = [1] * n
    parent = list(range(n))
    alive = [True] * n
    heap = [
        (-w, a, b)
        for (a, b), w in zip(pairs.tolist(), weights.tolist(), strict=True)
        if w >= threshold
    ]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]):
            continue
        current = neighbours[a].get(b, 0.0) / (size[a] * size[b])
        if abs(current + negative) > 1e-12:  # stale: the groups changed since it was pushed
            continue
        if len(neighbours[a]) < len(neighbours[b]):
            a, b = b, a
        alive[b] = False
        parent[b] = a
        size[a] += size[b]
        del neighbours[a][b]
        for c, total in neighbours[b].items():
            if c == a:
                continue
            neighbours[a][c] = neighbours[a].get(c, 0.0) + total
            del neighbours[c][b]
            neighbours[c][a] = neighbours[a][c]
        neighbours[b] = {}
        for c, total in neighbours[a].items():
            mean = total / (size[a] * size[c])
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(a, c), max(a, c)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    return [root(x) for x in range(n)]


@dataclass(frozen=True, eq=False)
class FactScores:
    """What the pair model says about one story.

    ``labels``: a group per sentence (global index, article order); ``best``: ``(n_sentences,
    n_articles)`` highest same-fact probability of each sentence with a sentence of each
    article (its own article: 1; pairs not scored: 0); ``model``: the bars used; ``pairs`` and
    ``probability``: the scored pairs (global ``lo < hi``) and their probabilities (junk: 0),
    which :func:`~summarize.comparison.fact_support.fact_support` reads.
    """

    labels: list[int]
    best: np.ndarray
    model: PairModel
    pairs: np.ndarray
    probability: np.ndarray


def fact_scores(
    story: Story,
    *,
    model: PairModel | None = None,
    junk: np.ndarray | None = None,
    group: bool = True,
) -> FactScores:
    """Score the story's candidate pairs once; group them (unless ``group=False``) and keep each
    sentence's best probability per article (for citations and "only one outlet reports").
    Sentences marked in ``junk`` (:func:`summarize.inputs.junk.is_junk`) match nothing."""
    model = model or pair_model()
    pairs = candidate_pairs(story)
    if not group:  # the support alone: pairs within one article would only fill its own column
        pairs = pairs[story.owner[pairs[:, 0]] != story.owner[pairs[:, 1]]]
    pairs, probability = score_pairs(story, pairs, model=model)
    if junk is not None and len(pairs):
        probability = np.where(junk[pairs[:, 0]] | junk[pairs[:, 1]], 0.0, probability)
    n, k = story.size, len(story.starts) - 1
    best = np.zeros((n, k))
    if len(pairs):
        lo, hi = pairs[:, 0], pairs[:, 1]
        np.maximum.at(best, (lo, story.owner[hi]), probability)
        np.maximum.at(best, (hi, story.owner[lo]), probability)
    best[np.arange(n), story.owner] = 1.0
    if not group:  # the support alone (citations), no claims
        return FactScores(labels=[], best=best, model=model, pairs=pairs, probability=probability)
    # Tiny weights barely move a mean; leaving them out keeps the graph sparse.
    keep = probability >= model.threshold / 4
    labels = average_linkage(n, pairs[keep], probability[keep], model.threshold)
    return FactScores(labels=labels, best=best, model=model, pairs=pairs, probability=probability)
