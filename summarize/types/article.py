"""The :class:`Article`: one outlet's report of a story, cleaned and split into sentences."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Article:
    """One news article, ready for comparison.

    Attributes:
        source: The outlet's name, unique within one call of ``load_articles``
            (duplicates get " (2)", " (3)"... appended) so a citation always names one article.
        title: The headline.
        text: The cleaned article text (paragraphs separated by blank lines).
        sentences: ``text`` split into sentences, in reading order.
        removed: Every line cleaning dropped, and every piece it cut out of a kept line (a
            photo credit, a dateline, a watermark), in order, so nothing is lost silently.
        removed_reasons: Why each entry of ``removed`` went ("headline", "photo credit",
            "byline", "video furniture", ...), same order and length.
        path: The file it came from, or ``None`` for raw strings.
        url: Where it was published, if known.
        published: When it was published, if known, as ISO 8601 text: ``"2024-05-14"`` when
            only the date is known, ``"2024-05-15T08:00:00+00:00"`` with the time (the input's
            own UTC offset; none when it names no zone). The loaders normalise every input's
            form (:mod:`summarize.inputs.metadata_dates`).
    """

    source: str
    title: str
    text: str
    sentences: tuple[str, ...]
    removed: tuple[str, ...] = ()
    removed_reasons: tuple[str, ...] = ()
    path: Path | None = None
    url: str | None = None
    published: str | None = None
    metadata: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def word_count(self) -> int:
        return len(self.text.split())
