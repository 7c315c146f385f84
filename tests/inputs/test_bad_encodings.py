"""Encodings for LOADING: every supported encoding decodes correctly, never into silent
mojibake, and bytes that decode as nothing raise :class:`~summarize.errors.DecodingError`
naming the file and what was found.
"""

from __future__ import annotations

import codecs
import logging
import random

import pytest

from summarize import load_articles
from summarize.errors import (
    DecodingError,
)
from tests._bad_input import (
    STORY,
    assert_names_file,
    assert_rest_loads,
    good_folder,
    raises_naming,
)

# --------------------------------------------------------------------------- unicode and Western


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


# ----------------------------------------------------------- legacy encodings and declared charsets


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


# --------------------------------------------------------------------------- undecodable


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "garbled.txt"
    rng = random.Random(0)
    path.write_bytes(
        bytes(rng.choice([*range(1, 9), *range(14, 32), 0x81, 0x8D]) for _ in range(500))
    )
    with pytest.raises(DecodingError) as info:
        load_articles(path)
    assert_names_file(info.value, path)
    assert "UTF-8" in str(info.value)


def test_undecodable_bytes_say_what_was_found(tmp_path, caplog):
    folder = good_folder(tmp_path)
    path = folder / "noise.txt"
    path.write_bytes(bytes(range(1, 9)) * 40 + b"\x81\x8d\x9d" * 20)
    error = raises_naming(DecodingError, "noise.txt", lambda: load_articles(path))
    assert "not UTF-8 (byte 0x81 at offset 320 is invalid)" in str(error)
    assert "no legacy encoding" in str(error)
    assert_rest_loads(folder, "noise.txt", caplog)
