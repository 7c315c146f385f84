"""Shared by the bad-input suites (tests/inputs, tests/pipeline, tests/cli): two short stories,
folders built from them, a real PNG, and checks that a bad item is named and the rest loads."""

from __future__ import annotations

import logging
import threading
import zlib
from pathlib import Path

import pytest

from summarize import load_articles
from summarize.errors import ArticleError

STORY = (
    "Flood warnings\n\n"
    "Heavy rain caused the river to burst its banks on Sunday night.\n\n"
    "Hundreds of homes were evacuated, the fire service said.\n\n"
    "Forecasters expect more rain on Tuesday."
)
SENTENCES = tuple(STORY.split("\n\n")[1:])
#: Another outlet's report of the same flood.
STORY_2 = (
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


def good_folder(tmp_path: Path) -> Path:
    """A folder holding one good article, ``good.txt``; tests add a bad item next to it."""
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "good.txt").write_text(STORY, encoding="utf-8")
    return folder


def assert_rest_loads(folder: Path, bad_name: str, caplog) -> None:
    """With errors="skip" the good article loads and the bad item is named in a warning."""
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="summarize.inputs"):
        articles = load_articles(folder, errors="skip")
    assert [a.path.name for a in articles] == ["good.txt"]
    assert articles[0].sentences == SENTENCES
    assert bad_name in caplog.text


def raises_naming(error_type, name: str, call):
    with pytest.raises(error_type) as info:
        call()
    assert name in str(info.value), str(info.value)
    return info.value


def finishes(call, seconds: float = 60.0):
    """Run ``call`` in a thread; fail (instead of hanging the suite) if it does not finish."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as error:  # handed back to the test
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the call hung"
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome.get("value")


def png_bytes() -> bytes:
    """A real 1x1 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = (1).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def assert_names_file(error: ArticleError, path) -> None:
    assert str(path) in str(error)
    assert error.path is not None and error.path.name == path.name
