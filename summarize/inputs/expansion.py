"""Input expansion: what each input given to ``load_articles`` stands for.

A folder gives its article files (sorted by name, skipping what is not an article, with a log
line saying what and why); a file is a file; a URL or a local feed file is a web item (fetched
by :mod:`summarize.inputs.pages`); a string that is not a path is article text when it has a
line break or at least :data:`~summarize.defaults.MIN_RAW_TEXT_WORDS` words.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from summarize.defaults import MIN_RAW_TEXT_WORDS
from summarize.errors import ArticleError, ArticleNotFoundError, EmptyArticleError, InputError
from summarize.inputs.files import display, list_folder
from summarize.inputs.formats import ARTICLE_SUFFIXES
from summarize.inputs.pages import WebItem
from summarize.inputs.records import CSV_SUFFIXES
from summarize.inputs.sources import SIDECAR_NAMES
from summarize.inputs.web import is_url
from summarize.terminal import printable

__all__ = ["FolderFile", "expand", "not_found_message"]

logger = logging.getLogger(__name__)


FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
# Documents people may expect to work: skipping them deserves a warning, not just a note.
_UNREADABLE_DOCUMENTS = frozenset({".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub", ".pages"})

PathLike = str | os.PathLike[str]


@dataclasses.dataclass(frozen=True)
class FolderFile:
    """A file found by listing a folder (not named by the user): output this package wrote
    there is skipped instead of refused."""

    path: Path


def expand(
    source: PathLike | Iterable[PathLike],
    failures: list[ArticleError],
    *,
    follow_links: bool = False,
) -> Iterator[Path | FolderFile | tuple[int, str] | WebItem]:
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
            yield WebItem(url=str(item).strip())
        elif isinstance(item, os.PathLike) or (isinstance(item, str) and _is_existing_path(item)):
            path = Path(item)
            if path.is_dir():
                try:
                    yield from _directory_files(path, failures, follow_links=follow_links)
                except ArticleError as error:
                    failures.append(error)
            elif path.exists() and path.suffix.lower() in FEED_SUFFIXES:
                yield WebItem(feed_file=path)
            elif os.path.lexists(path):
                yield path
            else:
                failures.append(ArticleNotFoundError(not_found_message(path), path=path))
        elif isinstance(item, str):
            if _looks_like_text(item):
                n_raw += 1
                yield (n_raw, item)
            else:
                failures.append(ArticleNotFoundError(not_found_message(Path(item)), path=item))
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


def not_found_message(path: Path) -> str:
    return (
        f"No file or folder named {display(path)} (looked in {display(Path.cwd())}). Check the "
        "path; "
        f"to pass article text instead, give a string of at least {MIN_RAW_TEXT_WORDS} words "
        "or use summarize.inputs.loading.article_from_text()."
    )


def _directory_files(
    directory: Path, failures: list[ArticleError], *, follow_links: bool = False
) -> Iterator[FolderFile]:
    """The article files in ``directory``, sorted by name; log what is skipped and why.

    Items that cannot be used (a FIFO named ``.txt``, a broken link, a link leaving the folder)
    are added to ``failures``; the rest of the folder still loads.
    """
    found = False
    skipped: list[str] = []
    unreadable: list[str] = []
    tables: list[str] = []
    for entry in list_folder(directory, follow_links=follow_links):
        path = entry.path
        name = path.name
        if name.startswith(".") or name in SIDECAR_NAMES:
            continue
        if entry.kind == "folder":
            skipped.append(name + "/")
        elif name.upper().startswith(("README", "LICENSE", "LICENCE")):
            logger.debug("Skipping %s (not an article).", display(path))
        elif path.suffix.lower() in ARTICLE_SUFFIXES:
            if entry.error is not None:
                failures.append(entry.error)
                found = True
            else:
                found = True
                yield FolderFile(path)
        elif path.suffix.lower() in _UNREADABLE_DOCUMENTS:
            unreadable.append(name)
        elif path.suffix.lower() in CSV_SUFFIXES and entry.kind == "file":
            tables.append(name)
        else:
            skipped.append(name if entry.kind == "file" else f"{name} ({entry.kind})")
    if skipped:
        logger.info(
            "Skipped %d non-article item(s) in %s: %s.",
            len(skipped),
            display(directory),
            ", ".join(map(printable, skipped)),
        )
    if tables:
        logger.warning(
            "Skipped %s in %s: a table is read as articles (one per row) only when named on its "
            "own, e.g. %s; a data file next to the articles is no article.",
            ", ".join(map(printable, tables)),
            display(directory),
            printable(str(directory / tables[0])),
        )
    if unreadable:
        logger.warning(
            "Skipped %s in %s: this format cannot be read; save the article as .txt, .md or "
            ".html to include it.",
            ", ".join(map(printable, unreadable)),
            display(directory),
        )
    if not found:
        raise EmptyArticleError(
            f"No article files in folder {display(directory)}. Add .txt, .md, .json, .jsonl or "
            ".html files (one article each; .json/.jsonl may hold several).",
            path=directory,
        )
