"""Details a sentence states, read and normalised so two outlets' versions can be compared.

Numbers (digits, number words, "million", "at least"/"about"/"up to", with what they count),
month-day dates (and a weekday, given the publication time) and clock times (names: see
:mod:`summarize.comparison.name_disputes`). :mod:`summarize.comparison.disputes` decides
which pairs of these disagree.

Counts need the sentence's dependency parse (what a number counts: "killed 17", "17 dead");
everything else is read from the text, so only sentences that carry a figure are parsed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

__all__ = [
    "SCALES",
    "STOP_WORDS",
    "Clock",
    "DateValue",
    "Number",
    "clocks",
    "compatible",
    "content_lemmas",
    "dates",
    "figure_kinds",
    "fold",
    "has_figure",
    "numbers",
    "stems",
    "time_window",
]


def _words(text: str) -> list[str]:
    return text.split()


_UNITS = {
    w: i
    for i, w in enumerate(
        _words(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen"
        )
    )
}
_TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
}
#: What a scale word or abbreviation after a figure multiplies it by ("1.2 million", "$3bn").
SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
_SCALE = {
    "hundred": 100.0,
    **{w: SCALES[w] for w in ("thousand", "million", "billion", "trillion")},
}
_NUMWORD = r"\b(?:(?:{tens})(?:[- ](?:{units}))?|{all}|dozen)\b".format(
    tens="|".join(_TENS), units="|".join(list(_UNITS)[1:10]), all="|".join(_UNITS)
)
_NUM = re.compile(
    r"(?<![\w.])(\$|£|€)?(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)"
    r"(?:\s?(million|billion|trillion|thousand|bn|mn|m|k)\b)?|" + _NUMWORD,
    re.IGNORECASE,
)
_SCALE_AFTER = re.compile(r"\s(hundred|thousand|million|billion|trillion)\b", re.IGNORECASE)
_MONTH_NAMES = (
    r"Jan(?:uary)?|Feb(?:ruary)?|March|Mar\.|April|Apr\.|May|June|July|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_MONTH_DAY = re.compile(
    rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d{{3}})"
    rf"|\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_NAMES})\b"
)
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = re.compile(r"\b(" + "|".join(w.capitalize() for w in _WEEKDAYS) + r")\b")
_CLOCK = re.compile(r"\b(\d{1,2})(?::(\d\d))?\s?([ap])\.?m\.?", re.IGNORECASE)
_FIGURE = re.compile(
    rf"\d|(?i:{_NUMWORD.replace('|one|', '|')})|\b(?:{_MONTH_NAMES})\b|{_WEEKDAY.pattern}"
)  # month and weekday names capitalised ("may" is a verb); "one" is mostly a pronoun

#: Qualifiers before a figure: the bound it sets on the true value.
_QUALIFIERS = (
    ("min", ("at least", "more than", "over", "upwards of", "in excess of", "no fewer than",
             "no less than", "north of")),
    ("max", ("up to", "fewer than", "less than", "under", "no more than", "as many as")),
    ("near", ("nearly", "almost", "just under", "close to")),
    ("approx", ("about", "around", "some", "roughly", "approximately", "estimated",
                "more or less")),
)  # fmt: skip
#: What a count is about, whatever word gives it ("killed", "dead", "death toll").
TOPICS = {
    **dict.fromkeys(
        ["kill", "killing", "dead", "death", "die", "toll", "fatality", "life", "body", "murder"],
        "deaths",
    ),
    **dict.fromkeys(["injure", "injured", "injury", "wound", "wounded", "hurt"], "injured"),
    "missing": "missing",
    **dict.fromkeys(["arrest", "arrested", "detain", "custody"], "arrests"),
}
_GENERIC = set(
    _words(
        "people person other one time individual resident man woman more about some least "
        "total number year day week month hour minute be have say include get make take % "
        "percent cent of who"
    )
)
_STOP = set(
    _words(
        "a an the and or but of in on at to for from by with as is are was were be been "
        "being has have had it its this that these those he she they them his her their "
        "we our you your i me my not no yes do does did will would can could should may "
        "might must shall than then there here when where which who whom what why how all "
        "any some more most other such only own same so too very just also into over "
        "after before about up down out off again further once said says say told "
        "according new one two mr mrs ms dr"
    )
)
#: Words too common to tell two statements apart (read-only; also used by the opposites check).
STOP_WORDS = frozenset(_STOP)


@dataclass(frozen=True)
class Number:
    """A figure in a sentence: its value, the bound its qualifier sets ("min" for "at least",
    "max" for "up to", "near" for "nearly": a little below, "approx" or "exact"), decimals
    given (the precision), the outlet's own words ("at least 17 people"), and what it counts
    (``keys``: lemmas of the counted noun or the verb, "T:deaths" for a topic; ``unit``: the
    counted noun, "%" or "$"); ``negated``: its verb is negated ("two members did not sign":
    those who did not, another count than those who did)."""

    value: float
    qualifier: str
    decimals: int
    text: str
    keys: frozenset[str]
    unit: str
    start: int
    negated: bool = False


@dataclass(frozen=True)
class DateValue:
    """A day of the year ((month, day)) and the words that give it ("13 May", "Tuesday")."""

    day: tuple[int, int]
    text: str


@dataclass(frozen=True)
class Clock:
    """A time of day in minutes, the words, and whether it is approximate ("about 5 p.m.")."""

    minutes: int
    text: str
    approx: bool


def fold(text: str) -> str:
    """Lower case without accents, curly apostrophes straightened (for comparing spellings)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("\u2019", "'").replace("\u2018", "'").lower()


def has_figure(text: str) -> bool:
    """Whether a sentence may state a number, a date or a time (cheap; decides what to parse)."""
    return bool(_FIGURE.search(text))


def stems(text: str) -> frozenset[str]:
    """Word stems (first five letters of lower-case words of four letters or more, no stop
    words): a cheap test that two sentences share key words, before parsing them."""
    return frozenset(w[:5] for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOP)


def figure_kinds(text: str) -> frozenset[str]:
    """Which kinds of figure a sentence may state ("count", "date", "time"), read cheaply so
    that only pairs that may disagree on one kind are parsed. A weekday may be a date."""
    kinds = set()
    if _CLOCK.search(text):
        kinds.add("time")
    if _MONTH_DAY.search(text) or _WEEKDAY.search(text):
        kinds.add("date")
    if re.search(rf"\d|(?i:{_NUMWORD.replace('|one|', '|')})", text):
        kinds.add("count")
    return frozenset(kinds)


def _word_value(text: str) -> float | None:
    total = 0.0
    for word in re.split(r"[- ]", text.lower()):
        if word in _UNITS:
            total += _UNITS[word]
        elif word in _TENS:
            total += _TENS[word]
        elif word == "dozen":
            total = (total or 1) * 12
        else:
            return None
    return total


def _qualifier(before: str) -> str:
    tail = before.lower().rstrip()[-25:]
    if tail.endswith("only"):
        return "exact"
    for bound, words in _QUALIFIERS:
        if any(re.search(rf"\b{w}$", tail) for w in words):
            return bound
    return "exact"


def _token_at(doc: Any, char: int) -> Any:
    for token in doc:
        if token.idx <= char < token.idx + len(token.text):
            return token
    return None


def _anchor(token: Any) -> tuple[set[str], str]:
    """What a number counts: the lemma of its noun ("156 seats"), or for bare numbers the verb
    or adjective that says what happened to them ("killed 17", "17 dead") as a topic."""
    keys: set[str] = set()
    unit = ""
    head = token
    for _ in range(3):  # climb over number parts ("17" in "at least 17", "million")
        if head.dep_ in ("nummod", "compound", "quantmod", "advmod", "amod", "npadvmod") and (
            head.head is not head and head.head.like_num
        ):
            head = head.head
        else:
            break
    counted = (
        head.head if head.dep_ in ("nummod", "quantmod", "compound", "amod", "npadvmod") else head
    )
    if counted is head and head.pos_ == "NUM":  # "157 of 338 seats"
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                counted = next((p for p in child.children if p.dep_ == "pobj"), counted)
    lemma = counted.lemma_.lower()
    if counted is not head and lemma not in _GENERIC:
        keys.add(lemma)
        unit = lemma
        verb = counted.head.lemma_.lower()
        if verb in TOPICS and counted.dep_ in ("dobj", "nsubjpass"):
            keys.add(verb)  # "killed 12 workers", "12 workers were killed"
        elif verb == "die" and counted.dep_ == "nsubj":
            keys.add(verb)  # "12 workers died"
    else:  # "killed 50 people", "left 49 people dead", "Four people are in custody"
        governor = counted.head if counted.head is not counted else counted
        for _ in range(3):
            if governor.pos_ in ("VERB", "AUX", "ADJ", "NOUN") or governor.head is governor:
                break
            governor = governor.head
        if governor.dep_ == "aux" and governor.head is not governor:
            governor = governor.head  # "nine are missing": the word after the auxiliary
        for word in (counted, governor):
            for child in word.children:
                if child.dep_ in ("amod", "acomp", "oprd", "relcl", "acl", "conj") and (
                    child.pos_ in ("ADJ", "VERB")
                ):
                    keys.add(child.lemma_.lower())
                if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in TOPICS:
                    keys.add(child.lemma_.lower())  # "the death toll rose to 27"
                if child.dep_ == "prep":
                    keys.update(
                        p.lemma_.lower()
                        for p in child.children
                        if p.dep_ == "pobj" and p.lemma_.lower() in TOPICS
                    )
        if governor is not counted:  # "15 people are still missing": not lemmatised to "miss"
            keys.add("missing" if governor.lower_ == "missing" else governor.lemma_.lower())
        keys = {k for k in keys if k in TOPICS}
    keys = {k for k in keys if k not in _GENERIC and k not in _STOP}
    return {"T:" + TOPICS[k] if k in TOPICS else k for k in keys}, unit


#: "two of the victims", "three of them": a part of a group, not the group's size (a total
#: after "of" is kept: "157 of the 338 seats").
_PARTITIVE = re.compile(r"\s+of\s+(?:the|them|those|these|whom|which)\b(?!\s+\d)")
#: "1,500 deaths a day", "20 rockets per hour": a rate, not a total.
_RATE = re.compile(
    r"(?:\s+[a-z]+){0,4}\s+(?:a|an|per|each|every)\s+"
    r"(?:day|week|month|year|hour|minute)\b(?!\s+(?:ago|after|before|later|earlier))"
    r"|(?:\s+[a-z]+){0,2}\s+(?:daily|weekly|monthly|annually|hourly)\b",
    re.IGNORECASE,
)


def _negated(token: Any) -> bool:
    """Whether the verb a number's phrase belongs to is negated ("Two members did not sign")."""
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    return token.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in token.children)


def _not_a_count(text: str, start: int, end: int, raw: str) -> bool:
    """Years, clock times, dates, ordinals, compound modifiers ("10-year-old", "25-foot"),
    parts of a total ("70 million of the 100 million doses": 100 is the total, not the count),
    parts of a group ("two of the victims were stable": not how many victims there were) and
    rates ("1,500 deaths a day": not the toll)."""
    after, before = text[end : end + 12].lower(), text[max(0, start - 12) : start].lower()
    rest = re.sub(r"^\s(?:hundred|thousand|million|billion)\b", "", text[end : end + 40])
    if _PARTITIVE.match(rest) or _RATE.match(rest):
        return True
    if re.match(r"\s?(?:a\.m\.|p\.m\.|am\b|pm\b|:\d)", after) or before.endswith(":"):
        return True
    if re.match(r"(?:st|nd|rd|th)\b", after):
        return True
    months = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    if re.search(months + r"[a-z]*\.?\s$", before) or re.match(r"\s(?:of\s)?" + months, after):
        return True
    if re.match(r"-[a-z]+", after):
        return True
    if re.search(
        r"\d[^.;]{0,25}\bof\s+(?:the\s+|a\s+total\s+of\s+)?$", text[max(0, start - 40) : start]
    ):
        return True
    return raw.isdigit() and len(raw) == 4 and 1800 < int(raw) < 2100


def numbers(doc: Any) -> tuple[Number, ...]:
    """The counts a parsed sentence states, with what each counts (ages: key "age")."""
    text = doc.text
    found = []
    for match in _NUM.finditer(text):
        start, end = match.span()
        raw = match.group(0)
        if _not_a_count(text, start, end, raw):
            continue
        after = text[end:]
        if match.group(2):
            try:
                value = float(match.group(2).replace(",", ""))
            except ValueError:
                continue
            scale = match.group(3)
            decimals = len(match.group(2).partition(".")[2])
        else:
            if raw.lower() == "one" or (raw[:1].isupper() and start > 0):
                continue  # "one" is mostly a pronoun; "Nine Network" a name
            word_value = _word_value(raw)
            if word_value is None:
                continue
            value, scale, decimals = word_value, None, 0
        if scale:
            value *= SCALES.get(scale.lower(), 1.0)
        elif more := _SCALE_AFTER.match(after):
            value *= _SCALE[more.group(1).lower()]
        token = _token_at(doc, start)
        if token is None:
            continue
        keys, unit = _anchor(token)
        if re.match(r"\s?(?:%|per ?cent|percent)", after):
            unit, keys = "%", keys | {"%"}
        if match.group(1):
            unit, keys = "$", keys | {"$"}
        words = own_words(text, start, end, noun_end=_noun_end(token, unit))
        found.append(
            Number(value, _qualifier(text[:start]), decimals, words,
                   frozenset(keys), unit, start, _negated(token))
        )  # fmt: skip
    for match in re.finditer(
        r"(?<![\d,])\b(\d+|[a-z]+(?:-[a-z]+)?)[- ]years?[- ]old\b", text, re.I
    ):
        value_text = match.group(1)
        age = float(value_text) if value_text.isdigit() else _word_value(value_text)
        if age is not None:
            after_age = re.match(r"[\s-]*([A-Za-z]+)", text[match.end() :])  # "Connor": a name
            found.append(
                Number(age, "exact", 0, match.group(0), frozenset({"age"}),
                       after_age.group(1) if after_age else "", match.start())
            )  # fmt: skip
    return tuple(found)


#: Words a counted noun may sit after its figure ("four massive objects", "Three Israel
#: Defense Forces soldiers") and still be shown with it.
_NOUN_REACH = 4


def _noun_end(token: Any, unit: str) -> int | None:
    """Where the counted noun (lemma ``unit``) ends, when it follows the figure ``token``
    within :data:`_NOUN_REACH` words with no punctuation between; else ``None``."""
    if not unit or unit in ("%", "$"):
        return None
    for word in token.doc[token.i + 1 : token.i + 1 + _NOUN_REACH]:
        if word.is_punct and word.text != "-":
            return None
        if word.lemma_.lower() == unit:
            return int(word.idx + len(word.text))
    return None


def own_words(text: str, start: int, end: int, *, noun_end: int | None = None) -> str:
    """The figure in the outlet's own words, with its qualifier and the next word ("at least
    17 people", "five others"), or up to its counted noun when that ends at ``noun_end``
    ("two big objects", "four half-siblings")."""
    before = text[max(0, start - 22) : start]
    qualifier = re.search(
        r"(at least|more than|up to|about|around|some|nearly|almost|roughly|over|"
        r"an estimated|only|no more than|as many as)\s+$",
        before,
        re.IGNORECASE,
    )
    if qualifier:
        start -= len(before) - qualifier.start()
    rest = re.match(
        r"(\s?(?:%|per ?cent|percent|million|billion|thousand|hundred))?(\s[A-Za-z]+)?",
        text[end:],
    )
    if rest:
        end += len(rest.group(0))
        if rest.group(2) and rest.group(2).strip().lower() in _STOP:
            end -= len(rest.group(2))  # "20 percent of": the number and its unit only
    if noun_end is not None and noun_end > end:
        end = noun_end
    return text[start:end].strip(" ,;:")


def compatible(a: Number, b: Number, *, casualties: bool = False) -> bool:
    """Whether both figures can be true of one quantity: equal, equal to the precision given
    (9.2 / 9.21 million), within a bound ("no more than 90" / "only 90"; "north of 50
    percent" / "55 percent") or within a stated approximation ("about 100" / 104).
    ``casualties``: a count of dead, injured, missing or arrested, where a lower bound ("at
    least four wounded") against a larger exact figure ("five") is a disagreement an editor
    would note (one outlet's toll is behind the other's)."""
    x, y = a.value, b.value
    if x == y:
        return True
    low, high = sorted((x, y))
    relative = (high - low) / high if high else 0.0
    if a.decimals != b.decimals and relative < 0.02:
        return True
    for p, q in ((a, b), (b, a)):
        if p.qualifier == "min" and q.value >= p.value and not casualties:
            return True
        if (
            p.qualifier == "max"
            and q.value <= p.value
            and (q.qualifier != "exact" or not casualties)
        ):
            return True  # "can hold up to 50 million gallons" / "38 million gallons"
        if p.qualifier == "near" and q.value <= p.value and relative <= 0.1:
            return True  # "nearly 17 million" / "16.5 million"
    if "approx" in (a.qualifier, b.qualifier) and relative <= 0.1:
        return True
    if (a.qualifier != "exact" or b.qualifier != "exact") and relative <= 0.05:
        return True
    return relative <= 0.03 and high >= 1000


def dates(text: str, published: date | None = None) -> tuple[DateValue, ...]:
    """Month-day dates ("March 21", "13 May"); with the publication date, a weekday that comes
    with no date ("on Tuesday") is read as the last such day up to publication."""
    found = []
    for match in _MONTH_DAY.finditer(text):
        month = _MONTHS[(match.group(1) or match.group(4))[:3].lower()]
        day = int(match.group(2) or match.group(3))
        if 1 <= day <= 31:
            found.append(DateValue((month, day), match.group(0)))
    if not found and published is not None:
        for match in _WEEKDAY.finditer(text):
            back = (published.weekday() - _WEEKDAYS.index(match.group(1).lower())) % 7
            then = published - timedelta(days=back)
            found.append(DateValue((then.month, then.day), match.group(0)))
    return tuple(found)


_UNIT_OF_TIME = r"(?:hours?|days?|weeks?|months?|years?|decades?)"
_WINDOW = re.compile(
    r"\bsince\s+(?:midnight|dawn|(?:early|late\s+)?(?:morning|\w+day|last\s+\w+|the\s+\w+))"
    rf"|\b(?:over|in|during|within|for|across)\s+(?:the\s+)?(?:past|last|previous|first)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_UNIT_OF_TIME}\b"
    rf"|\b(?:over|in|within|for)\s+(?:[\w-]+\s+)?{_UNIT_OF_TIME}\b(?!\s+ago)",
    re.IGNORECASE,
)


def time_window(text: str) -> str:
    """The span of time a sentence counts over ("since midnight", "over the past three
    weeks"), lower case; "" when it states none. Counts over two spans are two details."""
    found = _WINDOW.search(text)
    return " ".join(found.group(0).lower().split()) if found else ""


def clocks(text: str) -> tuple[Clock, ...]:
    """Clock times ("5 p.m.", "6:45pm") in minutes after midnight."""
    found = []
    for match in _CLOCK.finditer(text):
        hour = int(match.group(1)) % 12 + (12 if match.group(3).lower() == "p" else 0)
        before = text[max(0, match.start() - 20) : match.start()].lower()
        approx = bool(
            re.search(
                r"(about|around|approximately|roughly|before|after|until|by|between|and|to|-)\s*$",
                before,
            )
        )
        found.append(Clock(hour * 60 + int(match.group(2) or 0), match.group(0), approx))
    return tuple(found)


def content_lemmas(doc: Any) -> frozenset[str]:
    """Content words of a parsed sentence (lemmas, no stop words): the event's key words."""
    return frozenset(
        lemma
        for t in doc
        if t.is_alpha and not t.is_stop and len(t.text) > 2
        for lemma in (t.lemma_.lower(),)
        if lemma not in _STOP
    )
