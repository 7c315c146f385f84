"""The public API named in DESIGN.md is importable from the package and is what it says."""

from __future__ import annotations

import subprocess
import sys

import summarize


def test_public_names_are_the_functions_and_classes():
    from summarize import Article, Briefing, Comparison, Digest, brief, compare, summarise

    assert callable(compare) and compare.__name__ == "compare"
    assert callable(summarise) and callable(brief)
    assert summarize.summarize is summarise
    for cls in (Article, Briefing, Comparison, Digest):
        assert isinstance(cls, type)


def test_compare_stays_a_function_after_its_module_is_imported():
    """A submodule named like a public function would shadow it once imported (regression)."""
    code = (
        "import summarize.comparison, summarize.briefing, summarize.digest\n"
        "from summarize import compare, brief, summarise\n"
        "assert callable(compare) and callable(brief) and callable(summarise), compare\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_import_is_light():
    """`import summarize` must not pull torch or numpy in (keeps the CLI's --help instant)."""
    code = "import sys, summarize; print('torch' in sys.modules, 'numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.split() == ["False", "False"]
