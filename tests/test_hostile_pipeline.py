"""Hostile input past loading: typed errors from the API and one-line errors from the CLI.

Loading-level cases are in ``test_hostile_input.py``. Every call here either gives the correct
result or a :class:`~summarize.errors.SummarizeError` whose message says what to do; the
command line answers with exit code 1 and one message, never a traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from summarize import brief, load_articles, summarise
from summarize.cli import main
from summarize.comparison.comparison import compare
from summarize.errors import InputError, ModelNotAvailableError
from summarize.pipeline.briefing import Briefing
from summarize.render.plots import heatmap_png

ROOT = Path(__file__).resolve().parent.parent

FLOOD = (
    "Flood warnings\n\n"
    "Heavy rain caused the river to burst its banks on Sunday night.\n\n"
    "Hundreds of homes were evacuated, the fire service said.\n\n"
    "Forecasters expect more rain on Tuesday."
)
FLOOD_2 = (
    "River bursts its banks\n\n"
    "The river burst its banks after heavy rain on Sunday night.\n\n"
    "About 300 homes were evacuated, according to the fire service.\n\n"
    "More rain is forecast for Tuesday."
)


def folder_of(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "story"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


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


# --------------------------------------------------------------------------- API


def test_compare_takes_paths_like_brief_and_refuses_other_things(tmp_path):
    folder = folder_of(tmp_path, {"a.txt": FLOOD, "b.txt": FLOOD_2})
    from summarize.render import render

    loaded = render(compare(load_articles(folder), embedder="minilm-static"), "json")
    for path in (str(folder), folder, [folder / "a.txt", folder / "b.txt"]):
        assert render(compare(path, embedder="minilm-static"), "json") == loaded
    for wrong in (42, [42], [b"bytes"]):
        with pytest.raises(InputError, match="Article objects"):
            compare(wrong)  # type: ignore[arg-type]


def test_summarise_and_compare_take_an_embedder_name(tmp_path):
    articles = load_articles(folder_of(tmp_path, {"a.txt": FLOOD, "b.txt": FLOOD_2}))
    comparison = compare(articles, embedder="minilm-static")
    assert comparison.similarity.shape == (2, 2)
    with pytest.raises(InputError):
        summarise(articles[0], embedder=3.5)  # type: ignore[arg-type]


@pytest.mark.slow  # loads the torch transformer (~6 s loaded); the static name is tested above
def test_summarise_takes_a_transformer_embedder_name(tmp_path):
    articles = load_articles(folder_of(tmp_path, {"a.txt": FLOOD, "b.txt": FLOOD_2}))
    digest = summarise(articles[0], embedder="all-MiniLM-L6-v2", max_words=30)
    assert digest.sentences and all(s.text in articles[0].sentences for s in digest.sentences)


def test_embedder_folder_that_is_not_a_model(tmp_path, bundled_articles):
    not_a_model = tmp_path / "some-folder"
    not_a_model.mkdir()
    (not_a_model / "notes.txt").write_text("not a model", encoding="utf-8")
    with pytest.raises(ModelNotAvailableError) as info:
        brief(bundled_articles, embedder=str(not_a_model))
    assert str(not_a_model) in str(info.value)


def test_briefing_from_deep_or_huge_json():
    for text in ("[" * 100_000 + "]" * 100_000, '{"schema": ' + "1" * 5000 + "}"):
        with pytest.raises(InputError) as info:
            Briefing.from_json(text)
        assert "to_json" in str(info.value)


def test_dollar_signs_in_sources_and_file_names(tmp_path, embedder):
    folder = folder_of(
        tmp_path,
        {
            "$$.txt": FLOOD,
            "b.md": "---\nsource: Price $5 vs $6 \\frac{a}{b}$\n---\n" + FLOOD_2,
        },
    )
    articles = load_articles(folder)
    assert [a.source for a in articles] == ["$$", "Price $5 vs $6 \\frac{a}{b}$"]
    briefing = brief(articles, max_words=40, embedder=embedder)
    assert "$$" in briefing.to_html() and "$$" in briefing.to_markdown()
    png = heatmap_png(briefing.comparison.similarity, ["$$", "$x^{2$"], title="$$")
    assert png.startswith(b"\x89PNG")


def test_many_outlets_render_a_bounded_overlap_section(embedder):
    """Past 30 outlets the Markdown/HTML overlap is the top pairs, not an n x n table."""
    texts = [
        FLOOD.replace("Sunday", day) + f"\n\nOutlet {i} adds a line."
        for i, day in enumerate(["Sunday", "Monday"] * 20)
    ]
    articles = load_articles(texts)
    briefing = brief(  # 40 outlets, not two near-copy families
        articles, max_words=40, per_source_words=20, embedder=embedder, collapse_copies=False
    )
    markdown = briefing.to_markdown()
    section = markdown.split("## Overlap between outlets", 1)[1].split("\n## ", 1)[0]
    assert "40 outlets: the 20 highest pairs" in section
    tables = 1 + (briefing.comparison.fact_overlap is not None)  # story and fact overlap
    assert section.count("\n| [") == 20 * tables
    html = briefing.to_html()
    assert html.count("<td>[") == 20 * tables
    loaded = Briefing.from_json(briefing.to_json())
    np.testing.assert_allclose(
        loaded.comparison.similarity, briefing.comparison.similarity, atol=1e-4
    )


# --------------------------------------------------------------------------- command line


def test_cli_refuses_to_overwrite_an_input(tmp_path, capsys):
    folder = folder_of(tmp_path, {"a.txt": FLOOD, "b.txt": FLOOD_2})
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
    folder_of(tmp_path, {"a.txt": FLOOD})
    monkeypatch.chdir(tmp_path / "story")
    assert main(["brief", ""]) == 1
    err = capsys.readouterr().err
    assert_one_line_error(err)
    assert "empty path" in err


def test_cli_bad_embedder_folder_is_one_line(tmp_path, capsys):
    folder = folder_of(tmp_path, {"a.txt": FLOOD, "b.txt": FLOOD_2})
    (tmp_path / "model").mkdir()
    assert main(["compare", str(folder), "--embedder", str(tmp_path / "model")]) == 1
    err = capsys.readouterr().err
    assert_one_line_error(err)
    assert "cannot be loaded" in err


@pytest.mark.slow  # four CLI runs in child processes (~38 s loaded); FIFOs: test_hostile_input
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_cli_fifo_with_skip_bad_and_without(tmp_path):
    folder = folder_of(tmp_path, {"a.txt": FLOOD, "b.txt": FLOOD_2, "deep.json": "[" * 100_000})
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


def test_heatmap_of_thousands_of_outlets_is_drawn_from_blocks():
    n = 1200
    matrix = np.eye(n)
    matrix[5, 900] = matrix[900, 5] = 0.9  # one strong pair stays visible after pooling
    png = heatmap_png(matrix, [f"outlet {i}" for i in range(n)])
    assert png.startswith(b"\x89PNG")


def test_stories_output_written_into_the_input_folder_is_skipped(tmp_path):
    folder = folder_of(tmp_path, {"a.txt": FLOOD, "b.txt": FLOOD_2})
    for fmt in ("md", "json", "html"):
        assert main(["stories", str(folder), "-o", str(folder), "--format", fmt]) == 0
    written = sorted(p.name for p in folder.iterdir() if p.name not in ("a.txt", "b.txt"))
    assert any(name.startswith("index.") for name in written)
    assert [a.path.name for a in load_articles(folder)] == ["a.txt", "b.txt"]
