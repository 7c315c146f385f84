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
from summarize.models.embeddings import Embedder

ROOT = Path(__file__).resolve().parent.parent
# The CLI's own entry point, twice in one child process (models load once): JSON, then Markdown.
RUN_CLI = (
    "import sys\n"
    "from summarize.cli import main\n"
    "story, out = sys.argv[1], sys.argv[2]\n"
    "for fmt in ('json', 'md'):\n"
    "    code = main(['-q', 'brief', story, '--format', fmt, '-o', f'{out}/b.{fmt}'])\n"
    "    if code:\n"
    "        sys.exit(code)\n"
)


def _env(hash_seed: str) -> dict[str, str]:
    return dict(
        os.environ, PYTHONHASHSEED=hash_seed, HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false"
    )


@pytest.fixture(scope="module")
def briefing(bundled_briefing):
    """``brief()`` of the bundled story with default options (shared with other tests)."""
    return bundled_briefing


def test_same_process_is_byte_identical(briefing, story_dir):
    # Fresh load and a fresh (cold-cache) embedder: nothing may depend on what was computed before.
    again = brief(load_articles(story_dir), embedder=Embedder())
    assert again.to_json() == briefing.to_json()
    assert again.to_markdown() == briefing.to_markdown()
    assert again.to_html() == briefing.to_html()


@pytest.mark.slow
def test_separate_processes_are_byte_identical(briefing, story_dir, tmp_path):
    """A fresh process (another hash seed) running the ``summarize brief`` command line for JSON
    and for Markdown writes exactly what this process computed."""
    run = subprocess.run(
        [sys.executable, "-c", RUN_CLI, str(story_dir), str(tmp_path)],
        capture_output=True,
        env=_env("12345"),
        cwd=ROOT,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")[-2000:]
    assert (tmp_path / "b.json").read_bytes() == briefing.to_json().encode("utf-8")
    assert (tmp_path / "b.md").read_bytes() == briefing.to_markdown().encode("utf-8")
