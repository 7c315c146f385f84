"""Article URLs, feeds and sitemaps, fetched from a local HTTP server the tests start themselves.

Every request goes to 127.0.0.1: an autouse fixture refuses any other address, so no test can
reach outside the machine. The server counts requests per path, which is how the tests see
retries, the cache and robots.txt at work.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from summarize import defaults
from summarize.cli import build_parser, main
from summarize.errors import ArticleLoadErrors, FetchError
from summarize.inputs.loading import load_articles
from summarize.inputs.web import Fetcher, feed_links
from summarize.progress import progress_bars

PARAGRAPHS = [
    "The city council of Riverton voted on Tuesday to close the old harbour bridge for repairs "
    "after engineers found deep cracks in two of its steel supports.",
    "The bridge carries about 14,000 cars a day, and the closure is expected to last six months, "
    "according to the council's transport committee.",
    "Local shop owners said the detour would cost them customers, while the mayor promised a "
    "free shuttle bus between the two banks of the river during the works.",
    "Engineers first reported the cracks in a routine inspection in October, the council said.",
]


def article_page(*, site: str, title: str, published: str, author: str, canonical: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{title}">
<meta property="og:url" content="{canonical}">
<link rel="canonical" href="{canonical}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{published}">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "{title}", "datePublished": "{published}",
"author": {{"@type": "Person", "name": "{author}"}},
"publisher": {{"@type": "Organization", "name": "{site}"}}}}</script>
</head><body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>{title}</h1>{body}</article>
<footer>Copyright {site}</footer></body></html>""".encode()


class Site:
    """What the test server serves, and how often each path was asked for."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.base = ""
        self.lock = threading.Lock()

    def page(self, name: str, site: str, published: str) -> bytes:
        return article_page(
            site=site,
            title=f"Riverton closes harbour bridge ({name})",
            published=published,
            author="Dana Reyes",
            canonical=f"{self.base}/news/{name}",
        )

    def feed_rss(self) -> bytes:
        items = "".join(
            f"<item><title>Story {name}</title><link>{self.base}/news/{name}</link>"
            f"<pubDate>{date}</pubDate></item>"
            for name, date in [
                ("bridge-a", "Tue, 01 Dec 2026 08:00:00 GMT"),
                ("bridge-b", "Wed, 02 Dec 2026 09:30:00 GMT"),
                ("bridge-old", "Sun, 01 Nov 2026 10:00:00 GMT"),
            ]
        )
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Riverton Daily</title>'
            f"<link>{self.base}/</link><description>News</description>{items}</channel></rss>"
        ).encode()

    def feed_atom(self) -> bytes:
        return (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Post</title>'
            f"<id>{self.base}/atom</id><updated>2026-12-02T10:00:00Z</updated>"
            f'<entry><title>Bridge</title><link href="{self.base}/news/bridge-c"/>'
            f"<id>{self.base}/news/bridge-c</id><updated>2026-12-02T10:00:00Z</updated></entry>"
            "</feed>"
        ).encode()


def make_handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep test output clean
            pass

        def send(self, status: int, body: bytes, content_type: str = "text/html") -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in getattr(self, "extra", {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            path = self.path
            with site.lock:
                site.hits[path] += 1
                count = site.hits[path]
            outlets = {
                "/news/bridge-a": ("Riverton Daily", "2026-12-01T08:00:00Z"),
                "/news/bridge-b": ("The Harbour Post", "2026-12-02T09:30:00Z"),
                "/news/bridge-c": ("Valley Radio", "2026-12-02T10:00:00Z"),
                "/news/bridge-old": ("Riverton Daily", "2026-11-01T10:00:00Z"),
                "/news/moved-here": ("Bridge Watch", "2026-12-02T11:00:00Z"),
                "/private/secret": ("Secret News", "2026-12-02T11:00:00Z"),
            }
            if path == "/robots.txt":
                self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
            elif path in outlets:
                name = path.rsplit("/", 1)[-1]
                self.extra = {"ETag": f'"{name}-v1"'}
                if self.headers.get("If-None-Match") == f'"{name}-v1"':
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send(200, site.page(name, *outlets[path]))
            elif path == "/old-address":
                self.send_response(301)
                self.send_header("Location", "/news/moved-here")
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif path == "/flaky":
                if count == 1:
                    self.send(503, b"busy", "text/plain")
                else:
                    self.send(200, site.page("flaky", "Flaky Times", "2026-12-02T12:00:00Z"))
            elif path == "/busy":
                self.extra = {"Retry-After": "0"}
                self.send(429, b"slow down", "text/plain")
            elif path == "/slow":
                time.sleep(2.0)
                self.send(200, site.page("slow", "Slow News", "2026-12-02T12:00:00Z"))
            elif path == "/huge":
                self.send(200, b"<html><body>" + b"<p>word </p>" * 200_000 + b"</body></html>")
            elif path == "/report.pdf":
                self.send(200, b"%PDF-1.4\n% a report\n", "application/pdf")
            elif path == "/paywall":
                self.send(200, b"<html><head><title>Subscribe</title></head><body></body></html>")
            elif path == "/feed.rss":
                self.send(200, site.feed_rss(), "application/rss+xml")
            elif path == "/feed.atom":
                self.send(200, site.feed_atom(), "application/atom+xml")
            else:
                self.send(404, b"not found", "text/plain")

    return Handler


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse every connection that is not to this machine."""
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: object) -> None:
        host = address[0] if isinstance(address, tuple) else ""
        if host not in ("127.0.0.1", "::1", "localhost"):
            raise AssertionError(f"a test tried to reach {address!r}")
        real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", connect)


@pytest.fixture()
def site() -> Iterator[Site]:
    state = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(state))
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    # A short poll interval: shutdown() waits up to one interval (0.5 s by default) per test.
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


def fetcher(tmp_path: Path, **options: object) -> Fetcher:
    # allow_private: the test site's feeds and redirects lead to 127.0.0.1, refused by default.
    settings: dict[str, object] = {
        "delay": 0.0,
        "backoff": 0.0,
        "cache_dir": tmp_path / "http",
        "allow_private": True,
    }
    settings.update(options)
    return Fetcher(**settings)  # type: ignore[arg-type]


def test_fetch_defaults_come_from_defaults_py(tmp_path: Path) -> None:
    """One place for defaults: Fetcher() and the CLI's --timeout use summarize.defaults."""
    made = Fetcher(cache_dir=tmp_path / "http")
    settings = {
        "timeout": defaults.FETCH_TIMEOUT,
        "max_bytes": defaults.FETCH_MAX_BYTES,
        "user_agent": defaults.FETCH_USER_AGENT,
        "per_host": defaults.FETCH_PER_HOST,
        "delay": defaults.FETCH_DELAY,
        "retries": defaults.FETCH_RETRIES,
        "backoff": defaults.FETCH_BACKOFF,
        "max_age": defaults.FETCH_MAX_AGE,
        "workers": defaults.FETCH_WORKERS,
    }
    assert {name: getattr(made, name) for name in settings} == settings
    arguments = build_parser().parse_args(["brief", "https://example.org/a"])
    assert arguments.timeout == defaults.FETCH_TIMEOUT


def test_article_page_gives_its_own_metadata(site: Site, tmp_path: Path) -> None:
    [article] = load_articles(f"{site.base}/news/bridge-a", fetcher=fetcher(tmp_path))
    assert article.source == "Riverton Daily"
    assert article.title == "Riverton closes harbour bridge (bridge-a)"
    assert article.url == f"{site.base}/news/bridge-a"
    assert article.published == "2026-12-01"
    assert article.metadata["author"] == "Dana Reyes"
    assert article.metadata["fetched_from"] == f"{site.base}/news/bridge-a"
    assert article.metadata["fetched_at"].startswith("20")
    assert "harbour bridge for repairs" in article.text
    assert "Home | News" not in article.text
    assert site.hits["/robots.txt"] == 1


def test_redirect_is_followed_to_the_article(site: Site, tmp_path: Path) -> None:
    [article] = load_articles(f"{site.base}/old-address", fetcher=fetcher(tmp_path))
    assert article.source == "Bridge Watch"
    assert article.url == f"{site.base}/news/moved-here"
    assert site.hits["/news/moved-here"] == 1


def test_404_is_a_typed_error_naming_url_and_status(site: Site, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match=r"/missing answered HTTP 404") as caught:
        load_articles(f"{site.base}/missing", fetcher=fetcher(tmp_path))
    assert caught.value.status == 404
    assert caught.value.url == f"{site.base}/missing"


def test_503_is_retried_until_the_page_comes(site: Site, tmp_path: Path) -> None:
    [article] = load_articles(f"{site.base}/flaky", fetcher=fetcher(tmp_path))
    assert article.source == "Flaky Times"
    assert site.hits["/flaky"] == 2


def test_429_that_persists_gives_up_after_the_retries(site: Site, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match=r"answered HTTP 429") as caught:
        load_articles(f"{site.base}/busy", fetcher=fetcher(tmp_path, retries=2))
    assert caught.value.status == 429
    assert site.hits["/busy"] == 3


def test_slow_page_times_out(site: Site, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match=r"did not answer within 0.5 s"):
        load_articles(f"{site.base}/slow", fetcher=fetcher(tmp_path, timeout=0.5))


def test_huge_page_is_refused_past_the_cap(site: Site, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match=r"larger than 100,000 bytes"):
        load_articles(f"{site.base}/huge", fetcher=fetcher(tmp_path, max_bytes=100_000))


def test_non_html_body_is_refused(site: Site, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match=r"not a web page \(content type application/pdf\)"):
        load_articles(f"{site.base}/report.pdf", fetcher=fetcher(tmp_path))


def test_paywall_stub_with_no_text_names_the_url(site: Site, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match=r"/paywall") as caught:
        load_articles(f"{site.base}/paywall", fetcher=fetcher(tmp_path))
    assert caught.value.status == 200


def test_robots_txt_is_honoured(site: Site, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match=r"robots.txt"):
        load_articles(f"{site.base}/private/secret", fetcher=fetcher(tmp_path))
    assert site.hits["/private/secret"] == 0
    # Asked not to, the fetcher fetches it.
    [article] = load_articles(
        f"{site.base}/private/secret", fetcher=fetcher(tmp_path, respect_robots=False)
    )
    assert article.source == "Secret News"


def test_bad_urls_are_skippable_like_bad_files(site: Site, tmp_path: Path) -> None:
    urls = [f"{site.base}/news/bridge-a", f"{site.base}/missing", f"{site.base}/report.pdf"]
    with pytest.raises(ArticleLoadErrors, match="2 inputs could not be loaded"):
        load_articles(urls, fetcher=fetcher(tmp_path))
    articles = load_articles(urls, fetcher=fetcher(tmp_path), errors="skip")
    assert [a.source for a in articles] == ["Riverton Daily"]


def test_rss_feed_expands_newest_first_with_since_and_limit(site: Site, tmp_path: Path) -> None:
    articles = load_articles(f"{site.base}/feed.rss", fetcher=fetcher(tmp_path))
    assert [a.url.rsplit("/", 1)[-1] for a in articles if a.url] == [
        "bridge-b",
        "bridge-a",
        "bridge-old",
    ]
    recent = load_articles(
        f"{site.base}/feed.rss", fetcher=fetcher(tmp_path, since="2026-11-30", limit=1)
    )
    assert [a.source for a in recent] == ["The Harbour Post"]


def test_atom_feed_and_local_feed_file(site: Site, tmp_path: Path) -> None:
    [article] = load_articles(f"{site.base}/feed.atom", fetcher=fetcher(tmp_path))
    assert article.source == "Valley Radio"
    feed = tmp_path / "saved.rss"
    feed.write_bytes(site.feed_rss())
    articles = load_articles(feed, fetcher=fetcher(tmp_path, limit=2))
    assert len(articles) == 2


def test_sitemap_lists_its_pages() -> None:
    sitemap = (
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>http://127.0.0.1/a</loc><lastmod>2026-12-01</lastmod></url>"
        b"<url><loc>http://127.0.0.1/b</loc><lastmod>2026-12-02</lastmod></url></urlset>"
    )
    assert feed_links(sitemap) == ["http://127.0.0.1/b", "http://127.0.0.1/a"]


def test_second_run_makes_no_request_and_offline_uses_the_cache(site: Site, tmp_path: Path) -> None:
    url = f"{site.base}/news/bridge-b"
    first = load_articles(url, fetcher=fetcher(tmp_path))
    hits = sum(site.hits.values())
    second = load_articles(url, fetcher=fetcher(tmp_path))
    assert sum(site.hits.values()) == hits
    assert second == first
    offline = load_articles(url, fetcher=fetcher(tmp_path, offline=True))
    assert offline == first
    with pytest.raises(FetchError, match=r"not in the download cache"):
        load_articles(f"{site.base}/news/bridge-c", fetcher=fetcher(tmp_path, offline=True))
    assert sum(site.hits.values()) == hits


def test_stale_cache_entry_is_revalidated_with_its_etag(site: Site, tmp_path: Path) -> None:
    url = f"{site.base}/news/bridge-c"
    first = load_articles(url, fetcher=fetcher(tmp_path))
    again = load_articles(url, fetcher=fetcher(tmp_path, max_age=0))
    assert site.hits["/news/bridge-c"] == 2  # asked again, answered 304
    assert again[0].text == first[0].text
    assert again[0].metadata["fetched_at"] == first[0].metadata["fetched_at"]


@pytest.mark.parametrize(("enabled", "shown"), [(True, True), (False, False), (None, False)])
def test_fetch_bar_follows_the_progress_switch(
    site: Site,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    enabled: bool | None,
    shown: bool,
) -> None:
    """summarize.progress turns the fetch bar on and off; by default (stderr not a terminal,
    as in a notebook) four pages draw nothing."""
    urls = [f"{site.base}/news/{name}" for name in ("bridge-a", "bridge-b", "bridge-c")]
    with progress_bars(enabled):
        pages = fetcher(tmp_path).fetch_many([*urls, f"{site.base}/news/bridge-old"])
    assert not any(isinstance(page, FetchError) for page in pages)
    assert ("fetching" in capsys.readouterr().err.lower()) is shown


def test_cli_briefs_urls_with_sources_from_the_pages(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SUMMARIZE_WEB_CACHE", str(tmp_path / "web-cache"))
    # The three test pages share one body (near-copies, one family by default); this test is
    # about each page's own metadata, so each stays an outlet of its own.
    urls = [f"{site.base}/news/bridge-{name}" for name in "abc"]
    out = tmp_path / "briefing.json"
    assert main(["-q", "brief", *urls, "--keep-copies", "-o", str(out)]) == 0
    import json

    data = json.loads(out.read_text(encoding="utf-8"))
    articles = data["articles"]
    assert [a["source"] for a in articles] == ["Riverton Daily", "The Harbour Post", "Valley Radio"]
    assert [a["url"] for a in articles] == urls
    assert [a["published"] for a in articles] == ["2026-12-01", "2026-12-02", "2026-12-02"]
    assert all(a["metadata"]["fetched_at"] for a in articles)
    hits = sum(site.hits.values())
    assert main(["-q", "brief", *urls, "--keep-copies", "--offline"]) == 0
    markdown = capsys.readouterr().out
    assert sum(site.hits.values()) == hits
    assert "Riverton closes harbour bridge (bridge-b)" in markdown
    assert f"{site.base}/news/bridge-c" in markdown
    assert re.search(r"fetched \d{1,2} \w+ 20\d\d, \d\d:\d\d UTC", markdown)  # a human date
    page = tmp_path / "briefing.html"
    assert main(["-q", "brief", *urls, "--keep-copies", "--offline", "-o", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert f'<a href="{site.base}/news/bridge-a"' in html
    assert re.search(r"fetched \d{1,2} \w+ 20\d\d, \d\d:\d\d UTC", html)
    assert sum(site.hits.values()) == hits


def test_cli_reports_a_bad_url_in_one_line(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SUMMARIZE_WEB_CACHE", str(tmp_path / "web-cache"))
    assert main(["brief", f"{site.base}/missing", f"{site.base}/news/bridge-a"]) == 1
    err = capsys.readouterr().err
    assert "/missing answered HTTP 404" in err
    assert "Traceback" not in err
