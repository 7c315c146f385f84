"""The :class:`Embedder`: unit-length sentence vectors, computed once per distinct text."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence

import numpy as np

from summarize.models import DEFAULT_EMBEDDER, load_embedder_model

logger = logging.getLogger(__name__)


def _key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class Embedder:
    """Encode sentences into normalised vectors, caching by text hash.

    Args:
        model: Embedder name or local directory (see :func:`summarize.models.resolve_embedder`).
        batch_size: Sentences per forward pass.
        progress: Show a progress bar: ``None`` means only for long inputs.
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        batch_size: int = 64,
        progress: bool | None = None,
    ) -> None:
        self.model_name = model or DEFAULT_EMBEDDER
        self.batch_size = batch_size
        self.progress = progress
        self._cache: dict[bytes, np.ndarray] = {}
        self.encoded_count = 0  # texts actually sent through the model (for tests and stats)

    @property
    def dimension(self) -> int:
        return int(load_embedder_model(self.model_name).get_sentence_embedding_dimension())

    def encode(self, sentences: Sequence[str]) -> np.ndarray:
        """Return a (len(sentences), dim) float32 array of unit vectors, in input order."""
        keys = [_key(text) for text in sentences]
        missing: dict[bytes, str] = {}
        for key, text in zip(keys, sentences):
            if key not in self._cache and key not in missing:
                missing[key] = text
        if missing:
            self._encode_missing(missing)
        if not keys:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([self._cache[key] for key in keys])

    def _encode_missing(self, missing: dict[bytes, str]) -> None:
        texts = list(missing.values())
        show = self.progress if self.progress is not None else len(texts) > 256
        model = load_embedder_model(self.model_name)
        vectors = model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=show,
        ).astype(np.float32)
        self.encoded_count += len(texts)
        for key, vector in zip(missing, vectors):
            self._cache[key] = vector


_default_embedders: dict[str, Embedder] = {}


def get_embedder(model: str | None = None) -> Embedder:
    """The shared per-process :class:`Embedder` for ``model``, so its cache is reused."""
    name = model or DEFAULT_EMBEDDER
    if name not in _default_embedders:
        _default_embedders[name] = Embedder(name)
    return _default_embedders[name]
