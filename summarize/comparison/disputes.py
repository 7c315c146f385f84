"""Disputes: the same detail of the same fact, given different values by different outlets.

Every outlet reports one event, so the sentences that disagree are often not in one claim
(the alignment puts "seized control on March 21" and "ousted on March 22" apart). So
:func:`find_disputes` looks across the whole story: sentence pairs of two outlets that are
close in meaning (the top cosine matches of each sentence that states a figure) and share the
event's key words; within a pair, one detail (:mod:`summarize.comparison.details`: a count of
one thing, a date, a clock time) whose values cannot both be true; and names one outlet spells
one way throughout and another outlet another way. Pairs about one detail are grouped into one
:class:`~summarize.types.comparison.Dispute`, each value in the outlet's own words with the
outlets giving it (every outlet whose sentence of the same fact agrees with it, paired or not:
:mod:`summarize.comparison.agreeing`); with publication times that order the values, a later
report revising a figure is an update. :func:`cite_precisely` keeps the merged digest from
citing an outlet for a value it does not give.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

import numpy as np

from summarize.comparison import details, polarity
from summarize.comparison.agreeing import Agreeing, agreeing_sentences, claim_mates
from summarize.comparison.name_disputes import name_differences
from summarize.comparison.opposites import opposite_differences
from summarize.types.alignment import Alignment, Claim, SentenceRef
from summarize.types.comparison import Difference, Dispute, DisputedValue, Found
from summarize.types.digest import Digest, DigestSentence

logger = logging.getLogger(__name__)

__all__ = ["cite_precisely", "find_disputes", "parse_published", "story_refs"]

#: Cosine matches looked at per sentence that states a figure (bounds the work on big stories).
TOP_MATCHES = 12
#: Below this cosine two sentences are not about one fact, whatever detail they share.
FLOOR = 0.45
#: Below this cosine two sentences are not one statement whose polarity could differ.
POLARITY_FLOOR = 0.6
#: Days by which two outlets' dates of one event differ at most (the night of, time zones,
#: the day the news broke); dates further apart are of two events unless both sentences date
#: one verb ("published its report on January 21" / "on January 12").
DATE_SLIP = 3
_HEADINGS = {
    "T:deaths": "Death toll",
    "T:injured": "Injured",
    "T:missing": "Missing",
    "T:arrests": "Arrests",
    "age": "Age",
    "block": "Street address",  # "the 5500 block of East 84th Street"
    "%": "Percentage",
    "$": "Amount",
}
_YEARS = re.compile(r"\b(?:19|20)\d\d\b")
_DURATION = re.compile(r"\b(?:second|minute|hour|day|week|month|year|decade)s?$", re.IGNORECASE)
_CHILD = {"son", "daughter", "boy", "girl", "child", "toddler", "baby", "kid", "infant"}
#: Words for anyone: a named person's age may be given with one of these by another outlet.
_SOMEONE = _CHILD | {"man", "woman", "person", "male", "female"}


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


class _Read:
    """What one sentence that states a figure says: counts, dates, times, key words."""

    __slots__ = (
        "actions", "clocks", "content", "date_verbs", "dates", "numbers", "propn", "ref",
        "window", "years",
    )  # fmt: skip

    def __init__(self, ref: SentenceRef, doc: Any, published: date | None) -> None:
        self.ref = ref
        self.numbers = details.numbers(doc)
        self.dates = details.dates(ref.text, published)
        self.clocks = details.clocks(ref.text)
        self.content = details.content_lemmas(doc)
        self.years = frozenset(_YEARS.findall(ref.text))
        self.window = details.time_window(ref.text)
        self.actions = polarity.actions(doc)
        self.date_verbs = {d.day: _verb_of(doc, ref.text.find(d.text)) for d in self.dates}
        self.propn = frozenset(t.lemma_.lower() for t in doc if t.pos_ == "PROPN" and t.is_alpha)


def _verb_of(doc: Any, char: int) -> str:
    """The lemma of the verb a phrase at ``char`` hangs from ("reported" in "was reported
    missing on Nov. 18"); "" when there is none near."""
    token = next((t for t in doc if t.idx <= char < t.idx + len(t.text)), None)
    for _ in range(4):
        if token is None or token.pos_ == "VERB":
            break
        token = None if token.dep_ == "ROOT" else token.head
    return token.lemma_.lower() if token is not None else ""


def story_refs(alignment: Alignment) -> list[list[SentenceRef]]:
    """Each article's sentences in order, read back from the claims (every sentence is in one)."""
    refs: list[list[SentenceRef | None]] = [[None] * len(v) for v in alignment.vectors]
    for claim in alignment.claims:
        for ref in claim.sentences:
            refs[ref.article][ref.index] = ref
    return [[r for r in article if r is not None] for article in refs]


def find_disputes(
    alignment: Alignment,
    *,
    published: Mapping[str, str] | None = None,
    versions: Mapping[str, str] | None = None,
) -> tuple[tuple[Dispute, ...], tuple[Difference, ...]]:
    """The disputes of one story, and the sentence pairs behind them.

    Args:
        alignment: From :func:`summarize.comparison.alignment.align` (sentences and vectors).
        published: Outlet -> publication time; orders values into updates and dates weekdays
            ("on Tuesday").
        versions: A near-copy's version -> the family it counts with
            (:func:`~summarize.comparison.families.collapse_near_copies`): a value its family
            gives too names the family once.

    Returns:
        ``(disputes, differences)``: disputes with the most outlets first; differences, one
        per disagreeing sentence pair (:attr:`~summarize.types.Comparison.differences`).
    """
    refs = story_refs(alignment)
    vectors = [np.asarray(v, dtype=np.float32) for v in alignment.vectors]
    times = {source: parse_published(text) for source, text in (published or {}).items()}
    # The logistic model's fact claims, which the disputes were tuned with (repeat_claims).
    fact_claims = alignment.repeat_claims or ()
    mates = claim_mates((*alignment.claims, *fact_claims))
    found, agreeing = _figure_differences(refs, vectors, times, claims=mates)
    found += name_differences(refs, vectors)
    found += opposite_differences(refs, vectors)
    disputes = _group(found, times, agreeing=agreeing, versions=versions or {})
    differences = tuple(
        Difference(
            a=a[0],
            b=b[0],
            kind=kind,
            left=a[1],
            right=b[1],
            score=score,
            topic=key.removeprefix("T:"),
        )
        for kind, key, a, b, score in found
    )
    logger.info("Found %d disputes from %d sentence pairs", len(disputes), len(differences))
    return disputes, differences


def _figure_differences(
    refs: Sequence[Sequence[SentenceRef]],
    vectors: Sequence[np.ndarray],
    times: Mapping[str, datetime | None],
    *,
    claims: Mapping[tuple[int, int], frozenset[tuple[int, int]]],
) -> tuple[list[Found], list[Agreeing]]:
    """Counts, dates and times that disagree, over candidate pairs of sentences with figures;
    and the sentences of the same facts that agree with one of the disputed values
    (:mod:`summarize.comparison.agreeing`)."""
    from summarize.models.registry import load_spacy

    chosen = [ref for article in refs for ref in article if details.has_figure(ref.text)]
    if len({ref.article for ref in chosen}) < 2:
        return [], []
    kinds = [details.figure_kinds(ref.text) for ref in chosen]
    stems = [details.stems(ref.text) for ref in chosen]
    close = _candidates(chosen, vectors)
    pairs = [  # before parsing: only sentences in a pair that may disagree are parsed
        (i, j, score)
        for i, j, score in close
        if kinds[i] & kinds[j] and len(stems[i] & stems[j]) >= 2
    ]
    nlp = load_spacy()
    read: dict[int, _Read] = {}

    def parse(wanted: Iterable[int]) -> None:
        needed = sorted(set(wanted) - set(read))
        docs = nlp.pipe([chosen[k].text for k in needed], batch_size=64, disable=["ner"])
        for k, doc in zip(needed, docs, strict=True):
            when = times.get(chosen[k].source)
            read[k] = _Read(chosen[k], doc, when.date() if when else None)

    parse(k for i, j, _ in pairs for k in (i, j))
    found: list[Found] = []
    for i, j, score in pairs:
        found.extend(_pair(read[i], read[j], score))  # figures, or the polarity of one act
    return found, agreeing_sentences(
        found, chosen, vectors, kinds, stems, close, claims, parse=parse, read=read
    )


def _candidates(
    chosen: Sequence[SentenceRef], vectors: Sequence[np.ndarray]
) -> list[tuple[int, int, float]]:
    """Pairs of sentences from two outlets among each one's closest matches (top cosine), not
    word for word the same."""
    if len(chosen) < 2:
        return []
    matrix = np.stack([vectors[r.article][r.index] for r in chosen])
    articles = np.array([r.article for r in chosen])
    texts = [" ".join(r.text.split()) for r in chosen]
    pairs: dict[tuple[int, int], float] = {}
    block = 512
    for start in range(0, len(chosen), block):
        scores = matrix[start : start + block] @ matrix.T
        for row, line in enumerate(scores, start=start):
            line[articles == articles[row]] = -1.0
            k = min(TOP_MATCHES, len(line))
            top = np.argpartition(-line, k - 1)[:k]
            for col in top:
                if line[col] >= FLOOR and texts[row] != texts[col]:
                    pairs[(min(row, int(col)), max(row, int(col)))] = float(line[col])
    return [(i, j, s) for (i, j), s in sorted(pairs.items())]


def _pair(a: _Read, b: _Read, score: float) -> list[Found]:
    """The details on which two sentences disagree (at most one count)."""
    found: list[Found] = []
    shared = a.content & b.content
    if len(shared) < 2:
        return found
    found.extend(_count_differences(a, b, score, shared))
    if a.dates and b.dates and score >= 0.5 and len(shared) >= 3:
        left = {d.day for d in a.dates}
        right = {d.day for d in b.dates}
        same_month = {m for m, _ in left} & {m for m, _ in right}
        if not left & right and len(left) == len(right) == 1 and same_month:
            (x,), (y,) = a.dates[:1], b.dates[:1]
            same_act = a.date_verbs.get(x.day) == b.date_verbs.get(y.day) != ""
            if abs(x.day[1] - y.day[1]) <= DATE_SLIP or same_act:  # else two events ("last
                # spoken to on Nov. 12", "reported missing on Nov. 18")
                found.append(
                    ("date", "date", (a.ref, x.text, x.day), (b.ref, y.text, y.day), score)
                )
    if score >= POLARITY_FLOOR and len(shared) >= 3:
        opposite = polarity.opposite_actions(a.actions, b.actions)
        if opposite is not None:
            said, unsaid = opposite
            key = "negation:" + said.verb
            found.append(
                (
                    "negation",
                    key,
                    (a.ref, said.words, said.negated),
                    (b.ref, unsaid.words, unsaid.negated),
                    score,
                )
            )
    if len(a.clocks) == len(b.clocks) == 1 and score >= 0.55 and len(shared) >= 3:
        p, q = a.clocks[0], b.clocks[0]
        if abs(p.minutes - q.minutes) > (30 if p.approx or q.approx else 10):
            found.append(
                ("time", "time", (a.ref, p.text, p.minutes), (b.ref, q.text, q.minutes), score)
            )
    return found


def _count_differences(a: _Read, b: _Read, score: float, shared: frozenset[str]) -> list[Found]:
    """Counts of one thing each (same counted noun or topic) whose values cannot both hold
    ("killed 60 and injured 180" / "killed 65 and injured 157": two)."""
    found: list[Found] = []
    if not (a.numbers and b.numbers) or a.years != b.years or a.window != b.window:
        return found  # counts of other years or spans of time ("since midnight" / "in May")
    keys = {k for n in a.numbers for k in n.keys} & {k for n in b.numbers for k in n.keys}
    for key in sorted(keys - {"$", "%"}):  # shares and sums: too often of different things
        left = [n for n in a.numbers if key in n.keys]
        right = [n for n in b.numbers if key in n.keys]
        if len(left) > 2 or len(right) > 2:
            continue  # several figures of one thing: subsets, not one count
        strict = key.startswith("T:")
        odd_left = [
            n for n in left if not any(details.compatible(n, m, casualties=strict) for m in right)
        ]
        odd_right = [
            m for m in right if not any(details.compatible(n, m, casualties=strict) for n in left)
        ]
        if len(odd_left) != 1 or len(odd_right) != 1:
            continue
        x, y = odd_left[0], odd_right[0]
        if any(n.value == y.value and n.keys <= {key} for n in a.numbers) or any(
            m.value == x.value and m.keys <= {key} for m in b.numbers
        ):
            continue  # a sentence states both figures: of two things ("306 claimed, 304 won")
        if x.negated != y.negated:
            continue  # "two members did not sign" / "six members signed": two counts
        topic = key.startswith("T:")
        if x.unit and y.unit and x.unit != y.unit and not topic and key != "age":
            continue
        context = len(shared - {key})
        if key == "age":
            if score < 0.55 or context < 3 or len(a.numbers) + len(b.numbers) > 4:
                continue
            if not _same_person(x.unit, y.unit) or _far_apart(x.value, y.value):
                continue
        elif topic:
            if score < 0.45 or context < 2 or _DURATION.search(x.text) or _DURATION.search(y.text):
                continue  # "the 18 days of protests" counts days, not the dead
        elif not ((score >= 0.5 and context >= 2) or (score >= 0.6 and context >= 1)) or not (
            a.propn & b.propn
        ):
            continue
        if found and not (topic and found[-1][1].startswith("T:")):
            continue  # a second count of one pair: only deaths and injured side by side
        found.append(("count", key, (a.ref, x.text, x), (b.ref, y.text, y), score))
    return found


def _far_apart(x: float, y: float) -> bool:
    """Whether two ages are too far apart to be one person's given two ways (25 / 10: a man
    and a girl; 73 / 72 and 3 / 2 are one person's)."""
    return abs(x - y) > max(3.0, 0.25 * max(x, y))


def _same_person(x: str, y: str) -> bool:
    """Whether two ages' nouns may be one person: "three-year-old son" / "2-year-old toddler",
    "20-year-old Connor" / "a 21-year-old man"; not "18-year-old friend" / "20-year-old
    Connor" (an age with no noun after it may be anyone's)."""
    if not x or not y or x.lower() == y.lower() or {x, y} <= _CHILD:
        return True
    return any(p[:1].isupper() and q.lower() in _SOMEONE for p, q in ((x, y), (y, x)))


def heading(kind: str, key: str, *, written: Sequence[str] = ()) -> str:
    """A readable noun for what is disputed: "Death toll", "Doses", "Date", "Name".

    ``written``: the words of the disputed values as the outlets wrote them; the commonest
    one that shares the key's first letters names a count ("doses", where the lemmatiser's
    key is "dos")."""
    if kind in ("negation", "opposite"):
        return f"{kind.capitalize()} ({_without_prefix(key)})"
    if kind == "count":
        if key in _HEADINGS:
            return _HEADINGS[key]
        nouns = [w.lower() for w in written if w.isalpha() and w.lower().startswith(key[:3])]
        if nouns:
            noun = Counter(nouns).most_common(1)[0][0]
            return noun.capitalize() if noun.endswith("s") else noun.capitalize() + "s"
        return key.capitalize() if key.endswith("s") else key.capitalize() + "s"
    return kind.capitalize()


def _without_prefix(key: str) -> str:
    """A dispute's topic from its key: "negation:confirm" and "opposite:rise" lose the kind."""
    return key.removeprefix("negation:").removeprefix("opposite:")


def _same_value(kind: str, x: Any, y: Any) -> bool:
    if kind == "count":
        return details.compatible(x, y, casualties=True)
    if kind == "name":
        return bool(x == y)
    return bool(x == y)


def _group(
    found: Sequence[Found],
    times: Mapping[str, datetime | None],
    *,
    agreeing: Sequence[Agreeing] = (),
    versions: Mapping[str, str] | None = None,
) -> tuple[Dispute, ...]:
    """One dispute per detail and connected set of sentences, with the sentences that agree
    with one of its values (``agreeing``); values that agree (the same figure however
    written, "At least 23" / "Twenty-three") are one value, its outlets each named once (a
    near-copy's version, ``versions``, not beside its family: "AP, via X and Y", not "AP,
    via X and Y, X"). Values of several things (:func:`_muddled`) are no dispute."""
    family_of = versions or {}
    parent: dict[Any, Any] = {}

    def root(node: Any) -> Any:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for kind, key, a, b, _ in found:
        parent[root((kind, key, a[0]))] = root((kind, key, b[0]))
    members: dict[Any, dict[SentenceRef, tuple[str, Any]]] = defaultdict(dict)
    for kind, key, a, b, _ in found:
        group = members[root((kind, key, a[0]))]
        for ref, words, value in (a, b):
            group.setdefault(ref, (words, value))
    disputed = {(kind, key, ref) for kind, key, a, b, _ in found for ref in (a[0], b[0])}
    for kind, key, ref, (other, words, value) in agreeing:
        if (kind, key, other) not in disputed:  # in a dispute of its own: stays there
            members[root((kind, key, ref))].setdefault(other, (words, value))
    ranked: list[tuple[tuple[int, int], Dispute]] = []
    for (kind, key, _), given in members.items():
        dispute = _dispute(kind, key, given, times, family_of=family_of)
        if dispute is None:
            continue
        parts: list[Dispute | None] = [dispute]
        if _muddled(dispute):  # of several things: each counted noun's values on their own
            parts = [
                _dispute(kind, key, part, times, family_of=family_of)
                for part in (_by_counted_noun(given) if kind == "count" else [])
            ]
        for part in parts:
            if part is None or _muddled(part):
                continue
            outlets = {source for value in part.values for source in value.sources}
            ranked.append(((-len(outlets), len(ranked)), part))
    return tuple(dispute for _, dispute in sorted(ranked, key=lambda item: item[0]))


#: An outlet giving this many of a dispute's values counts several things (a day's and a
#: war's dead, three days' dates), not one thing in two ways.
_MUDDLED = 3


def _muddled(dispute: Dispute) -> bool:
    """Whether the dispute's values are of several things: one outlet gives :data:`_MUDDLED`
    or more of them, or two outlets each give two (one outlet's two values alone may be its
    own slip: "posted Oct. 29" / "Oct. 30"). Such a dispute is not shown; a count's values are
    tried again by counted noun (:func:`_by_counted_noun`). The pairs it joins are mostly of
    two things as well (BENCHMARKS.md, session 16)."""
    given = Counter(source for value in dispute.values for source in value.sources)
    return any(count >= _MUDDLED for count in given.values()) or (
        sum(count > 1 for count in given.values()) > 1
    )


def _by_counted_noun(
    given: Mapping[SentenceRef, tuple[str, Any]],
) -> list[dict[SentenceRef, tuple[str, Any]]]:
    """A muddled count's sentences by what they count ("Three Israeli soldiers", "29
    Palestinians"); a figure of no noun ("killed 30") joins the one noun whose figures it
    agrees with, else none."""
    by_noun: dict[str, dict[SentenceRef, tuple[str, Any]]] = defaultdict(dict)
    bare = []
    for ref, (words, value) in sorted(given.items()):
        if value.unit:
            by_noun[value.unit][ref] = (words, value)
        else:
            bare.append((ref, words, value))
    for ref, words, value in bare:
        homes = [
            noun
            for noun, members in by_noun.items()
            if any(_same_value("count", other, value) for _, other in members.values())
        ]
        if len(homes) == 1:
            by_noun[homes[0]][ref] = (words, value)
    return list(by_noun.values())


def _dispute(
    kind: str,
    key: str,
    given: Mapping[SentenceRef, tuple[str, Any]],
    times: Mapping[str, datetime | None],
    *,
    family_of: Mapping[str, str],
) -> Dispute | None:
    """The dispute of one detail from its sentences' values (sentence -> (own words, value)),
    values that agree as one; ``None`` where fewer than two values or outlets remain."""
    clusters: list[list[tuple[SentenceRef, str, Any]]] = []
    for ref, (words, value) in sorted(given.items()):
        home = next((c for c in clusters if _same_value(kind, c[0][2], value)), None)
        if home is None:
            clusters.append([(ref, words, value)])
        else:
            home.append((ref, words, value))
    values = [
        DisputedValue(
            value=cluster[0][1],
            sources=_named_once([ref.source for ref, _, _ in cluster], family_of=family_of),
            sentences=tuple(ref for ref, _, _ in cluster),
        )
        for cluster in clusters
    ]
    outlets = {source for value in values for source in value.sources}
    if len(values) < 2 or len(outlets) < 2:
        return None
    values.sort(key=lambda v: (-v.support, v.sentences[0]))
    return Dispute(
        kind=kind,
        topic=key[2:] if key.startswith("T:") else _without_prefix(key),
        values=tuple(values),
        timeline=_timeline(values, times),
        heading=heading(
            kind, key, written=[w for words, _ in given.values() for w in words.split()]
        ),
    )


def _named_once(sources: Iterable[str], *, family_of: Mapping[str, str]) -> tuple[str, ...]:
    """Outlets in order, each once; a version left out where its family is named."""
    named = tuple(dict.fromkeys(sources))
    return tuple(s for s in named if family_of.get(s) not in named)


def _timeline(
    values: Sequence[DisputedValue], times: Mapping[str, datetime | None]
) -> tuple[str, ...]:
    """The values oldest first when their reports do not overlap in time, else ``()``."""
    spans = []
    for value in values:
        stamps = [times.get(source) for source in value.sources]
        known = [stamp for stamp in stamps if stamp is not None]
        if not known or len(known) < len(stamps):
            return ()
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
    gives another value for one of its details moves from ``sources`` to ``disputed`` with the
    value it gives ("65 dead, 157 injured"); every outlet's own wording is kept in
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
    """The claim a digest sentence was taken from, and its own source sentence there (for a
    shorter form, a verbatim prefix plus a full stop, the sentence it was cut from)."""
    prefix = sentence.text[:-1]
    for exact in (True, False):
        for claim in claims:
            for ref in claim.sentences:
                same = ref.text == sentence.text if exact else ref.text.startswith(prefix)
                if same and ref.source in sentence.sources:
                    return claim, ref
    return None, None


def _with_topic(value: str, difference: Difference) -> str:
    """ "65 dead" for a bare count of deaths; the value in the outlet's words otherwise."""
    words = {"deaths": "dead", "injured": "injured", "missing": "missing"}
    if (
        difference.kind == "count"
        and difference.topic in words
        and not re.search(r"[a-z]{3,}$", value)
    ):
        return f"{value} {words[difference.topic]}"
    return value
