"""A merged digest states each fact once.

A merged digest picks one representative per sentence claim, and sentence claims hold at most
one sentence per outlet, joined by the calibrated cosine rule; two outlets that word one fact
differently ("had 186 people on board when it overturned" / "was carrying 186 passengers and
crew when it rolled onto its side") are then two claims, and the digest could state the fact
twice, each copy citing part of its outlets. The story-internal same-fact model's claims
(:attr:`~summarize.types.Alignment.fact_claims`) join such sentences. Candidates whose
sentences share a fact claim are made alternatives of one another (one selection group), so
the selection takes at most one of them: the fact is stated once, and its sentence cites every
outlet the model finds stating it (the citations already follow the facts).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

__all__ = ["one_per_fact"]

S = TypeVar("S", bound=Hashable)


def one_per_fact(
    groups: Sequence[int], sentences: Sequence[Iterable[S]], *, fact: Mapping[S, Hashable]
) -> list[int]:
    """Selection groups in which candidates stating one fact are alternatives.

    Args:
        groups: Each candidate's group (candidates with one group are already alternatives:
            a sentence and its shorter forms).
        sentences: Each candidate's sentences.
        fact: Each sentence's fact (e.g. its fact claim); a sentence without one shares none.

    Returns:
        A group per candidate: candidates with sentences of one fact, directly or through a
        chain of candidates, get the smallest of their groups; the others keep theirs.
    """
    parent: dict[int, int] = {g: g for g in groups}

    def root(g: int) -> int:
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    first: dict[Hashable, int] = {}  # fact -> the group of a candidate stating it
    for group, members in zip(groups, sentences, strict=True):
        for sentence in members:
            key = fact.get(sentence)
            if key is None:
                continue
            a, b = root(group), root(first.setdefault(key, group))
            if a != b:
                parent[max(a, b)] = min(a, b)
    return [root(g) for g in groups]
