"""Cross-source sentence alignment: which sentences in different outlets report the same fact."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from summarize.comparison.calibration import same_fact, word_set
from summarize.comparison.fact_claims import FactScores, fact_scores
from summarize.comparison.fact_support import fact_support, support_model
from summarize.comparison.story_pairs import Story
from summarize.defaults import CITE_FACTS, CLAIMS, DEFAULT_EMBEDDER
from summarize.errors import InputError
from summarize.inputs.junk import is_junk
from summarize.types.alignment import (
    Alignment,
    Claim,
    FactSupport,
    Match,
    SameFact,
    SentenceRef,
    word_overlap,
)

if TYPE_CHECKING:
    from summarize.models.embeddings import Embedder
    from summarize.types.article import Article

logger = logging.getLogger(__name__)

__all__ = [
    "Alignment",
    "Claim",
    "Match",
    "SameFact",
    "SentenceRef",
    "align",
    "article_alignment",
    "article_alignments",
]


def align(
    articles: Sequence[Article],
    *,
    embedder: Embedder | None = None,
    threshold: float | None = None,
    claims: str | None = None,
    cite_facts: bool = CITE_FACTS,
) -> Alignment:
    """Match sentences across articles and group them into claims.

    Every sentence is embedded once (one batched call; the embedder caches by text). For each
    sentence and each *other* article, its best match there (by cosine) is kept when the pair
    passes the same-fact rule (:class:`SameFact`); those pairs are :attr:`Alignment.matches`.
    Claims are then built by greedy average-linkage merging over the matches, strongest first,
    with two rules that stop chains from blowing up: a claim holds at most one sentence per
    article (an outlet states a fact once; a second sentence is elaboration, not extra
    support), and two groups merge only when the *mean* same-fact score over all their cross
    pairs still passes the rule. Sentences that match nothing are single-sentence claims, so
    every sentence is in exactly one claim.

    Work is vectorised per article (one matrix product against all sentences), so 100 articles
    of 40 sentences take well under a second after embedding.

    Args:
        articles: The articles, in the order their sources should be listed.
        embedder: Defaults to the shared default :func:`~summarize.models.embeddings.get_embedder`.
        threshold: A plain same-fact cosine threshold. ``None`` (default): the embedder's
            calibrated rule over cosine and word overlap (:func:`same_fact`, ``models.md``).
        claims: How sentences are grouped into the claims a comparison shows.
            ``"sentences"``: as above, at most one sentence per outlet. ``"facts"``: also by
            the story-internal same-fact model (:mod:`~summarize.comparison.fact_claims`),
            which reads shared names, numbers and the story's rarer words and lets an
            outlet's second mention of a fact (headline and lead, a fact split over two
            sentences) join its claim, and a sentence that states two facts joins a second
            claim: :attr:`Alignment.fact_claims` (or by boosted trees, without second
            claims, :data:`summarize.defaults.FACT_GROUPING`), with :attr:`Alignment.facts` (which
            outlets report each sentence's fact, by the sentence-to-article support model
            :mod:`~summarize.comparison.fact_support`: citations and "only one outlet
            reports") and :attr:`Alignment.repeat_claims` (the model's groups, for the
            digest's "state a fact once"); :attr:`Alignment.claims` stays the sentence
            grouping the digests pick from and the disputes compare. The model was fitted on
            the default embedder's vectors; with another embedder or a plain ``threshold``,
            "sentences" is used. ``None``: :data:`summarize.defaults.CLAIMS` ("facts").
        cite_facts: With "sentences" claims, still fill :attr:`Alignment.facts` for citations:
            a merged-digest sentence cites every outlet the support model finds stating its
            fact (default embedder, no ``threshold``).

    Raises:
        InputError: no articles, or an article without sentences.
    """
    if not articles:
        raise InputError("align() needs at least one article; got an empty list.")
    for article in articles:
        if not article.sentences:
            raise InputError(
                f"Article {article.source!r} has no sentences; remove it or check its text."
            )
    if embedder is None:
        from summarize.models.embeddings import get_embedder

        embedder = get_embedder()
    rule = same_fact(embedder.model_name) if threshold is None else SameFact(float(threshold))
    mode = _claims_mode(claims, embedder.model_name, threshold)

    sources = tuple(article.source for article in articles)
    refs = [
        SentenceRef(article=a, index=i, text=text, source=article.source)
        for a, article in enumerate(articles)
        for i, text in enumerate(article.sentences)
    ]
    counts = np.array([len(article.sentences) for article in articles])
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    owner = np.repeat(np.arange(len(articles)), counts)
    all_vectors = np.asarray(embedder.encode([ref.text for ref in refs]), dtype=np.float32)
    vectors = tuple(all_vectors[s : s + c] for s, c in zip(starts, counts, strict=True))

    words = [word_set(ref.text) for ref in refs]
    index, cosine = _best_matches(all_vectors, starts, counts)  # (n_sentences, n_articles)
    decision = _decision_scores(index, cosine, words, rule)
    del cosine  # (n_sentences, n_articles): not needed once the decision scores exist
    first, second, scores = _match_pairs(index, decision, owner, rule.threshold)
    junk = np.array([is_junk(ref.text) for ref in refs], dtype=bool)
    if junk.any():  # page furniture left in the text (a credit, a contact line) matches nothing
        keep = ~(junk[first] | junk[second])
        first, second, scores = first[keep], second[keep], scores[keep]
    matches = tuple(
        Match(refs[i], refs[j], float(all_vectors[i] @ all_vectors[j]))
        for i, j in zip(first.tolist(), second.tolist(), strict=True)
    )
    facts = fact_claims = repeat_claims = None
    labels = _group(all_vectors, owner, (first, second, scores), words, rule)
    cited = cite_facts and threshold is None and embedder.model_name == DEFAULT_EMBEDDER
    if mode == "facts" or cited:
        # Digest sentences cite every outlet the support model finds stating their fact. With
        # "facts" the comparison also shows claims by fact; the digests keep
        # one-sentence-per-outlet claims to pick from (bigger claims leave fewer distinct
        # pieces: BENCHMARKS.md).
        story = Story.of([a.sentences for a in articles], vectors)
        found = fact_scores(story, junk=junk, group=mode == "facts")
        facts = _support(story, found, junk)
        if mode == "facts":
            repeat_claims = _claims(refs, found.repeat_labels, sources, second=found.second)
            fact_claims = (  # the trees' groups, where they group the comparison, alone
                repeat_claims
                if found.labels is found.repeat_labels
                else _claims(refs, found.labels, sources)
            )
    grouped = _claims(refs, labels, sources)
    similarity = (
        _document_similarity(decision, owner, counts, rule.threshold)
        if fact_claims is None
        else _claim_overlap(fact_claims, counts)
    )
    return Alignment(
        sources=sources,
        vectors=vectors,
        matches=matches,
        claims=grouped,
        fact_overlap=similarity,
        threshold=rule.threshold,
        embedder=embedder.model_name,
        overlap_weight=rule.overlap_weight,
        slope=rule.slope,
        best_scores=decision,
        facts=facts,
        fact_claims=fact_claims,
        repeat_claims=repeat_claims,
    )


def _support(story: Story, found: FactScores, junk: np.ndarray) -> FactSupport:
    """Which outlets state each sentence's fact, by the sentence-to-article support model
    (:mod:`~summarize.comparison.fact_support`), over the story's scored pairs. An outlet with
    one sentence the pair model itself puts at its ``cite`` bar or above states it too (the
    union cites more outlets rightly than either alone on both halves: BENCHMARKS.md)."""
    model = support_model()
    support = fact_support(story, found.pairs, found.probability, model=model, junk=junk)
    support[found.best >= found.model.cite] = 1.0  # in place: (sentences x articles) is big
    return FactSupport(best=support, cite=model.cite, possibly_same=model.unique)


def _claims_mode(claims: str | None, model: str, threshold: float | None) -> str:
    """The grouping to use: ``claims`` or the default, "sentences" where "facts" cannot apply."""
    mode = CLAIMS if claims is None else claims
    if mode not in ("facts", "sentences"):
        raise InputError(f'claims must be "facts" or "sentences", not {mode!r}.')
    if mode == "facts" and (threshold is not None or model != DEFAULT_EMBEDDER):
        if claims is not None:
            logger.warning(
                'claims="facts" was fitted on the default embedder (%s) without a threshold; '
                'grouping by "sentences" for %s%s.',
                DEFAULT_EMBEDDER,
                model,
                " with a threshold" if threshold is not None else "",
            )
        return "sentences"
    return mode


def article_alignments(alignment: Alignment) -> tuple[Alignment, ...]:
    """Each article's part of a story's ``alignment``: what ``align([that article])`` gives (its
    vectors, one claim per sentence), without embedding; one pass over the claims for all."""
    refs: list[list[SentenceRef]] = [[] for _ in alignment.sources]
    for claim in alignment.claims:
        for ref in claim.sentences:
            refs[ref.article].append(ref)
    parts = []
    for source, vectors, own in zip(alignment.sources, alignment.vectors, refs, strict=True):
        claims = tuple(
            Claim(sentences=(SentenceRef(0, ref.index, ref.text, source),), sources=(source,))
            for ref in sorted(own)
        )
        parts.append(
            Alignment(
                sources=(source,),
                vectors=(vectors,),
                matches=(),
                claims=claims,
                fact_overlap=np.ones((1, 1)),
                threshold=alignment.threshold,
                embedder=alignment.embedder,
                overlap_weight=alignment.overlap_weight,
                slope=alignment.slope,
                best_scores=np.ones((len(vectors), 1), dtype=np.float32),
            )
        )
    return tuple(parts)


def article_alignment(alignment: Alignment, index: int) -> Alignment:
    """Article ``index``'s part of a story's ``alignment`` (see :func:`article_alignments`)."""
    return article_alignments(alignment)[index]


def _best_matches(
    vectors: np.ndarray, starts: np.ndarray, counts: np.ndarray, *, chunk: int = 2048
) -> tuple[np.ndarray, np.ndarray]:
    """For every sentence and every article: (global index, cosine) of its best match there.

    One matrix product per chunk of rows against all sentences; per-article maxima and their
    first positions (stable tie-breaking) come from ``reduceat`` over the column segments.
    The column of the sentence's own article holds the sentence itself (cosine 1).
    Indices are int32 and rows go in chunks of ``chunk``, so the transient memory stays small
    next to the ``(n_sentences, n_articles)`` results even for thousands of articles.
    """
    n, k = len(vectors), len(starts)
    index = np.zeros((n, k), dtype=np.int32)
    score = np.zeros((n, k), dtype=np.float32)
    columns = np.arange(n, dtype=np.int32)
    for lo in range(0, n, chunk):
        block = vectors[lo : lo + chunk] @ vectors.T  # (rows, n)
        best = np.maximum.reduceat(block, starts, axis=1)  # (rows, k)
        at_best = block >= np.repeat(best, counts, axis=1)
        del block
        first = np.minimum.reduceat(np.where(at_best, columns, np.int32(n)), starts, axis=1)
        index[lo : lo + chunk] = first
        score[lo : lo + chunk] = np.minimum(best, 1.0)
    own = np.repeat(np.arange(k), counts)
    index[np.arange(n), own] = np.arange(n)
    score[np.arange(n), own] = 1.0
    return index, score


def _decision_scores(
    index: np.ndarray,
    cosine: np.ndarray,
    words: list[frozenset[str]],
    rule: SameFact,
    *,
    chunk: int = 256,
) -> np.ndarray:
    """The same-fact score of each sentence with its best match in each article.

    Word overlap is computed for every (sentence, best match) pair at once per chunk of rows:
    the intersection sizes of all sentences with the chunk's sentences are one sparse-by-dense
    product, so thousands of articles cost seconds, not a Python loop over millions of pairs.
    The arithmetic is :meth:`SameFact.scores`, the array form of :meth:`SameFact.score`.
    """
    if not rule.overlap_weight:
        return cosine
    from scipy import sparse

    n = len(words)
    vocabulary: dict[str, int] = {}
    ids = [[vocabulary.setdefault(word, len(vocabulary)) for word in sorted(s)] for s in words]
    sizes = np.array([len(row) for row in ids], dtype=np.float64)
    pointers = np.concatenate([[0], np.cumsum(sizes, dtype=np.int64)])
    flat = np.fromiter((i for row in ids for i in row), dtype=np.int64, count=int(pointers[-1]))
    matrix = sparse.csr_matrix(
        (np.ones(len(flat), dtype=np.float32), flat, pointers), shape=(n, max(1, len(vocabulary)))
    )
    out = cosine.copy()
    for lo in range(0, n, chunk):
        hi = min(n, lo + chunk)
        rows = np.arange(lo, hi)
        partners = index[lo:hi]
        mask = (cosine[lo:hi] >= rule.lowest_passing_cosine) & (partners != rows[:, None])
        if not mask.any():
            continue
        # (n, rows): how many words each sentence shares with each sentence of the chunk.
        shared = np.asarray(matrix @ matrix[lo:hi].T.toarray())
        r, c = np.nonzero(mask)
        j = partners[r, c]
        inter = shared[j, r].astype(np.float64)
        union = np.maximum(1.0, sizes[lo + r] + sizes[j] - inter)
        values = rule.scores(cosine[lo:hi][r, c].astype(np.float64), inter / union)
        out[lo + r, c] = values
    return out


def _match_pairs(
    index: np.ndarray, score: np.ndarray, owner: np.ndarray, threshold: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Unique cross-article pairs where one is the other's best match: arrays ``i < j`` and
    their same-fact scores, ordered by (i, j). Only passing entries are ever expanded."""
    n = len(index)
    rows, columns = np.nonzero(score >= threshold)
    cols = index[rows, columns].astype(np.int64)
    scores = score[rows, columns]
    keep = owner[rows] != owner[cols]
    lo = np.minimum(rows[keep], cols[keep]).astype(np.int64)
    hi = np.maximum(rows[keep], cols[keep]).astype(np.int64)
    unique, first = np.unique(lo * n + hi, return_index=True)
    return unique // n, unique % n, scores[keep][first].astype(np.float64)


def _group(
    vectors: np.ndarray,
    owner: np.ndarray,
    pairs: tuple[np.ndarray, np.ndarray, np.ndarray],
    words: list[frozenset[str]],
    rule: SameFact,
) -> list[int]:
    """Greedy constrained average-linkage clustering; returns a cluster label per sentence.

    The mean cosine between two groups is ``sum(A) . sum(B) / (|A| |B|)``, one dot product of
    group sums whatever the group sizes; the word-overlap part is averaged over the (few) cross
    pairs. Groups hold at most one sentence per article, so they stay small.
    """
    n = len(vectors)
    label = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    articles: dict[int, set[int]] = {i: {a} for i, a in enumerate(owner.tolist())}
    sums: dict[int, np.ndarray] = {}
    first, second, scores = pairs
    order = np.lexsort((second, first, -scores))  # strongest first; ties by position
    for i, j in zip(first[order].tolist(), second[order].tolist(), strict=True):
        a, b = label[i], label[j]
        if a == b or not articles[a].isdisjoint(articles[b]):
            continue
        sum_a = sums.get(a, vectors[i] if len(members[a]) == 1 else None)
        sum_b = sums.get(b, vectors[j] if len(members[b]) == 1 else None)
        assert sum_a is not None and sum_b is not None
        pairs_count = len(members[a]) * len(members[b])
        mean = float(sum_a @ sum_b) / pairs_count
        if rule.overlap_weight:
            overlap = sum(word_overlap(words[x], words[y]) for x in members[a] for y in members[b])
            mean += rule.overlap_weight * overlap / pairs_count
        if mean < rule.threshold:
            continue
        keep, gone = (a, b) if a < b else (b, a)
        moved = members.pop(gone)
        for member in moved:
            label[member] = keep
        members[keep].extend(moved)
        articles[keep] |= articles.pop(gone)
        sums[keep] = sum_a + sum_b
        sums.pop(gone, None)
    return label


def _claims(
    refs: list[SentenceRef],
    labels: list[int],
    sources: tuple[str, ...],
    *,
    second: Sequence[tuple[int, int]] = (),
) -> tuple[Claim, ...]:
    """Claims ordered by first appearance (article, then sentence position), then by their
    other sentences. ``second``: ``(sentence, group label)`` memberships beyond each
    sentence's own group; a group of one sentence that is also in another group is not a
    claim of its own, and two groups left with the same sentences are one claim."""
    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):  # refs are in (article, index) order
        members.setdefault(label, []).append(i)
    joined = {i for i, _ in second}
    for i, label in second:
        members[label].append(i)
    kept = {  # two groups that took in each other's one sentence hold the same sentences
        tuple(sorted(group))
        for group in members.values()
        if not (len(group) == 1 and group[0] in joined)
    }
    groups = [[refs[i] for i in group] for group in sorted(kept)]
    claims = []
    for group in sorted(groups, key=lambda g: (g[0].article, g[0].index)):
        present = {ref.article for ref in group}
        claims.append(
            Claim(
                sentences=tuple(group),
                sources=tuple(sources[a] for a in sorted(present)),
            )
        )
    return tuple(claims)


def _claim_overlap(claims: Sequence[Claim], counts: np.ndarray) -> np.ndarray:
    """Symmetric coverage read from the claims a comparison shows: mean of "share of A's
    sentences in a claim that holds a sentence of B" and the same for B in A, so the table
    agrees with "what all / some outlets report". A sentence in two claims (two facts)
    counts once. Works in place on the (n, n) table: no (sentences x articles) temporary."""
    coverage = np.zeros((len(counts), len(counts)))
    spans: dict[tuple[int, int], list[np.ndarray]] = {}  # sentence -> its claims' articles
    for claim in claims:
        articles = np.array(sorted({ref.article for ref in claim.sentences}))
        if len(articles) < 2:
            continue
        members = np.bincount([ref.article for ref in claim.sentences], minlength=len(counts))
        coverage[np.ix_(articles, articles)] += members[articles][:, None]
        for ref in claim.sentences:
            spans.setdefault((ref.article, ref.index), []).append(articles)
    for (article, _), reached in spans.items():
        if len(reached) > 1:  # counted once per claim above: once per other article instead
            times = np.bincount(np.concatenate(reached), minlength=len(counts))
            coverage[article] -= np.maximum(times - 1, 0)
    coverage /= np.maximum(counts, 1)[:, None]
    similarity = (coverage + coverage.T) / 2
    np.fill_diagonal(similarity, 1.0)
    return similarity


def _document_similarity(
    best_score: np.ndarray,
    owner: np.ndarray,
    counts: np.ndarray,
    threshold: float,
    *,
    chunk: int = 2048,
) -> np.ndarray:
    """Symmetric coverage: mean of "share of A's sentences with a same-fact match in B" and
    the same for B in A (``best_score``: same-fact scores of each sentence's best matches)."""
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    ends = starts + counts
    coverage = np.zeros((len(counts), len(counts)))
    # Rows are grouped by article (owner is sorted): sum each article's rows, a few thousand
    # rows (whole articles) at a time, so no (n_sentences, n_articles) temporary is made.
    first = 0
    while first < len(counts):
        last = int(np.searchsorted(ends, starts[first] + chunk, side="right"))
        last = max(last, first + 1)
        rows = best_score[starts[first] : ends[last - 1]] >= threshold
        coverage[first:last] = np.add.reduceat(
            rows.astype(np.int32), starts[first:last] - starts[first], axis=0
        )
        first = last
    coverage /= counts[:, None]
    similarity = coverage + coverage.T
    del coverage
    similarity /= 2
    np.fill_diagonal(similarity, 1.0)
    return similarity
