"""A ``.jsonl`` file is read line by line (issue 28, item 7): a broken line is reported with its
number and its problem and does not cost the other lines; the message is not wrapped twice.

Without ``errors="skip"`` the file raises, naming the file and the first broken line; with it
(``--skip-bad``) the broken lines are skipped with a warning each and the rest load.
"""

from __future__ import annotations

import json
import logging

import pytest

from summarize import load_articles
from summarize.cli import main
from summarize.errors import ArticleError, EmptyArticleError, MetadataError, UnsupportedFormatError

GOOD = [
    {"source": "Alpha", "text": "Heavy rain caused the river to burst its banks on Sunday night."},
    {"source": "Beta", "text": "Hundreds of homes were evacuated, the fire service said today."},
    {"source": "Gamma", "text": "Forecasters expect more rain to fall on Tuesday and Wednesday."},
]
LINES = [json.dumps(record) for record in GOOD]

#: Each class of broken line, with the error it raises on its own.
BROKEN = {
    "syntax": ('{"source": "X", "text": "unterminated', UnsupportedFormatError),
    "truncated": ('{"source": "X", "te', UnsupportedFormatError),
    "list": ("[1, 2, 3]", UnsupportedFormatError),
    "string": ('"just a string"', UnsupportedFormatError),
    "number": ("42", UnsupportedFormatError),
    "no text": ('{"title": "Only a title"}', EmptyArticleError),
    "text is a list": ('{"text": ["one", "two"]}', MetadataError),
    "nan": ('{"text": "Rain fell on the valley all night long.", "score": NaN}', MetadataError),
    "deep": ('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}", UnsupportedFormatError),
    "digits": ('{"text": "Rain fell.", "n": ' + "7" * 5000 + "}", UnsupportedFormatError),
}


def write(tmp_path, lines: list[str], *, ending: str = "\n", bom: bool = False):
    path = tmp_path / "feed.jsonl"
    data = ending.join(lines).encode("utf-8")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


@pytest.mark.parametrize("position", [0, 1, 3])  # start, middle, end (no final line break)
@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_a_broken_line_is_skipped_with_skip_and_named_without(tmp_path, caplog, kind, position):
    line, error_type = BROKEN[kind]
    lines = [*LINES[:position], line, *LINES[position:]]
    path = write(tmp_path, lines)
    number = position + 1
    with pytest.raises(error_type) as info:
        load_articles(path)
    message = str(info.value)
    assert f"'{path}' line {number}" in message
    assert message.count(str(path)) == 1  # not wrapped twice
    assert "--skip-bad" in message
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="summarize"):
        articles = load_articles(path, errors="skip")
    assert [a.source for a in articles] == ["Alpha", "Beta", "Gamma"]
    assert f"line {number}" in caplog.text and "Skipped" in caplog.text


def test_blank_lines_crlf_and_byte_order_marks(tmp_path):
    lines = ["", LINES[0], "   ", "\ufeff" + LINES[1], "", LINES[2], ""]
    for ending in ("\n", "\r\n"):
        path = write(tmp_path, lines, ending=ending, bom=True)
        assert [a.source for a in load_articles(path)] == ["Alpha", "Beta", "Gamma"]


def test_a_line_separator_inside_a_string_keeps_the_record_whole(tmp_path):
    record = {"source": "Delta", "text": "Rain fell all night.\u2028The river rose by dawn."}
    path = write(tmp_path, [LINES[0], json.dumps(record, ensure_ascii=False), LINES[1]])
    assert [a.source for a in load_articles(path)] == ["Alpha", "Delta", "Beta"]


def test_line_numbers_count_blank_lines_and_labels_stay_stable(tmp_path, caplog):
    unlabelled = [json.dumps({"text": record["text"]}) for record in GOOD]
    path = write(tmp_path, [unlabelled[0], "", "{broken", unlabelled[1], unlabelled[2]])
    with pytest.raises(UnsupportedFormatError, match="line 3 is not valid JSON"):
        load_articles(path)
    with caplog.at_level(logging.WARNING, logger="summarize"):
        articles = load_articles(path, errors="skip")
    # Labels number the records as they stand in the file, broken ones included.
    assert [a.source for a in articles] == ["feed #1", "feed #3", "feed #4"]


def test_several_broken_lines_are_counted_and_every_one_reported(tmp_path, caplog):
    path = write(tmp_path, ["{bad", LINES[0], "[1]", LINES[1], '{"title": "x"}'])
    with pytest.raises(ArticleError) as info:
        load_articles(path)
    assert "line 1" in str(info.value) and "3 of its 5 records" in str(info.value)
    with caplog.at_level(logging.WARNING, logger="summarize"):
        articles = load_articles(path, errors="skip")
    assert [a.source for a in articles] == ["Alpha", "Beta"]
    for number in (1, 3, 5):
        assert f"line {number} " in caplog.text


def test_a_file_of_only_broken_lines_is_one_skipped_file(tmp_path, caplog):
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD[0]["text"], encoding="utf-8")
    write(folder, ["{bad", "[1]"])
    with caplog.at_level(logging.WARNING, logger="summarize"):
        articles = load_articles(folder, errors="skip")
    assert [a.path.name for a in articles] == ["good.txt"]
    assert "feed.jsonl' line 1" in caplog.text


def test_cli_names_the_line_once_without_skip_bad(tmp_path, capsys):
    path = write(tmp_path, [LINES[0], "{broken", LINES[1]])
    assert main(["compare", str(path), "--no-progress"]) == 1
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if line.startswith("summarize: error:")]
    assert len(errors) == 1, err
    assert "line 2 is not valid JSON" in errors[0]
    assert "cannot be read as JSON" not in errors[0] and errors[0].count("feed.jsonl") == 1
    assert "--skip-bad" in err
