"""Fetch web pages politely and cached: :class:`Fetcher`, the one HTTP client of the package.

It

* sends a clear User-Agent, honours ``robots.txt`` and waits ``delay`` seconds between two
  requests to one host, with at most ``per_host`` requests to a host at once;
* gives each page ``timeout`` seconds in all (connecting, headers and body together) and refuses
  bodies larger than ``max_bytes`` once decoded, whatever their ``Content-Encoding``;
* checks every address, typed, linked from a feed or reached by a redirect, and keeps
  ``user:password@`` out of everything it returns or logs; feed items and redirects may not
  reach loopback, private or link-local addresses unless ``allow_private`` (an address the
  user typed may: they asked for it);
* retries ``429``/``503`` (and ``502``/``504``) with exponential backoff (or the server's
  ``Retry-After``, when it is short);
* keeps every response in an on-disk cache (``cache_dir()/http``): a page fetched less than
  ``max_age`` seconds ago is not requested again, an older one is revalidated with its
  ``ETag``/``Last-Modified``; with ``offline=True`` only the cache is used.

Every failure is a :class:`~summarize.errors.FetchError` (an ``ArticleError``), naming the URL
and the HTTP status, so ``load_articles(..., errors="skip")`` and ``--skip-bad`` leave it out
like a bad file. Turning a page into an :class:`~summarize.types.Article` is the loader's job
(:mod:`summarize.inputs.pages`); this module only fetches (feeds: :mod:`.feeds`; the network
work itself: :mod:`.transport`).
"""

from __future__ import annotations

import email.utils
import logging
import os
import threading
import time
import urllib.robotparser
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from summarize.defaults import (
    FEED_LIMIT,
    FETCH_BACKOFF,
    FETCH_BAR_PAGES,
    FETCH_DELAY,
    FETCH_MAX_AGE,
    FETCH_MAX_BYTES,
    FETCH_MAX_RETRY_AFTER,
    FETCH_PER_HOST,
    FETCH_RETRIES,
    FETCH_TIMEOUT,
    FETCH_USER_AGENT,
    FETCH_WORKERS,
)
from summarize.errors import FetchError, InputError
from summarize.inputs.web.cache import _Cache
from summarize.inputs.web.feeds import choose_links, collect_entries, parse_since
from summarize.inputs.web.page import Page
from summarize.inputs.web.urls import check_url, names_private_host, refuse_private, shown
from summarize.progress import choose, progress_bars, track

if TYPE_CHECKING:
    from summarize.inputs.web.transport import Response

__all__ = ["Fetcher"]

logger = logging.getLogger(__name__)

_RETRY_STATUSES = frozenset({429, 502, 503, 504})


class Fetcher:
    """A polite HTTP client with an on-disk cache; see the module docstring.

    The defaults (and why) are in :mod:`summarize.defaults` (``FETCH_*``).

    Args:
        timeout: Seconds one page may take in all (connecting, headers and body, across
            redirects) before giving up.
        max_bytes: Largest body accepted, raw or decoded; larger pages raise
            :class:`FetchError`.
        user_agent: Sent with every request and matched against ``robots.txt``.
        per_host: Most requests in flight to one host at once.
        delay: Seconds between the starts of two requests to one host.
        retries: Extra attempts after a 429/502/503/504 answer.
        backoff: First wait before a retry, doubled at each attempt (seconds).
        max_age: Seconds a cached response is used without asking the server again.
        offline: Use only the cache; a page not in it raises :class:`FetchError`.
        respect_robots: Check ``robots.txt`` before fetching a page.
        cache_dir: Where responses are kept; default ``$SUMMARIZE_WEB_CACHE``, else
            ``summarize.models.registry.cache_dir() / "http"``.
        since: Feeds only: leave out entries published before this date (``YYYY-MM-DD`` or
            ISO 8601).
        limit: Feeds and sitemaps only: at most this many entries of each (newest first when
            dated); ``None`` takes :data:`~summarize.defaults.FEED_LIMIT`, ``0`` takes all.
            Cutting a feed is announced with a warning.
        allow_private: Let feed items and redirects reach loopback, private and link-local
            addresses (refused by default, so a hostile feed cannot point the fetcher into the
            network it runs in). Addresses given to :meth:`fetch` directly are always allowed.
        workers: Threads fetching at once (across hosts).
        progress: Show a progress bar while fetching; ``None`` follows
            :func:`summarize.progress.progress_bars` (by default: on a terminal, when more
            than 3 pages).
    """

    def __init__(
        self,
        *,
        timeout: float = FETCH_TIMEOUT,
        max_bytes: int = FETCH_MAX_BYTES,
        user_agent: str = FETCH_USER_AGENT,
        per_host: int = FETCH_PER_HOST,
        delay: float = FETCH_DELAY,
        retries: int = FETCH_RETRIES,
        backoff: float = FETCH_BACKOFF,
        max_age: float = FETCH_MAX_AGE,
        offline: bool = False,
        respect_robots: bool = True,
        cache_dir: str | os.PathLike[str] | None = None,
        since: str | None = None,
        limit: int | None = None,
        workers: int = FETCH_WORKERS,
        progress: bool | None = None,
        allow_private: bool = False,
    ) -> None:
        if timeout <= 0 or max_bytes < 1 or per_host < 1 or workers < 1 or retries < 0:
            raise InputError(
                "Fetcher needs timeout > 0, max_bytes >= 1, per_host >= 1, workers >= 1 and "
                "retries >= 0."
            )
        if limit is not None and limit < 0:
            raise InputError(f"limit must be 0 (no limit) or more, got {limit}.")
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.user_agent = user_agent
        self.per_host = per_host
        self.delay = max(0.0, delay)
        self.retries = retries
        self.backoff = max(0.0, backoff)
        self.max_age = max_age
        self.offline = offline
        self.respect_robots = respect_robots
        self.since = parse_since(since)
        self.limit: int | None = FEED_LIMIT if limit is None else (limit or None)
        self.allow_private = allow_private
        self.workers = workers
        self.progress = progress
        if cache_dir is None and os.environ.get("SUMMARIZE_WEB_CACHE"):
            cache_dir = os.environ["SUMMARIZE_WEB_CACHE"]
        if cache_dir is None:
            from summarize.models.registry import cache_dir as default_cache_dir

            cache_dir = default_cache_dir() / "http"
        self.cache = _Cache(Path(cache_dir))
        self._hosts: dict[str, _HostGate] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._lock = threading.Lock()
        self.requests_made = 0

    # ------------------------------------------------------------------ public

    def fetch(self, url: str, *, direct: bool = True) -> Page:
        """Fetch one URL (from the cache when fresh); raise :class:`FetchError` on failure.

        ``direct=False`` marks an address the user did not type (a feed item): it may not
        reach a private address unless ``allow_private``.
        """
        url, credentials = check_url(url)
        private_ok = direct or self.allow_private
        if not private_ok:
            import httpx

            host = httpx.URL(url).host
            if names_private_host(host):
                raise refuse_private(url, host)
        if self.respect_robots and not self._allowed(url, private_ok=private_ok):
            raise FetchError(
                f"{shown(url)}: robots.txt of {_origin(url)} does not allow {self.user_agent!r} "
                "to fetch this page. Save the article yourself if you may use it, or leave it out.",
                url=url,
            )
        return self._get(url, private_ok=private_ok, credentials=credentials)

    def fetch_many(self, urls: Sequence[str], *, direct: bool = True) -> list[Page | FetchError]:
        """Fetch several URLs concurrently (politely per host); results in the order given.

        ``direct=False``: the URLs come from a feed (see :meth:`fetch`).
        """
        if not urls:
            return []
        shown_bar = choose(self.progress, worth_a_bar=len(urls) > FETCH_BAR_PAGES)
        results: list[Page | FetchError] = []
        with ThreadPoolExecutor(max_workers=min(self.workers, len(urls))) as pool:
            futures = [pool.submit(self._fetch_or_error, url, direct) for url in urls]
            with progress_bars(shown_bar):
                for future in track(futures, desc="fetching", unit="page"):
                    results.append(future.result())
        return results

    def expand_feed(self, page: Page) -> list[str]:
        """The article URLs of a fetched feed or sitemap, after ``since`` and ``limit``
        (sitemap indexes are expanded, fetching their sitemaps as feed items)."""
        return self.feed_entries(page.body, base_url=page.final_url, name=page.url)

    def feed_entries(self, data: bytes, *, base_url: str, name: str) -> list[str]:
        """The article URLs of a feed or sitemap's bytes (``name`` says which, in messages)."""
        entries = collect_entries(
            data, base_url=base_url, name=name, fetch=lambda url: self.fetch(url, direct=False)
        )
        return choose_links(entries, since=self.since, limit=self.limit, name=name)

    # ------------------------------------------------------------------ internals

    def _fetch_or_error(self, url: str, direct: bool) -> Page | FetchError:
        try:
            return self.fetch(url, direct=direct)
        except FetchError as error:
            return error

    def _allowed(self, url: str, *, private_ok: bool) -> bool:
        origin = _origin(url)
        with self._lock:
            parser = self._robots.get(origin)
        if parser is None:
            parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
            try:
                page = self._get(origin + "/robots.txt", quiet_statuses=True, private_ok=private_ok)
                lines = page.body.decode("utf-8", "replace").splitlines()
                parser.parse(lines if page.status < 400 else [])
            except FetchError as error:
                # 401/403 on robots.txt means "keep out"; 404 or unreachable: nothing forbids.
                parser.parse(["User-agent: *", "Disallow: /"] if error.status in (401, 403) else [])
            with self._lock:
                self._robots[origin] = parser
        return parser.can_fetch(self.user_agent, url)

    def _gate(self, url: str) -> _HostGate:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            gate = self._hosts.get(host)
            if gate is None:
                gate = self._hosts[host] = _HostGate(self.per_host, self.delay)
        return gate

    def _get(
        self,
        url: str,
        *,
        private_ok: bool,
        credentials: tuple[str, str] | None = None,
        quiet_statuses: bool = False,
    ) -> Page:
        cached = self.cache.load(url)
        if cached is not None and (self.offline or cached.age < self.max_age):
            logger.debug("From cache: %s", url)
            return cached.page
        if self.offline:
            raise FetchError(
                f"{shown(url)} is not in the download cache ({self.cache.root}) and offline mode "
                "is on. "
                "Run once without --offline to fetch it.",
                url=url,
            )
        headers = {
            "User-Agent": self.user_agent,
            "Accept": "text/html,application/xhtml+xml,"
            "application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
        }
        if cached is not None:
            if cached.etag:
                headers["If-None-Match"] = cached.etag
            if cached.last_modified:
                headers["If-Modified-Since"] = cached.last_modified
        response = self._request(url, headers, private_ok=private_ok, credentials=credentials)
        if response.status == 304 and cached is not None:
            self.cache.touch(url)
            return cached.page
        if response.status >= 400:
            if not quiet_statuses:
                logger.debug("HTTP %s for %s", response.status, shown(url))
            raise FetchError(_status_message(url, response.status), url=url, status=response.status)
        page = Page(
            url=url,
            final_url=response.final_url,
            status=response.status,
            content_type=response.content_type,
            body=response.body,
            fetched_at=datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        )
        self.cache.store(page, etag=response.etag, last_modified=response.last_modified)
        return page

    def _request(
        self,
        url: str,
        headers: dict[str, str],
        *,
        private_ok: bool,
        credentials: tuple[str, str] | None,
    ) -> Response:
        from summarize.inputs.web.transport import get  # httpcore: loaded when first needed

        gate = self._gate(url)
        attempt = 0
        while True:
            with gate:
                with self._lock:
                    self.requests_made += 1
                response = get(
                    url,
                    headers,
                    timeout=self.timeout,
                    max_bytes=self.max_bytes,
                    allow_private_first=private_ok,
                    allow_private=self.allow_private,
                    credentials=credentials,
                )
            if response.status not in _RETRY_STATUSES or attempt >= self.retries:
                return response
            wait = self.backoff * 2**attempt
            retry_after = _retry_after(response.retry_after)
            if retry_after is not None and retry_after <= FETCH_MAX_RETRY_AFTER:
                wait = max(wait, retry_after)
            attempt += 1
            logger.info(
                "HTTP %s for %s; retry %d in %.1f s", response.status, shown(url), attempt, wait
            )
            time.sleep(wait)


class _HostGate:
    """At most ``limit`` requests to one host at once, ``delay`` seconds apart."""

    def __init__(self, limit: int, delay: float) -> None:
        self._slots = threading.BoundedSemaphore(limit)
        self._delay = delay
        self._lock = threading.Lock()
        self._next = 0.0

    def __enter__(self) -> None:
        self._slots.acquire()
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next)
            self._next = start + self._delay
        if start > now:
            time.sleep(start - now)

    def __exit__(self, *exc: object) -> None:
        self._slots.release()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _status_message(url: str, status: int) -> str:
    if status == 404:
        hint = "the page does not exist (check the address)"
    elif status in (401, 402, 403):
        hint = "access is refused (a paywall or a login?)"
    elif status in _RETRY_STATUSES:
        hint = "the server is busy; try again later"
    else:
        hint = "the server could not deliver the page"
    return f"{shown(url)} answered HTTP {status}: {hint}."
