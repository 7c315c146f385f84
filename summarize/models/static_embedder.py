"""The static default embedder: model2vec's distillation of a sentence-transformer.

A transformer runs a whole network for each sentence, which caps all-MiniLM-L6-v2 at tens of
sentences a second on the project's 2-core CPU (BENCHMARKS.md "Speed"). A *static* model
replaces it by a lookup table: one vector per sub-word token, a sentence is the normalised mean
of its tokens' vectors, thousands of sentences/s with numpy alone (no torch import).

`model2vec <https://github.com/MinishLab/model2vec>`_ (Tulkens & van Dongen, 2024) does both
halves: :func:`model2vec.distill.distill` builds the table (each vocabulary token embedded by
the transformer, PCA to 256 dimensions, SIF weighting by Zipf rank) and
:class:`model2vec.StaticModel` encodes and saves it in the format sentence-transformers
(``StaticEmbedding.from_model2vec``) and MTEB read. This module only adds what the cache needs:
a check of a saved folder (:func:`check_static_model`) and the distillation call
(:func:`distil`). Any model2vec folder (e.g. ``minishlab/potion-base-8M`` downloaded elsewhere)
can be passed as the embedder.

model2vec's ``[distill]`` extra pins ``transformers<5.4``, older than the transformers this
project needs; its distillation code runs on the installed one
(tests/models/test_static_embedder.py), so the project depends on ``model2vec`` and
``skeletoken`` (the extra's only other package) directly. See ``models.md``.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from summarize import progress
from summarize.models.cache import CorruptModelError

if TYPE_CHECKING:
    from model2vec import StaticModel

logger = logging.getLogger(__name__)

__all__ = ["check_static_model", "distil", "is_static_model", "load_static_model"]

CONFIG_FILE = "config.json"
VECTORS_FILE = "model.safetensors"
TOKENIZER_FILE = "tokenizer.json"
#: summarize's own record of a built folder: teacher, recipe, checksum of the vectors.
BUILD_FILE = "summarize.json"
#: Bump when the recipe changes, so cached folders are rebuilt.
RECIPE = "model2vec-pca256-sif1e-4"
_FLOAT_DTYPES = (np.float16, np.float32, np.float64)


def is_static_model(path: Path | str) -> bool:
    """Whether ``path`` is a folder saved by model2vec (its config names the model type)."""
    config = Path(path) / CONFIG_FILE
    if not config.is_file():
        return False
    try:
        data = json.loads(config.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return (Path(path) / VECTORS_FILE).is_file() and (Path(path) / TOKENIZER_FILE).is_file()
    return isinstance(data, dict) and data.get("model_type") == "model2vec"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_static_model(folder: Path) -> None:
    """Raise :class:`CorruptModelError` unless ``folder`` holds a usable model2vec model.

    Checks the metadata (``config.json`` a model2vec config with its dimension; ``summarize.json``
    when present, with the vectors' checksum), the vectors (a 2-D float table whose width is
    the configured dimension, one row per tokenizer entry, every value finite, not all zero)
    and that the tokenizer loads.
    """
    from safetensors import SafetensorError
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    folder = Path(folder)
    config = _json_object(folder / CONFIG_FILE)
    if config.get("model_type") != "model2vec":
        raise CorruptModelError(f"{folder / CONFIG_FILE} is not a model2vec config")
    dimension = config.get("hidden_dim")
    if not isinstance(dimension, int) or dimension <= 0:
        raise CorruptModelError(f"{folder / CONFIG_FILE} has no valid hidden_dim")
    vectors_path = folder / VECTORS_FILE
    build_path = folder / BUILD_FILE
    if build_path.exists():
        expected = _json_object(build_path).get("sha256")
        if not isinstance(expected, str):
            raise CorruptModelError(f"{build_path} has no sha256 of the vectors")
        if not vectors_path.is_file() or _sha256(vectors_path) != expected:
            raise CorruptModelError(f"{vectors_path} does not match its recorded checksum")
    try:
        tensors = load_file(str(vectors_path))
    except (OSError, SafetensorError, ValueError) as error:
        raise CorruptModelError(f"{vectors_path} cannot be read: {error}") from error
    vectors = tensors.get("embeddings")
    if vectors is None:
        raise CorruptModelError(f"{vectors_path} holds no 'embeddings' table")
    if vectors.dtype not in _FLOAT_DTYPES or vectors.ndim != 2 or vectors.shape[1] != dimension:
        raise CorruptModelError(
            f"{vectors_path} holds a {vectors.dtype} table of shape {vectors.shape}, "
            f"expected a float table with {dimension} columns"
        )
    if not np.isfinite(vectors).all():
        raise CorruptModelError(f"{vectors_path} holds NaN or infinite values")
    if not vectors.any():
        raise CorruptModelError(f"{vectors_path} holds only zeros")
    try:
        tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
    except Exception as error:  # tokenizers raises a bare Exception for unreadable files
        raise CorruptModelError(f"{folder / TOKENIZER_FILE} cannot be loaded: {error}") from error
    if "mapping" not in tensors and tokenizer.get_vocab_size() != vectors.shape[0]:
        raise CorruptModelError(
            f"{vectors_path} has {vectors.shape[0]} rows for "
            f"{tokenizer.get_vocab_size()} tokenizer entries"
        )


def _json_object(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise CorruptModelError(f"{path} is missing or not JSON ({error})") from error
    if not isinstance(data, dict):
        raise CorruptModelError(f"{path} is not a JSON object")
    return data


def distil(teacher: Path, folder: Path, *, name: str, dims: int = 256) -> None:
    """Distil the static model of the transformer at ``teacher`` into ``folder`` (model2vec).

    Also writes ``summarize.json`` (teacher, recipe, checksum of the vectors) for
    :func:`check_static_model`. Takes about a minute on 2 idle cores for MiniLM (30k tokens);
    model2vec's progress bar follows :mod:`summarize.progress`.
    """
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # a local folder: nothing to download
    from model2vec.distill import distill, inference

    with progress.routed(inference):
        model = distill(str(teacher), pca_dims=dims, sif_coefficient=1e-4, device="cpu")
    model.save_pretrained(folder)
    record = {"teacher": name, "recipe": RECIPE, "sha256": _sha256(folder / VECTORS_FILE)}
    (folder / BUILD_FILE).write_text(json.dumps(record, indent=2), encoding="utf-8")


def load_static_model(folder: Path | str) -> StaticModel:
    """Load a model2vec folder (numpy and tokenizers only: torch is not imported)."""
    from model2vec import StaticModel

    return StaticModel.from_pretrained(str(folder), normalize=True, quantize_to="float32")
