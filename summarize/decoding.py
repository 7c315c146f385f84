"""Bytes to text: BOMs, UTF-8, UTF-16 without BOM, Windows-1252/Latin-1, and binary detection.

One function, :func:`decode_bytes`, used by :mod:`summarize.loading` for every file it reads.
It never guesses silently into mojibake: bytes that decode only to control characters raise
:class:`~summarize.errors.DecodingError`, and images, archives, PDFs and other binaries raise
:class:`~summarize.errors.BinaryFileError`, both naming the file and what to do.
"""

from __future__ import annotations

import codecs
import os
import unicodedata
from pathlib import Path

from summarize.errors import BinaryFileError, DecodingError

__all__ = ["decode_bytes"]


def decode_bytes(data: bytes, *, path: str | os.PathLike[str] | None = None) -> str:
    """Decode a text file's bytes: UTF-8 (with or without BOM), UTF-16/32 with BOM, UTF-16
    without BOM, then Windows-1252/Latin-1.

    Raises:
        BinaryFileError: The bytes are an image, archive, PDF... or contain NUL bytes.
        DecodingError: The bytes decode only to control characters and mojibake.
    """
    path = Path(path) if path is not None else None
    name = f"'{path}'" if path is not None else "the data"
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise BinaryFileError(
                f"{name} is a {kind} file, not text. Remove it or convert it to .txt/.html.",
                path=path,
            )
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _tidy(data.decode(encoding))
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
            return _tidy(text)
        raise BinaryFileError(
            f"{name} contains NUL bytes, so it is a binary file, not text. "
            "Remove it or export the article as plain text (.txt).",
            path=path,
        )
    text = None
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    assert text is not None  # latin-1 decodes any bytes
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    if text and controls / len(text) > 0.01:
        raise DecodingError(
            f"{name} cannot be decoded as text: in UTF-8, UTF-16 and Windows-1252/Latin-1 it is "
            f"{controls} control characters out of {len(text)}. Re-save it as UTF-8 text.",
            path=path,
        )
    return _tidy(text)


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
