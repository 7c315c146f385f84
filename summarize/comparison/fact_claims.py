"""Claims as facts: group a story's sentences by the story-internal same-fact scores.

The candidate pairs (:mod:`story_pairs`) are scored by the logistic pair model (the
probabilities citations read, ``FactScores.best``). Greedy average linkage on the sparse graph
of scored pairs (pairs never scored count as 0): the two groups with the highest mean
probability over all their cross pairs merge, while that mean is at least the model's
threshold. With ``grouping="trees"`` (:data:`summarize.defaults.FACT_GROUPING`) the claims
are grouped on the boosted trees' probabilities of the same pairs (:mod:`pair_trees`), with
their ``threshold`` and a second bar: the two groups' best single pair must reach
``strongest``; the logistic groups stay in ``FactScores.repeat_labels`` for the digest.
No one-sentence-per-outlet rule: an outlet's second mention of a fact (its headline and its
lead, a fact split over two sentences) joins the same claim. Every sentence is in one group;
a sentence that states a second fact is also a member of a second group
(:func:`second_memberships`): the group of other outlets' sentences with which its mean
probability is highest and at least the model's ``second`` bar.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from summarize.comparison.pair_trees import PairTrees, extra_features, pair_trees
from summarize.comparison.story_pairs import (
    FEATURES,
    PairModel,
    Story,
    candidate_pairs,
    pair_features,
    pair_model,
)

__all__ = [
    "FactScores",
    "average_linkage",
    "fact_scores",
    "group_sentences",
    "second_memberships",
]


def average_linkage(
    n: int, pairs: np.ndarray, weights: np.ndarray, threshold: float, *, strongest: float = 0.0
) -> list[int]:
    """A group label per item: merge the two groups with the highest mean cross-pair weight
    (absent pairs weigh 0) while it is at least ``threshold`` and their heaviest cross pair is
    at least ``strongest``. Deterministic (ties: lowest indices first)."""
    neighbours: list[dict[int, float]] = [{} for _ in range(n)]
    top: list[dict[int, float]] = [{} for _ in range(n)]  # heaviest cross pair
    for (a, b), w in zip(pairs.tolist(), weights.tolist(), strict=True):
        neighbours[a][b] = neighbours[a].get(b, 0.0) + w
        neighbours[b][a] = neighbours[b].get(a, 0.0) + w
        top[a][b] = top[b][a] = max(top[a].get(b, 0.0), w)
    size = [1] * n
    parent = list(range(n))
    alive = [True] * n
    heap = [
        (-w, a, b)
        for (a, b), w in zip(pairs.tolist(), weights.tolist(), strict=True)
        if w >= threshold and top[a][b] >= strongest
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
        del top[a][b]
        for c, total in neighbours[b].items():
            if c == a:
                continue
            neighbours[a][c] = neighbours[a].get(c, 0.0) + total
            top[a][c] = max(top[a].get(c, 0.0), top[b][c])
            del neighbours[c][b]
            del top[c][b]
            neighbours[c][a] = neighbours[a][c]
            top[c][a] = top[a][c]
        neighbours[b] = {}
        top[b] = {}
        for c, total in neighbours[a].items():
            mean = total / (size[a] * size[c])
            if mean >= threshold and top[a][c] >= strongest:
                heapq.heappush(heap, (-mean, min(a, c), max(a, c)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    return [root(x) for x in range(n)]


def group_sentences(
    story: Story,
    pairs: np.ndarray,
    features: np.ndarray,
    *,
    unusable: np.ndarray,
    trees: PairTrees | None = None,
) -> list[int]:
    """A group per sentence: average linkage on the trees' probabilities of the scored
    ``pairs`` (their :func:`pair_features` given; ``unusable`` pairs, e.g. junk, weigh 0)."""
    trees = trees or pair_trees()
    if not len(pairs):
        return list(range(story.size))
    full = np.hstack([features, extra_features(story, pairs)])
    probability = np.where(unusable, 0.0, trees.probability(full))
    return _sparse_linkage(
        story.size, pairs, probability, trees.threshold, strongest=trees.strongest
    )


def second_memberships(
    owner: np.ndarray,
    pairs: np.ndarray,
    probability: np.ndarray,
    labels: Sequence[int],
    bar: float,
) -> list[tuple[int, int]]:
    """``(sentence, group)``: for each sentence, the one other group it would join on its own,
    if any: among groups holding a sentence of another article (``owner``: each sentence's
    article), the one with the highest mean probability between the sentence and the group's
    members (pairs not scored count as 0), when that mean is at least ``bar``. A sentence often
    states two facts (a lead, a quote with its context); average linkage puts it with one.
    ``labels``: a group per sentence, each in ``range(len(labels))`` (as
    :func:`average_linkage` gives them: a group is named by one of its sentences)."""
    label = np.asarray(labels, dtype=np.int64)
    size = np.bincount(label, minlength=len(label)).astype(np.float64)
    lo, hi = pairs[:, 0], pairs[:, 1]
    cross = label[lo] != label[hi]
    sentence = np.concatenate([lo[cross], hi[cross]])
    group = np.concatenate([label[hi[cross]], label[lo[cross]]])
    weight = np.concatenate([probability[cross], probability[cross]])
    if not len(sentence):
        return []
    n = len(label)
    key, inverse = np.unique(sentence * n + group, return_inverse=True)
    mean = np.bincount(inverse, weights=weight) / size[key % n]
    articles: list[set[int]] = [set() for _ in range(n)]  # the articles of each group
    for i, g in enumerate(label.tolist()):
        articles[g].add(int(owner[i]))
    best: dict[int, tuple[float, int]] = {}
    for k, m in zip(key.tolist(), mean.tolist(), strict=True):
        i, g = divmod(k, n)
        if m >= bar and articles[g] - {int(owner[i])} and (-m, g) < best.get(i, (0.0, n)):
            best[i] = (-m, g)
    return sorted((i, g) for i, (_, g) in best.items())


def _sparse_linkage(
    n: int, pairs: np.ndarray, probability: np.ndarray, threshold: float, *, strongest: float = 0.0
) -> list[int]:
    """:func:`average_linkage` over the pairs that can matter: tiny weights barely move a
    mean, and leaving them out keeps the graph sparse."""
    keep = probability >= threshold / 4
    return average_linkage(n, pairs[keep], probability[keep], threshold, strongest=strongest)


@dataclass(frozen=True, eq=False)
class FactScores:
    """What the pair scores say about one story.

    ``labels``: a group per sentence (global index, article order; the trees' with
    ``grouping="trees"``); ``repeat_labels``: the logistic model's groups, which the merged
    digest reads to state a fact once; ``best``: ``(n_sentences,
    n_articles)`` highest same-fact probability of each sentence with a sentence of each
    article (its own article: 1; pairs not scored: 0); ``model``: the bars used; ``pairs`` and
    ``probability``: the scored pairs (global ``lo < hi``) and their probabilities (junk: 0),
    which :func:`~summarize.comparison.fact_support.fact_support` reads; ``second``: the
    sentences that are also members of a second group of ``repeat_labels``, ``(sentence,
    group label)`` (:func:`second_memberships`; the claims by ``labels`` add them only where
    those are ``repeat_labels``, not with ``grouping="trees"``).
    """

    labels: list[int]
    best: np.ndarray
    model: PairModel
    pairs: np.ndarray
    probability: np.ndarray
    repeat_labels: list[int] = field(default_factory=list)
    second: list[tuple[int, int]] = field(default_factory=list)


def fact_scores(
    story: Story,
    *,
    model: PairModel | None = None,
    junk: np.ndarray | None = None,
    group: bool = True,
    grouping: str | None = None,
) -> FactScores:
    """Score the story's candidate pairs once; group them (unless ``group=False``) and keep each
    sentence's best probability per article (for citations and "only one outlet reports").
    Sentences marked in ``junk`` (:func:`summarize.inputs.junk.is_junk`) match nothing.
    ``grouping``: "logistic" or "trees" (default :data:`summarize.defaults.FACT_GROUPING`)."""
    from summarize import defaults

    grouping = defaults.FACT_GROUPING if grouping is None else grouping
    if grouping not in ("logistic", "trees"):
        raise ValueError(f'grouping must be "logistic" or "trees", not {grouping!r}')
    model = model or pair_model()
    pairs = candidate_pairs(story)
    if not group:  # the support alone: pairs within one article would only fill its own column
        pairs = pairs[story.owner[pairs[:, 0]] != story.owner[pairs[:, 1]]]
    features = pair_features(story, pairs) if len(pairs) else np.zeros((0, len(FEATURES)))
    probability = model.probability(features) if len(pairs) else np.zeros(0)
    unusable = (
        junk[pairs[:, 0]] | junk[pairs[:, 1]]
        if junk is not None and len(pairs)
        else np.zeros(len(pairs), dtype=bool)
    )
    probability = np.where(unusable, 0.0, probability)
    n, k = story.size, len(story.starts) - 1
    best = np.zeros((n, k))
    if len(pairs):
        lo, hi = pairs[:, 0], pairs[:, 1]
        np.maximum.at(best, (lo, story.owner[hi]), probability)
        np.maximum.at(best, (hi, story.owner[lo]), probability)
    best[np.arange(n), story.owner] = 1.0
    if not group:  # the support alone (citations), no claims
        return FactScores(labels=[], best=best, model=model, pairs=pairs, probability=probability)
    repeat_labels = _sparse_linkage(n, pairs, probability, model.threshold)
    second = second_memberships(story.owner, pairs, probability, repeat_labels, model.second)
    labels = (
        group_sentences(story, pairs, features, unusable=unusable)
        if grouping == "trees"
        else repeat_labels
    )
    return FactScores(
        labels=labels,
        best=best,
        model=model,
        pairs=pairs,
        probability=probability,
        repeat_labels=repeat_labels,
        second=second,
    )
