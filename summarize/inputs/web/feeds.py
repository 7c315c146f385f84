"""RSS/Atom feeds and sitemaps: tell one apart from a page, and list the article URLs it holds."""

from __future__ import annotations

import calendar
from datetime import datetime, timezone

from summarize.errors import FetchError, InputError

__all__ = ["feed_links", "is_feed", "parse_since"]

_FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/feed+json",
)
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf", b"<urlset", b"<sitemapindex")


def is_feed(data: bytes, content_type: str = "") -> bool:
    """True for an RSS/Atom feed or a sitemap (by media type, or by its first element)."""
    if content_type in _FEED_TYPES and content_type != "application/xml":
        return True
    head = data[:2048].lstrip().lower()
    return any(tag in head for tag in _FEED_ROOTS)


def feed_links(
    data: bytes,
    *,
    base_url: str = "",
    since: datetime | None = None,
    limit: int | None = None,
) -> list[str]:
    """The article URLs in an RSS/Atom feed or a sitemap, newest first when dated.

    Entries published before ``since`` are left out (undated entries are kept); at most
    ``limit`` are returned.
    """
    head = data[:2048].lstrip().lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        entries = _sitemap_entries(data)
    else:
        entries = _feed_entries(data, base_url)
    if since is not None:
        entries = [(url, when) for url, when in entries if when is None or when >= since]
    dated = [entry for entry in entries if entry[1] is not None]
    if len(dated) == len(entries):  # all dated: newest first (stable for ties)
        entries = sorted(entries, key=lambda entry: entry[1], reverse=True)  # type: ignore[arg-type,return-value]
    seen: set[str] = set()
    links = []
    for url, _ in entries:
        if url and url not in seen:
            seen.add(url)
            links.append(url)
    return links[:limit] if limit is not None else links


def _feed_entries(data: bytes, base_url: str) -> list[tuple[str, datetime | None]]:
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": base_url})
    entries = []
    for entry in parsed.entries:
        link = entry.get("link") or ""
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        when = datetime.fromtimestamp(calendar.timegm(stamp), timezone.utc) if stamp else None
        entries.append((str(link).strip(), when))
    return entries


def _sitemap_entries(data: bytes) -> list[tuple[str, datetime | None]]:
    import xml.etree.ElementTree as ElementTree

    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise FetchError(f"The sitemap is not valid XML ({error}).") from None
    entries = []
    for element in root:
        loc = lastmod = None
        for child in element:
            tag = child.tag.rsplit("}", 1)[-1]
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
