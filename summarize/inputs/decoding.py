"""Bytes to text: BOMs, UTF-8, declared charsets, legacy encodings, and binary detection.

One function, :func:`decode_bytes`, used by :mod:`summarize.inputs.loading` for every file it reads.
It never guesses silently into mojibake: bytes that decode only to control characters raise
:class:`~summarize.errors.DecodingError`, and images, archives, PDFs and other binaries raise
:class:`~summarize.errors.BinaryFileError`, both naming the file and what to do.
"""

from __future__ import annotations

import codecs
import logging
import os
import re
import unicodedata
from pathlib import Path

from summarize.errors import BinaryFileError, DecodingError
from summarize.inputs.files import display

logger = logging.getLogger(__name__)

__all__ = ["decode_bytes"]


def decode_bytes(data: bytes, *, path: str | os.PathLike[str] | None = None) -> str:
    """Decode a text file's bytes without ever garbling them silently.

    In order: a byte-order mark (UTF-8/16/32); UTF-16 without BOM; strict UTF-8; the charset the
    file declares (HTML ``<meta charset>``, ``<?xml encoding?>``); UTF-8 with a few stray legacy
    bytes (those bytes are read as Windows-1252, with a warning naming the lines); Western
    European text in Windows-1252; otherwise the legacy encoding charset-normalizer detects
    (Cyrillic cp1251/KOI8-R, Chinese GBK, Japanese Shift-JIS, Greek...), logged.

    Raises:
        BinaryFileError: The bytes are an image, archive, PDF... or contain NUL bytes.
        DecodingError: No encoding gives text (it says what was found).
    """
    path = Path(path) if path is not None else None
    name = display(path) if path is not None else "the data"
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise BinaryFileError(
                f"{name} is a {kind} file, not text. Remove it or convert it to .txt/.html.",
                path=path,
            )
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), name, path, encoding)
            except UnicodeDecodeError as error:
                raise DecodingError(
                    f"{name} starts with a {encoding.upper()} byte-order mark but is not valid "
                    f"{encoding.upper()} ({error.reason} at byte {error.start}). "
                    "Re-save it as UTF-8.",
                    path=path,
                ) from error
    sample = data[:8192]
    if b"\x00" in sample:
        text = _try_utf16_without_bom(data)
        if text is not None:
            return _checked(text, name, path, "UTF-16")
        raise BinaryFileError(
            f"{name} contains NUL bytes, so it is a binary file, not text. "
            "Remove it or export the article as plain text (.txt).",
            path=path,
        )
    try:
        return _checked(data.decode("utf-8"), name, path, "UTF-8")
    except UnicodeDecodeError as error:
        first_bad = error.start
    declared = _declared_charset(data)
    if declared is not None:
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            logger.warning(
                "%s declares the charset %s but is not valid %s; detecting its encoding.",
                name,
                declared,
                declared,
            )
        else:
            return _checked(text, name, path, declared)
    escaped = data.decode("utf-8", "surrogateescape")
    bad = sum(1 for ch in escaped if "\udc80" <= ch <= "\udcff")
    good = sum(1 for ch in escaped if ord(ch) > 0x7F) - bad
    if good >= bad:  # mostly UTF-8: a few stray bytes or lines in a legacy encoding
        return _checked(_mixed(escaped, name), name, path, "UTF-8")
    western = _western(data)
    if western is not None:
        return _checked(western, name, path, "Windows-1252")
    detected = _detect(data)
    if detected is not None:
        encoding, text = detected
        logger.info("%s is not UTF-8; decoded it as %s (detected).", name, encoding)
        return _checked(text, name, path, encoding)
    raise DecodingError(
        f"{name} cannot be decoded as text: it is not UTF-8 (byte 0x{data[first_bad]:02x} at "
        f"offset {first_bad} is invalid), "
        + (f"not the {declared} it declares, " if declared else "declares no charset, ")
        + "and no legacy encoding (Windows-1252, Cyrillic, CJK...) fits. Re-save it as UTF-8.",
        path=path,
    )


def _checked(text: str, name: str, path: Path | None, encoding: str) -> str:
    """``text`` tidied, unless it is control characters (then the bytes were not text)."""
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    if text and controls / len(text) > 0.01:
        raise DecodingError(
            f"{name} cannot be decoded as text: read as {encoding} (after trying UTF-8, UTF-16 "
            f"and legacy encodings) it is {controls} control characters out of {len(text)}. "
            "Re-save it as UTF-8 text.",
            path=path,
        )
    return _tidy(text)


_DECLARED = (
    re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{2,40})", re.I),
    re.compile(rb"<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]{2,40})", re.I),
)


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first 4 KB, if Python knows it."""
    head = data[:4096]
    for pattern in _DECLARED:
        match = pattern.search(head)
        if match:
            label = match.group(1).decode("ascii").lower()
            try:
                encoding = codecs.lookup(label).name
            except LookupError:
                logger.info("Unknown declared charset %r; detecting the encoding.", label)
                return None
            # Browsers read Latin-1 and ASCII labels as Windows-1252, and ignore a UTF-16/32
            # label on a page without a byte-order mark (the WHATWG rules): such a page is
            # not UTF-16, and decoding it so would turn every two bytes into a CJK character.
            if encoding in ("latin-1", "iso8859-1", "ascii"):
                return "cp1252"
            if encoding == "utf-8" or encoding.startswith(("utf-16", "utf-32")):
                return None
            return encoding
    return None


def _mixed(escaped: str, name: str) -> str:
    """UTF-8 text (surrogate-escaped) whose stray bytes are read as Windows-1252 (Latin-1 for
    the five bytes Windows-1252 leaves undefined); logs a warning naming the lines."""
    lines = []
    out = []
    for number, line in enumerate(escaped.split("\n"), start=1):
        if any("\udc80" <= ch <= "\udcff" for ch in line):
            lines.append(number)
            raw = line.encode("utf-8", "surrogateescape")
            line = raw.decode("utf-8", "_summarize_cp1252")
        out.append(line)
    shown = ", ".join(map(str, lines[:10])) + (" ..." if len(lines) > 10 else "")
    logger.warning(
        "%s is UTF-8 except for %d line(s) (%s) with bytes that are not; read those bytes as "
        "Windows-1252. Check those lines, or re-save the file as UTF-8.",
        name,
        len(lines),
        shown,
    )
    return "\n".join(out)


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    chunk = error.object[error.start : error.end]
    return "".join(_byte_as_cp1252(byte) for byte in chunk), error.end


def _byte_as_cp1252(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin-1")


codecs.register_error("_summarize_cp1252", _cp1252_fallback)

# Non-letters Windows-1252 text has between two letters ("don’t", "l’État", "Mr·X").
_INWORD_PUNCTUATION = frozenset("’‘´`·-")


def _western(data: bytes) -> str | None:
    """The text as Windows-1252 when it reads as Western European text: mostly ASCII letters,
    accents here and there, no symbol in the middle of a word. Cyrillic or Greek bytes read as
    Windows-1252 give words made only of accented letters ("Ìîñêâà"), so they do not pass."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = non_ascii = 0
    previous = ""
    for index, ch in enumerate(text):
        if ch.isalpha():
            letters += 1
            non_ascii += ord(ch) > 0x7F
        elif (
            ord(ch) > 0x7F
            and ch not in _INWORD_PUNCTUATION
            and previous.isalpha()
            and text[index + 1 : index + 2].isalpha()
        ):
            return None
        previous = ch
    if not letters or non_ascii / letters > 0.3:
        return None
    return text


def _detect(data: bytes) -> tuple[str, str] | None:
    """(encoding, text) from charset-normalizer, or None when nothing fits."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    return str(best.encoding), str(best)


_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP archive (or .docx/.odt/.epub)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office (.doc/.xls)"),
    (b"OggS", "Ogg audio/video"),
    (b"wOFF", "web font"),
    (b"{\\rtf", "word-processor (RTF)"),  # text, but its markup would be read as the article
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _try_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM has NULs in (almost) every other byte for Latin text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for encoding, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        if zeros.count(0) >= 0.9 * len(zeros):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            if "\x00" not in text:
                return text
    return None


def _tidy(text: str) -> str:
    """Unify line endings and drop control characters (keeping tabs and line breaks)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch in "\t\n" or unicodedata.category(ch) != "Cc").replace(
        "\ufeff", ""
    )
