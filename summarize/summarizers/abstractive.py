"""Abstractive digests: a transformers model writes the summary; the guard checks every sentence.

One code path serves every model :func:`summarize.models.generators.load_generator` can load:
seq2seq models (BART, PEGASUS, T5/flan-t5) get the text (T5 with its "summarize: " prefix),
chat models (the bundled SmolLM2-135M-Instruct, Qwen, Llama...) get an instruction through their
chat template. Input longer than the model's context is never cut silently: it is split at
sentence boundaries into chunks that fit, each chunk is summarised (map), and the partial
summaries are summarised again until one summary remains (reduce). Decoding is greedy, so the
same input gives the same digest.

Generated sentences are then limited to the word / sentence budget (whole sentences only) and
aligned to the sources by :func:`summarize.summarizers.faithfulness.check`: a sentence no source
backs is
kept but flagged ``supported=False``, with no sources.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from summarize.defaults import MAX_INPUT_TOKENS, NO_REPEAT_NGRAM_SIZE, TOKENS_PER_WORD
from summarize.errors import InputError
from summarize.types.digest import Digest, Limits

if TYPE_CHECKING:
    from summarize.models.embeddings import Embedder
    from summarize.models.generators import Generator
    from summarize.types.alignment import Alignment
    from summarize.types.article import Article

logger = logging.getLogger(__name__)

__all__ = ["AbstractiveSummarizer", "chunk_units", "fit_limits"]

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_T5_TYPES = {"t5", "mt5", "umt5", "longt5"}


def chunk_units(units: Sequence[str], *, count: Any, max_tokens: int) -> list[str]:
    """Pack consecutive text units (sentences) into chunks of at most ``max_tokens`` tokens.

    ``count`` maps a text to its token count. A unit longer than ``max_tokens`` on its own is
    split into word runs that fit, so nothing is dropped.
    """
    chunks: list[str] = []
    current: list[str] = []
    used = 0
    for unit in units:
        pieces = [unit]
        if count(unit) > max_tokens:
            words = unit.split()
            step = max(1, int(len(words) * max_tokens / max(count(unit), 1)))
            pieces = [" ".join(words[i : i + step]) for i in range(0, len(words), step)]
        for piece in pieces:
            size = count(piece) + 1
            if current and used + size > max_tokens:
                chunks.append(" ".join(current))
                current, used = [], 0
            current.append(piece)
            used += size
    if current:
        chunks.append(" ".join(current))
    return chunks


def fit_limits(sentences: Sequence[str], limits: Limits) -> list[str]:
    """Keep whole sentences, in order, within the word and sentence limits (skip what won't fit)."""
    kept: list[str] = []
    words_left = limits.max_words if limits.max_words is not None else math.inf
    for sentence in sentences:
        if limits.max_sentences is not None and len(kept) >= limits.max_sentences:
            break
        words = len(sentence.split())
        if words <= words_left:
            kept.append(sentence)
            words_left -= words
    return kept


@dataclass(frozen=True)
class AbstractiveSummarizer:
    """Generate a digest with a seq2seq or chat model, then check it against the sources.

    Args:
        model: Generation model name or directory (``None``: bundled SmolLM2-135M-Instruct).
        max_input_tokens: Cap on input tokens per chunk (the model's context is the hard cap);
            smaller chunks keep small models on topic and CPU generation quick.
        no_repeat_ngram_size: Forbid repeating n-grams (small models otherwise loop).
        threshold: Same-fact threshold for the guard (``None``: the calibrated one).
        embedder: Embeds the *generated* sentences for the guard (source sentences come from
            the alignment); ``None``: the shared embedder of the alignment's model.
    """

    model: str | None = None
    max_input_tokens: int = MAX_INPUT_TOKENS
    no_repeat_ngram_size: int = NO_REPEAT_NGRAM_SIZE
    threshold: float | None = None
    embedder: Embedder | None = field(default=None, compare=False, repr=False)

    name = "abstractive"

    def __call__(
        self, articles: Sequence[Article], *, alignment: Alignment, limits: Limits
    ) -> Digest:
        """A digest of one article or several (their sentences in turn, map-reduced to one
        summary), every sentence checked against the sources (the
        :class:`~summarize.summarizers.Summarizer` interface)."""
        from summarize.inputs.sentences import split_sentences
        from summarize.models.embeddings import get_embedder
        from summarize.models.generators import load_generator
        from summarize.summarizers.faithfulness import check

        units = [sentence for article in articles for sentence in article.sentences]
        embedder = self.embedder or get_embedder(alignment.embedder)
        generator = load_generator(self.model)
        words = limits.max_words or 25 * (limits.max_sentences or 4)
        text = self.generate(units, max_words=words, generator=generator) if units else ""
        sentences = [s.strip() for s in split_sentences(text) if s.strip()] if text else []
        if len(sentences) > 1 and not _SENTENCE_END.search(sentences[-1]):
            sentences = sentences[:-1]  # generation stopped mid-sentence
        sentences = fit_limits(sentences, limits)
        checked = check(
            sentences, articles, alignment=alignment, embedder=embedder, threshold=self.threshold
        )
        return Digest(sentences=checked, method=self.name, model=generator.name)

    def generate(self, units: Sequence[str], *, max_words: int, generator: Generator) -> str:
        """Summarise ``units`` (sentences) in about ``max_words`` words, map-reducing long input."""
        tokenizer = generator.tokenizer
        max_new_tokens = max(8, math.ceil(max_words * TOKENS_PER_WORD))
        overhead = len(self._prompt_ids("", max_words, generator))
        budget = min(self.max_input_tokens, generator.context) - overhead
        if not generator.encoder_decoder:
            budget -= max_new_tokens  # a causal model's output shares its context
        if budget < 16:
            raise InputError(
                f"Model {generator.name!r} has a context of {generator.context} tokens, too "
                f"small for a {max_words}-word summary; ask for fewer words."
            )

        def count(text: str) -> int:
            return len(tokenizer(text, add_special_tokens=False)["input_ids"])

        chunks = chunk_units(units, count=count, max_tokens=budget)
        # Partial summaries are kept to a third of a chunk so each reduce round at least
        # halves their number (the rounds always end in one summary).
        partial_words = max(4, min(max_words, int(budget / 3 / TOKENS_PER_WORD)))
        rounds = 0
        while len(chunks) > 1:
            rounds += 1
            logger.info("Input split into %d chunks (map-reduce round %d)", len(chunks), rounds)
            partial = [
                self._generate_one(chunk, max_words=partial_words, generator=generator)
                for chunk in chunks
            ]
            shorter = chunk_units([p for p in partial if p], count=count, max_tokens=budget)
            if len(shorter) >= len(chunks):
                raise InputError(
                    f"Model {generator.name!r} has too small a context ({generator.context} "
                    "tokens) to merge its partial summaries; use a model with a longer context."
                )
            chunks = shorter
        if not chunks:
            return ""
        return self._generate_one(chunks[0], max_words=max_words, generator=generator)

    def _prompt_ids(self, text: str, max_words: int, generator: Generator) -> list[int]:
        tokenizer = generator.tokenizer
        if generator.encoder_decoder:
            model_type = getattr(generator.model.config, "model_type", "")
            source = f"summarize: {text}" if model_type in _T5_TYPES else text
            return list(tokenizer(source)["input_ids"])
        instruction = (
            f"Summarize this news text in at most {max_words} words. "
            "Only state facts from the text.\n\n" + text
        )
        if getattr(tokenizer, "chat_template", None):
            ids = tokenizer.apply_chat_template(
                [{"role": "user", "content": instruction}],
                add_generation_prompt=True,
                tokenize=True,
            )
            if hasattr(ids, "keys"):  # newer transformers return a BatchEncoding
                ids = ids["input_ids"]
            return list(ids)
        return list(tokenizer(instruction + "\n\nSummary:")["input_ids"])

    def _generate_one(self, text: str, *, max_words: int, generator: Generator) -> str:
        import torch

        from summarize.progress import bar

        ids = self._prompt_ids(text, max_words, generator)
        max_new_tokens = max(8, math.ceil(max_words * TOKENS_PER_WORD))
        input_ids = torch.tensor([ids], dtype=torch.long)
        tokenizer = generator.tokenizer
        pad = tokenizer.pad_token_id
        if pad is None:
            pad = tokenizer.eos_token_id
        with torch.no_grad(), bar(total=max_new_tokens, desc="writing", unit="token") as tokens:
            output = generator.model.generate(
                input_ids=input_ids,
                attention_mask=torch.ones_like(input_ids),
                max_new_tokens=max_new_tokens,
                do_sample=False,
                num_beams=1,
                no_repeat_ngram_size=self.no_repeat_ngram_size,
                pad_token_id=pad,
                streamer=None if tokens.disable else _TokenCounter(tokens),
            )
        new = output[0] if generator.encoder_decoder else output[0][len(ids) :]
        return str(tokenizer.decode(new, skip_special_tokens=True)).strip()


class _TokenCounter:
    """A ``generate(streamer=...)`` that only advances a progress bar, one step per new token
    (the first ``put`` is the prompt, or the decoder's start token)."""

    def __init__(self, bar: Any) -> None:
        self.bar = bar
        self.prompt_seen = False

    def put(self, value: Any) -> None:
        if not self.prompt_seen:
            self.prompt_seen = True
            return
        self.bar.update(int(value.numel()))

    def end(self) -> None:
        self.bar.refresh()
