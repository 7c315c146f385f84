"""Group a pile of articles into stories: :func:`group_stories` (the :class:`Story` type is in
:mod:`summarize.types.story`).

How it works (each step scales to tens of thousands of articles; the ``STORY_*`` settings are
in :mod:`summarize.defaults`):

1. Each article becomes one vector mixing two views of it: TF-IDF over its headline and text
   (first ``STORY_TFIDF_WORDS`` words: names, places, numbers, what makes two reports *the same
   event*) and the mean sentence embedding of its headline and lead (the same event in other
   words). Cosine of the mix is
   ``STORY_TFIDF_WEIGHT * tfidf_cosine + (1 - STORY_TFIDF_WEIGHT) * embedding_cosine``.
2. Candidate pairs: each article's ``STORY_NEIGHBOURS`` nearest articles, found block by block
   (``STORY_BLOCK`` rows at a time), so memory grows with ``n * STORY_NEIGHBOURS``, never
   ``n * n``.
3. Average-link grouping over the candidate pairs: two groups linked by a candidate pair merge
   when the mean similarity over *all* their article pairs is at least ``threshold`` (exact, and
   cheap: the mean pair cosine of two groups is the dot product of their mean vectors). Which
   merge comes next follows an estimate from the candidate pairs alone, so no n x n work.
4. Inside each story, near-copies (wire copies, updates of one article: at least
   :data:`~summarize.defaults.STORY_NEAR_COPY` of the shorter text's word 5-grams also in the
   other) form one *family* (:func:`summarize.comparison.families.near_copy_families`). A family is
   one
   independent report: :meth:`Story.briefing_articles` cites it once, as "AP, via X and Y"
   (and ``brief()`` folds the same families in a one-story briefing).

The default threshold was chosen on one half of the dev sets and confirmed on the other
(``python -m benchmarks.stories``, figures in ``BENCHMARKS.md``). Memory is linear in the number of
articles (10,000 in about 0.6 GB with the models), but the TF-IDF weights are fitted on the whole
pile: a growing feed is regrouped as a whole (about a minute for 10,000 articles), not
incrementally.
"""

from __future__ import annotations

import heapq
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from summarize import defaults
from summarize.comparison.families import near_copy_families
from summarize.errors import InputError
from summarize.progress import choose, progress_bars, track
from summarize.types.article import Article
from summarize.types.story import Family, Story, outlet_name

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

    from summarize.models.embeddings import Embedder

logger = logging.getLogger(__name__)

__all__ = [
    "Family",
    "Story",
    "document_vectors",
    "group_stories",
    "near_copy_families",
    "outlet_name",
]

# The grouping parameters, each explained (with where its value comes from) in defaults.py.

# --------------------------------------------------------------------------- grouping


def group_stories(
    articles: Iterable[Article],
    *,
    threshold: float | None = None,
    embedder: Embedder | str | None = None,
    neighbours: int = defaults.STORY_NEIGHBOURS,
    progress: bool | None = None,
) -> list[Story]:
    """Group articles into stories, each with its label, dates, outlets and near-copy families.

    Args:
        articles: The articles (any number, any mix of events).
        threshold: Mean pair similarity for two groups to be one story, in (0, 1); higher
            splits more. Default :data:`~summarize.defaults.STORY_THRESHOLD` (chosen on dev data).
        embedder: Sentence embedder (an Embedder or a model name); default: the shared one.
        neighbours: Candidate neighbours per article (more: slower, steadier on huge stories).
        progress: Progress bar on stderr over the neighbour search; ``None`` follows
            :func:`summarize.progress.progress_bars` (by default: on a terminal, for piles of
            several thousand articles).

    Returns:
        Stories, most outlets first (then most articles, then first appearance); every article
        is in exactly one story.

    Raises:
        InputError: a threshold outside (0, 1), or two articles with the same source label.
    """
    items = list(articles)
    if threshold is None:
        threshold = defaults.STORY_THRESHOLD
    if not 0 < threshold < 1:
        raise InputError(f"threshold must be between 0 and 1, got {threshold!r}.")
    if neighbours < 1:
        raise InputError(f"neighbours must be at least 1, got {neighbours!r}.")
    repeated = [s for s, n in Counter(a.source for a in items).items() if n > 1]
    if repeated:
        raise InputError(
            f"Several articles have the source label {repeated[0]!r}; a story must name each "
            "article once. Load them with load_articles (it numbers repeats) or rename them."
        )
    if not items:
        return []
    tfidf, dense = document_vectors(items, embedder=embedder)
    with progress_bars(choose(progress, worth_a_bar=len(items) >= 2 * defaults.STORY_BLOCK)):
        candidates = _candidates(tfidf, dense, neighbours=neighbours)
    groups = _average_link(candidates, tfidf, dense, threshold=threshold)
    stories = [_story([items[i] for i in group], dense[group]) for group in groups]
    firsts = [group[0] for group in groups]
    order = sorted(
        range(len(stories)),
        key=lambda s: (-len(stories[s].outlets), -len(stories[s].articles), firsts[s]),
    )
    logger.info("Grouped %d articles into %d stories", len(items), len(stories))
    return [stories[s] for s in order]


def document_vectors(
    articles: Sequence[Article], *, embedder: Embedder | str | None = None
) -> tuple[csr_matrix, np.ndarray]:
    """The two views of each article: L2-normalised TF-IDF rows (sparse) over its first
    :data:`~summarize.defaults.STORY_TFIDF_WORDS` words, and its unit-length mean lead-sentence
    embedding."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from summarize.models.embeddings import Embedder, get_embedder

    texts = [
        " ".join(f"{a.title} {a.text}".split()[: defaults.STORY_TFIDF_WORDS]) for a in articles
    ]
    vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english", dtype=np.float32)
    try:
        tfidf = vectorizer.fit_transform(texts).tocsr()
    except ValueError:  # only stop words everywhere: no vocabulary, the embedding decides
        from scipy.sparse import csr_matrix

        tfidf = csr_matrix((len(articles), 1), dtype=np.float32)
    encoder = embedder if isinstance(embedder, Embedder) else get_embedder(embedder)
    leads = [[a.title, *a.sentences[: defaults.STORY_LEAD_SENTENCES]] for a in articles]
    vectors = encoder.encode([s for lead in leads for s in lead])
    sizes = np.array([len(lead) for lead in leads])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    dense = np.add.reduceat(vectors, starts, axis=0) / sizes[:, None]
    dense /= np.maximum(np.linalg.norm(dense, axis=1, keepdims=True), 1e-12)
    return tfidf, dense.astype(np.float32)


@dataclass(frozen=True)
class _Candidates:
    """Candidate pairs ``(i, j, similarity)`` with i < j, and which articles' neighbour lists
    were full of close articles (``saturated``: a missing pair of two such is unknown)."""

    pairs: dict[tuple[int, int], float]
    saturated: np.ndarray


def _candidates(tfidf: csr_matrix, dense: np.ndarray, *, neighbours: int) -> _Candidates:
    n = dense.shape[0]
    k = min(neighbours, n - 1)
    pairs: dict[tuple[int, int], float] = {}
    saturated = np.zeros(n, dtype=bool)
    if k < 1:
        return _Candidates(pairs, saturated)
    tfidf_t = tfidf.T.tocsr()
    starts = range(0, n, defaults.STORY_BLOCK)
    for start in track(starts, desc="grouping", unit="block"):
        stop = min(start + defaults.STORY_BLOCK, n)
        block = defaults.STORY_TFIDF_WEIGHT * (tfidf[start:stop] @ tfidf_t).toarray()
        block += (1 - defaults.STORY_TFIDF_WEIGHT) * (dense[start:stop] @ dense.T)
        rows = np.arange(stop - start)
        block[rows, rows + start] = -np.inf  # not its own neighbour
        top = np.argpartition(-block, k - 1, axis=1)[:, :k]
        sims = np.take_along_axis(block, top, axis=1)
        saturated[start:stop] = (sims.min(axis=1) >= defaults.STORY_FLOOR) & (n - 1 > k)
        for row, (columns, values) in enumerate(zip(top, sims, strict=True)):
            i = start + row
            for j, value in zip(columns.tolist(), values.tolist(), strict=True):
                if value >= defaults.STORY_FLOOR:
                    pairs[(i, j) if i < j else (j, i)] = value
    return _Candidates(pairs, saturated)


def _average_link(
    candidates: _Candidates,
    tfidf: csr_matrix,
    dense: np.ndarray,
    *,
    threshold: float,
) -> list[list[int]]:
    """Average-link agglomeration over candidate pairs (see the module docstring, step 3).

    The order of merges follows an estimate from the candidate pairs alone (missing pairs count
    as 0 when known to be far, and are left out when unknown); a merge happens only when the
    *exact* mean similarity over every article pair of the two groups reaches ``threshold``.
    That mean is exact and cheap because cosine is linear: the mean over all pairs of two
    groups is the dot product of their mean vectors, kept as running sums.

    Returns the groups as lists of article indices, each sorted, in order of first article.
    """
    n = dense.shape[0]
    size = [1] * n
    full = [int(flag) for flag in candidates.saturated]
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    sparse_sum = [tfidf[i] for i in range(n)]
    dense_sum = [dense[i].astype(np.float64) for i in range(n)]
    # links[a][b] = [sum of candidate similarities, candidate pairs between saturated articles]
    links: dict[int, dict[int, list[float]]] = defaultdict(dict)
    for (i, j), value in candidates.pairs.items():
        both = float(candidates.saturated[i] and candidates.saturated[j])
        links[i][j] = links[j][i] = [value, both]

    def estimate(a: int, b: int) -> float:
        total, seen_full = links[a][b]
        unknown = full[a] * full[b] - seen_full
        return total / max(size[a] * size[b] - unknown, 1)

    def exact(a: int, b: int) -> float:
        lexical = float(sparse_sum[a].multiply(sparse_sum[b]).sum())
        semantic = float(dense_sum[a] @ dense_sum[b])
        return (
            defaults.STORY_TFIDF_WEIGHT * lexical + (1 - defaults.STORY_TFIDF_WEIGHT) * semantic
        ) / (size[a] * size[b])

    # Heap entries: (-priority, a, b, checked); checked entries hold the exact mean.
    heap = [(-estimate(a, b), a, b, False) for a in links for b in links[a] if a < b]
    heapq.heapify(heap)
    while heap:
        negative, a, b, checked = heapq.heappop(heap)
        if -negative < threshold:
            break
        if a not in members or b not in members:
            continue  # one side was merged since: a fresh entry was pushed then
        if not checked:
            value = exact(a, b)
            if value >= threshold:
                heapq.heappush(heap, (-value, a, b, True))
            continue
        new = len(size)
        size.append(size[a] + size[b])
        full.append(full[a] + full[b])
        members[new] = members.pop(a) + members.pop(b)
        sparse_sum.append(sparse_sum[a] + sparse_sum[b])
        dense_sum.append(dense_sum[a] + dense_sum[b])
        merged: dict[int, list[float]] = {}
        for old in (a, b):
            for other, (total, seen_full) in links.pop(old).items():
                if other in (a, b):
                    continue
                del links[other][old]
                entry = merged.setdefault(other, [0.0, 0.0])
                entry[0] += total
                entry[1] += seen_full
        links[new] = merged
        for other, entry in merged.items():
            links[other][new] = entry
            heapq.heappush(heap, (-estimate(other, new), other, new, False))
    groups = [sorted(group) for group in members.values()]
    return sorted(groups, key=lambda group: group[0])


# --------------------------------------------------------------------------- one story


def _story(articles: list[Article], vectors: np.ndarray) -> Story:
    centre = vectors.mean(axis=0)
    label = articles[int(np.argmax(vectors @ centre))].title
    dates = sorted(d for d in (_date(a.published) for a in articles) if d)
    return Story(
        articles=tuple(articles),
        label=label,
        families=near_copy_families(articles),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
    )


def _date(published: str | None) -> str | None:
    """``published`` as an ISO date, or ``None`` when absent or unreadable."""
    if not published:
        return None
    from dateutil import parser

    try:
        return parser.parse(published, fuzzy=False).date().isoformat()
    except (ValueError, OverflowError, TypeError):
        logger.debug("Unreadable publication date %r", published)
        return None
