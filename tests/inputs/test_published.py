"""``Article.published`` is ISO 8601 whatever form the input gave (sidecar, front matter, JSON,
HTML), sorts in pandas, still resolves weekdays in disputes, and reads as a human date in
Markdown and HTML (never a raw "+00:00")."""

from __future__ import annotations

import json
import logging

import pytest

from summarize.comparison.disputes import parse_published
from summarize.inputs.loading import article_from_text, load_articles
from summarize.inputs.metadata_dates import iso_published
from summarize.render.dates import human_date

BODY = (
    "A passenger ferry sank off the northern coast on Tuesday morning, officials said.\n"
    "Thirty-one people died and twelve were rescued by fishing boats.\n"
)


@pytest.mark.parametrize(
    ("given", "iso"),
    [
        ("2024-05-14", "2024-05-14"),
        ("14 May 2024", "2024-05-14"),
        ("Tuesday 14 May 2024", "2024-05-14"),
        ("May 14, 2024 8:00 AM", "2024-05-14T08:00:00"),
        ("2024-05-15 08:00:00+00:00", "2024-05-15T08:00:00+00:00"),
        ("2024-05-15T08:00:00Z", "2024-05-15T08:00:00+00:00"),
        ("2024-05-15T10:30:00.250+02:00", "2024-05-15T10:30:00+02:00"),
        ("Tue, 14 May 2024 08:00:00 GMT", "2024-05-14T08:00:00+00:00"),
        ("1715760000", "2024-05-15T08:00:00+00:00"),
        ("May 2024", None),
        ("last week", None),
        ("", None),
    ],
)
def test_iso_published(given, iso):
    assert iso_published(given) == iso


def test_every_reader_stores_iso(tmp_path):
    (tmp_path / "a.txt").write_text("Ferry sinks\n" + BODY, encoding="utf-8")
    (tmp_path / "b.md").write_text(
        "---\nsource: Harbour Post\ndate: Tue, 14 May 2024 08:00:00 GMT\n---\n" + BODY,
        encoding="utf-8",
    )
    (tmp_path / "c.json").write_text(
        json.dumps({"source": "Wire", "text": BODY, "published": 1715760000}), encoding="utf-8"
    )
    (tmp_path / "d.html").write_text(
        '<html><head><meta property="article:published_time" '
        'content="2024-05-15T10:30:00+02:00"><title>Ferry</title></head><body><article>'
        + "".join(f"<p>{line}</p>" for line in BODY.splitlines())
        + "</article></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "sources.yaml").write_text(
        "a.txt: {source: Coast Times, published: 14 May 2024}\n", encoding="utf-8"
    )
    published = {a.source: a.published for a in load_articles(tmp_path)}
    assert published["Coast Times"] == "2024-05-14"
    assert published["Harbour Post"] == "2024-05-14T08:00:00+00:00"
    assert published["Wire"] == "2024-05-15T08:00:00+00:00"
    assert [v for k, v in published.items() if k not in ("Coast Times", "Harbour Post", "Wire")]
    html = next(v for k, v in published.items() if k not in ("Coast Times", "Harbour Post", "Wire"))
    assert html is not None and html.startswith("2024-05-15")
    # pandas reads the column as times and sorts it (mixed dates and times, mixed offsets).
    import pandas as pd

    times = pd.to_datetime(pd.Series(list(published.values())), format="ISO8601", utc=True)
    assert times.notna().all()
    assert times.sort_values().iloc[0] == pd.Timestamp("2024-05-14", tz="UTC")
    # the disputes read every one (weekdays resolve against the publication date)
    assert all(parse_published(value) is not None for value in published.values())


def test_a_yaml_timestamp_in_the_sidecar(tmp_path):
    (tmp_path / "a.txt").write_text("Ferry sinks\n" + BODY, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(
        "a.txt:\n  published: 2024-05-15 08:00:00+00:00\n", encoding="utf-8"
    )
    assert load_articles(tmp_path)[0].published == "2024-05-15T08:00:00+00:00"


def test_an_unreadable_date_is_left_out_with_one_warning(tmp_path, caplog):
    for name in ("a", "b", "c", "d", "e"):
        (tmp_path / f"{name}.md").write_text(
            f"---\nsource: Outlet {name}\npublished: last week\n---\n{name} {BODY}",
            encoding="utf-8",
        )
    with caplog.at_level(logging.WARNING, logger="summarize.inputs"):
        articles = load_articles(tmp_path)
    assert all(a.published is None for a in articles)
    assert all(a.metadata["published_as_given"] == "last week" for a in articles)
    lines = [r for r in caplog.records if "publication date" in r.getMessage()]
    assert len(lines) == 1
    assert "5 articles" in lines[0].getMessage() and "2 more" in lines[0].getMessage()


def test_article_from_text_normalises_too():
    article = article_from_text(BODY, published="15 May 2024 08:00 +0000")
    assert article.published == "2024-05-15T08:00:00+00:00"


@pytest.mark.parametrize(
    ("iso", "shown"),
    [
        ("2024-05-14", "14 May 2024"),
        ("2024-05-15T08:00:00+00:00", "15 May 2024, 08:00 UTC"),
        ("2024-05-15T10:30:00+02:00", "15 May 2024, 10:30 UTC+02:00"),
        ("2024-05-15T08:00:00", "15 May 2024, 08:00"),
    ],
)
def test_human_date(iso, shown):
    assert human_date(iso) == shown


def test_markdown_html_and_json_show_the_date_each_its_way(embedder):
    from summarize import brief

    articles = [
        article_from_text(BODY, source="Coast Times", published="2024-05-15 08:00:00+00:00"),
        article_from_text(
            BODY.replace("Thirty-one", "Twenty-nine"),
            source="Harbour Post",
            published="14 May 2024",
        ),
    ]
    briefing = brief(articles, embedder=embedder)
    markdown, html = briefing.to_markdown(), briefing.to_html()
    for text in (markdown, html):
        assert "15 May 2024, 08:00 UTC" in text
        assert "14 May 2024" in text
        assert "08:00:00+00:00<" not in text and "published 2024-05-15 08:00" not in text
    assert "+00:00" not in markdown
    data = json.loads(briefing.to_json())
    assert "2024-05-15T08:00:00+00:00" in json.dumps(data)
    assert "2024-05-14" in json.dumps(data)
