"""Fetch news from the web: article pages, RSS/Atom feeds and sitemaps, politely and cached.

:class:`Fetcher` (:mod:`.fetcher`) is the one HTTP client of the package; :mod:`.cache` keeps its
responses on disk; :mod:`.feeds` reads feeds and sitemaps; :class:`Page` (:mod:`.page`) is what
one fetch gives back. Turning a page into an :class:`~summarize.types.Article` is the loader's
job (:mod:`summarize.inputs.pages`).
"""

from summarize.inputs.web.feeds import feed_links, is_feed
from summarize.inputs.web.fetcher import Fetcher
from summarize.inputs.web.page import Page, is_url

__all__ = ["Fetcher", "Page", "feed_links", "is_feed", "is_url"]
