"""The :class:`Briefing`: the merged, cited digest plus everything a reader needs to check it.

:func:`brief` runs the whole pipeline once: load, align (the only stage that embeds),
compare and summarise, each stage reusing the same :class:`~summarize.alignment.Alignment`.
Renderers (Markdown, HTML, JSON) only read the resulting Briefing.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from os import PathLike
from typing import TYPE_CHECKING, Any

from summarize.articles import Article
from summarize.comparison import Comparison
from summarize.digest import Digest
from summarize.errors import InputError
from summarize.models import DEFAULT_EMBEDDER

if TYPE_CHECKING:
    import pandas as pd

    from summarize.embeddings import Embedder

logger = logging.getLogger(__name__)

__all__ = ["Briefing", "BriefingOptions", "brief"]


@dataclass(frozen=True)
class BriefingOptions:
    """The options a briefing was made with (recorded so the output says how it was made)."""

    max_words: int = 150
    per_source_words: int = 80
    method: str = "extractive"
    model: str | None = None
    embedder: str = DEFAULT_EMBEDDER


@dataclass(frozen=True, eq=False)
class Briefing:
    """A merged briefing of several outlets' articles about one story.

    Attributes:
        digest: The merged digest; every sentence cites the outlets that support it.
        per_source: Outlet -> that outlet's own digest, in article order.
        comparison: Overlap, shared and unique claims, differences.
        articles: The input articles, cleaned, in the order citations number them.
        options: How it was made.
    """

    digest: Digest
    per_source: Mapping[str, Digest]
    comparison: Comparison
    articles: tuple[Article, ...]
    options: BriefingOptions = field(default_factory=BriefingOptions)

    @property
    def sources(self) -> tuple[str, ...]:
        """Outlet names in article order; citation ``[n]`` is ``sources[n - 1]``."""
        return tuple(article.source for article in self.articles)

    def to_markdown(self) -> str:
        """Markdown: cited digest, agreements, unique claims, differences, per-source digests,
        overlap table and what cleaning removed. Same briefing, same bytes."""
        from summarize.render.markdown import briefing_markdown

        return briefing_markdown(self)

    def to_html(self) -> str:
        """One self-contained HTML page (inline CSS and heatmap, all article text escaped)."""
        from summarize.render.html import briefing_html

        return briefing_html(self)

    def to_json(self) -> str:
        """JSON with a fixed key order and floats rounded to 4 places; see :meth:`from_json`."""
        from summarize.render.json import briefing_json

        return briefing_json(self)

    def to_frame(self) -> pd.DataFrame:
        """A pandas DataFrame with one row per digest sentence, merged digest first (see
        :func:`summarize.render.frames.briefing_frame`); ``comparison.to_frame()`` has the
        claims."""
        from summarize.render.frames import briefing_frame

        return briefing_frame(self)

    @classmethod
    def from_json(cls, text: str | bytes) -> Briefing:
        """Load a briefing written by :meth:`to_json` (same digests, citations, comparison)."""
        from summarize.render.json import briefing_from_json

        return briefing_from_json(text)

    def __str__(self) -> str:
        return self.to_markdown()

    def __repr__(self) -> str:
        return (
            f"Briefing(sources={list(self.sources)!r}, digest={self.digest.word_count} words, "
            f"method={self.options.method!r})"
        )

    def _repr_html_(self) -> str:
        from summarize.render.html import briefing_body, fragment

        return fragment(briefing_body(self))

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/plain": self.to_markdown(), "text/html": self._repr_html_()}


def _as_articles(articles: Any) -> list[Article]:
    if isinstance(articles, Article):
        return [articles]
    if isinstance(articles, Sequence) and not isinstance(articles, str | bytes):
        items = list(articles)
        if items and all(isinstance(item, Article) for item in items):
            return items
        if not items:
            raise InputError(
                "No articles given. Pass a folder, files, raw texts or Article objects."
            )
    if isinstance(articles, str | PathLike | Sequence):
        from summarize.loading import load_articles

        return list(load_articles(articles))
    raise InputError(
        f"Cannot make a briefing from {type(articles).__name__}. Pass a folder, a file, "
        "a list of paths, a list of raw texts, or a list of Article objects."
    )


def brief(
    articles: Sequence[Article] | str | PathLike[str] | Sequence[str | PathLike[str]],
    *,
    max_words: int = 150,
    per_source_words: int = 80,
    method: str = "extractive",
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
        method: "extractive" (verbatim sentences, the default) or "abstractive".
        model: Summarisation model for ``method="abstractive"`` (default: the bundled one).
        embedder: An :class:`~summarize.embeddings.Embedder`, or an embedder model name.
        progress: Show progress bars on stderr (steps, and tokens while a model writes);
            ``None`` follows :func:`summarize.progress.progress_bars`, by default only on a
            terminal.

    Returns:
        A :class:`Briefing`; render it with ``to_markdown()``, ``to_html()`` or ``to_json()``.

    Raises:
        InputError: no articles, or options that cannot work together.
        ArticleError: an input cannot be loaded.
        ModelNotAvailableError: a named model is not installed here.
    """
    from summarize.alignment import align
    from summarize.comparison import compare
    from summarize.digest import summarise
    from summarize.embeddings import Embedder, get_embedder
    from summarize.progress import bar, progress_bars, progress_enabled

    loaded = _as_articles(articles)
    if not loaded:
        raise InputError("No articles given. Pass a folder, files, raw texts or Article objects.")
    sources = [article.source for article in loaded]
    repeated = sorted({source for source in sources if sources.count(source) > 1})
    if repeated:
        raise InputError(
            f"Several articles have the source name {repeated[0]!r}; citations must name one "
            "article. Give each article a distinct source (load_articles numbers duplicates)."
        )
    encoder = embedder if isinstance(embedder, Embedder) else get_embedder(embedder)
    options = BriefingOptions(
        max_words=max_words,
        per_source_words=per_source_words,
        method=method,
        model=model,
        embedder=encoder.model_name,
    )
    shown = progress if progress is not None else progress_enabled()
    with progress_bars(shown), bar(total=3 + len(loaded), desc="briefing") as steps:
        steps.set_postfix_str("aligning")
        logger.info("Aligning %d articles", len(loaded))
        alignment = align(loaded, embedder=encoder)
        steps.update()
        steps.set_postfix_str("comparing")
        comparison = compare(loaded, alignment=alignment, embedder=encoder)
        steps.update()
        steps.set_postfix_str("merged digest")
        digest = summarise(
            loaded,
            max_words=max_words,
            method=method,
            model=model,
            alignment=alignment,
            embedder=encoder,
        )
        steps.update()
        per_source: dict[str, Digest] = {}
        for article in loaded:
            steps.set_postfix_str(article.source[:30])
            per_source[article.source] = summarise(
                article,
                max_words=per_source_words,
                method=method,
                model=model,
                embedder=encoder,  # its cache already holds every sentence: nothing re-embeds
            )
            steps.update()
    return Briefing(
        digest=digest,
        per_source=per_source,
        comparison=comparison,
        articles=tuple(loaded),
        options=options,
    )
