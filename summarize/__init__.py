"""summarize: compare news articles about one story and write one cited, merged briefing.

Public API::

    from summarize import load_articles, compare, summarise, brief, same_fact_probability

Heavy modules (torch, transformers, spaCy) are imported on first use, so ``import summarize``
and ``summarize --help`` stay instant.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Briefing",
    "BriefingOptions",
    "Comparison",
    "Digest",
    "DigestSentence",
    "Story",
    "__version__",
    "brief",
    "brief_many",
    "compare",
    "group_stories",
    "load_articles",
    "same_fact_probability",
    "summarise",
    "summarize",
]

_EXPORTS = {
    "Article": "summarize.types",
    "load_articles": "summarize.inputs.loading",
    "Comparison": "summarize.types",
    "compare": "summarize.comparison.comparison",
    "Digest": "summarize.types",
    "DigestSentence": "summarize.types",
    "summarise": "summarize.pipeline.digest",
    "summarize": "summarize.pipeline.digest",
    "Briefing": "summarize.types",
    "brief": "summarize.pipeline.briefing",
    "BriefingOptions": "summarize.types",
    "Story": "summarize.types",
    "group_stories": "summarize.pipeline.stories",
    "brief_many": "summarize.pipeline.batch",
    "same_fact_probability": "summarize.comparison.same_fact",
}

if TYPE_CHECKING:
    from summarize.comparison.comparison import compare
    from summarize.comparison.same_fact import same_fact_probability
    from summarize.inputs.loading import load_articles
    from summarize.pipeline.batch import brief_many
    from summarize.pipeline.briefing import brief
    from summarize.pipeline.digest import summarise, summarize
    from summarize.pipeline.stories import group_stories
    from summarize.types import (
        Article,
        Briefing,
        BriefingOptions,
        Comparison,
        Digest,
        DigestSentence,
        Story,
    )


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'summarize' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted(__all__)
