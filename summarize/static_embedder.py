"""Static sentence embeddings distilled from a sentence-transformer (the default embedder).

A transformer embeds a sentence with ~0.6-0.9 GFLOP; on the project's 2-core CPU that caps
all-MiniLM-L6-v2 at ~65 sentences/s. A *static* model replaces the transformer by a lookup
table: each sub-word token gets one vector, and a sentence is the mean of its tokens' vectors.
That runs at thousands of sentences/s with numpy alone (no torch import).

The table is distilled from the transformer the way model2vec does it (Tulkens & van Dongen,
2024, https://github.com/MinishLab/model2vec), in about 40 s on 2 cores, once:

1. every vocabulary token ``t`` is embedded by the transformer as the sentence ``[CLS] t [SEP]``
   (mean pooling, as the sentence-transformer itself pools);
2. PCA to ``dims`` dimensions (centres the vectors, drops the shared direction);
3. each token's vector is scaled by a SIF weight ``a / (a + p(t))``, with ``p`` estimated from
   the token's rank by Zipf's law (WordPiece vocabularies are roughly in frequency order), so
   frequent tokens ("the", ",") count less.

Measured against the transformer it comes from (``benchmarks/calibrate.py``, ``models.md``):
MSRP paraphrase accuracy 72.5 % vs 72.8 %, STS-B news same-fact accuracy 75.2 % vs 78.2 %.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

logger = logging.getLogger(__name__)

__all__ = ["StaticModel", "distil", "is_static_model"]

#: Files of a distilled model directory.
VECTORS_FILE = "vectors.npy"
TOKENIZER_FILE = "tokenizer.json"
CONFIG_FILE = "static.json"
#: Bump when the recipe changes, so cached tables are rebuilt.
RECIPE_VERSION = 1

_UNUSED_TOKEN = re.compile(r"\[unused\d+\]")


def is_static_model(path: Path | str) -> bool:
    """Whether ``path`` is a directory holding a distilled static model."""
    return (Path(path) / CONFIG_FILE).is_file()


@dataclass(frozen=True)
class StaticModel:
    """A token-vector table and the tokenizer that indexes it.

    Attributes:
        vectors: ``(vocabulary, dims)`` float32 token vectors (PCA-reduced, SIF-weighted).
        tokenizer: A ``tokenizers.Tokenizer`` (the source model's, uncased WordPiece for MiniLM).
        source: Name of the transformer it was distilled from.
    """

    vectors: np.ndarray
    tokenizer: Any
    source: str

    @property
    def dimension(self) -> int:
        return int(self.vectors.shape[1])

    def encode(self, texts: Sequence[str], *, batch_size: int = 4096) -> np.ndarray:
        """Unit vectors ``(len(texts), dims)``: the normalised mean of each text's token vectors.

        A text without any token (empty, or only characters the tokenizer drops) gets a zero
        vector, which has cosine 0 with everything.
        """
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for start in range(0, len(texts), batch_size):
            chunk = list(texts[start : start + batch_size])
            encodings = self.tokenizer.encode_batch(chunk, add_special_tokens=False)
            lengths = np.array([len(encoding.ids) for encoding in encodings])
            nonempty = np.flatnonzero(lengths)
            if not nonempty.size:
                continue
            ids = np.concatenate([np.asarray(encodings[i].ids) for i in nonempty])
            offsets = np.concatenate(([0], np.cumsum(lengths[nonempty])[:-1]))
            sums = np.add.reduceat(self.vectors[ids], offsets, axis=0)
            norms = np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
            out[start + nonempty] = sums / norms
        return out

    def save(self, directory: Path) -> None:
        """Write the table (float16, half the size; values are small and well inside range)."""
        directory.mkdir(parents=True, exist_ok=True)
        np.save(directory / VECTORS_FILE, self.vectors.astype(np.float16))
        self.tokenizer.save(str(directory / TOKENIZER_FILE))
        config = {"source": self.source, "dims": self.dimension, "recipe": RECIPE_VERSION}
        (directory / CONFIG_FILE).write_text(json.dumps(config, indent=2), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path | str) -> StaticModel:
        from tokenizers import Tokenizer

        directory = Path(directory)
        config = json.loads((directory / CONFIG_FILE).read_text(encoding="utf-8"))
        vectors = np.load(directory / VECTORS_FILE).astype(np.float32)
        tokenizer = Tokenizer.from_file(str(directory / TOKENIZER_FILE))
        tokenizer.no_truncation()
        tokenizer.no_padding()
        return cls(vectors=vectors, tokenizer=tokenizer, source=str(config.get("source", "")))


def _token_vectors(source: Path, ids: np.ndarray, *, batch_size: int, progress: bool) -> np.ndarray:
    """The transformer's mean-pooled output for ``[CLS] t [SEP]``, for each token id ``t``."""
    import torch
    from tqdm import tqdm  # plain: tqdm.auto needs ipywidgets in notebooks, else it warns
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as transformers_logging

    tokenizer = AutoTokenizer.from_pretrained(str(source), local_files_only=True)
    verbosity = transformers_logging.get_verbosity()
    bars = transformers_logging.is_progress_bar_enabled()
    transformers_logging.set_verbosity_error()  # "UNEXPECTED position_ids" is harmless here
    transformers_logging.disable_progress_bar()  # one bar (ours) is enough
    try:
        model = AutoModel.from_pretrained(str(source), local_files_only=True).eval()
    finally:
        transformers_logging.set_verbosity(verbosity)
        if bars:
            transformers_logging.enable_progress_bar()
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    out = np.empty((len(ids), model.config.hidden_size), dtype=np.float32)
    bar = tqdm(
        total=len(ids), desc="Distilling the static embedder", unit="token", disable=not progress
    )
    with torch.inference_mode():
        for start in range(0, len(ids), batch_size):
            batch = torch.as_tensor(ids[start : start + batch_size], dtype=torch.long)
            input_ids = torch.stack(
                [torch.full_like(batch, cls), batch, torch.full_like(batch, sep)], dim=1
            )
            hidden = model(
                input_ids=input_ids,
                attention_mask=torch.ones_like(input_ids),
                token_type_ids=torch.zeros_like(input_ids),
            ).last_hidden_state
            out[start : start + len(batch)] = hidden.mean(dim=1).numpy()
            bar.update(len(batch))
    bar.close()
    return out


def _pca(vectors: np.ndarray, dims: int) -> np.ndarray:
    """Project onto the top ``dims`` principal components (sign fixed for determinism)."""
    centred = vectors - vectors.mean(axis=0)
    covariance = centred.T.astype(np.float64) @ centred / max(len(centred) - 1, 1)
    _, eigenvectors = np.linalg.eigh(covariance)
    components = eigenvectors[:, ::-1][:, :dims]
    projected = centred @ components
    signs = np.sign(projected[np.abs(projected).argmax(axis=0), np.arange(projected.shape[1])])
    return (projected * np.where(signs == 0, 1, signs)).astype(np.float32)


def _sif_weights(count: int, coefficient: float) -> np.ndarray:
    """``a / (a + p(rank))`` with ``p`` from Zipf's law over ``count`` ranked tokens."""
    inverse_rank = 1.0 / np.arange(2, count + 2)
    probability = inverse_rank / inverse_rank.sum()
    return (coefficient / (coefficient + probability)).astype(np.float32)


def distil(
    source: Path | str,
    *,
    name: str | None = None,
    dims: int = 256,
    sif_coefficient: float = 1e-4,
    batch_size: int = 512,
    progress: bool = True,
) -> StaticModel:
    """Distil a :class:`StaticModel` from the sentence-transformer (BERT-style) at ``source``.

    Args:
        source: Local directory of the transformer (its ``tokenizer.json`` must exist).
        name: Name recorded as the model's source (default: the directory's name).
        dims: Dimensions kept by PCA.
        sif_coefficient: SIF ``a``: smaller down-weights frequent tokens more.
        batch_size: Tokens per forward pass.
        progress: Show a progress bar (the distillation takes about 40 s on 2 cores).
    """
    from tokenizers import Tokenizer

    source = Path(source)
    tokenizer = Tokenizer.from_file(str(source / TOKENIZER_FILE))
    tokenizer.no_truncation()  # a static model has no length limit; the splitter caps sentences
    tokenizer.no_padding()
    vocabulary = tokenizer.get_vocab()
    size = max(vocabulary.values()) + 1
    keep = np.array(
        sorted(i for token, i in vocabulary.items() if not _UNUSED_TOKEN.fullmatch(token))
    )
    logger.info("Distilling a static embedder from %s (%d tokens, once)", source, len(keep))
    raw = _token_vectors(source, keep, batch_size=batch_size, progress=progress)
    reduced = _pca(raw, dims) * _sif_weights(len(keep), sif_coefficient)[:, None]
    vectors = np.zeros((size, reduced.shape[1]), dtype=np.float32)
    vectors[keep] = reduced
    return StaticModel(vectors=vectors, tokenizer=tokenizer, source=name or source.name)
