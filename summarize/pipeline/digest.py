"""summarise(): per-source and merged digests whose every sentence cites its outlets.

:func:`summarise` is the public entry point (``summarize.summarise``): it takes what a user has
(Article objects, raw texts, files, folders), loads it, folds near-copies of one report, and
writes the digest.

The result types (:class:`Digest`, :class:`DigestSentence`, :class:`Limits`) live in
:mod:`summarize.types.digest` and are re-exported here under their old import path.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from os import PathLike
from typing import TYPE_CHECKING

from summarize.defaults import SUMMARY_MAX_WORDS_MERGED, SUMMARY_MAX_WORDS_SOURCE
from summarize.types.digest import Digest, DigestSentence, Limits

if TYPE_CHECKING:
    from summarize.models.embeddings import Embedder
    from summarize.summarizers import Summarizer
    from summarize.types.alignment import Alignment
    from summarize.types.article import Article
    from summarize.types.comparison import Difference

__all__ = [
    "Digest",
    "DigestSentence",
    "Limits",
    "check_limits",
    "resolve_limits",
    "summarise",
    "summarize",
]


METHODS = ("extractive", "abstractive")  # the names; summarize.summarizers.METHODS


def check_limits(
    *, max_words: int | None = None, max_sentences: int | None = None, ratio: float | None = None
) -> None:
    """Reject limits that cannot work, before any loading or embedding is spent on them.

    Raises:
        InputError: a limit that is not a positive number (or a ratio outside (0, 1]).
    """
    from summarize.errors import InputError

    for name, value in (("max_words", max_words), ("max_sentences", max_sentences)):
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or value < 1
        ):
            raise InputError(f"{name} must be a positive whole number, got {value!r}.")
    if ratio is not None and (
        isinstance(ratio, bool) or not isinstance(ratio, int | float) or not 0 < ratio <= 1
    ):
        raise InputError(
            f"ratio must be a number in (0, 1] (a share of the input's sentences), got {ratio!r}."
        )


def resolve_limits(
    n_units: int,
    *,
    max_words: int | None = None,
    max_sentences: int | None = None,
    ratio: float | None = None,
    default_words: int = SUMMARY_MAX_WORDS_SOURCE,
) -> Limits:
    """Turn the user's limits into one :class:`Limits`; every limit given applies.

    ``ratio`` is a share of ``n_units`` (the article's sentences for a per-source digest, the
    story's claims for a merged one), rounded down but at least one sentence. With no limit at
    all, ``default_words`` applies.

    Raises:
        InputError: a limit that is not a positive number (or a ratio outside (0, 1]).
    """
    check_limits(max_words=max_words, max_sentences=max_sentences, ratio=ratio)
    if ratio is not None:
        by_ratio = max(1, int(ratio * n_units + 1e-9))
        max_sentences = by_ratio if max_sentences is None else min(max_sentences, by_ratio)
    if max_words is None and max_sentences is None:
        max_words = default_words
    return Limits(max_words=max_words, max_sentences=max_sentences)


def summarise(
    x: Article | str | PathLike[str] | Sequence[Article | str | PathLike[str]],
    *,
    max_words: int | None = None,
    max_sentences: int | None = None,
    ratio: float | None = None,
    method: str | Summarizer = "extractive",
    model: str | None = None,
    embedder: Embedder | str | None = None,
    alignment: Alignment | None = None,
    differences: Sequence[Difference] | None = None,
    collapse_copies: bool = True,
) -> Digest:
    """Summarise one article (per-source digest) or several about one story (merged digest).

    Args:
        x: An :class:`~summarize.types.Article`, raw text or a file for a per-source digest; a
            list of them (or a folder) for a merged digest whose sentences cite every outlet
            that reports them. The same inputs as :func:`summarize.brief`
            (:func:`~summarize.inputs.loading.as_articles` loads them).
        max_words: At most this many words (sentences are never cut; one that does not fit is
            skipped for a shorter one that does).
        max_sentences: At most this many sentences.
        ratio: At most this share of the input's sentences (merged: of the story's claims,
            i.e. its distinct facts), rounded down, at least one. Limits combine: the tightest
            wins. With none given: 100 words per source, 200 merged
            (:mod:`summarize.defaults`).
        method: "extractive" (verbatim source sentences, the default), "abstractive" (a
            generative model; every sentence is checked against the sources and flagged
            ``supported=False`` when nothing backs it), or a configured summarizer instance
            (see :mod:`summarize.summarizers`).
        model: Generation model for "abstractive" (see
        :func:`summarize.models.generators.load_generator`).
        embedder: The :class:`~summarize.models.embeddings.Embedder` to align with when no
            ``alignment`` is given, or an embedder model name as :func:`summarize.brief` takes
            (default: the shared default).
        alignment: A precomputed :class:`~summarize.types.Alignment` of ``x`` (for one article,
            the alignment of its whole story also works), so nothing is embedded twice.
        differences: The alignment's conflicting sentence pairs
            (:attr:`~summarize.types.Comparison.differences`, computed when not given), so a
            merged digest cites an outlet only where its sentence agrees on the digest
            sentence's details, shows the outlets that give another value, and keeps every
            outlet's own wording (:func:`summarize.comparison.disputes.cite_precisely`).
        collapse_copies: For a merged digest, cite near-copies of one report (wire copies,
            updates of one article) once, as "AP, via X and Y"
            (:func:`~summarize.comparison.families.collapse_near_copies`); a warning names the
            folded articles. Not applied with a precomputed ``alignment`` (it fixes the
            articles).

    Returns:
        A :class:`Digest` with its sentences in reading order.

    Raises:
        InputError: empty input, articles sharing a source name, an unknown method, a bad
            limit, or an alignment of other articles.
        ArticleError: a text or file cannot be loaded.
    """
    from summarize.comparison.comparison import check_distinct_sources
    from summarize.comparison.families import collapse_near_copies
    from summarize.inputs.loading import as_articles
    from summarize.summarizers import check_method, get_summarizer
    from summarize.threads import one_blas_thread

    check_method(method)
    check_limits(max_words=max_words, max_sentences=max_sentences, ratio=ratio)
    # The one input rule of brief() and compare(): as_articles takes what they take and raises
    # what they raise. Several articles (a list, or a folder) make a merged digest.
    articles = as_articles(x)
    check_distinct_sources(articles)
    if collapse_copies and alignment is None and len(articles) > 1:
        articles = list(collapse_near_copies(articles, log_level=logging.WARNING)[0])
    with one_blas_thread():  # many small products: see summarize.threads
        merged = len(articles) > 1
        if embedder is not None:
            from summarize.models.embeddings import as_embedder

            embedder = as_embedder(embedder)
        summarizer = get_summarizer(method, merged=merged, model=model, embedder=embedder)
        if not merged and not articles[0].sentences:
            return Digest(sentences=(), method=summarizer.name)
        alignment = _alignment_of(articles, alignment, embedder)
        limits = resolve_limits(
            len(alignment.claims) if merged else len(articles[0].sentences),
            max_words=max_words,
            max_sentences=max_sentences,
            ratio=ratio,
            default_words=SUMMARY_MAX_WORDS_MERGED if merged else SUMMARY_MAX_WORDS_SOURCE,
        )
        digest = summarizer(articles, alignment=alignment, limits=limits)
        if not merged:
            return digest
        from summarize.comparison.disputes import cite_precisely

        if differences is None:
            from summarize.comparison.disputes import find_disputes

            differences = find_disputes(alignment)[1]
        return cite_precisely(digest, alignment.claims, differences)


summarize = summarise


def _alignment_of(
    articles: list[Article], alignment: Alignment | None, embedder: Embedder | None
) -> Alignment:
    """The alignment of exactly ``articles``: the one given (or, for one article, its part of
    a story's alignment), else a new one."""
    from summarize.comparison.alignment import align, article_alignment
    from summarize.errors import InputError

    if alignment is None:
        return align(articles, embedder=embedder)
    sources = tuple(article.source for article in articles)
    if alignment.sources == sources:
        return alignment
    if len(articles) == 1 and sources[0] in alignment.sources:
        return article_alignment(alignment, alignment.sources.index(sources[0]))
    raise InputError(
        f"The alignment is of {', '.join(alignment.sources)}, not of {', '.join(sources)}; "
        "pass the alignment of these articles or none."
    )
