"""Articles written for the comparison tests: one outlet's sentences, no loading."""

from __future__ import annotations

from summarize.types import Article


def article(source: str, sentences: list[str], published: str | None = None) -> Article:
    """An Article whose sentences are exactly ``sentences`` (its headline: the source name)."""
    return Article(
        source=source,
        title=source,
        text=" ".join(sentences),
        sentences=tuple(sentences),
        published=published,
    )
