"""Comparison results: what all outlets report, what only one does, and where they differ."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from summarize.types.alignment import Claim, SentenceRef
from summarize.types.display import RichDisplay, frame
from summarize.types.story import Family

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DISPUTE_KINDS",
    "Comparison",
    "Difference",
    "Dispute",
    "DisputedValue",
    "Elsewhere",
    "Found",
]

#: One disagreement between two sentences as the dispute checks find it, before grouping into
#: :class:`Dispute`: kind, key (what the values are about), and each side's sentence, value in
#: its own words and normalised value, and the pair's score.
Found = tuple[str, str, tuple[SentenceRef, str, Any], tuple[SentenceRef, str, Any], float]


@dataclass(frozen=True)
class Difference:
    """Two outlets' sentences that give different values for one checkable detail.

    ``kind`` is "count", "date", "time" or "name" (older results may hold "number", "entity",
    "negation", "antonym" or the softer "detail"); ``left``/``right`` hold each side's value
    in its own words (e.g. "at least four" vs "five others"). ``topic`` says what the values
    are about, as in :attr:`Dispute.topic` ("deaths", "date", "name:sanogo").
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


@dataclass(frozen=True)
class Elsewhere:
    """The other outlets that possibly report a one-outlet claim's fact in other words: the
    likeliest ``outlets`` (at most :data:`~summarize.defaults.ELSEWHERE_SHOWN`, in article
    order) and how many ``others`` are possible too."""

    outlets: tuple[str, ...]
    others: int = 0


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
        kind: "count", "date", "time", "name", "negation" (one act said done and not
            done), "opposite" (near-copies with one word swapped for its opposite: "rose" /
            "fell") or "place" (near-copies with one place swapped for another); older
            results may hold "person" or "detail differs".
        topic: What the values are about: the counted thing ("deaths", "dose"), "age",
            "date", "time", for a name "name:" and one spelling, for a negation the verb,
            for an opposite the first outlet's word's lemma ("approve").
        values: Each distinct value with its outlets, most outlets first; ``value`` is the
            first outlet's own words ("at least four"); outlets whose figures agree however
            written ("At least 23" / "Twenty-three") share one value.
        contradiction: False for a softer "detail differs", where both can be true.
        timeline: When the outlets' publication times order the values strictly (every report
            of one value is older than every report of the next), the values oldest first: a
            later report revised the figure (an update, not a contradiction). Empty otherwise.
        heading: A readable noun for the detail ("Death toll", "Injured", "Doses", "Date",
            "Time", "Name", "Age", "Amount"); empty in older results (``label`` then derives
            one).
    """

    kind: str
    topic: str
    values: tuple[DisputedValue, ...]
    contradiction: bool = True
    timeline: tuple[str, ...] = ()
    heading: str = ""

    @property
    def update(self) -> bool:
        """Whether the values are successive reports (see ``timeline``)."""
        return len(self.timeline) > 1

    @property
    def label(self) -> str:
        """A short heading: "Death toll", "Date", "Name"."""
        if self.heading:
            return self.heading
        if self.kind == "count":
            return self.topic.capitalize() if self.topic else "Count"
        if self.kind in ("negation", "opposite") and self.topic:
            return f"{self.kind.capitalize()} ({self.topic})"
        return self.kind.capitalize()

    def describe(self) -> str:
        """One line saying who says what, each value in the outlet's own words:
        ``Injured: "at least four" (AP, Reuters) / "five others" (CNN)``, then the update
        (``; update: 23 → 27, later report``) if the publication times show one."""
        parts = [f'"{value.value}" ({", ".join(value.sources)})' for value in self.values]
        text = f"{self.label}: " + " / ".join(parts)
        if self.update:
            text += f"; update: {' → '.join(self.timeline)}, later report"
        return text


@dataclass(frozen=True, eq=False)
class Comparison(RichDisplay):
    """How a set of articles about one story relate.

    Attributes:
        sources: Outlet names, in article order.
        similarity: (n, n) story overlap, rows and columns in article order: the calibrated
            probability that two articles tell the same story
            (:mod:`summarize.comparison.story_overlap`), high
            for two reports of one story in different words, near 0 for different stories.
            1 on the diagonal.
        claims: All claims (see :class:`~summarize.types.Claim`); a sentence that states
            two facts is in two of them.
        shared: Claims supported by every article (by a majority when more than three),
            not counting an outlet that disputes one of the claim's details.
        unique: Outlet -> claims only that outlet reports: no other outlet even *possibly*
            reports the same fact (the sentence-to-article support model below its ``unique``
            bar for every other outlet, and no close match by the calibrated same-fact rule,
            :data:`~summarize.defaults.POSSIBLY_SAME_WITH_SUPPORT`; without the support model,
            :data:`~summarize.defaults.POSSIBLY_SAME`), so a fact another outlet words
            differently is not called unique; :attr:`possibly_in` names the outlets that
            possibly do.
        differences: The sentence pairs behind ``disputes``: two outlets' sentences that give
            different values for one detail (they need not be in one claim).
        disputes: One :class:`Dispute` per disputed detail of one fact, with every value and
            the outlets giving it; contradictions first, most outlets first.
        published: Outlet -> publication time, ISO 8601 as ``Article.published`` holds it
            (outlets without one are left out).
        fact_overlap: (n, n) share of matched facts: the share of each article's sentences
            that report a fact the other reports too (one of :attr:`claims` holds both),
            averaged both ways (how much of each report the other repeats, sentence by
            sentence; two reports of one story in different words can score 0 here and high
            in ``similarity``).
        off_story: Sources that do not seem to be about the same story as the others (their
            story overlap with the main group is below the calibrated bar); empty when all
            articles tell one story. ``brief``/``compare`` log a warning naming them.
        not_english: Source -> what its text seems to be written in ("German", "Chinese or
            Japanese"), for the articles that do not read as English
            (:func:`summarize.inputs.language.not_english`): the models are English ones, so
            what the comparison says about them is not reliable. Empty when all read as
            English (or are too short to tell).
        families: The near-copy families ``compare`` folded into one cited article each
            (wire copies, updates of one article); empty when none were (a Briefing keeps
            its own in ``Briefing.families``).
        aside: Claims that state no fact: all their sentences are page furniture cleaning
            left in the text (captions, credits, contact lines, embeds). Outputs count and
            list them nowhere and show them greyed beside the articles.
        possibly_in: Claim index (in :attr:`claims`) -> the other outlets that possibly
            report that one-outlet claim's fact in other words (:class:`Elsewhere`), for the
            claims not called unique for that reason ("possibly reported elsewhere").

    In a notebook it displays as a heatmap, shared/unique claims and side-by-side columns.
    """

    sources: tuple[str, ...]
    similarity: np.ndarray
    claims: tuple[Claim, ...]
    shared: tuple[Claim, ...]
    unique: dict[str, tuple[Claim, ...]]
    differences: tuple[Difference, ...]
    disputes: tuple[Dispute, ...] = ()
    published: dict[str, str] = field(default_factory=dict)
    fact_overlap: np.ndarray | None = None
    off_story: tuple[str, ...] = ()
    not_english: dict[str, str] = field(default_factory=dict)
    families: tuple[Family, ...] = ()
    aside: tuple[Claim, ...] = ()
    possibly_in: dict[int, Elsewhere] = field(default_factory=dict)

    def to_frame(self) -> pd.DataFrame:
        """A pandas DataFrame, one row per claim x outlet: claim number, outlet, whether it
        reports the claim, its wording and sentence indices, support and category (see
        :func:`summarize.render.frames.comparison_frame`)."""
        result: pd.DataFrame = frame(self)
        return result
