"""The public entry points: :func:`summarise`, :func:`brief` and :func:`compare`.

They accept what a user has (Article objects, raw texts, files, folders), turn it into articles
once with :func:`summarize.inputs.loading.as_articles`, and run the stages, which take Article
objects
only and never load anything themselves (docs/ARCHITECTURE.md). Near-copies of one report (wire
copies, updates of one article) count once here, as in :func:`summarize.group_stories`, unless
``collapse_copies=False``. ``from summarize import summarise, brief, compare`` gives these.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from os import PathLike
from typing import TYPE_CHECKING

from summarize.defaults import BRIEF_MAX_WORDS, BRIEF_PER_SOURCE_WORDS

if TYPE_CHECKING:
    from summarize.models.embeddings import Embedder
    from summarize.summarizers import Summarizer
    from summarize.types import Alignment, Article, Briefing, Comparison, Digest

__all__ = ["brief", "compare", "summarise", "summarize"]


def summarise(
    x: Article | str | Sequence[Article | str],
    *,
    max_words: int | None = None,
    max_sentences: int | None = None,
    ratio: float | None = None,
    method: str | Summarizer = "extractive",
    model: str | None = None,
    embedder: Embedder | str | None = None,
    alignment: Alignment | None = None,
    collapse_copies: bool = True,
) -> Digest:
    """Summarise one article (per-source digest) or several about one story (merged digest).

    Args:
        x: An :class:`~summarize.types.Article` or raw text for a per-source digest; a list of
            them for a merged digest whose sentences cite every outlet that reports them.
        max_words, max_sentences, ratio: Length limits; the tightest wins (see
            :func:`summarize.pipeline.digest.summarise`). With none: 100 words per source, 200
            merged.
        method: "extractive" (default), "abstractive", or a configured summarizer instance
            (:mod:`summarize.summarizers`).
        model: Generation model for "abstractive".
        embedder: The :class:`~summarize.models.embeddings.Embedder` to reuse, or an embedder model
            name as :func:`brief` takes (default: the shared default).
        alignment: A precomputed :class:`~summarize.types.Alignment` of ``x``.
        collapse_copies: For a merged digest, cite near-copies of one report (wire copies,
            updates of one article) once, as "AP, via X and Y"; a warning names the folded
            articles. Not applied with a precomputed ``alignment`` (it fixes the articles).

    Returns:
        A :class:`~summarize.types.Digest` with its sentences in reading order.

    Raises:
        InputError: empty input, an unknown method, or a bad limit.
        ArticleError: a text or file cannot be loaded.
    """
    from summarize.inputs.loading import as_articles
    from summarize.pipeline import digest
    from summarize.summarizers import check_method
    from summarize.threads import one_blas_thread

    check_method(method)
    digest.check_limits(max_words=max_words, max_sentences=max_sentences, ratio=ratio)
    merged = not isinstance(x, str) and isinstance(x, Sequence)
    articles = as_articles(list(x) if merged else [x])  # type: ignore[arg-type]
    if merged and collapse_copies and alignment is None:
        articles = _collapsed(articles)
    with one_blas_thread():  # many small products: see summarize.threads
        return digest.summarise(
            articles if merged else articles[0],
            max_words=max_words,
            max_sentences=max_sentences,
            ratio=ratio,
            method=method,
            model=model,
            embedder=embedder,
            alignment=alignment,
        )


summarize = summarise


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
        articles: Article objects, or anything :func:`~summarize.inputs.loading.load_articles`
            accepts (a folder, a file, a list of paths or of raw texts).
        max_words: Word budget of the merged digest (never exceeded).
        per_source_words: Word budget of each outlet's own digest.
        method: "extractive" (verbatim sentences, the default), "abstractive", or a configured
            summarizer (:mod:`summarize.summarizers`).
        model: Summarisation model for ``method="abstractive"`` (default: the bundled one).
        embedder: An :class:`~summarize.models.embeddings.Embedder`, or an embedder model name.
        progress: Show a progress bar on stderr; ``None`` shows it only on a terminal.
        collapse_copies: Count near-copies of one report (wire copies, updates of one
            article) once, cited as "AP, via X and Y"; the briefing lists them
            (``Briefing.families``). ``False`` counts every article as its own outlet.
        claims: How sentences are grouped into claims: "facts" (the story-internal same-fact
            model) or "sentences" (one sentence per outlet); default
            :data:`summarize.defaults.CLAIMS`.

    Returns:
        A :class:`~summarize.types.Briefing`; render it with ``to_markdown()``, ``to_html()``
        or ``to_json()``.

    Raises:
        InputError: no articles, or options that cannot work together.
        ArticleError: an input cannot be loaded.
        ModelNotAvailableError: a named model is not installed here.
    """
    from summarize.inputs.loading import as_articles
    from summarize.pipeline import briefing
    from summarize.summarizers import check_method

    check_method(method)
    return briefing.brief(
        as_articles(articles),
        max_words=max_words,
        per_source_words=per_source_words,
        method=method,
        model=model,
        embedder=embedder,
        progress=progress,
        collapse_copies=collapse_copies,
        claims=claims,
    )


def compare(
    articles: Sequence[Article] | Alignment,
    *,
    alignment: Alignment | None = None,
    embedder: Embedder | str | None = None,
    threshold: float | None = None,
    collapse_copies: bool = True,
    claims: str | None = None,
) -> Comparison:
    """Compare articles about one story: overlap, shared and unique claims, disputes.

    :func:`summarize.comparison.comparison.compare`, with near-copies of one report (wire copies,
    updates
    of one article) counted once, as "AP, via X and Y", so they do not inflate what "all
    outlets" report; a warning names the folded articles and why.

    Args:
        articles: The articles (load them first: ``compare(load_articles(path))``), or an
            :class:`~summarize.types.Alignment` already computed.
        alignment: A precomputed alignment of ``articles`` (no near-copies are folded then:
            the alignment fixes the articles).
        embedder: An Embedder or a model name, used when an alignment has to be computed.
        threshold: Same-fact cosine threshold for a new alignment (default: calibrated).
        collapse_copies: ``False`` counts every article as its own outlet.
        claims: How a new alignment groups sentences into claims, "facts" or "sentences"
            (default :data:`summarize.defaults.CLAIMS`).

    Returns:
        A :class:`~summarize.types.Comparison`.

    Raises:
        InputError: ``articles`` is a path, a text or anything but Articles.
    """
    from summarize.comparison import comparison
    from summarize.threads import one_blas_thread
    from summarize.types import Article

    if (
        collapse_copies
        and alignment is None
        and isinstance(articles, Sequence)
        and not isinstance(articles, str | bytes)
        and articles
        and all(isinstance(a, Article) for a in articles)
    ):
        articles = _collapsed(articles)
    with one_blas_thread():  # many small products: see summarize.threads
        return comparison.compare(
            articles, alignment=alignment, embedder=embedder, threshold=threshold, claims=claims
        )


def _collapsed(articles: Sequence[Article]) -> list[Article]:
    """Near-copy families folded (see :func:`summarize.comparison.families.collapse_near_copies`),
    with a
    warning: a digest or comparison has no list of them, so the log is where they are named.
    Articles that repeat a source label are left as they are (the stage reports that)."""
    from summarize.comparison.families import collapse_near_copies

    if len({article.source for article in articles}) < len(articles):
        return list(articles)
    chosen, _ = collapse_near_copies(articles, log_level=logging.WARNING)
    return list(chosen)
