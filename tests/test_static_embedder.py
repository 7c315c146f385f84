"""The static default embedder: distilled from MiniLM, numpy-only, and close to its teacher."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from summarize.embeddings import Embedder
from summarize.static_embedder import StaticModel, distil, is_static_model

# Pairs that report the same fact in other words, then unrelated sentences.
PARAPHRASES = [
    (
        "The central bank raised interest rates by half a percentage point on Tuesday.",
        "On Tuesday the central bank lifted rates by 0.5 percentage points.",
    ),
    (
        "Rescue teams were still searching for survivors late on Sunday.",
        "Late on Sunday, rescuers kept looking for people trapped alive.",
    ),
    (
        "Theresa May spoke to Vladimir Putin by telephone about Syria.",
        "The prime minister and the Russian president discussed Syria in a phone call.",
    ),
    (
        "The company denied all of the allegations in a statement.",
        "In a statement, the firm rejected every accusation.",
    ),
]


def test_default_embedder_is_static_and_unit_length(embedder):
    assert embedder.model_name == "minilm-static"
    vectors = embedder.encode([s for pair in PARAPHRASES for s in pair] + ["", "!!!"])
    assert vectors.dtype == np.float32 and vectors.shape[1] == 256
    assert np.allclose(np.linalg.norm(vectors[:-2], axis=1), 1.0, atol=1e-5)
    assert np.all(np.abs(vectors[-2]) == 0)  # no tokens: a zero vector, cosine 0 with all


@pytest.mark.slow  # loads the torch transformer it is distilled from
def test_static_model_finds_each_paraphrase_like_its_teacher(embedder):
    """Each sentence's nearest neighbour is its paraphrase, for the static model and MiniLM."""
    texts = [s for pair in PARAPHRASES for s in pair]
    partner = np.arange(len(texts)) ^ 1  # 0<->1, 2<->3, ...
    for model in (embedder, Embedder("all-MiniLM-L6-v2")):
        vectors = model.encode(texts)
        similarity = vectors @ vectors.T
        np.fill_diagonal(similarity, -1.0)
        assert list(similarity.argmax(axis=1)) == list(partner), model.model_name


def test_default_pipeline_does_not_import_torch(embedder):
    """Loading and using the static default needs numpy and tokenizers only (once built: the
    ``embedder`` fixture builds it first, which does need torch)."""
    code = (
        "import sys; from summarize.embeddings import get_embedder; "
        "get_embedder().encode(['A sentence.']); print('torch' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "False", out.stderr


def test_distil_from_a_tiny_transformer(tmp_path):
    """The recipe works for any BERT-style folder: a tiny random one built from a config."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "[unused0]"]
    vocabulary += ["the", "bank", "raised", "rates", "rescue", "teams", "search", "##ed", "."]
    wordpiece = Tokenizer(
        models.WordPiece({token: i for i, token in enumerate(vocabulary)}, unk_token="[UNK]")
    )
    wordpiece.normalizer = normalizers.BertNormalizer(lowercase=True)
    wordpiece.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=wordpiece,
        unk_token="[UNK]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        pad_token="[PAD]",
        mask_token="[MASK]",
    )
    source = tmp_path / "tiny-bert"
    tokenizer.save_pretrained(source)
    config = BertConfig(
        vocab_size=len(vocabulary),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
    )
    BertModel(config).save_pretrained(source)

    model = distil(source, dims=8, progress=False)
    assert model.vectors.shape == (len(vocabulary), 8)
    assert not model.vectors[vocabulary.index("[unused0]")].any()  # unused tokens get nothing
    target = tmp_path / "static"
    model.save(target)
    assert is_static_model(target)
    loaded = StaticModel.load(target)
    assert loaded.tokenizer.encode("Rescue teams searched.", add_special_tokens=False).tokens == [
        "rescue",
        "teams",
        "search",
        "##ed",
        ".",
    ]
    got = loaded.encode(["The bank raised rates.", "Rescue teams searched.", "the bank"])
    assert got.shape == (3, 8)
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-3)
    # Deterministic: distilling again gives the same table.
    again = distil(source, dims=8, progress=False)
    assert np.allclose(again.vectors, model.vectors, atol=1e-5)
