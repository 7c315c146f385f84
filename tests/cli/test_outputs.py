"""Where the command writes (issue 28, items 5 and 9): never onto anything the run reads, checked
before the work starts, and written atomically.

"Before the work starts" is checked by order, not by time: each refused ``-o`` is given with an
input that does not exist, so an output check made after loading would report the missing input
instead.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from summarize.cli import main
from summarize.cli.outputs import write_atomic
from tests._bad_input import STORY, STORY_2, folder_of
from tests.cli.test_bad_input import ROOT, assert_one_line_error

SIDECAR = "a.txt:\n  source: Alpha\n"


@pytest.fixture
def story(tmp_path):
    folder = folder_of(tmp_path, {"a.txt": STORY, "b.txt": STORY_2, "sources.yaml": SIDECAR})
    (folder / "notes.yml").write_text("x: 1\n", encoding="utf-8")
    return folder


def refused(capsys, args: list[str], *, says: str) -> str:
    """The command fails with one error line saying ``says`` outside the names it quotes."""
    assert main([*args, "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert_one_line_error(err)
    assert says in re.sub(r"'[^']*'", "''", err), err
    return err


def assert_untouched(folder: Path) -> None:
    assert (folder / "a.txt").read_text(encoding="utf-8") == STORY
    assert (folder / "sources.yaml").read_text(encoding="utf-8") == SIDECAR


# --------------------------------------------------------------------------- item 5


def test_output_onto_a_sidecar_is_refused_in_every_spelling(story, tmp_path, capsys, monkeypatch):
    (story / "sources.yml").write_text(SIDECAR, encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to(story / "sources.yaml")
    os.link(story / "sources.yaml", tmp_path / "hard.yaml")
    monkeypatch.chdir(tmp_path)
    for command in ("brief", "compare"):
        for output in (
            str(story / "sources.yaml"),  # absolute
            "story/sources.yaml",  # relative
            "story/../story/sources.yaml",  # with ..
            str(story / "sources.yml"),  # the other sidecar name
            str(tmp_path / "link.yaml"),  # a symbolic link to it
            str(tmp_path / "hard.yaml"),  # a hard link to it
        ):
            refused(capsys, [command, "story", "-o", output], says="sidecar")
    # The sidecar of a file named on its own is read too.
    refused(
        capsys, ["brief", "story/a.txt", "story/b.txt", "-o", "story/sources.yml"], says="sidecar"
    )
    assert_untouched(story)


def test_output_onto_an_article_is_refused_in_every_spelling(story, tmp_path, capsys, monkeypatch):
    (tmp_path / "link.txt").symlink_to(story / "a.txt")
    os.link(story / "a.txt", tmp_path / "hard.txt")
    monkeypatch.chdir(tmp_path)
    for output in ("story/a.txt", "./story/../story/b.txt", "link.txt", "hard.txt"):
        refused(capsys, ["brief", "story", "-o", output], says="input files")
    assert_untouched(story)


def test_output_into_a_cache_or_model_folder_is_refused(story, tmp_path, capsys, monkeypatch):
    models, pages, hub = tmp_path / "models", tmp_path / "pages", tmp_path / "hub"
    for folder in (models, pages, hub):
        folder.mkdir()
    monkeypatch.setenv("SUMMARIZE_CACHE", str(models))
    monkeypatch.setenv("SUMMARIZE_WEB_CACHE", str(pages))
    monkeypatch.setenv("HF_HOME", str(hub))
    missing = str(tmp_path / "missing")  # the check comes before loading
    for output, says in (
        (models / "static" / "out.md", "model cache"),
        (pages / "out.md", "web page cache"),
        (hub / "hub" / "x.json", "Hugging Face cache"),
    ):
        refused(capsys, ["brief", missing, "-o", str(output)], says=says)
        refused(capsys, ["stories", missing, "-o", str(output.parent)], says=says)
    embedder = tmp_path / "my-embedder"
    embedder.mkdir()
    refused(
        capsys,
        ["compare", missing, "--embedder", str(embedder), "-o", str(embedder / "c.md")],
        says="model folder",
    )


def test_sidecar_refused_before_loading(story, capsys):
    """The sidecar check comes before the work: with a missing input too, it is what fails."""
    refused(
        capsys,
        ["brief", str(story), str(story / "missing.txt"), "-o", str(story / "sources.yaml")],
        says="sidecar",
    )


# --------------------------------------------------------------------------- item 9


def test_unwritable_outputs_fail_before_loading(tmp_path, capsys):
    missing = str(tmp_path / "missing")  # loading it would fail: the output check comes first
    (tmp_path / "folder").mkdir()
    (tmp_path / "file.md").write_text("x", encoding="utf-8")
    (tmp_path / "read-only.md").write_text("x", encoding="utf-8")
    (tmp_path / "read-only.md").chmod(0o444)
    refused(capsys, ["brief", missing, "-o", str(tmp_path / "folder")], says="is a folder")
    refused(capsys, ["compare", missing, "-o", str(tmp_path / "file.md" / "x.md")], says="a file")
    refused(capsys, ["brief", missing, "-o", str(tmp_path / "file.md/a/b.md")], says="a file")
    refused(capsys, ["stories", missing, "-o", str(tmp_path / "file.md")], says="is a file")
    if os.geteuid() != 0:  # root may write anyway
        refused(capsys, ["brief", missing, "-o", str(tmp_path / "read-only.md")], says="read-only")
    if Path("/proc/self").is_dir():  # a folder no one can create files in, root included
        refused(capsys, ["brief", missing, "-o", "/proc/self/briefing.md"], says="cannot write")
        refused(capsys, ["stories", missing, "-o", "/proc/self/stories"], says="cannot write")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_fails_before_loading(tmp_path, capsys):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        missing = str(tmp_path / "missing")
        refused(capsys, ["brief", missing, "-o", str(locked / "b.md")], says="cannot write")
        refused(capsys, ["brief", missing, "-o", str(locked / "new" / "b.md")], says="cannot")
        refused(capsys, ["stories", missing, "-o", str(locked / "s")], says="cannot write")
    finally:
        locked.chmod(0o755)


def test_a_failed_write_leaves_the_old_output_whole(tmp_path):
    """A write that fails half way (here: text that is not encodable) keeps the old file and
    leaves no temporary file behind."""
    from summarize.cli.commands import _emit

    target = tmp_path / "briefing.md"
    target.write_text("old briefing\n", encoding="utf-8")
    target.chmod(0o640)
    with pytest.raises(UnicodeEncodeError):
        _emit("new text " * 1000 + "\ud800", target)
    assert target.read_text(encoding="utf-8") == "old briefing\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefing.md"]
    _emit("new briefing\n", target)
    assert target.read_text(encoding="utf-8") == "new briefing\n"
    assert target.stat().st_mode & 0o777 == 0o640  # the permissions of the file replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefing.md"]


SIZES = {"A": 24_000_000, "B": 16_000_000}

_WRITER = textwrap.dedent(
    f"""
    import sys
    from pathlib import Path
    from summarize.cli.commands import _emit

    target, letter = Path(sys.argv[1]), sys.argv[2]
    whole = {{letter * size + "\\n" for letter, size in {SIZES!r}.items()}}
    torn = 0
    for _ in range(12):
        _emit(letter * {SIZES!r}[letter] + "\\n", target)
        if target.read_text(encoding="utf-8") not in whole:  # seen half written
            torn += 1
    print(torn)
    """
)


def test_two_processes_writing_one_output_leave_one_whole(tmp_path):
    """Two processes writing big, different outputs to one file at once, each reading it back
    after every write: every read, and what is left at the end, is one output whole (no timing
    assumed: whichever writes last wins)."""
    target = tmp_path / "out.md"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(target), letter],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for letter in SIZES
    ]
    torn = 0
    for writer in writers:
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
        torn += int(out)
    data = target.read_bytes()
    assert data in [(letter * size + "\n").encode() for letter, size in SIZES.items()], len(data)
    assert torn == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


def test_write_atomic_writes_through_devices_and_creates_folders(tmp_path):
    write_atomic(Path(os.devnull), "nothing\n")  # a device is written, never replaced
    assert Path(os.devnull).exists() and not Path(os.devnull).is_file()
    write_atomic(tmp_path / "a" / "b" / "c.md", "text\n")
    assert (tmp_path / "a" / "b" / "c.md").read_text(encoding="utf-8") == "text\n"


@pytest.mark.slow  # two briefings in this process (~40 s loaded)
def test_our_own_output_in_the_folder_may_be_written_again(story, capsys):
    for _ in range(2):
        assert main(["brief", str(story), "-o", str(story / "briefing.md"), "--no-progress"]) == 0
    assert_untouched(story)
    assert main(["stories", str(story), "-o", str(story), "--no-progress"]) == 0
    assert main(["stories", str(story), "-o", str(story), "--no-progress"]) == 0
    assert_untouched(story)
