"""Disputes: the pairwise differences of a story grouped into one entry per detail of a fact.

:func:`~summarize.comparison.conflicts.find_differences` says which aligned sentence pairs
conflict;
a story of ten reports repeats one disagreement pair by pair. :func:`group_disputes` turns
those pairs into :class:`~summarize.comparison.comparison.Dispute` objects ("Deaths: 60 (6 outlets)
/
65 (1) / 67 (1)") and, when the outlets carry publication times, tells an update (a later
report revising a figure) from a contradiction. :func:`cite_precisely` makes the merged
digest cite only outlets that agree with a sentence's details.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

from summarize.types.alignment import Claim, SentenceRef
from summarize.types.comparison import DISPUTE_KINDS, Difference, Dispute, DisputedValue
from summarize.types.digest import Digest, DigestSentence

__all__ = ["cite_precisely", "group_disputes", "parse_published"]

#: Topics that name one countable thing whatever sentence gives it ("deaths"), so their values
#: are grouped across claims; any other topic is grouped within its claim.
_STORY_TOPICS = {"deaths", "injured", "missing", "arrests"}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def parse_published(text: str | None) -> datetime | None:
    """A publication time from ISO 8601 ("2016-08-12", "2016-08-12T10:30:00Z") or an e-mail
    style date ("Fri, 12 Aug 2016 10:30:00 GMT"); ``None`` when it cannot be read. Times
    without a zone are taken as UTC."""
    if not text:
        return None
    value = text.strip()
    parsed: datetime | None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed


def _kind(difference: Difference) -> str:
    if difference.kind == "entity":
        return difference.topic or "name"
    return DISPUTE_KINDS.get(difference.kind, difference.kind)


def _value_key(kind: str, text: str) -> str:
    """Values that are the same figure or name however written ("at least 60" and "60")."""
    if kind in ("count", "date"):
        numbers = _NUMBER.findall(text)
        if numbers:
            return " ".join(n.replace(",", "") for n in numbers) + (
                "%" if "%" in text or "per" in text.lower() else ""
            )
    return " ".join(text.lower().split())


def group_disputes(
    differences: Iterable[Difference],
    claims: Sequence[Claim],
    *,
    published: Mapping[str, str] | None = None,
) -> tuple[Dispute, ...]:
    """One :class:`Dispute` per disputed detail of one fact.

    Pairs are grouped by kind and topic: counts of one story-wide thing (deaths, injured,
    missing, arrests) across the whole story, anything else within its claim. Each distinct
    value keeps the outlets and sentences that give it. With publication times for every
    outlet involved, values whose reports follow one another strictly in time get a
    ``timeline`` (an update).

    Returns:
        Contradictions first, then softer "detail differs"; within each, the dispute with the
        most outlets first, then in order of first appearance.
    """
    claim_of = {(r.article, r.index): i for i, c in enumerate(claims) for r in c.sentences}
    groups: dict[tuple[str, str, int], dict[str, list[tuple[str, SentenceRef]]]] = {}
    for difference in differences:
        kind = _kind(difference)
        topic = difference.topic if kind != difference.topic else ""
        claim = claim_of.get((difference.a.article, difference.a.index), -1)
        scope = -1 if kind in ("count", "date") and difference.topic in _STORY_TOPICS else claim
        key = (kind, topic, scope)
        values = groups.setdefault(key, {})
        for text, ref in ((difference.left, difference.a), (difference.right, difference.b)):
            values.setdefault(_value_key(kind, text), []).append((text, ref))
    times = {source: parse_published(text) for source, text in (published or {}).items()}
    ranked: list[tuple[tuple[bool, int, int], Dispute]] = []
    for (kind, topic, _), values in groups.items():
        entries = []
        for given in values.values():
            refs = sorted({ref for _, ref in given})
            sources = tuple(dict.fromkeys(ref.source for ref in refs))
            entries.append(DisputedValue(value=given[0][0], sources=sources, sentences=tuple(refs)))
        entries.sort(key=lambda v: (-v.support, v.sentences[0]))
        if len(entries) < 2:
            continue  # every pair gave the same values both ways: nothing left to dispute
        dispute = Dispute(
            kind=kind,
            topic=topic,
            values=tuple(entries),
            contradiction=kind != "detail differs",
            timeline=_timeline(entries, times),
        )
        outlets = len({source for value in entries for source in value.sources})
        ranked.append(((not dispute.contradiction, -outlets, len(ranked)), dispute))
    disputes = [dispute for _, dispute in sorted(ranked, key=lambda item: item[0])]
    return tuple(disputes)


def _timeline(
    values: Sequence[DisputedValue], times: Mapping[str, datetime | None]
) -> tuple[str, ...]:
    """The values oldest first when their reports do not overlap in time, else ``()``."""
    spans = []
    for value in values:
        stamps = [times.get(source) for source in value.sources]
        if not stamps or any(stamp is None for stamp in stamps):
            return ()
        known = [stamp for stamp in stamps if stamp is not None]
        spans.append((min(known), max(known), value.value))
    spans.sort()
    for (_, latest, _), (earliest, _, _) in itertools.pairwise(spans):
        if not latest < earliest:
            return ()
    return tuple(value for _, _, value in spans)


def cite_precisely(
    digest: Digest, claims: Sequence[Claim], differences: Iterable[Difference]
) -> Digest:
    """Cite an outlet only where its aligned sentence agrees on the sentence's details.

    For each digest sentence taken from a claim, every other outlet's sentence in that claim
    is checked against the digest sentence's own source sentence: an outlet whose sentence
    conflicts (a contradiction, not a softer "detail differs") moves from ``sources`` to
    ``disputed`` with the values it gives ("65 dead, 157 injured"); every outlet's own wording
    is kept in
    ``wording``. Sentences not taken from a claim (abstractive ones) are left as they are.
    """
    conflicts: dict[tuple[SentenceRef, SentenceRef], list[Difference]] = {}
    for difference in differences:
        if difference.soft:
            continue
        conflicts.setdefault((difference.a, difference.b), []).append(difference)
        conflicts.setdefault((difference.b, difference.a), []).append(difference)
    sentences = []
    for sentence in digest.sentences:
        claim, own = _claim_of(sentence, claims)
        if claim is None or own is None:
            sentences.append(sentence)
            continue
        disputed: dict[str, str] = {}
        for ref in claim.sentences:
            if ref.source == own.source:
                continue
            found = conflicts.get((own, ref), [])
            if found and ref.source not in disputed:
                disputed[ref.source] = ", ".join(
                    _with_topic(d.right if d.a == own else d.left, d) for d in found
                )
        sources = tuple(s for s in sentence.sources if s not in disputed)
        wording = tuple((ref.source, ref.text) for ref in sorted(claim.sentences))
        sentences.append(
            DigestSentence(
                text=sentence.text,
                sources=sources,
                supported=sentence.supported,
                score=sentence.score,
                disputed=tuple(disputed.items()),
                wording=wording,
            )
        )
    return Digest(sentences=tuple(sentences), method=digest.method, model=digest.model)


def _claim_of(
    sentence: DigestSentence, claims: Sequence[Claim]
) -> tuple[Claim | None, SentenceRef | None]:
    """The claim a digest sentence was taken from, and its own source sentence there."""
    for claim in claims:
        for ref in claim.sentences:
            if ref.text == sentence.text and ref.source in sentence.sources:
                return claim, ref
    return None, None


def _with_topic(value: str, difference: Difference) -> str:
    """ "65 dead" for a count about deaths; the bare value otherwise."""
    words = {"deaths": "dead", "injured": "injured", "missing": "missing", "arrests": "arrested"}
    if difference.kind == "number" and difference.topic in words:
        return f"{value} {words[difference.topic]}"
    return value
