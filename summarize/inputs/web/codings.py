"""Undo a response's ``Content-Encoding`` chain piece by piece, under a cap on the decoded bytes.

A few kilobytes of gzip inside gzip inside gzip can stand for gigabytes; decoding a whole chunk
and checking its size afterwards is too late. :class:`BodyDecoder` feeds every stage at most
:data:`PIECE` bytes of output at a time and counts what comes out of the last one, so the cap
fires before more than ``max_bytes + PIECE`` bytes are ever held. Chains longer than
:data:`~summarize.defaults.FETCH_MAX_CODINGS` (not counting ``identity``) are refused outright:
no real server stacks more.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

from summarize.defaults import FETCH_MAX_CODINGS
from summarize.errors import FetchError

__all__ = ["ACCEPT_ENCODING", "PIECE", "BodyDecoder", "TooLarge"]

#: What the fetcher asks for: the codings it can undo with the standard library.
ACCEPT_ENCODING = "gzip, deflate"
#: Most bytes one decoding step may produce at once.
PIECE = 64 * 1024

_GZIP = ("gzip", "x-gzip")
_DEFLATE = ("deflate",)


class TooLarge(Exception):
    """The decoded body passed ``max_bytes`` (the caller words the error, naming the URL)."""


class _Stage:
    """One coding of the chain: gzip, or deflate (zlib-wrapped, or raw as some servers send)."""

    def __init__(self, coding: str) -> None:
        self.coding = coding
        self._raw_fallback = coding in _DEFLATE
        self._started = False
        self._inflater = zlib.decompressobj(
            16 + zlib.MAX_WBITS if coding in _GZIP else zlib.MAX_WBITS
        )

    def feed(self, data: bytes) -> Iterator[bytes]:
        """The output for ``data``, in pieces of at most PIECE bytes."""
        if not data or self._inflater.eof:
            return
        try:
            piece = self._inflater.decompress(data, PIECE)
        except zlib.error:
            if not (self._raw_fallback and not self._started):
                raise
            self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)  # deflate without its header
            piece = self._inflater.decompress(data, PIECE)
        self._started = True
        yield piece
        while self._inflater.unconsumed_tail and not self._inflater.eof:
            yield self._inflater.decompress(self._inflater.unconsumed_tail, PIECE)

    def finish(self) -> Iterator[bytes]:
        # All input has been consumed in PIECE-bounded steps: what is left is at most zlib's
        # window, not a bomb.
        if self._started and not self._inflater.eof:
            yield self._inflater.flush()


class BodyDecoder:
    """Decode a body coded by ``content_encoding`` (a header value, or several joined by ``,``).

    Raises :class:`FetchError` (naming ``url``) for a coding it cannot undo, a chain too deep or
    broken data, and :class:`TooLarge` as soon as more than ``max_bytes`` decoded bytes came out.
    """

    def __init__(self, content_encoding: str, *, max_bytes: int, url: str) -> None:
        codings = [part.strip().lower() for part in content_encoding.split(",")]
        codings = [coding for coding in codings if coding and coding != "identity"]
        if len(codings) > FETCH_MAX_CODINGS:
            raise FetchError(
                f"{url} is sent with {len(codings)} stacked content codings "
                f"({', '.join(codings[:8])}{', ...' if len(codings) > 8 else ''}); at most "
                f"{FETCH_MAX_CODINGS} are accepted, as no real news site stacks more.",
                url=url,
            )
        unknown = [coding for coding in codings if coding not in _GZIP + _DEFLATE]
        if unknown:
            raise FetchError(
                f"{url} is sent with content coding {unknown[0]!r}, which cannot be decoded "
                f"here (asked for {ACCEPT_ENCODING}).",
                url=url,
            )
        # The header lists codings in the order they were applied: undo the last one first.
        self._stages = [_Stage(coding) for coding in reversed(codings)]
        self._max_bytes = max_bytes
        self._url = url
        self.size = 0

    def feed(self, data: bytes) -> Iterator[bytes]:
        """The decoded bytes for the next raw chunk, piece by piece, counted against the cap."""
        yield from self._run(0, data, final=False)

    def finish(self) -> Iterator[bytes]:
        """What is left once the raw body has ended."""
        yield from self._run(0, b"", final=True)

    def _run(self, index: int, data: bytes, *, final: bool) -> Iterator[bytes]:
        if index == len(self._stages):
            if data:
                self.size += len(data)
                if self.size > self._max_bytes:
                    raise TooLarge
                yield data
            return
        stage = self._stages[index]
        pieces = stage.finish() if final else stage.feed(data)
        try:
            # One piece at a time through the rest of the chain, so nothing is held in bulk.
            for piece in pieces:
                yield from self._run(index + 1, piece, final=False)
        except zlib.error as error:  # this stage's (the later ones raise FetchError)
            raise self._broken(stage.coding, error) from None
        if final:
            yield from self._run(index + 1, b"", final=True)

    def _broken(self, coding: str, error: zlib.error) -> FetchError:
        return FetchError(
            f"{self._url} sent a body that is not valid {coding} data ({error}).", url=self._url
        )
