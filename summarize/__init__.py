"""summarize: compare news articles about one story and write one cited, merged briefing.

Everything a user touches is importable from here::

    from summarize import brief, compare, load_articles, summarise, SummarizeError

the functions (``load_articles``, ``compare``, ``summarise``, ``brief``, ``brief_many``,
``group_stories``, ``same_fact_probability``), the result types (``Briefing``, ``Comparison``,
``Story``, ``Dispute``...), the options (``BriefingOptions``), the models and inputs a call can
take (``Embedder``/``get_embedder``, ``Fetcher``, the summarizers) and every error
(``SummarizeError`` and its subclasses). Formats by name: ``summarize.render.render(obj, fmt)``.

Heavy modules (torch, transformers, spaCy) are imported on first use, so ``import summarize``
and ``summarize --help`` stay instant: each name below is looked up when it is first used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: The public names defined outside :mod:`summarize.errors` and :mod:`summarize.types` -> their
#: module.
_ELSEWHERE: dict[str, str] = {
    "load_articles": "summarize.inputs.loading",
    "Fetcher": "summarize.inputs.web",
    "Embedder": "summarize.models.embeddings",
    "get_embedder": "summarize.models.embeddings",
    "same_fact_probability": "summarize.comparison.same_fact",
    "Summarizer": "summarize.summarizers",
    "ExtractiveSummarizer": "summarize.summarizers.extractive",
    "AbstractiveSummarizer": "summarize.summarizers.abstractive",
    "compare": "summarize.comparison.comparison",
    "summarise": "summarize.pipeline.digest",
    "summarize": "summarize.pipeline.digest",
    "brief": "summarize.pipeline.briefing",
    "group_stories": "summarize.pipeline.stories",
    "brief_many": "summarize.pipeline.batch",
    "progress_bars": "summarize.progress",
}

#: Subpackages reachable as attributes (``summarize.render.render(...)``) without an import.
_SUBPACKAGES = frozenset(
    {"cli", "comparison", "errors", "inputs", "models", "pipeline", "progress", "render"}
    | {"summarizers", "types", "defaults", "threads"}
)

__all__ = [
    "AbstractiveSummarizer",
    "Alignment",
    "Article",
    "ArticleError",
    "ArticleLoadErrors",
    "ArticleNotFoundError",
    "ArticleTooLargeError",
    "BinaryFileError",
    "BriefManyError",
    "Briefing",
    "BriefingOptions",
    "Claim",
    "Comparison",
    "CorruptModelError",
    "DecodingError",
    "Difference",
    "Digest",
    "DigestSentence",
    "Dispute",
    "DisputedValue",
    "Elsewhere",
    "Embedder",
    "EmptyArticleError",
    "ExtractiveSummarizer",
    "Family",
    "FetchError",
    "Fetcher",
    "FileAccessError",
    "GeneratedFileError",
    "InputError",
    "Limits",
    "Match",
    "MetadataError",
    "ModelNotAvailableError",
    "NearCopy",
    "NotRegularFileError",
    "RenderError",
    "SameFact",
    "SentenceRef",
    "Story",
    "SummarizeError",
    "Summarizer",
    "UnsupportedFormatError",
    "__version__",
    "brief",
    "brief_many",
    "compare",
    "get_embedder",
    "group_stories",
    "load_articles",
    "progress_bars",
    "same_fact_probability",
    "summarise",
    "summarize",
]

#: Each name of ``__all__`` -> the module that defines it (imported on first use): the table
#: above, else an error (``...Error``, ``...Errors``) or a result type.
_EXPORTS: dict[str, str] = {
    name: _ELSEWHERE.get(name)
    or ("summarize.errors" if name.endswith(("Error", "Errors")) else "summarize.types")
    for name in __all__
    if name != "__version__"
}

if TYPE_CHECKING:
    from summarize.comparison.comparison import compare
    from summarize.comparison.same_fact import same_fact_probability
    from summarize.errors import (
        ArticleError,
        ArticleLoadErrors,
        ArticleNotFoundError,
        ArticleTooLargeError,
        BinaryFileError,
        BriefManyError,
        CorruptModelError,
        DecodingError,
        EmptyArticleError,
        FetchError,
        FileAccessError,
        GeneratedFileError,
        InputError,
        MetadataError,
        ModelNotAvailableError,
        NotRegularFileError,
        RenderError,
        SummarizeError,
        UnsupportedFormatError,
    )
    from summarize.inputs.loading import load_articles
    from summarize.inputs.web import Fetcher
    from summarize.models.embeddings import Embedder, get_embedder
    from summarize.pipeline.batch import brief_many
    from summarize.pipeline.briefing import brief
    from summarize.pipeline.digest import summarise, summarize
    from summarize.pipeline.stories import group_stories
    from summarize.progress import progress_bars
    from summarize.summarizers import Summarizer
    from summarize.summarizers.abstractive import AbstractiveSummarizer
    from summarize.summarizers.extractive import ExtractiveSummarizer
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


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is not None:
        return getattr(importlib.import_module(module), name)
    if name in _SUBPACKAGES:
        return importlib.import_module(f"summarize.{name}")
    raise AttributeError(f"module 'summarize' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
