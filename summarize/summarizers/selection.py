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
  set covers, each once (Gillick and Favre's concept model), found by local search from the
  knapsack's solutions.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Hashable, Mapping, Sequence

import numpy as np

from summarize.defaults import DUPLICATE_COSINE, MAX_CANDIDATES, MAX_TABLE_CELLS
from summarize.types.digest import Limits

logger = logging.getLogger(__name__)

__all__ = ["fill_budget", "select"]


def select(
    scores: np.ndarray,
    vectors: np.ndarray,
    word_counts: Sequence[int],
    *,
    limits: Limits,
    diversity: float = 0.5,
    duplicate: float = DUPLICATE_COSINE,
    groups: Sequence[int] | None = None,
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
        groups: Alternatives: candidates with the same entry are never taken together
            (``None``: every candidate stands alone).
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
    labels = np.arange(n) if groups is None else np.asarray(groups)
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
        available &= (redundancy < duplicate) & (labels != labels[best])
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
            # Taking item i moves a cell `weight` to the right (and one slot down): only that
            # part of the table can improve, so it is updated in place.
            if slots is None:
                with_item = best[0, : capacity + 1 - weight] + value
                target, target_which = merged[0, weight:], which[0, weight:]
            else:
                with_item = best[:-1, : capacity + 1 - weight] + value
                target, target_which = merged[1:, weight:], which[1:, weight:]
            better = with_item > target
            target[better] = with_item[better]
            target_which[better] = i
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
        return sorted(
            select(
                relevance, vectors, word_counts, limits=limits, duplicate=duplicate, groups=groups
            )
        )

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
    labels = [label[c] for c in candidates]
    if concepts is not None and concept_values:
        chosen = _cover(
            value, words, budget, slots, labels, [concepts[c] for c in candidates], concept_values
        )
    else:
        chosen = _dinkelbach(value, words, budget, slots, labels)
    return sorted(candidates[i] for i in chosen)


def _dinkelbach(
    value: np.ndarray, words: np.ndarray, budget: int, slots: int | None, labels: Sequence[int]
) -> list[int]:
    """The set maximising ``sum(value * words) / (words + budget)`` within the budget (and
    ``slots``), at most one per label: Dinkelbach's method (the best ratio N(S)/D(S) is the
    lambda at which max N(S) - lambda*D(S) is 0) over an exact knapsack."""
    ratio, chosen = 0.0, [int(np.argmax(value))]
    for _ in range(50):
        picked = _knapsack(words * (value - ratio), words, budget, slots, labels)
        if not picked:
            break
        new_ratio = float((value[picked] * words[picked]).sum() / (words[picked].sum() + budget))
        if new_ratio <= ratio + 1e-12:
            break
        ratio, chosen = new_ratio, picked
    return chosen


def _cover(
    value: np.ndarray,
    words: np.ndarray,
    budget: int,
    slots: int | None,
    labels: Sequence[int],
    covers: Sequence[Collection[Hashable]],
    concept_values: Mapping[Hashable, float],
) -> list[int]:
    """:func:`fill_budget` with concepts: a set of high ``(sum(value * words) + value of the
    distinct concepts covered) / (words + budget)``.

    Exact integer programming (SciPy's HiGHS ``milp``) took ~0.2 s a Multi-News story, more
    than the rest of ``brief()``. Instead: three exact knapsack solutions (Dinkelbach) with each
    candidate's concepts counted as its own (not at all; shared equally among the candidates
    holding them; in full), each improved by local search (:func:`_improve`); the best of the
    three. How close it comes to the integer program, and how fast: BENCHMARKS.md
    "Readability".
    """
    index: dict[Hashable, int] = {}
    for cover in covers:
        for concept in cover:
            if concept in concept_values and concept not in index:
                index[concept] = len(index)
    holds = np.zeros((len(value), len(index)), dtype=np.int32)
    for i, cover in enumerate(covers):
        for concept in cover:
            j = index.get(concept)
            if j is not None:
                holds[i, j] = 1
    worth = np.zeros(len(index))
    for concept, j in index.items():
        worth[j] = concept_values[concept]
    problem = _Coverage(value * words, words, budget, slots, np.asarray(labels), holds, worth)
    own = holds @ worth
    shared = holds @ (worth / np.maximum(holds.sum(axis=0), 1))
    best: tuple[float, list[int]] = (-1.0, [])
    for extra in (np.zeros_like(own), shared, own):
        start = _dinkelbach(value + extra / words, words, budget, slots, labels)
        found = problem.improve(start)
        score = problem.score(np.isin(np.arange(len(value)), found))
        if score > best[0] + 1e-12:
            best = (score, found)
    return best[1]


class _Coverage:
    """The concept objective of :func:`_cover` and a local search on it."""

    def __init__(
        self,
        gain: np.ndarray,
        words: np.ndarray,
        budget: int,
        slots: int | None,
        labels: np.ndarray,
        holds: np.ndarray,
        worth: np.ndarray,
    ) -> None:
        self.gain, self.words, self.budget = gain, words, budget
        self.slots = len(gain) if slots is None else slots
        self.labels, self.holds, self.worth = labels, holds, worth

    def score(self, chosen: np.ndarray) -> float:
        """The objective of the candidates marked in boolean ``chosen``."""
        if not chosen.any():
            return 0.0
        covered = self.holds[chosen].any(axis=0)
        numerator = self.gain[chosen].sum() + self.worth[covered].sum()
        return float(numerator / (self.words[chosen].sum() + self.budget))

    def improve(self, start: Sequence[int]) -> list[int]:
        """From ``start``, make the best move (add one candidate, drop one, or swap one for
        another) while it raises the objective; the candidates at the end."""
        gain, words, holds, worth, labels = (
            self.gain,
            self.words,
            self.holds,
            self.worth,
            self.labels,
        )
        chosen = np.zeros(len(gain), dtype=bool)
        chosen[list(start)] = True
        best = self.score(chosen)
        for _ in range(4 * len(gain)):
            count = holds[chosen].sum(axis=0)
            room = self.budget - int(words[chosen].sum())
            numerator = gain[chosen].sum() + worth[count > 0].sum()
            denominator = words[chosen].sum() + self.budget
            taken = labels[chosen]
            moves: list[tuple[float, int, int]] = []  # (objective, dropped, added); -1: none
            addable = (~chosen) & (words <= room) & ~np.isin(labels, taken)
            if chosen.sum() < self.slots and addable.any():
                ratio = (numerator + gain + (holds * (count == 0)) @ worth) / (denominator + words)
                k = int(np.argmax(np.where(addable, ratio, -np.inf)))
                moves.append((float(ratio[k]), -1, k))
            for d in np.flatnonzero(chosen):
                rest = count - holds[d]
                lost = worth[(holds[d] > 0) & (rest == 0)].sum()
                without = numerator - gain[d] - lost
                if chosen.sum() > 1:
                    moves.append((float(without / (denominator - words[d])), int(d), -1))
                swappable = (
                    (~chosen)
                    & (words <= room + words[d])
                    & ~np.isin(labels, taken[taken != labels[d]])
                )
                if swappable.any():
                    ratio = (without + gain + (holds * (rest == 0)) @ worth) / (
                        denominator - words[d] + words
                    )
                    k = int(np.argmax(np.where(swappable, ratio, -np.inf)))
                    moves.append((float(ratio[k]), int(d), k))
            if not moves:
                break
            new, dropped, added = max(moves, key=lambda move: move[0])
            if new <= best + 1e-12:
                break
            if dropped >= 0:
                chosen[dropped] = False
            if added >= 0:
                chosen[added] = True
            best = new
        return [int(i) for i in np.flatnonzero(chosen)]
