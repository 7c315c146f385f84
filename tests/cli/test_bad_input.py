"""Bad input on the command line: exit code 1 and one message, never a traceback.

The same cases through the API: ``tests/pipeline/test_bad_input.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from summarize import load_articles
from summarize.cli import main
from tests._bad_input import (
    STORY,
    STORY_2,
    folder_of,
)

ROOT = Path(__file__).resolve().parents[2]


def run_cli(args: list[str], *, cwd: Path | None = None, timeout: float = 300):
    """The real command in a child process (so a hang or a traceback cannot hide)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), HF_HUB_OFFLINE="1")
    return subprocess.run(
        [sys.executable, "-m", "summarize.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        env=env,
    )


def assert_one_line_error(stderr: str) -> None:
    assert "Traceback" not in stderr
    errors = [line for line in stderr.splitlines() if line.startswith("summarize: error:")]
    assert len(errors) == 1, stderr


def test_cli_refuses_to_overwrite_an_input(tmp_path, capsys):
    folder = folder_of(tmp_path, {"a.txt": STORY, "b.txt": STORY_2})
    before = (folder / "a.txt").read_bytes()
    for args in (
        ["brief", str(folder / "a.txt"), str(folder / "b.txt"), "-o", str(folder / "a.txt")],
        ["brief", str(folder), "-o", str(folder / "b.txt")],
        ["compare", str(folder), "-o", str(folder / "a.txt")],
    ):
        assert main(args) == 1
        err = capsys.readouterr().err
        assert_one_line_error(err)
        assert "input files" in err
    assert (folder / "a.txt").read_bytes() == before


def test_cli_empty_path_does_not_load_the_current_folder(tmp_path, capsys, monkeypatch):
    folder_of(tmp_path, {"a.txt": STORY})
    monkeypatch.chdir(tmp_path / "story")
    assert main(["brief", ""]) == 1
    err = capsys.readouterr().err
    assert_one_line_error(err)
    assert "empty path" in err


def test_cli_bad_embedder_folder_is_one_line(tmp_path, capsys):
    folder = folder_of(tmp_path, {"a.txt": STORY, "b.txt": STORY_2})
    (tmp_path / "model").mkdir()
    assert main(["compare", str(folder), "--embedder", str(tmp_path / "model")]) == 1
    err = capsys.readouterr().err
    assert_one_line_error(err)
    assert "cannot be loaded" in err


@pytest.mark.slow  # four CLI runs in child processes (~38 s loaded); FIFOs: test_bad_files
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_cli_fifo_with_skip_bad_and_without(tmp_path):
    folder = folder_of(tmp_path, {"a.txt": STORY, "b.txt": STORY_2, "deep.json": "[" * 100_000})
    os.mkfifo(folder / "pipe.txt")
    failed = run_cli(["compare", str(folder), "--format", "json"])
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    assert "pipe.txt" in failed.stderr and "deep.json" in failed.stderr
    done = run_cli(
        ["compare", str(folder), "--format", "json", "--skip-bad", "-o", "out.json"], cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert "pipe.txt" in done.stderr and "deep.json" in done.stderr  # reported, not silent
    assert '"sources": [\n    "a",\n    "b"\n  ]' in (tmp_path / "out.json").read_text("utf-8")
    # The output written into the folder is skipped on the next run, not read as an article.
    again = run_cli(["compare", str(folder), "--skip-bad", "-o", str(folder / "briefing.json")])
    assert again.returncode == 0, again.stderr
    third = run_cli(["compare", str(folder), "--skip-bad", "--format", "json"])
    assert third.returncode == 0, third.stderr
    assert '"sources": [\n    "a",\n    "b"\n  ]' in third.stdout


def test_stories_output_written_into_the_input_folder_is_skipped(tmp_path):
    folder = folder_of(tmp_path, {"a.txt": STORY, "b.txt": STORY_2})
    for fmt in ("md", "json", "html"):
        assert main(["stories", str(folder), "-o", str(folder), "--format", fmt]) == 0
    written = sorted(p.name for p in folder.iterdir() if p.name not in ("a.txt", "b.txt"))
    assert any(name.startswith("index.") for name in written)
    assert [a.path.name for a in load_articles(folder)] == ["a.txt", "b.txt"]
