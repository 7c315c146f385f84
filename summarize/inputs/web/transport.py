"""One GET, hardened: a total deadline, checked redirects, no private addresses, a decoded cap.

:func:`get` speaks HTTP through ``httpcore`` (the engine under ``httpx``) with a network backend
of its own, which is where the guarantees live:

* **one deadline per page**: connecting, sending, every header line and every body byte share
  ``timeout`` seconds (each socket operation waits at most what is left), so a server dripping
  a byte a second cannot hold a page for longer;
* **addresses**: the host is resolved here and, unless allowed, a loopback, private or
  link-local address is refused, at connect time (no window for DNS tricks between a check
  and the connection);
* **redirects** are followed by hand (at most ``FETCH_MAX_REDIRECTS``): every ``Location`` is
  checked like a typed address (:func:`~summarize.inputs.web.urls.check_url`) and every hop
  after the first must reach a public address unless ``allow_private``;
* **size**: the body is decoded piece by piece (:mod:`.codings`) and refused as soon as it
  passes ``max_bytes``, raw or decoded.

Every failure is a :class:`~summarize.errors.FetchError` naming the address.
"""

from __future__ import annotations

import base64
import functools
import logging
import socket
import ssl
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import httpcore

from summarize.defaults import FETCH_MAX_REDIRECTS
from summarize.errors import FetchError
from summarize.inputs.web.codings import ACCEPT_ENCODING, BodyDecoder, TooLarge
from summarize.inputs.web.urls import check_url, is_private_address, refuse_private, shown

__all__ = ["Response", "get"]

_REDIRECTS = frozenset({301, 302, 303, 307, 308})

# httpcore's DEBUG trace prints raw response headers, a redirect's ``user:password@`` included,
# into a -vv log; it says nothing the fetcher's own log lines do not. Quieted unless someone
# set its level on purpose.
if logging.getLogger("httpcore").level == logging.NOTSET:
    logging.getLogger("httpcore").setLevel(logging.INFO)


@dataclass(frozen=True)
class Response:
    """What :func:`get` gives back (the body only for statuses below 400)."""

    status: int
    final_url: str
    content_type: str
    body: bytes
    etag: str | None
    last_modified: str | None
    retry_after: str | None


def get(
    url: str,
    headers: dict[str, str],
    *,
    timeout: float,
    max_bytes: int,
    allow_private_first: bool,
    allow_private: bool,
    credentials: tuple[str, str] | None = None,
) -> Response:
    """GET ``url`` (already checked) within ``timeout`` seconds in all, following redirects.

    ``allow_private_first`` applies to ``url`` itself, ``allow_private`` to every redirect;
    ``credentials`` (from the address the user typed) are sent to that origin only.
    """
    deadline = time.monotonic() + timeout
    current = url
    try:
        for hop in range(FETCH_MAX_REDIRECTS + 1):
            private_ok = allow_private_first if hop == 0 else allow_private
            backend = _GuardedBackend(deadline, allow_private=private_ok, url=current)
            sent: dict[bytes | str, bytes | str] = {name: text for name, text in headers.items()}
            sent["Accept-Encoding"] = ACCEPT_ENCODING
            if credentials is not None and _origin(current) == _origin(url):
                token = base64.b64encode(":".join(credentials).encode("utf-8")).decode("ascii")
                sent["Authorization"] = f"Basic {token}"
            limits = {"connect": timeout, "read": timeout, "write": timeout, "pool": timeout}
            with (
                httpcore.ConnectionPool(
                    ssl_context=_ssl_context(), network_backend=backend
                ) as pool,
                pool.stream("GET", current, headers=sent, extensions={"timeout": limits}) as answer,
            ):
                fields = _Headers(answer.headers)
                location = fields.get("location")
                if answer.status in _REDIRECTS and location:
                    current, _ = check_url(location, base=current)  # credentials never follow
                    continue
                return _read(answer, fields, url=current, max_bytes=max_bytes)
    except httpcore.TimeoutException:
        raise FetchError(
            f"{shown(url)} did not answer within {timeout:g} s. Try again later, or raise the "
            "timeout (--timeout).",
            url=shown(url),
        ) from None
    except TooLarge:
        raise FetchError(_too_large(url, max_bytes), url=shown(url)) from None
    except (
        httpcore.NetworkError,
        httpcore.ProtocolError,
        httpcore.UnsupportedProtocol,
        httpcore.ProxyError,
        OSError,
        UnicodeError,
        ValueError,
    ) as error:
        if isinstance(error, FetchError):
            raise
        raise FetchError(
            f"{shown(url)} could not be fetched ({type(error).__name__}: {error}). Check the "
            "address and your connection.",
            url=shown(url),
        ) from None
    raise FetchError(f"{shown(url)} redirects too many times.", url=shown(url))


def _read(answer: Any, fields: _Headers, *, url: str, max_bytes: int) -> Response:
    body = b""
    if answer.status < 400 and answer.status != 304:
        length = fields.get("content-length") or ""
        if length.isdigit() and int(length) > max_bytes:
            raise TooLarge
        decoder = BodyDecoder(
            ",".join(fields.get_all("content-encoding")), max_bytes=max_bytes, url=shown(url)
        )
        pieces: list[bytes] = []
        raw = 0
        for chunk in answer.iter_stream():
            raw += len(chunk)
            if raw > max_bytes:
                raise TooLarge
            pieces.extend(decoder.feed(chunk))
        pieces.extend(decoder.finish())
        body = b"".join(pieces)
    content_type = (fields.get("content-type") or "").split(";")[0].strip().lower()
    return Response(
        status=answer.status,
        final_url=url,
        content_type=content_type,
        body=body,
        etag=fields.get("etag"),
        last_modified=fields.get("last-modified"),
        retry_after=fields.get("retry-after"),
    )


class _Headers:
    """Response headers, by case-insensitive name."""

    def __init__(self, raw: Iterable[tuple[bytes, bytes]]) -> None:
        self._items = [(name.decode("latin-1").lower(), value) for name, value in raw]

    def get_all(self, name: str) -> list[str]:
        return [value.decode("latin-1").strip() for key, value in self._items if key == name]

    def get(self, name: str) -> str | None:
        values = self.get_all(name)
        return values[0] if values else None


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every operation waits at most until the page's deadline."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: float) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _left(self._deadline, timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _left(self._deadline, timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        left = _left(self._deadline, timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(
            self._inner.start_tls(ssl_context, server_hostname, left), self._deadline
        )

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _GuardedBackend(httpcore.NetworkBackend):
    """Resolves the host itself, refuses non-public addresses unless allowed, and hands out
    connections bound to the deadline."""

    def __init__(self, deadline: float, *, allow_private: bool, url: str) -> None:
        self._deadline = deadline
        self._allow_private = allow_private
        self._url = url
        self._plain = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as error:
            raise httpcore.ConnectError(f"cannot resolve {host}: {error}") from None
        addresses = list(dict.fromkeys(str(info[4][0]) for info in found))
        if not self._allow_private:
            for address in addresses:
                if is_private_address(address):
                    raise refuse_private(self._url, address)
        last: Exception = httpcore.ConnectError(f"no address for {host}")
        for address in addresses:
            left = _left(self._deadline, timeout, httpcore.ConnectTimeout)
            try:
                stream = self._plain.connect_tcp(
                    address, port, left, local_address, socket_options=socket_options
                )
            except httpcore.ConnectError as error:
                last = error
                continue
            return _DeadlineStream(stream, self._deadline)
        raise last


def _left(deadline: float, timeout: float | None, expired: type[Exception]) -> float:
    """Seconds one operation may wait: the smaller of its own timeout and what is left."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise expired("the page's deadline has passed")
    return left if timeout is None else min(left, timeout)


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    import httpx

    return httpx.create_ssl_context()  # certifi's certificates, as httpx uses


def _origin(url: str) -> tuple[str, str, int | None]:
    import httpx

    parsed = httpx.URL(url)
    return parsed.scheme, parsed.host, parsed.port


def _too_large(url: str, max_bytes: int) -> str:
    return (
        f"{shown(url)} is larger than {max_bytes:,} bytes, far more than a news article. "
        "Raise max_bytes if it really is one."
    )
