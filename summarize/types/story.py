"""The :class:`Story` (articles about one event) and its near-copy :class:`Family` s.

Made by :func:`summarize.pipeline.stories.group_stories`; data only, like every result type.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarize.types.article import Article

__all__ = ["Family", "NearCopy", "Story", "free_label", "outlet_name"]

_SUFFIX = re.compile(r"\s\(\d+\)$")


def outlet_name(source: str) -> str:
    """The outlet behind a source label: ``"BBC (2)"`` (a second BBC article) is ``"BBC"``."""
    return _SUFFIX.sub("", source)


def free_label(label: str, taken: set[str]) -> str:
    """``label``, or ``"label (2)"``, ``"label (3)"``... the first not in ``taken``; added to
    ``taken``, so every citation keeps naming one article."""
    free, n = label, 1
    while free in taken:
        n += 1
        free = f"{label} ({n})"
    taken.add(free)
    return free


@dataclass(frozen=True)
class NearCopy:
    """Why an article belongs to its family: ``share`` of the shorter text's word 5-grams of
    the pair (``source``, ``closest``) appear in both, ``closest`` being the family member it
    shares most with (at least :data:`~summarize.defaults.STORY_NEAR_COPY` for every member)."""

    source: str
    closest: str
    share: float


@dataclass(frozen=True)
class Family:
    """Near-copies of one report inside a story: a wire story and the outlets that ran it, or
    the versions of one article as it was updated.

    Attributes:
        sources: Source labels of its articles, in story order.
        origin: The wire service its text credits ("AP", "Reuters", ...), if any.
        copies: Why each member is in the family (one :class:`NearCopy` per source, same
            order); empty for a single article.
    """

    sources: tuple[str, ...]
    origin: str | None = None
    copies: tuple[NearCopy, ...] = ()

    @property
    def label(self) -> str:
        """How a citation names it: "AP, via X and Y"; "X, via Y" for an outlet's report run
        by another; "X (2 versions)" for updates of one outlet's article; "X" alone. Past ten
        carriers, the rest are counted: "AP, via A, B, ... J and 40 others"."""
        outlets = list(dict.fromkeys(outlet_name(source) for source in self.sources))
        if self.origin is not None:
            carriers = [o for o in outlets if o != self.origin]
            if carriers:
                return f"{self.origin}, via {_join(carriers)}"
            outlets = [self.origin]  # only the wire's own versions
        if len(outlets) == 1:
            n = len(self.sources)
            return outlets[0] if n == 1 else f"{outlets[0]} ({n} versions)"
        return f"{outlets[0]}, via {_join(outlets[1:])}"


_NAMED = 10  # outlets a family label names at most; more are counted ("and 9,990 others")


def _join(names: Sequence[str]) -> str:
    if len(names) > _NAMED:  # a citation stays short however many outlets ran one report
        return ", ".join(names[:_NAMED]) + f" and {len(names) - _NAMED:,} others"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(frozen=True)
class Story:
    """Articles about one event.

    Attributes:
        articles: Its articles, in input order.
        label: Its most central headline (closest to the story's mean vector).
        families: Independent reports: each near-copy family once, every article in one family.
        first_published: Earliest publication date (ISO ``YYYY-MM-DD``), when dates are known.
        last_published: Latest publication date, when dates are known.
    """

    articles: tuple[Article, ...]
    label: str
    families: tuple[Family, ...]
    first_published: str | None = None
    last_published: str | None = None

    @property
    def outlets(self) -> tuple[str, ...]:
        """Distinct outlets, in article order."""
        return tuple(dict.fromkeys(outlet_name(article.source) for article in self.articles))

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(article.source for article in self.articles)

    @property
    def independent_reports(self) -> int:
        """How many reports are independent: near-copy families count once."""
        return len(self.families)

    def briefing_articles(self) -> tuple[Article, ...]:
        """One article per family, for a briefing: the family's longest text, cited under the
        family's label, so copies of one report do not count as corroboration.

        A folded article's metadata says what it stands for: ``family`` (the members' sources,
        joined by "; ") and ``family_text`` (whose text it is). A label that would repeat
        another source gets " (2)", " (3)"... so every citation still names one article.
        :func:`summarize.comparison.families.collapse_near_copies` (what ``brief`` uses) adds,
        after these,
        a *version* for each member that states a figure the cited text does not, so a
        changed figure still shows as a dispute or update.
        """
        by_source = {article.source: article for article in self.articles}
        used = {family.sources[0] for family in self.families if len(family.sources) == 1}
        chosen = []
        for family in self.families:
            members = [by_source[source] for source in family.sources]
            _, longest = max(enumerate(members), key=lambda m: (m[1].word_count, -m[0]))
            if len(members) == 1:
                chosen.append(longest)
                continue
            label = free_label(family.label, used)
            metadata = {
                **longest.metadata,
                "family": "; ".join(family.sources),
                "family_text": longest.source,
            }
            chosen.append(dataclasses.replace(longest, source=label, metadata=metadata))
        return tuple(chosen)

    def __repr__(self) -> str:
        span = f", {self.first_published}..{self.last_published}" if self.first_published else ""
        return (
            f"Story({self.label!r}, {len(self.articles)} articles, "
            f"{len(self.outlets)} outlets, {len(self.families)} independent{span})"
        )
