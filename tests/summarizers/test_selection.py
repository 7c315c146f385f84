"""Sentence selection under length limits: MMR and budget filling (no models needed)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from summarize.pipeline.digest import Limits
from summarize.summarizers.selection import fill_budget, select


def _objective(chosen, relevance, words, budget):
    if not chosen:
        return 0.0
    taken = list(chosen)
    return float((relevance[taken] * words[taken]).sum() / (words[taken].sum() + budget))


def test_fill_prefers_two_sentences_that_fill_the_budget_to_one_that_does_not():
    relevance = np.array([1.0, 0.9, 0.9])
    words = [30, 20, 20]
    vectors = np.eye(3, dtype=np.float32)
    limits = Limits(max_words=40)
    # Greedy takes the best sentence and leaves a quarter of the budget empty ...
    assert select(relevance, vectors, words, limits=limits) == [0]
    # ... filling takes the two nearly as good ones that use all of it.
    assert fill_budget(relevance, vectors, words, limits=limits) == [1, 2]


def test_fill_adds_nothing_that_would_dilute_the_digest():
    relevance = np.array([1.0, 0.05])
    chosen = fill_budget(relevance, np.eye(2), [20, 20], limits=Limits(max_words=40))
    assert chosen == [0]


@pytest.mark.parametrize("seed", range(12))
def test_fill_finds_the_best_set_that_fits(seed):
    rng = np.random.default_rng(seed)
    n = 8
    relevance = rng.uniform(0, 1, n)
    words = rng.integers(5, 40, n)
    budget = int(rng.integers(20, 90))
    max_sentences = int(rng.integers(1, 4)) if seed % 2 else None
    vectors = np.eye(n, dtype=np.float32)
    limits = Limits(max_words=budget, max_sentences=max_sentences)
    chosen = fill_budget(relevance, vectors, list(words), limits=limits)
    assert chosen == sorted(chosen)
    assert words[chosen].sum() <= budget
    assert max_sentences is None or len(chosen) <= max_sentences
    best = max(
        _objective(subset, relevance, words, budget)
        for k in range(1, (max_sentences or n) + 1)
        for subset in itertools.combinations(range(n), k)
        if words[list(subset)].sum() <= budget
    )
    assert _objective(chosen, relevance, words, budget) == pytest.approx(best)


def test_fill_keeps_the_more_relevant_of_two_duplicates_and_skips_forbidden_ones():
    vectors = np.eye(4, dtype=np.float32)
    vectors[3] = vectors[0]  # candidate 3 says what candidate 0 says
    relevance = np.array([0.5, -np.inf, 0.4, 0.9])
    chosen = fill_budget(relevance, vectors, [10, 10, 10, 10], limits=Limits(max_words=100))
    assert 3 in chosen and 0 not in chosen and 1 not in chosen


def test_fill_without_a_word_limit_is_mmr_and_nothing_fits_gives_nothing():
    relevance = np.array([0.9, 0.5, 0.7])
    vectors = np.eye(3, dtype=np.float32)
    limits = Limits(max_sentences=2)
    assert fill_budget(relevance, vectors, [10, 10, 10], limits=limits) == sorted(
        select(relevance, vectors, [10, 10, 10], limits=limits)
    )
    assert fill_budget(relevance, vectors, [50, 60, 70], limits=Limits(max_words=10)) == []


def test_fill_with_concepts_covers_each_shared_concept_once():
    # Sentences 0 and 1 state one fact in two wordings (the same shared bigrams); sentence 2
    # states another, a little less relevant. Two fit the budget.
    relevance = np.array([1.0, 0.99, 0.98])
    words = [10, 10, 10]
    vectors = np.eye(3, dtype=np.float32)
    limits = Limits(max_words=20)
    covers = [{"a", "b"}, {"a", "b"}, {"c", "d"}]
    values = dict.fromkeys("abcd", 5.0)
    assert fill_budget(relevance, vectors, words, limits=limits) == [0, 1]
    assert fill_budget(
        relevance, vectors, words, limits=limits, concepts=covers, concept_values=values
    ) == [0, 2]


@pytest.mark.parametrize("seed", range(20))
def test_fill_with_concepts_finds_the_best_set_that_fits(seed):
    rng = np.random.default_rng(seed)
    n, budget = 7, 40
    relevance = rng.uniform(0.2, 1.0, n)
    words = rng.integers(5, 30, n)
    vectors = np.eye(n, dtype=np.float32)
    covers = [set(rng.choice(list("abcdefgh"), size=3, replace=False)) for _ in range(n)]
    values = {c: float(v) for c, v in zip("abcdefgh", rng.uniform(0, 4, 8), strict=True)}

    def worth(chosen):
        covered = set().union(*(covers[i] for i in chosen)) if chosen else set()
        gain = float((relevance[chosen] * words[chosen]).sum()) + sum(values[c] for c in covered)
        return gain / (words[chosen].sum() + budget) if chosen else 0.0

    chosen = fill_budget(
        relevance,
        vectors,
        list(words),
        limits=Limits(max_words=budget),
        concepts=covers,
        concept_values=values,
    )
    assert words[chosen].sum() <= budget
    best = max(
        worth(list(subset))
        for size in range(n + 1)
        for subset in itertools.combinations(range(n), size)
        if words[list(subset)].sum() <= budget
    )
    assert worth(chosen) == pytest.approx(best)
