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
from collections.abc import Iterable
from typing import Any, Protocol

from summarize.comparison import details
from summarize.types.alignment import Claim, SentenceRef

__all__ = ["Reading", "agreeing_value", "claim_mates"]


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
