"""``load_articles``: read articles from folders, files or strings into cleaned :class:`Article` s.

What counts as input:

* a **directory**: every article file in it (not recursive), in sorted file-name order.
  ``README*``, hidden files and the ``sources.yaml`` sidecar are skipped quietly; images and
  other non-article files are skipped with a log message, never an error.
* a **file**: ``.txt`` (first line is the headline when it looks like one), ``.md`` (optional
  YAML front matter with ``source``, ``title``, ``url``, ``published``), ``.json`` (one record,
  a list of records, or ``{"articles": [...]}``), ``.jsonl`` (one record per line, read line
  by line: see :mod:`~summarize.inputs.records`; records carry ``text``/``body``/``content``,
  ``title``, ``source``, ``url``, ``published``),
  ``.html``/``.htm`` (main text, title and site name extracted by trafilatura).
* an **http(s) URL**: the page is fetched (politely, cached; see :mod:`summarize.inputs.web`)
  and its main text, headline, site name, canonical URL, author and date are taken from the
  page. A URL (or a local ``.rss``/``.atom``/``.xml`` file) that is an RSS/Atom feed or a
  sitemap expands to the articles it links to.
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

Where each job lives: :mod:`~summarize.inputs.expansion` (what each input stands for),
:mod:`~summarize.inputs.formats` (the readers per file format), :mod:`~summarize.inputs.sources`
(the ``sources.yaml`` sidecar), :mod:`~summarize.inputs.pages` (web inputs) and
:mod:`~summarize.inputs.building` (cleaning and sentence-splitting into an Article).

Hostile input is contained (see :mod:`summarize.inputs.files`, :mod:`summarize.inputs.metadata`,
:mod:`summarize.inputs.decoding`): only regular files are read (a FIFO never blocks), symbolic links
leaving a folder are not followed unless ``follow_links=True``, YAML aliases are refused and
metadata must be single values, decoding never garbles silently, and files this package wrote
(briefings, comparisons) are recognised and skipped in folders. Every problem is a typed
:class:`~summarize.errors.ArticleError` naming the file, skippable with ``errors="skip"``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Literal

from summarize.defaults import DEFAULT_MAX_BYTES, MAX_SENTENCE_WORDS
from summarize.errors import (
    ArticleError,
    ArticleLoadErrors,
    ArticleNotFoundError,
    EmptyArticleError,
    InputError,
    UnsupportedFormatError,
)
from summarize.inputs.building import (
    LoadOptions,
    article_from_raw,
    build_article,
    unique_sources,
    warn_identical,
    warn_not_english,
    warn_unreadable_dates,
)
from summarize.inputs.expansion import FolderFile, expand, not_found_message
from summarize.inputs.files import display
from summarize.inputs.formats import load_path
from summarize.inputs.pages import WebItem, article_from_page, fetch_web_items
from summarize.inputs.web import Fetcher
from summarize.types import Article

__all__ = ["article_from_text", "as_articles", "load_articles", "load_file"]

logger = logging.getLogger(__name__)


ErrorsMode = Literal["raise", "skip"]
PathLike = str | os.PathLike[str]


def load_articles(
    source: PathLike | Iterable[PathLike],
    *,
    errors: ErrorsMode = "raise",
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_sentence_words: int = MAX_SENTENCE_WORDS,
    language: str = "en",
    follow_links: bool = False,
    fetcher: Fetcher | None = None,
    limit: int | None = None,
    allow_private: bool = False,
) -> list[Article]:
    """Load, clean and sentence-split news articles.

    Args:
        source: A directory, a file, a URL, a list of paths, URLs and/or raw article texts, or
            one raw text (see the module docstring for how a string is told apart from a path).
        errors: ``"raise"`` (default): any file that cannot be used raises; a single bad file
            raises its own typed error, several raise
            :class:`~summarize.errors.ArticleLoadErrors` listing every one; a ``.jsonl`` file
            with a broken line raises, naming the line. ``"skip"``: bad files, and broken lines
            of a ``.jsonl`` file (or records of a ``.json`` list), are skipped with a logged
            warning naming each, and the rest load; if nothing at all can be loaded, the errors
            are raised anyway.
        max_bytes: Largest file size read.
        max_sentence_words: Sentences longer than this are hard-wrapped (see
            :func:`summarize.inputs.sentences.split_sentences`).
        language: Language code for sentence-splitting rules (pysbd's). Text in any language
            loads; the default models downstream are English ones, so an article that does not
            read as English is named in a logged warning.
        follow_links: Read files in a folder that are symbolic links to places outside it
            (default: such links raise :class:`~summarize.errors.FileAccessError`).
        fetcher: How URLs and feeds are fetched (timeout, size cap, cache, ``offline``,
            ``since``/``limit`` for feeds...); default ``Fetcher(limit=limit,
            allow_private=allow_private)``, made only when a URL is given.
        limit: Feeds and sitemaps: at most this many entries of each (newest first); ``None``
            takes :data:`~summarize.defaults.FEED_LIMIT` (cutting is announced with a
            warning), ``0`` takes all. With ``fetcher``, set it there instead.
        allow_private: Let feed items and redirects reach loopback, private and link-local
            addresses (refused by default; URLs given here directly are always fetched). With
            ``fetcher``, set it there instead.

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
    if fetcher is not None and (limit is not None or allow_private):
        raise InputError(
            "load_articles got a fetcher and limit/allow_private: give them to the Fetcher "
            "instead (Fetcher(limit=..., allow_private=...))."
        )
    options = LoadOptions(
        max_bytes=max_bytes,
        max_sentence_words=max_sentence_words,
        language=language,
        follow_links=follow_links,
        skip_bad=errors == "skip",
    )

    articles: list[Article] = []
    failures: list[ArticleError] = []
    generated: list[Path] = []
    items = list(expand(source, failures, follow_links=follow_links))
    pages = fetch_web_items(
        items, fetcher, options, failures, limit=limit, allow_private=allow_private
    )
    for item in items:
        try:
            if isinstance(item, WebItem):
                for page in pages.get(item, ()):
                    try:
                        articles.append(article_from_page(page, options))
                    except ArticleError as error:
                        failures.append(error)
            elif isinstance(item, FolderFile):
                articles.extend(load_path(item.path, options, generated=generated))
            elif isinstance(item, Path):
                articles.extend(load_path(item, options))
            else:
                index, text = item
                articles.append(article_from_raw(text, index=index, options=options))
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
    warn_identical(articles)
    warn_not_english(articles)
    warn_unreadable_dates(articles)
    return unique_sources(articles)


def load_file(
    path: PathLike,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_sentence_words: int = MAX_SENTENCE_WORDS,
) -> list[Article]:
    """Load one file (a ``.json``/``.jsonl`` file may hold several articles).

    Uses the ``sources.yaml`` sidecar in the file's folder, if any. Source labels are not
    de-duplicated here; :func:`load_articles` does that across all its inputs.
    """
    path = Path(path)
    if not os.path.lexists(path):
        raise ArticleNotFoundError(not_found_message(path), path=path)
    return load_path(path, LoadOptions(max_bytes=max_bytes, max_sentence_words=max_sentence_words))


def article_from_text(
    text: str,
    *,
    source: str = "text",
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    first_line_is_title: bool | None = None,
    max_sentence_words: int = MAX_SENTENCE_WORDS,
) -> Article:
    """Build an :class:`Article` from raw text (no file involved).

    Args:
        text: The article text; lines are paragraphs.
        source: The outlet's label.
        title: The headline. When ``None``, the first line is used if it looks like a headline
            (see ``first_line_is_title``), otherwise the opening words of the first sentence.
        url: Where it was published, if known.
        published: Publication date or time, if known, in any common form; stored as ISO
            8601 (``Article.published``).
        first_line_is_title: ``True``: the first line is the headline; ``False``: it is body
            text; ``None`` (default): guess (a short first line that does not end a sentence,
            followed by more text, is a headline).
        max_sentence_words: Sentences longer than this are hard-wrapped.

    Raises:
        EmptyArticleError: The text is empty, or nothing is left after cleaning.
    """
    article = build_article(
        text,
        source=source,
        title=title,
        url=url,
        published=published,
        first_line_is_title=first_line_is_title,
        options=LoadOptions(max_sentence_words=max_sentence_words),
        where="the text given",
    )
    warn_not_english([article])
    warn_unreadable_dates([article])
    return article


def _check_language(language: str) -> None:
    from summarize.inputs.sentences import _segmenter

    if not isinstance(language, str):
        raise InputError(f"language must be a language code such as 'en', got {language!r}.")
    try:
        _segmenter(language)
    except ValueError as error:
        raise InputError(str(error)) from None


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
