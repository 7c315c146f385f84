"""Hostile metadata for LOADING: YAML alias bombs, lists and mappings where one value belongs,
oversized values, parser limits, control characters in labels.

Every case asserts the typed error (naming the file) or the correct result, and that the rest
of the folder still loads with ``errors="skip"``. Inputs are built here, in ``tmp_path``;
arbitrary structures: ``test_bad_input_properties.py``.
"""

from __future__ import annotations

import json
import logging
import time

import pytest

from summarize import load_articles
from summarize.errors import (
    ArticleError,
    DecodingError,
    FileAccessError,
    GeneratedFileError,
    MetadataError,
    NotRegularFileError,
    SummarizeError,
    UnsupportedFormatError,
)
from tests._bad_input import (
    STORY,
    assert_rest_loads,
    finishes,
    good_folder,
    raises_naming,
)

# --------------------------------------------------------------------------- metadata


# 664 bytes: nine levels of aliases, each nine times the one before (9**9 leaves).
ALIAS_BOMB = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
    "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
    "source: *i\n"
)


def test_alias_bomb_in_front_matter_fails_fast(tmp_path, caplog):
    folder = good_folder(tmp_path)
    bomb = folder / "bomb.md"
    bomb.write_text(f"---\n{ALIAS_BOMB}---\n{STORY}", encoding="utf-8")
    start = time.perf_counter()
    error = raises_naming(MetadataError, "bomb.md", lambda: load_articles(bomb))
    assert time.perf_counter() - start < 30  # not an assertion on speed: a guard against hangs
    assert "alias" in str(error)
    assert_rest_loads(folder, "bomb.md", caplog)


def test_alias_bomb_in_sources_yaml_fails_fast(tmp_path):
    folder = good_folder(tmp_path)
    (folder / "sources.yaml").write_text(
        ALIAS_BOMB.replace("source: *i\n", "good.txt: {source: *i}\n"), encoding="utf-8"
    )
    error = finishes(
        lambda: raises_naming(MetadataError, "sources.yaml", lambda: load_articles(folder))
    )
    assert "alias" in str(error)


def test_lists_and_mappings_in_front_matter_are_refused(tmp_path, caplog):
    folder = good_folder(tmp_path)
    path = folder / "tagged.md"
    path.write_text(f"---\nsource: Courier\ntags: [floods, rain]\n---\n{STORY}", encoding="utf-8")
    error = raises_naming(MetadataError, "tagged.md", lambda: load_articles(path))
    assert error.key == "tags" and "'tags' is a list" in str(error)
    path.write_text(f"---\nsource: {{name: Courier}}\n---\n{STORY}", encoding="utf-8")
    error = raises_naming(MetadataError, "tagged.md", lambda: load_articles(path))
    assert error.key == "source" and "mapping" in str(error)
    assert_rest_loads(folder, "tagged.md", caplog)


def test_front_matter_values_are_text(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        f"---\nsource: Courier\npublished: 2016-08-02\npage: 7\n---\n{STORY}", encoding="utf-8"
    )
    [article] = load_articles(path)
    assert article.source == "Courier" and article.published == "2016-08-02"
    assert article.metadata == {"page": "7"}


def test_sidecar_entry_with_a_list_fails_that_file_only(tmp_path, caplog):
    folder = good_folder(tmp_path)
    (folder / "other.txt").write_text(STORY.replace("Sunday", "Monday"), encoding="utf-8")
    (folder / "sources.yaml").write_text(
        "good.txt: {source: Courier}\nother.txt: {source: [Herald, Post]}\n", encoding="utf-8"
    )
    error = raises_naming(MetadataError, "sources.yaml", lambda: load_articles(folder))
    assert "other.txt" in str(error) and error.key == "source"
    with caplog.at_level(logging.WARNING, logger="summarize.inputs"):
        articles = load_articles(folder, errors="skip")
    assert [a.source for a in articles] == ["Courier"]
    assert "other.txt" in caplog.text


def test_metadata_size_caps(tmp_path, caplog):
    folder = good_folder(tmp_path)
    huge_value = folder / "value.md"
    huge_value.write_text(f"---\ntitle: {'x' * 20_000}\n---\n{STORY}", encoding="utf-8")
    raises_naming(MetadataError, "value.md", lambda: load_articles(huge_value))
    huge_block = folder / "block.md"
    lines = "".join(f"k{i}: {'y' * 50}\n" for i in range(2_000))  # ~110 KB of front matter
    huge_block.write_text(f"---\n{lines}---\n{STORY}", encoding="utf-8")
    raises_naming(MetadataError, "block.md", lambda: load_articles(huge_block))
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="summarize.inputs"):
        articles = load_articles(folder, errors="skip")
    assert [a.path.name for a in articles] == ["good.txt"]
    assert "value.md" in caplog.text and "block.md" in caplog.text


@pytest.mark.parametrize(
    ("record", "key"),
    [
        ('{"text": ["a", "b"]}', "text"),
        ('{"text": NaN}', "text"),
        ('{"text": 12}', "text"),
        ('{"text": ' + json.dumps(STORY) + ', "title": NaN}', "title"),
        ('{"text": ' + json.dumps(STORY) + ', "source": ["a"]}', "source"),
    ],
    ids=["list-text", "nan-text", "number-text", "nan-title", "list-source"],
)
def test_json_fields_must_be_single_values(tmp_path, caplog, record, key):
    folder = good_folder(tmp_path)
    path = folder / "feed.json"
    path.write_text(record, encoding="utf-8")
    error = raises_naming(MetadataError, "feed.json", lambda: load_articles(path))
    assert error.key == key
    assert "['a', 'b']" not in str(error)
    assert_rest_loads(folder, "feed.json", caplog)


def test_json_nested_extras_are_left_out_with_a_log_line(tmp_path, caplog):
    path = tmp_path / "newsapi.json"
    record = {
        "source": {"id": None, "name": "Courier"},
        "title": "Flood warnings",
        "content": STORY,
        "tags": ["floods"],
        "media": {"image": "x.png"},
        "words": 40,
    }
    path.write_text(json.dumps(record), encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="summarize.inputs"):
        [article] = load_articles(path)
    assert article.source == "Courier" and article.metadata == {"words": "40"}
    assert "tags" in caplog.text and "media" in caplog.text


# --------------------------------------------------------------------------- parsers


@pytest.mark.parametrize(
    ("name", "content", "error_type"),
    [
        ("deep.json", "[" * 100_000 + "]" * 100_000, UnsupportedFormatError),
        ("deep.jsonl", '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n", UnsupportedFormatError),
        (
            "digits.json",
            '{"text": "Hello there.", "words": ' + "7" * 5000 + "}",
            UnsupportedFormatError,
        ),
        (
            "surrogate.json",
            '{"text": "Flood \\ud800 warnings today in the valley."}',
            DecodingError,
        ),
        ("surrogate-title.json", '{"text": "Floods.", "title": "\\udfff"}', DecodingError),
        ("deep.md", "---\nsource: " + "[" * 5000 + "]" * 5000 + "\n---\n" + STORY, MetadataError),
        ("digits.md", "---\npage: " + "9" * 5000 + "\n---\n" + STORY, MetadataError),
    ],
)
def test_parser_limits_are_typed_errors(tmp_path, caplog, name, content, error_type):
    folder = good_folder(tmp_path)
    path = folder / name
    path.write_text(content, encoding="utf-8")
    error = raises_naming(error_type, name, lambda: load_articles(path))
    assert isinstance(error, ArticleError)
    str(error).encode("utf-8")
    assert_rest_loads(folder, name, caplog)


# --------------------------------------------------------------------------- labels


def test_control_characters_are_stripped_from_sources_and_titles(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        '---\nsource: "Dai\\u200bly \\u202eteN\\u202c Planet\\u2066"\n'
        'title: "\\u200fFlood\\u00ad warnings\\ufeff"\n---\n' + STORY,
        encoding="utf-8",
    )
    [article] = load_articles(path)
    assert article.source == "Daily teN Planet"
    assert article.title == "Flood warnings"


def test_every_error_is_a_summarize_error():
    for error_type in (FileAccessError, NotRegularFileError, MetadataError, GeneratedFileError):
        assert issubclass(error_type, ArticleError) and issubclass(error_type, SummarizeError)


def test_direction_overrides_and_zero_width_spaces_leave_article_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "Flood warnings\n\nHeavy rain caused the river to burst its \u202ebanks\u202c on "
        "Sun\u200bday night.\n\nThe mayor of Mashhad said "
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u062f.",
        encoding="utf-8",
    )
    [article] = load_articles(path)
    assert article.sentences[0] == "Heavy rain caused the river to burst its banks on Sunday night."
    assert "\u200c" in article.sentences[1]  # the Persian zero-width non-joiner is kept
