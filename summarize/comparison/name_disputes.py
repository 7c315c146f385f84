"""Names spelled differently across outlets: "Sanago" in one report, "Sanogo" in another.

A dispute only when one outlet writes a name one way throughout and another outlet another way
throughout (a spelling both outlets use is a one-off typo or two people), the two spellings are
close (:func:`summarize.comparison.details.similar_spelling`: not a short form, a plural or a
transliteration such as Morsi / Mursi), and they stand for one person or thing: between the same
words ("Amadou Sanago said" / "Amadou Sanogo said") or, one letter apart, in two sentences
close in meaning. Candidate spellings come from the story's vocabulary of capitalised words
compared in bulk (rapidfuzz), so big stories stay fast; spaCy's entity tagger then checks the
few candidates are names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from summarize.comparison import details
from summarize.types.alignment import SentenceRef
from summarize.types.comparison import Found

__all__ = ["headline_like", "name_differences", "name_words", "same_name", "similar_spelling"]

#: Entity types whose spelling variants are not disputes (places and groups are often
#: transliterated; dates and numbers are not names).
_NOT_NAMES = {"", "NORP", "DATE", "CARDINAL", "GPE", "LOC"}

_Mention = tuple[SentenceRef, str, str, str]  # sentence, word as written, word before, after


def name_differences(
    refs: Sequence[Sequence[SentenceRef]], vectors: Sequence[np.ndarray]
) -> list[Found]:
    """Pairs of sentences of two outlets that spell one name two ways (see the module)."""
    mentions: dict[int, dict[str, list[_Mention]]] = defaultdict(lambda: defaultdict(list))
    words: dict[int, set[str]] = defaultdict(set)
    lower: set[str] = set()
    for article in refs:
        for ref in article:
            for word, before, after in name_words(ref.text):
                mentions[ref.article][details.fold(word)].append((ref, word, before, after))
            for word in ref.text.replace("\u2019", "'").split():
                word = word.strip(".,;:!?\"'()[]")
                words[ref.article].add(details.fold(word))
                if word.islower():
                    lower.add(word)
    used_by: dict[str, list[int]] = defaultdict(list)  # a spelling -> the outlets using it
    for outlet, by_word in mentions.items():
        for spelling in by_word:
            used_by[spelling].append(outlet)
    candidates = [
        (x, y)
        for x, y in _close_spellings(set(used_by))
        if similar_spelling(x, y, same_slot=True)  # the loosest test first: cheap
    ]
    found = []
    for x, y in candidates:
        for a, b in ((a, b) for a in used_by[x] for b in used_by[y] if a != b):
            if x in words[b] or y in words[a]:
                continue  # an outlet uses both spellings: a typo or two people
            pair = _same_thing(mentions[a][x], mentions[b][y], vectors, x, y, lower)
            if pair is not None:
                found.append(pair)
    return _names_only(found)


def _close_spellings(vocabulary: set[str]) -> list[tuple[str, str]]:
    """Pairs of words of one initial within two edits, compared in bulk."""
    by_initial: dict[str, list[str]] = defaultdict(list)
    for word in sorted(vocabulary):
        by_initial[word[:1]].append(word)
    pairs = []
    for group in by_initial.values():
        if len(group) < 2:
            continue
        distances = process.cdist(group, group, scorer=OSA.distance, score_cutoff=3)
        for i, j in zip(*np.nonzero(distances <= 3), strict=True):
            if i < j:
                pairs.append((group[i], group[j]))
    return pairs


def _same_thing(
    left: Sequence[_Mention],
    right: Sequence[_Mention],
    vectors: Sequence[np.ndarray],
    x: str,
    y: str,
    lower: set[str],
) -> Found | None:
    """The best pair of mentions when the two spellings name one thing, else None."""
    best: tuple[bool, float] = (False, -1.0)
    chosen = None
    both = False
    for m in left:
        for n in right:
            if _two_people(m, n):
                continue
            score = float(vectors[m[0].article][m[0].index] @ vectors[n[0].article][n[0].index])
            before = m[2] == n[2] and m[2][:1].isupper()
            after = m[3] == n[3] and m[3][:1].isupper()
            both = both or (before and after)
            if (before or after, score) > best:
                best, chosen = (before or after, score), (m, n)
    if chosen is None or not similar_spelling(x, y, same_slot=both):
        return None
    if (x in lower or y in lower) and not both:
        return None  # a common word ("Officials") inside one unchanged name
    in_slot, score = best
    if not (in_slot or (score >= 0.6 and OSA.distance(x, y) == 1)):
        return None
    m, n = chosen
    key = "name:" + min(x, y)
    return ("name", key, (m[0], m[1], x), (n[0], n[1], y), score)


_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr"})


def _two_people(m: _Mention, n: _Mention) -> bool:
    """The two spellings name two people: each is followed by a different surname ("Ahmad Abu
    Galala" / "Ahmed Jabari"), or one is a surname after "Mr." and the other a first name
    before a surname ("Mr. Barak" / "Barack Obama")."""
    after_m, after_n = m[3][:1].isupper(), n[3][:1].isupper()
    if after_m and after_n:
        return m[3] != n[3]
    return (after_m and n[2] in _HONORIFICS) or (after_n and m[2] in _HONORIFICS)


def _names_only(
    found: list[Found],
) -> list[Found]:
    """Keep the pairs whose words spaCy tags as names of people, organisations or things."""
    if not found:
        return found
    from summarize.models.registry import load_spacy

    texts = sorted({side[0].text for item in found for side in (item[2], item[3])})
    nlp = load_spacy()
    kinds = {
        text: {t.text: t.ent_type_ for t in doc}
        for text, doc in zip(texts, nlp.pipe(texts, batch_size=64), strict=True)
    }
    return [
        item
        for item in found
        if all(kinds[ref.text].get(word, "") not in _NOT_NAMES for ref, word, _ in item[2:4])
    ]


def headline_like(text: str) -> bool:
    """Title Case ("Election As Martha McSally Concedes Race"): capitals there are not names."""
    words = [w for w in re.findall(r"[A-Za-z]+", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.6


def name_words(text: str) -> list[tuple[str, str, str]]:
    """Capitalised words of four letters or more inside a sentence (not its first word, not all
    capitals), each with the words before and after it; none in a Title Case line."""
    if headline_like(text):
        return []
    words = re.findall(r"[A-Za-z][A-Za-z'\u2019-]*", text)
    found = []
    for k, word in enumerate(words):
        if k == 0 or not word[0].isupper() or len(word) < 4 or word.isupper() or not word.isalpha():
            continue
        found.append((word, words[k - 1], words[k + 1] if k + 1 < len(words) else ""))
    return found


def _short_form(a: str, b: str) -> bool:
    """Matt / Matthew, Chris / Christopher: one is the start of the other."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) or (len(long) - len(short) >= 2 and long.startswith(short[:3]))


_VOWEL_CLASS = str.maketrans({"o": "u", "e": "i", "y": "i"})


def _transliteration(a: str, b: str) -> bool:
    """Two romanisations of one name: Morsi / Mursi, Qassem / Qasem, Shujaiyeh / Shijaiyah
    (the same once o/u and e/i/y are one sound and doubled letters single, or the same
    consonants with three or more vowels changed)."""

    def sound(word: str) -> str:
        return re.sub(r"(.)\1", r"\1", word.translate(_VOWEL_CLASS))

    if sound(a) == sound(b):
        return True
    skeleton_a, skeleton_b = re.sub(r"[aeiouy]", "", a), re.sub(r"[aeiouy]", "", b)
    return skeleton_a == skeleton_b and Levenshtein.distance(a, b) >= 3


def _inflection(a: str, b: str) -> bool:
    """Nations / National, Semitic / Semitism: one stem, another ending."""
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return k >= min(len(a), len(b)) - 2 and a[-1] != b[-1]


_CONVENTIONS = (
    ("our", "or"),
    ("ence", "ense"),
    ("isation", "ization"),
    ("ise", "ize"),
    ("tre", "ter"),
)


def _spelling_convention(a: str, b: str) -> bool:
    """British and American spellings of one word: Defence / Defense, Centre / Center,
    Labour / Labor, Organisation / Organization."""

    def american(word: str) -> str:
        for british, us in _CONVENTIONS:
            word = word.replace(british, us)
        return word

    return american(a) == american(b)


def same_name(a: str, b: str) -> bool:
    """Whether two folded spellings are one name written two accepted ways (a short form, an
    inflection, a plural, a transliteration, a British or American spelling)."""
    return (
        a == b
        or _short_form(a, b)
        or _inflection(a, b)
        or a.rstrip("s") == b.rstrip("s")
        or _transliteration(a, b)
        or _spelling_convention(a, b)
    )


def similar_spelling(a: str, b: str, *, same_slot: bool = False) -> bool:
    """Whether two folded words are one name spelled differently (Sanago / Sanogo, Ilsa / Isla:
    an optimal-string-alignment distance of one or two) rather than two names or one name
    written two accepted ways (:func:`same_name`). ``same_slot``: both sit between the same
    words ("Amadou Sanago said" / "Amadou Sanogo said"), which allows two edits in short names."""
    if a == b or a[:1] != b[:1]:
        return False
    distance = OSA.distance(a, b)  # a swap of two letters (Ilsa / Isla) is one edit
    similarity = OSA.normalized_similarity(a, b)
    close = (
        (distance <= 2 and similarity >= 0.6)
        or (distance <= 3 and len(a) >= 8 and similarity >= 0.65)
        or (same_slot and distance <= 2)
    )
    return close and not same_name(a, b)
