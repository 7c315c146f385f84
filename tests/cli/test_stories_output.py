"""``summarize stories``: the index goes to stdout unless ``-o DIR`` is given, like ``brief`` and
``compare``; nothing is written into the working directory unasked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize.cli import main

MIXED = Path(__file__).resolve().parents[2] / "articles" / "mixed-news-day"


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_stories_without_output_prints_the_index_and_writes_nothing(
    tmp_path, monkeypatch, capsys, fmt
):
    monkeypatch.chdir(tmp_path)
    assert main(["stories", str(MIXED), "--format", fmt, "--no-progress"]) == 0
    captured = capsys.readouterr()
    assert list(tmp_path.iterdir()) == []  # no ./stories folder, nothing else
    if fmt == "json":
        data = json.loads(captured.out)
        assert len(data["stories"]) == 3
        assert all(story["briefing"] is None for story in data["stories"])
    else:
        assert captured.out.startswith("# Stories")
        assert "AP, via Daily Ledger and Northern Courier" in captured.out
    assert "-o DIR" in captured.err  # says how to get one briefing per story


def test_stories_help_says_the_index_goes_to_stdout(capsys):
    with pytest.raises(SystemExit):
        main(["stories", "--help"])
    out = capsys.readouterr().out
    assert "./stories" not in out
    assert "stdout" in out


def test_briefing_options_without_output_are_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as done:
        main(["stories", str(MIXED), "--scheduler", "dask", "--no-progress"])
    assert done.value.code == 2
    assert "add -o DIR" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
