"""The web loader against hostile servers and feeds (issue 28), all on 127.0.0.1.

Each class of failure has its test: stacked ``Content-Encoding`` bombs (the cap holds on the
decoded bytes, checked by counting what zlib hands out, not by timing), malformed and odd URLs
wherever they come from (typed, in a feed, in a redirect), servers that drip headers or bodies
(one deadline per page), huge feeds (a default cap, announced), sitemap indexes and late root
elements, credentials in URLs, and feed items or redirects that point at loopback. Every server
is started here on 127.0.0.1, and an autouse fixture refuses any other address.
"""

from __future__ import annotations

import gzip
import logging
import socket
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from summarize.errors import FetchError
from summarize.inputs.loading import load_articles
from summarize.inputs.web import Fetcher, Page, feed_links, is_feed

PARAGRAPHS = [
    "The ferry company of Westport said on Monday that its oldest boat will leave service in "
    "March after inspectors found rust along the hull below the waterline.",
    "The boat has carried passengers across the bay since 1988, and the company expects a "
    "leased replacement to arrive from a northern yard within three weeks.",
    "Commuters told the harbour office that the winter timetable already leaves long gaps, "
    "and a union spokesman asked for extra crossings during the changeover.",
]


def article_html(name: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ferry {name}</title>'
        f'<meta property="og:site_name" content="Outlet {name}"></head><body><article>'
        f"<h1>Westport ferry retires ({name})</h1>{body}</article></body></html>"
    ).encode()


def encode(data: bytes, codings: list[str]) -> bytes:
    """``data`` with each coding applied in order (as a header lists them)."""
    for coding in codings:
        if coding in ("gzip", "x-gzip"):
            data = gzip.compress(data, compresslevel=9, mtime=0)
        elif coding == "deflate":
            data = zlib.compress(data, 9)
        elif coding == "deflate-raw":  # what some servers send as "deflate"
            packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
            data = packer.compress(data) + packer.flush()
    return data


class Site:
    """Routes: path -> (status, headers, body); counts the requests per path."""

    def __init__(self) -> None:
        self.base = ""
        self.routes: dict[str, tuple[int, list[tuple[str, str]], bytes]] = {}
        self.hits: Counter[str] = Counter()
        self.auth: list[str | None] = []

    def add(self, path: str, body: bytes, *headers: tuple[str, str], status: int = 200) -> str:
        if not any(name.lower() == "content-type" for name, _ in headers):
            headers = (("Content-Type", "text/html; charset=utf-8"), *headers)
        self.routes[path] = (status, list(headers), body)
        return self.base + path

    def redirect(self, path: str, location: str) -> str:
        return self.add(path, b"", ("Location", location), status=302)

    def feed(self, path: str, links: list[str], *, dated: bool = True) -> str:
        items = "".join(
            f"<item><title>Item {n}</title><link>{link.replace('&', '&amp;')}</link>"
            + (
                f"<pubDate>Tue, {1 + n % 28:02d} Dec 2026 08:{n % 60:02d}:00 GMT</pubDate>"
                if dated
                else ""
            )
            + "</item>"
            for n, link in enumerate(links)
        )
        channel = f"<channel><title>T</title>{items}</channel>"
        body = f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'
        return self.add(path, body.encode(), ("Content-Type", "application/rss+xml"))


def make_handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            site.hits[self.path] += 1
            site.auth.append(self.headers.get("Authorization"))
            status, headers, body = site.routes.get(
                self.path, (404, [("Content-Type", "text/plain")], b"not found")
            )
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse every connection that is not to this machine."""
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> None:
        host = address[0] if isinstance(address, tuple) else ""
        if host not in ("127.0.0.1", "::1", "localhost"):
            raise AssertionError(f"a test tried to reach {address!r}")
        real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)


@pytest.fixture()
def site() -> Iterator[Site]:
    state = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(state))
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


def fetcher(tmp_path: Path, **options: Any) -> Fetcher:
    # allow_private: this test site is 127.0.0.1, which feed items and redirects may not reach
    # by default (see test_feed_items_and_redirects_to_loopback_are_refused_by_default).
    settings: dict[str, Any] = {"delay": 0.0, "backoff": 0.0, "cache_dir": tmp_path / "http"}
    settings["allow_private"] = True
    settings.update(options)
    return Fetcher(**settings)


# --- 1. the size cap holds on the decoded bytes, whatever the coding chain ------------------


class Inflated:
    """Counts every byte zlib hands out, in any decompressor (httpx's or ours)."""

    def __init__(self) -> None:
        self.total = 0


@pytest.fixture()
def inflated(monkeypatch: pytest.MonkeyPatch) -> Inflated:
    counter = Inflated()
    real = zlib.decompressobj

    class Counting:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self._inner = real(*args, **kwargs)

        def decompress(self, data: bytes, max_length: int = 0) -> bytes:
            out = self._inner.decompress(data, max_length)
            counter.total += len(out)
            return out

        def flush(self, *args: Any) -> bytes:
            out = self._inner.flush(*args)
            counter.total += len(out)
            return out

        def __getattr__(self, name: str) -> Any:
            return getattr(self._inner, name)

    monkeypatch.setattr(zlib, "decompressobj", Counting)
    return counter


CHAINS = [
    ["gzip"],
    ["x-gzip"],
    ["deflate"],
    ["deflate-raw"],
    ["gzip", "gzip"],
    ["deflate", "gzip"],
    ["gzip", "identity", "deflate-raw"],
    ["identity", "gzip", "identity", "gzip", "identity"],
]


def header_for(codings: list[str]) -> str:
    return ", ".join("deflate" if coding == "deflate-raw" else coding for coding in codings)


@pytest.mark.parametrize("codings", CHAINS, ids=lambda chain: "+".join(chain))
def test_coding_bomb_is_refused_before_it_is_inflated(
    site: Site, tmp_path: Path, inflated: Inflated, codings: list[str]
) -> None:
    """20 MB of zeros, coded by every chain accepted: refused having decoded at most a few
    hundred kB (the old fetcher inflated each chunk whole, then checked its size)."""
    bomb = encode(b"\0" * 20_000_000, codings)
    url = site.add("/bomb", bomb, ("Content-Encoding", header_for(codings)))
    with pytest.raises(FetchError, match=r"larger than 100,000 bytes"):
        fetcher(tmp_path, max_bytes=100_000).fetch(url)
    assert inflated.total < 1_000_000


@pytest.mark.parametrize("depth", [3, 5, 12])
def test_deep_coding_chains_are_refused_outright(
    site: Site, tmp_path: Path, inflated: Inflated, depth: int
) -> None:
    """More than two stacked codings (a 5 kB body once took 6.2 GB): a clear FetchError, and
    nothing inflated. Split over several header lines, with identity mixed in, the same."""
    codings = ["gzip", "deflate"] * depth
    bomb = encode(b"\0" * 20_000_000, codings[:depth])
    headers = [("Content-Encoding", coding) for coding in codings[:depth]]
    headers.insert(1, ("Content-Encoding", "identity"))
    url = site.add("/deep", bomb, *headers)
    with pytest.raises(FetchError, match=r"stacked content codings") as caught:
        fetcher(tmp_path, max_bytes=100_000).fetch(url)
    assert caught.value.url == url
    assert inflated.total < 1_000_000


@pytest.mark.parametrize("codings", CHAINS, ids=lambda chain: "+".join(chain))
def test_a_coded_article_within_the_cap_loads(
    site: Site, tmp_path: Path, codings: list[str]
) -> None:
    url = site.add(
        "/coded", encode(article_html("coded"), codings), ("Content-Encoding", header_for(codings))
    )
    [article] = load_articles(url, fetcher=fetcher(tmp_path))
    assert "oldest boat" in article.text


@pytest.mark.parametrize("coding", ["br", "zstd", "compress", "gzip, bogus"])
def test_a_coding_that_cannot_be_undone_is_a_fetch_error(
    site: Site, tmp_path: Path, coding: str
) -> None:
    url = site.add("/odd", b"\x8b\x00garbage", ("Content-Encoding", coding))
    with pytest.raises(FetchError, match=r"content coding"):
        fetcher(tmp_path).fetch(url)


# --- 2. every URL problem is a typed, skippable FetchError naming the URL -------------------

BAD_TARGETS = [
    "data:text/html,<p>hello</p>",
    "mailto:editor@example.org",
    "javascript:alert(1)",
    "ftp://127.0.0.1/file",
    "file:///etc/passwd",
    "http://[::1",
    "http://[::1]x/",
    "http://",
    "http:///path-only",
    "http://999.1.1.1/",
    "http://127.0.0.1:99999/",
    "http://exa mple.org/",
    "http://example.org/\x1b[31mred",
    "http://" + "a" * 70_000 + ".org/",
    "http://127.0.0.1/" + "b" * 20_000,
    "//[::1/x",
]


@pytest.mark.parametrize("target", BAD_TARGETS, ids=lambda t: repr(t[:24]))
def test_bad_redirect_targets_are_skipped_and_named(
    site: Site, tmp_path: Path, caplog: pytest.LogCaptureFixture, target: str
) -> None:
    good = site.add("/good", article_html("good"))
    bad = site.redirect("/bad", target)
    with pytest.raises(FetchError) as caught:
        load_articles(bad, fetcher=fetcher(tmp_path))
    assert "/bad" in str(caught.value)
    with caplog.at_level(logging.WARNING):
        articles = load_articles([good, bad], fetcher=fetcher(tmp_path), errors="skip")
    assert [a.source for a in articles] == ["Outlet good"]
    assert f"{site.base}/bad" in caplog.text


@pytest.mark.parametrize("target", BAD_TARGETS, ids=lambda t: repr(t[:24]))
def test_bad_feed_links_are_skipped_and_named(
    site: Site, tmp_path: Path, caplog: pytest.LogCaptureFixture, target: str
) -> None:
    good = site.add("/good", article_html("good"))
    feed = site.feed("/feed.rss", [good, target])
    with caplog.at_level(logging.WARNING):
        articles = load_articles(feed, fetcher=fetcher(tmp_path), errors="skip")
    assert [a.source for a in articles] == ["Outlet good"]
    # Named when it could be read, counted when the feed parser could not make it out.
    assert "Skipped: " in caplog.text or "Skipped 1 entry" in caplog.text


@pytest.mark.parametrize(
    "url", ["http://[::1", "http://" + "a" * 70_000, "http://x:99999/", "http://a b/"]
)
def test_bad_typed_urls_are_fetch_errors(site: Site, tmp_path: Path, url: str) -> None:
    good = site.add("/good", article_html("good"))
    with pytest.raises(FetchError):
        load_articles(url, fetcher=fetcher(tmp_path))
    articles = load_articles([url, good], fetcher=fetcher(tmp_path), errors="skip")
    assert [a.source for a in articles] == ["Outlet good"]


# --- 3. one deadline per page ------------------------------------------------------------------


class Dripper:
    """A raw server that answers every connection by ``drip`` (for at most ``seconds``)."""

    def __init__(self, drip: Callable[[socket.socket, float], None], seconds: float = 12.0):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/page"
        self.drip = drip
        self.seconds = seconds
        self.stopped = threading.Event()
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self) -> None:
        self.listener.settimeout(0.1)
        while not self.stopped.is_set():
            try:
                connection, _ = self.listener.accept()
            except OSError:
                continue
            threading.Thread(target=self.answer, args=(connection,), daemon=True).start()

    def answer(self, connection: socket.socket) -> None:
        end = time.monotonic() + self.seconds
        try:
            connection.recv(65536)
            self.drip(connection, end)
        except OSError:
            pass
        finally:
            connection.close()

    def close(self) -> None:
        self.stopped.set()
        self.listener.close()


def drip_headers(connection: socket.socket, end: float) -> None:
    connection.sendall(b"HTTP/1.1 200 OK\r\n")
    n = 0
    while time.monotonic() < end:
        connection.sendall(f"X-Slow-{n}: yes\r\n".encode())
        n += 1
        time.sleep(0.4)


def drip_body(connection: socket.socket, end: float) -> None:
    connection.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
    )
    while time.monotonic() < end:
        connection.sendall(b"<")
        time.sleep(0.2)


@pytest.mark.parametrize("drip", [drip_headers, drip_body], ids=["headers", "body"])
def test_a_dripping_server_cannot_outlast_the_timeout(tmp_path: Path, drip: Any) -> None:
    """Each read gets data well within the timeout, so only a deadline for the whole page stops
    it (the server gives up after 12 s; the old fetcher waited for it)."""
    server = Dripper(drip)
    try:
        started = time.monotonic()
        with pytest.raises(FetchError, match=r"did not answer within 1 s"):
            fetcher(tmp_path, timeout=1.0, respect_robots=False).fetch(server.url)
        assert time.monotonic() - started < 5.0
    finally:
        server.close()


# --- 4. feeds and sitemaps: a default cap, indexes, late root elements -----------------------


def test_a_huge_feed_is_cut_to_the_newest_entries_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = Site()
    site.base = "http://127.0.0.1:9"
    site.feed("/feed.rss", [f"{site.base}/news/{n}" for n in range(5000)])
    data = site.routes["/feed.rss"][2]
    page = Page(
        url="http://127.0.0.1:9/feed.rss",
        final_url="http://127.0.0.1:9/feed.rss",
        status=200,
        content_type="application/rss+xml",
        body=data,
        fetched_at="",
    )
    with caplog.at_level(logging.WARNING):
        links = fetcher(tmp_path).expand_feed(page)
    assert len(links) == 100
    assert "5000 articles" in caplog.text and "newest 100" in caplog.text
    assert links[:3] == fetcher(tmp_path, limit=3).expand_feed(page)
    assert links[0] == f"{site.base}/news/419"  # 28 Dec, 08:59: the first of the newest
    assert len(fetcher(tmp_path, limit=0).expand_feed(page)) == 5000


def test_sitemap_index_is_expanded_to_a_bounded_depth(site: Site, tmp_path: Path) -> None:
    def urlset(*paths: str) -> bytes:
        locs = "".join(f"<url><loc>{site.base}{p}</loc></url>" for p in paths)
        return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'.encode()

    def index(*paths: str) -> bytes:
        locs = "".join(f"<sitemap><loc>{site.base}{p}</loc></sitemap>" for p in paths)
        return f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</sitemapindex>'.encode()

    xml = ("Content-Type", "application/xml")
    site.add("/sitemap-1.xml", urlset("/news/a", "/news/b"), xml)
    site.add("/sitemap-2.xml", urlset("/news/c"), xml)
    site.add("/index-2.xml", index("/index-3.xml", "/sitemap-2.xml", "/index.xml"), xml)
    site.add("/index-3.xml", index("/index-4.xml"), xml)
    site.add("/index-4.xml", index("/sitemap-deep.xml"), xml)
    site.add("/sitemap-deep.xml", urlset("/news/too-deep"), xml)
    url = site.add("/index.xml", index("/sitemap-1.xml", "/index-2.xml", "/index.xml"), xml)
    f = fetcher(tmp_path)
    links = f.expand_feed(f.fetch(url))
    assert sorted(link.rsplit("/", 1)[-1] for link in links) == ["a", "b", "c"]
    assert site.hits["/index.xml"] == 1  # the loop back to itself is not followed
    assert site.hits["/sitemap-deep.xml"] == 0


@pytest.mark.parametrize("prolog_bytes", [3000, 50_000])
def test_a_sitemap_whose_root_element_starts_late_is_recognised(prolog_bytes: int) -> None:
    comment = "<!-- " + "x" * prolog_bytes + " -->"
    doctype = '<!DOCTYPE urlset [ <!ELEMENT urlset ANY> <!-- ">" and ] inside --> ]>'
    sitemap = (
        f'<?xml version="1.0"?>\n{comment}\n{doctype}\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>http://127.0.0.1/a</loc></url></urlset>"
    ).encode()
    assert is_feed(sitemap, "application/xml")
    assert feed_links(sitemap) == ["http://127.0.0.1/a"]
    assert not is_feed(b"<!DOCTYPE html><html><body><p>about &lt;rss and <feed</p></body></html>")


# --- 5. credentials and private addresses ----------------------------------------------------


def test_credentials_never_reach_articles_or_logs(
    site: Site, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site.add("/news/a", article_html("a"))
    site.add("/news/b", article_html("b"))
    port = site.base.rsplit(":", 1)[1]
    feed = site.feed("/feed.rss", [f"http://reader:s3cret-feed@127.0.0.1:{port}/news/a"])
    moved = site.redirect("/moved", f"http://mover:s3cret-hop@127.0.0.1:{port}/news/b")
    typed = f"http://typist:s3cret-typed@127.0.0.1:{port}/missing"
    with caplog.at_level(logging.DEBUG):
        articles = load_articles([feed, moved, typed], fetcher=fetcher(tmp_path), errors="skip")
    assert [a.url for a in articles] == [f"{site.base}/news/a", f"{site.base}/news/b"]
    assert "s3cret" not in repr(articles)
    assert "s3cret" not in caplog.text and "/missing" in caplog.text
    # The typed address's credentials were sent to its own host only, as Basic auth.
    assert sum(1 for value in site.auth if value) == 1


def test_feed_items_and_redirects_to_loopback_are_refused_by_default(
    site: Site, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    port = site.base.rsplit(":", 1)[1]
    site.add("/news/a", article_html("a"))
    feed = site.feed("/feed.rss", [f"{site.base}/news/a", f"http://localhost:{port}/news/a"])
    hop = site.redirect("/hop", f"{site.base}/news/a")
    metadata = site.redirect("/metadata", "http://169.254.169.254/latest/meta-data/")
    default = fetcher(tmp_path, allow_private=False)
    # The address typed is fetched (the user asked for it); where it leads is not.
    with pytest.raises(FetchError, match=r"private, loopback or link-local"):
        load_articles(hop, fetcher=default)
    with pytest.raises(FetchError, match=r"169\.254\.169\.254.*private, loopback or link-local"):
        load_articles(metadata, fetcher=default)
    with caplog.at_level(logging.WARNING), pytest.raises(Exception, match=r"private"):
        load_articles(feed, fetcher=default, errors="skip")
    assert site.hits["/hop"] == 1 and site.hits["/feed.rss"] == 1
    assert site.hits["/news/a"] == 0
    # Allowed explicitly, the same inputs load.
    assert len(load_articles([hop], fetcher=fetcher(tmp_path / "2"))) == 1
    assert len(load_articles(feed, fetcher=fetcher(tmp_path / "3"))) == 2
