"""``load_articles``: read articles from folders, files or strings into cleaned :class:`Article` s.

What counts as input:

* a **directory**: every article file in it (not recursive), in sorted file-name order.
  ``README*``, hidden files and the ``sources.yaml`` sidecar are skipped quietly; images and
  other non-article files are skipped with a log message, never an error.
* a **file**: ``.txt`` (first line is the headline when it looks like one), ``.md`` (optional
  YAML front matter with ``source``, ``title``, ``url``, ``published``), ``.json`` (one record,
  a list of records, or ``{"articles": [...]}``), ``.jsonl`` (one record per line; records
  carry ``text``/``body``/``content``, ``title``, ``source``, ``url``, ``published``),
  ``.html``/``.htm`` (main text, title and site name extracted by trafilatura).
* an **http(s) URL**: the page is fetched (politely, cached; see :mod:`summarize.web`) and its
  main text, headline, site name, canonical URL, author and date are taken from the page. A URL
  (or a local ``.rss``/``.atom``/``.xml`` file) that is an RSS/Atom feed or a sitemap expands to
  the articles it links to.
* a **list** of paths, URLs and/or raw article texts.
* a single **string**: an existing path is a path; a string that is not an existing path is
  article text when it has a line break or at least :data:`MIN_RAW_TEXT_WORDS` words, and
  otherwise is taken as a mistyped path (:class:`~summarize.errors.ArticleNotFoundError`).
  To pass short text unambiguously, use :func:`article_from_text`.

A ``sources.yaml`` (or ``sources.yml``) next to the files maps file name -> ``source``,
``title``, ``url``, ``published`` (and any other keys, kept in ``Article.metadata``); it
overrides what the file itself says. A ``.txt`` file with no sidecar entry gets a neutral
source label: its file name without extension.

Source labels are made unique across one call: repeats get " (2)", " (3)"...

Limits: files larger than ``max_bytes`` (default 10 MB, far above any news article) raise
:class:`~summarize.errors.ArticleTooLargeError` before being read in full.
"""

from __future__ import annotations

import codecs
import dataclasses
import json
import logging
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

from summarize.articles import Article
from summarize.cleaning import clean_text
from summarize.decoding import decode_bytes
from summarize.defaults import DEFAULT_MAX_BYTES, MIN_RAW_TEXT_WORDS
from summarize.errors import (
    ArticleError,
    ArticleLoadErrors,
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryFileError,
    EmptyArticleError,
    InputError,
    UnsupportedFormatError,
)
from summarize.sentences import DEFAULT_MAX_WORDS, split_sentences
from summarize.web import Fetcher, FetchError, Page, feed_links, is_feed, is_url

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "MIN_RAW_TEXT_WORDS",
    "article_from_text",
    "as_articles",
    "decode_bytes",
    "load_articles",
    "load_file",
]

logger = logging.getLogger(__name__)


TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
ARTICLE_SUFFIXES = (
    TEXT_SUFFIXES | MARKDOWN_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
)
SIDECAR_NAMES = ("sources.yaml", "sources.yml")
# Documents people may expect to work: skipping them deserves a warning, not just a note.
_UNREADABLE_DOCUMENTS = frozenset({".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub", ".pages"})

ErrorsMode = Literal["raise", "skip"]
PathLike = str | os.PathLike[str]

# --------------------------------------------------------------------------- public API


def load_articles(
    source: PathLike | Iterable[PathLike],
    *,
    errors: ErrorsMode = "raise",
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_sentence_words: int = DEFAULT_MAX_WORDS,
    language: str = "en",
    fetcher: Fetcher | None = None,
) -> list[Article]:
    """Load, clean and sentence-split news articles.

    Args:
        source: A directory, a file, a URL, a list of paths, URLs and/or raw article texts, or
            one raw text (see the module docstring for how a string is told apart from a path).
        errors: ``"raise"`` (default): any file that cannot be used raises; a single bad file
            raises its own typed error, several raise
            :class:`~summarize.errors.ArticleLoadErrors` listing every one. ``"skip"``: bad
            files are skipped with a logged warning naming each; if nothing at all can be
            loaded, the errors are raised anyway.
        max_bytes: Largest file size read.
        max_sentence_words: Sentences longer than this are hard-wrapped (see
            :func:`summarize.sentences.split_sentences`).
        language: Language code for sentence-splitting rules (pysbd's). Text in any language
            loads; the default models downstream are English ones.
        fetcher: How URLs and feeds are fetched (timeout, size cap, cache, ``offline``,
            ``since``/``limit`` for feeds...); default ``Fetcher()``, made only when a URL is given.

    Returns:
        The articles, in input order (directories in sorted file-name order), with unique
        ``source`` labels.

    Raises:
        ArticleNotFoundError: A path does not exist.
        EmptyArticleError: A file is empty, or only boilerplate; a directory has no articles.
        BinaryFileError: A file is binary (an image renamed ``.txt``...).
        DecodingError: A file's bytes are not text in any supported encoding.
        ArticleTooLargeError: A file is larger than ``max_bytes``.
        UnsupportedFormatError: A ``.json``/``.jsonl`` file that cannot be parsed.
        FetchError: A URL could not be fetched (its message names the URL and the status).
        ArticleLoadErrors: Several of the above at once.
    """
    if errors not in ("raise", "skip"):
        raise InputError(f"errors must be 'raise' or 'skip', got {errors!r}.")
    options = _Options(
        max_bytes=max_bytes, max_sentence_words=max_sentence_words, language=language
    )

    articles: list[Article] = []
    failures: list[ArticleError] = []
    items = list(_expand(source, failures))
    pages = _fetch_web_items(items, fetcher, options, failures)
    for item in items:
        try:
            if isinstance(item, _WebItem):
                for page in pages.get(item, ()):
                    try:
                        articles.append(_article_from_page(page, options))
                    except ArticleError as error:
                        failures.append(error)
            elif isinstance(item, Path):
                articles.extend(_load_path(item, options))
            else:
                index, text = item
                articles.append(_article_from_raw(text, index=index, options=options))
        except ArticleError as error:
            failures.append(error)

    if failures:
        if errors == "raise" or not articles:
            raise failures[0] if len(failures) == 1 else ArticleLoadErrors(failures)
        for failure in failures:
            logger.warning("Skipped: %s", failure)
    _warn_identical(articles)
    return _unique_sources(articles)


def load_file(
    path: PathLike,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_sentence_words: int = DEFAULT_MAX_WORDS,
) -> list[Article]:
    """Load one file (a ``.json``/``.jsonl`` file may hold several articles).

    Uses the ``sources.yaml`` sidecar in the file's folder, if any. Source labels are not
    de-duplicated here; :func:`load_articles` does that across all its inputs.
    """
    path = Path(path)
    if not path.exists():
        raise ArticleNotFoundError(_not_found_message(path), path=path)
    return _load_path(path, _Options(max_bytes=max_bytes, max_sentence_words=max_sentence_words))


def article_from_text(
    text: str,
    *,
    source: str = "text",
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    first_line_is_title: bool | None = None,
    max_sentence_words: int = DEFAULT_MAX_WORDS,
) -> Article:
    """Build an :class:`Article` from raw text (no file involved).

    Args:
        text: The article text; lines are paragraphs.
        source: The outlet's label.
        title: The headline. When ``None``, the first line is used if it looks like a headline
            (see ``first_line_is_title``), otherwise the opening words of the first sentence.
        url: Where it was published, if known.
        published: Publication date, if known.
        first_line_is_title: ``True``: the first line is the headline; ``False``: it is body
            text; ``None`` (default): guess (a short first line that does not end a sentence,
            followed by more text, is a headline).
        max_sentence_words: Sentences longer than this are hard-wrapped.

    Raises:
        EmptyArticleError: The text is empty, or nothing is left after cleaning.
    """
    return _build_article(
        text,
        source=source,
        title=title,
        url=url,
        published=published,
        path=None,
        first_line_is_title=first_line_is_title,
        metadata={},
        options=_Options(max_sentence_words=max_sentence_words),
        where="the text given",
    )


# --------------------------------------------------------------------------- input expansion


@dataclasses.dataclass(frozen=True)
class _Options:
    max_bytes: int = DEFAULT_MAX_BYTES
    max_sentence_words: int = DEFAULT_MAX_WORDS
    language: str = "en"


@dataclasses.dataclass(frozen=True)
class _WebItem:
    """A URL, or a local feed file, whose articles are fetched before loading."""

    url: str | None = None
    feed_file: Path | None = None


def _expand(
    source: PathLike | Iterable[PathLike], failures: list[ArticleError]
) -> Iterator[Path | tuple[int, str] | _WebItem]:
    """Yield files (as Paths), raw texts (as (index, text)) and web inputs in order; note
    missing paths."""
    if isinstance(source, bytes):
        raise InputError(
            "load_articles got bytes; decode them first, or write them to a file and pass its path."
        )
    items: list[Any] = [source] if isinstance(source, str | os.PathLike) else list(source)
    if not items:
        raise InputError("load_articles got an empty list: pass at least one path or text.")
    n_raw = 0
    for item in items:
        if is_url(item):
            yield _WebItem(url=str(item).strip())
        elif isinstance(item, os.PathLike) or (isinstance(item, str) and _is_existing_path(item)):
            path = Path(item)
            if path.is_dir():
                yield from _directory_files(path)
            elif path.exists() and path.suffix.lower() in FEED_SUFFIXES:
                yield _WebItem(feed_file=path)
            elif path.exists():
                yield path
            else:
                failures.append(ArticleNotFoundError(_not_found_message(path), path=path))
        elif isinstance(item, str):
            if _looks_like_text(item):
                n_raw += 1
                yield (n_raw, item)
            else:
                failures.append(ArticleNotFoundError(_not_found_message(Path(item)), path=item))
        else:
            raise InputError(
                f"load_articles cannot read a {type(item).__name__}; pass paths or strings."
            )


def _is_existing_path(text: str) -> bool:
    if "\n" in text or "\x00" in text or len(text) > 4096:
        return False
    try:
        return Path(text).exists()
    except OSError:  # e.g. a name too long for the file system
        return False


def _looks_like_text(text: str) -> bool:
    """A string that is not an existing path: article text, or a mistyped path?"""
    return "\n" in text or len(text.split()) >= MIN_RAW_TEXT_WORDS


def _not_found_message(path: Path) -> str:
    return (
        f"No file or folder named '{path}' (looked in {Path.cwd()}). Check the path; "
        f"to pass article text instead, give a string of at least {MIN_RAW_TEXT_WORDS} words "
        "or use summarize.loading.article_from_text()."
    )


def _directory_files(directory: Path) -> Iterator[Path]:
    """The article files in ``directory``, sorted by name; log what is skipped and why."""
    found = False
    skipped: list[str] = []
    unreadable: list[str] = []
    for path in sorted(directory.iterdir(), key=lambda p: p.name):
        name = path.name
        if name.startswith(".") or name in SIDECAR_NAMES:
            continue
        if path.is_dir():
            skipped.append(name + "/")
        elif name.upper().startswith(("README", "LICENSE", "LICENCE")):
            logger.debug("Skipping %s (not an article).", path)
        elif path.suffix.lower() in ARTICLE_SUFFIXES:
            found = True
            yield path
        elif path.suffix.lower() in _UNREADABLE_DOCUMENTS:
            unreadable.append(name)
        else:
            skipped.append(name)
    if skipped:
        logger.info(
            "Skipped %d non-article item(s) in %s: %s.", len(skipped), directory, ", ".join(skipped)
        )
    if unreadable:
        logger.warning(
            "Skipped %s in %s: this format cannot be read; save the article as .txt, .md or "
            ".html to include it.",
            ", ".join(unreadable),
            directory,
        )
    if not found:
        raise EmptyArticleError(
            f"No article files in folder '{directory}'. Add .txt, .md, .json, .jsonl or .html "
            "files (one article each; .json/.jsonl may hold several).",
            path=directory,
        )


# --------------------------------------------------------------------------- web


def _fetch_web_items(
    items: list[Any], fetcher: Fetcher | None, options: _Options, failures: list[ArticleError]
) -> dict[_WebItem, list[Page]]:
    """Fetch every URL item, expanding feeds and sitemaps into the pages they link to.

    Failures are appended to ``failures`` (each names its URL); the result maps each item to
    its pages in order.
    """
    web_items = [item for item in items if isinstance(item, _WebItem)]
    if not web_items:
        return {}
    fetcher = fetcher or Fetcher()
    first = fetcher.fetch_many([item.url for item in web_items if item.url])
    fetched = iter(first)
    links: dict[_WebItem, list[str] | None] = {}
    direct: dict[_WebItem, Page] = {}
    for item in web_items:
        if item.feed_file is not None:
            try:
                data = _read_bytes(item.feed_file, options.max_bytes)
                links[item] = feed_links(
                    data, base_url="", since=fetcher.since, limit=fetcher.limit
                )
            except ArticleError as error:
                failures.append(error)
            continue
        result = next(fetched)
        if isinstance(result, FetchError):
            failures.append(result)
        elif is_feed(result.body, result.content_type):
            try:
                links[item] = fetcher.expand_feed(result)
            except FetchError as error:
                failures.append(error)
        else:
            direct[item] = result
    for item, urls in links.items():
        if not urls:
            where = item.url or _display(item.feed_file or "")
            failures.append(FetchError(f"The feed {where} lists no articles.", url=item.url))
    entry_urls = [url for urls in links.values() for url in urls or ()]
    entries = iter(fetcher.fetch_many(entry_urls))
    pages: dict[_WebItem, list[Page]] = {}
    for item in web_items:
        if item in direct:
            pages[item] = [direct[item]]
        for _ in links.get(item) or ():
            result = next(entries)
            if isinstance(result, FetchError):
                failures.append(result)
            else:
                pages.setdefault(item, []).append(result)
    return pages


def _article_from_page(page: Page, options: _Options) -> Article:
    """An Article from a fetched HTML page, with the page's own metadata."""
    if not page.is_html:
        raise FetchError(
            f"{page.url} is not a web page (content type {page.content_type or 'unknown'}). "
            "Give the address of the article's HTML page.",
            url=page.url,
            status=page.status,
        )
    metadata = {"fetched_from": page.url, "fetched_at": page.fetched_at}
    try:
        return _html_article(
            page.body,
            where=page.url,
            path=None,
            fallback_source=_site_name(page.final_url),
            fallback_url=page.final_url,
            sidecar={},
            metadata=metadata,
            options=options,
        )
    except EmptyArticleError as error:
        raise FetchError(
            f"{page.url} (HTTP {page.status}) has no article text: a paywall, a login page or a "
            f"page built by JavaScript? Save the article yourself instead. ({error})",
            url=page.url,
            status=page.status,
        ) from error


def _site_name(url: str) -> str:
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


# --------------------------------------------------------------------------- files


def _load_path(path: Path, options: _Options) -> list[Article]:
    suffix = path.suffix.lower()
    data = _read_bytes(path, options.max_bytes)
    sidecar = _sidecar_entry(path)
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
        _build_article(
            text,
            source=sidecar.get("source") or path.stem,
            title=sidecar.get("title"),
            url=sidecar.get("url"),
            published=sidecar.get("published"),
            path=path,
            first_line_is_title=None,
            metadata=_extra_metadata(sidecar),
            options=options,
            where=_display(path),
        )
    ]


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleTooLargeError(
                f"{_display(path)} is {size / 1e6:.1f} MB, more than the {max_bytes / 1e6:.1f} MB "
                "limit for one article. Split it, or pass a larger max_bytes if it really is "
                "one article.",
                path=path,
            )
        with path.open("rb") as handle:
            return handle.read(max_bytes + 1)
    except PermissionError as error:
        raise ArticleError(
            f"{_display(path)} cannot be read: permission denied. Fix its permissions.", path=path
        ) from error


def _display(path: PathLike) -> str:
    return f"'{path}'"


@dataclasses.dataclass(frozen=True)
class _Sidecar:
    path: Path
    entries: Mapping[str, Mapping[str, str]]


_SIDECAR_CACHE: dict[tuple[Path, float], _Sidecar] = {}


def _sidecar_entry(path: Path) -> dict[str, str]:
    """The sidecar's entry for ``path`` (empty when there is no sidecar or no entry)."""
    for name in SIDECAR_NAMES:
        sidecar_path = path.parent / name
        if sidecar_path.is_file():
            sidecar = _read_sidecar(sidecar_path)
            return dict(sidecar.entries.get(path.name, {}))
    return {}


def _read_sidecar(path: Path) -> _Sidecar:
    import yaml

    key = (path.resolve(), path.stat().st_mtime)
    if key in _SIDECAR_CACHE:
        return _SIDECAR_CACHE[key]
    try:
        raw = yaml.safe_load(decode_bytes(path.read_bytes(), path=path)) or {}
    except yaml.YAMLError as error:
        raise UnsupportedFormatError(
            f"{_display(path)} is not valid YAML ({error}). Fix it: each file name maps to "
            "'source:', 'title:' (and optionally 'url:', 'published:').",
            path=path,
        ) from error
    if not isinstance(raw, dict):
        raise UnsupportedFormatError(
            f"{_display(path)} should map file names to their metadata, e.g. "
            "'001.txt: {source: The Week, title: ...}'. Fix it or remove it.",
            path=path,
        )
    entries: dict[str, dict[str, str]] = {}
    for name, meta in raw.items():
        if isinstance(meta, dict):
            entries[str(name)] = {str(k): str(v) for k, v in meta.items() if v is not None}
        else:
            logger.warning("%s: entry for %s is not a mapping; ignored.", path, name)
    for name in entries:
        if not (path.parent / name).exists():
            logger.warning("%s names %s, which is not in the folder.", path, name)
    sidecar = _Sidecar(path=path, entries=entries)
    _SIDECAR_CACHE[key] = sidecar
    return sidecar


def _extra_metadata(meta: Mapping[str, Any]) -> dict[str, str]:
    known = {"source", "title", "url", "published", "text", "body", "content"}
    return {str(k): str(v) for k, v in meta.items() if k not in known and v is not None}


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_PREFIX = re.compile(r"^(?:>\s*)+|^(?:[-*+]|\d+[.)])\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")


def _load_markdown(path: Path, text: str, sidecar: dict[str, str], options: _Options) -> Article:
    meta: dict[str, Any] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        import yaml

        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError as error:
            raise UnsupportedFormatError(
                f"{_display(path)} has YAML front matter that cannot be parsed ({error}). "
                "Fix the block between the '---' lines.",
                path=path,
            ) from error
        if isinstance(loaded, dict):
            meta = {str(k): v for k, v in loaded.items() if v is not None}
        text = text[match.end() :]
    meta.update(sidecar)
    lines = []
    title = _str_or_none(meta.get("title"))
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
    return _build_article(
        "\n".join(lines),
        source=_str_or_none(meta.get("source")) or path.stem,
        title=title,
        url=_str_or_none(meta.get("url")),
        published=_str_or_none(meta.get("published") or meta.get("date")),
        path=path,
        first_line_is_title=False,
        metadata=_extra_metadata(meta),
        options=options,
        where=_display(path),
    )


_TEXT_KEYS = ("text", "body", "content", "article", "maintext")
_TITLE_KEYS = ("title", "headline")
_SOURCE_KEYS = ("source", "outlet", "publisher", "site_name", "sitename", "site", "domain")
_DATE_KEYS = ("published", "published_at", "publishedAt", "date", "date_published")
_LIST_KEYS = ("articles", "documents", "items", "records", "data")


def _first(record: Mapping[str, Any], keys: Iterable[str]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, Mapping):  # e.g. NewsAPI's {"source": {"name": ...}}
            value = value.get("name")
        if value is not None and str(value).strip():
            return str(value).strip()
    return None


def _load_json(
    path: Path, data: bytes, sidecar: dict[str, str], options: _Options, *, lines: bool
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
                            f"{_display(path)} line {number} is not valid JSON ({error.msg}). "
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
            f"{_display(path)} is not valid JSON ({error.msg} at line {error.lineno}). "
            "Fix it, or save the article as .txt.",
            path=path,
        ) from error
    if not records:
        raise EmptyArticleError(f"{_display(path)} holds no records. Add articles or remove it.")

    articles = []
    for number, record in enumerate(records, start=1):
        where = f"{_display(path)} record {number}" if len(records) > 1 else _display(path)
        if not isinstance(record, Mapping):
            raise UnsupportedFormatError(
                f"{where} is a {type(record).__name__}, not an object with a 'text' field.",
                path=path,
            )
        body = _first(record, _TEXT_KEYS)
        if body is None:
            raise EmptyArticleError(
                f"{where} has no article text: give it a 'text' (or 'body'/'content') field.",
                path=path,
            )
        meta = {**record, **(sidecar if len(records) == 1 else {})}
        default_source = path.stem if len(records) == 1 else f"{path.stem} #{number}"
        articles.append(
            _build_article(
                body,
                source=_first(meta, _SOURCE_KEYS) or default_source,
                title=_first(meta, _TITLE_KEYS),
                url=_first(meta, ("url", "link")),
                published=_first(meta, _DATE_KEYS),
                path=path,
                first_line_is_title=False,
                metadata=_extra_metadata(
                    {k: v for k, v in meta.items() if isinstance(v, str | int | float)}
                ),
                options=options,
                where=where,
            )
        )
    return articles


def _load_html(path: Path, data: bytes, sidecar: dict[str, str], options: _Options) -> Article:
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise BinaryFileError(
            f"{_display(path)} contains NUL bytes, so it is not an HTML page. Remove it.",
            path=path,
        )
    return _html_article(
        data,
        where=_display(path),
        path=path,
        fallback_source=path.stem,
        fallback_url=None,
        sidecar=sidecar,
        metadata=_extra_metadata(sidecar),
        options=options,
    )


def _html_article(
    data: bytes,
    *,
    where: str,
    path: Path | None,
    fallback_source: str,
    fallback_url: str | None,
    sidecar: dict[str, str],
    metadata: dict[str, str],
    options: _Options,
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
    meta: dict[str, Any] = {}
    if document is not None:
        meta = {
            "title": getattr(document, "title", None),
            "source": getattr(document, "sitename", None),
            "url": getattr(document, "url", None),
            "published": getattr(document, "date", None),
        }
        author = _str_or_none(getattr(document, "author", None))
        if author and "author" not in metadata:
            metadata = {**metadata, "author": author}
    meta.update(sidecar)
    return _build_article(
        text,
        source=_str_or_none(meta.get("source")) or fallback_source,
        title=_str_or_none(meta.get("title")),
        url=_str_or_none(meta.get("url")) or fallback_url,
        published=_str_or_none(meta.get("published")),
        path=path,
        first_line_is_title=False,
        metadata=metadata,
        options=options,
        where=where,
    )


def _str_or_none(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


# --------------------------------------------------------------------------- building


# A first line ending like a sentence is body text, not a headline ("?" is left out on purpose:
# headlines often ask). Full stops of other scripts count too: CJK "。", Hindi "।", Urdu "۔".
_SENTENCE_END = re.compile(r"[.!;。！；．।۔][\"'”’)\]」』）]*$")
_MAX_HEADLINE_WORDS = 20


def _looks_like_headline(line: str) -> bool:
    """A first line is a headline when it is short (at most 20 words) and does not end like a
    sentence: "Kenya's celebrity lion Mohawk is dead." is the lead, not a headline."""
    return len(line.split()) <= _MAX_HEADLINE_WORDS and _SENTENCE_END.search(line) is None


def _article_from_raw(text: str, *, index: int, options: _Options) -> Article:
    return _build_article(
        text,
        source=f"text {index}",
        title=None,
        url=None,
        published=None,
        path=None,
        first_line_is_title=None,
        metadata={},
        options=options,
        where=f"text {index}",
    )


def _build_article(
    text: str,
    *,
    source: str,
    title: str | None,
    url: str | None,
    published: str | None,
    path: Path | None,
    first_line_is_title: bool | None,
    metadata: dict[str, str],
    options: _Options,
    where: str,
) -> Article:
    """Clean ``text``, pick the headline, split sentences; raise if nothing is left."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise EmptyArticleError(
            f"{where} is empty (no text, or only whitespace). Add the article text or remove it.",
            path=path,
        )
    headline: str | None = None
    if len(lines) > 1:
        if first_line_is_title is None:
            first_line_is_title = _looks_like_headline(lines[0])
        if first_line_is_title:
            headline = lines.pop(0)
    title = title or headline
    cleaned = clean_text("\n".join(lines), source=source, title=title)
    removed = ((headline,) if headline else ()) + cleaned.removed
    reasons = (("headline",) if headline else ()) + cleaned.reasons
    if not cleaned.kept:
        shown = "; ".join(
            f"{line[:60]!r} ({why})"
            for line, why in zip(cleaned.removed, cleaned.reasons, strict=True)
        )
        raise EmptyArticleError(
            f"{where} has no article text left after removing boilerplate: {shown}. "
            "Check that it holds the article itself, not just page furniture.",
            path=path,
        )
    clean = cleaned.text
    sentences = tuple(
        split_sentences(clean, max_words=options.max_sentence_words, language=options.language)
    )
    if title is None:
        words = sentences[0].split() if sentences else []
        title = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
    return Article(
        source=" ".join(source.split()),
        title=" ".join(title.split()),
        text=clean,
        sentences=sentences,
        removed=removed,
        removed_reasons=reasons,
        path=path,
        url=url,
        published=published,
        metadata=metadata,
    )


def _unique_sources(articles: list[Article]) -> list[Article]:
    """Append " (2)", " (3)"... to repeated source labels, so each names one article."""
    counts = Counter(article.source for article in articles)
    used: set[str] = set()
    seen: Counter[str] = Counter()
    result = []
    for article in articles:
        label = article.source
        if counts[label] > 1:
            seen[label] += 1
            n = seen[label]
            candidate = label if n == 1 else f"{label} ({n})"
            while candidate in used or (n > 1 and candidate in counts):
                n += 1
                candidate = f"{label} ({n})"
            label = candidate
        used.add(label)
        result.append(
            article if label == article.source else dataclasses.replace(article, source=label)
        )
    return result


def _warn_identical(articles: list[Article]) -> None:
    first: dict[str, str] = {}
    for article in articles:
        if article.text in first:
            logger.warning(
                "%s has the same text as %s; both are kept (remove one if it is a duplicate).",
                article.path or article.source,
                first[article.text],
            )
        else:
            first[article.text] = str(article.path or article.source)


def as_articles(items: object) -> list[Article]:
    """Articles from what the public API accepts: Article objects, raw texts and paths.

    The one place where :func:`summarize.summarise` and :func:`summarize.brief` turn their input
    into articles (the stages after loading take Article objects only). One
    :class:`~summarize.types.Article` or a folder, file or raw text gives its articles; a list
    of paths and raw texts is loaded by one :func:`load_articles` call (raw texts get the labels
    "Text 1", "Text 2"...); in a list that mixes them, Article objects stay in place.

    Raises:
        InputError: nothing given, or something that is neither an Article, a path nor text.
        ArticleError: an input cannot be loaded.
    """
    if isinstance(items, Article):
        return [items]
    if isinstance(items, str | os.PathLike):
        return list(load_articles(items))
    if isinstance(items, Iterable) and not isinstance(items, bytes | Mapping):
        listed = list(items)
        if not listed:
            raise InputError(
                "No articles given. Pass a folder, files, raw texts or Article objects."
            )
        others = [item for item in listed if not isinstance(item, Article)]
        wrong = sorted(
            {type(item).__name__ for item in others if not isinstance(item, str | os.PathLike)}
        )
        if wrong:
            raise InputError(
                f"Expected Article objects, paths or raw texts, not {', '.join(wrong)}."
            )
        if len(others) == len(listed):
            return list(load_articles(listed))
        if not others:
            return listed
        loaded = load_articles(others)
        if len(loaded) != len(others):
            raise InputError(
                "A list that mixes Article objects with other inputs may hold raw texts and "
                "files only, not folders: load the folder with load_articles() first."
            )
        filled = iter(loaded)
        return [item if isinstance(item, Article) else next(filled) for item in listed]
    raise InputError(
        f"Cannot read articles from {type(items).__name__}. Pass a folder, a file, a list of "
        "paths, a list of raw texts, or a list of Article objects."
    )
