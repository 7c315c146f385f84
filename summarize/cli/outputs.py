"""Where the command line writes: checked before the work starts, then written atomically.

Before any article is loaded or model started, ``-o`` is checked (:func:`check_output_file`,
:func:`check_output_folder`), so a bad output path fails in a second, not after the run:

* it must not be, or be inside, anything the run **reads** (:func:`paths_read`): the article
  files named or found in a folder, the ``sources.yaml``/``sources.yml`` sidecars, the model and
  web caches, the Hugging Face cache, an ``--embedder``/``--model`` folder. Paths are compared
  after resolving symbolic links, ``..`` and relative paths, and with :func:`os.path.samefile`
  (so a hard link to an article counts as the article). Our own earlier output in an input
  folder is not an article (the loader skips it), so it may be overwritten;
* ``-o FILE`` must not be a folder, nor a read-only file; its folder must be writable (it is
  created when missing, so its nearest existing parent must be a writable folder);
  ``stories -o DIR`` must not be a file, and must be writable (or creatable) likewise.

Output is written to a temporary file in the target folder, flushed to disk and renamed onto
the target (:func:`write_atomic`): a reader, a second process writing the same file, or an
interrupted run sees the old output or the new one, whole, never a mix. The file keeps the
permissions of the one it replaces.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from summarize.errors import InputError
from summarize.inputs.files import display
from summarize.inputs.formats import ARTICLE_SUFFIXES, written_by_summarize
from summarize.inputs.sources import SIDECAR_NAMES

__all__ = [
    "PathsRead",
    "check_not_read",
    "check_output_file",
    "check_output_folder",
    "paths_read",
    "write_atomic",
]


@dataclass(frozen=True)
class PathsRead:
    """What one run reads: ``named`` files (given as inputs, and sidecars), ``listed`` files
    (found in an input folder; our own earlier output among them is skipped by the loader, so
    it may be overwritten) and ``folders`` read as a whole (caches, model folders)."""

    named: tuple[Path, ...] = ()
    listed: tuple[Path, ...] = ()
    folders: tuple[tuple[str, Path], ...] = ()

    def with_files(self, paths: Iterable[Path]) -> PathsRead:
        """These paths added to ``named`` (the loaded articles' files, once known)."""
        return PathsRead((*self.named, *paths), self.listed, self.folders)


def paths_read(inputs: Sequence[str], *, models: Sequence[str | None] = ()) -> PathsRead:
    """The files and folders a run over ``inputs`` (paths or URLs) reads, found cheaply (one
    folder listing per input folder) before the run, plus the caches and model folders."""
    named: list[Path] = []
    listed: list[Path] = []
    for text in inputs:
        if "://" in text:  # a URL: its pages land in the web cache, guarded below
            continue
        path = Path(text)
        with contextlib.suppress(OSError, ValueError):
            if path.is_dir():
                for entry in path.iterdir():
                    if entry.name in SIDECAR_NAMES:
                        named.append(entry)
                    elif entry.suffix.lower() in ARTICLE_SUFFIXES:
                        listed.append(entry)
            elif path.exists():
                named.append(path)
                named.extend(path.parent / name for name in SIDECAR_NAMES)
    folders = [(what, folder) for what, folder in _caches()]
    folders += [("the model folder", Path(m)) for m in models if m and Path(m).exists()]
    return PathsRead(tuple(named), tuple(listed), tuple(folders))


def _caches() -> list[tuple[str, Path]]:
    """The caches a run may read; one whose place cannot be known (no home folder) is left out."""
    from summarize.models.registry import cache_dir

    found: list[tuple[str, Path]] = []
    if os.environ.get("SUMMARIZE_WEB_CACHE"):
        found.append(("the web page cache", Path(os.environ["SUMMARIZE_WEB_CACHE"])))
    with contextlib.suppress(RuntimeError, KeyError, OSError):  # HOME unset, no passwd entry
        found.append(("the model cache", cache_dir()))
        hub = os.environ.get("HF_HUB_CACHE") or os.environ.get("HF_HOME")
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        found.append(("the Hugging Face cache", Path(hub or Path(base) / "huggingface")))
    return [(what, folder.expanduser()) for what, folder in found]


def check_not_read(output: Path, reads: PathsRead) -> None:
    """Raise :class:`InputError` when writing ``output`` would overwrite something the run
    reads (see the module docstring)."""
    target = _resolved(output)
    for what, folder in reads.folders:
        if target == _resolved(folder) or target.is_relative_to(_resolved(folder)):
            raise InputError(
                f"-o {display(output)} is inside {what} {display(folder)}, which this run "
                "reads; writing there could corrupt it. Choose an output outside it."
            )
    if not target.exists():
        return
    for path in (*reads.named, *reads.listed):
        if not _same(path, target):
            continue
        if path in reads.listed and _generated(target):
            continue  # our own earlier output: the loader skips it
        what = (
            "the metadata sidecar (sources.yaml) of the input"
            if path.name in SIDECAR_NAMES
            else "one of the input files"
        )
        raise InputError(
            f"-o {display(output)} is {what} ({display(path)}); writing there would destroy "
            "it. Choose another output file."
        )


def check_output_file(output: Path, reads: PathsRead) -> None:
    """``-o FILE``, before the work starts: not read by the run, not a folder, writable.

    Raises:
        InputError: it says what is wrong and what to do.
    """
    target = _resolved(output)
    if target.is_dir():
        raise InputError(
            f"-o {display(output)} is a folder; give a file name, such as "
            f"{display(output / 'briefing.md')}."
        )
    check_not_read(output, reads)
    if target.exists():
        if target.is_file() and not os.access(target, os.W_OK):
            raise InputError(
                f"-o {display(output)} is read-only. Make it writable or choose another file."
            )
        if not target.is_file():
            return  # a device or pipe (/dev/stdout): written directly
    _check_folder_writable(target.parent, output=output)


def check_output_folder(output: Path, reads: PathsRead) -> None:
    """``stories -o DIR``, before the work starts: not a file, not read by the run, writable.

    Raises:
        InputError: it says what is wrong and what to do.
    """
    target = _resolved(output)
    if target.exists() and not target.is_dir():
        raise InputError(
            f"-o {display(output)} is a file; stories writes a folder of briefings. Give a "
            "folder (created if missing)."
        )
    check_not_read(output, reads)
    _check_folder_writable(target, output=output)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file in the same folder, renamed
    onto ``path``: readers and other writers see the old file or the new one, whole. A device
    or pipe (``/dev/stdout``) is written directly. Missing folders are created."""
    target = _resolved(path)
    if target.exists() and not target.is_file():
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(text)
        return
    data = text.encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    descriptor, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _check_folder_writable(folder: Path, *, output: Path) -> None:
    """The folder exists and takes a new file, or its nearest existing parent is a writable
    folder (it will be created)."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise InputError(
            f"-o {display(output)}: {display(existing)} is a file, not a folder, so nothing can "
            "be written under it. Choose another output path."
        )
    try:
        if existing == folder:  # try it for real: permissions, read-only file systems, ACLs
            descriptor, probe = tempfile.mkstemp(dir=folder, prefix=".summarize-probe.")
            os.close(descriptor)
            os.unlink(probe)
        elif not os.access(existing, os.W_OK | os.X_OK):
            raise PermissionError(13, "permission denied")
    except OSError as error:
        raise InputError(
            f"-o {display(output)}: cannot write into {display(existing)} "
            f"({error.strerror or error}). Choose a folder you can write to."
        ) from None


def _resolved(path: Path) -> Path:
    return Path(os.path.realpath(os.path.abspath(path)))


def _same(path: Path, target: Path) -> bool:
    try:
        return path.is_file() and os.path.samefile(path, target)
    except (OSError, ValueError):
        return False


def _generated(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            head = handle.read(2048)
            handle.seek(max(0, os.fstat(handle.fileno()).st_size - 256))
            tail = handle.read(256)
    except OSError:
        return False
    return written_by_summarize(head + b"\n" + tail)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
