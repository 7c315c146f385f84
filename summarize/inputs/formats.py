"""Article file formats: plain text, Markdown, JSON/JSONL and HTML readers, chosen by suffix.

:func:`load_path` reads one file (refusing output this package wrote) and hands it to the reader
for its suffix; each reader takes the file's own metadata (front matter, JSON fields, HTML meta
tags), lets the ``sources.yaml`` entry override it, and builds the article with
:func:`summarize.inputs.building.build_article`.
"""

from __future__ import annotations

import codecs
import json
import logging
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from summarize.errors import (
    ArticleError,
    BinaryFileError,
    EmptyArticleError,
    FetchError,
    GeneratedFileError,
    MetadataError,
    UnsupportedFormatError,
)
from summarize.inputs.building import LoadOptions, build_article, extra_metadata, str_or_none
from summarize.inputs.decoding import decode_bytes
from summarize.inputs.files import check_name, display, read_regular_file
from summarize.inputs.metadata import (
    MAX_FRONT_MATTER_CHARS,
    check_keys,
    load_yaml,
    single_value,
    single_values,
)
from summarize.inputs.sources import sidecar_entry
from summarize.types import Article

__all__ = ["ARTICLE_SUFFIXES", "GENERATED_MARKERS", "html_article", "load_path"]

logger = logging.getLogger(__name__)


TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
ARTICLE_SUFFIXES = (
    TEXT_SUFFIXES | MARKDOWN_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
)


def load_path(
    path: Path, options: LoadOptions, *, generated: list[Path] | None = None
) -> list[Article]:
    """The articles in one file. ``generated`` is given for files found in a folder: output
    this package wrote is noted there and skipped; named explicitly, it raises."""
    check_name(path)
    suffix = path.suffix.lower()
    data = read_regular_file(path, max_bytes=options.max_bytes)
    if _written_by_summarize(data):
        if generated is not None:
            logger.info("Skipped %s: written by summarize, not an article.", display(path))
            generated.append(path)
            return []
        raise GeneratedFileError(
            f"{display(path)} was written by summarize (a briefing or comparison), not an "
            "article. Pass the articles it was made from.",
            path=path,
        )
    sidecar = sidecar_entry(path, follow_links=options.follow_links)
    if suffix in JSON_SUFFIXES | JSONL_SUFFIXES:
        return _load_json(path, data, sidecar, options, lines=suffix in JSONL_SUFFIXES)
    if suffix in HTML_SUFFIXES:
        return [_load_html(path, data, sidecar, options)]
    text = decode_bytes(data, path=path)
    if suffix in MARKDOWN_SUFFIXES:
        return [_load_markdown(path, text, sidecar, options)]
    # .txt and anything named explicitly: plain text, first line is the headline when it looks
    # like one (see _looks_like_headline).
    return [
        build_article(
            text,
            source=sidecar.get("source") or path.stem,
            title=sidecar.get("title"),
            url=sidecar.get("url"),
            published=sidecar.get("published"),
            path=path,
            metadata=extra_metadata(sidecar),
            options=options,
            where=display(path),
        )
    ]


#: What every file this package writes carries near its start or end (see ``summarize.render``).
GENERATED_MARKERS = (
    b'<meta name="generator" content="summarize',  # HTML pages
    b'"schema": "summarize.',  # JSON briefings and comparisons
    b"<!-- generator: summarize",  # Markdown
)


def _written_by_summarize(data: bytes) -> bool:
    ends = data[:2048] + b"\n" + data[-256:]
    return any(marker in ends for marker in GENERATED_MARKERS)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_PREFIX = re.compile(r"^(?:>\s*)+|^(?:[-*+]|\d+[.)])\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")


def _load_markdown(path: Path, text: str, sidecar: dict[str, str], options: LoadOptions) -> Article:
    meta: dict[str, Any] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        meta = _front_matter(path, match.group(1))
        text = text[match.end() :]
    meta.update(sidecar)
    lines = []
    title = str_or_none(meta.get("title"))
    for line in text.splitlines():
        stripped = line.strip()
        if _MD_IMAGE.fullmatch(stripped):  # an image on its own line: cleaning drops it
            lines.append(stripped)
            continue
        if title is None and _MD_HEADING.match(stripped):
            title = _MD_HEADING.sub("", stripped)
        stripped = _MD_IMAGE.sub("", stripped).strip()
        stripped = _MD_HEADING.sub("", stripped)
        stripped = _MD_PREFIX.sub("", stripped)
        stripped = _MD_LINK.sub(r"\1", stripped)
        stripped = _MD_EMPHASIS.sub(r"\2", stripped)
        lines.append(stripped)
    return build_article(
        "\n".join(lines),
        source=str_or_none(meta.get("source")) or path.stem,
        title=title,
        url=str_or_none(meta.get("url")),
        published=str_or_none(meta.get("published") or meta.get("date")),
        path=path,
        first_line_is_title=False,
        metadata=extra_metadata(meta),
        options=options,
        where=display(path),
    )


def _front_matter(path: Path, block: str) -> dict[str, str]:
    """The front matter's values, each one checked (see :mod:`summarize.inputs.metadata`)."""
    where = f"{display(path)} front matter"
    if len(block) > MAX_FRONT_MATTER_CHARS:
        raise MetadataError(
            f"{where} is {len(block):,} characters, more than the {MAX_FRONT_MATTER_CHARS:,} "
            "read as metadata. Keep 'source:', 'title:', 'url:', 'published:' and the like.",
            path=path,
        )
    loaded = load_yaml(block, path=path, where=where)
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise MetadataError(
            f"{where} is a {type(loaded).__name__}, not 'key: value' lines. Write it as "
            "'source: ...', 'title: ...' between the '---' lines.",
            path=path,
        )
    return single_values(loaded, path=path, where=where)


_TEXT_KEYS = ("text", "body", "content", "article", "maintext")
_TITLE_KEYS = ("title", "headline")
_SOURCE_KEYS = ("source", "outlet", "publisher", "site_name", "sitename", "site", "domain")
_DATE_KEYS = ("published", "published_at", "publishedAt", "date", "date_published")
_LIST_KEYS = ("articles", "documents", "items", "records", "data")


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


def _load_json(
    path: Path, data: bytes, sidecar: dict[str, str], options: LoadOptions, *, lines: bool
) -> list[Article]:
    text = decode_bytes(data, path=path)
    records: list[Any] = []
    try:
        if lines:
            for number, line in enumerate(text.splitlines(), start=1):
                if line.strip():
                    try:
                        records.append(json.loads(line))
                    except json.JSONDecodeError as error:
                        raise UnsupportedFormatError(
                            f"{display(path)} line {number} is not valid JSON ({error.msg}). "
                            "Each line of a .jsonl file must be one JSON object.",
                            path=path,
                        ) from error
        else:
            loaded = json.loads(text) if text.strip() else None
            if isinstance(loaded, dict):
                for key in _LIST_KEYS:
                    if isinstance(loaded.get(key), list):
                        loaded = loaded[key]
                        break
            records = loaded if isinstance(loaded, list) else [loaded] if loaded else []
    except json.JSONDecodeError as error:
        raise UnsupportedFormatError(
            f"{display(path)} is not valid JSON ({error.msg} at line {error.lineno}). "
            "Fix it, or save the article as .txt.",
            path=path,
        ) from error
    except (RecursionError, ValueError) as error:  # nested too deeply; a 5,000-digit number
        reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)
        raise UnsupportedFormatError(
            f"{display(path)} cannot be read as JSON ({reason}). Article records are flat "
            "objects with 'text', 'title', 'source'... Fix it, or save the article as .txt.",
            path=path,
        ) from None
    if not records:
        raise EmptyArticleError(f"{display(path)} holds no records. Add articles or remove it.")

    articles = []
    for number, record in enumerate(records, start=1):
        where = f"{display(path)} record {number}" if len(records) > 1 else display(path)
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
        meta = {**record, **(sidecar if len(records) == 1 else {})}
        default_source = path.stem if len(records) == 1 else f"{path.stem} #{number}"
        articles.append(
            build_article(
                body,
                source=_first(meta, _SOURCE_KEYS, where=where, path=path) or default_source,
                title=_first(meta, _TITLE_KEYS, where=where, path=path),
                url=_first(meta, ("url", "link"), where=where, path=path),
                published=_first(meta, _DATE_KEYS, where=where, path=path),
                path=path,
                first_line_is_title=False,
                metadata=_json_metadata(meta, where=where, path=path),
                options=options,
                where=where,
            )
        )
    return articles


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


def _load_html(path: Path, data: bytes, sidecar: dict[str, str], options: LoadOptions) -> Article:
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise BinaryFileError(
            f"{display(path)} contains NUL bytes, so it is not an HTML page. Remove it.",
            path=path,
        )
    return html_article(
        data,
        where=display(path),
        path=path,
        fallback_source=path.stem,
        fallback_url=None,
        sidecar=sidecar,
        metadata=extra_metadata(sidecar),
        options=options,
    )


def html_article(
    data: bytes,
    *,
    where: str,
    path: Path | None,
    fallback_source: str,
    fallback_url: str | None,
    sidecar: dict[str, str],
    metadata: dict[str, str],
    options: LoadOptions,
) -> Article:
    """Main text, headline, site name, canonical URL, author and date of an HTML page
    (trafilatura reads OpenGraph, JSON-LD and meta tags); ``sidecar`` overrides them."""
    import trafilatura

    try:
        html = decode_bytes(data, path=path)
    except ArticleError as error:
        if path is not None:
            raise
        raise FetchError(f"{where}: {error}", url=where) from error
    try:
        document = trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            date_extraction_params={"extensive_search": False},
        )
        text = getattr(document, "text", None) or ""
        if not text.strip():
            # Pages too short for trafilatura's main-text heuristics: fall back to its baseline.
            text = trafilatura.baseline(html)[1]
    except (ValueError, TypeError, LookupError, AttributeError, RecursionError) as error:
        # A hostile page must not crash the loader: the HTML parser's failure is this page's.
        raise UnsupportedFormatError(
            f"{where} cannot be parsed as HTML ({type(error).__name__}: {error}). "
            "Save the article as .txt, or remove the file.",
            path=path,
        ) from None
    meta: dict[str, Any] = {}
    if document is not None:
        meta = {
            "title": getattr(document, "title", None),
            "source": getattr(document, "sitename", None),
            "url": getattr(document, "url", None),
            "published": getattr(document, "date", None),
        }
        author = str_or_none(getattr(document, "author", None))
        if author and "author" not in metadata:
            metadata = {**metadata, "author": author}
    meta.update(sidecar)
    return build_article(
        text,
        source=str_or_none(meta.get("source")) or fallback_source,
        title=str_or_none(meta.get("title")),
        url=str_or_none(meta.get("url")) or fallback_url,
        published=str_or_none(meta.get("published")),
        path=path,
        first_line_is_title=False,
        metadata=metadata,
        options=options,
        where=where,
    )
