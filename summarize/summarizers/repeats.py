"""A merged digest states each fact once.

A merged digest picks one representative per sentence claim, and sentence claims hold at most
one sentence per outlet, joined by the calibrated cosine rule; two outlets that word one fact
differently ("had 186 people on board when it overturned" / "was carrying 186 passengers and
crew when it rolled onto its side") are then two claims, and the digest could state the fact
twice, each copy citing part of its outlets. The story-internal same-fact model's claims
(:attr:`~summarize.types.Alignment.repeat_claims`, the logistic model's even where the
comparison shows the boosted trees' claims: skipping by those left NeuS digests too short)
join such sentences; a sentence that states two facts is in two of them, so a digest that
states both in one sentence skips another outlet's sentence of either. While
two chosen pieces share a fact claim, the lesser is skipped and the digest chosen again (not
one selection group for all the pieces of a fact claim: a piece of two sentences would chain
unrelated facts into one group). The fact is stated once, and its sentence cites, besides the
outlets the model finds stating it, those of the repeats skipped. A digest without a repeat is
left as it was.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Sequence

import numpy as np

__all__ = ["repeat"]


def repeat(
    chosen: Sequence[int], facts: Sequence[Collection[tuple[Hashable, int]]], scores: np.ndarray
) -> int | None:
    """The chosen candidate to skip because another chosen one states one of its facts from
    another outlet: of the first such pair (in choice order), the one of lower score (ties:
    the later); ``None`` when the chosen candidates state every fact once.

    Args:
        chosen: Indices of the chosen candidates.
        facts: Each candidate's (fact, outlet) pairs (e.g. the fact claim and article of each
            of its sentences). One outlet's two sentences in one fact claim do not count: the
            model groups an outlet's own sentences less reliably (a claim and the next step).
        scores: Each candidate's relevance.
    """
    stated: dict[Hashable, tuple[int, int]] = {}  # fact -> (chosen candidate, its outlet)
    for i in chosen:
        for key, outlet in facts[i]:
            j, other = stated.setdefault(key, (i, outlet))
            if j != i and other != outlet:
                return i if (scores[i], -i) < (scores[j], -j) else j
    return None
