"""Web addresses as the fetcher accepts them: checked, shown safely, and kept off private networks.

* :func:`check_url` turns any problem with an address (it does not parse, has no host, is not
  ``http(s)``, is absurdly long) into a :class:`~summarize.errors.FetchError` naming it, so a
  bad link in a feed or a bad redirect is skipped like a bad file, never a crash.
* :func:`strip_credentials` and :func:`shown` keep ``user:password@`` out of every output and
  log line (and escape control characters, and shorten what is very long).
* :func:`refuse_private` says whether an IP address is one a feed item or a redirect must not
  reach (loopback, private, link-local, ...): a briefing service given a hostile feed must not
  become a way into the network it runs in.
"""

from __future__ import annotations

import ipaddress
import re

from summarize.defaults import FETCH_MAX_URL_LENGTH
from summarize.errors import FetchError

__all__ = ["check_url", "is_private_address", "refuse_private", "shown", "strip_credentials"]

_USERINFO = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#@]*@")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SHOWN_CHARS = 200


def strip_credentials(url: str) -> str:
    """``url`` without a ``user:password@`` part (works on addresses that do not parse, too)."""
    return _USERINFO.sub(r"\1", url, count=1)


def shown(url: str) -> str:
    """``url`` as it may appear in a message: no credentials, control characters escaped,
    at most 200 characters."""
    text = _CONTROL.sub(lambda match: ascii(match.group())[1:-1], strip_credentials(url))
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


def check_url(url: str, *, base: str | None = None) -> tuple[str, tuple[str, str] | None]:
    """An http(s) address ready to fetch, and the ``(user, password)`` it carried, if any.

    ``base`` resolves a relative address (a redirect's ``Location``). Raises
    :class:`FetchError` naming the address for anything that cannot be fetched.
    """
    import httpx

    text = url.strip()
    where = shown(text) if base is None else f"{shown(text)} (redirected from {shown(base)})"
    if len(text) > FETCH_MAX_URL_LENGTH:
        raise FetchError(
            f"{where} is {len(text):,} characters long, more than the {FETCH_MAX_URL_LENGTH:,} "
            "accepted; no article address is that long.",
            url=shown(text),
        )
    if _CONTROL.search(text) or " " in text:
        raise FetchError(
            f"{where} is not a valid web address (it holds spaces or control characters).",
            url=shown(text),
        )
    try:
        parsed = httpx.URL(base).join(text) if base is not None else httpx.URL(text)
        scheme, host, port = parsed.scheme, parsed.host, parsed.port
    except (httpx.InvalidURL, ValueError, TypeError, UnicodeError) as error:
        raise FetchError(
            f"{where} is not a valid web address ({error}).", url=shown(text)
        ) from None
    if scheme not in ("http", "https"):
        raise FetchError(
            f"{where} is not an http(s) address (scheme {scheme or 'missing'!r}); only web "
            "pages are fetched.",
            url=shown(text),
        )
    if not host:
        raise FetchError(f"{where} names no host.", url=shown(text))
    if port is not None and not 0 < port < 65536:
        raise FetchError(f"{where} names port {port}, which does not exist.", url=shown(text))
    credentials = (parsed.username, parsed.password) if parsed.username else None
    final = str(parsed.copy_with(username=None, password=None)) if credentials else str(parsed)
    if len(final) > FETCH_MAX_URL_LENGTH:  # a relative redirect can grow past the limit
        raise FetchError(f"{where} resolves to an address too long to fetch.", url=shown(text))
    return final, credentials


def is_private_address(address: str) -> bool:
    """True for an IP address that is not on the public internet (loopback, private,
    link-local, multicast, reserved, unspecified), including IPv4 inside IPv6."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is not None:
            ip = mapped
    return not ip.is_global or ip.is_multicast


def refuse_private(url: str, address: str) -> FetchError:
    """The error for a feed item or redirect that leads to a non-public address."""
    return FetchError(
        f"{shown(url)} leads to {address}, a private, loopback or link-local address; a feed "
        "item or a redirect may not reach it. Pass the address yourself, or allow it "
        "(Fetcher(allow_private=True), --allow-private).",
        url=shown(url),
    )


def names_private_host(host: str) -> bool:
    """True when ``host`` is visibly local without a DNS lookup: an IP literal that is not
    public, or ``localhost``."""
    host = host.strip("[]").lower().rstrip(".")
    return host == "localhost" or host.endswith(".localhost") or is_private_address(host)
