"""Choosing which ranked sentences make a digest, within its length limits.

Two strategies, both deterministic and both never cutting a sentence:

* :func:`select` (MMR): repeatedly take the most relevant sentence that still fits, penalised
  by its similarity to those already taken. Good when a digest has many sentences.
* :func:`fill_budget`: the set of sentences that best fills a word budget. A short budget
  holds two or three sentences, and greedy choice often takes one long sentence and leaves a
  third of the budget empty. This instead maximises the expected overlap with an ideal
  summary of the budget's length: ``sum(relevance * words) / (words + budget)``, the F1 of a
  digest whose sentences are each ``relevance`` parts relevant (Dinkelbach's method over a
  0/1 knapsack, exact). A sentence is added only while its relevance beats the set's.
  Given *concepts* (:mod:`summarize.summarizers.concepts`: the bigrams several outlets use,
  each with a value), the expected overlap also counts the value of the distinct concepts the
  set covers, each once (Gillick and Favre's concept model); that is an integer program
  (SciPy's HiGHS ``milp``), still exact.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Hashable, Mapping, Sequence

import numpy as np

from summarize.defaults import DUPLICATE_COSINE, MAX_CANDIDATES, MAX_TABLE_CELLS
from summarize.types.digest import Limits

logger = logging.getLogger(__name__)

__all__ = ["MAX_CANDIDATES", "MAX_TABLE_CELLS", "fill_budget", "select"]


def select(
    scores: np.ndarray,
    vectors: np.ndarray,
    word_counts: Sequence[int],
    *,
    limits: Limits,
    diversity: float = 0.5,
    duplicate: float = DUPLICATE_COSINE,
) -> list[int]:
    """Pick candidates by MMR within ``limits``; returns their indices in choice order.

    Args:
        scores: Relevance of each candidate (higher is better; ``-inf``: never take it).
        vectors: Unit vectors of the candidates, for redundancy.
        word_counts: Words per candidate.
        limits: Word and sentence limits; a candidate that does not fit the words left is
            skipped and the next best that fits is tried.
        diversity: Weight of the redundancy penalty (max cosine to an already chosen one).
        duplicate: Candidates this similar to a chosen one are never taken.
    """
    n = len(scores)
    chosen: list[int] = []
    if n == 0:
        return chosen
    words_left = limits.max_words if limits.max_words is not None else np.inf
    max_sentences = limits.max_sentences if limits.max_sentences is not None else n
    available = np.isfinite(scores)  # -inf marks candidates that must not be taken
    redundancy = np.zeros(n, dtype=np.float32)
    counts = np.asarray(word_counts)
    while len(chosen) < max_sentences:
        available &= counts <= words_left
        if not available.any():
            break
        value = np.where(available, scores - diversity * redundancy, -np.inf)
        best = int(np.argmax(value))  # argmax returns the first (earliest) on ties
        chosen.append(best)
        available[best] = False
        words_left -= counts[best]
        redundancy = np.maximum(redundancy, vectors @ vectors[best])
        available &= redundancy < duplicate
    return chosen


def _knapsack(
    values: np.ndarray,
    weights: np.ndarray,
    capacity: int,
    slots: int | None,
    groups: Sequence[int] | None = None,
) -> list[int]:
    """Items of the largest total value with total weight <= ``capacity`` (and at most
    ``slots`` items when given), at most one item per group (items with the same ``groups``
    entry are alternatives, e.g. a sentence and its shorter form). Dynamic programming over
    (items taken, weight used), one group at a time."""
    n_slots = 1 if slots is None else slots + 1
    labels = list(range(len(values))) if groups is None else list(groups)
    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        members.setdefault(label, []).append(i)
    best = np.full((n_slots, capacity + 1), -np.inf)
    best[0, 0] = 0.0
    took: list[np.ndarray] = []  # per group: the item taken at each cell, or -1
    order = list(members.values())
    for items in order:
        merged = best.copy()
        which = np.full(best.shape, -1)
        for i in items:
            weight, value = int(weights[i]), float(values[i])
            with_item = np.full_like(best, -np.inf)
            if slots is None:
                with_item[0, weight:] = best[0, : capacity + 1 - weight] + value
            else:
                with_item[1:, weight:] = best[:-1, : capacity + 1 - weight] + value
            better = with_item > merged
            merged = np.where(better, with_item, merged)
            which = np.where(better, i, which)
        took.append(which)
        best = merged
    cell = np.unravel_index(int(np.argmax(best)), best.shape)
    slot, weight = int(cell[0]), int(cell[1])
    chosen = []
    for which in reversed(took):
        i = int(which[slot, weight])
        if i >= 0:
            chosen.append(i)
            weight -= int(weights[i])
            slot -= 0 if slots is None else 1
    return sorted(chosen)


def fill_budget(
    relevance: np.ndarray,
    vectors: np.ndarray,
    word_counts: Sequence[int],
    *,
    limits: Limits,
    duplicate: float = DUPLICATE_COSINE,
    groups: Sequence[int] | None = None,
    concepts: Sequence[Collection[Hashable]] | None = None,
    concept_values: Mapping[Hashable, float] | None = None,
) -> list[int]:
    """The sentences that best fill ``limits.max_words``; returns indices in reading order.

    Args:
        relevance: Non-negative relevance of each candidate, on a ratio scale (a sentence
            twice as relevant is worth twice as much per word); ``-inf``: never take it.
        vectors: Unit vectors of the candidates. Of two candidates at least ``duplicate``
            similar, only the more relevant one is considered.
        word_counts: Words per candidate.
        limits: Must set ``max_words`` (without it there is no budget to fill, and this falls
            back to :func:`select`); ``max_sentences`` is honoured too.
        duplicate: Cosine similarity above which two candidates say the same thing.
        groups: Alternatives: candidates with the same entry (a sentence and its shorter
            forms) are never taken together. ``None``: every candidate stands alone.
        concepts: Each candidate's concepts (e.g. bigrams); with ``concept_values``, a set's
            worth also holds the values of the distinct concepts it covers, each counted once
            however many of its sentences hold it (``None``: relevance alone).
        concept_values: Value of each concept, on the scale of ``relevance * words``;
            concepts not in it are worth nothing.
    """

    def mmr() -> list[int]:
        return sorted(select(relevance, vectors, word_counts, limits=limits, duplicate=duplicate))

    budget = limits.max_words
    if budget is None:
        return mmr()
    counts = np.asarray(word_counts, dtype=int)
    fits = np.isfinite(relevance) & (counts <= budget)
    order = [int(i) for i in np.argsort(-relevance, kind="stable") if fits[i]]
    label = list(range(len(relevance))) if groups is None else list(groups)
    candidates: list[int] = []
    for i in order[:MAX_CANDIDATES]:
        others = [c for c in candidates if label[c] != label[i]]
        if not others or float((vectors[others] @ vectors[i]).max()) < duplicate:
            candidates.append(i)
    slots = limits.max_sentences
    if slots is not None and slots >= len(candidates):
        slots = None  # the sentence limit cannot bind
    cells = len(candidates) * (1 if slots is None else slots + 1) * (budget + 1)
    if cells > MAX_TABLE_CELLS:
        logger.debug("fill_budget: falling back to MMR (budget %s, %d cells)", budget, cells)
        return mmr()
    if not candidates:
        return []
    value, words = relevance[candidates].astype(float), counts[candidates]
    if concepts is not None and concept_values:
        covers = [concepts[c] for c in candidates]
        labels = [label[c] for c in candidates]
        return sorted(
            candidates[i]
            for i in _cover(value, words, budget, slots, labels, covers, concept_values)
        )
    # Dinkelbach: the best ratio N(S)/D(S) is the lambda at which max N(S) - lambda*D(S) is 0.
    ratio, chosen = 0.0, [int(np.argmax(value))]
    for _ in range(50):
        picked = _knapsack(
            words * (value - ratio), words, budget, slots, [label[c] for c in candidates]
        )
        if not picked:
            break
        new_ratio = float((value[picked] * words[picked]).sum() / (words[picked].sum() + budget))
        if new_ratio <= ratio + 1e-12:
            break
        ratio, chosen = new_ratio, picked
    return sorted(candidates[i] for i in chosen)


def _cover(
    value: np.ndarray,
    words: np.ndarray,
    budget: int,
    slots: int | None,
    labels: Sequence[int],
    covers: Sequence[Collection[Hashable]],
    concept_values: Mapping[Hashable, float],
) -> list[int]:
    """:func:`fill_budget` with concepts: the set maximising ``(sum(value * words) + value of
    the distinct concepts covered) / (words + budget)``, by Dinkelbach's method over a 0/1
    integer program (one binary per candidate, one per concept that candidates of two or more
    groups share; a concept only one group holds is worth its value to each of its members, as
    at most one of them is taken)."""
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_array

    n = len(value)
    holders: dict[Hashable, list[int]] = {}
    for i, cover in enumerate(covers):
        for concept in cover:
            if concept in concept_values:
                holders.setdefault(concept, []).append(i)
    own = np.zeros(n)  # concepts held by one group only, folded into its members' worth
    shared: list[tuple[float, list[int]]] = []
    for concept, items in holders.items():
        if len({labels[i] for i in items}) == 1:
            own[items] += concept_values[concept]
        else:
            shared.append((concept_values[concept], items))
    m = len(shared)
    rows: list[int] = []
    cols: list[int] = []
    data: list[float] = []
    lower: list[float] = []
    upper: list[float] = []

    def constraint(entries: Sequence[tuple[int, float]], low: float, high: float) -> None:
        row = len(lower)
        for col, coefficient in entries:
            rows.append(row)
            cols.append(col)
            data.append(coefficient)
        lower.append(low)
        upper.append(high)

    constraint([(i, float(words[i])) for i in range(n)], 0.0, float(budget))
    if slots is not None:
        constraint([(i, 1.0) for i in range(n)], 0.0, float(slots))
    for j, (_, items) in enumerate(shared):  # a concept counts only if a holder is taken
        constraint([(n + j, 1.0), *((i, -1.0) for i in items)], -np.inf, 0.0)
    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        members.setdefault(label, []).append(i)
    for items in members.values():  # at most one alternative of each group
        if len(items) > 1:
            constraint([(i, 1.0) for i in items], 0.0, 1.0)
    matrix = coo_array((data, (rows, cols)), shape=(len(lower), n + m)).tocsr()
    constraints = LinearConstraint(matrix, lower, upper)
    worth = np.array([v for v, _ in shared])
    ratio, chosen = 0.0, [int(np.argmax(value * words + own))]
    for _ in range(50):
        objective = np.concatenate([-(words * (value - ratio) + own), -worth])
        result = milp(
            objective,
            constraints=constraints,
            integrality=np.ones(n + m),
            bounds=Bounds(0, 1),
        )
        if result.x is None:
            break
        picked = [i for i in range(n) if result.x[i] > 0.5]
        if not picked:
            break
        taken = set(picked)
        gain = float((value[picked] * words[picked] + own[picked]).sum())
        # `own` already counts the one-group concepts; add the shared ones covered, once.
        gain += sum(v for v, items in shared if taken.intersection(items))
        new_ratio = gain / (float(words[picked].sum()) + budget)
        if new_ratio <= ratio + 1e-12:
            break
        ratio, chosen = new_ratio, picked
    return chosen
