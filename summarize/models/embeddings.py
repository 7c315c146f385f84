"""The :class:`Embedder`: unit-length sentence vectors, computed once per distinct text.

The default model is static (``minilm-static``, a model2vec ``StaticModel``, see
:mod:`summarize.models.static_embedder`): a token table looked up with numpy, thousands of
sentences/s, no torch. Transformer models
(``all-MiniLM-L6-v2``, mpnet, any sentence-transformers folder) have two backends that run the
*same* model: ``"torch"`` (the default, sentence-transformers) and
``"onnx"`` (the model's transformer exported once to ONNX and run by ONNX Runtime; the same
cosines to within 1e-5 at less CPU time, see ``BENCHMARKS.md`` "Speed").
The ONNX file is exported on first use into the ``onnx`` folder of
:func:`summarize.models.registry.cache_dir`; it needs ``pip install onnx onnxruntime``. Only
mean-pooled,
normalised models (all-MiniLM-L6-v2 and the like) can use it. int8 dynamic quantisation was
measured and rejected: it moved pair cosines by up to 0.18 (see ``BENCHMARKS.md``).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, overload

import numpy as np

from summarize import progress
from summarize.defaults import DEFAULT_EMBEDDER
from summarize.errors import InputError
from summarize.models.registry import cache_dir, load_embedder_model

logger = logging.getLogger(__name__)


Backend = Literal["torch", "onnx"]
BACKENDS: tuple[str, ...] = ("torch", "onnx")
_ONNX_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def _key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def _is_static(model: Any) -> bool:
    """Whether ``model`` is a model2vec ``StaticModel`` (checked without importing model2vec)."""
    return type(model).__module__.startswith("model2vec")


def _dimension(model: Any) -> int:
    if _is_static(model):
        return int(model.dim)
    # sentence-transformers >= 5 renamed the method (the old name warns).
    method = getattr(model, "get_embedding_dimension", None) or (
        model.get_sentence_embedding_dimension
    )
    return int(method() or 0)


def _onnx_dir() -> Path:
    return cache_dir() / "onnx"


class _OnnxEncoder:
    """The model's transformer in ONNX Runtime, plus the model's own tokenizer and mean pooling."""

    def __init__(self, name: str) -> None:
        try:
            import onnxruntime as ort
        except ImportError as error:
            raise ImportError(
                "backend='onnx' needs ONNX Runtime: pip install onnx onnxruntime "
                "(or use the default backend='torch')."
            ) from error
        model: Any = load_embedder_model(name)
        if _is_static(model):
            raise ValueError(
                f"backend='onnx' runs transformer embedders; {name!r} is a static model, which "
                "needs no transformer and is already faster than ONNX. Use backend='torch'."
            )
        modules = [type(module).__name__ for module in model]
        pooling = model[1].get_config_dict() if len(modules) > 1 else {}
        mode = pooling.get("pooling_mode")  # sentence-transformers >= 5: one string
        if mode is None:  # older: one boolean per mode
            modes = [k for k, v in pooling.items() if k.startswith("pooling_mode_") and v]
            mode = "mean" if modes == ["pooling_mode_mean_tokens"] else ",".join(modes)
        if modules[:1] != ["Transformer"] or mode != "mean":
            raise ValueError(
                f"backend='onnx' supports mean-pooled models only; {name!r} has {modules} "
                f"with pooling {mode!r}. Use backend='torch'."
            )
        self.tokenizer = model.tokenizer
        self.max_length = int(model.max_seq_length or 512)
        self.dimension = _dimension(model)
        path = self._export(name, model)
        options = ort.SessionOptions()
        options.intra_op_num_threads = len(os.sched_getaffinity(0))
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.inputs = [i.name for i in self.session.get_inputs()]

    @staticmethod
    def _export(name: str, model: Any) -> Path:
        import torch

        from summarize.models.registry import resolve_embedder

        source = Path(resolve_embedder(name))
        weights = sorted(source.glob("*.safetensors")) + sorted(source.glob("*.bin"))
        stamp = "|".join(f"{w.name}:{w.stat().st_size}:{w.stat().st_mtime_ns}" for w in weights)
        digest = hashlib.blake2b(f"{source}|{stamp}".encode(), digest_size=8).hexdigest()
        path = _onnx_dir() / f"{Path(str(name)).name}-{digest}.onnx"
        if path.exists():
            return path
        path.parent.mkdir(parents=True, exist_ok=True)
        logger.info("Exporting embedder %s to ONNX at %s (once)", name, path)
        transformer = model[0].auto_model.eval()

        class _Hidden(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.inner = transformer

            def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
                return self.inner(
                    input_ids=input_ids,
                    attention_mask=attention_mask,
                    token_type_ids=token_type_ids,
                ).last_hidden_state

        example = model.tokenizer(["a b", "c"], padding=True, return_tensors="pt")
        args = tuple(example[k] for k in _ONNX_INPUTS)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        axes = {k: {0: "batch", 1: "tokens"} for k in (*_ONNX_INPUTS, "hidden")}
        with torch.inference_mode(), warnings.catch_warnings():
            # The legacy exporter traces; its warnings are about control flow that does not
            # change with the inputs here (tests/models/test_embeddings_speedpaths.py checks this).
            warnings.simplefilter("ignore")
            torch.onnx.export(
                _Hidden(),
                args,
                str(partial),
                dynamo=False,
                input_names=list(_ONNX_INPUTS),
                output_names=["hidden"],
                dynamic_axes=axes,
                opset_version=17,
            )
        partial.replace(path)  # atomic: concurrent processes never read a half-written file
        return path

    def encode(self, texts: Sequence[str], *, batch_size: int) -> np.ndarray:
        order = np.argsort([-len(text) for text in texts], kind="stable")  # cut padding
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        for start in range(0, len(texts), batch_size):
            index = order[start : start + batch_size]
            batch = self.tokenizer(
                [texts[i] for i in index],
                padding=True,
                truncation=True,
                max_length=self.max_length,
                return_tensors="np",
            )
            feed = {k: np.asarray(batch[k], dtype=np.int64) for k in self.inputs}
            hidden = self.session.run(None, feed)[0]
            mask = feed["attention_mask"][..., None].astype(np.float32)
            pooled = (hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)
            norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            out[index] = pooled / norms
        return out


@functools.lru_cache(maxsize=4)
def _onnx_encoder(name: str) -> _OnnxEncoder:
    return _OnnxEncoder(name)


class Embedder:
    """Encode sentences into normalised vectors, caching by text hash.

    Args:
        model: Embedder name or local directory (see
        :func:`summarize.models.registry.resolve_embedder`).
        batch_size: Sentences per forward pass.
        progress: Show a progress bar: ``None`` follows :mod:`summarize.progress` (long
            inputs only, on a terminal, unless the switch says otherwise).
        backend: ``"torch"`` (default) or ``"onnx"`` (same model in ONNX Runtime; see the
            module docstring).
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        batch_size: int = 64,
        progress: bool | None = None,
        backend: Backend = "torch",
    ) -> None:
        if backend not in BACKENDS:
            raise InputError(f"backend must be 'torch' or 'onnx', got {backend!r}.")
        self.backend = backend
        self.model_name = model or DEFAULT_EMBEDDER
        self.batch_size = batch_size
        self.progress = progress
        self._cache: dict[bytes, np.ndarray] = {}
        self.encoded_count = 0  # texts actually sent through the model (for tests and stats)

    @property
    def dimension(self) -> int:
        return _dimension(load_embedder_model(self.model_name))

    @overload
    def encode(self, sentences: str) -> np.ndarray: ...

    @overload
    def encode(self, sentences: Sequence[str]) -> np.ndarray: ...

    def encode(self, sentences: str | Sequence[str]) -> np.ndarray:
        """Unit vectors of ``sentences``, float32, in input order.

        A list of sentences gives a ``(len(sentences), dim)`` array; one string is one sentence
        and gives a ``(dim,)`` vector (as in sentence-transformers), never one row per character.
        """
        if isinstance(sentences, str):
            return self.encode([sentences])[0]
        keys = [_key(text) for text in sentences]
        missing: dict[bytes, str] = {}
        for key, text in zip(keys, sentences, strict=True):
            if key not in self._cache and key not in missing:
                missing[key] = text
        if missing:
            self._encode_missing(missing)
        if not keys:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([self._cache[key] for key in keys])

    def _encode_missing(self, missing: dict[bytes, str]) -> None:
        texts = list(missing.values())
        show = progress.choose(self.progress, worth_a_bar=len(texts) > 256)
        if show is None:  # auto: like every bar of the library, only on a terminal
            show = sys.stderr.isatty()
        model = load_embedder_model(self.model_name)
        if self.backend == "onnx":  # raises for a static model: it has no transformer to export
            vectors = _onnx_encoder(self.model_name).encode(texts, batch_size=self.batch_size)
        elif _is_static(model):
            # No truncation (the splitter caps sentence length) and no worker processes.
            vectors = model.encode(
                texts, max_length=None, use_multiprocessing=False, show_progress_bar=show
            ).astype(np.float32)
        else:
            # sentence-transformers sorts each call's texts by length, so batches pad little.
            vectors = model.encode(
                texts,
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=show,
            ).astype(np.float32)
        self.encoded_count += len(texts)
        for key, vector in zip(missing, vectors, strict=True):
            self._cache[key] = vector


_default_embedders: dict[str, Embedder] = {}


def get_embedder(model: str | None = None) -> Embedder:
    """The shared per-process :class:`Embedder` for ``model``, so its cache is reused."""
    name = model or DEFAULT_EMBEDDER
    if name not in _default_embedders:
        _default_embedders[name] = Embedder(name)
    return _default_embedders[name]


def as_embedder(embedder: Embedder | str | None) -> Embedder:
    """An :class:`Embedder` from one, from a model name (the shared one for that name, as
    :func:`get_embedder`), or from ``None`` (the shared default), so every entry point takes
    the same things.

    Raises:
        InputError: anything else.
    """
    from summarize.errors import InputError

    if embedder is None or isinstance(embedder, str):
        return get_embedder(embedder)
    if not isinstance(embedder, Embedder):
        raise InputError(
            "embedder must be an Embedder or a model name such as 'all-MiniLM-L6-v2', got "
            f"{type(embedder).__name__}."
        )
    return embedder
