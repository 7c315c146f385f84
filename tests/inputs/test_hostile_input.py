"""Hostile input for LOADING: alias bombs, FIFOs, links, legacy encodings, our own output.

Every case asserts the typed error (naming the file) or the correct result, and that the rest of
the folder still loads with ``errors="skip"``. Inputs are built here, in ``tmp_path``.
Pipeline and command-line cases are in ``test_hostile_pipeline.py``.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
from pathlib import Path

import pytest

from summarize import load_articles
from summarize.errors import (
    ArticleError,
    ArticleLoadErrors,
    DecodingError,
    EmptyArticleError,
    FileAccessError,
    GeneratedFileError,
    InputError,
    MetadataError,
    NotRegularFileError,
    SummarizeError,
    UnsupportedFormatError,
)

STORY = (
    "Flood warnings\n\n"
    "Heavy rain caused the river to burst its banks on Sunday night.\n\n"
    "Hundreds of homes were evacuated, the fire service said.\n\n"
    "Forecasters expect more rain on Tuesday."
)
SENTENCES = tuple(STORY.split("\n\n")[1:])


def good_folder(tmp_path: Path) -> Path:
    """A folder holding one good article, ``good.txt``; tests add a bad item next to it."""
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "good.txt").write_text(STORY, encoding="utf-8")
    return folder


def assert_rest_loads(folder: Path, bad_name: str, caplog) -> None:
    """With errors="skip" the good article loads and the bad item is named in a warning."""
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="summarize.inputs.loading"):
        articles = load_articles(folder, errors="skip")
    assert [a.path.name for a in articles] == ["good.txt"]
    assert articles[0].sentences == SENTENCES
    assert bad_name in caplog.text


def raises_naming(error_type, name: str, call):
    with pytest.raises(error_type) as info:
        call()
    assert name in str(info.value), str(info.value)
    return info.value


def finishes(call, seconds: float = 60.0):
    """Run ``call`` in a thread; fail (instead of hanging the suite) if it does not finish."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as error:  # handed back to the test
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the call hung"
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome.get("value")


# --------------------------------------------------------------------------- 1. metadata

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
    with caplog.at_level(logging.WARNING, logger="summarize.inputs.loading"):
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
    with caplog.at_level(logging.WARNING, logger="summarize.inputs.loading"):
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
    with caplog.at_level(logging.INFO, logger="summarize.inputs.loading"):
        [article] = load_articles(path)
    assert article.source == "Courier" and article.metadata == {"words": "40"}
    assert "tags" in caplog.text and "media" in caplog.text


# --------------------------------------------------------------------------- 2. files and links


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
    with caplog.at_level(logging.WARNING, logger="summarize.inputs.loading"):
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
    with caplog.at_level(logging.WARNING, logger="summarize.inputs.loading"):
        articles = load_articles(folder, errors="skip")
    assert [a.path.name for a in articles] == ["good.txt", "inside.txt"]
    assert "shadow.txt" in caplog.text
    assert all("swordfish" not in a.text for a in articles)
    followed = load_articles(folder, follow_links=True)
    assert any("swordfish" in a.text for a in followed)


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


# --------------------------------------------------------------------------- 3. decoding

RUSSIAN = (
    "Москва и Лондон договорились о встрече\n\n"
    "Президент России Владимир Путин и премьер-министр Великобритании Тереза Мэй обсудили по "
    "телефону отношения двух стран. Они договорились встретиться на саммите в Китае. "
    "Стороны также обсудили борьбу с терроризмом и безопасность полётов."
)
CHINESE = (
    "洪水警报\n\n"
    "周日晚上，大雨导致河水决堤。数百户居民被疏散！预报员预计周二还会下雨。"
    "市政府表示，救援人员已经赶到现场，正在帮助受灾群众转移到安全地点。"
)
FRENCH = "Café crème\n\nLe maître d'hôtel a déclaré: « Ça suffit ». Il a répété « non » à l'été."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(RUSSIAN, "cp1251"), (RUSSIAN, "koi8-r"), (CHINESE, "gbk"), (FRENCH, "cp1252")],
    ids=["cp1251", "koi8-r", "gbk", "cp1252"],
)
def test_legacy_encodings_decode_correctly(tmp_path, text, encoding):
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    [article] = load_articles(path)
    title, body = text.split("\n\n")
    assert article.title == title
    assert article.text == body


def test_utf8_with_one_bad_byte(tmp_path, caplog):
    path = tmp_path / "one-bad-byte.txt"
    text = "Café owners meet\n\nThe café in Zürich reopened on Monday. Its owner was pleased."
    data = text.encode("utf-8").replace(b"Its owner", b"Its \xe9owner")  # one stray cp1252 byte
    path.write_bytes(data)
    with caplog.at_level(logging.WARNING, logger="summarize.inputs.decoding"):
        [article] = load_articles(path)
    assert article.title == "Café owners meet"
    assert "The café in Zürich reopened on Monday." in article.sentences
    assert "Ã" not in article.text
    assert "one-bad-byte.txt" in caplog.text and "line(s) (3)" in caplog.text


def test_utf8_mixed_with_cp1252_lines(tmp_path, caplog):
    path = tmp_path / "mixed.txt"
    lines = [
        ("Café society", "utf-8"),
        ("The café in Zürich reopened on Monday.", "utf-8"),
        ("Its owner, René, said the crème brûlée was back.", "cp1252"),
        ("Guests paid 5 € for a coffee — “reasonable”, one said.", "utf-8"),
    ]
    path.write_bytes(b"\n\n".join(line.encode(encoding) for line, encoding in lines))
    with caplog.at_level(logging.WARNING, logger="summarize.inputs.decoding"):
        [article] = load_articles(path)
    assert article.title == "Café society"
    assert article.sentences == tuple(line for line, _ in lines[1:])
    assert "Ã" not in article.text
    assert "mixed.txt" in caplog.text and "(5)" in caplog.text


@pytest.mark.parametrize(
    ("text", "charset"),
    [(RUSSIAN, "windows-1251"), (RUSSIAN, "koi8-r"), (FRENCH, "iso-8859-1")],
)
@pytest.mark.parametrize("style", ["meta-charset", "http-equiv"])
def test_html_declared_charset_is_honoured(tmp_path, text, charset, style):
    title, body = text.split("\n\n")
    meta = (
        f'<meta charset="{charset}">'
        if style == "meta-charset"
        else f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    )
    page = (
        f"<html><head>{meta}<title>{title}</title></head><body><article>"
        f"<h1>{title}</h1><p>{body}</p></article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(page.encode(charset))
    [article] = load_articles(path)
    assert article.title == title
    assert article.text == body


def test_html_wrongly_declaring_utf16_is_not_read_as_utf16(tmp_path):
    page = (
        '<html><head><meta charset="utf-16"><title>Café crème</title></head><body><article>'
        "<p>Le maître d'hôtel a déclaré: « Ça suffit ». Il a répété « non » à l'été.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "page.html"
    data = page.encode("cp1252")
    data += b"\n" * (len(data) % 2)  # an even length: it would decode as UTF-16 without error
    path.write_bytes(data)
    [article] = load_articles(path)
    assert article.text == FRENCH.split("\n\n")[1]


def test_undecodable_bytes_say_what_was_found(tmp_path, caplog):
    folder = good_folder(tmp_path)
    path = folder / "noise.txt"
    path.write_bytes(bytes(range(1, 9)) * 40 + b"\x81\x8d\x9d" * 20)
    error = raises_naming(DecodingError, "noise.txt", lambda: load_articles(path))
    assert "not UTF-8 (byte 0x81 at offset 320 is invalid)" in str(error)
    assert "no legacy encoding" in str(error)
    assert_rest_loads(folder, "noise.txt", caplog)


# --------------------------------------------------------------------------- 4. our own output


def test_briefings_written_into_the_folder_are_skipped(tmp_path, caplog, bundled_briefing):
    folder = good_folder(tmp_path)
    (folder / "briefing.md").write_text(bundled_briefing.to_markdown(), encoding="utf-8")
    (folder / "briefing.html").write_text(bundled_briefing.to_html(), encoding="utf-8")
    (folder / "briefing.json").write_text(bundled_briefing.to_json(), encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="summarize.inputs.loading"):
        articles = load_articles(folder)
    assert [a.path.name for a in articles] == ["good.txt"]
    for name in ("briefing.md", "briefing.html", "briefing.json"):
        assert name in caplog.text
        raises_naming(GeneratedFileError, name, lambda n=name: load_articles(folder / n))
    (folder / "good.txt").unlink()
    with pytest.raises(EmptyArticleError) as info:
        load_articles(folder)
    assert "written by summarize" in str(info.value)


# --------------------------------------------------------------------------- 5. parsers


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


# --------------------------------------------------------------------------- 6. labels


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


def test_sidecar_link_leaving_the_folder_is_not_read(tmp_path):
    folder = good_folder(tmp_path)
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("good.txt: {source: Courier}\n", encoding="utf-8")
    (folder / "sources.yaml").symlink_to(outside)
    raises_naming(FileAccessError, "sources.yaml", lambda: load_articles(folder))
    [article] = load_articles(folder, follow_links=True)
    assert article.source == "Courier"
