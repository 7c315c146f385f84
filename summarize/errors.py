"""Typed errors. Every message names the thing at fault and says what to do next."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from summarize.wording import counted


class SummarizeError(Exception):
    """Base class for every error this package raises on purpose."""


class ArticleError(SummarizeError, ValueError):
    """An input article cannot be used. ``path`` is the offending file, when there is one."""

    def __init__(self, message: str, *, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.path = Path(path) if path is not None else None


class ArticleNotFoundError(ArticleError, FileNotFoundError):
    """The path given does not exist."""


class EmptyArticleError(ArticleError):
    """The file (or string) holds no text, or nothing is left after cleaning."""


class BinaryFileError(ArticleError):
    """The file is binary (an image, a PDF, an archive...), not text."""


class DecodingError(ArticleError, UnicodeError):
    """The file's bytes cannot be decoded as text in any supported encoding."""


class ArticleTooLargeError(ArticleError):
    """The file is larger than the loader's size limit (``max_bytes``)."""


class UnsupportedFormatError(ArticleError):
    """The file's format is not one this package reads."""


class FetchError(ArticleError):
    """A web address could not be turned into a page: network error, timeout, HTTP error status,
    too large, not allowed by robots.txt, or not in the cache when offline. ``url`` is the
    address, ``status`` the HTTP status when the server answered."""

    def __init__(self, message: str, *, url: str | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status


class ArticleLoadErrors(ArticleError):
    """Several files in one directory could not be loaded; ``errors`` holds each one."""

    def __init__(self, errors: list[ArticleError]) -> None:
        lines = "\n".join(f"  - {error}" for error in errors)
        super().__init__(
            f"{counted(len(errors), 'input')} could not be loaded:\n{lines}\n"
            "Fix or remove them, or pass errors='skip' to load the rest."
        )
        self.errors = errors


class ModelNotAvailableError(SummarizeError, OSError):
    """A named model is not installed locally and cannot be downloaded here."""


class CorruptModelError(SummarizeError):
    """A cached model folder failed its check (says which file and what is wrong). The cache
    (:mod:`summarize.models.cache`) rebuilds such a folder; delete it to force a rebuild."""


class InputError(SummarizeError, ValueError):
    """Arguments that cannot work together (e.g. an empty list of articles)."""


class FileAccessError(ArticleError):
    """A file or folder cannot be listed or read: permissions, a symbolic link that loops,
    points nowhere or leaves the input folder, a file name that is not valid UTF-8."""


class NotRegularFileError(ArticleError):
    """The path is a named pipe (FIFO), device or socket, not a regular file: never read."""


class MetadataError(UnsupportedFormatError):
    """Metadata (Markdown front matter, ``sources.yaml``, JSON fields) that cannot be used: a
    list or mapping where one value belongs, a value too large, YAML aliases, non-finite
    numbers. ``key`` names the offending field, when there is one."""

    def __init__(
        self, message: str, *, path: Path | str | None = None, key: str | None = None
    ) -> None:
        super().__init__(message, path=path)
        self.key = key


class GeneratedFileError(UnsupportedFormatError):
    """The file is output this package wrote (a briefing or comparison), not an article."""


class RenderError(SummarizeError, TypeError):
    """No renderer for this object or format (e.g. a Digest as JSON). A ``TypeError`` too, as
    it was before it had its own class."""


class BriefManyError(SummarizeError):
    """Some stories could not be briefed (:func:`summarize.brief_many`). ``failures`` maps each
    story's name to its error; ``briefings`` holds the others (``None`` where a story failed),
    in input order."""

    def __init__(self, failures: dict[str, BaseException], briefings: list[Any]) -> None:
        lines = "\n".join(f"  - {name}: {error!r}" for name, error in failures.items())
        super().__init__(
            f"{len(failures)} of {counted(len(briefings), 'story')} could not be briefed:\n"
            f"{lines}\n"
            "The other briefings are in this error's .briefings; run the failed ones again "
            "(a worker that ran out of memory needs a larger memory limit)."
        )
        self.failures = failures
        self.briefings = briefings
