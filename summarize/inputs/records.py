"""JSON, JSON Lines and CSV article files: records with ``text``, ``title``, ``source``... fields.

A ``.json`` file holds one record, a list of records, or ``{"articles": [...]}``; a ``.jsonl``
(``.ndjson``) file holds one record per line, and is read **line by line**: a broken line (not
JSON, not an object, no text, unusable metadata) is reported with its line number and the
problem, and does not cost the other lines. With ``errors="raise"`` (the default; the CLI
without ``--skip-bad``) a file with broken lines raises, naming the file, the first broken line
and how many there are, so no article is lost silently; with ``errors="skip"`` (``--skip-bad``)
the broken lines (or records of a ``.json`` list) are skipped, each with a warning, and the rest
load. Blank lines are skipped; a byte-order mark at the start of a line (files concatenated)
is ignored; lines end at ``\\n`` only, so a record holding U+2028 stays one line.

A ``.csv`` (``.tsv``) file named explicitly is a table of articles, one row per article, the
same names as columns (header row; case and spaces around a name do not matter); a broken row
is reported with its line like a broken JSON line. Folders are not searched for tables: a data
file next to the articles is no article.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from summarize.errors import (
    ArticleError,
    EmptyArticleError,
    GeneratedFileError,
    MetadataError,
    UnsupportedFormatError,
)
from summarize.inputs.building import LoadOptions, build_article, extra_metadata
from summarize.inputs.decoding import decode_bytes
from summarize.inputs.files import display
from summarize.inputs.metadata import check_keys, single_value
from summarize.types import Article

__all__ = ["CSV_SUFFIXES", "load_csv", "load_json"]

#: Tables of articles (read when named explicitly, never found in a folder).
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
#: The columns of the comparison table ``summarize compare -f csv`` writes.
_OWN_TABLE = frozenset({"claim", "outlet", "reported", "wording"})

logger = logging.getLogger(__name__)

#: Broken lines named one by one in the warnings; the rest are counted.
_SHOWN_FAILURES = 5


def load_json(
    path: Path, data: bytes, sidecar: dict[str, str], options: LoadOptions, *, lines: bool
) -> list[Article]:
    """The articles of a ``.json`` document or a ``.jsonl`` file (see the module docstring)."""
    text = decode_bytes(data, path=path)
    entries = _json_lines(path, text) if lines else _json_document(path, text)
    return _load_records(path, entries, sidecar, options)


def load_csv(
    path: Path, data: bytes, sidecar: dict[str, str], options: LoadOptions
) -> list[Article]:
    """The articles of a ``.csv``/``.tsv`` table, one per row (see the module docstring).

    Raises:
        UnsupportedFormatError: not a table, or no column of article text.
        GeneratedFileError: the comparison table this package writes.
    """
    text = decode_bytes(data, path=path)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    csv.field_size_limit(max(options.max_bytes, csv.field_size_limit()))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [_column(name) for name in next(reader, [])]
        rows = [(reader.line_num, row) for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as error:
        raise UnsupportedFormatError(
            f"{display(path)} cannot be read as a table ({error}, line {reader.line_num}). Fix "
            "it, or save the articles as .txt files.",
            path=path,
        ) from None
    if set(header) >= _OWN_TABLE:
        raise GeneratedFileError(
            f"{display(path)} is a comparison table written by summarize, not articles. Pass "
            "the articles it was made from.",
            path=path,
        )
    if not set(header) & set(_TEXT_KEYS):
        shown = ", ".join(repr(name) for name in header[:8] if name) or "none"
        raise UnsupportedFormatError(
            f"{display(path)} has no column of article text (its columns: {shown}). A table of "
            "articles has one row per article, its text in a column named "
            f"{', '.join(_TEXT_KEYS[:-1])} or {_TEXT_KEYS[-1]}; title, source, url and "
            "published are read too.",
            path=path,
        )
    entries: list[tuple[str, Any]] = [
        (
            f"{display(path)} line {line}",
            {name: cell for name, cell in zip(header, row, strict=False) if name},
        )
        for line, row in rows
    ]
    return _load_records(path, entries, sidecar, options)


def _column(name: str) -> str:
    """A table's column name as the record key it stands for ("Text", " TITLE ", "publishedAt")."""
    lowered = name.strip().lower()
    return _KNOWN_KEYS.get(lowered, lowered)


def _load_records(
    path: Path, entries: list[tuple[str, Any]], sidecar: dict[str, str], options: LoadOptions
) -> list[Article]:
    """One article per ``(where, record)`` entry; broken ones are reported together."""
    if not entries:
        raise EmptyArticleError(
            f"{display(path)} holds no records. Add articles or remove it.", path=path
        )
    articles: list[Article] = []
    failures: list[ArticleError] = []
    single = len(entries) == 1
    for index, (where, record) in enumerate(entries, start=1):
        try:
            if isinstance(record, ArticleError):
                raise record
            articles.append(_record_article(path, record, sidecar, options, where, index, single))
        except ArticleError as error:
            failures.append(error)
    if failures:
        _report_failures(path, failures, kept=len(articles), total=len(entries), options=options)
    return articles


def _json_lines(path: Path, text: str) -> list[tuple[str, Any]]:
    """(where, record or the line's error) for each non-blank line, numbered as in an editor."""
    entries: list[tuple[str, Any]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip().lstrip("\ufeff")
        if not line:
            continue
        where = f"{display(path)} line {number}"
        try:
            entries.append((where, json.loads(line)))
        except json.JSONDecodeError as error:
            problem = UnsupportedFormatError(
                f"{where} is not valid JSON ({error.msg} at column {error.colno}). Each line of "
                "a .jsonl file must be one JSON object.",
                path=path,
            )
            entries.append((where, problem))
        except (RecursionError, ValueError) as error:  # nested too deeply; a 5,000-digit number
            reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)
            entries.append(
                (where, UnsupportedFormatError(f"{where} cannot be read ({reason}).", path=path))
            )
    return entries


def _json_document(path: Path, text: str) -> list[tuple[str, Any]]:
    """(where, record) for each record of a ``.json`` document.

    Raises:
        UnsupportedFormatError: the document is not JSON (nothing in it can be read).
    """
    try:
        loaded = json.loads(text) if text.strip() else None
    except json.JSONDecodeError as error:
        raise UnsupportedFormatError(
            f"{display(path)} is not valid JSON ({error.msg} at line {error.lineno}). "
            "Fix it, or save the article as .txt.",
            path=path,
        ) from None
    except (RecursionError, ValueError) as error:  # nested too deeply; a 5,000-digit number
        reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)
        raise UnsupportedFormatError(
            f"{display(path)} cannot be read as JSON ({reason}). Article records are flat "
            "objects with 'text', 'title', 'source'... Fix it, or save the article as .txt.",
            path=path,
        ) from None
    if isinstance(loaded, dict):
        for key in _LIST_KEYS:
            if isinstance(loaded.get(key), list):
                loaded = loaded[key]
                break
    records = loaded if isinstance(loaded, list) else [loaded] if loaded else []
    if len(records) == 1:
        return [(display(path), records[0])]
    return [(f"{display(path)} record {n}", r) for n, r in enumerate(records, start=1)]


def _record_article(
    path: Path,
    record: Any,
    sidecar: dict[str, str],
    options: LoadOptions,
    where: str,
    index: int,
    single: bool,
) -> Article:
    """One record's article; the sidecar entry applies to a file holding one record."""
    if not isinstance(record, Mapping):
        raise UnsupportedFormatError(
            f"{where} is a {type(record).__name__}, not an object with a 'text' field.",
            path=path,
        )
    check_keys(record, path=path, where=where)
    body = _body(record, where=where, path=path)
    if body is None:
        raise EmptyArticleError(
            f"{where} has no article text: give it a 'text' (or 'body'/'content') field.",
            path=path,
        )
    meta = {**record, **(sidecar if single else {})}
    return build_article(
        body,
        source=_first(meta, _SOURCE_KEYS, where=where, path=path)
        or (path.stem if single else f"{path.stem} #{index}"),
        title=_first(meta, _TITLE_KEYS, where=where, path=path),
        url=_first(meta, ("url", "link"), where=where, path=path),
        published=_first(meta, _DATE_KEYS, where=where, path=path),
        path=path,
        first_line_is_title=False,
        metadata=_json_metadata(meta, where=where, path=path),
        options=options,
        where=where,
    )


def _report_failures(
    path: Path, failures: list[ArticleError], *, kept: int, total: int, options: LoadOptions
) -> None:
    """Skip the broken records with a warning each (``options.skip_bad`` and something kept),
    or raise the first, saying how many there are."""
    if options.skip_bad and kept:
        for failure in failures[:_SHOWN_FAILURES]:
            logger.warning("Skipped: %s", failure)
        if len(failures) > _SHOWN_FAILURES:
            logger.warning(
                "Skipped %d more broken records of %s.",
                len(failures) - _SHOWN_FAILURES,
                display(path),
            )
        logger.warning(
            "Loaded %d of the %d records of %s; %d skipped.",
            kept,
            total,
            display(path),
            len(failures),
        )
        return
    first = failures[0]
    more = f" {len(failures)} of its {total} records cannot be used." if len(failures) > 1 else ""
    advice = (
        " Fix or remove the broken records, or pass errors='skip' (--skip-bad) to load the rest."
        if kept
        else ""
    )
    first.args = (f"{first}{more}{advice}",)
    raise first


_TEXT_KEYS = ("text", "body", "content", "article", "maintext")
_TITLE_KEYS = ("title", "headline")
_SOURCE_KEYS = ("source", "outlet", "publisher", "site_name", "sitename", "site", "domain")
_DATE_KEYS = ("published", "published_at", "publishedAt", "date", "date_published")
_LIST_KEYS = ("articles", "documents", "items", "records", "data")
#: Every record key by its lower-case spelling (a table's header is matched without case).
_KNOWN_KEYS = {
    key.lower(): key
    for key in (*_TEXT_KEYS, *_TITLE_KEYS, *_SOURCE_KEYS, *_DATE_KEYS, "url", "link")
}


def _first(
    record: Mapping[str, Any], keys: Iterable[str], *, where: str = "", path: Path | None = None
) -> str | None:
    """The first of ``keys`` with a value, as text; a list or mapping there is an error (a
    mapping with a "name", like NewsAPI's ``{"source": {"name": ...}}``, gives its name)."""
    for key in keys:
        value = record.get(key)
        if isinstance(value, Mapping) and "name" in value:
            value = value.get("name")
            key = f"{key}.name"
        text = single_value(value, key=key, path=path, where=where or None)
        if text is not None and text.strip():
            return text.strip()
    return None


def _body(record: Mapping[str, Any], *, where: str, path: Path) -> str | None:
    """The record's article text: a string, never a list, number or NaN turned into text."""
    for key in _TEXT_KEYS:
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            kind = "a list" if isinstance(value, list) else f"a {type(value).__name__}"
            raise MetadataError(
                f"{where}: '{key}' is {kind}, not text. Give the article text as one string "
                "(paragraphs separated by line breaks).",
                path=path,
                key=key,
            )
        if value.strip():
            return value
    return None


def _json_metadata(meta: Mapping[str, Any], *, where: str, path: Path) -> dict[str, str]:
    """A record's other single-valued fields; nested ones (tags, media...) are left out with
    a log line naming them (feeds carry many; none is needed for the article)."""
    kept: dict[str, Any] = {}
    nested = []
    for key, value in meta.items():
        if isinstance(value, list | dict):
            nested.append(str(key))
        elif isinstance(value, str | int | float | bool):
            kept[str(key)] = single_value(value, key=str(key), path=path, where=where)
    if nested:
        logger.info("%s: left out nested field(s) %s (only single values are kept).", where, nested)
    return extra_metadata(kept)
