"""compare(): what all outlets report, what only one does, and where they differ.

The result types (:class:`Comparison`, :class:`Difference`) live in
:mod:`summarize.types.comparison` and are re-exported here under their old import path.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Sequence
from os import PathLike
from typing import TYPE_CHECKING

import numpy as np

from summarize.comparison.alignment import align
from summarize.comparison.story_overlap import default_model as default_overlap_model
from summarize.comparison.story_overlap import outliers, story_overlap
from summarize.defaults import (
    ELSEWHERE_SHOWN,
    POSSIBLY_SAME,
    POSSIBLY_SAME_WITH_SUPPORT,
    UNIQUE_MIN_WORDS,
)
from summarize.errors import InputError
from summarize.inputs.junk import is_junk
from summarize.inputs.language import not_english
from summarize.types.alignment import Alignment, Claim
from summarize.types.comparison import Comparison, Difference, Dispute, DisputedValue, Elsewhere
from summarize.wording import listed

if TYPE_CHECKING:
    from summarize.models.embeddings import Embedder
    from summarize.types.article import Article
    from summarize.types.story import Family

__all__ = ["Comparison", "Difference", "Dispute", "DisputedValue", "compare"]

logger = logging.getLogger(__name__)


def compare(
    articles: Article | str | PathLike[str] | Sequence[Article | str | PathLike[str]] | Alignment,
    *,
    alignment: Alignment | None = None,
    embedder: Embedder | str | None = None,
    threshold: float | None = None,
    progress: bool | None = None,
    collapse_copies: bool = True,
    claims: str | None = None,
) -> Comparison:
    """Compare articles about one story: overlap, shared and unique claims, disputes.

    Args:
        articles: Article objects (in the order their sources should be listed), anything
            :func:`~summarize.inputs.loading.as_articles` takes (a folder, files, raw texts:
            the same inputs as :func:`summarize.brief`), or an
            :class:`~summarize.types.Alignment` already computed by
            :func:`~summarize.comparison.alignment.align`.
        alignment: A precomputed alignment of ``articles`` (skips re-aligning; no near-copies
            are folded then: the alignment fixes the articles).
        embedder: Used only when an alignment has to be computed: an Embedder or a model name
            (default: the shared one).
        threshold: Same-fact cosine threshold for a new alignment (default: calibrated).
        progress: Show a progress bar on stderr while aligning; ``None`` follows
            :func:`summarize.progress.progress_bars`, by default only on a terminal.
        collapse_copies: Count near-copies of one report (wire copies, updates of one
            article) once, as "AP, via X and Y"
            (:func:`~summarize.comparison.families.collapse_near_copies`), so they do not
            inflate what "all outlets" report; a warning names the folded articles and why.
            ``False`` counts every article as its own outlet.
        claims: How a new alignment groups sentences into claims, "facts" or "sentences"
            (:func:`~summarize.comparison.alignment.align`; default
            :data:`summarize.defaults.CLAIMS`).

    Returns:
        A :class:`Comparison`. ``shared`` holds the claims every article supports; with more
        than three articles, those a strict majority supports (all-of-n gets brittle as n grows:
        one article that is only a short wire item would empty it); an outlet that gives
        another value for one of the claim's details (a contradiction) does not count
        towards it. A near-copy's version (``metadata["version_of"]``, see
        :func:`summarize.comparison.families.collapse_near_copies`) counts with its family, not
        as an outlet of its own. ``unique`` maps every source (in article order, present even
        when empty) to claims only it reports.

    Raises:
        InputError: no articles, or something that is neither an Article, a path nor text.
        ArticleError: an input cannot be loaded.
    """
    from summarize.comparison.families import collapse_near_copies
    from summarize.inputs.loading import as_articles
    from summarize.progress import bar, choose, progress_bars
    from summarize.threads import one_blas_thread

    if isinstance(articles, Alignment):
        with one_blas_thread():  # many small products: see summarize.threads
            return _compared(articles, ())
    loaded: Sequence[Article] = as_articles(articles)
    check_distinct_sources(loaded)
    families: tuple[Family, ...] = ()
    if collapse_copies and alignment is None:
        loaded, families = collapse_near_copies(loaded, log_level=logging.WARNING)
    with one_blas_thread():
        if alignment is not None:
            return _compared(alignment, loaded)
        with progress_bars(choose(progress)), bar(total=3, desc="comparing") as steps:
            from summarize.models.embeddings import as_embedder

            steps.set_postfix_str("loading the embedder")
            encoder = as_embedder(embedder)
            steps.update()
            steps.set_postfix_str("aligning")
            alignment = align(loaded, embedder=encoder, threshold=threshold, claims=claims)
            steps.update()
            steps.set_postfix_str("finding differences")
            comparison = _compared(alignment, loaded)
            steps.update()
        # The folds, for the renderers' "near-copies counted once" section.
        return dataclasses.replace(comparison, families=families) if families else comparison


def _compared(alignment: Alignment, articles: Sequence[Article]) -> Comparison:
    """The comparison of ``alignment``, the alignment of ``articles`` (their publication dates
    and near-copy versions; none when only the alignment is known)."""
    from summarize.comparison.disputes import find_disputes

    published = {a.source: a.published for a in articles if a.published}
    report_of = {  # a near-copy's version -> the family it counts with
        a.source: a.metadata["version_of"] for a in articles if "version_of" in a.metadata
    }
    sources = alignment.sources

    def reports(outlets: Iterable[str]) -> int:
        """Independent reports among ``outlets``: a near-copy's version counts with its family."""
        return len({report_of.get(source, source) for source in outlets})

    n = reports(sources)
    needed = n if n <= 3 else n // 2 + 1
    disputes, differences = find_disputes(alignment, published=published, versions=report_of)
    claims = alignment.compared_claims  # by fact where the alignment has them
    disputing = _disputing_outlets(disputes, claims, reports)
    shared = tuple(
        c
        for i, c in enumerate(claims)
        if n > 1 and reports(set(c.sources) - disputing.get(i, set())) >= needed
    )
    reported_elsewhere = _possibly_reported_elsewhere(alignment)
    # Claims of page furniture left in the text (captions, credits): no fact, nowhere listed.
    aside = tuple(c for c in claims if all(is_junk(ref.text) for ref in c.sentences))
    no_fact = set(aside)
    only: dict[str, list[Claim]] = {source: [] for source in sources}
    possibly_in: dict[int, Elsewhere] = {}
    for i, claim in enumerate(claims):  # one pass: thousands of sources x claims would be slow
        if n < 2 or len(claim.sources) != 1 or claim in no_fact:
            continue
        found = reported_elsewhere(claim)
        if found is not None:
            possibly_in[i] = found
        elif any(len(ref.text.split()) >= UNIQUE_MIN_WORDS for ref in claim.sentences):
            only[claim.sources[0]].append(claim)
    unique = {source: tuple(claims) for source, claims in only.items()}
    model = alignment.embedder
    texts = _sentences(alignment)
    similarity = story_overlap(texts, alignment.vectors, embedder=model)
    off_story = tuple(sources[i] for i in outliers(similarity, embedder=model))
    if len(off_story) == len(sources):
        logger.warning(
            "No two of these articles seem to tell the same story (story overlap below %.2f "
            "for every pair): %s. The comparison and briefing mix stories.",
            default_overlap_model(model).bar,
            listed([repr(source) for source in off_story]),
        )
    elif off_story:
        logger.warning(
            "These articles do not seem to be about the same story as the others (story "
            "overlap below %.2f): %s. The comparison and briefing mix stories; remove them, or "
            "group the articles into stories first.",
            default_overlap_model(model).bar,
            listed([repr(source) for source in off_story]),
        )
    return Comparison(
        sources=sources,
        similarity=similarity,
        claims=claims,
        shared=shared,
        unique=unique,
        differences=differences,
        disputes=disputes,
        published=published,
        fact_overlap=alignment.fact_overlap,
        off_story=off_story,
        not_english={
            source: language
            for source, sentences in zip(sources, texts, strict=True)
            if (language := not_english(" ".join(sentences)))
        },
        aside=aside,
        possibly_in=possibly_in,
    )


def _disputing_outlets(
    disputes: Sequence[Dispute], claims: Sequence[Claim], reports: Callable[[Iterable[str]], int]
) -> dict[int, set[str]]:
    """Claim index -> outlets that give another value for one of its details than the value
    most independent reports give (every outlet involved, when no value has more support than
    the rest; ``reports`` counts a near-copy's version with its family): such an outlet
    does not report the same fact, so it does not count towards "what all outlets report".
    Softer "detail differs" disputes do not count. A sentence in two claims (it states two
    facts) counts in both: which of its facts the detail belongs to is not known."""
    claims_of: dict[tuple[int, int], list[int]] = {}
    for i, c in enumerate(claims):
        for r in c.sentences:
            claims_of.setdefault((r.article, r.index), []).append(i)
    found: dict[int, set[str]] = {}

    def support(value: DisputedValue) -> int:
        return reports(value.sources)

    for dispute in disputes:
        if not dispute.contradiction:
            continue
        values = sorted(dispute.values, key=support, reverse=True)  # stable: ties keep order
        leader = values[0] if support(values[0]) > support(values[1]) else None
        for value in values:
            if value is leader:
                continue
            for ref in value.sentences:
                for claim in claims_of.get((ref.article, ref.index), ()):
                    found.setdefault(claim, set()).add(ref.source)
    return found


def _sentences(alignment: Alignment) -> list[list[str]]:
    """Each article's sentences, read back from the claims (every sentence is in one)."""
    sentences: list[list[str]] = [[""] * len(vectors) for vectors in alignment.vectors]
    for claim in alignment.claims:
        for ref in claim.sentences:
            sentences[ref.article][ref.index] = ref.text
    return sentences


def _possibly_reported_elsewhere(alignment: Alignment) -> Callable[[Claim], Elsewhere | None]:
    """The other outlets that possibly report a one-outlet claim's fact (``None``: none): its
    first sentence has a possible same-fact match in another article by the calibrated rule
    (``POSSIBLY_SAME``; beside the support model only a close one,
    ``POSSIBLY_SAME_WITH_SUPPORT``), or (with :attr:`Alignment.facts`) the sentence-to-article
    support model finds one of its sentences possibly stated by another article
    (:attr:`FactSupport.possibly_same`): either is reason enough not to call it "only one
    outlet reports". The likeliest :data:`~summarize.defaults.ELSEWHERE_SHOWN` are named,
    by how far above its bar each one is."""
    scores = alignment.best_scores
    facts = alignment.facts
    bar = alignment.rule.threshold_at(
        POSSIBLY_SAME if facts is None else POSSIBLY_SAME_WITH_SUPPORT
    )
    starts = np.cumsum([0] + [len(vectors) for vectors in alignment.vectors])

    def margins(claim: Claim) -> np.ndarray:
        """Per article, how far the likeliest evidence is above its bar (< 0: none)."""
        first = claim.sentences[0]
        best = np.full(len(alignment.sources), -np.inf)
        if scores is not None:
            best = scores[starts[first.article] + first.index] - bar
        if facts is not None:
            for ref in claim.sentences:
                row = facts.best[starts[ref.article] + ref.index] - facts.possibly_same
                best = np.maximum(best, row)
        best[[ref.article for ref in claim.sentences]] = -np.inf  # its own outlet
        return np.asarray(best)

    def elsewhere(claim: Claim) -> Elsewhere | None:
        margin = margins(claim)
        possible = np.flatnonzero(margin >= 0)
        if not len(possible):
            return None
        likeliest = sorted(possible[np.argsort(-margin[possible], kind="stable")][:ELSEWHERE_SHOWN])
        return Elsewhere(
            outlets=tuple(alignment.sources[a] for a in likeliest),
            others=len(possible) - len(likeliest),
        )

    return elsewhere


def check_distinct_sources(articles: Sequence[Article]) -> None:
    """Refuse articles that share a source name: citations and disputes name outlets, so two
    articles under one name would be read as one outlet agreeing with itself."""
    sources = [article.source for article in articles]
    repeated = sorted({source for source in sources if sources.count(source) > 1})
    if repeated:
        raise InputError(
            f"Several articles have the source name {repeated[0]!r}; citations must name one "
            "article. Give each article a distinct source (load_articles numbers duplicates)."
        )
