"""Old import path of :class:`~summarize.types.Article` (kept so ``from summarize.articles
import Article`` keeps working); the type lives in :mod:`summarize.types.article`."""

from __future__ import annotations

from summarize.types.article import Article

__all__ = ["Article"]
