"""Names with terminal control characters reach stderr escaped (issue 28, item 6).

A file name, metadata key or path argument may hold an escape sequence (blinking text, a
cleared screen), a line break (a forged ``summarize: error: ...`` line), a bidi override (a name
that reads backwards) or any other C0/C1 control: every message that shows it escapes it, in
the load error, the ``--skip-bad`` warning and the log.
"""

from __future__ import annotations

import json
import logging
import unicodedata

import pytest

from summarize import load_articles
from summarize.errors import ArticleError
from summarize.terminal import printable, printable_lines
from tests._bad_input import STORY, STORY_2, folder_of
from tests.cli.test_bad_input import run_cli

#: One of each class: ESC sequences (SGR blink, clear screen), BEL, line breaks, DEL, the C1
#: CSI, the line separator, bidi override, isolate and mark.
CONTROLS = {
    "esc": "\x1b[5m",
    "clear": "\x1b[2J",
    "bell": "\x07",
    "newline": "\nsummarize: error: forged",
    "cr": "\rsummarize: error: forged",
    "del": "\x7f",
    "c1": "\x9b31m",
    "linesep": "\u2028",
    "override": "\u202e",
    "isolate": "\u2066",
    "mark": "\u200f",
}


def unsafe_characters(text: str) -> list[str]:
    """Control characters other than the line breaks between messages."""
    return [
        ch
        for ch in text
        if ch != "\n"
        and (
            unicodedata.category(ch) in ("Cc", "Zl", "Zp")
            or unicodedata.bidirectional(ch) in ("LRO", "RLO", "LRE", "RLE", "LRI", "RLI", "FSI")
            or ch in "\u200e\u200f\u061c\u202c\u2069"
        )
    ]


def assert_safe(stderr: str) -> None:
    assert unsafe_characters(stderr) == [], repr(stderr)
    assert not any(line.startswith("summarize: error: forged") for line in stderr.splitlines())


def bad_names_folder(tmp_path):
    """Two good articles and, per control class, an empty (so bad) file with it in its name."""
    folder = folder_of(tmp_path, {"a.txt": STORY, "b.txt": STORY_2})
    for kind, chars in CONTROLS.items():
        (folder / f"{kind}{chars}.txt").write_text("", encoding="utf-8")
    return folder


def test_printable_escapes_every_class_and_keeps_scripts():
    for chars in CONTROLS.values():
        assert unsafe_characters(printable(chars)) == []
    assert printable("a\x1b[5m\nb") == "a\\x1b[5m\\nb"
    assert printable("\u202eabc") == "\\u202eabc"
    kept = "Zürich, Москва, 東京, تهران‌ها, 👩‍💻"  # accents, scripts, ZWNJ, emoji ZWJ
    assert printable(kept) == kept
    assert printable_lines("one\ntwo\x1b") == "one\ntwo\\x1b"


def test_load_error_and_skip_warning_escape_file_names(tmp_path, caplog):
    folder = bad_names_folder(tmp_path)
    with pytest.raises(ArticleError) as info:
        load_articles(folder)
    assert_safe(str(info.value))
    assert "\\x1b[5m" in str(info.value) and "\\nsummarize: error: forged" in str(info.value)
    with caplog.at_level(logging.INFO, logger="summarize"):
        articles = load_articles(folder, errors="skip")
    assert [a.path.name for a in articles] == ["a.txt", "b.txt"]
    assert len(caplog.records) >= len(CONTROLS)
    for record in caplog.records:
        assert_safe(record.getMessage())


def test_other_messages_escape_names(tmp_path, caplog):
    """A link target, a sidecar entry, a metadata key and a missing path argument."""
    folder = folder_of(tmp_path, {"a.txt": STORY})
    (folder / "sources.yaml").write_text(
        json.dumps({"gone\x1b[5m.txt": {"source": "X"}}), encoding="utf-8"
    )
    (folder / "link.txt").symlink_to(tmp_path / "nowhere\x1b[2J\n.txt")
    (folder / "rec.json").write_text(
        '{"text": "' + STORY.replace("\n", " ") + '", "score\\u001b[5m": NaN}', encoding="utf-8"
    )
    with caplog.at_level(logging.INFO, logger="summarize"):
        articles = load_articles(folder, errors="skip")
    assert [a.path.name for a in articles] == ["a.txt"]
    messages = [record.getMessage() for record in caplog.records]
    assert any("nowhere" in m for m in messages) and any("score" in m for m in messages)
    assert any("gone" in m for m in messages)
    for message in messages:
        assert_safe(message)
    with pytest.raises(ArticleError) as info:
        load_articles(str(tmp_path / "missing\x1b[5m\rsummarize: error: forged.txt"))
    assert_safe(str(info.value))


def test_cli_stderr_escapes_names(tmp_path):
    """The real command: the load error (with its hint) and a missing path argument."""
    folder = bad_names_folder(tmp_path)
    failed = run_cli(["compare", str(folder), "--no-progress"])
    assert failed.returncode == 1
    assert "summarize: error:" in failed.stderr and "\\x1b[5m" in failed.stderr
    assert_safe(failed.stderr)
    missing = run_cli(["compare", str(tmp_path / "gone\x9b31m\u202e.txt"), "--no-progress"])
    assert missing.returncode == 1
    assert_safe(missing.stderr)


@pytest.mark.slow  # a comparison in a child process (~20 s loaded)
def test_cli_skip_bad_warning_escapes_names(tmp_path):
    folder = bad_names_folder(tmp_path)
    done = run_cli(["compare", str(folder), "--skip-bad", "--no-progress", "--format", "json"])
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("Skipped:") >= len(CONTROLS)
    assert_safe(done.stderr)
