"""Concepts for merged digests: the word pairs (bigrams) several outlets use.

A merged digest should cover the facts that several outlets report, each once. Gillick and
Favre's concept model (ICSI summariser, TAC 2008-2011) states that as an objective: give every
*concept* (a bigram) a value, here the number of outlets whose article contains it, and prefer
the set of sentences whose *distinct* concepts are worth the most. A concept counts once
however many chosen sentences state it, so two paraphrases of one fact add little, and a
sentence that brings the story's shared details (names, numbers, places) gains. Bigrams only
one outlet uses are worth nothing: they are that outlet's own angle, not the story's.

With ``lead``, an outlet counts for less the later its article first uses the concept
(``1 / (1 + index / lead)`` of that sentence, the summarizer's own position weight): news is
an inverted pyramid, so what the outlets state early is the story's core and what they
mention in passing near the end is background (first-mention position as a concept weight, as
in supervised bigram ILP summarisers, e.g. Li, Qian and Liu, ACL 2013).

:func:`~summarize.summarizers.selection.fill_budget` takes these concepts next to each
sentence's relevance (``concepts=...``).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence

__all__ = ["Concept", "concept_values", "concepts"]

#: A concept: two consecutive (lower-cased, lightly stemmed) words.
Concept = tuple[str, str]

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_SUFFIXES = ("ing", "ed", "es", "s")


def _stem(word: str) -> str:
    """A light stem, so "talks"/"talk" and "signed"/"sign" are one concept."""
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@functools.lru_cache(maxsize=8192)  # a story's sentences are read twice (values, then pieces)
def concepts(text: str) -> frozenset[Concept]:
    """The bigrams of ``text`` that hold at least one content word (not two stop words).

    >>> sorted(concepts("The talks ended in Geneva."))
    [('ended', 'in'), ('in', 'geneva'), ('talk', 'ended'), ('the', 'talk')]
    """
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    words = _TOKEN.findall(text.lower().replace("’", "'"))
    stems = [_stem(word) for word in words]
    stop = [word in ENGLISH_STOP_WORDS for word in words]
    return frozenset(
        (stems[i], stems[i + 1]) for i in range(len(words) - 1) if not (stop[i] and stop[i + 1])
    )


def concept_values(
    articles: Iterable[Sequence[str]], *, min_outlets: int = 2, lead: float | None = None
) -> dict[Concept, float]:
    """Each concept's value, for concepts at least ``min_outlets`` articles (outlets) use (the
    story's shared concepts); ``articles`` are the articles' sentences.

    The value sums, over the articles that use the concept, ``1 / (1 + index / lead)`` of the
    first sentence that does (1 for a first sentence, 1/2 at index ``lead``); with ``lead``
    ``None``, each article counts 1 (the value is the number of outlets).

    >>> values = concept_values([["Talks ended.", "Geneva hosted."], ["Geneva hosted talks."]],
    ...                         lead=1.0)
    >>> values[("geneva", "host")]  # second sentence in one article, first in the other
    1.5
    """
    outlets: Counter[Concept] = Counter()
    value: dict[Concept, float] = {}
    for sentences in articles:
        first: dict[Concept, int] = {}
        for index, sentence in enumerate(sentences):
            for concept in concepts(sentence):
                first.setdefault(concept, index)
        outlets.update(first.keys())
        for concept, index in first.items():
            weight = 1.0 if lead is None else 1.0 / (1.0 + index / lead)
            value[concept] = value.get(concept, 0.0) + weight
    return {concept: value[concept] for concept, n in outlets.items() if n >= min_outlets}
