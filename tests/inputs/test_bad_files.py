"""Bad input for LOADING: each case gives a correct result or a typed error naming the file.

Inputs are generated in ``tmp_path`` (large ones are never stored in the repo).
Pipeline-level bad input (compare, summarise, brief) is tested elsewhere.
"""

from __future__ import annotations

import codecs
import logging
import random
import zlib

import pytest

from summarize import load_articles
from summarize.errors import (
    ArticleError,
    ArticleLoadErrors,
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryFileError,
    DecodingError,
    EmptyArticleError,
    UnsupportedFormatError,
)

STORY = (
    "Flood warnings\n\n"
    "Heavy rain caused the river to burst its banks on Sunday night.\n\n"
    "Hundreds of homes were evacuated, the fire service said.\n\n"
    "Forecasters expect more rain on Tuesday."
)


def _png_bytes() -> bytes:
    """A real 1x1 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = (1).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _assert_names_file(error: ArticleError, path) -> None:
    assert str(path) in str(error)
    assert error.path is not None and error.path.name == path.name


# --------------------------------------------------------------------------- typed errors


def test_missing_path(tmp_path):
    path = tmp_path / "nope.txt"
    with pytest.raises(ArticleNotFoundError) as info:
        load_articles(path)
    _assert_names_file(info.value, path)
    assert "Check the path" in str(info.value)


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  \r\n", b"\xef\xbb\xbf  \n"])
def test_empty_and_whitespace_only(tmp_path, content):
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyArticleError) as info:
        load_articles(path)
    _assert_names_file(info.value, path)
    assert "empty" in str(info.value)


def test_png_renamed_txt_is_binary(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(_png_bytes())
    with pytest.raises(BinaryFileError) as info:
        load_articles(path)
    _assert_names_file(info.value, path)
    assert "PNG image" in str(info.value)


def test_nul_bytes_are_binary(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_bytes(b"Some text\x00\x01\x02 and then binary \x00\xff\xfe garbage" * 10)
    with pytest.raises(BinaryFileError) as info:
        load_articles(path)
    _assert_names_file(info.value, path)


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "garbled.txt"
    rng = random.Random(0)
    path.write_bytes(
        bytes(rng.choice([*range(1, 9), *range(14, 32), 0x81, 0x8D]) for _ in range(500))
    )
    with pytest.raises(DecodingError) as info:
        load_articles(path)
    _assert_names_file(info.value, path)
    assert "UTF-8" in str(info.value)


def test_all_boilerplate_article(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_text(
        "Daily Planet\n"
        "Sign up for our free newsletter\n"
        "Get the best stories delivered to your inbox.\n"
        "Advertisement\n"
        "Leave a Reply\n"
        "Your email address will not be published. Required fields are marked *\n"
        "© 2024 Daily Planet. All rights reserved.\n",
        encoding="utf-8",
    )
    with pytest.raises(EmptyArticleError) as info:
        load_articles(path)
    _assert_names_file(info.value, path)
    assert "boilerplate" in str(info.value)


def test_too_large_file(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text(STORY * 50, encoding="utf-8")
    with pytest.raises(ArticleTooLargeError) as info:
        load_articles(path, max_bytes=1000)
    _assert_names_file(info.value, path)
    assert "max_bytes" in str(info.value)


def test_invalid_json(tmp_path):
    path = tmp_path / "feed.json"
    path.write_text('{"text": "unterminated', encoding="utf-8")
    with pytest.raises(UnsupportedFormatError) as info:
        load_articles(path)
    _assert_names_file(info.value, path)


def test_json_record_without_text(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"title": "Only a title"}\n', encoding="utf-8")
    with pytest.raises(EmptyArticleError) as info:
        load_articles(path)
    _assert_names_file(info.value, path)
    assert "'text'" in str(info.value)


def test_directory_without_articles(tmp_path):
    (tmp_path / "README.md").write_text("# Notes\n", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(_png_bytes())
    with pytest.raises(EmptyArticleError) as info:
        load_articles(tmp_path)
    assert str(tmp_path) in str(info.value)


# --------------------------------------------------------------------------- several bad files


def _folder_with_bad_files(tmp_path):
    (tmp_path / "a_good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_image.txt").write_bytes(_png_bytes())
    (tmp_path / "d_good.md").write_text("---\nsource: Courier\n---\n" + STORY, encoding="utf-8")
    return ["b_empty.txt", "c_image.txt"]


def test_directory_reports_every_bad_file(tmp_path):
    bad = _folder_with_bad_files(tmp_path)
    with pytest.raises(ArticleLoadErrors) as info:
        load_articles(tmp_path)
    message = str(info.value)
    assert all(name in message for name in bad)
    assert "errors='skip'" in message
    assert [type(e) for e in info.value.errors] == [EmptyArticleError, BinaryFileError]


def test_directory_skips_bad_files_when_asked(tmp_path, caplog):
    bad = _folder_with_bad_files(tmp_path)
    with caplog.at_level(logging.WARNING, logger="summarize.inputs.loading"):
        articles = load_articles(tmp_path, errors="skip")
    assert [a.source for a in articles] == ["a_good", "Courier"]
    assert all(name in caplog.text for name in bad)
    assert "Skipped" in caplog.text


def test_skip_still_raises_when_nothing_loads(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b" \n")
    with pytest.raises(ArticleLoadErrors):
        load_articles(tmp_path, errors="skip")


def test_list_with_a_missing_path_and_good_text(tmp_path):
    with pytest.raises(ArticleNotFoundError):
        load_articles([STORY, tmp_path / "missing.txt"])
    assert len(load_articles([STORY, tmp_path / "missing.txt"], errors="skip")) == 1


# --------------------------------------------------------------------------- encodings


def test_latin1_file(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Café crème\n\nLe maître d'hôtel a déclaré: « Ça suffit ».".encode("latin-1"))
    [article] = load_articles(path)
    assert article.title == "Café crème"
    assert article.sentences == ("Le maître d'hôtel a déclaré: « Ça suffit ».",)


def test_windows_1252_quotes(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Title\n\nHe said \u201cno\u201d \u2013 twice.".encode("cp1252"))
    assert load_articles(path)[0].text == "He said \u201cno\u201d \u2013 twice."


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", b"")],
    ids=["utf-8-bom", "utf-16-bom", "utf-16-no-bom"],
)
def test_unicode_encodings(tmp_path, encoding, bom):
    path = tmp_path / "story.txt"
    path.write_bytes(bom + STORY.replace("Sunday", "Sunday — in Zürich").encode(encoding))
    [article] = load_articles(path)
    assert article.title == "Flood warnings"  # no BOM character left in front
    assert article.sentences[0] == (
        "Heavy rain caused the river to burst its banks on Sunday — in Zürich night."
    )
    assert len(article.sentences) == 3


# --------------------------------------------------------------------------- odd but valid


def test_100000_word_article(tmp_path):
    rng = random.Random(1)
    vocabulary = [
        "river",
        "flood",
        "council",
        "rain",
        "homes",
        "water",
        "road",
        "bridge",
        "town",
        "people",
        "said",
    ]
    paragraphs = []
    for _ in range(1000):  # 1,000 paragraphs of 100 words
        sentences = [
            " ".join(rng.choice(vocabulary) for _ in range(9)).capitalize() + " today."
            for _ in range(10)
        ]
        paragraphs.append(" ".join(sentences))
    path = tmp_path / "long.txt"
    path.write_text("A very long article\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    [article] = load_articles(path)
    assert article.word_count == 100_000
    # Random paragraphs repeat rarely, so almost everything is kept; all words are accounted for.
    kept_words = sum(len(s.split()) for s in article.sentences)
    removed_words = sum(len(line.split()) for line in article.removed[1:])
    assert kept_words + removed_words == 100_000
    assert len(article.sentences) == 10_000 - removed_words // 10
    assert all(len(s.split()) == 10 for s in article.sentences)


def test_one_enormous_sentence_without_punctuation(tmp_path):
    rng = random.Random(2)
    words = [
        rng.choice(["storm", "wind", "trees", "fell", "across", "the", "valley"])
        for _ in range(5000)
    ]
    path = tmp_path / "runon.txt"
    path.write_text("Storm\n" + " ".join(words), encoding="utf-8")
    [article] = load_articles(path)
    assert all(len(s.split()) <= 80 for s in article.sentences)
    assert " ".join(article.sentences).split() == words


def test_single_article(tmp_path):
    (tmp_path / "only.txt").write_text(STORY, encoding="utf-8")
    articles = load_articles(tmp_path)
    assert len(articles) == 1
    assert articles[0].sentences[-1] == "Forecasters expect more rain on Tuesday."


def test_200_short_articles(tmp_path):
    for i in range(200):
        (tmp_path / f"{i:03d}.md").write_text(
            f"---\nsource: Wire\n---\nStory number {i} says the river rose {i} centimetres.\n",
            encoding="utf-8",
        )
    articles = load_articles(tmp_path)
    assert len(articles) == 200
    assert len({a.source for a in articles}) == 200
    assert articles[0].source == "Wire" and articles[199].source == "Wire (200)"
    assert articles[57].sentences == ("Story number 57 says the river rose 57 centimetres.",)


def test_two_identical_articles(tmp_path, caplog):
    (tmp_path / "one.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "two.txt").write_text(STORY, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="summarize.inputs.loading"):
        articles = load_articles(tmp_path)
    assert [a.source for a in articles] == ["one", "two"]
    assert articles[0].sentences == articles[1].sentences
    assert "same text" in caplog.text


def test_german_article(tmp_path):
    path = tmp_path / "de.txt"
    path.write_text(
        "Hochwasser in Bayern\n\n"
        "Nach tagelangem Regen ist die Donau über die Ufer getreten. Dr. Müller vom "
        "Wetterdienst sagte, es werde weiter regnen. Am Sonntag wurden 300 Häuser geräumt.",
        encoding="utf-8",
    )
    [article] = load_articles(path)
    assert article.title == "Hochwasser in Bayern"
    assert article.sentences == (
        "Nach tagelangem Regen ist die Donau über die Ufer getreten.",
        "Dr. Müller vom Wetterdienst sagte, es werde weiter regnen.",
        "Am Sonntag wurden 300 Häuser geräumt.",
    )


def test_german_sentence_rules_on_request(tmp_path):
    path = tmp_path / "de.txt"
    path.write_text("Titel\n\nEr sprach z. B. über den 3. Oktober. Dann ging er.", encoding="utf-8")
    [article] = load_articles(path, language="de")
    assert article.sentences == ("Er sprach z. B. über den 3. Oktober.", "Dann ging er.")


def test_chinese_article(tmp_path):
    path = tmp_path / "zh.txt"
    path.write_text(
        "洪水警报\n\n周日晚上，大雨导致河水决堤。数百户居民被疏散！预报员预计周二还会下雨。",
        encoding="utf-8",
    )
    [article] = load_articles(path)
    assert article.title == "洪水警报"
    assert article.sentences == (
        "周日晚上，大雨导致河水决堤。",
        "数百户居民被疏散！",
        "预报员预计周二还会下雨。",
    )


def test_chinese_text_without_punctuation_is_cut(tmp_path):
    path = tmp_path / "zh-long.txt"
    text = "河水" * 3000
    path.write_text("标题\n" + text, encoding="utf-8")
    [article] = load_articles(path)
    assert "".join(article.sentences) == text
    assert max(len(s) for s in article.sentences) <= 80 * 12


def test_html_with_scripts_styles_and_nav(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in STORY.split("\n\n")[1:])
    html = f"""<!DOCTYPE html>
<html><head><title>Flood warnings - Riverside Gazette</title>
<meta property="og:site_name" content="Riverside Gazette">
<style>body {{ font-family: sans-serif; }} .promo {{ display: none; }}</style>
<script>window.dataLayer = [{{event: "pageview"}}]; function track() {{ return 1; }}</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<header><div class="promo">Subscribe now for 1 dollar</div></header>
<main><article><h1>Flood warnings</h1>{body}</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Cat rescued from tree</a></li></ul></aside>
<script>track();</script>
<footer>© 2024 Riverside Gazette. All rights reserved.</footer>
</body></html>"""
    path = tmp_path / "flood.html"
    path.write_text(html, encoding="utf-8")
    [article] = load_articles(path)
    assert article.source == "Riverside Gazette"
    assert article.sentences == tuple(STORY.split("\n\n")[1:])
    for junk in ("dataLayer", "font-family", "Sport", "Subscribe", "Cat rescued", "©"):
        assert junk not in article.text


def test_directory_with_readme_and_images(tmp_path, caplog):
    (tmp_path / "README.md").write_text(
        "# About this folder\n\nNotes for editors.", encoding="utf-8"
    )
    (tmp_path / "chart.png").write_bytes(_png_bytes())
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 20)
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="summarize.inputs.loading"):
        articles = load_articles(tmp_path)
    assert [a.source for a in articles] == ["story"]
    assert "chart.png" in caplog.text and "photo.jpg" in caplog.text
    assert "report.pdf" in caplog.text and "cannot be read" in caplog.text
    assert "README" not in caplog.text and ".DS_Store" not in caplog.text
