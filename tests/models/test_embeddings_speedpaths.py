"""Fast embedding paths must give the reference model's vectors (no timing assertions here)."""

from __future__ import annotations

import numpy as np
import pytest

from summarize.models.embeddings import Embedder

SENTENCES = [
    "The central bank raised interest rates by half a percentage point on Tuesday.",
    "On Tuesday the central bank lifted rates by 0.5 percentage points.",
    "Rescue teams were still searching for survivors late on Sunday.",
    "Officials said 14 people had died and dozens more were injured in the blast.",
    "The company denied the allegations.",
    "Shares fell.",
    "Prime Minister Theresa May said Britain would not be intimidated, and that the "
    "government would respond in a measured way once the investigation had concluded, "
    "adding that allies in Europe and the United States had offered their full support.",
]


def test_backend_is_validated():
    with pytest.raises(ValueError, match="backend"):
        Embedder(backend="tpu")  # type: ignore[arg-type]


@pytest.mark.slow
def test_onnx_backend_matches_torch(tmp_path, monkeypatch):
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    monkeypatch.setenv("SUMMARIZE_CACHE", str(tmp_path))
    # batches of mixed lengths: padding matters
    fast = Embedder("all-MiniLM-L6-v2", backend="onnx", batch_size=3)
    got = fast.encode(SENTENCES)
    want = Embedder("all-MiniLM-L6-v2").encode(SENTENCES)
    assert got.shape == want.shape and got.dtype == np.float32
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    # The same pairs have the same similarity (the issue allows 0.01; the export is exact).
    assert np.abs(got @ got.T - want @ want.T).max() < 0.01
    assert np.min(np.sum(got * want, axis=1)) > 0.999
    assert list(tmp_path.rglob("*.onnx")), "the export is cached for the next process"
