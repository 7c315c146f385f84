"""What one fetch gives back: :class:`Page`, and :func:`is_url` (what the loaders fetch)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Page", "is_url"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_url(text: object) -> bool:
    """True for an ``http://`` or ``https://`` address (what the loaders fetch)."""
    return isinstance(text, str) and text.strip().lower().startswith(("http://", "https://"))


@dataclass(frozen=True)
class Page:
    """One fetched response.

    Attributes:
        url: The address asked for.
        final_url: Where redirects ended.
        status: The HTTP status of the response kept (200, or 304 revalidated from the cache).
        content_type: The media type, without parameters (``"text/html"``).
        body: The raw bytes (at most ``max_bytes``).
        fetched_at: When the body was fetched from the network (ISO 8601, UTC).
        from_cache: True when no request was made, or the server answered 304.
    """

    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes
    fetched_at: str
    from_cache: bool = False

    @property
    def is_html(self) -> bool:
        return self.content_type in _HTML_TYPES or (
            not self.content_type
            and self.body.lstrip()[:15].lower().startswith((b"<!doctype", b"<html"))
        )
