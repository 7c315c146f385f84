"""One warning per fact: identical files are named in one line with a count (not one line per
copy), the line says what happens to them, and ``summarize brief``/``compare`` say it once."""

from __future__ import annotations

import logging

from summarize.cli import main
from summarize.inputs.loading import load_articles

STORY = (
    "Ferry sinks off the coast\n"
    "A passenger ferry sank off the northern coast on Tuesday morning, officials said.\n"
    "Thirty-one people died and twelve were rescued by fishing boats.\n"
    "The ferry was carrying about fifty passengers when it capsized in heavy seas.\n"
)
OTHER = (
    "Storm hits ferry route\n"
    "A ferry went down near the northern coast early on Tuesday, the coast guard said.\n"
    "At least 29 people were killed, and rescuers pulled twelve survivors from the water.\n"
    "Heavy seas were blamed for the sinking of the vessel, which held fifty passengers.\n"
)


def test_many_copies_make_one_line(tmp_path, caplog):
    for n in range(60):
        (tmp_path / f"copy-{n:02d}.txt").write_text(STORY, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="summarize.inputs"):
        articles = load_articles(tmp_path)
    assert len(articles) == 60
    lines = [r.getMessage() for r in caplog.records if "same text" in r.getMessage()]
    assert len(lines) == 1
    assert lines[0].startswith("59 articles have the same text as an earlier one")
    assert "copy-01.txt" in lines[0] and "and 56 more" in lines[0]
    assert "both are kept" not in lines[0]


def _folder(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "c.txt").write_text(OTHER, encoding="utf-8")
    return tmp_path


def test_brief_and_compare_say_it_once(tmp_path, capsys, caplog):
    folder = _folder(tmp_path)
    for command in ("brief", "compare"):
        caplog.clear()
        assert main([command, str(folder), "--no-progress"]) == 0
        capsys.readouterr()
        warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        assert not any("same text" in w for w in warnings), warnings
        assert sum("near-copies" in w for w in warnings) == 1, warnings


def test_keep_copies_still_names_identical_files(tmp_path, capsys, caplog):
    folder = _folder(tmp_path)
    assert main(["compare", str(folder), "--keep-copies", "--no-progress"]) == 0
    capsys.readouterr()
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert sum("same text" in w for w in warnings) == 1
    assert not any("near-copies" in w for w in warnings)
