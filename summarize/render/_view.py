"""Read-only views shared by the renderers: citation numbers, sentence status, fact categories
per outlet, the claims grid's order, the most central article and publication dates.

Nothing here computes anything new; it only reorganises what a Comparison or Digest holds
so Markdown, HTML and notebooks label things the same way.
"""

from __future__ import annotations

import datetime
import weakref
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from summarize.readable import reads_alone
from summarize.render.categories import ASIDE, CATEGORIES, RULE_ORDER, claim_categories
from summarize.types import Briefing, Claim, Comparison, Difference, Digest, Family, SentenceRef
from summarize.types.comparison import Elsewhere
from summarize.wording import counted


def two_decimals(value: float) -> str:
    """A matrix value as the tables print it, from the value the JSON stores (4 decimals), so a
    briefing read back from its JSON prints the same tables (0.35504 and 0.355 both "0.35")."""
    return f"{round(float(value), 4):.2f}"


@dataclass(frozen=True)
class SentenceView:
    """One article sentence as the side-by-side view shows it: ``status`` is its claim's
    category (:mod:`summarize.render.categories`; a sentence in two claims: the first in
    :data:`~summarize.render.categories.RULE_ORDER`, and ``claim`` that claim),
    ``differences`` the detail pairs the sentence takes part in (a sentence of a shared claim
    can still give another value)."""

    ref: SentenceRef
    status: str
    claim: Claim
    differences: tuple[Difference, ...] = ()


#: Beyond this many outlets the overlap is not a full table (n x n cells: 25 million for 5,000
#: outlets) but the most overlapping pairs; the JSON output keeps the whole matrix.
MAX_TABLE_SOURCES = 30
#: Pairs listed instead of the table.
TOP_PAIRS = 20


#: Every pair's story overlap at least this: the table says one thing, so one line says it.
ONE_STORY = 0.95


def one_story_line(comparison: Comparison) -> str:
    """ "All 3 articles tell one story (...)" when every pair's story overlap is at least
    :data:`ONE_STORY`, else "" (the table is then worth reading)."""
    import numpy as np

    matrix = np.asarray(comparison.similarity, dtype=float)
    n = len(comparison.sources)
    if n < 2 or matrix.shape != (n, n):
        return ""
    if float(matrix[~np.eye(n, dtype=bool)].min()) < ONE_STORY:
        return ""
    return (
        f"All {n} articles tell one story (story overlap, the probability that two articles "
        f"tell the same story, is at least {ONE_STORY:.2f} for every pair)."
    )


def top_pairs(values: object, count: int = TOP_PAIRS) -> list[tuple[int, int, float]]:
    """The ``count`` highest outlet pairs (i < j) of a symmetric matrix, highest first, ties by
    position."""
    import numpy as np

    matrix = np.asarray(values, dtype=np.float64)
    pairs: list[tuple[int, int, float]] = []
    for i in range(len(matrix) - 1):  # row by row: no (n, n) temporaries
        row = matrix[i, i + 1 :]
        best = np.argsort(-row, kind="stable")[:count]
        pairs.extend((i, i + 1 + int(j), float(row[j])) for j in best)
        pairs = sorted(pairs, key=lambda p: (-p[2], p[0], p[1]))[:count]
    return pairs


def citation_numbers(sources: Iterable[str]) -> dict[str, int]:
    """Number outlets 1, 2, 3... in the order given (article order)."""
    numbers: dict[str, int] = {}
    for source in sources:
        numbers.setdefault(source, len(numbers) + 1)
    return numbers


def digest_sources(digest: Digest) -> list[str]:
    """Outlets a digest cites, in order of first citation."""
    return list(citation_numbers(s for sentence in digest.sentences for s in sentence.sources))


def markers(sources: Iterable[str], numbers: Mapping[str, int]) -> list[int]:
    """Citation numbers for ``sources``, sorted; outlets missing from ``numbers`` are skipped."""
    return sorted({numbers[source] for source in sources if source in numbers})


def article_sentences(comparison: Comparison) -> dict[str, list[SentenceView]]:
    """Every sentence of every article, in reading order, with its claim's category.

    Built from ``comparison.claims``, so the side-by-side view needs nothing beyond the
    Comparison. A sentence that states two facts is in two claims; it shows once, with the
    claim whose category comes first in the categories' rule (all outlets, differ, some,
    one outlet, possibly elsewhere).
    """
    categories = claim_categories(comparison)
    differing: dict[tuple[int, int], list[Difference]] = {}
    for difference in comparison.differences:
        for ref in (difference.a, difference.b):
            differing.setdefault((ref.article, ref.index), []).append(difference)
    views: dict[tuple[int, int], SentenceView] = {}
    for claim, status in zip(comparison.claims, categories, strict=True):
        for ref in claim.sentences:
            key = (ref.article, ref.index)
            if key in views and RULE_ORDER.index(views[key].status) <= RULE_ORDER.index(status):
                continue
            found = tuple(differing.get(key, ()))
            views[key] = SentenceView(ref=ref, status=status, claim=claim, differences=found)
    columns: dict[str, list[SentenceView]] = {source: [] for source in comparison.sources}
    for key in sorted(views):
        columns.setdefault(views[key].ref.source, []).append(views[key])
    return columns


def representative(claim: Claim, comparison: Comparison | None = None) -> SentenceRef:
    """The sentence that stands for a claim in lists: the first one in article order that
    reads on its own (no opening "He", "But" or stray quote mark; six words or more), else
    the first. Given the ``comparison``, among those in no other claim, where there is one: a
    sentence that states two facts is in two claims, and each claim shows a sentence of its
    own (a claim all of whose sentences are in other claims too chooses among all)."""
    return _first(claim.sentences, comparison)


def possibly_elsewhere(comparison: Comparison) -> dict[Claim, Elsewhere]:
    """One-outlet claim -> the other outlets that possibly report it
    (:attr:`Comparison.possibly_in`), for lists that look claims up one by one."""
    return {
        comparison.claims[i]: found
        for i, found in comparison.possibly_in.items()
        if i < len(comparison.claims)
    }


def possibly_also(found: Elsewhere | None, *, outlet_count: int) -> tuple[tuple[str, ...], str]:
    """The outlets to cite after "possibly also in", and the words after them ("and 4
    others"; ""); none where nothing is known or where every other of the story's
    ``outlet_count`` outlets is possible (the list's heading says as much)."""
    if found is None or len(found.outlets) + found.others >= outlet_count - 1:
        return (), ""
    rest = f" and {counted(found.others, 'other')}" if found.others else ""
    return found.outlets, rest


def stands_for(claim: Claim, comparison: Comparison) -> str:
    """The text that stands for a claim in the comparison's lists (:func:`representative`)."""
    return representative(claim, comparison).text


def _first(refs: Iterable[SentenceRef], comparison: Comparison | None) -> SentenceRef:
    """The first of ``refs`` in article order, preferring one in no other claim, then one
    that reads on its own: a list item "But the pair agreed ..." or "He said ..." leaves the
    reader asking who and after what, when another outlet's sentence of the fact does not."""
    ordered = sorted(refs, key=lambda ref: (ref.article, ref.index))
    if comparison is not None:
        several = _in_several_claims(comparison)
        own = [ref for ref in ordered if (ref.article, ref.index) not in several]
        if own:
            ordered = own
    return next((ref for ref in ordered if _stands_alone(ref.text)), ordered[0])


def _stands_alone(text: str) -> bool:
    """Reads on its own and says something: not "Yes" or "Reporter:" either."""
    return reads_alone(text) and len(text.split()) >= _SHOWN_MIN_WORDS


#: Fewer words than this say too little to stand for a fact when another sentence can.
_SHOWN_MIN_WORDS = 6

_SEVERAL: weakref.WeakKeyDictionary[Comparison, frozenset[tuple[int, int]]] = (
    weakref.WeakKeyDictionary()
)


def _in_several_claims(comparison: Comparison) -> frozenset[tuple[int, int]]:
    """The sentences (article, index) that are in more than one of the comparison's claims
    (worked out once per comparison, kept while the comparison lives)."""
    if comparison not in _SEVERAL:
        seen = Counter((r.article, r.index) for c in comparison.claims for r in c.sentences)
        _SEVERAL[comparison] = frozenset(key for key, count in seen.items() if count > 1)
    return _SEVERAL[comparison]


def shared_line(comparison: Comparison, claim: Claim) -> tuple[SentenceRef, tuple[str, ...]]:
    """The sentence shown for a claim all outlets report, and the outlets to cite for it.

    An outlet whose sentence of this claim gives another value for a contradicted detail
    (12 dead where the others say 19) is not cited for the shown sentence, which would put
    words in its mouth; its value shows under "Where they differ". The shown value is the one
    most of the claim's outlets give (for an update, the latest), and the shown sentence the
    first in article order among the outlets that give it (preferring one in no other claim,
    as :func:`representative`)."""
    in_claim = set(claim.sentences)
    other_value: set[str] = set()
    for dispute in comparison.disputes:
        if not dispute.contradiction:
            continue
        holders = [
            (value, {ref.source for ref in value.sentences if ref in in_claim})
            for value in dispute.values
        ]
        holders = [(value, sources) for value, sources in holders if sources]
        if len(holders) < 2:
            continue
        if dispute.timeline:
            shown = max(holders, key=lambda held: dispute.timeline.index(held[0].value))
        else:
            shown = max(holders, key=lambda held: len(held[1]))  # first of a tie: most outlets
        other_value |= set().union(*(sources for _, sources in holders)) - shown[1]
    agreeing = [ref for ref in claim.sentences if ref.source not in other_value]
    shown_ref = _first(agreeing or claim.sentences, comparison)
    return shown_ref, tuple(s for s in claim.sources if s not in other_value)


def aligned_rows(comparison: Comparison) -> list[dict[str, list[SentenceRef]]]:
    """Claims reported by two or more outlets as rows of outlet -> sentences.

    The most widely reported claims come first, then reading order.
    """
    rows = []
    claims = [claim for claim in comparison.claims if claim.support >= 2]
    claims.sort(key=lambda claim: (-claim.support, representative(claim, comparison)))
    for claim in claims:
        row: dict[str, list[SentenceRef]] = {source: [] for source in comparison.sources}
        for ref in sorted(claim.sentences):
            row.setdefault(ref.source, []).append(ref)
        rows.append(row)
    return rows


def outlet_fact_counts(comparison: Comparison) -> dict[str, dict[str, int]]:
    """Outlet -> category -> number of claims (facts) that outlet reports, in article order."""
    counts = {source: dict.fromkeys(CATEGORIES, 0) for source in comparison.sources}
    for claim, category in zip(comparison.claims, claim_categories(comparison), strict=True):
        if category == ASIDE:
            continue
        for source in claim.sources:
            counts.setdefault(source, dict.fromkeys(CATEGORIES, 0))[category] += 1
    return counts


def grid_claims(comparison: Comparison, *, limit: int | None = None) -> list[tuple[int, Claim]]:
    """Claims for a claims x outlets grid as (claim number, claim), numbers 1-based in
    ``comparison.claims`` order (the CSV's and JSON's) so tables and plots point at one row.

    Grouped by category (:data:`~summarize.render.categories.CATEGORIES` order: all outlets,
    some, differ, one), the most widely reported first, then by number; ``limit`` keeps the
    top. Claims that state no fact (:data:`~summarize.render.categories.ASIDE`) are left out.
    """
    rank = {category: i for i, category in enumerate(CATEGORIES)}
    categories = claim_categories(comparison)
    numbered = [
        (number, claim)
        for number, claim in enumerate(comparison.claims, start=1)
        if categories[number - 1] != ASIDE
    ]
    numbered.sort(key=lambda item: (rank[categories[item[0] - 1]], -item[1].support, item[0]))
    return numbered if limit is None else numbered[:limit]


def wording(claim: Claim, source: str) -> str:
    """What ``source`` wrote for this claim (its sentences joined), or "" when it does not."""
    return " ".join(ref.text for ref in sorted(claim.sentences) if ref.source == source)


def central_index(similarity: object, count: int) -> int:
    """Position of the article that overlaps most with the others (first on ties).

    Reads the overlap matrix the Comparison already holds: the row with the largest
    off-diagonal sum. With one article, 0.
    """
    import numpy as np

    matrix = np.asarray(similarity, dtype=float).reshape(count, count)
    if count < 2:
        return 0
    totals = matrix.sum(axis=1) - np.diag(matrix)
    return int(np.argmax(totals))


def published_date(text: str | None) -> datetime.date | None:
    """The calendar date of an article's ``published`` text, or None when absent or unreadable.

    Accepts ISO 8601 ("2016-08-11", "2016-08-11T14:05:00Z") and common written forms
    ("11 August 2016", "Aug 11, 2016"); anything else is left out of timelines, not guessed.
    """
    if not text or not text.strip():
        return None
    cleaned = text.strip()
    try:
        return datetime.datetime.fromisoformat(cleaned.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    from dateutil import parser  # matplotlib's own dependency

    try:
        return parser.parse(cleaned, fuzzy=False).date()
    except (ValueError, OverflowError):
        return None


def date_range(published: Iterable[str | None]) -> tuple[datetime.date, datetime.date] | None:
    """Earliest and latest readable publication dates, or None when none is known."""
    dates = sorted(d for d in map(published_date, published) if d is not None)
    return (dates[0], dates[-1]) if dates else None


def format_date_range(span: tuple[datetime.date, datetime.date] | None) -> str:
    """ "11 August 2016", "10–11 August 2016", "30 July – 2 August 2016", or ""."""
    if span is None:
        return ""
    first, last = span
    if first == last:
        return f"{first.day} {first:%B %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%B %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%B} – {last.day} {last:%B %Y}"
    return f"{first.day} {first:%B %Y} – {last.day} {last:%B %Y}"


@dataclass(frozen=True)
class FoldedFamily:
    """A near-copy family as a briefing shows it: the source label it is cited under, whose
    text stands for it, the family (members and why each is a copy), and the members whose
    other figures are compared as versions of their own (their source labels)."""

    cited: str
    text_from: str
    family: Family
    versions: tuple[str, ...] = ()


def folded_families(briefing: Briefing) -> list[FoldedFamily]:
    """The briefing's near-copy families, each with the article that stands for it (found by
    its ``family`` metadata), in citation order."""
    members = {"; ".join(family.sources): family for family in briefing.families}
    found = []
    for article in briefing.articles:
        family = members.get(article.metadata.get("family", ""))
        if family is not None:
            text_from = article.metadata.get("family_text", family.sources[0])
            versions = tuple(
                a.source
                for a in briefing.articles
                if a.metadata.get("version_of") == article.source
            )
            found.append(FoldedFamily(article.source, text_from, family, versions))
    return found


def independent_reports(briefing: Briefing) -> tuple[int, str]:
    """Outlets a briefing compares, a near-copy family once: its versions (members kept for
    the figures they change) are not outlets of their own; and, when copies were folded, the
    note that says how many articles that was (" (7 articles, near-copies counted once)")."""
    outlets = sum(1 for article in briefing.articles if "version_of" not in article.metadata)
    folded = sum(len(family.sources) - 1 for family in briefing.families)
    note = f" ({counted(outlets + folded, 'article')}, near-copies counted once)" if folded else ""
    return outlets, note
