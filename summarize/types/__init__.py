"""The result types of every stage: frozen dataclasses that hold data and compute nothing.

This is the bottom layer: it imports no stage and no renderer (only :mod:`summarize.defaults`),
so stages and renderers can both import it. Rich display and ``to_markdown()``-style methods
reach the renderers through :mod:`summarize.types.display`, looked up lazily at call time.
"""

from __future__ import annotations

from summarize.types.alignment import Alignment, Claim, Match, SameFact, SentenceRef
from summarize.types.article import Article
from summarize.types.briefing import Briefing, BriefingOptions
from summarize.types.comparison import (
    Comparison,
    Difference,
    Dispute,
    DisputedValue,
    Elsewhere,
)
from summarize.types.digest import Digest, DigestSentence, Limits
from summarize.types.story import Family, NearCopy, Story

__all__ = [
    "Alignment",
    "Article",
    "Briefing",
    "BriefingOptions",
    "Claim",
    "Comparison",
    "Difference",
    "Digest",
    "DigestSentence",
    "Dispute",
    "DisputedValue",
    "Elsewhere",
    "Family",
    "Limits",
    "Match",
    "NearCopy",
    "SameFact",
    "SentenceRef",
    "Story",
]
