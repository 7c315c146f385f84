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
    from summarize.embeddings import get_embedder

    return get_embedder()


@pytest.fixture(scope="session")
def bundled_briefing(bundled_articles, embedder):
    """``brief()`` of the bundled story with default options, computed once per session."""
    from summarize import brief

    return brief(bundled_articles, embedder=embedder)
