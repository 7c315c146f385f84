"""Article file formats: plain text, Markdown, JSON/JSONL and HTML readers, chosen by suffix.

:func:`load_path` reads one file (refusing output this package wrote) and hands it to the reader
for its suffix; each reader takes the file's own metadata (front matter, JSON fields, HTML meta
tags), lets the ``sources.yaml`` entry override it, and builds the article with
:func:`summarize.inputs.building.build_article`.
"""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path
from typing import Any

from summarize.errors import (
    ArticleError,
    BinaryFileError,
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
    load_yaml,
    single_values,
)
from summarize.inputs.records import CSV_SUFFIXES, load_csv, load_json
from summarize.inputs.sources import sidecar_entry
from summarize.types import Article

__all__ = [
    "ARTICLE_SUFFIXES",
    "GENERATED_MARKERS",
    "html_article",
    "load_path",
    "written_by_summarize",
]

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
    if written_by_summarize(data):
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
        return load_json(path, data, sidecar, options, lines=suffix in JSONL_SUFFIXES)
    if suffix in CSV_SUFFIXES:
        return load_csv(path, data, sidecar, options)
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


def written_by_summarize(data: bytes) -> bool:
    """Whether ``data`` (a file's bytes, or its first 2 kB and last 256 bytes) is output this
    package wrote: a marker of :data:`GENERATED_MARKERS` near its start or end."""
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
