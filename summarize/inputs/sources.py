"""The ``sources.yaml`` sidecar: per-file ``source``, ``title``, ``url``, ``published`` (and more).

A ``sources.yaml`` (or ``sources.yml``) next to article files maps a file name to its metadata,
which overrides what the file itself says. Reading YAML safely (no aliases, single values) is
:mod:`summarize.inputs.metadata`'s job; this module finds the sidecar, caches it per folder and
gives one file's entry.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from summarize.errors import FileAccessError, UnsupportedFormatError
from summarize.inputs.decoding import decode_bytes
from summarize.inputs.files import access_error, display, read_regular_file
from summarize.inputs.metadata import MAX_SIDECAR_BYTES, load_yaml, single_values

__all__ = ["SIDECAR_NAMES", "sidecar_entry"]

logger = logging.getLogger(__name__)


SIDECAR_NAMES = ("sources.yaml", "sources.yml")


@dataclasses.dataclass(frozen=True)
class _Sidecar:
    path: Path
    entries: Mapping[str, Mapping[Any, Any]]  # raw: checked per file, when its entry is used


_SIDECAR_CACHE: dict[tuple[Path, float], _Sidecar] = {}


def sidecar_entry(path: Path, *, follow_links: bool = False) -> dict[str, str]:
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
            return single_values(raw, path=sidecar_path, where=where)
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
            f"{display(path)} should map file names to their metadata, e.g. "
            "'001.txt: {source: The Week, title: ...}'. Fix it or remove it.",
            path=path,
        )
    entries: dict[str, Mapping[Any, Any]] = {}
    for name, meta in raw.items():
        if isinstance(meta, dict):
            entries[str(name)] = meta
        else:
            logger.warning(
                "%s: entry for %s is not a mapping; ignored.", display(path), display(str(name))
            )
    for name in entries:
        if not (path.parent / name).exists():
            logger.warning("%s names %s, which is not in the folder.", display(path), display(name))
    sidecar = _Sidecar(path=path, entries=entries)
    _SIDECAR_CACHE[key] = sidecar
    return sidecar
