"""Building a model folder in the cache once, safely, and trusting it only after checking it.

Several processes may start on an empty cache at once (a notebook, the CLI, a test run), a build
may be killed half-way, and a disk may hand back a truncated or garbled file. So a cached model
folder is

* **checked on every load** by a ``check`` function that raises :class:`CorruptModelError`
  (shape, dtype, finite values, metadata: whatever the model needs);
* **built under a file lock** (``.<name>.lock`` next to it): one process builds, the others wait
  and then load what it built;
* **written to a temporary folder and renamed into place** (atomic on one file system), so a
  reader sees either no folder or a complete one;
* **rebuilt when the check fails**, with a warning naming the folder; temporary folders that a
  killed build left behind are removed by the next build.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from summarize.errors import CorruptModelError, ModelNotAvailableError

logger = logging.getLogger(__name__)

__all__ = ["CorruptModelError", "build_once"]

#: How long a process waits for another one's build before giving up (a build takes minutes).
LOCK_TIMEOUT_S = 30 * 60
#: Temporary folders of the hand-written distillation this replaced (``.distil-*``) are removed
#: once they are this old (an older summarize may still be writing a young one).
_LEGACY_TEMP_AGE_S = 3600
_LEGACY_TEMP_PREFIXES = (".distil-", ".assemble-")


def _temp_prefix(target: Path) -> str:
    return f".{target.name}.tmp-"


def _remove_stale_temporaries(target: Path) -> None:
    """Remove temporary folders left by killed builds (called while holding the build lock)."""
    parent = target.parent
    now = time.time()
    for path in parent.iterdir():
        name = path.name
        ours = name.startswith(_temp_prefix(target)) or name.startswith(f".{target.name}.old-")
        legacy = name.startswith(_LEGACY_TEMP_PREFIXES)
        if not (ours or legacy) or not path.is_dir():
            continue
        try:
            if legacy and now - path.stat().st_mtime < _LEGACY_TEMP_AGE_S:
                continue
        except OSError:
            continue
        logger.info("Removing %s, left behind by an interrupted model build", path)
        shutil.rmtree(path, ignore_errors=True)


def _discard(target: Path, reason: CorruptModelError) -> None:
    """Move a corrupt folder out of the way (rename first, so readers never see half of it)."""
    logger.warning(
        "The cached model in %s is damaged (%s); rebuilding it. If this keeps happening, "
        "delete that folder.",
        target,
        reason,
    )
    aside = target.with_name(f".{target.name}.old-{uuid.uuid4().hex[:8]}")
    target.rename(aside)
    shutil.rmtree(aside, ignore_errors=True)


def _is_valid(target: Path, check: Callable[[Path], None]) -> CorruptModelError | None:
    """``None`` when ``target`` passes ``check``, else the reason it does not."""
    try:
        check(target)
    except CorruptModelError as error:
        return error
    return None


def build_once(
    target: Path,
    *,
    build: Callable[[Path], None],
    check: Callable[[Path], None],
    what: str,
) -> Path:
    """Return ``target`` once it holds a model that passes ``check``, building it if needed.

    Args:
        target: The model folder in the cache.
        build: Writes a complete model into the (new, empty) folder it is given.
        check: Raises :class:`CorruptModelError` when a folder is not a usable model.
        what: What is built, for log and error messages ("the static embedder").

    Raises:
        ModelNotAvailableError: the freshly built model fails its check too, or the cache
            folder cannot be written or locked.
    """
    if target.is_dir() and _is_valid(target, check) is None:
        return target
    from filelock import FileLock, Timeout

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(target.parent / f".{target.name}.lock"), timeout=LOCK_TIMEOUT_S)
        with lock:
            return _build_locked(target, build=build, check=check, what=what)
    except Timeout as error:
        raise ModelNotAvailableError(
            f"Waited {LOCK_TIMEOUT_S // 60} minutes for another process to build {what} in "
            f"{target}. If no other summarize is running, delete {target.parent / '.*.lock'} "
            "and try again."
        ) from error
    except OSError as error:
        raise ModelNotAvailableError(
            f"Could not build {what} in {target}: {error}. Point SUMMARIZE_CACHE (or "
            "XDG_CACHE_HOME) at a writable folder."
        ) from error


def _build_locked(
    target: Path,
    *,
    build: Callable[[Path], None],
    check: Callable[[Path], None],
    what: str,
) -> Path:
    _remove_stale_temporaries(target)
    if target.exists():
        reason = _is_valid(target, check)
        if reason is None:  # another process built it while this one waited for the lock
            return target
        _discard(target, reason)
    scratch = target.with_name(f"{_temp_prefix(target)}{os.getpid()}-{uuid.uuid4().hex[:8]}")
    logger.warning("Building %s into %s (once).", what, target)
    try:
        build(scratch)
        reason = _is_valid(scratch, check)
        if reason is not None:
            raise ModelNotAvailableError(
                f"Building {what} produced an unusable model ({reason}). Reinstall the "
                "package it is built from and try again."
            )
        scratch.rename(target)  # atomic: readers see no folder or a complete one
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return target
