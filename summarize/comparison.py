"""The :class:`Comparison`: what all outlets report, what only one does, and where they differ."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from summarize.alignment import Alignment, Claim, SentenceRef, align

if TYPE_CHECKING:
    from summarize.articles import Article
    from summarize.embeddings import Embedder


#: Same-fact probability (of the calibrated rule) above which a sentence elsewhere may report the
#: same fact; such claims are left out of :attr:`Comparison.unique`.
POSSIBLY_SAME = 0.25


@dataclass(frozen=True)
class Difference:
    """Two aligned sentences that disagree on a checkable detail.

    ``kind`` is one of "number", "date", "entity", "negation", "antonym" (a word swapped for
    its opposite) or "detail" (a softer "detail differs": a vague against an exact figure, or
    one word swapped for a different one in otherwise identical sentences);
    ``left``/``right`` hold the conflicting values (e.g. "3.7%" vs "4%"). ``topic`` says what
    the values are about, so pairs about one detail can be grouped into one dispute: the
    counted thing for numbers ("deaths"), the kind of name ("place", "person",
    "organisation", "group") for entities, the negated word for negation.
    """

    a: SentenceRef
    b: SentenceRef
    kind: str
    left: str
    right: str
    score: float
    topic: str = ""

    @property
    def soft(self) -> bool:
        """A "detail differs" (not a flat contradiction)."""
        return self.kind == "detail"


#: How each kind of dispute is named in its label ("Deaths", "Place", "Negation: confirm").
DISPUTE_KINDS = {
    "number": "count",
    "date": "date",
    "entity": "name",
    "negation": "negation",
    "antonym": "opposite",
    "detail": "detail differs",
}


@dataclass(frozen=True)
class DisputedValue:
    """One value given for a disputed detail, with the outlets and sentences that give it."""

    value: str
    sources: tuple[str, ...]
    sentences: tuple[SentenceRef, ...]

    @property
    def support(self) -> int:
        return len(self.sources)


@dataclass(frozen=True)
class Dispute:
    """One checkable detail of one fact on which outlets give different values.

    Attributes:
        kind: "count", "date", "place", "person", "organisation", "group", "negation",
            "opposite" (a word against its antonym) or "detail differs" (softer: a vague
            against an exact figure, or one word changed for a different one).
        topic: What the values are about: the counted thing ("deaths"), the negated or
            opposed word, or the kind of name.
        values: Each distinct value with its outlets, most outlets first.
        contradiction: False for "detail differs", where both can be true.
        timeline: When the outlets' publication times order the values strictly (every report
            of one value is older than every report of the next), the values oldest first: a
            later report revised the figure (an update, not a contradiction). Empty otherwise.
    """

    kind: str
    topic: str
    values: tuple[DisputedValue, ...]
    contradiction: bool = True
    timeline: tuple[str, ...] = ()

    @property
    def update(self) -> bool:
        """Whether the values are successive reports (see ``timeline``)."""
        return len(self.timeline) > 1

    @property
    def label(self) -> str:
        """A short heading: "Deaths", "Place", "Negation (confirm)", "Detail differs"."""
        if self.kind == "count":
            return self.topic.capitalize() if self.topic else "Count"
        if self.kind in ("negation", "opposite") and self.topic:
            return f"{self.kind.capitalize()} ({self.topic})"
        return self.kind.capitalize()

    def describe(self) -> str:
        """One line: "Deaths: 60 (6 outlets) / 65 (1) / 67 (1)", plus the update if any."""
        parts = []
        for i, value in enumerate(self.values):
            unit = (" outlets" if value.support > 1 else " outlet") if i == 0 else ""
            parts.append(f"{value.value} ({value.support}{unit})")
        text = f"{self.label}: " + " / ".join(parts)
        if self.update:
            text += f"; update: {' → '.join(self.timeline)}, later report"
        return text


@dataclass(frozen=True, eq=False)
class Comparison:
    """How a set of articles about one story relate.

    Attributes:
        sources: Outlet names, in article order.
        similarity: (n, n) document overlap matrix, rows and columns in article order.
        claims: All claims (see :class:`~summarize.alignment.Claim`).
        shared: Claims supported by every article (by a majority when more than three).
        unique: Outlet -> claims only that outlet reports: no other outlet has a sentence that
            even *possibly* reports the same fact (calibrated same-fact probability below
            :data:`POSSIBLY_SAME`), so a fact another outlet words differently is not called
            unique.
        differences: Aligned sentence pairs that disagree on numbers, dates, names or negation
            (the pairs behind ``disputes``).
        disputes: One :class:`Dispute` per disputed detail of one fact, with every value and
            the outlets giving it; contradictions first, most outlets first.
        published: Outlet -> publication time as the input gave it (outlets without one are
            left out).
    """

    sources: tuple[str, ...]
    similarity: np.ndarray
    claims: tuple[Claim, ...]
    shared: tuple[Claim, ...]
    unique: dict[str, tuple[Claim, ...]]
    differences: tuple[Difference, ...]
    disputes: tuple[Dispute, ...] = ()
    published: dict[str, str] = field(default_factory=dict)

    def _repr_html_(self) -> str:
        """Rich display in notebooks: heatmap, shared/unique claims, side-by-side columns."""
        from summarize.render.html import comparison_body, fragment

        return fragment(comparison_body(self))

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        from summarize.render.markdown import comparison_markdown

        return {"text/plain": comparison_markdown(self), "text/html": self._repr_html_()}


def compare(
    articles: Sequence[Article] | Alignment,
    *,
    alignment: Alignment | None = None,
    embedder: Embedder | None = None,
    threshold: float | None = None,
) -> Comparison:
    """Compare articles about one story: overlap, shared and unique claims, differences.

    Args:
        articles: The articles (in the order their sources should be listed), or an
            :class:`~summarize.alignment.Alignment` already computed by
            :func:`~summarize.alignment.align`.
        alignment: A precomputed alignment of ``articles`` (skips re-aligning).
        embedder: Used only when an alignment has to be computed (default: the shared one).
        threshold: Same-fact cosine threshold for a new alignment (default: calibrated).

    Returns:
        A :class:`Comparison`. ``shared`` holds the claims every article supports; with more
        than three articles, those a strict majority supports (all-of-n gets brittle as n grows:
        one article that is only a short wire item would empty it). ``unique`` maps every source
        (in article order, present even when empty) to claims only it reports.
    """
    from summarize.differences import find_differences
    from summarize.disputes import group_disputes

    published: dict[str, str] = {}
    if isinstance(articles, Alignment):
        alignment = articles
    else:
        published = {a.source: a.published for a in articles if a.published}
        if alignment is None:
            alignment = align(articles, embedder=embedder, threshold=threshold)
    sources = alignment.sources
    n = len(sources)
    needed = n if n <= 3 else n // 2 + 1
    shared = tuple(c for c in alignment.claims if n > 1 and c.support >= needed)
    reported_elsewhere = _possibly_reported_elsewhere(alignment)
    unique: dict[str, tuple[Claim, ...]] = {}
    for source in sources:
        unique[source] = tuple(
            c
            for c in alignment.claims
            if n > 1 and c.sources == (source,) and not reported_elsewhere(c)
        )
    differences = find_differences(alignment)
    return Comparison(
        sources=sources,
        similarity=alignment.similarity,
        claims=alignment.claims,
        shared=shared,
        unique=unique,
        differences=differences,
        disputes=group_disputes(differences, alignment.claims, published=published),
        published=published,
    )


def _possibly_reported_elsewhere(alignment: Alignment) -> Callable[[Claim], bool]:
    """Whether a one-outlet claim's sentence has a possible same-fact match in another article."""
    scores = alignment.best_scores
    if scores is None:
        return lambda claim: False
    bar = alignment.rule.threshold_at(POSSIBLY_SAME)
    starts = np.cumsum([0] + [len(vectors) for vectors in alignment.vectors])

    def elsewhere(claim: Claim) -> bool:
        ref = claim.sentences[0]
        row = np.delete(scores[starts[ref.article] + ref.index], ref.article)
        return bool((row >= bar).any())

    return elsewhere
