"""Safe access to input files and folders: regular files only, links kept inside the folder.

Everything the loader reads goes through here, so every OS problem becomes a typed, skippable
:class:`~summarize.errors.ArticleError` that names the path:

* only **regular files** are read: a named pipe (FIFO) called ``pipe.txt``, a device or a socket
  raises :class:`~summarize.errors.NotRegularFileError` and is never opened in a way that can
  block (files are opened with ``O_NONBLOCK`` and checked with ``fstat`` before reading);
* permission problems, symbolic-link loops, dangling links and file names that are not valid
  UTF-8 raise :class:`~summarize.errors.FileAccessError`;
* a symbolic link in a folder that points **outside** the folder is not followed unless the
  caller asks for it (``follow_links=True``), so a scraped folder cannot make the tool read
  ``/etc/shadow`` into a briefing.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from summarize.errors import (
    ArticleError,
    ArticleNotFoundError,
    ArticleTooLargeError,
    FileAccessError,
    NotRegularFileError,
)
from summarize.terminal import printable

__all__ = [
    "FolderEntry",
    "access_error",
    "check_name",
    "display",
    "list_folder",
    "read_regular_file",
]

logger = logging.getLogger(__name__)


def display(path: str | os.PathLike[str]) -> str:
    """``'path'`` for messages: bytes of a non-UTF-8 file name are shown as ``\\xNN``, and
    control characters (escape sequences, line breaks, bidi overrides) are escaped by
    :func:`summarize.terminal.printable`, so a file name cannot forge or garble a message."""
    text = os.fspath(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return f"'{printable(text)}'"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def access_error(path: Path, error: OSError, *, what: str = "read") -> ArticleError:
    """The typed error (naming ``path`` and what to do) for an OS error on ``path``."""
    shown = display(path)
    if isinstance(error, PermissionError):
        return FileAccessError(
            f"{shown} cannot be {what}: permission denied. Fix its permissions or remove it.",
            path=path,
        )
    if error.errno == errno.ELOOP:
        return FileAccessError(
            f"{shown} is a symbolic link that loops back on itself. Remove or fix the link.",
            path=path,
        )
    if isinstance(error, FileNotFoundError):
        if os.path.islink(path):
            return FileAccessError(
                f"{shown} is a symbolic link to {display(os.readlink(path))}, which does not "
                "exist. Remove the link or restore its target.",
                path=path,
            )
        return ArticleNotFoundError(f"{shown} does not exist. Check the path.", path=path)
    return FileAccessError(
        f"{shown} cannot be {what} ({error.strerror or error}). Check the file or remove it.",
        path=path,
    )


def check_name(path: Path) -> None:
    """Raise :class:`FileAccessError` for a path that is not valid UTF-8 (it would reach every
    output as an unprintable lone surrogate)."""
    try:
        os.fspath(path).encode("utf-8")
    except UnicodeEncodeError:
        raise FileAccessError(
            f"The name {display(path)} is not valid UTF-8 (its bytes are shown as \\xNN). "
            "Rename the file (or its folder) to a UTF-8 name.",
            path=path,
        ) from None


def read_regular_file(path: Path, *, max_bytes: int) -> bytes:
    """The bytes of ``path``, a regular file of at most ``max_bytes``.

    Raises:
        NotRegularFileError: a FIFO, device, socket or folder (never blocks on a FIFO).
        FileAccessError: permission denied, a link loop or a dangling link.
        ArticleNotFoundError: the path does not exist.
        ArticleTooLargeError: larger than ``max_bytes``.
    """
    try:
        info = os.stat(path)
    except (OSError, ValueError) as error:
        if isinstance(error, ValueError):  # e.g. an embedded NUL byte
            raise FileAccessError(f"{display(path)} is not a usable path.", path=path) from None
        raise access_error(path, error) from None
    if not stat.S_ISREG(info.st_mode):
        raise _not_regular(path, info.st_mode)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise access_error(path, error) from None
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())  # the file actually opened (it may have been swapped)
        if not stat.S_ISREG(info.st_mode):
            raise _not_regular(path, info.st_mode)
        if info.st_size > max_bytes:
            raise _too_large(path, info.st_size, max_bytes)
        try:
            data = handle.read(max_bytes + 1)
        except OSError as error:
            raise access_error(path, error) from None
    if len(data) > max_bytes:  # it grew while being read
        raise _too_large(path, len(data), max_bytes)
    return data


def _not_regular(path: Path, mode: int) -> NotRegularFileError:
    return NotRegularFileError(
        f"{display(path)} is {_kind(mode)}, not a regular file, so it is not read. "
        "Remove it from the input or pass real files.",
        path=path,
    )


def _too_large(path: Path, size: int, max_bytes: int) -> ArticleTooLargeError:
    return ArticleTooLargeError(
        f"{display(path)} is {size / 1e6:.1f} MB, more than the {max_bytes / 1e6:.1f} MB limit "
        "for one article. Split it, or pass a larger max_bytes if it really is one article.",
        path=path,
    )


@dataclass(frozen=True)
class FolderEntry:
    """One item of a folder: ``kind`` is "file", "folder" or "other" (FIFO, device, socket);
    ``error`` is set when the item cannot be used (a broken link, a link leaving the folder,
    an unreadable item)."""

    path: Path
    kind: str
    error: ArticleError | None = None


def list_folder(directory: Path, *, follow_links: bool = False) -> list[FolderEntry]:
    """The items of ``directory`` sorted by name, each with its kind, or the error it has.

    Symbolic links are resolved: a link that loops or points nowhere gets a
    :class:`FileAccessError`, and so does one whose target is outside ``directory`` unless
    ``follow_links`` is true.

    Raises:
        FileAccessError: the folder itself cannot be listed (permissions, a link loop...).
    """
    try:
        root = directory.resolve(strict=True)
        with os.scandir(directory) as scan:
            items = sorted(scan, key=lambda item: item.name)
    except (OSError, RuntimeError) as error:  # RuntimeError: a link loop before Python 3.13
        if isinstance(error, OSError):
            raise access_error(directory, error, what="listed") from None
        raise FileAccessError(
            f"{display(directory)} is a symbolic link that loops back on itself. Fix it.",
            path=directory,
        ) from None
    entries = []
    for item in items:
        path = Path(item.path)
        try:
            if item.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except RuntimeError:
                    raise OSError(errno.ELOOP, "symbolic link loop") from None
                if not follow_links and not target.is_relative_to(root):
                    entries.append(
                        FolderEntry(
                            path,
                            "file",
                            FileAccessError(
                                f"{display(path)} is a symbolic link to {display(target)}, outside "
                                f"the folder {display(directory)}; it is not followed. Copy "
                                "the file into the folder, or pass follow_links=True "
                                "(--follow-links) to read it.",
                                path=path,
                            ),
                        )
                    )
                    continue
            mode = item.stat().st_mode
        except OSError as error:
            entries.append(FolderEntry(path, "file", access_error(path, error)))
            continue
        if stat.S_ISDIR(mode):
            entries.append(FolderEntry(path, "folder"))
        elif stat.S_ISREG(mode):
            entries.append(FolderEntry(path, "file"))
        else:
            entries.append(FolderEntry(path, "other", _not_regular(path, mode)))
    return entries
