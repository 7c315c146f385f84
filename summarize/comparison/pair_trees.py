"""Boosted trees that group a story's sentences into fact claims.

The story pair model (:mod:`story_pairs`, a logistic regression) gives the probabilities that
citations and "only one outlet reports" read. Grouping sentences into claims reads a stronger
scorer of the same pairs: gradient-boosted trees (scikit-learn's
``HistGradientBoostingClassifier``, fitted by ``python -m benchmarks.fit_pair_trees``) over the
24 pair features plus four in-story IDF overlaps (:data:`EXTRA`). The trees ship as plain JSON
(``summarize/data/story_pair_trees.json``) and are evaluated here with numpy, so no pickle and
no scikit-learn at run time; the fit checks that both give the same probabilities.

With its bars (``threshold``: the mean probability over two groups' cross pairs; ``strongest``:
their best single pair) the trees join more of what editors call one fact in NeuS's short
excerpts than the logistic does, at a higher pair precision, on held-out halves, but fewer
facts of full articles (Multi-News, invented test stories): an option
(:data:`summarize.defaults.FACT_GROUPING` = "trees"), not the default (BENCHMARKS.md, "Fact
claims by boosted trees").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np

from summarize.comparison.story_pairs import FEATURES, Story

__all__ = ["EXTRA", "GROUP_FEATURES", "PairTrees", "extra_features", "pair_trees"]

EXTRA = ("names_idf", "numbers_idf", "rarest_shared", "shared_idf_mass")
GROUP_FEATURES = (*FEATURES, *EXTRA)


def extra_features(story: Story, pairs: np.ndarray) -> np.ndarray:
    """``(len(pairs), 4)``: shared names and shared numbers weighted by their in-story IDF (as a
    share of the sentence with less), the rarest shared content word's IDF, and the shared
    content words' IDF mass (a long shared phrase of rare words is strong evidence)."""
    lo, hi = pairs[:, 0], pairs[:, 1]
    n = story.size
    columns = []
    for matrix in (story.names, story.numbers):
        df = np.asarray(matrix.sum(axis=0)).ravel()
        idf = np.log((n + 1) / (df + 0.5))
        own = matrix @ idf
        shared = matrix[lo].multiply(matrix[hi]).tocsr() @ idf
        columns.append(shared / np.maximum(1e-6, np.minimum(own[lo], own[hi])))
    shared = story.content[lo].multiply(story.content[hi]).tocsr()
    weighted = shared.multiply(story.idf[None, :]).tocsr()
    columns.append(np.asarray(weighted.max(axis=1).todense()).ravel())
    columns.append(np.asarray(weighted.sum(axis=1)).ravel())
    return np.stack([np.asarray(c, dtype=np.float64) for c in columns], axis=1)


@dataclass(frozen=True, eq=False)
class PairTrees:
    """Binary gradient-boosted trees as flat arrays (all trees' nodes one after another).

    Each inner node: ``feature`` and ``cut`` (go ``left`` when the value is ``<= cut``, else
    ``right``; global node indices); a leaf points to itself on both sides (``cut`` = inf), so
    walking a tree ``depth`` steps from its root ends on its leaf, whose ``value`` counts. The
    probability is the logistic of ``base`` plus the leaf values reached.
    """

    base: float
    roots: np.ndarray
    depth: np.ndarray  # per tree
    feature: np.ndarray
    cut: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    threshold: float
    strongest: float

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PairTrees:
        if tuple(data["features"]) != GROUP_FEATURES:
            raise ValueError(
                "story_pair_trees.json was fitted on other features than this code computes; "
                "refit it: python -m benchmarks.fit_pair_trees --write"
            )
        feature, cut, left, right, value, roots, depth = [], [], [], [], [], [], []
        offset = 0
        for tree in data["trees"]:
            leaf = np.asarray(tree["leaf"], dtype=bool)
            ids = np.arange(len(leaf)) + offset
            roots.append(offset)
            feature.append(np.where(leaf, 0, tree["feature"]))
            cut.append(np.where(leaf, np.inf, tree["cut"]))
            left.append(np.where(leaf, ids, np.asarray(tree["left"]) + offset))
            right.append(np.where(leaf, ids, np.asarray(tree["right"]) + offset))
            value.append(np.where(leaf, tree["value"], 0.0))
            depth.append(_depth(tree["left"], tree["right"], leaf))
            offset += len(leaf)
        return cls(
            base=float(data["base"]),
            roots=np.asarray(roots, dtype=np.int64),
            depth=np.asarray(depth, dtype=np.int64),
            feature=np.concatenate(feature).astype(np.int64),
            cut=np.concatenate(cut).astype(np.float64),
            left=np.concatenate(left).astype(np.int64),
            right=np.concatenate(right).astype(np.int64),
            value=np.concatenate(value).astype(np.float64),
            threshold=float(data["threshold"]),
            strongest=float(data["strongest"]),
        )

    def probability(self, features: np.ndarray) -> np.ndarray:
        """Same-fact probability of each row of ``features`` (columns :data:`GROUP_FEATURES`,
        finite: the pair features never are NaN, so the trees' missing-value side is unused)."""
        if not np.isfinite(features).all():
            raise ValueError("pair features must be finite (a NaN or inf reached the trees)")
        columns = np.ascontiguousarray(np.asarray(features, dtype=np.float64).T)
        rows = np.arange(columns.shape[1])
        raw = np.full(len(rows), self.base)
        for root, depth in zip(self.roots.tolist(), self.depth.tolist(), strict=True):
            node = np.full(len(rows), root, dtype=np.int64)
            for _ in range(depth):
                go_left = columns[self.feature[node], rows] <= self.cut[node]
                node = np.where(go_left, self.left[node], self.right[node])
            raw += self.value[node]
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(raw, -50.0, 50.0))))


def _depth(left: list[int], right: list[int], leaf: np.ndarray) -> int:
    """The longest root-to-leaf path of one tree (local node indices, root 0)."""
    deepest, stack = 0, [(0, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if not leaf[node]:
            stack += [(left[node], depth + 1), (right[node], depth + 1)]
    return deepest


@functools.lru_cache(maxsize=1)
def pair_trees() -> PairTrees:
    """The shipped trees (``summarize/data/story_pair_trees.json``)."""
    from summarize.comparison.calibration import calibration_file

    return PairTrees.from_dict(calibration_file("story_pair_trees.json"))
