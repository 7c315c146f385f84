"""Summarizers: one interface that every algorithm implements, so methods are swappable.

A summarizer is any object with a ``name`` and this call::

    digest = summarizer(articles, alignment=alignment, limits=limits)

``articles`` are the texts to summarise (one for a per-source digest, several for a merged one),
``alignment`` is their :class:`~summarize.types.Alignment` (sentence vectors and claims,
computed once by :func:`summarize.comparison.alignment.align`; a summarizer reads it and never
embeds source
text again) and ``limits`` the resolved :class:`~summarize.types.Limits`. It returns a
:class:`~summarize.types.Digest` whose sentences cite their outlets.

:func:`summarize.summarise` takes a method name ("extractive", "abstractive") or a configured
instance, e.g. ``summarise(articles, method=ExtractiveSummarizer(diversity=0.8))``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from summarize.errors import InputError

if TYPE_CHECKING:
    from summarize.models.embeddings import Embedder
    from summarize.types import Alignment, Article, Digest, Limits

__all__ = ["METHODS", "Summarizer", "check_method", "get_summarizer"]

#: Method names :func:`get_summarizer` knows.
METHODS = ("extractive", "abstractive")


@runtime_checkable
class Summarizer(Protocol):
    """What every summarizer implements (see the module docstring)."""

    name: str

    def __call__(
        self, articles: Sequence[Article], *, alignment: Alignment, limits: Limits
    ) -> Digest: ...


def check_method(method: object) -> None:
    """Reject a method that is neither a known name nor a summarizer, before any work.

    Raises:
        InputError: an unknown name, or an object that is not a :class:`Summarizer`.
    """
    if isinstance(method, str):
        if method not in METHODS:
            raise InputError(f"Unknown method {method!r}; use one of {', '.join(METHODS)}.")
    elif not isinstance(method, Summarizer):
        raise InputError(
            f"method must be one of {', '.join(METHODS)} or a summarizer (an object with a "
            f"name and __call__(articles, *, alignment, limits)), not {type(method).__name__}."
        )


def get_summarizer(
    method: str | Summarizer,
    *,
    merged: bool,
    model: str | None = None,
    embedder: Embedder | None = None,
) -> Summarizer:
    """The summarizer for ``method``: a configured instance is returned as it is.

    Args:
        method: "extractive" (the tuned settings for per-source or merged digests,
            :data:`~summarize.summarizers.extractive.PER_SOURCE` /
            :data:`~summarize.summarizers.extractive.MERGED`), "abstractive", or an instance.
        merged: Whether the digest merges several articles (picks the tuned extractive settings).
        model: Generation model of "abstractive" (``None``: the bundled one).
        embedder: Embedder the abstractive guard embeds generated sentences with (``None``: the
            shared one of the alignment's model).

    Raises:
        InputError: see :func:`check_method`.
    """
    check_method(method)
    if not isinstance(method, str):
        return method
    if method == "abstractive":
        from summarize.summarizers.abstractive import AbstractiveSummarizer

        return AbstractiveSummarizer(model=model, embedder=embedder)
    from summarize.summarizers.extractive import MERGED, PER_SOURCE

    return MERGED if merged else PER_SOURCE
