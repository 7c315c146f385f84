"""brief(): the merged, cited digest plus everything a reader needs to check it.

:func:`brief` is the public entry point (``summarize.brief``). It takes what a user has (Article
objects, raw texts, files, folders), loads it once, and runs the flow for one story: align (the
only stage that embeds), compare and summarise, each stage reusing the same
:class:`~summarize.types.Alignment`. Its options travel as one
:class:`~summarize.types.briefing.BriefingOptions` (``brief(articles, **options.keywords())``),
which the briefing records. Renderers (Markdown, HTML, JSON) only read the resulting Briefing.
The result types (:class:`Briefing`, :class:`BriefingOptions`) live in
:mod:`summarize.types.briefing` and are re-exported here under their old import path.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Sequence
from os import PathLike
from typing import TYPE_CHECKING

from summarize.defaults import BRIEF_MAX_WORDS, BRIEF_PER_SOURCE_WORDS
from summarize.types.briefing import Briefing, BriefingOptions
from summarize.types.digest import Digest
from summarize.types.story import Family

if TYPE_CHECKING:
    from summarize.models.embeddings import Embedder
    from summarize.summarizers import Summarizer
    from summarize.types.article import Article

logger = logging.getLogger(__name__)

__all__ = ["Briefing", "BriefingOptions", "brief"]


def brief(
    articles: Article | str | PathLike[str] | Sequence[Article | str | PathLike[str]],
    *,
    max_words: int = BRIEF_MAX_WORDS,
    per_source_words: int = BRIEF_PER_SOURCE_WORDS,
    method: str | Summarizer = "extractive",
    model: str | None = None,
    embedder: Embedder | str | None = None,
    progress: bool | None = None,
    collapse_copies: bool = True,
    claims: str | None = None,
) -> Briefing:
    """Compare articles about one story and write one merged briefing that cites its outlets.

    Args:
        articles: Article objects, or anything :func:`~summarize.inputs.loading.as_articles`
            takes (a folder, a file, a list of paths or of raw texts).
        max_words: Word budget of the merged digest (never exceeded).
        per_source_words: Word budget of each outlet's own digest.
        method: "extractive" (verbatim sentences, the default), "abstractive", or a configured
            summarizer (:mod:`summarize.summarizers`), used for every digest of the briefing.
        model: Summarisation model for ``method="abstractive"`` (default: the bundled one).
        embedder: An :class:`~summarize.models.embeddings.Embedder`, or an embedder model name.
        progress: Show progress bars on stderr (steps, and tokens while a model writes);
            ``None`` follows :func:`summarize.progress.progress_bars`, by default only on a
            terminal.
        collapse_copies: Count near-copies of one report (wire copies, updates of one
            article) once: each family becomes one article cited as "AP, via X and Y"
            (:func:`summarize.comparison.families.collapse_near_copies`), listed in
            ``Briefing.families``.
            ``False`` counts every article as an outlet of its own.
        claims: How sentences are grouped into claims, "facts" or "sentences"
            (:func:`~summarize.comparison.alignment.align`; default
            :data:`summarize.defaults.CLAIMS`).

    Returns:
        A :class:`Briefing`; render it with ``to_markdown()``, ``to_html()`` or ``to_json()``.

    Raises:
        InputError: no articles, or options that cannot work together.
        ArticleError: an input cannot be loaded.
        ModelNotAvailableError: a named model is not installed here.
    """
    from summarize.comparison.alignment import align, article_alignments
    from summarize.comparison.comparison import check_distinct_sources, compare
    from summarize.comparison.families import collapse_near_copies
    from summarize.inputs.junk import remembered
    from summarize.inputs.loading import as_articles
    from summarize.models.embeddings import Embedder, get_embedder
    from summarize.pipeline.digest import summarise
    from summarize.progress import bar, choose, progress_bars
    from summarize.summarizers import check_method
    from summarize.threads import one_blas_thread

    check_method(method)
    loaded = as_articles(articles)
    check_distinct_sources(loaded)
    families: tuple[Family, ...] = ()
    if collapse_copies:  # after the check above, so a repeated label is an error, not skipped
        chosen, families = collapse_near_copies(loaded)
        loaded = list(chosen)
    encoder = embedder if isinstance(embedder, Embedder) else get_embedder(embedder)
    options = BriefingOptions(
        max_words=max_words,
        per_source_words=per_source_words,
        method=method if isinstance(method, str) else method.name,
        model=model,
        embedder=encoder.model_name,
        collapse_copies=collapse_copies,
    )
    shown = choose(progress)
    with (
        one_blas_thread(),
        remembered(),
        progress_bars(shown),
        bar(total=3 + len(loaded), desc="briefing") as steps,
    ):
        steps.set_postfix_str("aligning")
        logger.info("Aligning %d articles", len(loaded))
        alignment = align(loaded, embedder=encoder, claims=claims)
        used = "facts" if alignment.fact_claims is not None else "sentences"
        options = dataclasses.replace(options, claims=used)
        steps.update()
        steps.set_postfix_str("comparing")
        comparison = compare(loaded, alignment=alignment, embedder=encoder)
        steps.update()
        steps.set_postfix_str("merged digest")
        # The same summarizer and embedder for the merged and every per-source digest.
        digest_of = functools.partial(
            summarise, method=method, model=options.model, embedder=encoder
        )
        digest = digest_of(
            loaded,
            max_words=options.max_words,
            alignment=alignment,
            differences=comparison.differences,
        )
        steps.update()
        per_source: dict[str, Digest] = {}
        parts = article_alignments(alignment)  # each article's part: nothing is embedded again
        for article, part in zip(loaded, parts, strict=True):
            steps.set_postfix_str(article.source[:30])
            per_source[article.source] = digest_of(
                article, max_words=options.per_source_words, alignment=part
            )
            steps.update()
    return Briefing(
        digest=digest,
        per_source=per_source,
        comparison=comparison,
        articles=tuple(loaded),
        options=options,
        families=families,
    )
