"""A table of articles (.csv/.tsv named explicitly): one article per row, or an error that says
which file, which line and what to do."""

from __future__ import annotations

import csv
import logging

import pytest

from summarize import load_articles
from summarize.errors import EmptyArticleError, GeneratedFileError, UnsupportedFormatError

ROWS = [
    ["Source", " Title ", "TEXT", "published", "author"],
    [
        "Harbour Times",
        "Fire in the port",
        "A fire broke out in the harbour on Monday.\n\nTwo ships were damaged, the port said.",
        "2024-05-13",
        "Ann Lee",
    ],
    ["Coast News", "Harbour blaze", "The port fire damaged two ships on Monday.", "", ""],
]


def write_table(path, rows, delimiter=","):
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


@pytest.mark.parametrize(("name", "delimiter"), [("fire.csv", ","), ("fire.tsv", "\t")])
def test_one_article_per_row_with_its_columns(tmp_path, name, delimiter):
    articles = load_articles(write_table(tmp_path / name, ROWS, delimiter))
    assert [a.source for a in articles] == ["Harbour Times", "Coast News"]
    first, second = articles
    assert first.title == "Fire in the port"
    assert first.sentences == (
        "A fire broke out in the harbour on Monday.",
        "Two ships were damaged, the port said.",
    )
    assert first.published == "2024-05-13"
    assert first.metadata["author"] == "Ann Lee"
    assert second.published is None  # an empty cell is no value


def test_a_row_without_text_is_named_by_its_line(tmp_path, caplog):
    path = write_table(tmp_path / "fire.csv", [*ROWS, ["Empty", "No text", "", "", ""]])
    with pytest.raises(EmptyArticleError, match=r"fire.csv' line 6 has no article text"):
        load_articles(path)
    with caplog.at_level(logging.WARNING):
        articles = load_articles(path, errors="skip")
    assert len(articles) == 2
    assert "Loaded 2 of the 3 records" in caplog.text


def test_a_table_without_a_text_column_says_what_is_needed(tmp_path):
    path = write_table(tmp_path / "scores.csv", [["name", "score"], ["A", "1"]])
    with pytest.raises(UnsupportedFormatError) as info:
        load_articles(path)
    message = str(info.value)
    assert "scores.csv' has no column of article text" in message
    assert "'name', 'score'" in message and "text" in message


def test_a_broken_table_names_the_file_and_line(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text('text,title\n"an unclosed quote, here\n', encoding="utf-8")
    with pytest.raises(UnsupportedFormatError, match=r"broken.csv' cannot be read as a table"):
        load_articles(path)


def test_our_own_comparison_table_is_not_taken_for_articles(tmp_path, embedder):
    from summarize.comparison.comparison import compare
    from summarize.render.frames import comparison_frame

    comparison = compare([ROWS[1][2], ROWS[2][2]], embedder=embedder)
    path = tmp_path / "claims.csv"
    comparison_frame(comparison).to_csv(path, index=False)
    with pytest.raises(GeneratedFileError, match="comparison table written by summarize"):
        load_articles(path)


def test_a_folder_is_not_searched_for_tables(tmp_path, caplog):
    write_table(tmp_path / "notes.csv", [["name", "score"], ["A", "1"]])
    (tmp_path / "fire.txt").write_text("A fire broke out in the harbour on Monday.\n")
    with caplog.at_level(logging.WARNING):
        assert [a.source for a in load_articles(tmp_path)] == ["fire"]
    assert "Skipped notes.csv" in caplog.text and "only when named on its own" in caplog.text


def test_column_names_match_whatever_their_case(tmp_path):
    rows = [["publishedAt", "Text", "Outlet"], ["2024-05-13", ROWS[2][2], "Coast News"]]
    [article] = load_articles(write_table(tmp_path / "one.csv", rows))
    assert (article.source, article.published) == ("Coast News", "2024-05-13")
