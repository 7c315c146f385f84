"""Read-only views shared by the renderers: citation numbers and sentence status.

Nothing here computes anything new; it only reorganises what a Comparison or Digest holds
so Markdown, HTML and notebooks label things the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from summarize.types import Claim, Comparison, Difference, Digest, SentenceRef

#: Sentence status in the side-by-side view, with the words the legend uses.
STATUS_LABELS: dict[str, str] = {
    "shared": "reported by all outlets",
    "partial": "reported by some outlets",
    "unique": "only this outlet",
    "differs": "differs in a detail (number, date, name or negation)",
}


@dataclass(frozen=True)
class SentenceView:
    """One article sentence as the side-by-side view shows it."""

    ref: SentenceRef
    status: str
    claim: Claim
    differences: tuple[Difference, ...] = ()


#: Beyond this many outlets the overlap is not a full table (n x n cells: 25 million for 5,000
#: outlets) but the most overlapping pairs; the JSON output keeps the whole matrix.
MAX_TABLE_SOURCES = 30
#: Pairs listed instead of the table.
TOP_PAIRS = 20


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
    """Every sentence of every article, in reading order, with its status.

    Built from ``comparison.claims`` (every sentence is in exactly one claim), so the
    side-by-side view needs nothing beyond the Comparison.
    """
    shared = set(comparison.shared)
    differing: dict[tuple[int, int], list[Difference]] = {}
    for difference in comparison.differences:
        for ref in (difference.a, difference.b):
            differing.setdefault((ref.article, ref.index), []).append(difference)
    columns: dict[str, list[SentenceView]] = {source: [] for source in comparison.sources}
    for claim in comparison.claims:
        for ref in claim.sentences:
            found = tuple(differing.get((ref.article, ref.index), ()))
            if found:
                status = "differs"
            elif claim in shared:
                status = "shared"
            elif claim.support <= 1:
                status = "unique"
            else:
                status = "partial"
            column = columns.setdefault(ref.source, [])
            column.append(SentenceView(ref=ref, status=status, claim=claim, differences=found))
    for column in columns.values():
        column.sort(key=lambda view: view.ref.index)
    return columns


def representative(claim: Claim) -> SentenceRef:
    """The sentence that stands for a claim in lists: the first one in article order."""
    return min(claim.sentences, key=lambda ref: (ref.article, ref.index))


def aligned_rows(comparison: Comparison) -> list[dict[str, list[SentenceRef]]]:
    """Claims reported by two or more outlets as rows of outlet -> sentences.

    The most widely reported claims come first, then reading order.
    """
    rows = []
    claims = [claim for claim in comparison.claims if claim.support >= 2]
    claims.sort(key=lambda claim: (-claim.support, representative(claim)))
    for claim in claims:
        row: dict[str, list[SentenceRef]] = {source: [] for source in comparison.sources}
        for ref in sorted(claim.sentences):
            row.setdefault(ref.source, []).append(ref)
        rows.append(row)
    return rows
