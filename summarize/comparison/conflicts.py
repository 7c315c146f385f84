"""Conflicts: where two aligned sentences disagree on a number, a date, a name or a negation.

Only sentences already grouped into one claim (same fact, different outlets) are compared, and
each check is conservative: a difference must be a *conflict*, not extra detail. One sentence
giving a figure the other leaves out is detail; both giving a percentage and no percentage in
common is a conflict. Entities and negation are only checked on pairs similar enough to be
paraphrases, where a swapped name or a dropped "not" really changes the statement.

What each sentence states comes from :mod:`summarize.comparison.facts` (spaCy, run once over the
distinct sentences with ``nlp.pipe``).
"""

from __future__ import annotations

import itertools
import logging
from typing import Any

import numpy as np

from summarize.comparison.calibration import is_paraphrase, same_fact_params
from summarize.comparison.edits import NAME_KINDS, Conflict, edit_conflicts, near_copy
from summarize.comparison.facts import (
    ENTITY_LABELS,
    NUMBER_LABELS,
    SentenceFacts,
    may_conflict_on_values,
    sentence_facts,
    topic,
)
from summarize.models.registry import load_spacy
from summarize.types.alignment import Alignment, SentenceRef
from summarize.types.comparison import Difference

logger = logging.getLogger(__name__)

__all__ = ["conflicts", "find_differences"]


def _disjoint(left: dict[Any, str], right: dict[Any, str]) -> tuple[str, str] | None:
    """Both sides state values, and none in common: the first value of each side."""
    if left and right and not set(left) & set(right):
        return next(iter(left.values())), next(iter(right.values()))
    return None


def _value_conflict(
    left: dict[str, dict[Any, str]],
    right: dict[str, dict[Any, str]],
    *,
    paraphrase: bool,
    left_lemmas: frozenset[str],
    right_lemmas: frozenset[str],
    shared_value: bool = False,
) -> list[tuple[str, str, str]]:
    """(left, right, topic) of values of one kind that quantify the same thing differently.

    Same anchor (or two anchors of one topic: "killed" and "dead") and no value in common; or,
    for near-paraphrases with one value each, different values where one side's anchor also
    occurs in the other sentence ("contracted by 3.7%" vs "the economy contracted 4%") or the
    two sentences agree on some other value (the same year), so "the 1957 murder" vs
    "convicted in 2012" is not a conflict."""
    by_topic_left: dict[str, dict[Any, str]] = {}
    by_topic_right: dict[str, dict[Any, str]] = {}
    for anchors, grouped in ((left, by_topic_left), (right, by_topic_right)):
        for anchor, values in anchors.items():
            for value, text in values.items():
                grouped.setdefault(topic(anchor), {}).setdefault(value, text)
    found = []
    for name in sorted(set(by_topic_left) & set(by_topic_right)):
        pair = _disjoint(by_topic_left[name], by_topic_right[name])
        if pair is not None:
            found.append((*pair, name))
    if found:
        return found
    if paraphrase:
        flat_left = {k: v for values in left.values() for k, v in values.items()}
        flat_right = {k: v for values in right.values() for k, v in values.items()}
        if len(flat_left) == 1 and len(flat_right) == 1:
            related = any(a in right_lemmas for a in left) or any(a in left_lemmas for a in right)
            if related or shared_value:
                pair = _disjoint(flat_left, flat_right)
                if pair is not None:
                    return [(*pair, topic(next(iter(left))))]
    return []


def _all_values(facts: SentenceFacts, *, exclude: str) -> set[tuple[str, Any]]:
    """Values other than ``exclude`` (and bare counts like "two", too common to be evidence)."""
    return {
        (kind, value)
        for kind, anchors in facts.values.items()
        if kind not in (exclude, "CARDINAL")
        for values in anchors.values()
        for value in values
    }


def conflicts(
    a: SentenceFacts,
    b: SentenceFacts,
    *,
    paraphrase: bool,
    near_identical: bool | None = None,
    copy: bool = False,
) -> list[Conflict]:
    """Every detail on which ``a`` and ``b`` conflict: at most one per kind, except numbers
    and dates, one per thing counted ("killed 67 and injured 173" against "killed 60 and
    injured 180" is two).

    ``copy``: the two sentences are one text with a few words changed
    (:func:`summarize.comparison.edits.near_copy`); then each changed word is checked too
    (:func:`summarize.comparison.edits.edit_conflicts`).
    """
    found: list[Conflict] = []
    for kinds, name in ((NUMBER_LABELS, "number"), (("year", "month", "weekday"), "date")):
        for kind in kinds:
            value_pairs = _value_conflict(
                a.values.get(kind, {}),
                b.values.get(kind, {}),
                paraphrase=paraphrase,
                left_lemmas=a.lemmas,
                right_lemmas=b.lemmas,
                shared_value=bool(_all_values(a, exclude=kind) & _all_values(b, exclude=kind)),
            )
            if value_pairs:
                found.extend((name, *pair) for pair in value_pairs)
                break
    if paraphrase if near_identical is None else near_identical:
        for label in ENTITY_LABELS:
            left_names, right_names = a.entities.get(label, {}), b.entities.get(label, {})
            if not a.entity_counts.get(label, 0) == b.entity_counts.get(label, 0) == 1:
                continue  # a clean swap only: one name each, and they differ
            only_left = {k: v for k, v in left_names.items() if not _named_in(v, right_names)}
            only_right = {k: v for k, v in right_names.items() if not _named_in(v, left_names)}
            if only_left and only_right:
                left, right = next(iter(only_left.values())), next(iter(only_right.values()))
                found.append(("entity", left, right, NAME_KINDS[label]))
                break
        for one, other, flip in ((a, b, False), (b, a, True)):
            shared = [lemma for lemma in one.negated if lemma not in other.negated]
            shared = [lemma for lemma in shared if lemma in other.lemmas]
            if shared:
                left, right = one.negated[shared[0]], shared[0]
                left, right = (right, left) if flip else (left, right)
                found.append(("negation", left, right, shared[0]))
                break
    if copy:
        seen = {conflict[0] for conflict in found}
        found.extend(
            c
            for c in edit_conflicts(a.tokens, b.tokens)
            if c[0] not in seen and not (found and c[0] == "detail")
        )
    return found


def _named_in(name: str, names: dict[str, str]) -> bool:
    """Whether ``name`` is one of ``names``, or a longer or shorter form of one ("James Webb
    Space Telescope" / "James Webb Space")."""
    words = name.lower().split()
    for other in names.values():
        other_words = other.lower().split()
        short, long = sorted((words, other_words), key=len)
        if any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1)):
            return True
    return False


def find_differences(
    alignment: Alignment,
    *,
    paraphrase_threshold: float | None = None,
    swap_threshold: float | None = None,
) -> tuple[Difference, ...]:
    """Aligned sentence pairs (same claim, different outlets) whose details conflict.

    Args:
        alignment: From :func:`summarize.comparison.alignment.align`.
        paraphrase_threshold: Cosine above which one differing number or date each is a
            conflict even without a shared anchor. Default: the embedder's calibrated
            paraphrase decision (a logistic model over cosine and word overlap, fitted on
            MSRP; see :func:`summarize.comparison.calibration.is_paraphrase`).
        swap_threshold: Cosine above which entity swaps and negation are checked. Set high on
            purpose: just above the paraphrase threshold, pairs that name extra people or
            negate a different verb outnumber real swaps (figures: BENCHMARKS.md, "The
            paraphrase and swap thresholds"). Entity swaps also need exactly one name of that
            kind on each side. Defaults to the embedder's calibrated value.
            Near-copies (:func:`near_copy`) are also checked word by word
            (:func:`edit_conflicts`), whatever their cosine.

    Returns:
        Differences in claim order, then sentence order; at most one per kind per pair (numbers
        and dates: one per thing counted).
    """
    params = same_fact_params(alignment.embedder)
    if swap_threshold is None:
        swap_threshold = params["swap_threshold"]
    pairs: list[tuple[SentenceRef, SentenceRef, float, bool, bool, bool]] = []
    for claim in alignment.claims:
        for a, b in itertools.combinations(claim.sentences, 2):
            if a.text.strip() == b.text.strip():
                continue
            score = float(
                alignment.vectors[a.article][a.index] @ alignment.vectors[b.article][b.index]
            )
            if paraphrase_threshold is None:
                paraphrase = is_paraphrase(score, a.text, b.text, model=alignment.embedder)
            else:
                paraphrase = bool(np.float32(score) >= paraphrase_threshold)
            near = paraphrase and bool(np.float32(score) >= swap_threshold)
            copy = near_copy(a.text, b.text)
            if near or copy or may_conflict_on_values(a.text, b.text):
                pairs.append((a, b, score, paraphrase, near, copy))
    if not pairs:
        return ()
    texts = sorted({ref.text for a, b, *_ in pairs for ref in (a, b)})
    nlp = load_spacy()
    facts = {
        text: sentence_facts(doc)
        for text, doc in zip(texts, nlp.pipe(texts, batch_size=64), strict=True)
    }
    differences = []
    for a, b, score, paraphrase, near, copy in pairs:
        found = conflicts(
            facts[a.text], facts[b.text], paraphrase=paraphrase, near_identical=near, copy=copy
        )
        for kind, left, right, about in found:
            differences.append(
                Difference(a=a, b=b, kind=kind, left=left, right=right, score=score, topic=about)
            )
    logger.info("Checked %d aligned pairs, found %d differences", len(pairs), len(differences))
    return tuple(differences)
