"""The :class:`Digest`: a summary whose every sentence carries the outlets that support it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarize.alignment import Alignment
    from summarize.articles import Article
    from summarize.embeddings import Embedder
    from summarize.summarizers.abstractive import AbstractiveSummarizer


@dataclass(frozen=True)
class DigestSentence:
    """One digest sentence.

    Attributes:
        text: The sentence (verbatim from a source for extractive digests).
        sources: Outlets that support it, in article order. Empty when unsupported.
        supported: False when the faithfulness guard found no source sentence backing it.
        score: Similarity to the best supporting source sentence (1.0 for verbatim extracts).
    """

    text: str
    sources: tuple[str, ...]
    supported: bool = True
    score: float = 1.0


@dataclass(frozen=True)
class Digest:
    """A summary: sentences in reading order, and how it was made."""

    sentences: tuple[DigestSentence, ...]
    method: str = "extractive"
    model: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(sentence.text for sentence in self.sentences)

    @property
    def word_count(self) -> int:
        return sum(len(sentence.text.split()) for sentence in self.sentences)

    def __str__(self) -> str:
        return self.text

    def _repr_html_(self) -> str:
        """Rich display in notebooks: sentences with citation markers (summarize.render)."""
        from summarize.render.html import digest_body, fragment

        return fragment(digest_body(self))

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        from summarize.render.markdown import digest_document

        return {"text/plain": digest_document(self), "text/html": self._repr_html_()}


@dataclass(frozen=True)
class Limits:
    """Resolved length limits of one digest; ``None`` means no limit of that kind."""

    max_words: int | None = None
    max_sentences: int | None = None


#: Word budget when no limit is given: a short paragraph per outlet, a longer merged briefing.
DEFAULT_MAX_WORDS_SOURCE = 100
DEFAULT_MAX_WORDS_MERGED = 200

METHODS = ("extractive", "abstractive")


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
    default_words: int = DEFAULT_MAX_WORDS_SOURCE,
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
    x: Article | str | Sequence[Article | str],
    *,
    max_words: int | None = None,
    max_sentences: int | None = None,
    ratio: float | None = None,
    method: str = "extractive",
    model: str | None = None,
    embedder: Embedder | str | None = None,
    alignment: Alignment | None = None,
) -> Digest:
    """Summarise one article (per-source digest) or several about one story (merged digest).

    Args:
        x: An :class:`~summarize.articles.Article` or raw text for a per-source digest; a list
            of them for a merged digest whose sentences cite every outlet that reports them.
        max_words: At most this many words (sentences are never cut; one that does not fit is
            skipped for a shorter one that does).
        max_sentences: At most this many sentences.
        ratio: At most this share of the input's sentences (merged: of the story's claims,
            i.e. its distinct facts), rounded down, at least one. Limits combine: the tightest
            wins. With none given: 100 words per source, 200 merged.
        method: "extractive" (verbatim source sentences, the default) or "abstractive" (a
            generative model; every sentence is checked against the sources and flagged
            ``supported=False`` when nothing backs it).
        model: Generation model for "abstractive" (see :func:`summarize.models.load_generator`).
        embedder: The :class:`~summarize.embeddings.Embedder` to reuse, or an embedder model
            name as :func:`~summarize.briefing.brief` takes (default: the shared default).
        alignment: A precomputed :class:`~summarize.alignment.Alignment` of ``x`` (merged
            digests only), so nothing is embedded twice.

    Returns:
        A :class:`Digest` with its sentences in reading order.

    Raises:
        InputError: empty input, an unknown method, or a bad limit.
    """
    from summarize.errors import InputError

    if method not in METHODS:
        raise InputError(f"Unknown method {method!r}; use one of {', '.join(METHODS)}.")
    check_limits(max_words=max_words, max_sentences=max_sentences, ratio=ratio)
    embedder = _embedder(embedder)
    merged = not isinstance(x, str) and isinstance(x, Sequence)
    if merged:
        articles = _as_articles(list(x))  # type: ignore[arg-type]
        if len(articles) == 1:
            merged = False
    else:
        articles = _as_articles([x])  # type: ignore[list-item]

    if not merged:
        article = articles[0]
        limits = resolve_limits(
            len(article.sentences),
            max_words=max_words,
            max_sentences=max_sentences,
            ratio=ratio,
            default_words=DEFAULT_MAX_WORDS_SOURCE,
        )
        if method == "abstractive":
            return _abstractive(model).summarise_article(article, limits=limits, embedder=embedder)
        from summarize.summarizers.extractive import PER_SOURCE

        return PER_SOURCE.summarise_article(article, limits=limits, embedder=embedder)

    if alignment is None:
        from summarize.alignment import align

        alignment = align(articles, embedder=embedder)
    limits = resolve_limits(
        len(alignment.claims),
        max_words=max_words,
        max_sentences=max_sentences,
        ratio=ratio,
        default_words=DEFAULT_MAX_WORDS_MERGED,
    )
    if method == "abstractive":
        return _abstractive(model).summarise_articles(
            articles, limits=limits, embedder=embedder, alignment=alignment
        )
    from summarize.summarizers.extractive import MERGED

    return MERGED.summarise_articles(articles, limits=limits, alignment=alignment)


summarize = summarise


def _embedder(embedder: Embedder | str | None) -> Embedder:
    """An Embedder from an Embedder, a model name or ``None`` (the shared default)."""
    from summarize.embeddings import Embedder, get_embedder
    from summarize.errors import InputError

    if embedder is None or isinstance(embedder, str):
        return get_embedder(embedder)
    if not isinstance(embedder, Embedder):
        raise InputError(
            f"embedder must be an Embedder or a model name such as 'all-MiniLM-L6-v2', "
            f"got {type(embedder).__name__}."
        )
    return embedder


def _abstractive(model: str | None) -> AbstractiveSummarizer:
    from summarize.summarizers.abstractive import AbstractiveSummarizer

    return AbstractiveSummarizer(model=model)


def _as_articles(items: list[Article | str]) -> list[Article]:
    """Articles from articles and raw strings (strings get neutral labels "Text 1", ...)."""
    from summarize.articles import Article
    from summarize.errors import InputError

    if not items:
        raise InputError("Nothing to summarise: pass an article, a string, or a list of them.")
    if all(isinstance(item, Article) for item in items):
        return items  # type: ignore[return-value]
    strings = [item for item in items if isinstance(item, str)]
    if len(strings) + sum(isinstance(i, Article) for i in items) != len(items):
        kinds = sorted({type(i).__name__ for i in items if not isinstance(i, Article | str)})
        raise InputError(f"summarise() takes Articles or strings, not {', '.join(kinds)}.")
    loaded = iter(_load_strings(strings))
    return [item if isinstance(item, Article) else next(loaded) for item in items]


def _load_strings(strings: list[str]) -> list[Article]:
    """Raw texts -> cleaned, sentence-split Articles with neutral source labels."""
    from summarize.loading import load_articles

    return list(load_articles(strings))
