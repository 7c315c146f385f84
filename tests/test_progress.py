"""Progress bars: on a terminal by default, never in pipes or notebooks, off with -q."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from summarize import BriefingOptions, brief_many, defaults, group_stories, load_articles
from summarize.cli import main
from summarize.progress import bar, progress_bars

MIXED = Path(__file__).resolve().parent.parent / "articles" / "mixed-news-day"
SWITCH = [(True, True), (False, False), (None, False)]  # None: stderr here is no terminal


@pytest.mark.parametrize(("enabled", "shown"), [(True, True), (False, False), (None, False)])
def test_bar_follows_the_switch(enabled, shown, capsys):
    # capsys's stderr is not a terminal: None (the default) means no bar.
    with progress_bars(enabled), bar(total=3, desc="counting sheep") as steps:
        for _ in range(3):
            steps.update()
    assert ("counting sheep" in capsys.readouterr().err) is shown


def test_brief_shows_steps_only_when_asked_or_on_a_terminal(bundled_articles, embedder, capsys):
    from summarize import brief

    brief(bundled_articles, embedder=embedder)
    assert capsys.readouterr().err == ""
    brief(bundled_articles, embedder=embedder, progress=True)
    assert "briefing" in capsys.readouterr().err
    with progress_bars(True):  # the caller's switch reaches brief() when it is not given
        brief(bundled_articles, embedder=embedder)
    assert "briefing" in capsys.readouterr().err


@pytest.mark.parametrize(("enabled", "shown"), SWITCH)
def test_grouping_bar_follows_the_switch(enabled, shown, embedder, monkeypatch, capsys):
    pile = load_articles(MIXED)
    # Blocks of 2 articles: a "large" pile, which gets a bar on a terminal (only there).
    monkeypatch.setattr(defaults, "STORY_BLOCK", 2)
    with progress_bars(enabled):
        group_stories(pile, embedder=embedder)
    assert ("grouping" in capsys.readouterr().err) is shown


@pytest.mark.parametrize(("enabled", "shown"), SWITCH)
def test_brief_many_bar_follows_the_switch(enabled, shown, capsys):
    story = load_articles(
        [
            "The council approved the new budget on Monday. Roads will be repaired first.",
            "On Monday the council passed the budget. Schools get new roofs this year.",
        ]
    )
    with progress_bars(enabled):
        brief_many([story], options=BriefingOptions(max_words=30, per_source_words=20))
    assert ("stories:" in capsys.readouterr().err) is shown


def test_quiet_command_line_writes_nothing_to_stderr(story_dir, capsys):
    assert main(["compare", str(story_dir), "--format", "json"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["-q", "compare", str(story_dir), "--format", "csv"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.slow  # the command line in child processes on a pseudo-terminal (~15 s)
@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_compare_on_a_terminal_shows_progress(story_dir, tmp_path):
    import fcntl
    import pty
    import struct
    import termios

    def run(*flags: str) -> str:
        leader, follower = pty.openpty()
        # A terminal 100 columns wide (a new pseudo-terminal has 0, and tqdm draws nothing).
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        child = subprocess.Popen(
            [sys.executable, "-m", "summarize.cli", *flags, "compare", str(story_dir)],
            stdout=subprocess.DEVNULL,
            stderr=follower,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        )
        os.close(follower)  # the child holds the terminal now; reading ends when it exits
        chunks = []
        try:
            while chunk := os.read(leader, 65536):
                chunks.append(chunk)
        except OSError:  # EIO: the child closed the terminal
            pass
        finally:
            os.close(leader)
        assert child.wait(timeout=600) == 0
        return b"".join(chunks).decode("utf-8", "replace")

    shown = run()
    assert "comparing" in shown and "aligning" in shown
    assert "comparing" not in run("--quiet")


@pytest.mark.parametrize(("enabled", "shown"), SWITCH)
def test_embedding_bar_follows_the_switch(enabled, shown, capsys):
    """A long batch of new sentences (over 256) gets the embedder's bar only when the switch
    asks for it or stderr is a terminal; before, it showed in pipes and logs too."""
    from summarize.models.embeddings import Embedder

    sentences = [f"Council meeting number {i} approved budget line {i * 7}." for i in range(300)]
    with progress_bars(enabled):
        Embedder().encode(sentences)
    assert ("it/s" in capsys.readouterr().err) is shown  # model2vec counts its batches
