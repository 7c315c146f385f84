"""Bad files and folders for LOADING: each gives the correct result or a typed error naming
the file, and with ``errors="skip"`` the rest of the folder still loads.

Missing, empty, binary, oversized and unparsable files; folders of bad files; FIFOs, devices,
sockets, links and unreadable folders; our own output; odd but valid sizes and languages.
Inputs are generated in ``tmp_path`` (large ones are never stored in the repo). Encodings:
``test_bad_encodings.py``; metadata: ``test_bad_metadata.py``; past loading:
``tests/pipeline/test_bad_input.py`` and ``tests/cli/test_bad_input.py``.
"""

from __future__ import annotations

import logging
import os
import random
import socket
from pathlib import Path

import pytest

from summarize import load_articles
from summarize.errors import (
    ArticleLoadErrors,
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryFileError,
    EmptyArticleError,
    FileAccessError,
    GeneratedFileError,
    InputError,
    NotRegularFileError,
    SummarizeError,
    UnsupportedFormatError,
)
from tests._bad_input import (
    STORY,
    assert_names_file,
    assert_rest_loads,
    finishes,
    good_folder,
    png_bytes,
    raises_naming,
)

# --------------------------------------------------------------------------- typed errors


def test_missing_path(tmp_path):
    path = tmp_path / "nope.txt"
    with pytest.raises(ArticleNotFoundError) as info:
        load_articles(path)
    assert_names_file(info.value, path)
    assert "Check the path" in str(info.value)


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  \r\n", b"\xef\xbb\xbf  \n"])
def test_empty_and_whitespace_only(tmp_path, content):
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyArticleError) as info:
        load_articles(path)
    assert_names_file(info.value, path)
    assert "empty" in str(info.value)


def test_png_renamed_txt_is_binary(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(png_bytes())
    with pytest.raises(BinaryFileError) as info:
        load_articles(path)
    assert_names_file(info.value, path)
    assert "PNG image" in str(info.value)


def test_rtf_document_is_refused_not_read_as_markup(tmp_path):
    path = tmp_path / "statement.rtf"
    path.write_text(r"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}} The council met on Monday.}")
    with pytest.raises(BinaryFileError) as info:
        load_articles(path)
    assert_names_file(info.value, path)
    assert "RTF" in str(info.value) and "convert it to .txt" in str(info.value)


def test_nul_bytes_are_binary(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_bytes(b"Some text\x00\x01\x02 and then binary \x00\xff\xfe garbage" * 10)
    with pytest.raises(BinaryFileError) as info:
        load_articles(path)
    assert_names_file(info.value, path)


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
    assert_names_file(info.value, path)
    assert "boilerplate" in str(info.value)


def test_a_file_of_links_says_links_are_not_followed(tmp_path):
    path = tmp_path / "to_read.txt"
    path.write_text(
        "https://example.com/news/fire\nwww.example.org/2024/05/flood\n", encoding="utf-8"
    )
    with pytest.raises(EmptyArticleError) as info:
        load_articles(path)
    assert_names_file(info.value, path)
    message = str(info.value)
    assert "'https://example.com/news/fire' (link)" in message  # not taken for a headline
    assert "pass the URLs themselves" in message


def test_a_link_line_inside_an_article_is_removed_and_shown(tmp_path):
    path = tmp_path / "fire.txt"
    path.write_text(
        "Fire in the harbour\n\nA fire broke out in the harbour on Monday.\n"
        "https://t.co/Ab12Cd\nTwo ships were damaged, the port authority said.\n",
        encoding="utf-8",
    )
    [article] = load_articles(path)
    assert article.sentences == (
        "A fire broke out in the harbour on Monday.",
        "Two ships were damaged, the port authority said.",
    )
    assert ("https://t.co/Ab12Cd", "link") in zip(
        article.removed, article.removed_reasons, strict=True
    )


def test_too_large_file(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text(STORY * 50, encoding="utf-8")
    with pytest.raises(ArticleTooLargeError) as info:
        load_articles(path, max_bytes=1000)
    assert_names_file(info.value, path)
    assert "max_bytes" in str(info.value)


def test_invalid_json(tmp_path):
    path = tmp_path / "feed.json"
    path.write_text('{"text": "unterminated', encoding="utf-8")
    with pytest.raises(UnsupportedFormatError) as info:
        load_articles(path)
    assert_names_file(info.value, path)


def test_json_record_without_text(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"title": "Only a title"}\n', encoding="utf-8")
    with pytest.raises(EmptyArticleError) as info:
        load_articles(path)
    assert_names_file(info.value, path)
    assert "'text'" in str(info.value)


def test_directory_without_articles(tmp_path):
    (tmp_path / "README.md").write_text("# Notes\n", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(png_bytes())
    with pytest.raises(EmptyArticleError) as info:
        load_articles(tmp_path)
    assert str(tmp_path) in str(info.value)


def test_short_missing_string_is_a_missing_path():
    with pytest.raises(ArticleNotFoundError, match=r"articles/no-such-story"):
        load_articles("articles/no-such-story")


@pytest.mark.parametrize("bad", [[], b"bytes", [3]])
def test_bad_arguments(bad):
    with pytest.raises(InputError):
        load_articles(bad)


def test_errors_argument_is_checked(story_dir):
    with pytest.raises(InputError, match="errors"):
        load_articles(story_dir, errors="ignore")  # type: ignore[arg-type]


def test_unknown_language_is_a_summarize_error_that_names_it(tmp_path):
    (tmp_path / "a.txt").write_text("A headline\n\nOne sentence here. And another one there.\n")
    with pytest.raises(SummarizeError, match="'xx'"):
        load_articles(tmp_path, language="xx")
    with pytest.raises(SummarizeError, match="'xx'"):
        load_articles(["Raw article text with enough words to count. And more."], language="xx")


# --------------------------------------------------------------------------- several bad files


def _folder_with_bad_files(tmp_path):
    (tmp_path / "a_good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_image.txt").write_bytes(png_bytes())
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
    with caplog.at_level(logging.WARNING, logger="summarize.inputs"):
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


# --------------------------------------------------------------------------- files and links


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_fifo_named_txt_never_blocks(tmp_path, caplog):
    folder = good_folder(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    finishes(lambda: raises_naming(NotRegularFileError, "pipe.txt", lambda: load_articles(folder)))
    finishes(
        lambda: raises_naming(
            NotRegularFileError, "pipe.txt", lambda: load_articles(folder / "pipe.txt")
        )
    )
    finishes(lambda: assert_rest_loads(folder, "pipe.txt", caplog))


def test_device_is_not_read(tmp_path):
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null")
    error = raises_naming(NotRegularFileError, "/dev/null", lambda: load_articles("/dev/null"))
    assert "a device" in str(error)


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets")
def test_socket_in_folder_is_a_typed_error(tmp_path, caplog):
    folder = good_folder(tmp_path)
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(folder / "sock.txt"))
        raises_naming(NotRegularFileError, "sock.txt", lambda: load_articles(folder))
        assert_rest_loads(folder, "sock.txt", caplog)
    finally:
        server.close()


def test_dangling_link_and_link_loop(tmp_path, caplog):
    folder = good_folder(tmp_path)
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    with pytest.raises(ArticleLoadErrors) as info:
        load_articles(folder)
    errors = {e.path.name: e for e in info.value.errors}
    assert set(errors) == {"dangling.txt", "loop.txt"}
    assert all(isinstance(e, FileAccessError) for e in errors.values())
    assert "does not exist" in str(errors["dangling.txt"])
    assert "loops" in str(errors["loop.txt"])
    raises_naming(FileAccessError, "loop.txt", lambda: load_articles(folder / "loop.txt"))
    raises_naming(FileAccessError, "dangling.txt", lambda: load_articles(folder / "dangling.txt"))
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="summarize.inputs"):
        articles = load_articles(folder, errors="skip")
    assert [a.path.name for a in articles] == ["good.txt"]
    assert "dangling.txt" in caplog.text and "loop.txt" in caplog.text


def test_folder_that_is_a_link_loop(tmp_path):
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    raises_naming(FileAccessError, "loop", lambda: load_articles(loop))


def test_link_leaving_the_folder_is_not_followed(tmp_path, caplog):
    folder = good_folder(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("Private notes\n\nThe password is swordfish, said the admin.", "utf-8")
    (folder / "shadow.txt").symlink_to(secret)
    (folder / "inside.txt").symlink_to(folder / "good.txt")  # inside the folder: fine
    error = raises_naming(FileAccessError, "shadow.txt", lambda: load_articles(folder))
    assert "follow_links=True" in str(error)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="summarize.inputs"):
        articles = load_articles(folder, errors="skip")
    assert [a.path.name for a in articles] == ["good.txt", "inside.txt"]
    assert "shadow.txt" in caplog.text
    assert all("swordfish" not in a.text for a in articles)
    followed = load_articles(folder, follow_links=True)
    assert any("swordfish" in a.text for a in followed)


def test_sidecar_link_leaving_the_folder_is_not_read(tmp_path):
    folder = good_folder(tmp_path)
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("good.txt: {source: Courier}\n", encoding="utf-8")
    (folder / "sources.yaml").symlink_to(outside)
    raises_naming(FileAccessError, "sources.yaml", lambda: load_articles(folder))
    [article] = load_articles(folder, follow_links=True)
    assert article.source == "Courier"


def test_unreadable_folder_and_file(tmp_path, caplog):
    if os.name != "posix" or os.geteuid() == 0:
        pytest.skip("permissions are not enforced for root")
    folder = good_folder(tmp_path)
    locked = folder / "locked.txt"
    locked.write_text(STORY, encoding="utf-8")
    locked.chmod(0)
    closed = tmp_path / "closed"
    closed.mkdir()
    closed.chmod(0)
    try:
        raises_naming(FileAccessError, "locked.txt", lambda: load_articles(locked))
        raises_naming(FileAccessError, "closed", lambda: load_articles(closed))
        assert_rest_loads(folder, "locked.txt", caplog)
        assert len(load_articles([folder / "good.txt", closed], errors="skip")) == 1
    finally:
        locked.chmod(0o644)
        closed.chmod(0o755)


def test_folder_that_cannot_be_listed(tmp_path, monkeypatch):
    """The same as an unreadable folder when running as root (which ignores permissions)."""
    folder = good_folder(tmp_path)
    closed = tmp_path / "closed"
    closed.mkdir()
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == closed:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    error = raises_naming(FileAccessError, "closed", lambda: load_articles(closed))
    assert "permission denied" in str(error)
    articles = load_articles([folder, closed], errors="skip")
    assert [a.path.name for a in articles] == ["good.txt"]


def test_file_name_that_is_not_utf8(tmp_path, caplog):
    folder = good_folder(tmp_path)
    try:
        raw = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
        with open(raw, "wb") as handle:
            handle.write(STORY.encode("utf-8"))
    except OSError:
        pytest.skip("this file system refuses non-UTF-8 names")
    error = raises_naming(FileAccessError, "caf\\xe9.txt", lambda: load_articles(folder))
    assert "not valid UTF-8" in str(error)
    str(error).encode("utf-8")  # printable: no lone surrogates in the message
    assert_rest_loads(folder, "caf\\xe9.txt", caplog)


def test_empty_folder_next_to_a_good_file_is_skipped(tmp_path):
    folder = good_folder(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    articles = load_articles([folder / "good.txt", empty], errors="skip")
    assert [a.path.name for a in articles] == ["good.txt"]
    with pytest.raises(EmptyArticleError):
        load_articles([folder / "good.txt", empty])


@pytest.mark.parametrize("source", ["", "   "], ids=["empty", "blank"])
def test_empty_string_is_not_the_current_folder(tmp_path, monkeypatch, source):
    (tmp_path / "here.txt").write_text(STORY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError):
        load_articles(source)


def test_empty_string_in_a_list_is_a_skippable_error(tmp_path):
    folder = good_folder(tmp_path)
    with pytest.raises(EmptyArticleError) as info:
        load_articles([folder / "good.txt", ""])
    assert "Input 2 is an empty string" in str(info.value)
    assert len(load_articles([folder / "good.txt", ""], errors="skip")) == 1


@pytest.mark.parametrize("source", [None, 3, object()], ids=["none", "int", "object"])
def test_not_a_source(source):
    with pytest.raises(InputError):
        load_articles(source)


def test_unknown_language():
    with pytest.raises(InputError) as info:
        load_articles(STORY, language="xx")
    assert "'xx'" in str(info.value)


# --------------------------------------------------------------------------- our own output


def test_briefings_written_into_the_folder_are_skipped(tmp_path, caplog, bundled_briefing):
    folder = good_folder(tmp_path)
    (folder / "briefing.md").write_text(bundled_briefing.to_markdown(), encoding="utf-8")
    (folder / "briefing.html").write_text(bundled_briefing.to_html(), encoding="utf-8")
    (folder / "briefing.json").write_text(bundled_briefing.to_json(), encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="summarize.inputs"):
        articles = load_articles(folder)
    assert [a.path.name for a in articles] == ["good.txt"]
    for name in ("briefing.md", "briefing.html", "briefing.json"):
        assert name in caplog.text
        raises_naming(GeneratedFileError, name, lambda n=name: load_articles(folder / n))
    (folder / "good.txt").unlink()
    with pytest.raises(EmptyArticleError) as info:
        load_articles(folder)
    assert "written by summarize" in str(info.value)


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
    with caplog.at_level(logging.WARNING, logger="summarize.inputs"):
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
    (tmp_path / "chart.png").write_bytes(png_bytes())
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 20)
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="summarize.inputs"):
        articles = load_articles(tmp_path)
    assert [a.source for a in articles] == ["story"]
    assert "chart.png" in caplog.text and "photo.jpg" in caplog.text
    assert "report.pdf" in caplog.text and "cannot be read" in caplog.text
    assert "README" not in caplog.text and ".DS_Store" not in caplog.text
