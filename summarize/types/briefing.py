"""The :class:`Briefing`: the merged, cited digest plus everything a reader needs to check it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from summarize.defaults import BRIEF_MAX_WORDS, BRIEF_PER_SOURCE_WORDS, CLAIMS, DEFAULT_EMBEDDER
from summarize.types.article import Article
from summarize.types.comparison import Comparison
from summarize.types.digest import Digest
from summarize.types.display import RichDisplay, frame, parse, render
from summarize.types.story import Family

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Briefing", "BriefingOptions"]


@dataclass(frozen=True)
class BriefingOptions:
    """How a briefing is made: the options of :func:`summarize.brief`, as one object.

    A :class:`Briefing` records the ones it was made with (so the output says how it was
    made). :func:`summarize.brief_many` and the command line pass one such object around (to
    each worker, too: models are named, so a worker loads them itself), and
    ``brief(articles, **options.keywords())`` briefs with it. The field names are ``brief()``'s
    keyword names. ``claims`` is the grouping the comparison used ("facts" or "sentences":
    "facts" falls back to "sentences" with an embedder it was not fitted on).
    """

    max_words: int = BRIEF_MAX_WORDS
    per_source_words: int = BRIEF_PER_SOURCE_WORDS
    method: str = "extractive"
    model: str | None = None
    embedder: str = DEFAULT_EMBEDDER
    collapse_copies: bool = True
    claims: str = CLAIMS

    def keywords(self) -> dict[str, Any]:
        """These options as keyword arguments of :func:`summarize.brief`."""
        return {option.name: getattr(self, option.name) for option in fields(self)}


@dataclass(frozen=True, eq=False)
class Briefing(RichDisplay):
    """A merged briefing of several outlets' articles about one story.

    Attributes:
        digest: The merged digest; every sentence cites the outlets that support it.
        per_source: Outlet -> that outlet's own digest, in article order.
        comparison: Overlap, shared and unique claims, differences.
        articles: The articles compared, cleaned, in the order citations number them; a
            near-copy family is one article here, cited under its label ("AP, via X and Y"),
            its metadata naming its members (``family``) and whose text it is (``family_text``).
        options: How it was made.
        families: The near-copy families folded into one article each (wire copies, updates
            of one article), with why (:class:`~summarize.types.story.NearCopy` shares);
            empty when none were, or with ``collapse_copies=False``.
    """

    digest: Digest
    per_source: Mapping[str, Digest]
    comparison: Comparison
    articles: tuple[Article, ...]
    options: BriefingOptions = field(default_factory=BriefingOptions)
    families: tuple[Family, ...] = ()

    @property
    def sources(self) -> tuple[str, ...]:
        """Outlet names in article order; citation ``[n]`` is ``sources[n - 1]``."""
        return tuple(article.source for article in self.articles)

    def to_markdown(self) -> str:
        """Markdown: cited digest, agreements, unique claims, differences, per-source digests,
        overlap table and what cleaning removed. Same briefing, same bytes."""
        return render(self, "markdown")

    def to_html(self) -> str:
        """One self-contained HTML page (inline CSS and heatmap, all article text escaped)."""
        return render(self, "html")

    def to_json(self) -> str:
        """JSON with a fixed key order and floats rounded to 4 places; see :meth:`from_json`."""
        return render(self, "json")

    def to_frame(self) -> pd.DataFrame:
        """A pandas DataFrame, one row per digest sentence (merged first, then each outlet's)
        with the outlets it cites (see :func:`summarize.render.frames.briefing_frame`);
        ``comparison.to_frame()`` has the claims."""
        result: pd.DataFrame = frame(self)
        return result

    @classmethod
    def from_json(cls, text: str | bytes) -> Briefing:
        """Load a briefing written by :meth:`to_json` (same digests, citations, comparison).

        Raises:
            InputError: the text is not JSON written by ``Briefing.to_json()``.
        """
        briefing: Briefing = parse(text, "json")
        return briefing

    def __str__(self) -> str:
        return self.to_markdown()

    def __repr__(self) -> str:
        return (
            f"Briefing(sources={list(self.sources)!r}, digest={self.digest.word_count} words, "
            f"method={self.options.method!r})"
        )
