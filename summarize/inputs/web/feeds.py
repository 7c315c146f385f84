"""RSS/Atom feeds and sitemaps: tell one apart from a page, and list the article URLs it holds.

:func:`collect_entries` reads a feed or a sitemap (expanding a sitemap index, fetching its
sitemaps, to a bounded depth) and :func:`choose_links` keeps the newest ``limit`` entries,
announcing on stderr (a warning) when it leaves some out. Every URL is returned without
``user:password@``.
"""

from __future__ import annotations

import calendar
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from summarize.defaults import SITEMAP_MAX_DEPTH
from summarize.errors import FetchError, InputError
from summarize.inputs.web.page import Page
from summarize.inputs.web.urls import shown, strip_credentials

__all__ = ["choose_links", "collect_entries", "feed_links", "is_feed", "parse_since"]

logger = logging.getLogger(__name__)

_FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/feed+json",
)
_FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf", "urlset", "sitemapindex"})
_SITEMAP_ROOTS = frozenset({"urlset", "sitemapindex"})
#: How far into a document its root element is looked for (past XML declarations, comments,
#: processing instructions and a DOCTYPE, however long).
_PROLOG_BYTES = 1_000_000
_NAME = re.compile(rb"<([A-Za-z_][\w.:-]*)")
#: Most sitemaps fetched while expanding one sitemap index (newest first when dated).
_MAX_SITEMAPS = 20

Entry = tuple[str, datetime | None]


@dataclass(frozen=True)
class Listing:
    """What one feed or sitemap lists: article entries, and (for a sitemap index) sitemaps."""

    entries: list[Entry]
    sitemaps: list[Entry]


def root_element(data: bytes) -> str | None:
    """The name of the document's first element, lower-cased (``None`` when there is none
    within the first megabyte)."""
    text = data[:_PROLOG_BYTES]
    at = 0
    if text.startswith(b"\xef\xbb\xbf"):
        at = 3
    while True:
        while at < len(text) and text[at : at + 1].isspace():
            at += 1
        if text.startswith(b"<?", at):
            end = text.find(b"?>", at)
            at = -1 if end < 0 else end + 2
        elif text.startswith(b"<!--", at):
            end = text.find(b"-->", at + 4)
            at = -1 if end < 0 else end + 3
        elif text[at : at + 9].upper() == b"<!DOCTYPE":
            at = _doctype_end(text, at)
        else:
            match = _NAME.match(text, at)
            return match.group(1).decode("ascii", "replace").lower() if match else None
        if at < 0:
            return None


def _doctype_end(text: bytes, at: int) -> int:
    """Where a DOCTYPE starting at ``at`` ends (past an internal subset in brackets), or -1."""
    depth = 0
    quote = 0
    index = at + 2
    while index < len(text):
        char = text[index]
        index += 1
        if not quote and text.startswith(b"<!--", index - 1):  # a comment in the subset
            end = text.find(b"-->", index + 3)
            if end < 0:
                return -1
            index = end + 3
        elif quote:
            quote = 0 if char == quote else quote
        elif char in b"\"'":
            quote = char
        elif char == ord("["):
            depth += 1
        elif char == ord("]"):
            depth -= 1
        elif char == ord(">") and depth <= 0:
            return index
    return -1


def is_feed(data: bytes, content_type: str = "") -> bool:
    """True for an RSS/Atom feed or a sitemap (by media type, or by its root element)."""
    if content_type in _FEED_TYPES and content_type != "application/xml":
        return True
    return root_element(data) in _FEED_ROOTS


def read_listing(data: bytes, base_url: str = "") -> Listing:
    """The entries of a feed or sitemap (a sitemap index lists sitemaps instead)."""
    root = root_element(data)
    if root in _SITEMAP_ROOTS:
        entries = _sitemap_entries(data)
        return Listing([], entries) if root == "sitemapindex" else Listing(entries, [])
    return Listing(_feed_entries(data, base_url), [])


def collect_entries(
    data: bytes,
    *,
    base_url: str,
    name: str,
    fetch: Callable[[str], Page],
    max_depth: int = SITEMAP_MAX_DEPTH,
) -> list[Entry]:
    """Every article entry of a feed or sitemap, a sitemap index expanded ``max_depth`` levels
    deep (its sitemaps fetched with ``fetch``; one that fails is skipped with a warning)."""
    listing = read_listing(data, base_url)
    entries = list(listing.entries)
    seen = {strip_credentials(base_url)}
    level = _newest_first(listing.sitemaps)
    fetched = 0
    for _ in range(max_depth):
        if not level:
            break
        deeper: list[Entry] = []
        for url, _when in level:
            if url in seen:
                continue
            if fetched == _MAX_SITEMAPS:
                logger.warning(
                    "The sitemap index %s lists more sitemaps than the %d read; the rest are "
                    "left out.",
                    shown(name),
                    _MAX_SITEMAPS,
                )
                return entries
            seen.add(url)
            fetched += 1
            try:
                page = fetch(url)
                child = read_listing(page.body, page.final_url)
            except FetchError as error:
                logger.warning("Skipped a sitemap of %s: %s", shown(name), error)
                continue
            entries.extend(child.entries)
            deeper.extend(child.sitemaps)
        level = _newest_first(deeper)
    if level:
        logger.warning(
            "The sitemap index %s nests sitemap indexes more than %d levels deep; the deeper "
            "ones are left out.",
            shown(name),
            max_depth,
        )
    return entries


def choose_links(
    entries: list[Entry], *, since: datetime | None, limit: int | None, name: str = ""
) -> list[str]:
    """The entries' URLs, newest first when all are dated, without duplicates; those
    published before ``since`` left out (undated ones kept); at most ``limit``, with a warning
    naming the feed when some are cut."""
    if since is not None:
        entries = [(url, when) for url, when in entries if when is None or when >= since]
    seen: set[str] = set()
    links = []
    for url, _ in _newest_first(entries):
        url = strip_credentials(url)
        if url and url not in seen:
            seen.add(url)
            links.append(url)
    unusable = sum(1 for url, _ in entries if not url)
    if unusable:  # feedparser blanks links it cannot parse (``http://[::1``)
        logger.warning(
            "Skipped %d entr%s of %s with no usable link.",
            unusable,
            "y" if unusable == 1 else "ies",
            shown(name) if name else "a feed",
        )
    if limit is not None and len(links) > limit:
        logger.warning(
            "%s lists %d articles; taking the %s %d (raise the limit, --limit, to take more).",
            shown(name) if name else "A feed",
            len(links),
            "newest" if all(when is not None for _, when in entries) else "first",
            limit,
        )
        links = links[:limit]
    return links


def feed_links(
    data: bytes,
    *,
    base_url: str = "",
    since: datetime | None = None,
    limit: int | None = None,
) -> list[str]:
    """The article URLs in an RSS/Atom feed or a sitemap, newest first when dated.

    Entries published before ``since`` are left out (undated entries are kept); at most
    ``limit`` are returned. A sitemap index gives its sitemaps' URLs (nothing is fetched
    here; :meth:`Fetcher.expand_feed <summarize.inputs.web.Fetcher.expand_feed>` expands them).
    """
    listing = read_listing(data, base_url)
    return choose_links(listing.entries + listing.sitemaps, since=since, limit=limit)


def _newest_first(entries: list[Entry]) -> list[Entry]:
    if entries and all(when is not None for _, when in entries):  # stable for ties
        return sorted(entries, key=lambda entry: entry[1], reverse=True)  # type: ignore[arg-type,return-value]
    return entries


def _feed_entries(data: bytes, base_url: str) -> list[Entry]:
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": base_url})
    entries = []
    for entry in parsed.entries:
        link = entry.get("link") or ""
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        when = datetime.fromtimestamp(calendar.timegm(stamp), timezone.utc) if stamp else None
        entries.append((str(link).strip(), when))
    return entries


def _sitemap_entries(data: bytes) -> list[Entry]:
    import xml.etree.ElementTree as ElementTree

    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise FetchError(f"The sitemap is not valid XML ({error}).") from None
    entries = []
    for element in root:
        loc = lastmod = None
        for child in element:
            tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
            if tag == "loc":
                loc = (child.text or "").strip()
            elif tag == "lastmod":
                lastmod = parse_since((child.text or "").strip() or None, strict=False)
        if loc:
            entries.append((loc, lastmod))
    return entries


def parse_since(value: str | None, *, strict: bool = True) -> datetime | None:
    """A ``since`` date (or a sitemap's ``lastmod``) as an aware datetime (UTC when unzoned)."""
    if value is None or value == "":
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        if not strict:
            return None
        raise InputError(
            f"since must be a date like 2026-12-01 or 2026-12-01T08:00, got {value!r}."
        ) from None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)
