"""Web inputs: fetch URLs and feeds with a :class:`~summarize.inputs.web.Fetcher`, and turn each
fetched page into an :class:`Article` with the page's own metadata."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from summarize.errors import ArticleError, EmptyArticleError, FetchError
from summarize.inputs.building import LoadOptions
from summarize.inputs.files import display, read_regular_file
from summarize.inputs.formats import html_article
from summarize.inputs.web import Fetcher, Page, is_feed
from summarize.inputs.web.urls import shown, strip_credentials
from summarize.types import Article

__all__ = ["WebItem", "article_from_page", "fetch_web_items"]


@dataclasses.dataclass(frozen=True)
class WebItem:
    """A URL, or a local feed file, whose articles are fetched before loading."""

    url: str | None = None
    feed_file: Path | None = None


def fetch_web_items(
    items: list[Any],
    fetcher: Fetcher | None,
    options: LoadOptions,
    failures: list[ArticleError],
    *,
    limit: int | None = None,
    allow_private: bool = False,
) -> dict[WebItem, list[Page]]:
    """Fetch every URL item, expanding feeds and sitemaps into the pages they link to.

    Failures are appended to ``failures`` (each names its URL); the result maps each item to
    its pages in order. Without a ``fetcher``, one is made with ``limit`` and ``allow_private``.
    """
    web_items = [item for item in items if isinstance(item, WebItem)]
    if not web_items:
        return {}
    fetcher = fetcher or Fetcher(limit=limit, allow_private=allow_private)
    first = fetcher.fetch_many([item.url for item in web_items if item.url])
    fetched = iter(first)
    links: dict[WebItem, list[str] | None] = {}
    direct: dict[WebItem, Page] = {}
    for item in web_items:
        if item.feed_file is not None:
            try:
                data = read_regular_file(item.feed_file, max_bytes=options.max_bytes)
                links[item] = fetcher.feed_entries(data, base_url="", name=display(item.feed_file))
            except ArticleError as error:
                failures.append(error)
            continue
        result = next(fetched)
        if isinstance(result, FetchError):
            failures.append(result)
        elif is_feed(result.body, result.content_type):
            try:
                links[item] = fetcher.expand_feed(result)
            except FetchError as error:
                failures.append(error)
        else:
            direct[item] = result
    for item, urls in links.items():
        if not urls:
            where = shown(item.url) if item.url else display(item.feed_file or "")
            failures.append(FetchError(f"The feed {where} lists no articles.", url=where))
    entry_urls = [url for urls in links.values() for url in urls or ()]
    # Feed entries are not addresses the user typed: they may not reach private networks.
    entries = iter(fetcher.fetch_many(entry_urls, direct=False))
    pages: dict[WebItem, list[Page]] = {}
    for item in web_items:
        if item in direct:
            pages[item] = [direct[item]]
        for _ in links.get(item) or ():
            result = next(entries)
            if isinstance(result, FetchError):
                failures.append(result)
            else:
                pages.setdefault(item, []).append(result)
    return pages


def article_from_page(page: Page, options: LoadOptions) -> Article:
    """An Article from a fetched HTML page, with the page's own metadata."""
    if not page.is_html:
        raise FetchError(
            f"{page.url} is not a web page (content type {page.content_type or 'unknown'}). "
            "Give the address of the article's HTML page.",
            url=page.url,
            status=page.status,
        )
    metadata = {"fetched_from": page.url, "fetched_at": page.fetched_at}
    try:
        article = html_article(
            page.body,
            where=page.url,
            path=None,
            fallback_source=_site_name(page.final_url),
            fallback_url=page.final_url,
            sidecar={},
            metadata=metadata,
            options=options,
        )
    except EmptyArticleError as error:
        raise FetchError(
            f"{page.url} (HTTP {page.status}) has no article text: a paywall, a login page or a "
            f"page built by JavaScript? Save the article yourself instead. ({error})",
            url=page.url,
            status=page.status,
        ) from error
    # The page's own canonical address may carry credentials too: never show them.
    if article.url and strip_credentials(article.url) != article.url:
        article = dataclasses.replace(article, url=strip_credentials(article.url))
    return article


def _site_name(url: str) -> str:
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")
