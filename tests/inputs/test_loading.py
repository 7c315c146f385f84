"""load_articles on the bundled story, on every supported format, and on raw strings."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from summarize import Article, load_articles
from summarize.inputs.loading import article_from_text, load_file

BODY = (
    "The city council approved a new bridge across the river on Tuesday.\n\n"
    "Officials said construction would start next spring and cost 40 million dollars.\n\n"
    "Critics said the money would be better spent on buses."
)


def _non_blank_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# --------------------------------------------------------------------------- bundled story


def test_bundled_story_sources_titles_and_order(bundled_articles, story_dir):
    assert [a.source for a in bundled_articles] == [
        "Unknown outlet (file 000)",
        "The Week",
        "The Military Army Blog",
    ]
    assert bundled_articles[1].title == "Will UK-Russia relations improve under Theresa May?"
    assert [a.path.name for a in bundled_articles] == sorted(
        p.name for p in story_dir.glob("*.txt")
    )
    assert all(isinstance(a, Article) for a in bundled_articles)


def test_bundled_001_boilerplate_removed_and_recorded(bundled_articles):
    week = bundled_articles[1]
    for junk in (
        "Sign up for The Week",
        "From our morning news briefing",
        "Crossword:",
        "Mall World",
    ):
        assert junk not in week.text
        assert any(junk in line for line in week.removed)
    assert "The Kremlin issued a similar statement" in week.text
    assert any(s.startswith("The Kremlin issued a similar statement") for s in week.sentences)


def test_bundled_002_comment_form_removed_and_recorded(bundled_articles):
    blog = bundled_articles[2]
    for junk in ("Leave a Reply", "email address will not be published"):
        assert junk not in blog.text
        assert any(junk in line for line in blog.removed)
    assert "commemoration of the Arctic aid convoys" in blog.text


@pytest.mark.parametrize("index", [0, 1, 2])
def test_bundled_nothing_lost(bundled_articles, index):
    """Every word of the file is kept or in ``removed``: whole lines, or pieces cut out of a
    kept line (a watermark, a photo credit), each with its reason."""
    article = bundled_articles[index]
    lines = _non_blank_lines(article.path)
    kept = article.text.split("\n\n")
    assert len(article.removed_reasons) == len(article.removed)
    words = sorted(w for line in lines for w in line.split())
    assert sorted(w for part in kept + list(article.removed) for w in part.split()) == words
    # ...and each removed piece comes from the file, in file order.
    remaining = iter(lines)
    assert all(any(piece in candidate for candidate in remaining) for piece in article.removed)


def test_single_file_uses_the_folders_sidecar(story_dir):
    [article] = load_articles(story_dir / "001_9c000621c53215f0.txt")
    assert article.source == "The Week"
    assert load_file(story_dir / "002_a1fe7333d55f6bad.txt")[0].source == "The Military Army Blog"


def test_directory_as_string_and_list_of_paths_agree(story_dir):
    from_dir = load_articles(str(story_dir))
    from_list = load_articles(sorted(story_dir.glob("*.txt")))
    assert from_dir == from_list


# --------------------------------------------------------------------------- formats


def test_txt_first_line_is_title_and_stem_is_neutral_source(tmp_path):
    path = tmp_path / "bridge-story.txt"
    path.write_text("Council approves bridge\n\n" + BODY, encoding="utf-8")
    [article] = load_articles(path)
    assert article.title == "Council approves bridge"
    assert article.source == "bridge-story"
    assert article.removed == ("Council approves bridge",)
    assert article.sentences[0] == (
        "The city council approved a new bridge across the river on Tuesday."
    )
    assert article.path == path


def test_markdown_front_matter(tmp_path):
    path = tmp_path / "story.md"
    path.write_text(
        "---\nsource: Daily Planet\ntitle: Bridge approved\nurl: https://example.com/b\n"
        "published: 2016-07-26\nauthor: Lois Lane\n---\n"
        "# Bridge approved\n\n"
        "The **city council** approved a [new bridge](https://x.y) on Tuesday.\n"
        "\n- Officials said construction would start next spring.\n",
        encoding="utf-8",
    )
    [article] = load_articles(path)
    assert (article.source, article.title) == ("Daily Planet", "Bridge approved")
    assert article.url == "https://example.com/b"
    assert article.published == "2016-07-26"
    assert article.metadata["author"] == "Lois Lane"
    assert article.sentences == (
        "The city council approved a new bridge on Tuesday.",
        "Officials said construction would start next spring.",
    )
    assert "Bridge approved" in article.removed


def test_markdown_without_front_matter_takes_first_heading(tmp_path):
    path = tmp_path / "plain.md"
    path.write_text("# Bridge approved\n\n" + BODY, encoding="utf-8")
    [article] = load_articles(path)
    assert article.title == "Bridge approved"
    assert article.source == "plain"
    assert len(article.sentences) == 3


def test_json_record_and_list_and_wrapper(tmp_path):
    record = {
        "title": "Bridge",
        "body": BODY,
        "source": {"name": "Planet"},
        "publishedAt": "2016-08-11T09:00:00Z",
    }
    (tmp_path / "one.json").write_text(json.dumps(record), encoding="utf-8")
    (tmp_path / "many.json").write_text(
        json.dumps({"articles": [{"text": BODY, "source": "A"}, {"content": BODY, "outlet": "B"}]}),
        encoding="utf-8",
    )
    articles = load_articles(tmp_path)
    assert [a.source for a in articles] == ["A", "B", "Planet"]
    assert articles[2].title == "Bridge"
    assert articles[2].published == "2016-08-11T09:00:00+00:00"
    assert all(len(a.sentences) == 3 for a in articles)


def test_jsonl_records(tmp_path):
    path = tmp_path / "feed.jsonl"
    rows = [
        {"text": BODY, "title": "One", "url": "https://a.example/1"},
        {"text": BODY.replace("Tuesday", "Friday"), "title": "Two"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    articles = load_articles(path)
    assert [a.source for a in articles] == ["feed #1", "feed #2"]
    assert [a.title for a in articles] == ["One", "Two"]
    assert articles[0].url == "https://a.example/1"
    assert "Friday" in articles[1].text


def test_html_main_text_title_and_site_name(tmp_path):
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY.split("\n\n"))  # three real paragraphs
    html = (
        "<html><head><title>Bridge approved | Daily Planet</title>"
        '<meta property="og:site_name" content="Daily Planet">'
        "<style>p { color: red }</style><script>var tracking = 'do not read me';</script></head>"
        '<body><nav><a href="/">Home</a><a href="/world">World news</a></nav>'
        f"<article><h1>Bridge approved</h1>{paragraphs}</article>"
        "<footer>Copyright 2016 Daily Planet. All rights reserved.</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    [article] = load_articles(path)
    assert article.source == "Daily Planet"
    assert article.title.startswith("Bridge approved")
    assert article.sentences == tuple(BODY.split("\n\n"))
    for junk in ("tracking", "color", "World news", "All rights reserved"):
        assert junk not in article.text


def test_sidecar_overrides_file_metadata(tmp_path):
    (tmp_path / "a.md").write_text("---\nsource: Wrong\n---\n" + BODY, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(
        "a.md:\n  source: Right\n  title: Chosen title\n  note: checked by hand\n", encoding="utf-8"
    )
    [article] = load_articles(tmp_path)
    assert (article.source, article.title) == ("Right", "Chosen title")
    assert article.metadata == {"note": "checked by hand"}


# --------------------------------------------------------------------------- raw strings


def test_list_of_raw_strings():
    articles = load_articles([BODY, "Bridge vote\n" + BODY.replace("Tuesday", "Monday")])
    assert [a.source for a in articles] == ["text 1", "text 2"]
    assert articles[0].path is None
    assert articles[1].title == "Bridge vote"
    assert articles[1].removed == ("Bridge vote",)
    assert articles[0].title.startswith("The city council approved")


def test_single_raw_string_with_enough_words():
    [article] = load_articles("The council approved a new bridge on Tuesday after a long debate.")
    assert article.sentences == (
        "The council approved a new bridge on Tuesday after a long debate.",
    )


def test_article_from_text_keeps_first_line_when_told():
    article = article_from_text(
        "Short line\nSecond line here.", source="X", first_line_is_title=False
    )
    assert article.sentences == ("Short line", "Second line here.")
    assert article.source == "X"


def test_mixed_list_of_paths_and_text(story_dir):
    articles = load_articles([story_dir / "001_9c000621c53215f0.txt", BODY])
    assert [a.source for a in articles] == ["The Week", "text 1"]


def test_duplicate_sources_get_numbered(tmp_path):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.md").write_text(
            f"---\nsource: Planet\n---\n{BODY}\n{name} extra line here.", encoding="utf-8"
        )
    assert [a.source for a in load_articles(tmp_path)] == ["Planet", "Planet (2)", "Planet (3)"]


def test_identical_articles_are_kept_with_a_warning(tmp_path, caplog):
    (tmp_path / "a.txt").write_text("Title\n" + BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title\n" + BODY, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="summarize.inputs"):
        articles = load_articles(tmp_path)
    assert [a.source for a in articles] == ["a", "b"]
    assert articles[0].text == articles[1].text
    assert "same text" in caplog.text


# --- Headline detection (issue 15): a first line is a headline only when it looks like one.

_BODY = (
    "Wardens found the animal near the park's eastern gate on Monday morning.\n\n"
    "A post-mortem examination will be carried out this week, officials said."
)


@pytest.mark.parametrize(
    "first_line",
    [
        "Kenya's celebrity lion Juma is dead.",  # a lead sentence, not a headline
        "The park's best-known lion has died, wardens said on Monday!",
        "Wardens said the lion, the park's best known, died overnight after a long illness "
        "that vets had treated for weeks.",  # too long for a headline
    ],
)
def test_txt_lead_sentence_is_body_text_not_a_headline(tmp_path, first_line):
    path = tmp_path / "lion.txt"
    path.write_text(f"{first_line}\n\n{_BODY}", encoding="utf-8")
    [article] = load_articles(path)
    assert article.sentences[0] == first_line
    assert first_line not in article.removed
    assert "headline" not in article.removed_reasons


@pytest.mark.parametrize(
    "first_line",
    ["Celebrity lion Juma dies in Kenyan park", "Is the park safe for its lions?"],
)
def test_txt_headline_is_taken_and_is_not_a_lead_sentence(tmp_path, first_line):
    path = tmp_path / "lion.txt"
    path.write_text(f"{first_line}\n\n{_BODY}", encoding="utf-8")
    [article] = load_articles(path)
    assert article.title == first_line
    assert article.sentences[0].startswith("Wardens found")
    assert first_line not in article.sentences
    assert (first_line, "headline") in set(
        zip(article.removed, article.removed_reasons, strict=True)
    )


def test_raw_string_lead_sentence_is_kept():
    [article] = load_articles([f"Kenya's celebrity lion Juma is dead.\n{_BODY}"])
    assert article.sentences[0] == "Kenya's celebrity lion Juma is dead."
