"""The public entry points that take raw input: :func:`summarise` and :func:`brief`.

They accept what a user has (Article objects, raw texts, files, folders), turn it into articles
once with :func:`summarize.loading.as_articles`, and run the stages, which take Article objects
only and never load anything themselves (docs/ARCHITECTURE.md). ``from summarize import
summarise, brief`` gives these.
"""

from __future__ import annotations

from collections.abc import Sequence
from os import PathLike
from typing import TYPE_CHECKING

from summarize.defaults import BRIEF_MAX_WORDS, BRIEF_PER_SOURCE_WORDS

if TYPE_CHECKING:
    from summarize.embeddings import Embedder
    from summarize.summarizers import Summarizer
    from summarize.types import Alignment, Article, Briefing, Digest

__all__ = ["brief", "summarise", "summarize"]


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
) -> Digest:
    """Summarise one article (per-source digest) or several about one story (merged digest).

    Args:
        x: An :class:`~summarize.types.Article` or raw text for a per-source digest; a list of
            them for a merged digest whose sentences cite every outlet that reports them.
        max_words, max_sentences, ratio: Length limits; the tightest wins (see
            :func:`summarize.digest.summarise`). With none: 100 words per source, 200 merged.
        method: "extractive" (default), "abstractive", or a configured summarizer instance
            (:mod:`summarize.summarizers`).
        model: Generation model for "abstractive".
        embedder: The :class:`~summarize.embeddings.Embedder` to reuse, or an embedder model
            name as :func:`brief` takes (default: the shared default).
        alignment: A precomputed :class:`~summarize.types.Alignment` of ``x``.

    Returns:
        A :class:`~summarize.types.Digest` with its sentences in reading order.

    Raises:
        InputError: empty input, an unknown method, or a bad limit.
        ArticleError: a text or file cannot be loaded.
    """
    from summarize import digest
    from summarize.loading import as_articles
    from summarize.summarizers import check_method

    check_method(method)
    digest.check_limits(max_words=max_words, max_sentences=max_sentences, ratio=ratio)
    merged = not isinstance(x, str) and isinstance(x, Sequence)
    articles = as_articles(list(x) if merged else [x])  # type: ignore[arg-type]
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
) -> Briefing:
    """Compare articles about one story and write one merged briefing that cites its outlets.

    Args:
        articles: Article objects, or anything :func:`~summarize.loading.load_articles`
            accepts (a folder, a file, a list of paths or of raw texts).
        max_words: Word budget of the merged digest (never exceeded).
        per_source_words: Word budget of each outlet's own digest.
        method: "extractive" (verbatim sentences, the default), "abstractive", or a configured
            summarizer (:mod:`summarize.summarizers`).
        model: Summarisation model for ``method="abstractive"`` (default: the bundled one).
        embedder: An :class:`~summarize.embeddings.Embedder`, or an embedder model name.
        progress: Show a progress bar on stderr; ``None`` shows it only on a terminal.

    Returns:
        A :class:`~summarize.types.Briefing`; render it with ``to_markdown()``, ``to_html()``
        or ``to_json()``.

    Raises:
        InputError: no articles, or options that cannot work together.
        ArticleError: an input cannot be loaded.
        ModelNotAvailableError: a named model is not installed here.
    """
    from summarize import briefing
    from summarize.loading import as_articles
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
    )
