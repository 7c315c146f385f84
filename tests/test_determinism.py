"""Same input and options give the same briefing, byte for byte, in one process and across
processes.

The cross-process runs use different ``PYTHONHASHSEED`` values, so any output that depends on set or
dict-of-str iteration order (which changes with the hash seed) shows up as a difference.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from summarize import brief, load_articles
from summarize.embeddings import Embedder

ROOT = Path(__file__).resolve().parent.parent
CLI = Path(sys.executable).parent / "summarize"
SEPARATOR = "\n=====8<=====\n"
PRINT_BRIEFING = (
    "import sys\n"
    "from summarize import brief, load_articles\n"
    "b = brief(load_articles(sys.argv[1]))\n"
    f"sys.stdout.write(b.to_json() + {SEPARATOR!r} + b.to_markdown())\n"
)


def _env(hash_seed: str) -> dict[str, str]:
    return dict(
        os.environ, PYTHONHASHSEED=hash_seed, HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false"
    )


@pytest.fixture(scope="module")
def briefing(bundled_articles):
    return brief(bundled_articles)


def test_same_process_is_byte_identical(briefing, story_dir):
    # Fresh load and a fresh (cold-cache) embedder: nothing may depend on what was computed before.
    again = brief(load_articles(story_dir), embedder=Embedder())
    assert again.to_json() == briefing.to_json()
    assert again.to_markdown() == briefing.to_markdown()
    assert again.to_html() == briefing.to_html()


def test_separate_processes_are_byte_identical(briefing, story_dir):
    """The CLI and a ``python -c`` run, each in its own process with its own hash seed, print
    exactly what this process computed."""
    cli = subprocess.Popen(
        [str(CLI), "brief", str(story_dir), "--format", "json", "--no-progress"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env("1"),
        cwd=ROOT,
    )
    python_c = subprocess.Popen(
        [sys.executable, "-c", PRINT_BRIEFING, str(story_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env("2"),
        cwd=ROOT,
    )
    outputs = []
    for run in (cli, python_c):
        stdout, stderr = run.communicate(timeout=300)
        assert run.returncode == 0, stderr.decode("utf-8", "replace")[-2000:]
        outputs.append(stdout.decode("utf-8"))

    cli_json, python_output = outputs
    json_text, markdown = python_output.split(SEPARATOR)
    expected = briefing.to_json()
    assert cli_json.rstrip("\n") == expected.rstrip("\n")
    assert json_text == expected
    assert markdown == briefing.to_markdown()
