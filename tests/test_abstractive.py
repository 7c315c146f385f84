"""Abstractive digests: the bundled SmolLM2 end to end, and a tiny seq2seq model built offline."""

from __future__ import annotations

import pytest

from summarize import summarise
from summarize.digest import Limits
from summarize.errors import ModelNotAvailableError
from summarize.models import load_generator, resolve_generator
from summarize.summarizers.abstractive import chunk_units, fit_limits


@pytest.fixture(scope="module")
def tiny_bart(tmp_path_factory, bundled_articles):
    """A 2-layer BART with random weights and a word-level tokenizer, saved like a hub model.

    Its context is 64 positions, so a news article must be map-reduced in chunks.
    """
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import BartConfig, BartForConditionalGeneration, PreTrainedTokenizerFast

    specials = ["<pad>", "<s>", "</s>", "<unk>"]
    words = sorted({w for a in bundled_articles for w in a.text.split()})
    vocab = {token: i for i, token in enumerate(specials + words)}
    backend = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<unk>"))
    backend.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend,
        pad_token="<pad>",
        bos_token="<s>",
        eos_token="</s>",
        unk_token="<unk>",
        model_max_length=64,
    )
    config = BartConfig(
        vocab_size=len(vocab),
        d_model=16,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=32,
        decoder_ffn_dim=32,
        max_position_embeddings=64,
        pad_token_id=0,
        bos_token_id=1,
        eos_token_id=2,
        decoder_start_token_id=2,
        forced_eos_token_id=2,
    )
    torch.manual_seed(0)
    model = BartForConditionalGeneration(config)
    directory = tmp_path_factory.mktemp("tiny-bart")
    model.save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    return directory


def test_tiny_seq2seq_runs_end_to_end_through_the_same_path(tiny_bart, bundled_articles, embedder):
    generator = load_generator(str(tiny_bart))
    assert generator.encoder_decoder and generator.context == 64
    article = bundled_articles[1]
    assert len(generator.tokenizer(article.text)["input_ids"]) > 3 * generator.context

    digest = summarise(
        article, method="abstractive", model=str(tiny_bart), max_words=20, embedder=embedder
    )
    assert digest.method == "abstractive" and digest.model == str(tiny_bart)
    assert digest.word_count <= 20
    for sentence in digest.sentences:
        assert sentence.supported == bool(sentence.sources)
    again = summarise(
        article, method="abstractive", model=str(tiny_bart), max_words=20, embedder=embedder
    )
    assert again == digest


def test_long_input_is_chunked_not_truncated(bundled_articles):
    units = list(bundled_articles[1].sentences)

    def count(text: str) -> int:
        return len(text.split())

    chunks = chunk_units(units, count=count, max_tokens=40)
    assert len(chunks) > 1
    assert all(count(chunk) <= 40 for chunk in chunks)
    assert " ".join(chunks).split() == " ".join(units).split()


def test_fit_limits_keeps_whole_sentences():
    sentences = ["One two three.", "Four five six seven eight.", "Nine ten."]
    assert fit_limits(sentences, Limits(max_words=6)) == ["One two three.", "Nine ten."]
    assert fit_limits(sentences, Limits(max_sentences=1)) == ["One two three."]


def test_missing_generator_says_what_to_do(tmp_path):
    with pytest.raises(ModelNotAvailableError, match="huggingface-cli download"):
        resolve_generator("no-such-org/no-such-model")


@pytest.mark.slow
def test_bundled_smollm2_one_article(bundled_articles, embedder):
    """The default generator (SmolLM2-135M-Instruct, GGUF) summarises one article, checked.

    The article's lead (first eight sentences) keeps it to one chunk and a few seconds of
    generation; chunking itself is covered by the tiny seq2seq model above.
    """
    from dataclasses import replace

    full = bundled_articles[1]
    lead = replace(full, sentences=full.sentences[:8], text=" ".join(full.sentences[:8]))
    digest = summarise(lead, method="abstractive", max_words=30, embedder=embedder)
    assert digest.model == "SmolLM2-135M-Instruct" and digest.method == "abstractive"
    assert 0 < digest.word_count <= 30
    for sentence in digest.sentences:
        assert sentence.supported == bool(sentence.sources)
        assert set(sentence.sources) <= {full.source}
