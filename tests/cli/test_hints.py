"""Each load error's hint fits its input: no ``--skip-bad`` for a page that cannot be fetched
when nothing else would load, nor for a mistyped path; ``--skip-bad`` where it helps."""

from __future__ import annotations

import socket

import pytest

from summarize.cli import main

STORY = (
    "Ferry sinks off the coast\n"
    "A passenger ferry sank off the northern coast on Tuesday morning, officials said.\n"
    "Thirty-one people died and twelve were rescued by fishing boats.\n"
)


def run(capsys, *argv: str) -> tuple[str, str]:
    """(error line, hint line or "") of a failed run."""
    assert main(list(argv)) == 1
    err = capsys.readouterr().err
    hints = [line for line in err.splitlines() if line.startswith("summarize: hint:")]
    assert len(hints) <= 1
    return err, hints[0] if hints else ""


@pytest.fixture
def closed_port() -> str:
    """An address on this machine where nothing listens: the connection is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/story"


@pytest.fixture
def silent_server():
    """An address that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    yield f"http://127.0.0.1:{server.getsockname()[1]}/story"
    server.close()


def test_a_url_that_cannot_be_reached(capsys, closed_port, monkeypatch, tmp_path):
    monkeypatch.setenv("SUMMARIZE_WEB_CACHE", str(tmp_path / "cache"))
    err, hint = run(capsys, "brief", closed_port, "--no-progress")
    assert "--skip-bad" not in err
    assert "--offline" in hint


def test_a_url_that_does_not_answer_in_time(capsys, silent_server, monkeypatch, tmp_path):
    monkeypatch.setenv("SUMMARIZE_WEB_CACHE", str(tmp_path / "cache"))
    err, _ = run(capsys, "compare", silent_server, "--timeout", "0.5", "--no-progress")
    assert "--timeout" in err
    assert "--skip-bad" not in err


def test_a_url_among_other_inputs(capsys, closed_port, monkeypatch, tmp_path):
    monkeypatch.setenv("SUMMARIZE_WEB_CACHE", str(tmp_path / "cache"))
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    _, hint = run(capsys, "brief", closed_port, str(tmp_path / "a.txt"), "--no-progress")
    assert "--skip-bad leaves the pages that cannot be fetched out" in hint


def test_a_mistyped_path(capsys, tmp_path):
    err, hint = run(capsys, "brief", str(tmp_path / "no-such-story"), "--no-progress")
    assert "Check the path" in err
    assert hint == ""


def test_a_bad_file_in_a_folder_and_alone(capsys, tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    _, hint = run(capsys, "brief", str(tmp_path), "--no-progress")
    assert "--skip-bad leaves such files" in hint
    _, alone = run(capsys, "brief", str(tmp_path / "b.txt"), "--no-progress")
    assert alone == ""  # nothing else would load: --skip-bad would not help
