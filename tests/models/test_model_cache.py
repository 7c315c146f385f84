"""The model cache: damaged folders are rebuilt, builds are locked and atomic, leftovers cleaned.

The static model is distilled from a tiny random BERT (``tiny_teacher``, seconds) instead of
MiniLM (about a minute): the cache code is the same for any teacher.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from safetensors.numpy import load_file, save_file

from summarize.errors import ModelNotAvailableError
from summarize.models.cache import CorruptModelError
from summarize.models.registry import load_embedder_model, static_embedder_dir
from summarize.models.static_embedder import check_static_model, load_static_model

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def pristine(tiny_teacher, tmp_path_factory) -> Path:
    """One good distillation of the tiny teacher, copied by each test that damages it."""
    return static_embedder_dir(
        tiny_teacher, name="tiny-bert", target=tmp_path_factory.mktemp("good") / "tiny-static"
    )


def _copy(pristine: Path, tmp_path: Path) -> Path:
    target = tmp_path / "models" / "tiny-static"
    shutil.copytree(pristine, target)
    return target


def _rewrite_vectors(folder: Path, vectors: np.ndarray) -> None:
    """Replace the table and record its new checksum, so only the content check can catch it."""
    from summarize.models.static_embedder import _sha256

    save_file({"embeddings": vectors}, str(folder / "model.safetensors"))
    record = json.loads((folder / "summarize.json").read_text())
    record["sha256"] = _sha256(folder / "model.safetensors")
    (folder / "summarize.json").write_text(json.dumps(record))


def _truncate(folder: Path) -> None:
    path = folder / "model.safetensors"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _garbage(folder: Path) -> None:
    (folder / "model.safetensors").write_bytes(os.urandom(4096))


def _empty_build_record(folder: Path) -> None:
    (folder / "summarize.json").write_text("")


def _empty_config(folder: Path) -> None:
    (folder / "config.json").write_text("")


def _nan_vectors(folder: Path) -> None:
    vectors = load_file(str(folder / "model.safetensors"))["embeddings"].copy()
    vectors[3, :4] = np.nan
    _rewrite_vectors(folder, vectors)


def _wrong_shape(folder: Path) -> None:
    vectors = load_file(str(folder / "model.safetensors"))["embeddings"]
    _rewrite_vectors(folder, np.ascontiguousarray(vectors[:, :8]))


def _wrong_dtype(folder: Path) -> None:
    vectors = load_file(str(folder / "model.safetensors"))["embeddings"]
    _rewrite_vectors(folder, vectors.astype(np.int32))


def _missing_tokenizer(folder: Path) -> None:
    (folder / "tokenizer.json").unlink()


DAMAGE = {
    "truncated vectors": (_truncate, "checksum"),
    "garbage vectors": (_garbage, "checksum"),
    "empty summarize.json": (_empty_build_record, "not JSON"),
    "empty config.json": (_empty_config, "not JSON"),
    "NaN vectors": (_nan_vectors, "NaN"),
    "wrong shape": (_wrong_shape, "columns"),
    "wrong dtype": (_wrong_dtype, "int32"),
    "missing tokenizer": (_missing_tokenizer, "tokenizer.json"),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_cache_is_detected_and_rebuilt_with_a_warning(
    damage, pristine, tiny_teacher, tmp_path, caplog
):
    target = _copy(pristine, tmp_path)
    corrupt, reason = DAMAGE[damage]
    corrupt(target)
    with pytest.raises(CorruptModelError, match=reason):
        check_static_model(target)

    with caplog.at_level(logging.WARNING, logger="summarize.models.cache"):
        assert static_embedder_dir(tiny_teacher, name="tiny-bert", target=target) == target
    warnings = [r.getMessage() for r in caplog.records if " is damaged " in r.getMessage()]
    assert len(warnings) == 1 and str(target) in warnings[0]  # names the folder
    check_static_model(target)
    vectors = load_static_model(target).encode(["The bank raised rates."])
    assert np.isfinite(vectors).all() and np.isclose(np.linalg.norm(vectors), 1.0, atol=1e-3)
    assert sorted(p.name for p in target.parent.iterdir() if not p.name.endswith(".lock")) == [
        "tiny-static"
    ]  # the damaged copy is gone too


def test_good_cache_is_used_as_is(pristine, tiny_teacher, tmp_path, caplog):
    target = _copy(pristine, tmp_path)
    stamp = (target / "model.safetensors").stat().st_mtime_ns
    with caplog.at_level(logging.INFO, logger="summarize.models.cache"):
        static_embedder_dir(tiny_teacher, name="tiny-bert", target=target)
    assert (target / "model.safetensors").stat().st_mtime_ns == stamp
    assert not [r for r in caplog.records if "Building" in r.getMessage()]


def test_interrupted_builds_leave_nothing_behind(tiny_teacher, tmp_path):
    """Temporary folders of killed builds (ours, and the old ``.distil-*``) are removed."""
    models = tmp_path / "models"
    target = models / "tiny-static"
    ours = models / ".tiny-static.tmp-999-deadbeef"
    legacy_old, legacy_young = models / ".distil-old", models / ".distil-young"
    for folder in (ours, legacy_old, legacy_young):
        folder.mkdir(parents=True)
        (folder / "vectors.npy").write_bytes(b"half written")
    hours_ago = time.time() - 2 * 3600
    os.utime(legacy_old, (hours_ago, hours_ago))

    static_embedder_dir(tiny_teacher, name="tiny-bert", target=target)
    check_static_model(target)
    assert not ours.exists() and not legacy_old.exists()
    assert legacy_young.exists()  # an older summarize may still be writing it


def test_damaged_model_folder_given_by_path_names_it(pristine, tmp_path):
    target = _copy(pristine, tmp_path)
    _nan_vectors(target)
    with pytest.raises(ModelNotAvailableError, match=str(target)):
        load_embedder_model(str(target))


def test_default_static_model_passes_its_check_and_a_damaged_copy_does_not(embedder, tmp_path):
    from summarize.models.registry import resolve_embedder

    default = Path(resolve_embedder())
    check_static_model(default)
    copy = tmp_path / "copy"
    shutil.copytree(default, copy)
    _truncate(copy)
    with pytest.raises(CorruptModelError, match="checksum"):
        check_static_model(copy)


_WORKER = """
import logging, sys, time
from pathlib import Path
logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(name)s: %(message)s")
from summarize.models.registry import static_embedder_dir
from summarize.models.static_embedder import load_static_model
import model2vec.distill  # imported before the start line, so all four start building together

ready, go = Path(sys.argv[2]), Path(sys.argv[3])
ready.touch()
while not go.exists():
    time.sleep(0.01)
path = static_embedder_dir(Path(sys.argv[1]), name="tiny-bert")
vector = load_static_model(path).encode(["the bank raised rates ."])[0]
print(path, float(vector[0]))
"""


@pytest.mark.slow  # four separate processes, each importing torch to distil (~90 s loaded)
def test_four_processes_on_an_empty_cache_all_succeed_with_one_build(tiny_teacher, tmp_path):
    cache = tmp_path / "cache"
    env = {**os.environ, "SUMMARIZE_CACHE": str(cache), "PYTHONPATH": str(ROOT)}
    go = tmp_path / "go"
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(tiny_teacher), str(tmp_path / f"ready-{i}"), go],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(4)
    ]
    deadline = time.time() + 300
    while not all((tmp_path / f"ready-{i}").exists() for i in range(4)):
        assert time.time() < deadline and all(w.poll() is None for w in workers), [
            w.communicate() for w in workers if w.poll() is not None
        ]
        time.sleep(0.05)
    go.touch()
    results = [w.communicate(timeout=300) for w in workers]
    assert [w.returncode for w in workers] == [0, 0, 0, 0], [err for _, err in results]
    builds = sum(err.count("Building the static embedder") for _, err in results)
    assert builds == 1, [err for _, err in results]
    outputs = {out.strip() for out, _ in results}
    assert len(outputs) == 1  # same folder, same vectors
    models = cache / "models"
    left = sorted(p.name for p in models.iterdir() if not p.name.endswith(".lock"))
    assert left == [next(iter(outputs)).split()[0].rsplit("/", 1)[1]]  # no temporary folders
