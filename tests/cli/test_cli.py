"""The ``summarize`` command: output formats, exit codes, messages, and a fast ``--help``."""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from summarize.cli import build_parser, main

CLI = Path(sys.executable).parent / "summarize"


@pytest.fixture(scope="module")
def briefing(bundled_briefing):
    return bundled_briefing


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_help_is_instant_and_imports_no_model_code():
    code = (
        "import sys\n"
        "from summarize.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit as done:\n"
        "    assert done.code == 0\n"
        "heavy = {'torch', 'transformers', 'sentence_transformers', 'spacy', 'numpy'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert "examples:" in result.stdout
    assert result.stdout.strip().endswith("[]"), result.stdout[-300:]


@pytest.mark.parametrize("command", ["brief", "compare", "stories", "models"])
def test_each_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert f"usage: summarize {command}" in out
    if command == "brief":
        assert "--max-words" in out and "--method" in out and "examples:" in out


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    [subparsers] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return {"": parser, **subparsers.choices}


def _example_lines(parser: argparse.ArgumentParser) -> list[str]:
    """The command lines of a parser's "examples:" block (without their explanations)."""
    block = (parser.epilog or "").split("examples:\n", 1)[1].split("\n\n", 1)[0]
    lines = [line.strip() for line in block.splitlines() if line.strip().startswith("summarize")]
    return [re.split(r"\s{2,}", line)[0] for line in lines]


@pytest.mark.parametrize("command", ["", "brief", "compare", "stories", "models"])
def test_help_shows_an_example_of_every_option(command):
    """Each option of each command is used in that command's --help examples, and every
    example is a valid command line."""
    parser = build_parser()
    sub = _commands()[command]
    examples = _example_lines(sub)
    assert examples, f"summarize {command} --help has no examples"
    for example in examples:
        argv = shlex.split(example)[1:]
        parsed = parser.parse_args(argv)  # exits (fails the test) on a usage error
        if command:
            assert parsed.command == command, example
    words = {word for example in examples for word in shlex.split(example)}
    words |= {word[:2] for word in words if re.fullmatch(r"-[a-z]{2,}", word)}  # -vv: -v
    for action in sub._actions:
        options = set(action.option_strings) - {"-h", "--help", "--version"}
        if options:
            assert options & words, f"summarize {command} --help: no example uses {options}"


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["frobnicate"],
        ["brief", "--format", "pdf"],
        ["brief", "--max-words", "0"],
        ["brief", "--max-words", "many"],
        ["brief", "--method", "magic"],
    ],
)
def test_usage_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 2
    assert "usage: summarize" in capsys.readouterr().err


def test_missing_path_is_an_input_error(tmp_path, capsys):
    missing = tmp_path / "no-such-story"
    code, out, err = run(capsys, "brief", str(missing))
    assert code == 1
    assert out == ""
    assert err.startswith("summarize: error: ")
    assert "no-such-story" in err
    assert "Traceback" not in err


def test_empty_file_is_an_input_error(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, _, err = run(capsys, "compare", str(empty))
    assert code == 1
    assert "empty.txt" in err and "Traceback" not in err


def test_skip_bad_briefs_the_rest_and_names_what_it_left_out(story_dir, tmp_path, capsys, caplog):
    import shutil

    story = tmp_path / "story"
    shutil.copytree(story_dir, story)
    (story / "broken.txt").write_bytes(b"\x00\x01\x02 binary \xff\xfe" * 50)
    code, out, err = run(capsys, "brief", str(story), "--format", "json", "--no-progress")
    assert code == 1 and out == ""
    assert "broken.txt" in err and "--skip-bad" in err

    with caplog.at_level("WARNING"):
        code, out, err = run(
            capsys, "brief", str(story), "--format", "json", "--no-progress", "--skip-bad"
        )
    assert code == 0
    assert len(json.loads(out)["articles"]) == 3  # the three real ones
    assert "broken.txt" in caplog.text  # reported, not silently dropped


def test_unknown_model_is_a_clear_error(story_dir, capsys):
    code, _, err = run(capsys, "brief", str(story_dir), "--embedder", "no-such/embedder-model")
    assert code == 1
    assert "no-such/embedder-model" in err and "Traceback" not in err


def test_brief_markdown_to_stdout(briefing, story_dir, capsys):
    code, out, _ = run(capsys, "brief", str(story_dir))
    assert code == 0
    assert out == briefing.to_markdown()


def test_brief_format_from_output_suffix(briefing, story_dir, tmp_path, capsys):
    target = tmp_path / "out" / "briefing.html"
    code, out, err = run(capsys, "brief", str(story_dir), "-o", str(target))
    assert code == 0
    assert out == ""
    assert str(target) in err
    assert target.read_text(encoding="utf-8") == briefing.to_html()


def test_brief_options_reach_the_briefing(story_dir, capsys):
    code, out, _ = run(
        capsys,
        "brief",
        str(story_dir),
        "--format",
        "json",
        "--max-words",
        "60",
        "--per-source-words",
        "30",
    )
    assert code == 0
    data = json.loads(out)
    assert data["options"]["max_words"] == 60
    assert data["options"]["per_source_words"] == 30
    assert sum(len(s["text"].split()) for s in data["digest"]["sentences"]) <= 60
    for digest in data["per_source"].values():
        assert sum(len(s["text"].split()) for s in digest["sentences"]) <= 30


def test_claims_option_reaches_the_comparison_and_says_so(story_dir, capsys):
    code, out, _ = run(capsys, "brief", str(story_dir), "--format", "json")
    assert code == 0
    default = json.loads(out)
    assert "claims" not in default["options"]  # the default keeps the JSON's bytes
    code, out, _ = run(capsys, "brief", str(story_dir), "--format", "json", "--claims", "sentences")
    assert code == 0
    by_sentence = json.loads(out)
    assert by_sentence["options"]["claims"] == "sentences"

    # One sentence per outlet in every claim; grouped by fact, some outlet has two in one.
    def second_mentions(data) -> int:  # sentences ([article, index]) beyond one per outlet
        return sum(len(c["sentences"]) - len(c["sources"]) for c in data["comparison"]["claims"])

    assert second_mentions(by_sentence) == 0
    assert second_mentions(default) > 0
    code, out, _ = run(capsys, "brief", str(story_dir), "--claims", "sentences")
    assert "; claims by sentences)." in out.splitlines()[2]


def test_compare_formats(briefing, story_dir, capsys):
    code, out, _ = run(capsys, "compare", str(story_dir), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["sources"] == list(briefing.sources)
    assert len(data["claims"]) == len(briefing.comparison.claims)
    assert all(ref["text"] for claim in data["claims"] for ref in claim["sentences"])

    code, out, _ = run(capsys, "compare", str(story_dir))
    assert code == 0
    assert "## What all outlets report" in out and "## Where they differ" in out

    code, out, _ = run(capsys, "compare", str(story_dir), "--format", "html")
    assert code == 0
    assert out.startswith("<!DOCTYPE html>")
    side = out.split('id="sz-side-by-side"', 1)[1]
    assert side.count('<section class="sz-column"') == len(briefing.sources)


def test_models_lists_the_bundled_defaults(capsys):
    code, out, _ = run(capsys, "models")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["ROLE", "MODEL", "DEFAULT", "SIZE", "LOCATION"]
    embedder = next(line for line in lines if line.startswith("embedder"))
    assert "minilm-static" in embedder and " yes " in embedder and " MB " in embedder
    transformer = next(line for line in lines if "all-MiniLM-L6-v2" in line)
    assert transformer.startswith("embedder") and " MB " in transformer
    assert any("SmolLM2" in line for line in lines)


@pytest.mark.slow
def test_json_from_a_separate_process_is_byte_identical(briefing, story_dir, tmp_path):
    """The installed command, in its own process, writes exactly what this process computes."""
    target = tmp_path / "briefing.json"
    env = dict(os.environ, HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    result = subprocess.run(
        [str(CLI), "brief", str(story_dir), "-o", str(target)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout == ""
    assert target.read_bytes() == briefing.to_json().encode("utf-8")


def test_a_run_leaves_the_callers_logging_as_it_found_it(capsys, caplog):
    """main() runs in-process too (tests, notebooks): a -q run must not leave the package's
    warnings silenced afterwards (it did: the "summarize" logger stayed at ERROR)."""
    import logging

    package, root = logging.getLogger("summarize"), logging.getLogger()
    before = (package.level, root.level, list(root.handlers))
    for flags in (["-q"], ["-vv"]):
        code, _, _ = run(capsys, *flags, "models")
        assert code == 0
        assert (package.level, root.level, list(root.handlers)) == before
    with caplog.at_level(logging.WARNING):
        logging.getLogger("summarize.inputs.loading").warning("Skipped junk.txt")
    assert "junk.txt" in caplog.text
