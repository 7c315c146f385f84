"""Opposite words and swapped places in near-copies: two outlets' versions of one sentence
where a word was swapped for its opposite ("Shares rose sharply" / "Shares fell sharply",
"approved" / "rejected") or one place for another ("in Logan Square" / "in Palmer Square").

Only near-copies (:func:`summarize.comparison.edits.near_copy`: half their words in common,
in order) are read word by word, so the swapped word stands in the same place of the same
statement; the word check is :func:`summarize.comparison.edits.edit_conflicts`' (WordNet
antonyms and their synonyms, "un-"/"non-" prefixes, opposite function words such as
"before" / "after"). A pair whose changes also add or drop a negation is left out: "did not
rise" / "fell" say the same thing; so is a pair reworded in more than one place ("are
getting the love they deserve" / "are giving them the love they need" is one quote told two
ways, not two claims): the swapped word must be the only change of substance (or the
only changes are small words: "before" / "after"). Each pair found
is a contradiction of kind "opposite", or "place" for a place name swapped for another
(whole names, in the outlet's words). Only places: an organisation or a person swapped in
one place is mostly an attribution ("the mayor told Reuters" / "told the Associated Press",
two spokespeople saying one thing), not a disagreement; a Title Case headline's capitals are
not names.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from summarize.comparison.details import STOP_WORDS, fold
from summarize.comparison.edits import edit_conflicts, near_copy
from summarize.comparison.name_disputes import headline_like, same_name
from summarize.types.alignment import SentenceRef
from summarize.types.comparison import Found

__all__ = ["opposite_differences"]

#: Static-embedding cosine from which two outlets' sentences may be near-copies: a sentence
#: with one word changed stays far above it, so only such pairs are compared word by word.
NEAR_COPY_COSINE = 0.75

_WORD = re.compile(r"[\w'’-]+")


def opposite_differences(
    refs: Sequence[Sequence[SentenceRef]],
    vectors: Sequence[np.ndarray],
) -> list[Found]:
    """Sentence pairs of two outlets that are near-copies with one word swapped for its
    opposite, or one place for another (``refs``: each article's sentences; ``vectors``:
    their unit vectors)."""
    chosen = [ref for article in refs for ref in article]
    if len({ref.article for ref in chosen}) < 2:
        return []
    words = [frozenset(ref.text.lower().split()) for ref in chosen]
    pairs = [
        (i, j, score)
        for i, j, score in _close_pairs(chosen, vectors)
        # cheap first: half the words in common, in any order
        if 2 * len(words[i] & words[j]) >= max(len(words[i]), len(words[j]), 1)
        and near_copy(chosen[i].text, chosen[j].text)
        and _changed_places(chosen[i].text, chosen[j].text) <= 1
    ]
    if not pairs:
        return []
    from summarize.comparison.facts import sentence_facts
    from summarize.models.registry import load_spacy

    needed = sorted({k for i, j, _ in pairs for k in (i, j)})
    docs = dict(
        zip(needed, load_spacy().pipe([chosen[k].text for k in needed], batch_size=64), strict=True)
    )
    tokens = {k: sentence_facts(doc).tokens for k, doc in docs.items()}
    found: list[Found] = []
    for i, j, score in pairs:
        conflicts = edit_conflicts(tokens[i], tokens[j])
        kinds = {conflict[0] for conflict in conflicts}
        if "negation" in kinds:
            continue
        if "antonym" in kinds:
            _, left, right, topic = next(c for c in conflicts if c[0] == "antonym")
            found.append(
                (
                    "opposite",
                    "opposite:" + topic,
                    (chosen[i], left, left.lower()),
                    (chosen[j], right, right.lower()),
                    score,
                )
            )
        elif ("entity", "place") in {(c[0], c[3]) for c in conflicts} and not (
            headline_like(chosen[i].text) or headline_like(chosen[j].text)
        ):
            _, left, right, kind = next(c for c in conflicts if c[0] == "entity")
            left, right = _whole_name(docs[i], left), _whole_name(docs[j], right)
            if _one_place(left, right):
                continue
            found.append(
                (
                    kind,
                    kind,
                    (chosen[i], left, left.lower()),
                    (chosen[j], right, right.lower()),
                    score,
                )
            )
    return found


def _changed_places(a: str, b: str) -> int:
    """In how many places two near-copies differ by a word of substance (not a stop word),
    words compared in lower case without punctuation: read before parsing, so that only the
    pairs that may qualify are parsed."""
    left, right = _WORD.findall(a.lower()), _WORD.findall(b.lower())
    matcher = difflib.SequenceMatcher(a=left, b=right, autojunk=False)
    return sum(
        1
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal" and any(w not in STOP_WORDS for w in (*left[i1:i2], *right[j1:j2]))
    )


def _close_pairs(
    chosen: Sequence[SentenceRef], vectors: Sequence[np.ndarray]
) -> list[tuple[int, int, float]]:
    """Pairs ``i < j`` of sentences of two articles with cosine >= :data:`NEAR_COPY_COSINE`
    (blocks of rows keep memory at 512 x n)."""
    matrix = np.stack([vectors[r.article][r.index] for r in chosen]).astype(np.float32)
    articles = np.array([r.article for r in chosen])
    found: list[tuple[int, int, float]] = []
    for start in range(0, len(chosen), 512):
        block = matrix[start : start + 512] @ matrix.T
        rows, cols = np.nonzero(block >= NEAR_COPY_COSINE)
        rows = rows + start
        keep = (cols > rows) & (articles[rows] != articles[cols])
        found.extend(
            (int(i), int(j), float(block[i - start, j]))
            for i, j in zip(rows[keep], cols[keep], strict=True)
        )
    return found


def _whole_name(doc: Any, words: str) -> str:
    """The name a changed stretch belongs to, as the outlet writes it ("Logan" in "Logan
    Square" gives "Logan Square"); the stretch itself when no name holds it."""
    for entity in doc.ents:
        if words in entity.text:
            return str(entity.text)
    return words


def _one_place(a: str, b: str) -> bool:
    """Two ways of naming one place: an alias ("U.S." / "the United States", "Britain" /
    "the UK"), initials ("L.A." / "Los Angeles"), a short or transliterated form
    (:func:`~summarize.comparison.name_disputes.same_name`), or one name inside the other
    ("Springfield" / "Springfield, Illinois")."""
    from summarize.comparison.facts import normalise_entity

    x, y = normalise_entity("GPE", a), normalise_entity("GPE", b)
    if x == y or x in y or y in x:
        return True
    letters = [re.sub(r"[^a-z]", "", name) for name in (x, y)]
    initials = ["".join(word[0] for word in name.split() if word) for name in (x, y)]
    if letters[0] == initials[1] or letters[1] == initials[0]:
        return True
    return same_name(fold(x), fold(y))
