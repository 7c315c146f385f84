"""Shared fixtures: the bundled story and the real default models, loaded once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_STORY = ROOT / "articles" / "may-putin-2016"
EVAL_DIR = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def story_dir() -> Path:
    return BUNDLED_STORY


@pytest.fixture(scope="session")
def bundled_articles():
    from summarize import load_articles

    return load_articles(BUNDLED_STORY)


@pytest.fixture(scope="session")
def embedder():
    """The real default embedder (the static distillation of all-MiniLM-L6-v2), shared."""
    from summarize.models.embeddings import get_embedder

    return get_embedder()


@pytest.fixture(scope="session")
def bundled_briefing(bundled_articles, embedder):
    """``brief()`` of the bundled story with default options, computed once per session."""
    from summarize import brief

    return brief(bundled_articles, embedder=embedder)


@pytest.fixture(scope="session")
def tiny_teacher(tmp_path_factory) -> Path:
    """A tiny random BERT folder (15 WordPiece tokens, 16 dimensions) to distil in seconds.

    Tests of the static-model cache (locking, corruption, rebuilds) distil it instead of MiniLM
    (about a minute): the cache code does not depend on the teacher.
    """
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
    source = tmp_path_factory.mktemp("teacher") / "tiny-bert"
    tokenizer.save_pretrained(source)
    config = BertConfig(
        vocab_size=len(vocabulary),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
    )
    import torch

    torch.manual_seed(0)
    BertModel(config).save_pretrained(source)
    return source
