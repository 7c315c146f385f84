"""The static default embedder: distilled from MiniLM, numpy-only, and close to its teacher."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from summarize.models.embeddings import Embedder
from summarize.models.registry import resolve_embedder
from summarize.models.static_embedder import check_static_model, distil, load_static_model

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
        "import sys; from summarize.models.embeddings import get_embedder; "
        "get_embedder().encode(['A sentence.']); print('torch' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "False", out.stderr


def test_distil_from_a_tiny_transformer(tiny_teacher, tmp_path):
    """model2vec's distillation works for any BERT-style folder, and runs on this project's
    transformers (newer than model2vec's ``[distill]`` extra pins)."""
    target = tmp_path / "static"
    distil(tiny_teacher, target, name="tiny-bert")
    check_static_model(target)  # config, vectors, tokenizer and checksum all consistent
    model = load_static_model(target)
    assert model.tokenizer.encode("Rescue teams searched.", add_special_tokens=False).tokens == [
        "rescue",
        "teams",
        "search",
        "##ed",
        ".",
    ]
    assert "[unused0]" not in model.tokenizer.get_vocab()  # unused tokens are dropped
    got = model.encode(["The bank raised rates.", "Rescue teams searched.", "the bank"])
    assert got.shape == (3, 16)
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-3)
    # Deterministic: distilling again gives the same table.
    again = tmp_path / "again"
    distil(tiny_teacher, again, name="tiny-bert")
    assert np.allclose(load_static_model(again).embedding, model.embedding, atol=1e-3)


def test_distillation_bar_follows_the_progress_switch(tiny_teacher, tmp_path, capsys):
    """model2vec's own "Encoding tokens" bar obeys summarize.progress like every other bar."""
    from summarize.progress import progress_bars

    with progress_bars(False):
        distil(tiny_teacher, tmp_path / "quiet", name="tiny-bert")
    assert "Encoding tokens" not in capsys.readouterr().err
    with progress_bars(True):
        distil(tiny_teacher, tmp_path / "loud", name="tiny-bert")
    assert "Encoding tokens" in capsys.readouterr().err


def test_default_static_model_is_a_model2vec_folder_sentence_transformers_reads(embedder):
    """Saved in model2vec's format: sentence-transformers loads it and gives the same vectors."""
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.models import StaticEmbedding

    path = resolve_embedder()
    check_static_model(path)
    texts = [s for pair in PARAPHRASES for s in pair]
    theirs = SentenceTransformer(modules=[StaticEmbedding.from_model2vec(str(path))]).encode(
        texts, normalize_embeddings=True
    )
    assert (
        np.abs(theirs @ theirs.T - embedder.encode(texts) @ embedder.encode(texts).T).max() < 0.01
    )
