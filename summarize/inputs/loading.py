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
* an **http(s) URL**: the page is fetched (politely, cached; see :mod:`summarize.inputs.web`) and
its
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

Hostile input is contained (see :mod:`summarize.inputs.files`, :mod:`summarize.inputs.metadata`,
:mod:`summarize.inputs.decoding`): only regular files are read (a FIFO never blocks), symbolic links
leaving a folder are not followed unless ``follow_links=True``, YAML aliases are refused and
metadata must be single values, decoding never garbles silently, and files this package wrote
(briefings, comparisons) are recognised and skipped in folders. Every problem is a typed
:class:`~summarize.errors.ArticleError` naming the file, skippable with ``errors="skip"``.
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

from summarize.defaults import DEFAULT_MAX_BYTES, MIN_RAW_TEXT_WORDS
from summarize.errors import (
    ArticleError,
    ArticleLoadErrors,
    ArticleNotFoundError,
    BinaryFileError,
    DecodingError,
    EmptyArticleError,
    FetchError,
    FileAccessError,
    GeneratedFileError,
    InputError,
    MetadataError,
    UnsupportedFormatError,
)
from summarize.inputs.cleaning import clean_text
from summarize.inputs.decoding import decode_bytes
from summarize.inputs.files import (
    access_error,
    check_name,
    display,
    list_folder,
    read_regular_file,
)
from summarize.inputs.metadata import (
    MAX_FRONT_MATTER_CHARS,
    MAX_SIDECAR_BYTES,
    check_keys,
    clean_label,
    load_yaml,
    single_value,
    strip_invisible,
)
from summarize.inputs.sentences import DEFAULT_MAX_WORDS, split_sentences
from summarize.inputs.web import Fetcher, Page, feed_links, is_feed, is_url
from summarize.types import Article

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
    follow_links: bool = False,
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
            :func:`summarize.inputs.sentences.split_sentences`).
        language: Language code for sentence-splitting rules (pysbd's). Text in any language
            loads; the default models downstream are English ones.
        follow_links: Read files in a folder that are symbolic links to places outside it
            (default: such links raise :class:`~summarize.errors.FileAccessError`).
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
        MetadataError: Front matter, ``sources.yaml`` or JSON fields that cannot be used (a
            list where one value belongs, YAML aliases, a value too large).
        FileAccessError: A path that cannot be listed or read (permissions, broken or looping
            symbolic links, links leaving the folder, names that are not UTF-8).
        NotRegularFileError: A named pipe, device or socket.
        GeneratedFileError: A briefing this package wrote, named explicitly.
        FetchError: A URL could not be fetched (its message names the URL and the status).
        ArticleLoadErrors: Several of the above at once.
        InputError: ``source`` is empty, ``None`` or of a type that cannot hold articles, or
            ``language`` has no sentence rules.
    """
    if errors not in ("raise", "skip"):
        raise InputError(f"errors must be 'raise' or 'skip', got {errors!r}.")
    _check_language(language)
    options = _Options(
        max_bytes=max_bytes,
        max_sentence_words=max_sentence_words,
        language=language,
        follow_links=follow_links,
    )

    articles: list[Article] = []
    failures: list[ArticleError] = []
    generated: list[Path] = []
    items = list(_expand(source, failures, follow_links=follow_links))
    pages = _fetch_web_items(items, fetcher, options, failures)
    for item in items:
        try:
            if isinstance(item, _WebItem):
                for page in pages.get(item, ()):
                    try:
                        articles.append(_article_from_page(page, options))
                    except ArticleError as error:
                        failures.append(error)
            elif isinstance(item, _FolderFile):
                articles.extend(_load_path(item.path, options, generated=generated))
            elif isinstance(item, Path):
                articles.extend(_load_path(item, options))
            else:
                index, text = item
                articles.append(_article_from_raw(text, index=index, options=options))
        except ArticleError as error:
            failures.append(error)
        except RecursionError:  # a last guard: no input may crash the loader
            where = display(item) if isinstance(item, Path) else "an input"
            failures.append(UnsupportedFormatError(f"{where} is nested too deeply to read."))

    if not articles and not failures:
        shown = ", ".join(display(path) for path in generated[:3])
        raise EmptyArticleError(
            f"Nothing to load: {shown} {'is' if len(generated) == 1 else 'are'} output written "
            "by summarize, not articles. Point it at the articles themselves.",
            path=generated[0] if generated else None,
        )
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
    if not os.path.lexists(path):
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
    follow_links: bool = False


@dataclasses.dataclass(frozen=True)
class _FolderFile:
    """A file found by listing a folder (not named by the user): output this package wrote
    there is skipped instead of refused."""

    path: Path


def _check_language(language: str) -> None:
    from summarize.inputs.sentences import _segmenter

    if not isinstance(language, str):
        raise InputError(f"language must be a language code such as 'en', got {language!r}.")
    try:
        _segmenter(language)
    except ValueError as error:
        raise InputError(str(error)) from None


@dataclasses.dataclass(frozen=True)
class _WebItem:
    """A URL, or a local feed file, whose articles are fetched before loading."""

    url: str | None = None
    feed_file: Path | None = None


def _expand(
    source: PathLike | Iterable[PathLike],
    failures: list[ArticleError],
    *,
    follow_links: bool = False,
) -> Iterator[Path | _FolderFile | tuple[int, str] | _WebItem]:
    """Yield files (as Paths), raw texts (as (index, text)) and web inputs in order; note
    missing paths."""
    if isinstance(source, bytes):
        raise InputError(
            "load_articles got bytes; decode them first, or write them to a file and pass its path."
        )
    if source is None or not isinstance(source, str | os.PathLike | Iterable):
        raise InputError(
            f"load_articles cannot read {type(source).__name__}: pass a folder, a file, a list "
            "of paths or texts, or one article text."
        )
    items: list[Any] = [source] if isinstance(source, str | os.PathLike) else list(source)
    if not items:
        raise InputError("load_articles got an empty list: pass at least one path or text.")
    n_raw = 0
    for number, item in enumerate(items, start=1):
        if isinstance(item, str | os.PathLike) and not os.fspath(item).strip():
            if len(items) == 1 and not isinstance(source, list | tuple):
                raise InputError(
                    "load_articles got an empty path or text (''). Pass a folder, a file or "
                    "article text; to read the current folder, pass '.'."
                )
            failures.append(
                EmptyArticleError(
                    f"Input {number} is an empty string: neither a path nor article text. "
                    "Remove it (to read the current folder, pass '.')."
                )
            )
            continue
        if is_url(item):
            yield _WebItem(url=str(item).strip())
        elif isinstance(item, os.PathLike) or (isinstance(item, str) and _is_existing_path(item)):
            path = Path(item)
            if path.is_dir():
                try:
                    yield from _directory_files(path, failures, follow_links=follow_links)
                except ArticleError as error:
                    failures.append(error)
            elif path.exists() and path.suffix.lower() in FEED_SUFFIXES:
                yield _WebItem(feed_file=path)
            elif os.path.lexists(path):
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
        return os.path.lexists(text)  # a dangling link is a path (with a typed error later)
    except (OSError, ValueError):  # e.g. a name too long for the file system
        return False


def _looks_like_text(text: str) -> bool:
    """A string that is not an existing path: article text, or a mistyped path?"""
    return "\n" in text or len(text.split()) >= MIN_RAW_TEXT_WORDS


def _not_found_message(path: Path) -> str:
    return (
        f"No file or folder named {display(path)} (looked in {Path.cwd()}). Check the path; "
        f"to pass article text instead, give a string of at least {MIN_RAW_TEXT_WORDS} words "
        "or use summarize.inputs.loading.article_from_text()."
    )


def _directory_files(
    directory: Path, failures: list[ArticleError], *, follow_links: bool = False
) -> Iterator[_FolderFile]:
    """The article files in ``directory``, sorted by name; log what is skipped and why.

    Items that cannot be used (a FIFO named ``.txt``, a broken link, a link leaving the folder)
    are added to ``failures``; the rest of the folder still loads.
    """
    found = False
    skipped: list[str] = []
    unreadable: list[str] = []
    for entry in list_folder(directory, follow_links=follow_links):
        path = entry.path
        name = path.name
        if name.startswith(".") or name in SIDECAR_NAMES:
            continue
        if entry.kind == "folder":
            skipped.append(name + "/")
        elif name.upper().startswith(("README", "LICENSE", "LICENCE")):
            logger.debug("Skipping %s (not an article).", path)
        elif path.suffix.lower() in ARTICLE_SUFFIXES:
            if entry.error is not None:
                failures.append(entry.error)
                found = True
            else:
                found = True
                yield _FolderFile(path)
        elif path.suffix.lower() in _UNREADABLE_DOCUMENTS:
            unreadable.append(name)
        else:
            skipped.append(name if entry.kind == "file" else f"{name} ({entry.kind})")
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
            f"No article files in folder {display(directory)}. Add .txt, .md, .json, .jsonl or "
            ".html files (one article each; .json/.jsonl may hold several).",
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
                data = read_regular_file(item.feed_file, max_bytes=options.max_bytes)
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


def _load_path(
    path: Path, options: _Options, *, generated: list[Path] | None = None
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
    sidecar = _sidecar_entry(path, follow_links=options.follow_links)
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


#: What every file this package writes carries near its start or end (see ``summarize.render``).
GENERATED_MARKERS = (
    b'<meta name="generator" content="summarize',  # HTML pages
    b'"schema": "summarize.',  # JSON briefings and comparisons
    b"<!-- generator: summarize",  # Markdown
)


def _written_by_summarize(data: bytes) -> bool:
    ends = data[:2048] + b"\n" + data[-256:]
    return any(marker in ends for marker in GENERATED_MARKERS)


def _display(path: PathLike) -> str:
    return display(path)


@dataclasses.dataclass(frozen=True)
class _Sidecar:
    path: Path
    entries: Mapping[str, Mapping[Any, Any]]  # raw: checked per file, when its entry is used


_SIDECAR_CACHE: dict[tuple[Path, float], _Sidecar] = {}


def _sidecar_entry(path: Path, *, follow_links: bool = False) -> dict[str, str]:
    """The sidecar's entry for ``path`` (empty when there is no sidecar or no entry).

    Raises:
        MetadataError: the sidecar, or this file's entry in it, cannot be used.
        FileAccessError: the sidecar is a link leaving the folder (unless ``follow_links``).
    """
    for name in SIDECAR_NAMES:
        sidecar_path = path.parent / name
        if sidecar_path.is_file():
            folder = path.parent.resolve()
            if not follow_links and not sidecar_path.resolve().is_relative_to(folder):
                raise FileAccessError(
                    f"{display(sidecar_path)} is a symbolic link to a file outside "
                    f"{display(path.parent)}; it is not read. Copy it into the folder, or "
                    "pass follow_links=True (--follow-links).",
                    path=sidecar_path,
                )
            sidecar = _read_sidecar(sidecar_path)
            raw = sidecar.entries.get(path.name, {})
            where = f"{display(sidecar_path)} (entry {path.name!r})"
            check_keys(raw, path=sidecar_path, where=where)
            entry = {}
            for key, value in raw.items():
                text = single_value(value, key=str(key), path=sidecar_path, where=where)
                if text is not None:
                    entry[str(key)] = text
            return entry
    return {}


def _read_sidecar(path: Path) -> _Sidecar:
    try:
        key = (path.resolve(), path.stat().st_mtime)
    except OSError as error:  # gone or unreadable since it was listed
        raise access_error(path, error) from None
    if key in _SIDECAR_CACHE:
        return _SIDECAR_CACHE[key]
    data = read_regular_file(path, max_bytes=MAX_SIDECAR_BYTES)
    raw = load_yaml(decode_bytes(data, path=path), path=path) or {}
    if not isinstance(raw, dict):
        raise UnsupportedFormatError(
            f"{_display(path)} should map file names to their metadata, e.g. "
            "'001.txt: {source: The Week, title: ...}'. Fix it or remove it.",
            path=path,
        )
    entries: dict[str, Mapping[Any, Any]] = {}
    for name, meta in raw.items():
        if isinstance(meta, dict):
            entries[str(name)] = meta
        else:
            logger.warning("%s: entry for %s is not a mapping; ignored.", path, name)
    for name in entries:
        if not (path.parent / name).exists():
            logger.warning("%s names %s, which is not in the folder.", path, name)
    sidecar = _Sidecar(path=path, entries=entries)
    _SIDECAR_CACHE[key] = sidecar
    return sidecar


def _extra_metadata(meta: Mapping[str, Any]) -> dict[str, str]:
    """Keys other than the ones Article has fields for (values already checked, as text)."""
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
        meta = _front_matter(path, match.group(1))
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
    check_keys(loaded, path=path, where=where)
    meta = {}
    for key, value in loaded.items():
        text = single_value(value, key=str(key), path=path, where=where)
        if text is not None:
            meta[str(key)] = text
    return meta


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
    except (RecursionError, ValueError) as error:  # nested too deeply; a 5,000-digit number
        reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)
        raise UnsupportedFormatError(
            f"{_display(path)} cannot be read as JSON ({reason}). Article records are flat "
            "objects with 'text', 'title', 'source'... Fix it, or save the article as .txt.",
            path=path,
        ) from None
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
            _build_article(
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
    return _extra_metadata(kept)


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
    _check_encodable(
        {"text": text, "source": source, "title": title, "url": url, "published": published}
        | metadata,
        where=where,
        path=path,
    )
    text = strip_invisible(text)
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
        source=clean_label(source) or (path.stem if path is not None else "text"),
        title=clean_label(title),
        text=clean,
        sentences=sentences,
        removed=removed,
        removed_reasons=reasons,
        path=path,
        url=url,
        published=published,
        metadata=metadata,
    )


def _check_encodable(fields: Mapping[str, str | None], *, where: str, path: Path | None) -> None:
    """Raise :class:`DecodingError` for text holding a lone surrogate (a JSON ``"\\ud800"``
    escape, say): it cannot be written to any UTF-8 output."""
    for key, value in fields.items():
        if value is None:
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            raise DecodingError(
                f"{where}: '{key}' holds an unpaired surrogate "
                f"(\\u{ord(value[error.start]):04x} at character {error.start}), which is not "
                "text. Fix the escape in the file, or remove the field.",
                path=path,
            ) from None


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
