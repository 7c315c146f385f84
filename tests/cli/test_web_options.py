"""``--limit`` and ``--allow-private`` reach the loader (issue 28: the feed cap and the private
address guard of the web loader, set from the command line).

Offline and with an empty cache, every feed entry fails with its own error naming its URL, so the
number of errors is the number of entries taken.
"""

from __future__ import annotations

import pytest

from summarize import load_articles
from summarize.cli import main
from summarize.cli.parser import build_parser
from summarize.errors import ArticleLoadErrors, InputError
from summarize.inputs.web import Fetcher

ITEMS = "".join(
    f"<item><title>Story {n}</title><link>https://news.example/{n}</link>"
    f"<pubDate>Mon, 0{n} Jun 2026 10:00:00 GMT</pubDate></item>"
    for n in range(1, 6)
)
FEED = f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{ITEMS}</channel></rss>'


@pytest.fixture
def feed(tmp_path):
    path = tmp_path / "feed.rss"
    path.write_text(FEED, encoding="utf-8")
    return path


def entries_taken(call) -> int:
    with pytest.raises(ArticleLoadErrors) as info:
        call()
    return len(info.value.errors)


def test_the_fetcher_carries_the_feed_limit(feed, tmp_path):
    """The limit is the Fetcher's; load_articles refuses it twice over (fetcher and limit)."""

    def fetcher(**options: object) -> Fetcher:
        return Fetcher(offline=True, cache_dir=tmp_path / "cache", **options)  # type: ignore[arg-type]

    assert entries_taken(lambda: load_articles(feed, fetcher=fetcher(limit=2))) == 2
    assert entries_taken(lambda: load_articles(feed, fetcher=fetcher(limit=0))) == 5
    assert entries_taken(lambda: load_articles(feed, fetcher=fetcher(allow_private=True))) == 5
    with pytest.raises(InputError):
        fetcher(limit=-1)
    with pytest.raises(InputError, match="give them to the Fetcher"):
        load_articles(feed, fetcher=fetcher(), limit=2)


def test_cli_limit_and_allow_private(feed, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SUMMARIZE_WEB_CACHE", str(tmp_path / "cache"))
    args = build_parser().parse_args(["compare", str(feed), "--limit", "0", "--allow-private"])
    assert args.limit == 0 and args.allow_private
    assert build_parser().parse_args(["brief"]).allow_private is False
    for extra, taken in ((["--limit", "3"], 3), (["--limit", "0", "--allow-private"], 5)):
        assert main(["compare", str(feed), "--offline", "--no-progress", *extra]) == 1
        err = capsys.readouterr().err
        assert f"{taken} inputs could not be loaded" in err, err
    with pytest.raises(SystemExit):
        build_parser().parse_args(["brief", "--limit", "-1"])
