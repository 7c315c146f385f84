"""Boosted trees that group a story's sentences into fact claims.

The story pair model (:mod:`story_pairs`, a logistic regression) gives the probabilities that
citations and "only one outlet reports" read. Grouping sentences into claims reads a stronger
scorer of the same pairs: gradient-boosted trees (scikit-learn's
``HistGradientBoostingClassifier``, fitted by ``python -m benchmarks.fit_pair_trees``) over the
24 pair features plus four in-story IDF overlaps (:data:`EXTRA`). The trees ship as plain JSON
(``summarize/data/story_pair_trees.json``) and are evaluated here with numpy, so no pickle and
no scikit-learn at run time; the fit checks that both give the same probabilities.

With its bars (``threshold``: the mean probability over two groups' cross pairs; ``strongest``:
their best single pair) the trees join more of what editors call one fact than the logistic did,
at the same pair precision, on held-out halves of both labelled sets (BENCHMARKS.md, "Fact
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

    Each node: ``feature`` and ``cut`` (go left when the value is ``<= cut``; a missing value
    goes left when ``missing_left``), children ``left``/``right`` (global node indices), a
    ``leaf`` flag and the leaf's ``value``. ``roots``: each tree's first node. The probability
    is the logistic of ``base`` plus the leaf values reached.
    """

    base: float
    roots: np.ndarray
    feature: np.ndarray
    cut: np.ndarray
    missing_left: np.ndarray
    left: np.ndarray
    right: np.ndarray
    leaf: np.ndarray
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
        trees = data["trees"]
        sizes = [len(t["feature"]) for t in trees]
        offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)

        def stacked(field: str, dtype: Any) -> np.ndarray:
            return np.concatenate([np.asarray(t[field], dtype=dtype) for t in trees])

        shift = np.repeat(offsets, sizes)
        return cls(
            base=float(data["base"]),
            roots=offsets,
            feature=stacked("feature", np.int64),
            cut=stacked("cut", np.float64),
            missing_left=stacked("missing_left", bool),
            left=stacked("left", np.int64) + shift,
            right=stacked("right", np.int64) + shift,
            leaf=stacked("leaf", bool),
            value=stacked("value", np.float64),
            threshold=float(data["threshold"]),
            strongest=float(data["strongest"]),
        )

    def probability(self, features: np.ndarray) -> np.ndarray:
        """Same-fact probability of each row of ``features`` (columns :data:`GROUP_FEATURES`)."""
        rows = len(features)
        raw = np.full(rows, self.base)
        index = np.arange(rows)
        for root in self.roots.tolist():
            node = np.full(rows, root, dtype=np.int64)
            inner = ~self.leaf[node]
            while inner.any():
                at = node[inner]
                x = features[index[inner], self.feature[at]]
                go_left = np.where(np.isnan(x), self.missing_left[at], x <= self.cut[at])
                node[inner] = np.where(go_left, self.left[at], self.right[at])
                inner = ~self.leaf[node]
            raw += self.value[node]
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(raw, -50.0, 50.0))))


@functools.lru_cache(maxsize=1)
def pair_trees() -> PairTrees:
    """The shipped trees (``summarize/data/story_pair_trees.json``)."""
    from summarize.comparison.calibration import calibration_file

    return PairTrees.from_dict(calibration_file("story_pair_trees.json"))
