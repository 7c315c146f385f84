"""Every outlet's value for a disputed detail, not only those of the sentences that disagree.

A dispute is found from pairs of sentences that disagree ("at least 23 people died" / "the
death toll has risen to 27"); an outlet whose sentence agrees with one of the values was never
in such a pair, so it would be left out of the value it gives ("Twenty-three people died").
Once a dispute on a detail of a fact is found, :func:`agreeing_value` reads each sentence of
the same fact (in one claim with a disputing sentence, or close to one in meaning) for the same
detail, and keeps the value when it agrees with the disputing sentence's value: as strong
evidence as a disagreement needs (the same key words, the same year), so a sentence only joins
a value it gives, and never starts a dispute of its own. A span of time is not required to
match ("in decades" is no span of the count): the agreeing value already says it is one count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol

import numpy as np

from summarize.comparison import details
from summarize.types.alignment import Claim, SentenceRef

__all__ = ["Agreeing", "Reading", "agreeing_sentences", "agreeing_value", "claim_mates"]

#: A sentence that agrees with one of a dispute's values: kind, key, the dispute's sentence it
#: agrees with, and its own sentence, value in its own words and normalised value.
Agreeing = tuple[str, str, SentenceRef, tuple[SentenceRef, str, Any]]


class Reading(Protocol):
    """What one sentence states (``disputes._Read``): the details compared here."""

    ref: SentenceRef
    numbers: tuple[details.Number, ...]
    dates: tuple[details.DateValue, ...]
    clocks: tuple[details.Clock, ...]
    content: frozenset[str]
    years: frozenset[str]
    window: str
    date_verbs: dict[tuple[int, int], str]
    propn: frozenset[str]


def claim_mates(claims: Iterable[Claim]) -> dict[tuple[int, int], frozenset[tuple[int, int]]]:
    """(article, index) of each sentence -> the sentences of other outlets that share a claim
    with it (in any of the given groupings: sentence claims and fact claims)."""
    mates: dict[tuple[int, int], set[tuple[int, int]]] = defaultdict(set)
    for claim in claims:
        keys = [(ref.article, ref.index) for ref in claim.sentences]
        for key in keys:
            mates[key].update(k for k in keys if k[0] != key[0])
    return {key: frozenset(found) for key, found in mates.items()}


def agreeing_sentences(
    found: Sequence[tuple[Any, ...]],
    chosen: Sequence[SentenceRef],
    vectors: Sequence[np.ndarray],
    kinds: Sequence[frozenset[str]],
    stems: Sequence[frozenset[str]],
    close: Sequence[tuple[int, int, float]],
    claims: Mapping[tuple[int, int], frozenset[tuple[int, int]]],
    *,
    parse: Callable[[Iterable[int]], None],
    read: Mapping[int, Reading],
) -> list[Agreeing]:
    """Sentences of other outlets, of the same fact as a sentence of a disputed count, date or
    time (one claim, or a close cosine), that give a value agreeing with that sentence's.

    ``found`` are the disagreements (kind, key, each side's sentence, words and value, cosine)
    among ``chosen`` (the sentences that state a figure, with their ``kinds`` and ``stems``);
    ``close`` the candidate pairs by cosine; ``claims`` each sentence's claim mates;
    ``parse`` reads the sentences at the given positions into ``read``."""
    gathered = [item for item in found if item[0] in ("count", "date", "time")]
    if not gathered:
        return []
    position = {(ref.article, ref.index): k for k, ref in enumerate(chosen)}
    near: dict[int, dict[int, float]] = defaultdict(dict)
    for i, j, score in close:
        near[i][j] = near[j][i] = score
    members: dict[tuple[str, str], dict[int, Any]] = defaultdict(dict)
    for kind, key, a, b, _ in gathered:
        for ref, _, value in (a, b):
            members[(kind, key)].setdefault(position[(ref.article, ref.index)], value)
    asks: list[tuple[str, str, int, int, float, bool]] = []
    for (kind, key), given in members.items():
        for i in given:
            mates = {
                position[m]
                for m in claims.get((chosen[i].article, chosen[i].index), ())
                if m in position  # a sentence with a figure
            }
            for j in sorted(mates | set(near[i])):
                if j in given or chosen[j].article == chosen[i].article:
                    continue
                if kind not in kinds[j] or len(stems[i] & stems[j]) < 2:
                    continue
                cosine = near[i].get(j)
                if cosine is None:
                    cosine = float(vectors[chosen[i].article][chosen[i].index]
                                   @ vectors[chosen[j].article][chosen[j].index])  # fmt: skip
                asks.append((kind, key, i, j, cosine, j in mates))
    parse(j for *_, j, _, _ in asks)
    agreeing: list[Agreeing] = []
    for kind, key, i, j, score, same_claim in asks:
        value = members[(kind, key)][i]
        agrees = agreeing_value(
            kind, key, read[i], value, read[j], score=score, same_claim=same_claim
        )
        if agrees is not None:
            agreeing.append((kind, key, chosen[i], (chosen[j], *agrees)))
    return agreeing


def agreeing_value(
    kind: str,
    key: str,
    member: Reading,
    value: Any,
    other: Reading,
    *,
    score: float,
    same_claim: bool,
) -> tuple[str, Any] | None:
    """The value ``other`` gives for the detail on which ``member`` gives ``value``, in its
    own words and normalised, when it agrees with ``value`` and the two sentences are of one
    fact; else ``None``.

    Args:
        kind: "count", "date" or "time" (other kinds are not gathered).
        key: What a count counts ("T:deaths", "dose"); "date" or "time" otherwise.
        member: A sentence of the dispute; ``value`` is its value there.
        other: A sentence of another outlet.
        score: The two sentences' cosine.
        same_claim: The alignment put them in one claim (same fact, whatever the cosine).
    """
    shared = member.content & other.content
    if len(shared) < 2:
        return None
    if kind == "count":
        return _count(key, member, value, other, score, same_claim, len(shared - {key}))
    if kind == "date" and (score >= 0.5 or same_claim) and len(shared) >= 3:
        verb = member.date_verbs.get(value, "")
        given = list(other.dates)
        if len(given) > 1:  # several days: the one dated by the same verb ("capsized on")
            given = [d for d in given if verb and other.date_verbs.get(d.day) == verb]
        if len(given) == 1 and given[0].day == value:
            return given[0].text, given[0].day
        return None
    if kind == "time" and (score >= 0.55 or same_claim) and len(shared) >= 3:
        clock = other.clocks[0] if len(other.clocks) == 1 else None
        if clock is not None and abs(clock.minutes - value) <= (30 if clock.approx else 10):
            return clock.text, clock.minutes
    return None


def _count(
    key: str,
    member: Reading,
    value: details.Number,
    other: Reading,
    score: float,
    same_claim: bool,
    context: int,
) -> tuple[str, Any] | None:
    """A count of the same thing that agrees ("Twenty-three people died" / "At least 23")."""
    if member.years != other.years or key in ("$", "%"):
        return None  # a count of another year; shares and sums (often of different things)
    given = [n for n in other.numbers if key in n.keys]
    if len(given) != 1:
        return None  # none, or several figures of one thing (subsets)
    (number,) = given
    if number.negated != value.negated:
        return None
    if not details.compatible(value, number, casualties=key.startswith("T:")):
        return None
    if key.startswith("T:"):
        close = (score >= 0.45 or same_claim) and context >= 2
    elif key == "age":
        close = score >= 0.55 and context >= 3
    else:
        close = ((score >= 0.5 or same_claim) and context >= 2) or (score >= 0.6 and context >= 1)
        close = close and bool(member.propn & other.propn)
    return (number.text, number) if close else None
